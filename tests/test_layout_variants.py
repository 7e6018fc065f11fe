"""Every extractor gives the same records whatever converter wrote the text (issue 14, point 3).

Each bundled document and each synthetic document (``kommuneatlas synth``, scale 1, and a KKR
agenda) is laid out
anew by every variant of :mod:`kommuneatlas.synth.layouts` (no blank lines, CRLF, form feeds, no
trailing spaces, non-breaking spaces, running headers and footers with page numbers, all at once),
read the way ``extract`` reads a source (the manifest and :func:`load_manifest`), and its records
compared with those of the original text, record by record and field by field.

Line numbers differ between layouts, so they are not compared as numbers: a line-number field (and
a "linje N" in a note) must point in both texts to a line with the same text.

pdftotext's own layout (a form feed instead of the leading space that marks a page start) is read
with the form feed kept at the start of its line, as a reader that splits lines at line ends only
keeps it: ``str.splitlines`` would make it a line break and lose the page start, which the
frikommune note's footnotes and chapter headings need.

One difference is allowed, and only where the variant drops the blank lines: the frikommune note
divides its chapters into paragraphs at its blank lines, and a text without them can only be
divided where a line ends a sentence (see :mod:`kommuneatlas.extract.frikommune.chapters`). There
a network's introduction, data sources, status and experiences must hold the same text, word for
word, in paragraphs that may be divided otherwise.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, SOURCES
from kommuneatlas.extract.common.layout import normalised_lines
from kommuneatlas.extract.record import Record
from kommuneatlas.extract.registry import extractor_for
from kommuneatlas.sources.manifest import SourceDocument, load_manifest
from kommuneatlas.sources.reference import KommuneIndex, load_kommuner
from kommuneatlas.synth import agenda, corpus_documents
from kommuneatlas.synth.context import Context
from kommuneatlas.synth.layouts import (
    RUNNING_TITLE,
    VARIANTS,
    form_feeds,
    furniture_top,
    no_blank_lines,
    pdftotext,
)
from kommuneatlas.text.clean import collapse_ws

LINE_FIELD = re.compile(r"(?:^|_)lines?$")
LINE_IN_TEXT = re.compile(r"\blinje (\d+)")
# Where the blank lines are gone, the frikommune chapters' paragraphs may be divided otherwise.
WITHOUT_BLANK_LINES = ("no-blank-lines", "pdf-like")
CHAPTER_PARTS = ("introduction", "data_sources", "status", "experiences")

_REFERENCE = REPO / "data" / "reference" / "kommuner.yaml"
_SYNTHETIC = [
    *corpus_documents(1, _REFERENCE, seed=0),
    agenda.kkr_agenda(Context(random.Random(0), load_kommuner(_REFERENCE))),
]
DOCUMENTS: dict[str, tuple[dict[str, Any], str]] = {
    doc.id: ({k: getattr(doc, k) for k in ("id", "title", "publisher", "date", "kind")}, doc.text)
    for doc in load_manifest(SOURCES)
}
DOCUMENTS |= {
    f"synth-{doc.kind}": (
        {k: getattr(doc, k) for k in ("id", "title", "publisher", "date", "kind")},
        doc.text,
    )
    for doc in _SYNTHETIC
}


def read_as_source(folder: Path, entry: dict[str, Any], text: str) -> SourceDocument:
    """The text as ``extract`` reads a source: written to a file, listed in a manifest, loaded."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "document.txt").write_bytes(text.encode("utf-8"))
    quoted = {key: str(value).replace('"', '\\"') for key, value in entry.items()}
    day = "" if entry["date"] is None else entry["date"]
    (folder / "manifest.yaml").write_text(
        "documents:\n"
        f'  - id: "{quoted["id"]}"\n    file: document.txt\n    title: "{quoted["title"]}"\n'
        f'    publisher: "{quoted["publisher"]}"\n    date: {day}\n    kind: {entry["kind"]}\n',
        encoding="utf-8",
    )
    (document,) = load_manifest(folder)
    return document


def comparable(records: list[Record], paragraphs_may_differ: bool) -> list[Any]:
    """The records without their line numbers; chapter texts joined where their paragraphs may differ."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: strip(item) for key, item in value.items() if not LINE_FIELD.search(key)}
        if isinstance(value, list):
            return [strip(item) for item in value]
        if isinstance(value, str):
            return LINE_IN_TEXT.sub("linje #", value)
        return value

    found = []
    for record in records:
        data = strip(record.data)
        if paragraphs_may_differ and record.kind == "networks":
            data |= {part: collapse_ws(" ".join(data[part])) for part in CHAPTER_PARTS}
        found.append((record.kind, record.id, data))
    return found


def line_numbers(value: Any, path: str = "") -> Iterator[tuple[str, int]]:
    """Every line number in a record's data, with where it stands."""
    if isinstance(value, dict):
        for key, item in value.items():
            if LINE_FIELD.search(key) and isinstance(item, int):
                yield f"{path}.{key}", item
            elif LINE_FIELD.search(key) and isinstance(item, list):
                yield from ((f"{path}.{key}[{i}]", n) for i, n in enumerate(item) if isinstance(n, int))
            else:
                yield from line_numbers(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from line_numbers(item, f"{path}[{index}]")
    elif isinstance(value, str):
        for index, match in enumerate(LINE_IN_TEXT.finditer(value)):
            yield f"{path}#linje{index}", int(match[1])


@pytest.fixture(scope="module")
def originals(
    tmp_path_factory: pytest.TempPathFactory, kommuner: KommuneIndex
) -> dict[str, tuple[SourceDocument, list[Record]]]:
    found = {}
    for key, (entry, text) in DOCUMENTS.items():
        document = read_as_source(tmp_path_factory.mktemp("original"), entry, text)
        found[key] = (document, extractor_for(document)(document, kommuner))
    return found


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("key", sorted(DOCUMENTS))
def test_every_layout_gives_the_same_records(
    key: str,
    variant: str,
    originals: dict[str, tuple[SourceDocument, list[Record]]],
    kommuner: KommuneIndex,
    tmp_path: Path,
) -> None:
    entry, text = DOCUMENTS[key]
    original, expected = originals[key]
    document = read_as_source(tmp_path, entry, VARIANTS[variant](text))
    found = extractor_for(document)(document, kommuner)
    loose = variant in WITHOUT_BLANK_LINES
    assert comparable(found, loose) == comparable(expected, loose)
    # Line numbers point to the same text in both layouts (where neither line is page furniture).
    before, after = normalised_lines(original.lines), normalised_lines(document.lines)
    for old, new in zip(expected, found, strict=True):
        pairs = dict(line_numbers(old.data))
        for where, number in line_numbers(new.data):
            if where not in pairs:
                continue  # a paragraph list divided otherwise (see the module docstring)
            was, now = collapse_ws(before[pairs[where] - 1]), collapse_ws(after[number - 1])
            if was and now:
                assert now == was, f"{old.kind}/{old.id}{where}: line {number} is not line {pairs[where]}"


def test_the_variants_change_what_they_say_and_nothing_else() -> None:
    text = "Titel \n\n \nFørste linje \n\nanden linje.\n Side to begynder \n\nslut \n"
    assert no_blank_lines(text) == "Titel \nFørste linje \nanden linje.\n Side to begynder \nslut "
    assert VARIANTS["crlf"](text).split("\r\n") == text.split("\n")
    assert form_feeds(text).count("\f") == 1 and "\n\f Side to begynder" in form_feeds(text)
    assert VARIANTS["no-trailing-spaces"](text).splitlines()[0] == "Titel"
    assert "\u00a0" in VARIANTS["nbsp"]("Side 3 af 12 og § 9 i Aalborg Kommune")
    top = furniture_top(text).split("\n")
    assert top[:2] == [RUNNING_TITLE, "Side 1 af 2"]
    assert top[top.index(" Side to begynder ") - 2 :][:2] == [f" {RUNNING_TITLE}", "Side 2 af 2"]
    assert [collapse_ws(line) for line in VARIANTS["furniture-bottom"](text).split("\n")][-2:] == [
        "Side 2 af 2",
        RUNNING_TITLE,
    ]
    for variant in VARIANTS.values():  # pure, deterministic, and the words stay
        assert variant(text) == variant(text)
        words = re.sub(r"Side\s\d\saf\s\d", "", variant(text).replace(RUNNING_TITLE, ""))
        assert collapse_ws(words) == collapse_ws(text)


def test_documents_without_page_starts_get_pages_after_their_page_numbers() -> None:
    text = "a\nSide 1 af 2\nb\nc\nSide 2 af 2\n"
    assert "Side 1 af 2\n\fb" in form_feeds(text)


# Documents whose exporter marks page starts with a leading space (in the Nørholm proposal it marks
# a lost bullet, and the appendix bundle has no page starts to replace).
PAGE_START_DOCUMENTS = sorted(
    key
    for key, (entry, _) in DOCUMENTS.items()
    if entry["kind"] not in ("regional-proposal", "kkr-appendix-bundle")
)


@pytest.mark.parametrize("key", PAGE_START_DOCUMENTS)
def test_page_breaks_as_form_feeds_reach_the_extractors_in_their_lines(
    key: str, originals: dict[str, tuple[SourceDocument, list[Record]]], kommuner: KommuneIndex
) -> None:
    """pdftotext's layout, read by a reader that splits lines at line ends only (a form feed stays
    at the start of the page's first line): the same records."""
    entry, text = DOCUMENTS[key]
    original, expected = originals[key]
    lines = tuple(pdftotext(text).replace("\r\n", "\n").split("\n"))
    document = SourceDocument(**entry, file=original.file, path=original.path, lines=lines)
    found = extractor_for(document)(document, kommuner)
    assert comparable(found, True) == comparable(expected, True)
