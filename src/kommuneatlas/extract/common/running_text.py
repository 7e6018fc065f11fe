"""Running text as paragraphs and lists, written as light Markdown for the YAML.

A text is read line by line; blank lines carry no meaning here (converters differ in where they
put them). A list item is a line that starts with a marker — a bullet ("-", "–", "•", "▪", "o",
a symbol-font glyph …), a number ("1.", "2)", "(3)") or a letter ("a)", "(b)") — where an item
can start: at the beginning of the text, after a line that ends a sentence, a clause (";", ",")
or a lead-in (":"), or after another item. Numbers and letters must count up from 1 or a, so a
line that begins "12. maj" or "3)" in the middle of a text stays text. An item runs over its
wrapped lines until the next item, or until a line of it ends a sentence and the next line is no
item; inside a list, a dash that begins a line in the other case than the list's items, after a
line that ends no clause, goes on with the item ("– Fire medlemmer, der …" / "– herunder …"). A
paragraph ends at a line that ends a sentence (".", "!", "?", ":") when the next line does not go
on in lower case ("… Frem til 31." / "marts 2022 …"), or where a list begins.

The blocks are those the YAML holds (:mod:`kommuneatlas.text.light_markdown`, which writes them):
a bulleted item is written "- …", a numbered item "N. …", and a lettered item keeps its letter as
a bullet: "- a) …". Collapsing the whitespace of the text written gives the text joined flat,
bullets as "-".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ...text.clean import collapse_ws, join_hyphenated
from ...text.danish_dates import find_danish_dates
from ...text.light_markdown import BULLET, NUMBERED, PARAGRAPH, Block
from ...text.sentences import LINE_ENDINGS, ends_sentence

_ITEM_MAY_FOLLOW = (*LINE_ENDINGS, ";", ",")
_BULLET = re.compile(r"(?P<marker>[-–—•▪◦‣·*o►➢■●\uf000-\uf8ff])\s+(?=\S)")
_NUMBER = re.compile(r"(?P<open>\()?(?P<label>\d{1,2})(?P<close>[.)])\s+(?=\S)")
_LETTER = re.compile(r"(?P<open>\()?(?P<label>[a-zæøå])\)\s+(?=\S)")


@dataclass(frozen=True)
class _Marker:
    kind: str
    label: str | None
    end: int  # where the item's text begins in the stripped line


# Bullets that also occur in running text (a dash, a lone "o") start an item only where an item can.
_STRONG_BULLETS = frozenset("•▪◦‣►➢■●") | frozenset(chr(c) for c in range(0xF000, 0xF900))


def _next_label(label: str) -> str:
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


def _marker(
    text: str, open_item: tuple[str, str | None] | None, in_position: bool, upper: bool | None = None
) -> _Marker | None:
    """The list marker a (stripped) line starts with, if the line can start an item: in position
    (see :class:`_Builder`) and, for numbers and letters, next in order after ``open_item`` (the
    kind and label of the item just before, if any) or the first of a new list."""
    for kind, pattern, first in ((NUMBERED, _NUMBER, "1"), ("lettered", _LETTER, "a")):
        found = pattern.match(text)
        if found is None:
            continue
        continues = open_item is not None and open_item[0] == kind
        expected = _next_label(str(open_item[1])) if continues and open_item else first
        if not in_position or found["label"] != expected:
            return None
        if kind == NUMBERED and found["close"] == "." and any(d.start == 0 for d in find_danish_dates(text)):
            return None  # "1. april 2022 …" is a date
        return _Marker(kind, found["label"], found.end())
    found = _BULLET.match(text)
    if found and (in_position or found["marker"] in _STRONG_BULLETS):
        first = text[found.end() :][:1]
        if upper is not None and first.isalpha() and first.isupper() != upper:
            return None  # "– herunder …" after "– Fire medlemmer, der …": the item goes on
        return _Marker(BULLET, None, found.end())
    return None


def _block(kind: str, text: str, label: str | None) -> Block:
    """The block as the YAML writes it: a lettered item as a bullet that keeps its letter."""
    if kind == "lettered":
        return Block(BULLET, f"{label}) {text}")
    if kind == NUMBERED and label is not None:
        return Block(NUMBERED, text, int(label))
    return Block(kind, text)


class _Builder:
    """Collects lines into blocks (see the module docstring)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.kind = PARAGRAPH
        self.label: str | None = None
        self.upper: bool | None = None  # whether the open list's first item begins in upper case

    def flush(self) -> None:
        if self.parts:
            text = ""
            for index, part in enumerate(self.parts):
                text = join_hyphenated(text, part, more_follows=index + 1 < len(self.parts))
            self.blocks.append(_block(self.kind, text, self.label))
        self.parts, self.kind, self.label = [], PARAGRAPH, None

    def add(self, text: str) -> None:
        """One non-blank line (whitespace collapsed)."""
        open_item = (self.kind, self.label) if self.kind != PARAGRAPH else None
        closed = bool(self.parts) and self.parts[-1].endswith(_ITEM_MAY_FOLLOW)
        in_position = not self.parts or open_item is not None or closed
        # Inside a list, a line that starts with a dash but not as the list's items start, after a
        # line that ends no clause, goes on with the item.
        upper = self.upper if open_item and not closed else None
        marker = _marker(text, open_item, in_position, upper)
        if marker is not None:
            if open_item is None:
                self.upper = text[marker.end :][:1].isupper()
            self.flush()
            self.kind, self.label = marker.kind, marker.label
            text = text[marker.end :]
        elif self.parts and ends_sentence(self.parts[-1]) and not text[:1].islower():
            self.flush()
        self.parts.append(text)


def bullet_item(text: str, previous: str | None) -> str | None:
    """The text of a bulleted item that ``text`` (whitespace collapsed) starts, when it follows the
    line ``previous`` (None: nothing before it); None if the line starts no item."""
    in_position = previous is None or previous.rstrip().endswith(_ITEM_MAY_FOLLOW)
    marker = _marker(text, None, in_position)
    return text[marker.end :] if marker and marker.kind == BULLET else None


def blocks(lines: Iterable[str]) -> list[Block]:
    """The paragraphs and list items of some physical lines (blank lines ignored)."""
    builder = _Builder()
    for raw in lines:
        if text := collapse_ws(raw):
            builder.add(text)
    builder.flush()
    return builder.blocks
