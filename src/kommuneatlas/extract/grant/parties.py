"""The parties of a grant commitment (its preamble, and organisations named by CVR number in the
text) and its signature page."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ...errors import ExtractionError
from ...sources.manifest import SourceDocument
from ...sources.reference import KommuneIndex
from ...text.clean import collapse_ws
from ...text.danish_dates import parse_danish_date
from ...text.lines import join_numbered

_PARTY = re.compile(r"^\((?P<label>[A-Z])\)\s+(?P<text>\S.*)$")
_CVR = re.compile(r"CVR-?nr\.?:?\s*(?P<cvr>[0-9]{8})\b", re.IGNORECASE)
DEFINED_TERM = re.compile(r"\(\s*[”“\"](?P<term>[^”“\"]+)[”“\"]\s*\)")
_ROLES = (("afgivet af", "grantor"), ("givet af", "grantor"), ("accepteret af", "recipient"))
_SUPPLIER_WORD = re.compile(r"leverandør", re.IGNORECASE)
_POSTCODE_LINE = re.compile(r"^[0-9]{4}\s+[A-ZÆØÅ]")
_PARTY_MAX_LINES = 4
_ADDRESS_MAX_LINES = 3
_CONTEXT_LINES = 5

_DATE_LINE = re.compile(r"^Dato:?\s+(?P<value>.+)$")
_SIGNING_FOR = re.compile(r"^For\s+(?P<party>[^:]+):")
_PERSON = re.compile(r"^[A-ZÆØÅ][a-zæøåéü-]+(?:\s+[A-ZÆØÅ][a-zæøåéü-]+){1,3}$")


def parse_parties(doc: SourceDocument, first: int, last: int, kommuner: KommuneIndex) -> list[dict[str, Any]]:
    """The "(A) Name, CVR-nr. …, address (”Short”)" entries of the preamble (lines first..last)."""
    parties = []
    role_line = first
    for number in range(first, last + 1):
        match = _PARTY.match(doc.line(number).strip())
        if match is None:
            continue
        lines = [(number, match.group("text"))]
        while not DEFINED_TERM.search(" ".join(t for _, t in lines)) and len(lines) < _PARTY_MAX_LINES:
            following = lines[-1][0] + 1
            if following > last or _PARTY.match(doc.line(following).strip()):
                break
            lines.append((following, doc.line(following)))
        joined = join_numbered(lines)
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
    term = DEFINED_TERM.search(text)
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
        "kommune": kommune.id if kommune else None,
    }


def other_parties(doc: SourceDocument, first: int, last: int) -> list[dict[str, Any]]:
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


def signature_page(
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
