"""The bundle's tables: the one with a legal-basis ("lovgrundlag") column and those after it, and
the financing table (``Kommune<TAB>1.000 kr.`` with an "i alt" total)."""

from __future__ import annotations

import re
from typing import Any

from ...errors import ExtractionError
from ...sources.manifest import SourceDocument
from ...sources.reference import KommuneIndex
from ...text.clean import collapse_ws, join_hyphenated
from ...text.danish_amounts import parse_danish_int
from ...text.html_text import html_to_text
from .parts import Part

_SEPARATOR_ROW = re.compile(r"^[-\s]+$")
_LEGAL_BASIS_HEADER = re.compile(r"lovgrundlag", re.IGNORECASE)
_TOTAL_LABEL = re.compile(r"\bi alt\b", re.IGNORECASE)
_THOUSANDS_UNIT = re.compile(r"^(?:1\.000 kr\.?|t\.?\s?kr\.?)$", re.IGNORECASE)


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
        kommune = kommuner.id_of(label)
        if kommune is None:
            raise ExtractionError(doc.path, number, f"ukendt kommune {label!r} i finansieringstabellen")
        rows.append({"kommune": kommune, "amount_tkr": amount, "line": number})
    if not rows:
        raise ExtractionError(doc.path, header, "finansieringstabellen har ingen rækker")
    return {"unit": unit, "header_line": header, "rows": rows, "total_tkr": total, "total_line": total_line}
