"""Running text in light Markdown → paragraphs and lists in HTML, escaped, with legal references linked.

The YAML keeps the structure of a text (contracts.md, point 3): paragraphs separated by a blank
line, a bulleted list item on one line starting ``- ``, a numbered one starting ``N. ``. Nothing
else is Markdown: no emphasis, no links, no HTML — every character of the data is escaped. A line
that starts with a date ("1. april 2022 …") is text, not a numbered item.

:func:`parse_blocks` finds the blocks and the offsets of their text; :func:`render_blocks` writes
them, with the citation spans found once on the whole text clipped to each piece it renders.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ...citations import Span, annotate, clip
from ...text.danish_dates import find_danish_dates

_BULLET = re.compile(r"[ \t]*- (?=\S)")
_NUMBERED = re.compile(r"[ \t]*([0-9]{1,3})\. (?=\S)")

Anchor = Callable[[str, str], Markup]
"""(label, target URL) → the link's HTML; the label is plain text, to be escaped by the callee."""


@dataclass
class Block:
    """A paragraph (``p``) or a list (``ul``/``ol``): the offsets of its paragraph or items' text."""

    kind: str
    pieces: list[tuple[int, int]] = field(default_factory=list)
    start: int = 1  # the first number of a numbered list


def _item(line: str) -> tuple[str, int, int] | None:
    """("ul" | "ol", the item's number, where its text starts in ``line``) for a list item line."""
    if bullet := _BULLET.match(line):
        return "ul", 0, bullet.end()
    numbered = _NUMBERED.match(line)
    if numbered is None:
        return None
    dates = find_danish_dates(line[: numbered.end() + 20])
    if dates and dates[0].start == numbered.start(1):
        return None  # "1. april 2022 …" is a sentence beginning with a date
    return "ol", int(numbered.group(1)), numbered.end()


def parse_blocks(text: str) -> list[Block]:
    """The paragraphs and lists of ``text``, in order.

    A list item's wrapped continuation lines (not blank, no marker) belong to the item. Lists of
    the same kind with only blank lines between them are one list, as in Markdown.
    """
    blocks: list[Block] = []
    open_block: Block | None = None  # the paragraph or list the next non-blank line may continue
    blank_before = False
    offset = 0
    for line in text.split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        content = line.strip()
        if not content:
            if open_block is not None and open_block.kind == "p":
                open_block = None
            blank_before = True
            continue
        lead = len(line) - len(line.lstrip())
        end = line_start + len(line.rstrip())
        item = _item(line)
        if item is not None:
            kind, number, text_start = item
            last = blocks[-1] if blocks else None
            if last is not None and last.kind == kind and (open_block is last or blank_before):
                last.pieces.append((line_start + text_start, end))
            else:
                blocks.append(Block(kind, [(line_start + text_start, end)], number if kind == "ol" else 1))
            open_block = blocks[-1]
        elif open_block is not None and not (blank_before and open_block.kind != "p"):
            first, _ = open_block.pieces[-1]
            open_block.pieces[-1] = (first, end)  # a wrapped line of the paragraph or the item
        else:
            blocks.append(Block("p", [(line_start + lead, end)]))
            open_block = blocks[-1]
        blank_before = False
    return blocks


def linked(text: str, start: int, end: int, spans: Sequence[Span], anchor: Anchor) -> Markup:
    """``text[start:end]`` escaped, with the parts of ``spans`` inside it made links by ``anchor``.

    A span reaching over the edge of the piece is clipped to it (a reference wrapped over two list
    items links in both): the one annotator of :mod:`kommuneatlas.citations.annotate`.
    """
    return Markup(
        annotate(
            text[start:end],
            clip(text, spans, start, end),
            lambda label, url: str(anchor(label, url)),
            lambda plain: str(escape(plain)),
        )
    )


def render_blocks(
    text: str, spans: Sequence[Span], anchor: Anchor, lead: Markup | None = None, tight: bool = False
) -> Markup:
    """``text`` as ``<p>``, ``<ul>`` and ``<ol start>`` elements.

    ``lead`` (HTML) opens the first paragraph (a number or heading of the text); ``tight``
    writes a text that is one paragraph without its ``<p>`` (inside a list item or a table cell).
    """
    blocks = parse_blocks(text)
    if tight and len(blocks) == 1 and blocks[0].kind == "p" and lead is None:
        start, end = blocks[0].pieces[0]
        return linked(text, start, end, spans, anchor)
    html: list[Markup] = []
    if lead is not None and (not blocks or blocks[0].kind != "p"):
        html.append(Markup("<p>{}</p>").format(lead))
        lead = None
    for block in blocks:
        pieces = [linked(text, start, end, spans, anchor) for start, end in block.pieces]
        if block.kind == "p":
            html.append(Markup("<p>{}{}</p>").format(lead or "", pieces[0]))
            lead = None
            continue
        opening = Markup('<ol start="{}">').format(block.start) if block.kind == "ol" else Markup("<ul>")
        items = Markup("").join(Markup("<li>{}</li>").format(piece) for piece in pieces)
        html.append(Markup("{}{}</{}>").format(opening, items, block.kind))
    return Markup("\n").join(html)
