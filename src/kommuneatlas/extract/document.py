"""The generic kind ``document``: any text without a dedicated extractor (a letter, a guidance note,
another committee's minutes).

The document gets its page with the manifest's metadata; its text is on the source-text pages,
where search and the legal references (with backlinks on the provision pages) find it, as for
every document. Structure is taken only where the text states it plainly: numbered headings
("1. Indledning", "2.3 Økonomi") in sequence become sections with their paragraphs. Paragraphs
end at a line that ends a sentence and is clearly shorter than the text's usual line, so blank
lines, or their absence, change nothing.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Any

from ..sources.manifest import SourceDocument
from ..sources.reference import KommuneIndex
from ..text.clean import collapse_ws
from ..text.lines import join_numbered
from ..text.sentences import ends_sentence
from .record import Record, provenance

_HEADING = re.compile(r"(?P<number>\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+(?P<title>[A-ZÆØÅ][^.;:!?]{1,90})")
_MAX_HEADING_WORDS = 12
_SHORT_LINE = 0.7  # a paragraph's last line is shorter than this share of the usual line
_MIN_SECTIONS = 2


@dataclass(frozen=True)
class _Heading:
    index: int  # position among the non-blank lines
    number: tuple[int, ...]
    title: str
    line: int


def _follows(previous: tuple[int, ...] | None, number: tuple[int, ...]) -> bool:
    """Whether ``number`` can come right after ``previous`` in an outline (1 → 1.1 → 1.2 → 2 …)."""
    if previous is None:
        return all(part == 1 for part in number)
    if number == (*previous, 1):
        return True
    for depth in range(len(previous), 0, -1):
        if number == (*previous[: depth - 1], previous[depth - 1] + 1):
            return True
    return False


def _headings(lines: list[tuple[int, str]]) -> list[_Heading]:
    found: list[_Heading] = []
    for index, (number, text) in enumerate(lines):
        match = _HEADING.fullmatch(text)
        if not match or len(text.split()) > _MAX_HEADING_WORDS or text.endswith((",", "-")):
            continue
        outline = tuple(int(part) for part in match["number"].split("."))
        if _follows(found[-1].number if found else None, outline):
            found.append(_Heading(index, outline, match["title"].strip(), number))
    return found if len(found) >= _MIN_SECTIONS else []


def _paragraphs(lines: list[tuple[int, str]], usual: float) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = []
    current: list[tuple[int, str]] = []
    for number, text in lines:
        current.append((number, text))
        if ends_sentence(text) and len(text) < usual * _SHORT_LINE:
            joined = join_numbered(current)
            if joined:
                result.append({"text": joined.text, "line": joined.first_line})
            current = []
    joined = join_numbered(current)
    if joined:
        result.append({"text": joined.text, "line": joined.first_line})
    return result


def sections(lines: list[tuple[int, str]]) -> list[dict[str, Any]]:
    """Numbered sections with their paragraphs, or none when the text has no numbered outline."""
    headings = _headings(lines)
    if not headings:
        return []
    usual = statistics.median(len(text) for _, text in lines)
    result = []
    for position, heading in enumerate(headings):
        end = headings[position + 1].index if position + 1 < len(headings) else len(lines)
        result.append({
            "number": ".".join(str(part) for part in heading.number),
            "heading": heading.title,
            "line": heading.line,
            "paragraphs": _paragraphs(lines[heading.index + 1 : end], usual),
        })  # fmt: skip
    return result


def extract(doc: SourceDocument, kommuner: KommuneIndex) -> list[Record]:
    """The document's own record: its sections where the text numbers them, and its provenance."""
    lines = [(number, text) for number, raw in enumerate(doc.lines, 1) if (text := collapse_ws(raw))]
    data: dict[str, Any] = {}
    if found := sections(lines):
        data["sections"] = found
    data["source"] = provenance(doc.id, lines[0][0] if lines else 1, lines[-1][0] if lines else 1)
    return [Record("documents", doc.id, data)]
