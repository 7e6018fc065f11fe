"""KKR appendix bundles ("Indholdsfortegnelse - Bilag"): the attachments to a KKR meeting in one export.

The bundle opens with a table of contents (agenda items ``2.1 Orientering<TAB>2`` and their
attachments ``Bilag 1: …<TAB>2``). Each attachment then starts with a bare agenda-item number line
("2.1") followed by the item title. Attachments are letters and KL notes with page furniture
("Dato:", "Sags ID:", "Dok. ID:", addresses, "Side 3 af 9") on every page, tab-separated tables
whose cells may hold HTML, and a financing table ``Kommune<TAB>1.000 kr.`` with a total row.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ...errors import ExtractionError
from ...sources.manifest import SourceDocument
from ...sources.reference import KommuneIndex
from ...text.clean import collapse_ws, join_hyphenated, join_lines
from ...text.danish_amounts import parse_danish_int
from ...text.danish_dates import parse_danish_date
from ...text.html_text import html_to_text
from ..common.layout import cleaned, normalised
from ..record import Record, provenance

_TOC_HEADING = re.compile(r"^Indholdsfortegnelse\b", re.IGNORECASE)
_TOC_ENTRY = re.compile(r"^(?P<title>.+?)\.*\t(?P<page>\d+)$")
_TOC_ITEM = re.compile(r"^(?P<number>\d+\.\d+)\s+(?P<title>.+)$")
_TOC_ATTACHMENT = re.compile(r"^Bilag\s+(?P<number>\d+)\s*:\s*(?P<title>.+)$", re.IGNORECASE)

_DATE_LINE = re.compile(r"^Dato:?\s+(?P<value>.+)$")
_CASE_ID_LINE = re.compile(r"^(?P<label>Sags ID|Sagsnr\.?)\s*:?\s*(?P<value>\S+)")
_DOC_ID_LINE = re.compile(r"^Dok\. ID:\s*(?P<value>\d+)")
_PAGE_LINE = re.compile(r"^Side \d+(?: af (?P<of>\d+))?$")
_SINGLE_FURNITURE = (_DATE_LINE, _CASE_ID_LINE, _DOC_ID_LINE, _PAGE_LINE, re.compile(r"^(E-mail|Direkte):"))
_FURNITURE_BLOCK_MAX_LINES = 25
_FURNITURE_LINE_MAX_CHARS = 60

_BOLD = re.compile(r"\*\*(?P<text>.+?)\*\*")
# A signatory's name: two to four capitalised words, none of them a body's ("KKR", "Region", "Kommune").
_SIGNATORY = re.compile(
    r"(?!.*\b(?:Region|Kommune|KKR)\b)[A-ZÆØÅ][a-zæøåéü-]+(?:\s+[A-ZÆØÅ][a-zæøåéü-]+){1,3}"
)
_SALUTATION = re.compile(r"^Kære\s+(?P<value>.+)$")
_CLOSING = re.compile(r"^(?:Med\s+)?venlig\s+hilsen\b", re.IGNORECASE)
_SEPARATOR_ROW = re.compile(r"^[-\s]+$")
_LEGAL_BASIS_HEADER = re.compile(r"lovgrundlag", re.IGNORECASE)
_TOTAL_LABEL = re.compile(r"\bi alt\b", re.IGNORECASE)
_THOUSANDS_UNIT = re.compile(r"^(?:1\.000 kr\.?|t\.?\s?kr\.?)$", re.IGNORECASE)


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


def extract(doc: SourceDocument, kommuner: KommuneIndex) -> list[Record]:
    """The bundle as one ``documents`` record (see the module docstring for the layout)."""
    # The letters' footer blocks end with their page numbers, and an attachment's text runs to its
    # last line of furniture: both are read before the page furniture is blanked.
    clean = cleaned(doc)
    furniture = furniture_lines(clean)
    doc = normalised(doc)
    items, attachments, toc_end = parse_toc(doc)
    parts = split_parts(clean, items, attachments, toc_end)
    first, last = _content_span(clean)
    data: dict[str, Any] = {
        "kkr": find_kkr(doc, kommuner),
        "agenda_items": [
            {
                "number": entry.item,
                "title": entry.title,
                "page": entry.page,
                "line": entry.line,
                "first_line": next((p.first_line for p in parts if p.item == entry.item), None),
            }
            for entry in items
        ],
        "attachments": [
            {"item": a.item, "number": a.number, "title": a.title, "page": a.page, "line": a.line}
            for a in attachments
        ],
        "letters": [parse_letter(doc, part, furniture) for part in parts],
        "bureaucracy_rows": parse_bureaucracy_rows(doc, parts, furniture),
        "financing": parse_financing(doc, kommuner),
        "source": provenance(doc.id, first, last),
    }
    return [Record(kind="documents", id=doc.id, data=data)]


def _content_span(doc: SourceDocument) -> tuple[int, int]:
    numbers = [n for n, line in enumerate(doc.lines, 1) if line.strip()]
    if not numbers:
        raise ExtractionError(doc.path, None, "dokumentet er tomt")
    return numbers[0], numbers[-1]


def find_kkr(doc: SourceDocument, kommuner: KommuneIndex) -> str:
    """The KKR the bundle belongs to: the KKR named most often in the text (first named wins ties)."""
    text = collapse_ws(doc.text)
    counts = {kkr: len(re.findall(rf"\b{re.escape(kkr)}\b", text)) for kkr in kommuner.kkrs}
    named = [kkr for kkr, count in counts.items() if count]
    if not named:
        raise ExtractionError(doc.path, None, "teksten nævner intet KKR")
    return max(named, key=lambda kkr: (counts[kkr], -text.index(kkr)))


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
        if not _DATE_LINE.match(line):
            continue
        for end in range(number + 1, min(number + _FURNITURE_BLOCK_MAX_LINES, len(doc.lines)) + 1):
            candidate = doc.line(end)
            if "\t" in candidate or len(candidate.strip()) > _FURNITURE_LINE_MAX_CHARS:
                break
            page = _PAGE_LINE.match(candidate.strip())
            if page and page.group("of"):
                marked.update(range(number, end + 1))
                break
    return frozenset(marked)


def _nonblank(doc: SourceDocument, first: int, last: int) -> list[int]:
    return [n for n in range(first, last + 1) if doc.line(n).strip()]


def parse_letter(doc: SourceDocument, part: Part, furniture: frozenset[int]) -> dict[str, Any]:
    """Title, date, case id, sender and recipient of one attachment (None where not stated)."""
    lines = _nonblank(doc, part.first_line + 1, part.last_line)
    if len(lines) < 2:
        raise ExtractionError(doc.path, part.first_line, f"bilaget til punkt {part.item} har ingen titel")
    title, title_line = _letter_title(doc, lines[1:], furniture)
    parsed_date, date_line, date_labelled = _letter_date(doc, lines)
    case_id, case_label, case_line = _first_match(doc, lines, _CASE_ID_LINE)
    doc_id, _, _ = _first_match(doc, lines, _DOC_ID_LINE)
    recipient, _, _ = _first_match(doc, lines, _SALUTATION)
    signatories = _signatories(doc, lines)
    return {
        "item": part.item,
        "number": part.number,
        "title": title,
        "title_line": title_line,
        "date": parsed_date,
        "date_line": date_line,
        "date_labelled": date_labelled,
        "case_id": case_id,
        "case_id_label": case_label,
        "case_id_line": case_line,
        "doc_id": doc_id,
        "sender": " og ".join(s["name"] for s in signatories) or None,
        "signatories": signatories,
        "recipient": recipient,
        "line": part.first_line,
        "last_line": part.last_line,
    }


def _letter_title(doc: SourceDocument, lines: list[int], furniture: frozenset[int]) -> tuple[str, int]:
    """The attachment's own heading, after the agenda-item title line.

    A heading in bold (``**…**``) among the short lines before the running text wins (a letter's
    address block comes first); otherwise the heading is the first line, continued while a line
    starts in lower case or follows one that does ("Resultatkontrakt 2024" / "mellem" / …).
    """
    first = lines[0]
    head = list(itertools.takewhile(lambda n: not _is_running_text(doc.line(n)), lines))
    for number in head or [first]:
        if bold := _BOLD.search(doc.line(number)):
            return collapse_ws(bold.group("text")), number
    if first in furniture:
        raise ExtractionError(
            doc.path, first, "bilaget har sidehoved eller -fod, hvor dets overskrift skulle stå"
        )
    title = [first]
    for number in lines[1:]:
        text, previous = doc.line(number).strip(), doc.line(title[-1]).strip()
        if number in furniture or not (text[:1].islower() or previous[:1].islower()):
            break
        title.append(number)
    return join_lines(doc.line(n) for n in title), first


def _is_running_text(line: str) -> bool:
    """A line of a letter's text rather than of its address block or heading: long, or a sentence's end."""
    text = line.strip()
    return len(text) > _FURNITURE_LINE_MAX_CHARS or text.endswith((".", "!", "?"))


def _letter_date(doc: SourceDocument, lines: list[int]) -> tuple[date | None, int | None, bool]:
    """The first "Dato" line's date; failing that, the first line that is nothing but a date."""
    for number in lines:
        if match := _DATE_LINE.match(doc.line(number).strip()):
            value = parse_danish_date(match.group("value"))
            if value is None:
                raise ExtractionError(doc.path, number, f"ulæselig dato {match.group('value')!r}")
            return value, number, True
    for number in lines:
        if (value := parse_danish_date(doc.line(number))) is not None:
            return value, number, False
    return None, None, False


def _first_match(
    doc: SourceDocument, lines: list[int], pattern: re.Pattern[str]
) -> tuple[str | None, str | None, int | None]:
    """The "value" and "label" (if any) groups of the first line matching ``pattern``, and its number."""
    for number in lines:
        if match := pattern.match(doc.line(number).strip()):
            return collapse_ws(match.group("value")), match.groupdict().get("label"), number
    return None, None, None


def _signatories(doc: SourceDocument, lines: list[int]) -> list[dict[str, Any]]:
    """The signatures after "(Med) venlig hilsen": each "Name, role" or a name with its role on the
    lines below. A line starts a signature when it opens with a name followed by a comma, or is a
    name by itself after a signature that has its role; other lines continue the role."""
    closing = next((i for i, n in enumerate(lines) if _CLOSING.match(doc.line(n).strip())), None)
    if closing is None:
        return []
    signatures: list[tuple[int, str, list[str]]] = []
    for number in lines[closing + 1 :]:
        text = collapse_ws(doc.line(number))
        name, comma, role = text.partition(",")
        is_name = _SIGNATORY.fullmatch(name) is not None
        if not signatures or (is_name and (comma or signatures[-1][2])):
            signatures.append((number, name, [role] if comma else []))
        else:
            signatures[-1][2].append(text)
    return [
        {"name": collapse_ws(name), "role": join_lines(role) or None, "line": number}
        for number, name, role in signatures
    ]


def parse_bureaucracy_rows(
    doc: SourceDocument, parts: list[Part], furniture: frozenset[int]
) -> list[dict[str, Any]]:
    """Rows of the table with a legal-basis ("lovgrundlag") column and of the tables that follow it
    in the same attachment. A row starting with a tab (empty first cell) continues the row before.
    """
    header = next(
        (
            n
            for n, line in enumerate(doc.lines, 1)
            if "\t" in line and _LEGAL_BASIS_HEADER.search(line.split("\t")[-1])
        ),
        None,
    )
    if header is None:
        return []
    part = next(p for p in parts if p.first_line <= header <= p.last_line)
    heading = _heading_before(doc, header, part, furniture)
    rows: list[dict[str, Any]] = []
    in_table = True
    for number in range(header + 1, part.last_line + 1):
        line = doc.line(number)
        if not line.strip() or number in furniture or _SEPARATOR_ROW.match(line):
            continue
        if "\t" not in line:
            heading, in_table = collapse_ws(line), False
            continue
        cells = line.split("\t")
        if not cells[0].strip():
            if not rows or not in_table:
                raise ExtractionError(
                    doc.path, number, "en fortsættelseslinje i tabellen uden en række at fortsætte"
                )
            _continue_row(rows[-1], cells, number)
            continue
        in_table = True
        rows.append(
            {
                "subject": html_to_text(cells[0]),
                "description": _cell(cells, 1) or "",
                "legal_basis": _cell(cells, 2),
                "table": heading,
                "line": number,
                "continuation_lines": [],
            }
        )
    return rows


def _heading_before(doc: SourceDocument, line: int, part: Part, furniture: frozenset[int]) -> str | None:
    """The nearest text line above ``line`` in the attachment that is neither furniture nor table."""
    for number in range(line - 1, part.first_line, -1):
        text = doc.line(number)
        if text.strip() and number not in furniture and "\t" not in text:
            return collapse_ws(text)
    return None


def _cell(cells: list[str], index: int) -> str | None:
    """A cell's plain text, or None when the cell is missing or empty."""
    return (html_to_text(cells[index]) or None) if index < len(cells) else None


def _continue_row(row: dict[str, Any], cells: list[str], number: int) -> None:
    if description := _cell(cells, 1):
        row["description"] = join_hyphenated(row["description"], description)
    if legal_basis := _cell(cells, 2):
        row["legal_basis"] = join_hyphenated(row["legal_basis"] or "", legal_basis)
    row["continuation_lines"].append(number)


def parse_financing(doc: SourceDocument, kommuner: KommuneIndex) -> dict[str, Any] | None:
    """The ``Kommune<TAB>1.000 kr.`` table: one row per municipality, then the "i alt" total."""
    header = next(
        (
            n
            for n, line in enumerate(doc.lines, 1)
            if line.split("\t")[0].strip() == "Kommune" and "\t" in line
        ),
        None,
    )
    if header is None:
        return None
    unit = collapse_ws(doc.line(header).split("\t")[1])
    if not _THOUSANDS_UNIT.match(unit):
        raise ExtractionError(doc.path, header, f"finansieringstabellen er i {unit!r}, ventede 1.000 kr.")
    rows: list[dict[str, Any]] = []
    total: int | None = None
    total_line: int | None = None
    for number in range(header + 1, len(doc.lines) + 1):
        line = doc.line(number)
        if "\t" not in line:
            break
        label, _, value = (collapse_ws(cell) for cell in line.partition("\t"))
        amount = parse_danish_int(value)
        if amount is None:
            raise ExtractionError(doc.path, number, f"ulæseligt beløb {value!r} for {label!r}")
        if _TOTAL_LABEL.search(label):
            total, total_line = amount, number
            break
        kommune = kommuner.normalise(label)
        if kommune is None:
            raise ExtractionError(doc.path, number, f"ukendt kommune {label!r} i finansieringstabellen")
        rows.append({"kommune": kommune, "amount_tkr": amount, "line": number})
    if not rows:
        raise ExtractionError(doc.path, header, "finansieringstabellen har ingen rækker")
    row_sum = sum(row["amount_tkr"] for row in rows)
    return {
        "unit": unit,
        "header_line": header,
        "rows": rows,
        "sum_tkr": row_sum,
        "total_tkr": total,
        "total_line": total_line,
        "sum_ok": None if total is None else row_sum == total,
    }
