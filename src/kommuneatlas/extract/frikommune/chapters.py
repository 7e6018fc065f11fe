"""The running text before the appendices: the front matter (Forord, Overordnet status, …) and
chapter N about network N.

A chapter heading is the first line of a page, "<N> <Name>"; chapters are numbered 1, 2, 3 … in
order, and a heading that wraps goes on over the short lines after it that end no sentence. A
chapter has an introduction, a list of data sources (the bullets and the sentence that leads into
them), section N.1 (status) and section N.2 (preliminary experiences). Footnotes — numbered 1, 2,
3 … through the note ("4  Se https://…"), each running to the end of its page — link
annotations and page numbers are dropped.

Paragraphs: where the text has blank lines between paragraphs, they divide it. A text without
them (as other converters write it) is divided where a line ends a sentence and the next line
begins one: its paragraphs may be shorter than the note's, their text is the same. Either way a
bullet begins a paragraph of its own, a page that begins a sentence after a finished one begins a
paragraph, and a paragraph interrupted by page furniture goes on where the text continues in
lower case.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ...text.clean import collapse_ws
from ...text.lines import Joined, NumberedLine, join_numbered
from ...text.sentences import ends_sentence, sentence_bounds, sentence_breaks
from ..common.layout import is_page_start
from .text import is_blank, is_page_number

_CHAPTER = re.compile(r"\s+(\d{1,2})\s+([^\W\d_].*)")
_HEADING_LINES = 3  # a chapter heading wraps onto at most two more lines …
_HEADING_WIDTH = 60  # … each of them short
# A footnote at the foot of a page: its number, two spaces, its text ("4  Se https://…").
_FOOTNOTE = re.compile(r"(\d{1,2})\s{2,}\S.*")
_LINK_LINE = re.compile(r"\s*(?:https?://|www\.)\S*\s*")
_BULLET = re.compile(r"\s*[\uf000-\uf8ff•▪◦‣]\s+")


@dataclass(frozen=True)
class Paragraph(Joined):
    """A paragraph's lines joined (see :class:`~kommuneatlas.text.lines.Joined`); ``bullet``: whether
    it is an item of a bulleted list."""

    bullet: bool

    def sentences(self) -> list[tuple[str, int]]:
        """The sentences, each with the line it begins on."""
        return [(self.text[a:b].strip(), self.line_at(a)) for a, b in sentence_bounds(self.text)]

    def split_last_sentence(self) -> tuple[Paragraph | None, Paragraph]:
        """The paragraph without its last sentence (None if it has one only), and that sentence."""
        breaks = [following for _, following in sentence_breaks(self.text)]
        if not breaks:
            return None, self
        cut = breaks[-1]
        index = bisect.bisect_right(self.starts, cut) - 1
        head = Paragraph(
            self.text[:cut].rstrip(), self.starts[: index + 1], self.lines[: index + 1], self.bullet
        )
        tail_starts = (0, *(start - cut for start in self.starts[index + 1 :]))
        tail = Paragraph(self.text[cut:], tail_starts, self.lines[index:], self.bullet)
        return head, tail


@dataclass(frozen=True)
class Chapter:
    number: int
    name: str
    first_line: int
    last_line: int
    introduction: tuple[Paragraph, ...]
    data_sources: tuple[Paragraph, ...]
    status: tuple[Paragraph, ...]
    experiences: tuple[Paragraph, ...]

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self.introduction + self.data_sources + self.status + self.experiences


@dataclass(frozen=True)
class Body:
    front: tuple[Paragraph, ...]  # the text before chapter 1
    chapters: tuple[Chapter, ...]

    def chapter(self, number: int) -> Chapter | None:
        return next((chapter for chapter in self.chapters if chapter.number == number), None)


def _without_furniture(lines: Sequence[NumberedLine]) -> list[NumberedLine]:
    """The lines with footnotes, link annotations and page numbers blanked out."""
    kept: list[NumberedLine] = []
    footnote = 1  # the number the next footnote has
    in_footnotes = False
    before = ""
    for number, text in lines:
        if in_footnotes and is_page_start(text):
            in_footnotes = False
        found = _FOOTNOTE.fullmatch(text.strip())
        if found and int(found[1]) == footnote:
            in_footnotes, footnote = True, footnote + 1
        furniture = _LINK_LINE.fullmatch(text) or is_page_number(text, before)
        dropped = in_footnotes or bool(furniture)
        kept.append((number, "" if dropped else text))
        if not dropped and text.strip():
            before = text
    return kept


def blank_lines_divide(lines: Sequence[NumberedLine]) -> bool:
    """Whether the text has blank lines between its paragraphs (a blank line before a page start,
    where a converter writes a page break as an empty line, does not count)."""
    for index in range(1, len(lines) - 1):
        following = next((t for _, t in lines[index + 1 :] if not is_blank(t)), "")
        if (
            is_blank(lines[index][1])
            and not is_blank(lines[index - 1][1])
            and following
            and not is_page_start(following)
        ):
            return True
    return False


def _paragraph(lines: Sequence[NumberedLine], bullet: bool) -> Paragraph:
    joined = join_numbered(lines)
    assert joined is not None  # a group holds its non-blank lines only
    return Paragraph(joined.text, joined.starts, joined.lines, bullet)


def _continues(previous: Sequence[NumberedLine], following: Sequence[NumberedLine]) -> bool:
    """Whether a group of lines goes on in the next one (a paragraph broken by page furniture)."""
    return not ends_sentence(previous[-1][1].rstrip()) and following[0][1].lstrip()[:1].islower()


def _new_page_paragraph(group: Sequence[NumberedLine], text: str) -> bool:
    """A page that begins with a capital after a finished sentence begins a paragraph (or heading)."""
    return is_page_start(text) and ends_sentence(group[-1][1].rstrip()) and text.lstrip()[:1].isupper()


def paragraphs(lines: Sequence[NumberedLine], blank_breaks: bool = True) -> tuple[Paragraph, ...]:
    """The paragraphs of some lines (see the module docstring); ``blank_breaks``: whether blank
    lines divide paragraphs in this text (those before a page start never do: the page start
    decides)."""
    groups: list[tuple[list[NumberedLine], bool]] = []
    in_group = False
    page_break = False  # only blank lines since the last text, and a page starts after them
    for index, (number, text) in enumerate(lines):
        if is_blank(text):
            if not page_break:
                following = next((t for _, t in lines[index + 1 :] if not is_blank(t)), "")
                page_break = is_page_start(following)
            in_group = in_group and (page_break or not blank_breaks)
            continue
        page_break = False
        glyph = _BULLET.match(text)
        previous = groups[-1][0][-1][1].rstrip() if in_group else ""
        if glyph and glyph.end() < len(text.rstrip()):
            groups.append(([(number, text[glyph.end() :])], True))
        elif (
            in_group
            and not _new_page_paragraph(groups[-1][0], text)
            and (blank_breaks or not (ends_sentence(previous) and _starts_sentence(text)))
        ):
            groups[-1][0].append((number, text))
        else:
            groups.append(([(number, text)], False))
        in_group = True
    merged: list[tuple[list[NumberedLine], bool]] = []
    for group, bullet in groups:
        if merged and not bullet and _continues(merged[-1][0], group):
            merged[-1][0].extend(group)
        else:
            merged.append((group, bullet))
    return tuple(_paragraph(group, bullet) for group, bullet in merged)


def _starts_sentence(text: str) -> bool:
    first = text.lstrip()[:1]
    return first.isupper() or first.isdigit() or first in '”“"('


def _split_data_sources(found: tuple[Paragraph, ...]) -> tuple[tuple[Paragraph, ...], tuple[Paragraph, ...]]:
    """(introduction, data sources): the sources are the first bullets and the sentence that leads
    into them (the last of the paragraph before them; the rest of that paragraph stays in the
    introduction, so the division does not depend on where a converter breaks paragraphs)."""
    first = next((index for index, paragraph in enumerate(found) if paragraph.bullet), None)
    if first is None:
        return found, ()
    if first == 0 or found[first - 1].bullet:
        return found[:first], found[first:]
    head, lead = found[first - 1].split_last_sentence()
    return (*found[: first - 1], *([head] if head else [])), (lead, *found[first:])


def _section(
    lines: Sequence[NumberedLine], starts: dict[int, int], number: int, to_end: bool, blank_breaks: bool
) -> tuple[Paragraph, ...]:
    """The paragraphs of section ``number`` (its heading left out), up to the next section or, with
    ``to_end``, to the end of the chapter."""
    start = starts.get(number)
    if start is None:
        return ()
    end = len(lines) if to_end else min((s for s in starts.values() if s > start), default=len(lines))
    return paragraphs(lines[start + 1 : end], blank_breaks)


def _heading_end(lines: Sequence[NumberedLine], section: re.Pattern[str]) -> int:
    """The index after a chapter heading: it goes on over short lines that end no sentence, up
    to a blank line."""
    end = 1
    while end < min(len(lines), _HEADING_LINES):
        text = collapse_ws(lines[end][1])
        if not text or len(text) > _HEADING_WIDTH or ends_sentence(text) or section.fullmatch(text):
            break
        end += 1
    return end


def _chapter(number: int, lines: Sequence[NumberedLine], blank_breaks: bool) -> Chapter:
    """Chapter ``number`` from its lines, heading first."""
    section = re.compile(rf"\s*{number}\.(\d+)\s+\S.*")
    heading_end = _heading_end(lines, section)
    found = _CHAPTER.fullmatch(lines[0][1])
    name = collapse_ws(" ".join([found[2] if found else "", *(text for _, text in lines[1:heading_end])]))
    starts = {
        int(match[1]): index
        for index, (_, text) in enumerate(lines)
        if index >= heading_end and (match := section.fullmatch(text))
    }
    first_section = min(starts.values(), default=len(lines))
    introduction, data_sources = _split_data_sources(
        paragraphs(lines[heading_end:first_section], blank_breaks)
    )
    status = _section(lines, starts, 1, False, blank_breaks)
    experiences = _section(lines, starts, 2, True, blank_breaks)
    last_line = max(n for n, text in lines if not is_blank(text))
    return Chapter(number, name, lines[0][0], last_line, introduction, data_sources, status, experiences)


def read_body(lines: Sequence[NumberedLine]) -> Body:
    """The front matter and the chapters of the text before the appendices."""
    clean = _without_furniture(lines)
    blank_breaks = blank_lines_divide(lines)
    headings: list[int] = []
    for index, (_, text) in enumerate(clean):
        found = _CHAPTER.fullmatch(text)
        if found and is_page_start(text) and int(found[1]) == len(headings) + 1 and found[2][0].isupper():
            headings.append(index)
    bounds = [*headings, len(clean)]
    chapters = tuple(_chapter(n, clean[a:b], blank_breaks) for n, (a, b) in enumerate(pairwise(bounds), 1))
    return Body(paragraphs(clean[: bounds[0]], blank_breaks), chapters)
