"""Find legal references and law names in Danish text (running prose or raw PDF exports).

The parser works on the normalised text of a :class:`~.textmap.TextMap`. It finds every law
name the catalogue knows (one trie-shaped pattern), then reads the grammar after each § sign
or chapter word (see :mod:`.patterns`): lists, ranges, letters, stk., nr., pkt., and a law
named just before ("LAB § 31", "servicelovens § 83 og § 85", "BR, kap. 23") or just after
("§ 2, nr. 1, i lov om …", "§ 83 og § 85 (serviceloven)"). A chapter without an adjacent law
is the document's own chapter and is dropped; a § without one is kept for :mod:`.resolve`
to give a law from context. Every offset here is an offset into the normalised text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalogue import LawCatalogue
from .patterns import (
    CHAPTER_WORD,
    COMPOUND,
    CONNECTOR_AFTER,
    DOTTED,
    ENTRY,
    GAP_BEFORE,
    GAP_BEFORE_MAX,
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
    SIGN,
    STK,
)
from .textmap import TextMap


@dataclass
class Name:
    """A law name in the normalised text and the catalogue ids it may denote."""

    start: int
    end: int
    ids: tuple[str, ...]
    used: bool = False
    law: str | None = None


@dataclass
class Reference:
    """A reference as parsed, before its law is resolved (normalised offsets)."""

    start: int
    end: int
    paragraphs: list[str] = field(default_factory=list)
    stk: list[str] = field(default_factory=list)
    nr: list[str] = field(default_factory=list)
    chapter: list[str] = field(default_factory=list)
    pkt: list[str] = field(default_factory=list)
    name: Name | None = None


@dataclass
class Scan:
    """Everything the parser found in one text."""

    text: TextMap
    names: list[Name]
    references: list[Reference]


def scan(text: str, catalogue: LawCatalogue) -> Scan:
    """Normalise ``text`` and find its law names and references (laws not yet resolved)."""
    mapped = TextMap(text)
    s = mapped.norm
    names = find_names(s, catalogue)
    by_end = {name.end: name for name in names}
    by_start = {name.start: name for name in names}
    references: list[Reference] = []
    consumed = 0
    for entry in ENTRY.finditer(s):
        if entry.start() < consumed:
            continue
        reference = _reference(s, entry.start(), by_end, by_start)
        if reference is not None:
            references.append(reference)
            consumed = reference.end
    return Scan(mapped, names, references)


def find_names(s: str, catalogue: LawCatalogue) -> list[Name]:
    """Every catalogue law name in ``s``, in order; of two overlapping names the first
    (at the same start: the longer) wins."""
    abbreviations, names = catalogue.patterns
    lower = s.lower()
    if len(lower) == len(s):
        spans = [match.span() for match in names.finditer(lower)]
    else:
        spans = [match.span() for match in catalogue.name_pattern_any_case.finditer(s)]
    spans += [match.span() for match in abbreviations.finditer(s)]
    spans.sort(key=lambda span: (span[0], -span[1]))
    found: list[Name] = []
    for start, end in spans:
        if found and start < found[-1].end:
            continue
        ids = catalogue.lookup(s[start:end])
        if ids:
            found.append(Name(start, end, ids))
    return found


def _reference(s: str, at: int, by_end: dict[int, Name], by_start: dict[int, Name]) -> Reference | None:
    """The reference whose § sign or chapter word is at ``at``, or ``None``."""
    reference = Reference(at, at)
    sign = SIGN.match(s, at)
    if sign:
        tail = _paragraphs(s, sign.end(), len(sign.group(1)) == 2, reference)
    else:
        word = CHAPTER_WORD.match(s, at)
        assert word is not None  # ENTRY matched a chapter word here
        tail = _chapters(s, word.end(), reference)
    if tail is None:
        return None
    for end in range(at, max(at - GAP_BEFORE_MAX, 0) - 1, -1):
        name = by_end.get(end)
        if name is not None and not name.used and GAP_BEFORE.fullmatch(s, end, at):
            reference.name = name
            reference.start = name.start
            break
    else:
        connector = CONNECTOR_AFTER.match(s, tail)
        name = by_start.get(connector.end()) if connector else None
        if connector and name is not None and not name.used:
            closing = connector.group().endswith("(")
            if not closing or s.startswith(")", name.end):
                reference.name = name
                reference.end = name.end + closing
    if reference.name is not None:
        reference.name.used = True
    elif not reference.paragraphs:
        return None  # a chapter with no law named next to it: the document's own
    return reference


def _paragraphs(s: str, pos: int, plural: bool, reference: Reference) -> int | None:
    """Read the numbers after a § sign into ``reference``; return where a law may follow."""
    previous: tuple[str, str | None] | None = None
    tail: int | None = None
    while True:
        item = _paragraph_item(s, pos, previous, reference)
        if item is None:
            break
        pos = reference.end = item
        previous = _last_paragraph(reference)
        one_paragraph = plural and len(reference.paragraphs) == 1
        while True:
            if (match := STK.match(s, pos)) is not None:
                pos = _numbers(s, match.end(), reference.stk, one_paragraph)
            elif (match := NR.match(s, pos)) is not None:
                pos = _numbers(s, match.end(), reference.nr, one_paragraph)
            elif (match := PKT.match(s, pos)) is not None:
                reference.pkt.append(match.group(1))
                pos = match.end()
            else:
                break
            reference.end = pos
        compound = COMPOUND.match(s, pos)
        if compound:
            tail = compound.end()
            break
        separator = SEPARATOR.match(s, pos)
        if separator is None:
            break
        pos = separator.end()
    if not reference.paragraphs:
        return None
    return tail if tail is not None else reference.end


def _paragraph_item(
    s: str, pos: int, previous: tuple[str, str | None] | None, reference: Reference
) -> int | None:
    """Read one list item at ``pos`` ("31", "31 a", "4-6", "92-96c", "2.11", or the "b"
    of "§ 82 a og b"); add it to ``reference`` and return its end, or ``None``."""
    dotted = DOTTED.match(s, pos)
    if dotted:
        _add(reference.paragraphs, [dotted.group(1)])
        _add(reference.nr, [dotted.group(2)])
        return dotted.end()
    match = PARAGRAPH.match(s, pos)
    if match is None:
        if previous is not None and previous[1] is not None:
            letter = LETTER.match(s, pos)
            if letter:
                _add(reference.paragraphs, [previous[0] + letter.group()])
                return letter.end()
        return None
    number, letter = match.group(1), match.group(2)
    end = match.end()
    upper = RANGE_TAIL.match(s, end)
    if upper is not None:
        high, high_letter, only_letter = upper.groups()
        if only_letter is not None and letter is not None:
            _add(reference.paragraphs, [f"{number}{letter}-{number}{only_letter}"])
            return upper.end()
        if high is not None:
            if letter is None and high_letter is None and 0 < int(high) - int(number) <= MAX_EXPANDED_RANGE:
                _add(reference.paragraphs, [str(n) for n in range(int(number), int(high) + 1)])
            else:
                _add(reference.paragraphs, [f"{number}{letter or ''}-{high}{high_letter or ''}"])
            return upper.end()
    _add(reference.paragraphs, [number + (letter or "")])
    return end


def _last_paragraph(reference: Reference) -> tuple[str, str | None] | None:
    """(number, letter) of the last paragraph read, for an elliptical "§ 82 a og b"."""
    if not reference.paragraphs:
        return None
    last = reference.paragraphs[-1]
    if "-" in last:
        return None
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
    _add(into, values)
    return end


def _chapters(s: str, pos: int, reference: Reference) -> int | None:
    """Read "kapitel 7", "kap. 10-12", "kapitel 4 og 5" and a following "og § 73 a"."""
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
        _add(reference.chapter, [value])
        reference.end = end
        separator = NUMBER_SEPARATOR.match(s, end)
        if separator is None:
            break
        pos = separator.end()
    if not reference.chapter:
        return None
    separator = SEPARATOR.match(s, reference.end)
    if separator is not None and separator.group(1):
        tail = _paragraphs(s, separator.end(), len(separator.group(1)) == 2, reference)
        if tail is not None:
            return tail
    return reference.end


def _add(into: list[str], values: list[str]) -> None:
    into.extend(value for value in values if value not in into)
