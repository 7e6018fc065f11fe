"""Numbered contract text: sections ("3. UDBETALING AF TILSKUDDET"), clauses ("3.1 …", "6.1.1 …"),
list items ("(i) …", "(A) …") and the unnumbered lines that continue them.

A line is classified by how it starts; everything else continues the item, clause or section text
before it. A numbered line "N. Text" is a section heading when its text is upper case, or short,
without closing punctuation and followed by a clause "N.1"; otherwise it is a numbered paragraph.
A clause whose first line is short and unpunctuated and which has children, items or further
sentences is a sub-heading ("6.1 Tilbageholdelse af Tilskud"). Clause numbers only increase, so
a line starting with an earlier number is a wrapped cross-reference. Page breaks show up as a
leading space and are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from ...text.danish_dates import find_danish_dates
from ...text.lines import Joined, NumberedLine, join_numbered
from ...text.sentences import LINE_ENDINGS

_SECTION = re.compile(r"^(?P<number>[0-9]{1,2})\.\s+(?P<text>\S.*)$")
_CLAUSE = re.compile(r"^(?P<number>[0-9]{1,2}(?:\.[0-9]{1,2})+)\s+(?P<text>\S.*)$")
_ITEM = re.compile(r"^\((?P<number>[ivxlc]+|[a-zA-Z]|[0-9]{1,2})\)\s+(?P<text>\S.*)$")
_HEADING_MAX_CHARS = 70
_CLOSING_PUNCTUATION = (*LINE_ENDINGS, ";", ",")

_DIGITS = tuple(str(n) for n in range(1, 21))
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")


@dataclass
class Item:
    label: str
    lines: list[NumberedLine]

    @property
    def line(self) -> int:
        return self.lines[0][0]

    @property
    def passage(self) -> Joined:
        joined = join_numbered(self.lines)
        assert joined is not None  # an item starts with its non-blank label line
        return joined


@dataclass
class Clause:
    """A numbered clause or paragraph, or unnumbered text (``number`` None); ``heading`` is set for
    a sub-heading, whose further lines (if any) form its text."""

    number: str | None
    heading: str | None
    line: int
    lines: list[NumberedLine] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    @property
    def passage(self) -> Joined | None:
        return join_numbered(self.lines)

    @property
    def last_line(self) -> int:
        numbers = [self.line] + [n for n, _ in self.lines] + [n for item in self.items for n, _ in item.lines]
        return max(numbers)


@dataclass
class Section:
    number: str | None
    heading: str | None
    line: int
    clauses: list[Clause] = field(default_factory=list)


def is_structural(text: str) -> bool:
    """Whether a (stripped) line starts a section, clause, numbered paragraph or list item."""
    return _kind(text)[0] != "text"


def _kind(text: str) -> tuple[str, str | None, str]:
    """("clause" | "item" | "numbered" | "text", number, rest of the line)."""
    for kind, pattern in (("clause", _CLAUSE), ("item", _ITEM), ("numbered", _SECTION)):
        if match := pattern.match(text):
            if kind == "numbered" and any(found.start == 0 for found in find_danish_dates(text)):
                break  # "2. januar 2024" is a date, not a paragraph number
            return kind, match.group("number"), match.group("text").strip()
    return "text", None, text


def _demote_references(kinds: list[tuple[str, str | None, str]]) -> list[tuple[str, str | None, str]]:
    """Clause numbers only increase; a line that starts with an earlier or equal one is a wrapped
    cross-reference ("… bilagt som Bilag" / "3.2 (”Udbetalingsplanen”) …") and so plain text."""
    result = []
    last: tuple[int, ...] = ()
    for kind, number, rest in kinds:
        if kind == "clause" and number is not None:
            key = tuple(int(part) for part in number.split("."))
            if key <= last:
                result.append(("text", None, f"{number} {rest}"))
                continue
            last = key
        result.append((kind, number, rest))
    return result


def _is_short_heading(text: str) -> bool:
    return len(text) <= _HEADING_MAX_CHARS and not text.endswith(_CLOSING_PUNCTUATION)


def _is_first_child(number: str | None, parent: str | None) -> bool:
    """Whether clause ``number`` is the first child of ``parent`` ("2.1" of "2", "6.1.1" of "6.1")."""
    return number is not None and number == f"{parent}.1"


def _is_upper_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def parse_sections(
    lines: tuple[str, ...], first: int, last: int, skip: Collection[int] = ()
) -> list[Section]:
    """The sections of lines ``first``..``last`` (1-based, inclusive), leaving out ``skip``.

    Text before the first heading goes to a section with number and heading None.
    """
    numbered = [
        (n, lines[n - 1].strip()) for n in range(first, last + 1) if lines[n - 1].strip() and n not in skip
    ]
    kinds = _demote_references([_kind(text) for _, text in numbered])
    clause_numbers = [(index, number) for index, (kind, number, _) in enumerate(kinds) if kind == "clause"]

    def next_clause(index: int) -> str | None:
        return next((number for i, number in clause_numbers if i > index), None)

    sections: list[Section] = []
    clause: Clause | None = None
    item: Item | None = None
    for index, ((number, text), (kind, label, rest)) in enumerate(zip(numbered, kinds, strict=True)):
        following = next_clause(index)
        if kind == "numbered" and (
            _is_upper_heading(rest) or (_is_short_heading(rest) and _is_first_child(following, label))
        ):
            sections.append(Section(label, rest, number))
            clause = item = None
            continue
        if not sections:
            sections.append(Section(None, None, number))
        if kind in ("clause", "numbered"):
            clause = Clause(label, None, number, [(number, rest)])
            sections[-1].clauses.append(clause)
            item = None
        elif kind == "item":
            if clause is None:
                clause = Clause(None, None, number)
                sections[-1].clauses.append(clause)
            item = Item(str(label), [(number, rest)])
            clause.items.append(item)
        elif item is not None:
            item.lines.append((number, text))
        elif clause is not None:
            clause.lines.append((number, text))
        else:
            clause = Clause(None, None, number, [(number, text)])
            sections[-1].clauses.append(clause)
    for section in sections:
        for index, candidate in enumerate(section.clauses):
            _mark_heading(candidate, section.clauses[index + 1 :])
    return sections


def _mark_heading(clause: Clause, later: list[Clause]) -> None:
    """Turn a clause into a sub-heading when its first line reads like one: short, unpunctuated,
    not hyphenated, and followed by its first child clause, by items, or by lines that start a
    new sentence rather than continue this one."""
    if clause.number is None or "." not in clause.number or not clause.lines:
        return
    first = clause.lines[0][1]
    if not _is_short_heading(first) or first.endswith("-"):
        return
    following = next((c.number for c in later if c.number), None)
    continued = len(clause.lines) > 1 and not clause.lines[1][1][:1].islower()
    if _is_first_child(following, clause.number) or continued or clause.items:
        clause.heading = first
        clause.lines = clause.lines[1:]


# Inline enumerations: "(1) at …, og (2) at …", "(i) … (ii) …".
_INLINE_MARKER = re.compile(r"(?<![\w(])\((?P<label>[0-9]{1,2}|[ivx]{1,4})\)\s")
_NUMBER_WORDS = frozenset({"en", "et", "én", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti"})
_ITEM_TAIL = re.compile(r"[,;]?\s*(?:og|eller)?\s*$")


def inline_items(text: str) -> list[tuple[str, int, str]]:
    """(label, offset, text) of an enumeration written inside ``text``: markers that count up from
    (1) or (i) in order, not counting numbers glossed in digits ("to (2)"); else []."""
    markers: list[re.Match[str]] = []
    for match in _INLINE_MARKER.finditer(text):
        label = match.group("label")
        if text[: match.start()].rstrip().rsplit(" ", 1)[-1].lower() in _NUMBER_WORDS:
            continue  # "en (1) måned": a number spelt out and repeated in digits
        if not markers:
            if label in (_DIGITS[0], _ROMAN[0]):
                markers.append(match)
            continue
        sequence = _DIGITS if markers[0].group("label") == _DIGITS[0] else _ROMAN
        if len(markers) < len(sequence) and label == sequence[len(markers)]:
            markers.append(match)
    if len(markers) < 2:
        return []
    result = []
    for index, match in enumerate(markers):
        end = markers[index + 1].start() if index + 1 < len(markers) else len(text)
        body = (
            _ITEM_TAIL.sub("", text[match.end() : end])
            if index + 1 < len(markers)
            else text[match.end() : end]
        )
        result.append((match.group("label"), match.start(), body.strip()))
    return result
