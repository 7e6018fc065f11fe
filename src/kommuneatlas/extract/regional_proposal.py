"""A region's proposal to a municipality (plain-text PDF export, e.g. the 2020 Nørholm proposal).

Layout: a title (the first lines) naming the parties ("… samarbejde mellem Holstebro Kommune og
Region Nordjylland …"), then paragraphs. A lead-in ending with a colon ("Regionen foreslår
følgende:") introduces the proposals: each starts on a line that is indented (the bundled export
loses the bullet glyph and keeps its indentation) or begins with a bullet; an unindented paragraph
after a proposal continues it, unless it is a heading, a new lead-in, or speaks of the list as a
whole ("ovenstående", "disse forslag" …): that ends the list.

The title runs from the first line over the lines directly after it (no blank line between) that
are not clearly wider than the title's widest line so far — the title is set in a larger type than
the body — until a line ends a sentence. A paragraph ends where a line ends a sentence, or is a
heading by itself, and the next line starts one (upper case, digit, indentation, bullet). Blank
lines are not read otherwise: converters differ in where they put them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import ExtractionError
from ..sources.manifest import SourceDocument
from ..sources.reference import KommuneIndex
from ..text.clean import collapse_ws
from ..text.danish_amounts import find_amounts
from ..text.danish_dates import find_danish_dates
from ..text.lines import Joined, NumberedLine, join_numbered
from ..text.sentences import LINE_ENDINGS, ends_sentence, sentence_at, sentence_bounds
from .common.layout import is_indented, is_page_start, normalised
from .common.running_text import bullet_item
from .record import Record, provenance

_HEADING_MAX_CHARS = 70
_TITLE_WIDER = 1.15  # a body line is at least this much wider than the title's lines
_REGION = re.compile(r"\bRegion\s+(?P<name>[A-ZÆØÅ][\wæøå-]+)")
_KOMMUNE = re.compile(r"\b(?P<name>[A-ZÆØÅ][\wæøå-]+)\s+Kommune\b")
_PROPOSES = r"\s+(?:foreslår|forslår)\b"
# Words with which a text speaks of what it has just listed.
_BACK_REFERENCE = re.compile(
    r"\b(?:ovenstående|ovennævnte|ovenfor|førnævnte|ovenanførte|disse\s+forslag|forslagene)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the body: its joined text (without a bullet) and whether it is a list item
    (its first line indented or bulleted)."""

    passage: Joined
    item: bool

    @property
    def text(self) -> str:
        return self.passage.text


def extract(doc: SourceDocument, kommuner: KommuneIndex) -> list[Record]:
    """The proposal as one ``documents`` record: parties, dated events, proposals, amounts, text."""
    doc = normalised(doc)
    title, body_start = parse_title(doc)
    body = split_paragraphs(doc.lines, body_start)
    if not body:
        raise ExtractionError(doc.path, body_start, "forslaget har ingen tekst efter titlen")
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


def parse_title(doc: SourceDocument) -> tuple[Joined, int]:
    """The title (see the module docstring) and the line number after it."""
    numbered = list(enumerate(doc.lines, 1))
    start = next((n for n, line in numbered if line.strip()), None)
    if start is None:
        raise ExtractionError(doc.path, None, "dokumentet er tomt")
    end = start
    widest = len(doc.line(start).strip())
    while end < len(doc.lines) and not ends_sentence(doc.line(end).rstrip()):
        following = doc.line(end + 1).strip()
        if not following or len(following) > widest * _TITLE_WIDER:
            break
        widest = max(widest, len(following))
        end += 1
    title = join_numbered(numbered[start - 1 : end])
    assert title is not None  # the title starts with a non-blank line
    return title, end + 1


def split_paragraphs(lines: tuple[str, ...], start: int) -> list[Paragraph]:
    """Paragraphs from line ``start`` on (see the module docstring)."""
    paragraphs: list[Paragraph] = []
    current: list[NumberedLine] = []
    item = False
    for number in range(start, len(lines) + 1):
        raw = lines[number - 1]
        if not raw.strip():
            continue
        bulleted = bullet_item(collapse_ws(raw), current[-1][1] if current else None)
        if current and (bulleted is not None or (_ends_paragraph(current) and _starts_paragraph(raw))):
            paragraphs.append(_paragraph(current, item))
            current = []
        if not current:
            item = bulleted is not None or is_indented(raw)
        current.append((number, raw if bulleted is None else bulleted))
    if current:
        paragraphs.append(_paragraph(current, item))
    return paragraphs


def _ends_paragraph(lines: list[NumberedLine]) -> bool:
    """Whether the lines so far can end a paragraph: a sentence end, or a heading by itself."""
    last = lines[-1][1]
    heading = len(lines) == 1 and not is_indented(last) and _looks_like_heading(last)
    return heading or ends_sentence(last.rstrip())


def _starts_paragraph(raw: str) -> bool:
    first = raw.lstrip()[:1]
    return is_page_start(raw) or is_indented(raw) or first.isupper() or first.isdigit()


def _paragraph(lines: list[NumberedLine], item: bool) -> Paragraph:
    joined = join_numbered(lines)
    assert joined is not None  # paragraphs are built from non-blank lines only
    return Paragraph(joined, item)


def parse_proposals(doc: SourceDocument, body: list[Paragraph]) -> tuple[Paragraph, list[dict[str, Any]]]:
    """The lead-in paragraph (ending with ":" and followed by a list item) and the proposals."""
    start = next(
        (i for i, p in enumerate(body[:-1]) if p.text.endswith(":") and body[i + 1].item),
        None,
    )
    if start is None:
        raise ExtractionError(
            doc.path,
            None,
            "ingen liste med forslag (en indledning, der slutter med ':', efterfulgt af indrykkede punkter)",
        )
    groups: list[list[Paragraph]] = []
    for paragraph in body[start + 1 :]:
        if paragraph.item:
            groups.append([paragraph])
        elif _ends_list(paragraph):
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


def _ends_list(paragraph: Paragraph) -> bool:
    """Whether an unindented paragraph after a proposal ends the list rather than continuing the
    proposal: a heading, the lead-in of another list, or a first sentence that speaks of the list
    as a whole ("Det foreslås, at ovenstående …")."""
    first_sentence = paragraph.text[: sentence_bounds(paragraph.text)[0][1]]
    return (
        _is_heading(paragraph)
        or paragraph.text.endswith(":")
        or _BACK_REFERENCE.search(first_sentence) is not None
    )


def parse_parties(
    doc: SourceDocument, title: Joined, lead_in: Paragraph, kommuner: KommuneIndex
) -> list[dict[str, Any]]:
    """The municipalities and regions the title names; the one the lead-in says proposes is the
    proposer, the others are the recipients of the proposal."""
    regions = {k.region for k in kommuner.kommuner}
    found: list[tuple[int, dict[str, Any]]] = []
    for match in _KOMMUNE.finditer(title.text):
        if (kommune := kommuner.lookup(match.group("name"))) is not None:
            found.append((match.start(), {"name": match.group(0), "kommune": kommune.id, "region": None}))
    for match in _REGION.finditer(title.text):
        if match.group("name") in regions:
            found.append(
                (match.start(), {"name": match.group(0), "kommune": None, "region": match.group("name")})
            )
    if not found:
        raise ExtractionError(doc.path, title.first_line, "titlen nævner hverken en kommune eller en region")
    parties = []
    for start, party in sorted(found, key=lambda pair: pair[0]):
        proposes = re.search(re.escape(party["name"]) + _PROPOSES, lead_in.text)
        parties.append(
            {**party, "role": "proposer" if proposes else "recipient", "line": title.line_at(start)}
        )
    return parties


def sections(body: list[Paragraph]) -> list[dict[str, Any]]:
    """The body by headings (one-line paragraphs without closing punctuation); text before the
    first heading, or the whole body when there are none, forms a section with heading None. A
    paragraph that is a list item reads "- …" (light Markdown, as running text is kept)."""
    result: list[dict[str, Any]] = [{"heading": None, "line": body[0].passage.first_line, "paragraphs": []}]
    for paragraph in body:
        if _is_heading(paragraph):
            result.append({"heading": paragraph.text, "line": paragraph.passage.first_line, "paragraphs": []})
        else:
            text = f"- {paragraph.text}" if paragraph.item else paragraph.text
            result[-1]["paragraphs"].append({"text": text, "line": paragraph.passage.first_line})
    return [section for section in result if section["heading"] or section["paragraphs"]]


def _is_heading(paragraph: Paragraph) -> bool:
    return len(paragraph.passage.lines) == 1 and not paragraph.item and _looks_like_heading(paragraph.text)


def _looks_like_heading(text: str) -> bool:
    """A short line that starts in upper case and has no closing punctuation."""
    text = collapse_ws(text)
    return (
        0 < len(text) <= _HEADING_MAX_CHARS
        and text[0].isupper()
        and not text.endswith((*LINE_ENDINGS, ",", ";"))
    )
