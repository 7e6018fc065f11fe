"""A region's proposal to a municipality (plain-text PDF export, e.g. the 2020 Nørholm proposal).

Layout: a title block (the first lines, up to a blank or whitespace-only line) naming the parties
("… samarbejde mellem Holstebro Kommune og Region Nordjylland …"), then paragraphs whose wrapped
lines are separated by blank lines. A lead-in ending with a colon ("Regionen foreslår
følgende:") introduces the proposals: each starts on an indented line (the bullet glyph is lost in
the export); an unindented paragraph continues the current proposal unless a whitespace-only
spacer line precedes it, which ends the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..danish_amounts import find_amounts
from ..danish_dates import find_danish_dates
from ..errors import ExtractionError
from ..kommuner import KommuneIndex
from ..records import Record, provenance
from ..sources import SourceDocument
from ..textclean import collapse_ws
from .passages import NumberedLine, Passage, passage, sentence_at

_PARAGRAPH_END = (".", ":", "!", "?")
_HEADING_MAX_CHARS = 70
_REGION = re.compile(r"\bRegion\s+(?P<name>[A-ZÆØÅ][\wæøå-]+)")
_KOMMUNE = re.compile(r"\b(?P<name>[A-ZÆØÅ][\wæøå-]+)\s+Kommune\b")
_PROPOSES = r"\s+(?:foreslår|forslår)\b"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the body: its joined text, whether it starts indented (a bullet) and whether
    a whitespace-only spacer line stands between it and the paragraph before."""

    passage: Passage
    indented: bool
    after_spacer: bool

    @property
    def text(self) -> str:
        return self.passage.text


def extract(doc: SourceDocument, kommuner: KommuneIndex) -> list[Record]:
    """The proposal as one ``documents`` record: parties, dated events, proposals, amounts, text."""
    title, body_start = parse_title(doc)
    body = split_paragraphs(doc.lines, body_start)
    if not body:
        raise ExtractionError(doc.path, body_start, "the proposal has no text after its title")
    lead_in, proposals = parse_proposals(doc, body)
    data: dict[str, Any] = {
        "parsed_title": title.text,
        "title_line": title.first_line,
        "parties": parse_parties(doc, title, lead_in, kommuner),
        "summary": body[0].text,
        "summary_line": body[0].passage.first_line,
        "dates": [
            {
                "date": found.date,
                "text": sentence_at(p.text, found.start),
                "line": p.passage.line_at(found.start),
            }
            for p in body
            for found in find_danish_dates(p.text)
        ],
        "proposals_intro": lead_in.text,
        "proposals": proposals,
        "amounts": [
            {
                "amount_kr": found.amount_kr,
                "text": sentence_at(p.text, found.start),
                "line": p.passage.line_at(found.start),
            }
            for p in body
            for found in find_amounts(p.text)
        ],
        "sections": sections(body),
        "source": provenance(doc.id, title.first_line, body[-1].passage.last_line),
    }
    return [Record(kind="documents", id=doc.id, data=data)]


def parse_title(doc: SourceDocument) -> tuple[Passage, int]:
    """The title (the first block of adjacent non-blank lines) and the line number after it."""
    numbered = list(enumerate(doc.lines, 1))
    start = next((n for n, line in numbered if line.strip()), None)
    if start is None:
        raise ExtractionError(doc.path, None, "document is empty")
    end = start
    while end < len(doc.lines) and doc.line(end + 1).strip():
        end += 1
    title = passage(numbered[start - 1 : end])
    assert title is not None  # the block starts with a non-blank line
    return title, end + 1


def split_paragraphs(lines: tuple[str, ...], start: int) -> list[Paragraph]:
    """Paragraphs from line ``start`` on.

    Wrapped lines are separated by blank lines too, so a paragraph ends only where a line ends a
    sentence (., :, !, ?) or is a heading by itself, and the next text line, after blank lines,
    starts a sentence (upper case, digit or indentation); a whitespace-only spacer line always ends
    a paragraph.
    """
    paragraphs: list[Paragraph] = []
    current: list[NumberedLine] = []
    current_after_spacer = gap = spacer = False
    for number in range(start, len(lines) + 1):
        raw = lines[number - 1]
        if not raw.strip():
            gap = True
            spacer = spacer or bool(raw)
            continue
        if current and (spacer or (gap and _ends_paragraph(current) and _starts_paragraph(raw))):
            paragraphs.append(_paragraph(current, current_after_spacer))
            current = []
        if not current:
            current_after_spacer = spacer
        current.append((number, raw))
        gap = spacer = False
    if current:
        paragraphs.append(_paragraph(current, current_after_spacer))
    return paragraphs


def _ends_paragraph(lines: list[NumberedLine]) -> bool:
    """Whether the lines so far can end a paragraph: a sentence end, or a heading by itself."""
    last = lines[-1][1]
    heading = len(lines) == 1 and not last[:1].isspace() and _looks_like_heading(last)
    return heading or last.rstrip().endswith(_PARAGRAPH_END)


def _starts_paragraph(raw: str) -> bool:
    first = raw.lstrip()[:1]
    return raw[:1].isspace() or first.isupper() or first.isdigit()


def _paragraph(lines: list[NumberedLine], after_spacer: bool) -> Paragraph:
    joined = passage(lines)
    assert joined is not None  # paragraphs are built from non-blank lines only
    return Paragraph(joined, indented=lines[0][1][:1].isspace(), after_spacer=after_spacer)


def parse_proposals(doc: SourceDocument, body: list[Paragraph]) -> tuple[Paragraph, list[dict[str, Any]]]:
    """The lead-in paragraph (ending with ":" and followed by an indented one) and the proposals."""
    start = next(
        (i for i, p in enumerate(body[:-1]) if p.text.endswith(":") and body[i + 1].indented),
        None,
    )
    if start is None:
        raise ExtractionError(
            doc.path, None, "no list of proposals (a lead-in ending with ':' followed by indented items)"
        )
    groups: list[list[Paragraph]] = []
    for paragraph in body[start + 1 :]:
        if paragraph.indented:
            groups.append([paragraph])
        elif paragraph.after_spacer:
            break
        else:
            groups[-1].append(paragraph)
    proposals = [
        {
            "text": " ".join(p.text for p in group),
            "paragraphs": [{"text": p.text, "line": p.passage.first_line} for p in group],
            "line": group[0].passage.first_line,
            "last_line": group[-1].passage.last_line,
        }
        for group in groups
    ]
    return body[start], proposals


def parse_parties(
    doc: SourceDocument, title: Passage, lead_in: Paragraph, kommuner: KommuneIndex
) -> list[dict[str, Any]]:
    """The municipalities and regions the title names; the one the lead-in says proposes is the
    proposer, the others are the recipients of the proposal."""
    regions = {k.region for k in kommuner.kommuner}
    found: list[tuple[int, dict[str, Any]]] = []
    for match in _KOMMUNE.finditer(title.text):
        if (kommune := kommuner.lookup(match.group("name"))) is not None:
            found.append((match.start(), {"name": match.group(0), "kommune": kommune.name, "region": None}))
    for match in _REGION.finditer(title.text):
        if match.group("name") in regions:
            found.append(
                (match.start(), {"name": match.group(0), "kommune": None, "region": match.group("name")})
            )
    if not found:
        raise ExtractionError(doc.path, title.first_line, "the title names no municipality or region")
    parties = []
    for start, party in sorted(found, key=lambda pair: pair[0]):
        proposes = re.search(re.escape(party["name"]) + _PROPOSES, lead_in.text)
        parties.append(
            {**party, "role": "proposer" if proposes else "recipient", "line": title.line_at(start)}
        )
    return parties


def sections(body: list[Paragraph]) -> list[dict[str, Any]]:
    """The body by headings (one-line paragraphs without closing punctuation); text before the
    first heading, or the whole body when there are none, forms a section with heading None."""
    result: list[dict[str, Any]] = [{"heading": None, "line": body[0].passage.first_line, "paragraphs": []}]
    for paragraph in body:
        if _is_heading(paragraph):
            result.append({"heading": paragraph.text, "line": paragraph.passage.first_line, "paragraphs": []})
        else:
            result[-1]["paragraphs"].append({"text": paragraph.text, "line": paragraph.passage.first_line})
    return [section for section in result if section["heading"] or section["paragraphs"]]


def _is_heading(paragraph: Paragraph) -> bool:
    return (
        len(paragraph.passage.lines) == 1 and not paragraph.indented and _looks_like_heading(paragraph.text)
    )


def _looks_like_heading(text: str) -> bool:
    """A short line that starts in upper case and has no closing punctuation."""
    text = collapse_ws(text)
    return (
        0 < len(text) <= _HEADING_MAX_CHARS
        and text[0].isupper()
        and not text.endswith((*_PARAGRAPH_END, ",", ";"))
    )
