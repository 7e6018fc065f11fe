"""Find legal references and law names in Danish text (running prose or raw PDF exports).

The parser works on the normalised text of a :class:`~.textmap.TextMap`. It finds every law
name (:mod:`.names`), then reads the grammar after each § sign or chapter word (see
:mod:`.patterns`): lists, ranges, letters, stk., nr., pkt., and a law named just before ("LAB
§ 31", "servicelovens § 83 og § 85", "BR, kap. 23") or just after ("§ 2, nr. 1, i lov om …",
"§§ 76, 77 og 82 i lov om …", "§ 83 og § 85 (serviceloven)"). A list with a law before *and*
after it is two references, split where the sign is repeated: in "LAB § 2 og § 55 i lov nr.
1482 af …" § 55 belongs to the act. A chapter without an adjacent law is the document's own
chapter and is dropped; a § without one is kept for :mod:`.resolve` to give a law from context.

Not references: a provision's own heading ("§ 6. Frikommunerne kan …" at the start of a line
or after a full stop, "Til § 1" over a bill's remarks), the §§ of a text that is no law
("vedtægternes § 4", "§ 3 i aftalen", "lovforslagets § 2"), section numbers ("§ 6.1", "§
2.2.2.2"; but "LAB § 2.11" is LAB's shorthand for § 2, nr. 11), a number with letters glued
to it ("§7Gain"), and a § in a sentence that is not Danish ("per counsel §5"). A law named
after the last reference of a "jf." chain is the law of the whole chain. Every offset here is an offset into the
normalised text; each list item keeps its own span (:class:`Item`), so a list links item by item.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalogue import LawCatalogue
from .name_patterns import INTERNAL_AFTER, INTERNAL_BEFORE, REMARKS_HEADING
from .names import INTERNAL, Name, find_names
from .patterns import (
    ABBREVIATION_BEFORE_STOP,
    ABBREVIATIONS,
    CHAPTER_WORD,
    COMPOUND,
    CONNECTOR_AFTER,
    DANISH_WORDS,
    DOTTED,
    DOTTED_NUMBER,
    ENGLISH,
    ENGLISH_WORDS,
    ENTRY,
    GAP_BEFORE,
    GAP_BEFORE_MAX,
    GLUED_WORD,
    HEADING_CONNECTORS,
    JF_CHAIN,
    LANGUAGE_WINDOW,
    LETTER,
    LETTER_AFTER,
    MAX_EXPANDED_RANGE,
    NR,
    NUMBER_ITEM,
    NUMBER_SEPARATOR,
    PARAGRAPH,
    PKT,
    PROVISION_HEADING_AFTER,
    RANGE_TAIL,
    SENTENCE_BEFORE,
    SEPARATOR,
    SIGN,
    STK,
    WORD,
)
from .textmap import TextMap


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


@dataclass
class Scan:
    """Everything the parser found in one text; ``headings`` are where provisions' own
    headings ("§ 6.") stand (normalised offsets): sections end there."""

    text: TextMap
    names: list[Name]
    references: list[Reference]
    headings: list[int] = field(default_factory=list)
    remarks: list[int] = field(default_factory=list)  # the headings "Til § 1" of a bill's remarks


def scan(text: str, catalogue: LawCatalogue) -> Scan:
    """Normalise ``text`` and find its law names and references (laws not yet resolved)."""
    mapped = TextMap(text)
    s = mapped.norm
    names = find_names(s, catalogue, mapped.paragraph_breaks)
    parser = _Parser(mapped, names)
    for entry in ENTRY.finditer(s):
        if entry.start() < parser.consumed:
            continue
        found = parser.reference(entry.start())
        if found:
            parser.references += found
            parser.consumed = found[-1].end
    _postposed_across_jf(s, parser.references)
    if parser.internal:
        names = sorted([*names, *parser.internal], key=lambda name: name.start)
    return Scan(mapped, names, parser.references, parser.headings, parser.remarks)


def _postposed_across_jf(s: str, references: list[Reference]) -> None:
    """A law named after the last reference of a "jf." chain is the law of the whole chain:
    "§ 32, stk. 5, jf. § 28, nr. 1, i lov om …" cites both §§ of that act."""
    for i in range(len(references) - 2, -1, -1):
        first, second = references[i], references[i + 1]
        if first.name is None and second.postposed and JF_CHAIN.fullmatch(s, first.end, second.start):
            first.name, first.postposed = second.name, True


class _Parser:
    def __init__(self, mapped: TextMap, names: list[Name]) -> None:
        self.mapped = mapped
        self.s = mapped.norm
        self.by_end = {name.end: name for name in names}
        self.by_start = {name.start: name for name in names}
        self.references: list[Reference] = []
        self.headings: list[int] = []
        self.remarks: list[int] = []
        self.internal: list[Name] = []  # texts with §§ of their own, found next to a §
        self.consumed = 0  # where the last reference (or a list that is none) ended

    def reference(self, at: int) -> list[Reference]:
        """The reference (or, split, references) whose § sign or chapter word is at ``at``."""
        s = self.s
        before = self._name_before(at)
        internal = self._internal_before(at) if before is None else None
        reference = Reference(at, at)
        sign = SIGN.match(s, at)
        if sign:
            heading = self._heading(at, sign.end(), before)
            if heading:
                if heading == _LINE_HEADING:
                    self.headings.append(at)
                return []
            plural = sign.group(1) == "§§" or (sign.group(2) or "").lower().startswith("paragraffer")
            tail = _paragraphs(s, sign.end(), plural, reference, before is not None or internal is not None)
            if tail is not None and _not_danish(s, at):
                return []
        else:
            word = CHAPTER_WORD.match(s, at)
            assert word is not None  # ENTRY matched a chapter word here
            tail = _chapters(s, word.end(), reference, before is not None)
        if tail is None:
            return []
        after, closing = self._name_after(tail)
        if self._internal(at, tail, before or (internal if after is None else None), after):
            return []
        if before is not None and after is not None:
            split = max((i for i, item in enumerate(reference.items) if i and item.signed), default=None)
            if split is not None:
                first = Reference(
                    before.start - _opening(s, before),
                    reference.items[split - 1].end,
                    reference.items[:split],
                    before,
                )
                second = Reference(
                    reference.items[split].start, after.end + closing, reference.items[split:], after, True
                )
                before.used = after.used = True
                return [first, second]
            after = None
        if before is not None:
            reference.name, reference.start = before, before.start - _opening(s, before)
            before.used = True
        elif after is not None:
            reference.name, reference.postposed = after, True
            reference.end = after.end + closing
            after.used = True
        elif not reference.paragraphs:
            return []  # a chapter with no law named next to it: the document's own
        return [reference]

    def _internal(self, at: int, tail: int, before: Name | None, after: Name | None) -> bool:
        """Whether the §§ from ``at`` to ``tail`` are those of a text that is no law (or a
        bill's remarks heading "Til § 1"); the list is then skipped."""
        if after is None and before is None:
            after = self._internal_after(tail)
        owner = before if before is not None else after
        if owner is not None:
            if owner.kind != INTERNAL:
                return False
            if owner.start not in self.by_start:
                self.internal.append(owner)
            self.consumed = max(tail, owner.end)
            return True
        text = self.mapped.original
        start, end = self.mapped.start(at), self.mapped.end(tail)
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        rest = text[end : len(text) if line_end < 0 else line_end]
        if REMARKS_HEADING.fullmatch(text, line_start, start) and not rest.strip():
            self.headings.append(at)
            self.remarks.append(at)
            self.consumed = tail
            return True
        return False

    def _internal_before(self, at: int) -> Name | None:
        """The text that is no law owning the § at ``at`` ("vedtægternes § 4"), if named right before."""
        window = self.s[max(0, at - 48) : at]
        found = INTERNAL_BEFORE.search(window.lower())
        if found is None:
            return None
        start = at - len(window) + found.start()
        return Name(start, start + len(found.group().rstrip()), kind=INTERNAL, used=True)

    def _internal_after(self, tail: int) -> Name | None:
        """The text that is no law named after a reference ending at ``tail`` ("§ 3 i aftalen")."""
        connector = CONNECTOR_AFTER.match(self.s, tail)
        if connector is None or connector.group().strip(" ,") not in ("i", "efter", "jf.", "jfr.", "ifølge"):
            return None
        at = connector.end()
        found = INTERNAL_AFTER.match(self.s[at : at + 48].lower())
        return Name(at, at + found.end(), kind=INTERNAL, used=True) if found is not None else None

    def _name_before(self, at: int) -> Name | None:
        for end in range(at, max(at - GAP_BEFORE_MAX, 0) - 1, -1):
            name = self.by_end.get(end)
            if name is not None and not name.used and not name.eu and GAP_BEFORE.fullmatch(self.s, end, at):
                if self.s.startswith(")", end) and not self.s.startswith("(", name.start - 1):
                    continue
                return name
        return None

    def _name_after(self, tail: int) -> tuple[Name | None, int]:
        """The law named after a reference ending at ``tail``, and 1 if it is in parentheses."""
        connector = CONNECTOR_AFTER.match(self.s, tail)
        name = self.by_start.get(connector.end()) if connector else None
        if connector is None or name is None or name.used or name.eu:
            return None, 0  # an EU act has articles, not §§
        closing = connector.group().endswith("(")
        if closing and not self.s.startswith(")", name.end):
            return None, 0
        return name, int(closing)

    def _heading(self, at: int, number_at: int, before: Name | None) -> int:
        """Whether the § at ``at`` starts a provision's own heading ("§ 6. Frikommunerne …"):
        :data:`_LINE_HEADING` at the start of a line (the text's own structure), 1 after a
        full stop or in quotes (»§ 6. …«, an amendment's new text), else 0."""
        number = PARAGRAPH.match(self.s, number_at)
        if number is None:
            return 0
        text = self.mapped.original
        start, end = self.mapped.start(at), self.mapped.end(number.end())
        after = PROVISION_HEADING_AFTER.match(text, end)
        if not after:
            return 0
        line_start = text.rfind("\n", 0, start) + 1
        if before is not None:
            # "Lov om …\n\n§ 1. Loven gælder …" or "…\n\n§ 1\n": an act's title above its first
            # provision; a name on the line before without a blank line, or "§ 11." alone on
            # its line, is a reference that wrapped
            gap = text[self.mapped.end(before.end) : line_start]
            if after.group() == "." or text[line_start:start].strip() or gap.count("\n") < 2:
                return 0
            return _LINE_HEADING
        previous = self.s[:at].rstrip()
        last_word = previous[previous.rfind(" ") + 1 :].lower()
        if last_word in HEADING_CONNECTORS or last_word.endswith(","):
            return 0
        if not text[line_start:start].strip():
            return _LINE_HEADING
        if after.group() != ". " or not SENTENCE_BEFORE.search(previous):
            return 0  # mid-line, only "… lovens indhold. § 6. Kommunen …" is a heading
        return int(not (previous.endswith(".") and _is_abbreviation(previous, len(previous) - 1)))


_LINE_HEADING = 2


def _opening(s: str, name: Name) -> int:
    """1 if the name before a § stands in parentheses ("(hjemmehjælpsbekendtgørelsen) § 2"):
    the reference starts at the parenthesis."""
    return int(s.startswith(")", name.end))


def _is_abbreviation(s: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` ends an abbreviation such as "jf." or "stk."."""
    word = ABBREVIATION_BEFORE_STOP.search(s, max(0, stop - 12), stop)
    return word is not None and word.group(1).lower() in ABBREVIATIONS


def _not_danish(s: str, at: int) -> bool:
    """Whether the words around ``at`` are more English than Danish ("per counsel §5")."""
    window = s[max(0, at - LANGUAGE_WINDOW) : at + LANGUAGE_WINDOW].lower()
    if not ENGLISH.search(window):
        return False
    english = danish = 0
    for word in WORD.findall(window):
        if word in ENGLISH_WORDS:
            english += 1
        elif word in DANISH_WORDS or not word.isascii():
            danish += 1
    return english > danish


def _paragraphs(s: str, pos: int, plural: bool, reference: Reference, dotted_ok: bool) -> int | None:
    """Read the numbers after a § sign into ``reference``; return where a law may follow."""
    previous: tuple[str, str | None] | None = None
    tail: int | None = None
    item_start, signed = reference.start, True
    while True:
        item = _paragraph_item(s, pos, previous, item_start, dotted_ok)
        if item is None:
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


def _chapters(s: str, pos: int, reference: Reference, dotted_ok: bool) -> int | None:
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
        tail = _paragraphs(s, separator.end(), len(separator.group(1)) == 2, rest, dotted_ok)
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
