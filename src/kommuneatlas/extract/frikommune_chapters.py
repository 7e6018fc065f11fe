"""The running text before the appendices: the front matter (Forord, Overordnet status, …) and
chapter N about network N.

A chapter heading is the first line of a page, "<N> <Name>", possibly wrapped; chapters are
numbered 1, 2, 3 … in order. A chapter has an introduction, a list of data sources (the bullets
and the sentence that leads into them), section N.1 (status) and section N.2 (preliminary
experiences). Footnotes and link annotations at the foot of a page, and page numbers, are dropped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..textclean import collapse_ws, join_hyphenated
from .frikommune_text import NumberedLine, is_blank, is_page_number, is_page_start

_CHAPTER = re.compile(r"\s+(\d{1,2})\s+([^\W\d_].*)")
# The foot of a page: a line holding only a space, then footnotes "4  Se https://…".
_FOOTNOTE = re.compile(r"\d{1,2}\s+\S.*")
_LINK_LINE = re.compile(r"\s*(?:https?://|www\.)\S*\s*")
_BULLET = re.compile(r"\s*[\uf000-\uf8ff•▪◦‣]\s+")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅÉ”“\"(])")
_SENTENCE_END = (".", ":", "!", "?")


@dataclass(frozen=True)
class Paragraph:
    """Joined text; ``starts[i]`` is the offset where the part from line ``lines[i]`` begins."""

    text: str
    lines: tuple[int, ...]
    starts: tuple[int, ...]
    bullet: bool

    def line_at(self, offset: int) -> int:
        return self.lines[max(0, bisect.bisect_right(self.starts, offset) - 1)]

    def sentences(self) -> list[tuple[str, int]]:
        """The sentences, each with the line it begins on."""
        bounds = [0, *(m.end() for m in _SENTENCE_BREAK.finditer(self.text)), len(self.text)]
        return [(self.text[a:b].strip(), self.line_at(a)) for a, b in pairwise(bounds)]


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
    in_footnotes = False
    for index, (number, text) in enumerate(lines):
        if in_footnotes and is_page_start(text):
            in_footnotes = False
        if not in_footnotes and text and is_blank(text):
            following = next((t for _, t in lines[index + 1 :] if not is_blank(t)), "")
            in_footnotes = _FOOTNOTE.fullmatch(following) is not None
        lonely = (
            index > 0
            and is_blank(lines[index - 1][1])
            and index + 1 < len(lines)
            and is_blank(lines[index + 1][1])
        )
        furniture = _LINK_LINE.fullmatch(text) or (lonely and is_page_number(text))
        kept.append((number, "" if in_footnotes or furniture else text))
    return kept


def _paragraph(lines: Sequence[NumberedLine], bullet: bool) -> Paragraph:
    text = ""
    numbers: list[int] = []
    starts: list[int] = []
    for number, raw in lines:
        part = collapse_ws(raw)
        text = join_hyphenated(text, part)
        numbers.append(number)
        starts.append(len(text) - len(part))
    return Paragraph(text, tuple(numbers), tuple(starts), bullet)


def _continues(previous: Sequence[NumberedLine], following: Sequence[NumberedLine]) -> bool:
    """Whether a group of lines goes on in the next one (a paragraph broken by page furniture)."""
    return not previous[-1][1].rstrip().endswith(_SENTENCE_END) and following[0][1].lstrip()[:1].islower()


def _new_page_paragraph(group: Sequence[NumberedLine], text: str) -> bool:
    """A page that begins with a capital after a finished sentence begins a paragraph (or heading)."""
    return (
        is_page_start(text) and group[-1][1].rstrip().endswith(_SENTENCE_END) and text.lstrip()[:1].isupper()
    )


def paragraphs(lines: Sequence[NumberedLine]) -> tuple[Paragraph, ...]:
    """Paragraphs: runs of lines between blank lines; a bullet starts a paragraph of its own (its
    glyph dropped), and so does a page that begins a sentence; a run that does not end a sentence
    goes on in a next run in lower case."""
    groups: list[tuple[list[NumberedLine], bool]] = []
    in_group = False
    for number, text in lines:
        if is_blank(text):
            in_group = False
            continue
        glyph = _BULLET.match(text)
        if glyph and glyph.end() < len(text.rstrip()):
            groups.append(([(number, text[glyph.end() :])], True))
        elif in_group and not _new_page_paragraph(groups[-1][0], text):
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


def _split_data_sources(found: tuple[Paragraph, ...]) -> tuple[tuple[Paragraph, ...], tuple[Paragraph, ...]]:
    """(introduction, data sources): the sources are the first bullets and the paragraph before them."""
    first = next((index for index, paragraph in enumerate(found) if paragraph.bullet), None)
    if first is None:
        return found, ()
    lead = first - 1 if first > 0 and not found[first - 1].bullet else first
    return found[:lead], found[lead:]


def _section(
    lines: Sequence[NumberedLine], starts: dict[int, int], number: int, to_end: bool
) -> tuple[Paragraph, ...]:
    """The paragraphs of section ``number`` (its heading left out), up to the next section or, with
    ``to_end``, to the end of the chapter."""
    start = starts.get(number)
    if start is None:
        return ()
    end = len(lines) if to_end else min((s for s in starts.values() if s > start), default=len(lines))
    return paragraphs(lines[start + 1 : end])


def _chapter(number: int, lines: Sequence[NumberedLine]) -> Chapter:
    """Chapter ``number`` from its lines, heading first."""
    heading_end = next((i for i, (_, text) in enumerate(lines) if is_blank(text)), len(lines))
    found = _CHAPTER.fullmatch(lines[0][1])
    name = collapse_ws(" ".join([found[2] if found else "", *(text for _, text in lines[1:heading_end])]))
    section = re.compile(rf"\s*{number}\.(\d+)\s+\S.*")
    starts = {
        int(match[1]): index
        for index, (_, text) in enumerate(lines)
        if index >= heading_end and (match := section.fullmatch(text))
    }
    first_section = min(starts.values(), default=len(lines))
    introduction, data_sources = _split_data_sources(paragraphs(lines[heading_end:first_section]))
    status = _section(lines, starts, 1, to_end=False)
    experiences = _section(lines, starts, 2, to_end=True)
    last_line = max(n for n, text in lines if not is_blank(text))
    return Chapter(number, name, lines[0][0], last_line, introduction, data_sources, status, experiences)


def read_body(lines: Sequence[NumberedLine]) -> Body:
    """The front matter and the chapters of the text before the appendices."""
    clean = _without_furniture(lines)
    headings: list[int] = []
    for index, (_, text) in enumerate(clean):
        found = _CHAPTER.fullmatch(text)
        if found and is_page_start(text) and int(found[1]) == len(headings) + 1 and found[2][0].isupper():
            headings.append(index)
    bounds = [*headings, len(clean)]
    chapters = tuple(_chapter(n, clean[a:b]) for n, (a, b) in enumerate(pairwise(bounds), 1))
    return Body(paragraphs(clean[: bounds[0]]), chapters)
