"""Physical lines of the frikommune status note: blank lines, page starts, page furniture, blocks.

The note is a plain-text PDF export. A line that begins with whitespace but has text is the first
line of a page; a block of a lone page number ends a page; blank lines separate table cells and
paragraphs. A *block* is a run of non-blank lines; a block that begins at a page start without a
blank line before it is *soft*: it may be the rest of the previous block's cell, carried over the
page break.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..textclean import join_lines

NumberedLine = tuple[int, str]
"""A physical line with its 1-based line number (or a piece of one, when cells share a line)."""

Cell = tuple[NumberedLine, ...]
"""The lines of one table cell."""

_PAGE_NUMBER = re.compile(r"\s*\d{1,3}\s*")


def is_blank(text: str) -> bool:
    return not text.strip()


def is_page_number(text: str) -> bool:
    return _PAGE_NUMBER.fullmatch(text) is not None


def is_page_start(text: str) -> bool:
    """The exporter indents the first line of every page by one space."""
    return text[:1].isspace() and not is_blank(text)


def text_of(lines: Iterable[NumberedLine]) -> str:
    """The cleaned text of some lines: hyphenation at line ends resolved, whitespace collapsed."""
    return join_lines(text for _, text in lines)


def fold(name: str) -> str:
    """A name for comparison: accents dropped ("Én" → "en"), lower case, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split()).strip(" .")


def first_word(lines: Cell) -> str:
    return lines[0][1].split()[0]


@dataclass(frozen=True)
class Block:
    lines: Cell
    soft: bool = False

    @property
    def first_line(self) -> int:
        return self.lines[0][0]

    @property
    def text(self) -> str:
        return text_of(self.lines)

    def starts_with(self, prefix: str) -> bool:
        return self.lines[0][1].strip().lower().startswith(prefix.lower())


def _is_page_number(block: Block) -> bool:
    return len(block.lines) == 1 and is_page_number(block.lines[0][1])


def split_blocks(lines: Sequence[NumberedLine]) -> list[Block]:
    """Blocks of non-blank lines; page numbers dropped; a page start without a blank line before it
    begins a soft block, and so does the first block after a page number."""
    raw: list[Block] = []
    current: list[NumberedLine] = []
    soft = False
    for number, text in lines:
        if is_blank(text):
            if current:
                raw.append(Block(tuple(current), soft))
            current, soft = [], False
            continue
        if current and is_page_start(text):
            raw.append(Block(tuple(current), soft))
            current, soft = [], True
        current.append((number, text))
    if current:
        raw.append(Block(tuple(current), soft))
    blocks: list[Block] = []
    after_page_number = False
    for block in raw:
        if _is_page_number(block):
            after_page_number = True
            continue
        blocks.append(Block(block.lines, block.soft or after_page_number))
        after_page_number = False
    return blocks
