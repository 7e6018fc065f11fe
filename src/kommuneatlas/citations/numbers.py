"""The numbers of a legal reference, read after its § sign or chapter word.

Paragraphs ("31", "31 a", "§§ 76, 77 og 82", ranges "4-6" and "92-96 c", the elliptical "§ 82 a
og b", LAB's dotted "2.11"), each with its stk., nr. and pkt., and chapters ("kapitel 7", "kap.
10-12", "kapitel 4 og 5 og § 73 a"), read into the :class:`Item` list of a :class:`Reference`. A second number after a single § that a
noun follows counts something ("§ 11 og 310 ansøgninger"): the list ends before it.
Offsets are into the normalised text (see :mod:`.parser`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from .name_patterns import TITLE_STOP_WORDS
from .names import Name
from .patterns import (
    COMPOUND,
    DOTTED,
    DOTTED_NUMBER,
    FOLLOWING_WORD,
    GLUED_WORD,
    LETTER,
    LETTER_AFTER,
    MAX_EXPANDED_RANGE,
    NR,
    NUMBER_ITEM,
    NUMBER_SEPARATOR,
    PARAGRAPH,
    PKT,
    RANGE_TAIL,
    SEPARATOR,
    STK,
    WORDS_AFTER_PARAGRAPH,
)


@dataclass
class Item:
    """One item of a reference's list: a paragraph (or expanded range), or a chapter, with
    its own stk./nr./pkt. ``start`` is where its sign stands if it repeats one ("og § 85")."""

    start: int
    end: int
    paragraphs: list[str] = field(default_factory=list)
    chapter: str | None = None
    stk: list[str] = field(default_factory=list)
    nr: list[str] = field(default_factory=list)
    pkt: list[str] = field(default_factory=list)
    signed: bool = False


@dataclass
class Reference:
    """A reference as parsed, before its law is resolved (normalised offsets)."""

    start: int
    end: int
    items: list[Item] = field(default_factory=list)
    name: Name | None = None
    postposed: bool = False  # the name stands after the numbers ("§ 28 i lov om …")

    @property
    def paragraphs(self) -> list[str]:
        return _flat(item.paragraphs for item in self.items)

    @property
    def chapter(self) -> list[str]:
        return _flat([item.chapter] for item in self.items if item.chapter)

    @property
    def stk(self) -> list[str]:
        return _flat(item.stk for item in self.items)

    @property
    def nr(self) -> list[str]:
        return _flat(item.nr for item in self.items)

    @property
    def pkt(self) -> list[str]:
        return _flat(item.pkt for item in self.items)


def read_paragraphs(
    s: str, pos: int, plural: bool, reference: Reference, dotted_ok: bool, names: Collection[int] = ()
) -> int | None:
    """Read the numbers after a § sign into ``reference``; return where a law may follow.
    ``names`` are where law names start (a name may follow a list's last number)."""
    previous: tuple[str, str | None] | None = None
    tail: int | None = None
    item_start, signed = reference.start, True
    while True:
        item = _paragraph_item(s, pos, previous, item_start, dotted_ok)
        if item is None:
            break
        if not signed and not plural and len(reference.items) == 1 and _counts(s, item.end, names):
            break
        item.signed = signed
        reference.items.append(item)
        pos = reference.end = item.end
        previous = _last_paragraph(item)
        one_paragraph = plural and len(reference.items) == 1
        while True:
            if (match := STK.match(s, pos)) is not None:
                pos = _numbers(s, match.end(), item.stk, one_paragraph)
            elif (match := NR.match(s, pos)) is not None:
                pos = _numbers(s, match.end(), item.nr, one_paragraph)
            elif (match := PKT.match(s, pos)) is not None:
                item.pkt += [value for value in match.groups() if value]
                pos = match.end()
            else:
                break
            reference.end = item.end = pos
        compound = COMPOUND.match(s, pos)
        if compound:
            tail = compound.end()
            break
        separator = SEPARATOR.match(s, pos)
        if separator is None:
            break
        signed = separator.group(1) is not None
        item_start = separator.start(1) if signed else separator.end()
        pos = separator.end()
    if not reference.items:
        return None
    return tail if tail is not None else reference.end


def _counts(s: str, end: int, names: Collection[int]) -> bool:
    """Whether the number ending at ``end``, the second of a list after a single §, counts
    something: a lower-case word follows that no paragraph is followed by ("§ 11 og 310
    ansøgninger"; see :data:`.patterns.WORDS_AFTER_PARAGRAPH`)."""
    following = FOLLOWING_WORD.match(s, end)
    if following is None or end + 1 in names:
        return False
    word = following.group(1)
    return not (
        not word.islower()
        or word in WORDS_AFTER_PARAGRAPH
        or word in TITLE_STOP_WORDS
        or f"{word}." in TITLE_STOP_WORDS
        or word.endswith("es")
    )


def _paragraph_item(
    s: str, pos: int, previous: tuple[str, str | None] | None, start: int, dotted_ok: bool
) -> Item | None:
    """Read one list item at ``pos`` ("31", "31 a", "4-6", "92-96c", "2.11", or the "b"
    of "§ 82 a og b"), or ``None`` (also for a section number or glued letters)."""
    dotted = DOTTED.match(s, pos)
    if dotted:
        if not dotted_ok:
            return None
        return Item(start, dotted.end(), [dotted.group(1)], nr=[dotted.group(2)])
    match = PARAGRAPH.match(s, pos)
    if match is None:
        if previous is not None and previous[1] is not None:
            letter = LETTER.match(s, pos)
            if letter:
                return Item(start, letter.end(), [previous[0] + letter.group().lower()])
        return None
    number, letter = match.group(1), match.group(2)
    letter = letter.lower() if letter else None
    end = match.end()
    if DOTTED_NUMBER.match(s, end) or GLUED_WORD.match(s, end):
        return None
    upper = RANGE_TAIL.match(s, end)
    if upper is not None:
        high, high_letter, only_letter = (value.lower() if value else value for value in upper.groups())
        if only_letter is not None and letter is not None:
            return Item(start, upper.end(), [f"{number}{letter}-{number}{only_letter}"])
        if high is not None:
            expanded = _expanded(number, letter, high, high_letter)
            if expanded:
                return Item(start, upper.end(), expanded)
            return Item(start, upper.end(), [f"{number}{letter or ''}-{high}{high_letter or ''}"])
    return Item(start, end, [number + (letter or "")])


def _expanded(number: str, letter: str | None, high: str, high_letter: str | None) -> list[str]:
    """The paragraphs of a range, or none if it stays one string: "4-6" → 4, 5, 6; "68 a-68 c"
    → 68a, 68b, 68c; "68-68 c" → 68, 68a, 68b, 68c; at most :data:`MAX_EXPANDED_RANGE` steps.
    Kept as one string: a range over numbers with letters ("92-96 c") and the elliptical
    letter range "27 c-k" ("27c-27k")."""
    if letter is None and high_letter is None and 0 < int(high) - int(number) <= MAX_EXPANDED_RANGE:
        return [str(n) for n in range(int(number), int(high) + 1)]
    if number != high or high_letter is None or (letter is not None and letter >= high_letter):
        return []
    first = ord(letter) if letter is not None else ord("a")
    letters = [chr(code) for code in range(first, ord(high_letter) + 1)]
    return ([] if letter is not None else [number]) + [number + char for char in letters]


def _last_paragraph(item: Item) -> tuple[str, str | None] | None:
    """(number, letter) of the item's paragraph, for an elliptical "§ 82 a og b"."""
    if len(item.paragraphs) != 1 or "-" in item.paragraphs[0]:
        return None
    last = item.paragraphs[0]
    number = last.rstrip("abcdefghijklmnopqrstuvwxyz")
    return number, last[len(number) :] or None


def _numbers(s: str, pos: int, into: list[str], first_only: bool) -> int:
    """Read a stk./nr. number list ("2, 5 og 6", "3-5") into ``into``; return its end.

    The list stops before a number with a letter ("stk. 3 og 9 a": § 9 a), and after its
    first item when ``first_only`` ("§§ 27, stk. 3 og 28": the list goes on with §§).
    """
    values: list[str] = []
    end = pos
    while True:
        item = NUMBER_ITEM.match(s, pos)
        if item is None or (values and LETTER_AFTER.match(s, item.end())):
            break
        low, high = item.groups()
        values.append(f"{low}-{high}" if high else low)
        end = item.end()
        separator = NUMBER_SEPARATOR.match(s, end)
        if separator is None or first_only:
            break
        pos = separator.end()
    into.extend(value for value in values if value not in into)
    return end


def read_chapters(s: str, pos: int, reference: Reference, dotted_ok: bool) -> int | None:
    """Read "kapitel 7", "kap. 10-12", "kapitel 4 og 5" and a following "og § 73 a"."""
    start = reference.start
    while True:
        item = PARAGRAPH.match(s, pos)
        if item is None:
            break
        number, letter = item.group(1), item.group(2)
        value = number + (letter or "")
        end = item.end()
        upper = RANGE_TAIL.match(s, end)
        if upper is not None and upper.group(1) is not None:
            value += f"-{upper.group(1)}{upper.group(2) or ''}"
            end = upper.end()
        if value not in reference.chapter:
            reference.items.append(Item(start, end, chapter=value, signed=not reference.items))
        reference.end = end
        separator = NUMBER_SEPARATOR.match(s, end)
        if separator is None:
            break
        pos = start = separator.end()
    if not reference.items:
        return None
    separator = SEPARATOR.match(s, reference.end)
    if separator is not None and separator.group(1):
        rest = Reference(separator.start(1), separator.start(1))
        tail = read_paragraphs(s, separator.end(), len(separator.group(1)) == 2, rest, dotted_ok)
        if tail is not None:
            rest.items[0].start = separator.start(1)
            reference.items += rest.items
            reference.end = rest.end
            return tail
    return reference.end


def _flat(lists: object) -> list[str]:
    result: list[str] = []
    for values in lists:  # type: ignore[attr-defined]
        result.extend(value for value in values if value not in result)
    return result
