"""The bundle's table of contents, its attachments' spans of lines, and its page furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...errors import ExtractionError
from ...sources.manifest import SourceDocument
from ...text.clean import collapse_ws

_TOC_HEADING = re.compile(r"^Indholdsfortegnelse\b", re.IGNORECASE)
_TOC_ENTRY = re.compile(r"^(?P<title>.+?)\.*\t(?P<page>\d+)$")
_TOC_ITEM = re.compile(r"^(?P<number>\d+\.\d+)\s+(?P<title>.+)$")
_TOC_ATTACHMENT = re.compile(r"^Bilag\s+(?P<number>\d+)\s*:\s*(?P<title>.+)$", re.IGNORECASE)

DATE_LINE = re.compile(r"^Dato:?\s+(?P<value>.+)$")
CASE_ID_LINE = re.compile(r"^(?P<label>Sags ID|Sagsnr\.?)\s*:?\s*(?P<value>\S+)")
DOC_ID_LINE = re.compile(r"^Dok\. ID:\s*(?P<value>\d+)")
_PAGE_LINE = re.compile(r"^Side \d+(?: af (?P<of>\d+))?$")
_SINGLE_FURNITURE = (DATE_LINE, CASE_ID_LINE, DOC_ID_LINE, _PAGE_LINE, re.compile(r"^(E-mail|Direkte):"))
_FURNITURE_BLOCK_MAX_LINES = 25
FURNITURE_LINE_MAX_CHARS = 60


@dataclass(frozen=True)
class TocEntry:
    item: str
    number: int | None  # attachment number within the item; None for the item's own entry
    title: str
    page: int
    line: int


@dataclass(frozen=True)
class Part:
    """One attachment's text: from its agenda-item number line to its last non-blank line."""

    item: str
    number: int
    first_line: int
    last_line: int


def parse_toc(doc: SourceDocument) -> tuple[list[TocEntry], list[TocEntry], int]:
    """Agenda items and attachments from the table of contents, and the TOC's last line number."""
    heading = next((n for n, line in enumerate(doc.lines, 1) if _TOC_HEADING.match(line.strip())), None)
    if heading is None:
        raise ExtractionError(doc.path, None, "ingen indholdsfortegnelse ('Indholdsfortegnelse')")
    items: list[TocEntry] = []
    attachments: list[TocEntry] = []
    end = heading
    for number in range(heading + 1, len(doc.lines) + 1):
        line = doc.line(number).strip()
        if not line:
            if items or attachments:
                break
            continue
        entry = _TOC_ENTRY.match(line)
        if entry is None:
            break
        end = number
        title, page = collapse_ws(entry.group("title")), int(entry.group("page"))
        if item := _TOC_ITEM.match(title):
            items.append(TocEntry(item.group("number"), None, item.group("title"), page, number))
        elif attachment := _TOC_ATTACHMENT.match(title):
            if not items:
                raise ExtractionError(
                    doc.path, number, "et bilag står før ethvert dagsordenspunkt i indholdsfortegnelsen"
                )
            items_number = items[-1].item
            attachments.append(
                TocEntry(
                    items_number, int(attachment.group("number")), attachment.group("title"), page, number
                )
            )
        # anything else is the TOC's own entry ("Indholdsfortegnelse - Bilag<TAB>1")
    if not attachments:
        raise ExtractionError(doc.path, heading, "indholdsfortegnelsen nævner ingen bilag")
    return items, attachments, end


def split_parts(
    doc: SourceDocument, items: list[TocEntry], attachments: list[TocEntry], toc_end: int
) -> list[Part]:
    """The attachments' text spans, opened by bare agenda-item number lines, matched to the TOC."""
    numbers = {entry.item for entry in items}
    starts = [
        (n, doc.line(n).strip())
        for n in range(toc_end + 1, len(doc.lines) + 1)
        if doc.line(n).strip() in numbers
    ]
    expected = [(a.item, a.number) for a in attachments]
    found: list[tuple[str, int]] = []
    for _, item in starts:
        found.append((item, sum(1 for i, _ in found if i == item) + 1))
    if found != expected:
        line = starts[len(expected)][0] if len(starts) > len(expected) else None
        raise ExtractionError(
            doc.path,
            line,
            f"bilagene i teksten ({_describe(found)}) svarer ikke til indholdsfortegnelsen "
            f"({_describe(expected)})",
        )
    parts: list[Part] = []
    for index, (first, item) in enumerate(starts):
        stop = starts[index + 1][0] if index + 1 < len(starts) else len(doc.lines) + 1
        last = max(n for n in range(first, stop) if doc.line(n).strip())
        parts.append(Part(item, found[index][1], first, last))
    return parts


def _describe(pairs: list[tuple[str, int]]) -> str:
    return ", ".join(f"{item} bilag {number}" for item, number in pairs) or "ingen"


def furniture_lines(doc: SourceDocument) -> frozenset[int]:
    """Line numbers of page furniture: header/footer blocks and single furniture lines.

    A block runs from a "Dato" line to the next "Side N af M" line when every line between is
    short and has no tab (the KL footer: dates, case and document ids, e-mail, address, web site).
    """
    marked: set[int] = set()
    for number, raw in enumerate(doc.lines, 1):
        line = raw.strip()
        if any(pattern.match(line) for pattern in _SINGLE_FURNITURE):
            marked.add(number)
        if not DATE_LINE.match(line):
            continue
        for end in range(number + 1, min(number + _FURNITURE_BLOCK_MAX_LINES, len(doc.lines)) + 1):
            candidate = doc.line(end)
            if "\t" in candidate or len(candidate.strip()) > FURNITURE_LINE_MAX_CHARS:
                break
            page = _PAGE_LINE.match(candidate.strip())
            if page and page.group("of"):
                marked.update(range(number, end + 1))
                break
    return frozenset(marked)
