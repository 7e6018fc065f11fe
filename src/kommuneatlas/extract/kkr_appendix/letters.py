"""One attachment of the bundle read as a letter: title, date, case and document ids, signatories."""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import Any

from ...errors import ExtractionError
from ...sources.manifest import SourceDocument
from ...text.clean import collapse_ws, join_lines
from ...text.danish_dates import parse_danish_date
from ...text.sentences import STOPS
from .parts import CASE_ID_LINE, DATE_LINE, DOC_ID_LINE, FURNITURE_LINE_MAX_CHARS, Part

_BOLD = re.compile(r"\*\*(?P<text>.+?)\*\*")
# A signatory's name: two to four capitalised words, none of them a body's ("KKR", "Region", "Kommune").
_SIGNATORY = re.compile(
    r"(?!.*\b(?:Region|Kommune|KKR)\b)[A-ZÆØÅ][a-zæøåéü-]+(?:\s+[A-ZÆØÅ][a-zæøåéü-]+){1,3}"
)
_SALUTATION = re.compile(r"^Kære\s+(?P<value>.+)$")
_CLOSING = re.compile(r"^(?:Med\s+)?venlig\s+hilsen\b", re.IGNORECASE)


def _nonblank(doc: SourceDocument, first: int, last: int) -> list[int]:
    return [n for n in range(first, last + 1) if doc.line(n).strip()]


def parse_letter(doc: SourceDocument, part: Part, furniture: frozenset[int]) -> dict[str, Any]:
    """Title, date, case id, sender and recipient of one attachment (None where not stated)."""
    lines = _nonblank(doc, part.first_line + 1, part.last_line)
    if len(lines) < 2:
        raise ExtractionError(doc.path, part.first_line, f"bilaget til punkt {part.item} har ingen titel")
    title, title_line = _letter_title(doc, lines[1:], furniture)
    parsed_date, date_line, date_labelled = _letter_date(doc, lines)
    case_id, case_label, case_line = _first_match(doc, lines, CASE_ID_LINE)
    doc_id, _, _ = _first_match(doc, lines, DOC_ID_LINE)
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
    return len(text) > FURNITURE_LINE_MAX_CHARS or text.endswith(STOPS)


def _letter_date(doc: SourceDocument, lines: list[int]) -> tuple[date | None, int | None, bool]:
    """The first "Dato" line's date; failing that, the first line that is nothing but a date."""
    for number in lines:
        if match := DATE_LINE.match(doc.line(number).strip()):
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
