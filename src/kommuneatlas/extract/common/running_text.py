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

:func:`markdown` writes the blocks the way the YAML holds running text: paragraphs separated by
a blank line, a bulleted item as one line "- …", a numbered item as "N. …" (a lettered item
keeps its letter: "- a) …"), a list set off from the paragraphs around it by a blank line.
Collapsing the whitespace of that text gives the text joined flat, bullets as "-".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...text.clean import collapse_ws, join_hyphenated
from ...text.danish_dates import find_danish_dates
from ...text.lines import NumberedLine
from ...text.sentences import LINE_ENDINGS, ends_sentence

_ITEM_MAY_FOLLOW = (*LINE_ENDINGS, ";", ",")
_BULLET = re.compile(r"(?P<marker>[-–—•▪◦‣·*o►➢■●\uf000-\uf8ff])\s+(?=\S)")
_NUMBER = re.compile(r"(?P<open>\()?(?P<label>\d{1,2})(?P<close>[.)])\s+(?=\S)")
_LETTER = re.compile(r"(?P<open>\()?(?P<label>[a-zæøå])\)\s+(?=\S)")


@dataclass(frozen=True)
class Block:
    """A paragraph or a list item: ``kind`` is "paragraph", "bullet", "numbered" or "lettered";
    ``label`` the item's number or letter; ``text`` the joined text without the marker; ``lines``
    the numbers of the physical lines it spans."""

    kind: str
    text: str
    lines: tuple[int, ...]
    label: str | None = None

    @property
    def is_item(self) -> bool:
        return self.kind != "paragraph"

    def markdown(self) -> str:
        """The block as one line of light Markdown."""
        if self.kind == "bullet":
            return f"- {self.text}"
        if self.kind == "numbered":
            return f"{self.label}. {self.text}"
        if self.kind == "lettered":
            return f"- {self.label}) {self.text}"
        return self.text


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
    for kind, pattern, first in (("numbered", _NUMBER, "1"), ("lettered", _LETTER, "a")):
        found = pattern.match(text)
        if found is None:
            continue
        continues = open_item is not None and open_item[0] == kind
        expected = _next_label(str(open_item[1])) if continues and open_item else first
        if not in_position or found["label"] != expected:
            return None
        if (
            kind == "numbered"
            and found["close"] == "."
            and any(d.start == 0 for d in find_danish_dates(text))
        ):
            return None  # "1. april 2022 …" is a date
        return _Marker(kind, found["label"], found.end())
    found = _BULLET.match(text)
    if found and (in_position or found["marker"] in _STRONG_BULLETS):
        first = text[found.end() :][:1]
        if upper is not None and first.isalpha() and first.isupper() != upper:
            return None  # "– herunder …" after "– Fire medlemmer, der …": the item goes on
        return _Marker("bullet", None, found.end())
    return None


class _Builder:
    """Collects lines into blocks (see the module docstring)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.numbers: list[int] = []
        self.kind = "paragraph"
        self.label: str | None = None
        self.upper: bool | None = None  # whether the open list's first item begins in upper case

    def flush(self) -> None:
        if self.parts:
            text = ""
            for index, part in enumerate(self.parts):
                text = join_hyphenated(text, part, more_follows=index + 1 < len(self.parts))
            self.blocks.append(Block(self.kind, text, tuple(self.numbers), self.label))
        self.parts, self.numbers, self.kind, self.label = [], [], "paragraph", None

    def add(self, number: int, text: str) -> None:
        """One non-blank line (whitespace collapsed)."""
        open_item = (self.kind, self.label) if self.kind != "paragraph" else None
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
        self.numbers.append(number)


def bullet_item(text: str, previous: str | None) -> str | None:
    """The text of a bulleted item that ``text`` (whitespace collapsed) starts, when it follows the
    line ``previous`` (None: nothing before it); None if the line starts no item."""
    in_position = previous is None or previous.rstrip().endswith(_ITEM_MAY_FOLLOW)
    marker = _marker(text, None, in_position)
    return text[marker.end :] if marker and marker.kind == "bullet" else None


def blocks(lines: Iterable[NumberedLine]) -> list[Block]:
    """The paragraphs and list items of some physical lines (blank lines ignored)."""
    builder = _Builder()
    for number, raw in lines:
        if text := collapse_ws(raw):
            builder.add(number, text)
    builder.flush()
    return builder.blocks


def markdown(found: Sequence[Block]) -> str:
    """The blocks as one light-Markdown text (see the module docstring); "" for none."""
    out: list[str] = []
    for index, block in enumerate(found):
        if index:
            out.append("\n" if block.is_item and found[index - 1].is_item else "\n\n")
        out.append(block.markdown())
    return "".join(out)


def paragraph_texts(found: Sequence[Block]) -> list[str]:
    """The blocks as a list of texts: one per paragraph, one per list (its items one per line)."""
    texts: list[str] = []
    for index, block in enumerate(found):
        if block.is_item and index and found[index - 1].is_item:
            texts[-1] += "\n" + block.markdown()
        else:
            texts.append(block.markdown())
    return texts
