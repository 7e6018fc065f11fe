"""A grant commitment ("Tilsagn om betinget tilskud"): a numbered contract with appendices.

Layout: a preamble naming the parties as "(A) Name, CVR-nr. 12345678, address (”Short”)", each
after a line saying who gives ("afgivet af") and who accepts ("accepteret af"); numbered sections
and clauses (see :mod:`.clauses`) with the list of appendices ("Bilag 1.4 Projektbeskrivelse");
a signature page ("Underskrift…", "Dato: …", "For <party>:" blocks); then the appendices, each
opened by "BILAG 1.4 - PROJEKTBESKRIVELSE", with their own sections and flattened tables (see
:mod:`.tables`). Page breaks show as a leading space; footnote links and bare URLs are
page furniture.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from ...errors import ExtractionError
from ...sources.manifest import SourceDocument
from ...sources.reference import KommuneIndex
from ...text.clean import collapse_ws
from ...text.danish_amounts import find_amounts
from ...text.danish_dates import find_danish_dates, parse_danish_date
from ..common.layout import normalised
from ..common.passages import Passage, passage, sentence_at, sentence_bounds, sentence_span
from ..record import Record, provenance
from .clauses import Clause, Section, inline_items, is_structural, parse_sections
from .tables import Table, find_tables

_PARTY = re.compile(r"^\((?P<label>[A-Z])\)\s+(?P<text>\S.*)$")
_CVR = re.compile(r"CVR-?nr\.?:?\s*(?P<cvr>[0-9]{8})\b", re.IGNORECASE)
_DEFINED_TERM = re.compile(r"\(\s*[”“\"](?P<term>[^”“\"]+)[”“\"]\s*\)")
_ROLES = (("afgivet af", "grantor"), ("givet af", "grantor"), ("accepteret af", "recipient"))
_SUPPLIER_WORD = re.compile(r"leverandør", re.IGNORECASE)
_POSTCODE_LINE = re.compile(r"^[0-9]{4}\s+[A-ZÆØÅ]")
_PARTY_MAX_LINES = 4
_ADDRESS_MAX_LINES = 3
_CONTEXT_LINES = 5

_APPENDIX_HEADING = re.compile(r"^BILAG\s+(?P<number>[0-9]+(?:\.[0-9]+)*)\s*[-–]\s*(?P<title>\S.*)$")
_APPENDIX_LISTED = re.compile(r"^Bilag\s+(?P<number>[0-9]+(?:\.[0-9]+)*)\s+(?P<title>[^-–\s].*)$")
_SIGNATURE_PAGE = re.compile(r"^Underskrift", re.IGNORECASE)
_DATE_LINE = re.compile(r"^Dato:?\s+(?P<value>.+)$")
_SIGNING_FOR = re.compile(r"^For\s+(?P<party>[^:]+):")
_PERSON = re.compile(r"^[A-ZÆØÅ][a-zæøåéü-]+(?:\s+[A-ZÆØÅ][a-zæøåéü-]+){1,3}$")

_FURNITURE = (
    re.compile(r"^(?:https?://|mailto:)\S+$"),  # link targets exported as text
    re.compile(r"^[0-9]{1,2}\s+https?://"),  # footnote with a link
    re.compile(r"^[0-9]{1,3}$"),  # page number
)
_CONDITION = re.compile(r"\bbetinget af\b", re.IGNORECASE)
_CONDITION_LIST = re.compile(r"\b(?:såfremt|i tilfælde af)\b", re.IGNORECASE)
_TOTAL_BEFORE = re.compile(r"\bi alt\s*$")
_RANGE_FROM = re.compile(r"\bfra\s+(?:den\s+)?$")
_RANGE_TO = re.compile(r"\s+til\s+(?:og\s+med\s+)?(?:den\s+)?")
_TARGET_GROUP = re.compile(r"^Målgruppen?\b")


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


# A clause with the appendix it belongs to (None: the commitment itself).
PlacedClause = tuple[str | None, Clause]


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
    amounts = list(_amounts(clauses))
    total = _total(clauses)
    parsed_date, signatories = _signature_page(
        doc, signature, appendix_starts[0] - 1 if appendix_starts else content[-1]
    )
    data: dict[str, Any] = {
        "parsed_date": parsed_date,
        "parties": parse_parties(doc, preamble.line, body[0].line - 1, kommuner)
        + _other_parties(doc, body[0].line, content[-1]),
        "signatories": signatories,
        "amounts": amounts,
        "total_amount_kr": total["amount_kr"] if total else None,
        "total_amount_line": total["line"] if total else None,
        "period": _period(clauses),
        **_target_group(clauses),
        "conditions": [{**_paragraph(c), "appendix": a} for a, c in clauses if _is_condition(c)],
        "sections": [_section(section) for section in body],
        "appendices": [_appendix_data(a) for a in appendices],
        "source": provenance(doc.id, content[0], content[-1]),
    }
    return [Record(kind="documents", id=doc.id, data=data)]


# --- parties and signatures -----------------------------------------------------------------


def parse_parties(doc: SourceDocument, first: int, last: int, kommuner: KommuneIndex) -> list[dict[str, Any]]:
    """The "(A) Name, CVR-nr. …, address (”Short”)" entries of the preamble (lines first..last)."""
    parties = []
    role_line = first
    for number in range(first, last + 1):
        match = _PARTY.match(doc.line(number).strip())
        if match is None:
            continue
        lines = [(number, match.group("text"))]
        while not _DEFINED_TERM.search(" ".join(t for _, t in lines)) and len(lines) < _PARTY_MAX_LINES:
            following = lines[-1][0] + 1
            if following > last or _PARTY.match(doc.line(following).strip()):
                break
            lines.append((following, doc.line(following)))
        joined = passage(lines)
        assert joined is not None  # the entry starts with its non-blank label line
        role = _role(doc, role_line, number)
        parties.append(
            {**_identify(joined.text, kommuner), "role": role, "label": match.group("label"), "line": number}
        )
        role_line = joined.last_line + 1
    if not parties:
        raise ExtractionError(doc.path, first, "indledningen nævner ingen parter ('(A) Navn, CVR-nr. …')")
    return parties


def _role(doc: SourceDocument, first: int, last: int) -> str | None:
    """The role announced in lines first..last-1 ("… er afgivet af", "og accepteret af")."""
    text = collapse_ws(" ".join(doc.lines[first - 1 : last - 1]))
    found = [(text.rfind(phrase), role) for phrase, role in _ROLES if phrase in text]
    return max(found)[1] if found else None


def _identify(text: str, kommuner: KommuneIndex) -> dict[str, Any]:
    """Name, CVR number, address and defined short name from "Name, CVR-nr. 123, address (”X”)"."""
    term = _DEFINED_TERM.search(text)
    details = text[: term.start()] if term else text
    cvr = _CVR.search(details)
    if cvr:
        name, address = details[: cvr.start()], details[cvr.end() :]
    else:
        name, _, address = details.partition(",")
    name = collapse_ws(name).strip(" ,")
    kommune = kommuner.lookup(name) if name.endswith("Kommune") else None
    return {
        "name": name,
        "short_name": term.group("term") if term else None,
        "cvr": cvr.group("cvr") if cvr else None,
        "address": collapse_ws(address).strip(" ,") or None,
        "kommune": kommune.name if kommune else None,
    }


def _other_parties(doc: SourceDocument, first: int, last: int) -> list[dict[str, Any]]:
    """Organisations identified by a line starting "CVR-nr." in lines first..last: the name is the
    line above, the address the lines below up to a postcode; the role is "supplier" when the
    lines above the name mention a leverandør (supplier)."""
    parties = []
    seen: list[int] = []  # non-blank lines so far
    for number in range(first, last + 1):
        line = doc.line(number).strip()
        cvr = _CVR.match(line)
        if cvr and seen:
            context = " ".join(doc.line(n) for n in seen[-_CONTEXT_LINES - 1 : -1])
            parties.append(
                {
                    "name": collapse_ws(doc.line(seen[-1])),
                    "short_name": None,
                    "cvr": cvr.group("cvr"),
                    "address": _address_below(doc, number, last),
                    "kommune": None,
                    "role": "supplier" if _SUPPLIER_WORD.search(context) else None,
                    "label": None,
                    "line": seen[-1],
                }
            )
        if line:
            seen.append(number)
    return parties


def _address_below(doc: SourceDocument, line: int, last: int) -> str | None:
    """The non-blank lines after ``line``, up to one starting with a postcode (at most three)."""
    address: list[str] = []
    for number in range(line + 1, last + 1):
        text = doc.line(number).strip()
        if text:
            address.append(text)
            if _POSTCODE_LINE.match(text) or len(address) == _ADDRESS_MAX_LINES:
                break
    return ", ".join(address) or None


def _signature_page(
    doc: SourceDocument, first: int | None, last: int
) -> tuple[date | None, list[dict[str, Any]]]:
    """The date and the signatories ("For <party>:" then the first line that is a person's name
    and the line after it as title) of the signature page, lines first..last."""
    if first is None:
        return None, []
    lines = [n for n in range(first, last + 1) if doc.line(n).strip()]
    parsed: date | None = None
    for number in lines:
        if match := _DATE_LINE.match(doc.line(number).strip()):
            parsed = parse_danish_date(match.group("value"))
            if parsed is None:
                raise ExtractionError(doc.path, number, f"ulæselig dato {match.group('value')!r}")
            break
    signatories = []
    starts = [(i, m) for i, n in enumerate(lines) if (m := _SIGNING_FOR.match(doc.line(n).strip()))]
    for index, (position, match) in enumerate(starts):
        block = lines[position + 1 : starts[index + 1][0] if index + 1 < len(starts) else len(lines)]
        names = [i for i, n in enumerate(block) if _PERSON.match(doc.line(n).strip())]
        if not names:
            raise ExtractionError(
                doc.path, lines[position], f"ingen underskriver nævnt for {match.group('party')!r}"
            )
        name_line = block[names[0]]
        title = block[names[0] + 1] if names[0] + 1 < len(block) else None
        signatories.append(
            {
                "party": collapse_ws(match.group("party")),
                "name": doc.line(name_line).strip(),
                "title": collapse_ws(doc.line(title)) if title else None,
                "line": name_line,
            }
        )
    return parsed, signatories


# --- appendices -----------------------------------------------------------------------------


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
        "sections": [_section(section) for section in appendix.sections],
        "tables": [
            {
                "line": table.line,
                "header": table.header,
                "rows": [{"cells": row.cells, "line": row.line} for row in table.rows],
            }
            for table in appendix.tables
        ],
    }


# --- sections, conditions, amounts, period ----------------------------------------------------


def _section(section: Section) -> dict[str, Any]:
    return {
        "number": section.number,
        "heading": section.heading,
        "line": section.line,
        "paragraphs": [_paragraph(clause) for clause in section.clauses],
    }


def _paragraph(clause: Clause) -> dict[str, Any]:
    joined = clause.passage
    if clause.items:
        items = [{"label": i.label, "text": i.passage.text, "line": i.line} for i in clause.items]
    elif joined:
        items = [
            {"label": label, "text": text, "line": joined.line_at(offset)}
            for label, offset, text in inline_items(joined.text)
        ]
    else:
        items = []
    return {
        "number": clause.number,
        "heading": clause.heading,
        "text": joined.text if joined else None,
        "items": items,
        "line": clause.line,
        "last_line": clause.last_line,
    }


def _is_condition(clause: Clause) -> bool:
    """A clause that makes the grant conditional ("betinget af"), or lists the cases in which it
    applies ("såfremt:", "i tilfælde af:")."""
    joined = clause.passage
    if joined is None:
        return False
    return bool(_CONDITION.search(joined.text)) or bool(clause.items and _CONDITION_LIST.search(joined.text))


def _passages(clauses: list[PlacedClause]) -> Iterator[tuple[str | None, Clause, Passage]]:
    """Every clause's own text and its items' texts, in document order."""
    for appendix, clause in clauses:
        if (joined := clause.passage) is not None:
            yield appendix, clause, joined
        for item in clause.items:
            yield appendix, clause, item.passage


def _amounts(clauses: list[PlacedClause]) -> Iterator[dict[str, Any]]:
    for appendix, clause, joined in _passages(clauses):
        for found in find_amounts(joined.text):
            yield {
                "amount_kr": found.amount_kr,
                "text": sentence_at(joined.text, found.start),
                "line": joined.line_at(found.start),
                "clause": clause.number,
                "appendix": appendix,
            }


def _total(clauses: list[PlacedClause]) -> dict[str, Any] | None:
    """The first amount in the commitment itself (not an appendix) written after "i alt"."""
    for appendix, _, joined in _passages(clauses):
        for found in find_amounts(joined.text):
            if appendix is None and _TOTAL_BEFORE.search(joined.text[: found.start]):
                return {"amount_kr": found.amount_kr, "line": joined.line_at(found.start)}
    return None


def _period(clauses: list[PlacedClause]) -> dict[str, Any] | None:
    """The first "fra (den) <date> til (og med) (den) <date>" range that defines a term
    ((”Indsatsperioden”)), else the first range, else None."""
    ranges = []
    for _, _, joined in _passages(clauses):
        found = find_danish_dates(joined.text)
        for start, end in itertools.pairwise(found):
            between = joined.text[start.end : end.start]
            if _RANGE_TO.fullmatch(between) and _RANGE_FROM.search(joined.text[: start.start]):
                sentence_start, sentence_end = sentence_span(joined.text, start.start)
                term = _DEFINED_TERM.search(joined.text, end.end, sentence_end)
                ranges.append(
                    {
                        "start": start.date,
                        "end": end.date,
                        "term": term.group("term") if term else None,
                        "text": joined.text[sentence_start:sentence_end].strip(),
                        "line": joined.line_at(start.start),
                    }
                )
    return next((r for r in ranges if r["term"]), ranges[0] if ranges else None)


def _target_group(clauses: list[PlacedClause]) -> dict[str, Any]:
    """The first sentence that starts with "Målgruppen": the target group, and its line."""
    for _, _, joined in _passages(clauses):
        for start, end in sentence_bounds(joined.text):
            sentence = joined.text[start:end].strip()
            if _TARGET_GROUP.match(sentence):
                return {"target_group": sentence, "target_group_line": joined.line_at(start)}
    return {"target_group": None, "target_group_line": None}
