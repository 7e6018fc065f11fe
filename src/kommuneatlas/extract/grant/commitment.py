"""A grant commitment ("Tilsagn om betinget tilskud"): a numbered contract with appendices.

Layout: a preamble naming the parties as "(A) Name, CVR-nr. 12345678, address (”Short”)", each
after a line saying who gives ("afgivet af") and who accepts ("accepteret af"); numbered sections
and clauses (see :mod:`.clauses`) with the list of appendices ("Bilag 1.4 Projektbeskrivelse");
a signature page ("Underskrift…", "Dato: …", "For <party>:" blocks); then the appendices, each
opened by "BILAG 1.4 - PROJEKTBESKRIVELSE", with their own sections and flattened tables (see
:mod:`.tables`). Page breaks show as a leading space; footnote links and bare URLs are
page furniture.

The parties and the signature page are read in :mod:`.parties`; the terms the clauses set
(conditions, amounts, the period, the target group) in :mod:`.terms`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ...errors import ExtractionError
from ...sources.manifest import SourceDocument
from ...sources.reference import KommuneIndex
from ...text.clean import collapse_ws
from ..common.layout import normalised
from ..record import Record, provenance
from .clauses import Section, is_structural, parse_sections
from .parties import other_parties, parse_parties, signature_page
from .tables import Table, find_tables
from .terms import (
    PlacedClause,
    amounts_of,
    is_condition,
    paragraph_record,
    period_of,
    section_record,
    target_group_of,
    total_of,
)

_APPENDIX_HEADING = re.compile(r"^BILAG\s+(?P<number>[0-9]+(?:\.[0-9]+)*)\s*[-–]\s*(?P<title>\S.*)$")
_APPENDIX_LISTED = re.compile(r"^Bilag\s+(?P<number>[0-9]+(?:\.[0-9]+)*)\s+(?P<title>[^-–\s].*)$")
_SIGNATURE_PAGE = re.compile(r"^Underskrift", re.IGNORECASE)

_FURNITURE = (
    re.compile(r"^(?:https?://|mailto:)\S+$"),  # link targets exported as text
    re.compile(r"^[0-9]{1,2}\s+https?://"),  # footnote with a link
    re.compile(r"^[0-9]{1,3}$"),  # page number
)


@dataclass
class Appendix:
    number: str
    heading: str
    heading_title: str
    line: int
    sections: list[Section]
    tables: list[Table]
    title: str | None = None
    listed_line: int | None = None


def extract(doc: SourceDocument, kommuner: KommuneIndex) -> list[Record]:
    """The commitment as one ``documents`` record (see the module docstring for the layout)."""
    doc = normalised(doc)
    content = [n for n, line in enumerate(doc.lines, 1) if line.strip()]
    if not content:
        raise ExtractionError(doc.path, None, "dokumentet er tomt")
    furniture = frozenset(n for n in content if any(p.match(doc.line(n).strip()) for p in _FURNITURE))
    appendix_starts = [n for n in content if _APPENDIX_HEADING.match(doc.line(n).strip())]
    signature = next((n for n in content if _SIGNATURE_PAGE.match(doc.line(n).strip())), None)
    main_last = min([n - 1 for n in (*appendix_starts[:1], signature) if n is not None] or [content[-1]])
    sections = parse_sections(doc.lines, content[0], main_last, furniture)
    if len(sections) < 2 or sections[0].number is not None:
        raise ExtractionError(doc.path, content[0], "ventede en indledning efterfulgt af nummererede afsnit")
    preamble, body = sections[0], sections[1:]
    ends = [n - 1 for n in appendix_starts[1:]] + [content[-1]] if appendix_starts else []
    appendices = [
        parse_appendix(doc, start, end, furniture) for start, end in zip(appendix_starts, ends, strict=True)
    ]
    _add_listed_titles(doc, appendices, main_last)
    clauses: list[PlacedClause] = [(None, c) for section in body for c in section.clauses]
    clauses += [(a.number, c) for a in appendices for section in a.sections for c in section.clauses]
    amounts = list(amounts_of(clauses))
    total = total_of(clauses)
    parsed_date, signatories = signature_page(
        doc, signature, appendix_starts[0] - 1 if appendix_starts else content[-1]
    )
    data: dict[str, Any] = {
        "parsed_date": parsed_date,
        "parties": parse_parties(doc, preamble.line, body[0].line - 1, kommuner)
        + other_parties(doc, body[0].line, content[-1]),
        "signatories": signatories,
        "amounts": amounts,
        "total_amount_kr": total["amount_kr"] if total else None,
        "total_amount_line": total["line"] if total else None,
        "period": period_of(clauses),
        **target_group_of(clauses),
        "conditions": [{**paragraph_record(c), "appendix": a} for a, c in clauses if is_condition(c)],
        "sections": [section_record(section) for section in body],
        "appendices": [_appendix_data(a) for a in appendices],
        "source": provenance(doc.id, content[0], content[-1]),
    }
    return [Record(kind="documents", id=doc.id, data=data)]


def parse_appendix(doc: SourceDocument, first: int, last: int, furniture: frozenset[int]) -> Appendix:
    """One appendix, lines first (its "BILAG x - TITLE" heading) to last: its tables, then its
    sections from the lines the tables do not take."""
    heading = _APPENDIX_HEADING.match(doc.line(first).strip())
    assert heading is not None  # appendices start at their heading lines
    tables = find_tables(doc.lines, first + 1, last, furniture, is_structural)
    taken = furniture | {n for table in tables for n in table.lines}
    return Appendix(
        number=heading.group("number"),
        heading=collapse_ws(doc.line(first)),
        heading_title=collapse_ws(heading.group("title")),
        line=first,
        sections=parse_sections(doc.lines, first + 1, last, taken),
        tables=tables,
    )


def _add_listed_titles(doc: SourceDocument, appendices: list[Appendix], last: int) -> None:
    """Titles from the commitment's list of appendices ("Bilag 1.4 Projektbeskrivelse")."""
    listed = {}
    for number in range(1, last + 1):
        if match := _APPENDIX_LISTED.match(doc.line(number).strip()):
            listed.setdefault(match.group("number"), (collapse_ws(match.group("title")), number))
    for appendix in appendices:
        title, line = listed.get(appendix.number, (None, None))
        appendix.title = title or appendix.heading_title.capitalize()
        appendix.listed_line = line


def _appendix_data(appendix: Appendix) -> dict[str, Any]:
    return {
        "number": appendix.number,
        "title": appendix.title,
        "heading": appendix.heading,
        "line": appendix.line,
        "listed_line": appendix.listed_line,
        "sections": [section_record(section) for section in appendix.sections],
        "tables": [
            {
                "line": table.line,
                "header": table.header,
                "rows": [{"cells": row.cells, "line": row.line} for row in table.rows],
            }
            for table in appendix.tables
        ],
    }
