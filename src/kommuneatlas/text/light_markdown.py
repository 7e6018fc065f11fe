"""Running text as the YAML holds it: light Markdown (contracts.md, point 3), its one grammar, both ways.

A value is paragraphs separated by one blank line; a bulleted list item is one line starting
``- ``, a numbered item one line starting ``N. ``; a list is set off from the paragraphs before
and after it by a blank line. Nothing else is Markdown (no emphasis, no links, no HTML).

:func:`format_blocks` writes paragraphs and items so (the extractors); :func:`parse_blocks` reads
them back, with where each one's text stands (the pages). A line that starts with a date
("1. april 2022 …") is text, not a numbered item, and an item's wrapped lines belong to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .danish_dates import find_danish_dates

PARAGRAPH, BULLET, NUMBERED = "paragraph", "bullet", "numbered"

_BULLET = re.compile(r"[ \t]*- (?=\S)")
_NUMBERED = re.compile(r"[ \t]*([0-9]{1,3})\. (?=\S)")


@dataclass(frozen=True)
class Block:
    """A paragraph or a list item: ``kind`` is :data:`PARAGRAPH`, :data:`BULLET` or :data:`NUMBERED`,
    ``text`` the text without its marker, ``number`` a numbered item's number. A block read from a
    text knows where its text stands in it (``span``)."""

    kind: str
    text: str
    number: int | None = None
    span: tuple[int, int] = (0, 0)

    @property
    def is_item(self) -> bool:
        return self.kind != PARAGRAPH

    def markdown(self) -> str:
        """The block as its one line of light Markdown."""
        if self.kind == BULLET:
            return f"- {self.text}"
        if self.kind == NUMBERED:
            return f"{self.number}. {self.text}"
        return self.text


def format_blocks(blocks: Sequence[Block]) -> str:
    """The blocks as one light-Markdown text: a blank line between paragraphs and around a list,
    a list's items one per line; "" for none."""
    out: list[str] = []
    for index, block in enumerate(blocks):
        if index:
            out.append("\n" if block.is_item and blocks[index - 1].is_item else "\n\n")
        out.append(block.markdown())
    return "".join(out)


def format_paragraphs(blocks: Sequence[Block]) -> list[str]:
    """The blocks as a list of texts (a field that is a list of paragraphs): one per paragraph, one
    per list (its items one per line)."""
    texts: list[str] = []
    for index, block in enumerate(blocks):
        if block.is_item and index and blocks[index - 1].is_item:
            texts[-1] += "\n" + block.markdown()
        else:
            texts.append(block.markdown())
    return texts


def _item(line: str) -> tuple[str, int | None, int] | None:
    """(kind, number, where the item's text starts in ``line``) for a list item's line, else None."""
    if bullet := _BULLET.match(line):
        return BULLET, None, bullet.end()
    numbered = _NUMBERED.match(line)
    if numbered is None:
        return None
    dates = find_danish_dates(line[: numbered.end() + 20])
    if dates and dates[0].start == numbered.start(1):
        return None  # "1. april 2022 …" is a sentence beginning with a date
    return NUMBERED, int(numbered.group(1)), numbered.end()


def parse_blocks(text: str) -> list[Block]:
    """The paragraphs and list items of ``text``, in order, each with its ``span`` in ``text``.

    A line that is neither blank nor an item goes on with the paragraph or item before it, unless
    a blank line stands between (a blank line ends a paragraph; after a list it starts a new one).
    """
    blocks: list[Block] = []
    open_block = False  # whether the next non-blank line may continue blocks[-1]
    blank_before = False
    offset = 0
    for line in text.split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        if not line.strip():
            if open_block and blocks[-1].kind == PARAGRAPH:
                open_block = False
            blank_before = True
            continue
        end = line_start + len(line.rstrip())
        item = _item(line)
        if item is not None:
            kind, number, text_start = item
            blocks.append(
                Block(kind, text[line_start + text_start : end], number, (line_start + text_start, end))
            )
        elif open_block and not (blank_before and blocks[-1].is_item):
            start = blocks[-1].span[0]  # a wrapped line of the paragraph or the item
            blocks[-1] = replace(blocks[-1], text=text[start:end], span=(start, end))
        else:
            start = line_start + len(line) - len(line.lstrip())
            blocks.append(Block(PARAGRAPH, text[start:end], span=(start, end)))
        open_block = True
        blank_before = False
    return blocks


def group_blocks(blocks: Sequence[Block]) -> list[list[Block]]:
    """The blocks as the text reads them: each paragraph alone, each run of items of one kind (with
    only blank lines between them, as in Markdown) one list."""
    groups: list[list[Block]] = []
    for block in blocks:
        if block.is_item and groups and groups[-1][-1].kind == block.kind:
            groups[-1].append(block)
        else:
            groups.append([block])
    return groups
