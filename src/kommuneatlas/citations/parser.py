"""Find legal references and law names in Danish text (running prose or raw PDF exports).

The parser works on the normalised text of a :class:`~.textmap.TextMap`. It finds every law
name (:mod:`.names`), then reads the grammar after each § sign or chapter word (see
:mod:`.patterns`): its numbers (:mod:`.numbers`: lists, ranges, letters, stk., nr., pkt.), and
a law named just before ("LAB § 31", "servicelovens § 83 og § 85", "BR, kap. 23") or just after
("§ 2, nr. 1, i lov om …", "§§ 76, 77 og 82 i lov om …", "§ 83 og § 85 (serviceloven)"). A
list with a law before *and* after it is two references, split where the sign is repeated: in
"LAB § 2 og § 55 i lov nr. 1482 af …" § 55 belongs to the act. A chapter without an adjacent
law is the document's own chapter and is dropped; a § without one is kept for :mod:`.resolve`
to give a law from context.

Not references: a provision's own heading ("§ 6. Frikommunerne kan …" at the start of a line
or after a full stop, "Til § 1" over a bill's remarks), the §§ of a text that is no law
("vedtægternes § 4", "§ 3 i aftalen", "§ 9 i kommunens regulativ", "lovforslagets § 2"; in a list
with such a text at one end and a law at the other, "lovforslagets § 1 og § 59 i lov om …", only
the law's part), section numbers ("§ 6.1", "§ 2.2.2.2"; but "LAB § 2.11" is LAB's shorthand
for § 2, nr. 11), a number with letters glued to it ("§7Gain"), and a § in a sentence that is
not Danish ("per counsel §5"). A law named after the last reference of a "jf." chain is the law
of the whole chain. Every offset here is an offset into the normalised text; each list item keeps
its own span (:class:`~.numbers.Item`), so a list links item by item.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text.sentences import is_abbreviation
from .catalogue import LawCatalogue
from .name_patterns import (
    INTERNAL_AFTER,
    INTERNAL_AFTER_WINDOW,
    INTERNAL_BEFORE,
    OWNED_INTERNAL_AFTER,
    REMARKS_HEADING,
)
from .names import INTERNAL, Name, find_names
from .numbers import Reference, read_chapters, read_paragraphs
from .patterns import (
    CHAPTER_WORD,
    CONNECTOR_AFTER,
    DANISH_WORDS,
    ENGLISH,
    ENGLISH_WORDS,
    ENTRY,
    GAP_BEFORE,
    GAP_BEFORE_MAX,
    HEADING_CONNECTORS,
    JF_CHAIN,
    LANGUAGE_WINDOW,
    PARAGRAPH,
    PROVISION_HEADING_AFTER,
    SENTENCE_BEFORE,
    SIGN,
    WORD,
)
from .textmap import TextMap


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
            tail = read_paragraphs(
                s, sign.end(), plural, reference, before is not None or internal is not None, self.by_start
            )
            if tail is not None and _not_danish(s, at):
                return []
        else:
            word = CHAPTER_WORD.match(s, at)
            assert word is not None  # ENTRY matched a chapter word here
            tail = read_chapters(s, word.end(), reference, before is not None)
        if tail is None:
            return []
        after, closing = self._name_after(tail)
        split = max((i for i, item in enumerate(reference.items) if i and item.signed), default=None)
        if split is not None:
            owned = self._owned_part(reference, split, before or internal, after, closing, tail)
            if owned is not None:
                return [owned]
        if self._internal(at, tail, before or (internal if after is None else None), after):
            return []
        if before is not None and after is not None:
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

    def _owned_part(
        self,
        reference: Reference,
        split: int,
        before: Name | None,
        after: Name | None,
        closing: int,
        tail: int,
    ) -> Reference | None:
        """In a list whose sign is repeated at item ``split``, with a text that is no law at one
        end and a law at the other, the law's part: "lovforslagets § 1, nr. 2, og § 59 i lov om
        …" cites § 59 only, "LAB § 31 og § 7 i kommunens vedtægt" § 31 only (the rest of the list
        is read again, and skipped as the text's own). ``None`` for any other list."""
        if before is None:
            return None
        s = self.s
        if before.kind == INTERNAL and after is not None and after.kind != INTERNAL:
            if before.start not in self.by_start:
                self.internal.append(before)
            before.used = after.used = True
            return Reference(
                reference.items[split].start, after.end + closing, reference.items[split:], after, True
            )
        if before.kind != INTERNAL and after is None and self._internal_after(tail) is not None:
            before.used = True
            return Reference(
                before.start - _opening(s, before),
                reference.items[split - 1].end,
                reference.items[:split],
                before,
            )
        return None

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
        """The text that is no law named after a reference ending at ``tail`` ("§ 3 i aftalen",
        "§ 9 i kommunens regulativ")."""
        connector = CONNECTOR_AFTER.match(self.s, tail)
        if connector is None or connector.group().strip(" ,") not in ("i", "efter", "jf.", "jfr.", "ifølge"):
            return None
        at = connector.end()
        window = self.s[at : at + INTERNAL_AFTER_WINDOW]
        found = INTERNAL_AFTER.match(window.lower()) or OWNED_INTERNAL_AFTER.match(window)
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
        return int(
            not (previous.endswith(".") and is_abbreviation(previous, len(previous) - 1, initials=False))
        )


_LINE_HEADING = 2


def _opening(s: str, name: Name) -> int:
    """1 if the name before a § stands in parentheses ("(hjemmehjælpsbekendtgørelsen) § 2"):
    the reference starts at the parenthesis."""
    return int(s.startswith(")", name.end))


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
