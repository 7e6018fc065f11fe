"""``kommuneatlas add``: register new source documents (PDF or UTF-8 text) in ``data/sources/``.

Each file is copied into the sources folder; a PDF's text is exported beside it (the manifest's
``file``; provenance line numbers refer to it) and the PDF is kept as ``original``. The kind,
title, publisher and date are detected from the text where the editor did not give them, and the
entry is appended to ``manifest.yaml`` round-trip (comments, order and formatting kept).

Every file is read, converted and checked before anything is written: one bad file means
nothing is written. Adding a file whose content is already in the manifest changes nothing.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..errors import KommuneatlasError, Problem
from ..store.atomic import write_bytes_atomic, write_text_atomic
from ..store.yaml import load_round_trip, round_trip
from ..text.danish_dates import MONTHS
from ..text.lines import source_lines
from ..text.slugs import slugify
from .detect.cues import DOC_TYPE_CUES
from .detect.doc_types import DocTypeGuess, detect_doc_type
from .detect.metadata import Detected, Metadata, detect_metadata
from .document_types import DOCUMENT_TYPES
from .manifest import MANIFEST, decode_text, read_manifest
from .pdftext import is_pdf, pdf_to_text
from .reference import KommuneIndex

MAX_FILE_BYTES = 50 * 1024 * 1024
"""The largest file ``add`` accepts (50 MiB): far above a text-based PDF of several hundred pages,
below what would make conversion and the source-text pages slow."""

PDF_SUFFIX = ".pdf"
TEXT_SUFFIXES = (".txt", ".text")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
UNKNOWN_PUBLISHER = "Ukendt udgiver"
_EXTRACTABLE = tuple(
    cues for cues in DOC_TYPE_CUES if cues.doc_type in DOCUMENT_TYPES
)  # types with an extractor
_ID_WORDS = 4  # words of the title in a generated id
_MONTH_SLUGS = frozenset(slugify(month) for month in MONTHS)

MANIFEST_HEADER = """\
# Kildedokumenterne. Hvert punkt: id (bruges i URL'er og proveniens), file (teksten i denne mappe,
# som linjenumre henviser til), original (PDF'en, som teksten er udtrukket af, hvis der er en),
# title, publisher, date (ISO), kind (vælger udtrækkeren). Tilføj et dokument med
# `kommuneatlas add FIL`; `kommuneatlas extract` læser det derefter.
documents: []
"""


@dataclass(frozen=True)
class AddOptions:
    """What the editor gave on the command line (None: detect it)."""

    kind: str | None = None
    id: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: date | None = None


@dataclass
class Added:
    """One file's outcome: the manifest entry written (or found), and what was detected."""

    path: Path
    id: str
    entry: dict[str, Any]
    detected: DocTypeGuess | None  # None: given with --kind
    metadata: Metadata | None
    files: list[str]  # written into the sources folder
    line_count: int = 0
    pages: int | None = None
    unchanged: bool = False  # the same content was already registered
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Prepared:
    added: Added
    digest: str  # of the file given
    writes: dict[str, bytes]  # file name in the sources folder → content


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_input(path: Path) -> bytes:
    if not path.is_file():
        raise KommuneatlasError(Problem(path, None, "filen findes ikke"))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise KommuneatlasError(
            Problem(
                path,
                None,
                f"filen er for stor ({size / 1024 / 1024:.0f} MB; højst {MAX_FILE_BYTES // 1024 // 1024} MB); "
                "del dokumentet op, eller gem det som tekst",
            )
        )
    data = path.read_bytes()
    if not data.strip():
        raise KommuneatlasError(Problem(path, None, "filen er tom"))
    return data


def _text_of(path: Path, data: bytes) -> tuple[str, int | None, list[str]]:
    """The document's text, its page count (PDF) and warnings."""
    suffix = path.suffix.lower()
    if suffix == PDF_SUFFIX:
        pdf = pdf_to_text(data, path)
        warnings = []
        if pdf.empty_pages:
            pages = ", ".join(str(n) for n in pdf.empty_pages)
            warnings.append(f"side {pages} har ingen tekst (scannede billeder?); den tekst kræver OCR")
        return pdf.text, pdf.pages, warnings
    if suffix in TEXT_SUFFIXES:
        return decode_text(data, path), None, []
    hint = " (filen er en PDF: giv den endelsen .pdf)" if is_pdf(data) else ""
    raise KommuneatlasError(
        Problem(
            path,
            None,
            f"filtypen {suffix or '(ingen)'!r} kan ikke tilføjes: gem dokumentet som PDF eller UTF-8-tekst (.txt){hint}",
        )
    )


def _next_number(sources: Path) -> int:
    numbers = [int(m[1]) for p in sources.glob("*") if (m := re.match(r"^(\d+)_", p.name))]
    return max(numbers, default=-1) + 1


def _generated_id(publisher: str | None, when: date | None, title: str, taken: set[str]) -> str:
    """``<publisher>-<year>-<words of the title>``: the title's words that the publisher and the
    date do not already say, short words left out; ``-2``, ``-3`` … if the id is taken."""
    sender = slugify(publisher) if publisher and publisher != UNKNOWN_PUBLISHER else ""
    named = set(sender.split("-"))
    words = [
        word
        for word in slugify(title, max_length=200).split("-")
        if word not in named and not word.isdigit() and word not in _MONTH_SLUGS and len(word) > 2
    ]
    parts = [sender, str(when.year) if when else "", *words[:_ID_WORDS]]
    base = slugify(" ".join(p for p in parts if p), max_length=60)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _value(given: Any, detected: Detected) -> Any:
    return given if given is not None else detected.value


class _Manifest:
    """The manifest as the editor wrote it, and what it already lists."""

    def __init__(self, sources: Path) -> None:
        self.path = sources / MANIFEST
        self.entries = read_manifest(sources) if self.path.is_file() else []
        self.ids = {entry.id: entry for entry in self.entries if entry.id}
        self.by_digest: dict[str, str] = {}
        for entry in self.entries:
            for name in entry.files:
                file = sources / name
                if file.is_file() and file.stat().st_size <= MAX_FILE_BYTES:
                    self.by_digest.setdefault(_digest(file.read_bytes()), entry.id)

    def append(self, entries: list[dict[str, Any]]) -> str:
        """The manifest's text with ``entries`` appended (round-trip: comments and order kept)."""
        yaml = round_trip(width=4096)  # never re-wrap the editor's long titles
        document = load_round_trip(self.path) if self.path.is_file() else None
        if document is None:
            document = yaml.load(MANIFEST_HEADER)
        if document.get("documents") is None:
            document["documents"] = CommentedSeq()
        for fields in entries:
            entry = CommentedMap(fields)
            if fields.get("original"):
                entry.yaml_add_eol_comment("originalen; teksten i 'file' er udtrukket af den", "original")
            if fields.get("date") is None:
                entry.yaml_add_eol_comment("ingen dato fundet; ret den her", "date")
            document["documents"].append(entry)
        stream = io.StringIO()
        yaml.dump(document, stream)
        return stream.getvalue()


def _prepare(
    path: Path, options: AddOptions, manifest: _Manifest, kommuner: KommuneIndex, number: int, taken: set[str]
) -> _Prepared:
    data = _read_input(path)
    digest = _digest(data)
    existing = manifest.by_digest.get(digest)
    if existing is not None:
        fields = dict(manifest.ids[existing].fields) if existing in manifest.ids else {"id": existing}
        added = Added(path, existing, fields, None, None, [], unchanged=True)
        if options.id and options.id != existing:
            added.warnings.append(f"--id {options.id} ignoreres: filen er allerede tilføjet som {existing!r}")
        return _Prepared(added, digest, {})
    if options.id is not None:
        if not ID_PATTERN.match(options.id):
            raise KommuneatlasError(
                Problem(path, None, f"ugyldigt id {options.id!r}: brug små bogstaver a-z, tal og bindestreg")
            )
        if options.id in taken:
            where = manifest.ids.get(options.id)
            also = f" (dokument {where.index}: {where.fields.get('file')})" if where else ""
            raise KommuneatlasError(
                Problem(
                    manifest.path, where.line if where else None, f"id {options.id!r} findes allerede{also}"
                )
            )
    text, pages, warnings = _text_of(path, data)
    guess = None if options.kind else detect_doc_type(text, _EXTRACTABLE)
    kind = options.kind or (guess.doc_type if guess else "document")
    metadata = detect_metadata(text, kind, kommuner, path.stem)
    publisher = _value(options.publisher, metadata.publisher) or UNKNOWN_PUBLISHER
    when = _value(options.date, metadata.date)
    title = str(_value(options.title, metadata.title))
    document_id = options.id or _generated_id(publisher, when, title, taken)
    if publisher == UNKNOWN_PUBLISHER:
        warnings.append("ingen udgiver fundet; angiv den med --publisher, eller ret 'publisher' i manifestet")
    stem = f"{number:03d}_{slugify(path.stem, max_length=40)}"
    writes: dict[str, bytes] = {}
    entry: dict[str, Any] = {"id": document_id, "file": f"{stem}.txt"}
    if path.suffix.lower() == PDF_SUFFIX:
        entry["original"] = f"{stem}{PDF_SUFFIX}"
        writes[entry["original"]] = data
        writes[entry["file"]] = text.encode("utf-8")
    else:
        writes[entry["file"]] = data
    entry.update({"title": title, "publisher": publisher, "date": when, "kind": kind})
    added = Added(
        path,
        document_id,
        entry,
        guess,
        metadata,
        list(writes),
        len(source_lines(text)),
        pages,
        False,
        warnings,
    )
    return _Prepared(added, digest, writes)


def add_documents(
    paths: list[Path], data: Path, kommuner: KommuneIndex, options: AddOptions | None = None
) -> list[Added]:
    """Register ``paths`` in ``data/sources/``; nothing is written unless every file is good."""
    options = options or AddOptions()
    if len(paths) > 1 and (options.id or options.title):
        raise KommuneatlasError("--id og --title kan kun bruges, når der tilføjes én fil ad gangen")
    sources = data / "sources"
    manifest = _Manifest(sources)
    taken = set(manifest.ids)
    number = _next_number(sources) if sources.is_dir() else 0
    prepared: list[_Prepared] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            item = _prepare(path, options, manifest, kommuner, number, taken)
        except KommuneatlasError as exc:
            problems += exc.problems
            continue
        if not item.added.unchanged:  # the same file twice in one call is added once
            number += 1
            taken.add(item.added.id)
            manifest.by_digest[item.digest] = item.added.id
        prepared.append(item)
    if problems:
        raise KommuneatlasError(problems)
    new = [item for item in prepared if not item.added.unchanged]
    if new:
        for item in new:
            for name, content in item.writes.items():
                write_bytes_atomic(sources / name, content)
        write_text_atomic(manifest.path, manifest.append([item.added.entry for item in new]))
    return [item.added for item in prepared]
