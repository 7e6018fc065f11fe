"""Give every reference its law: the name next to it, or else the context.

A law named next to the reference (found by :mod:`.parser`) is looked up in the catalogue;
a name two laws share is decided by the laws' ``context_words`` near it (or by
``context_law``), else left unresolved. A bare reference ("(§ 129)", "§ 107-botilbud") takes,
in this order:

A. the nearest law named earlier in the same sentence (or table cell);
B. the law with which the same paragraph number is cited elsewhere in the text, if only
   one law is (a short form, like eyecite's "id." and "supra");
C. the nearest law named (or inferred) before it in the same section, within
   :data:`~.patterns.SAME_SECTION_WINDOW` characters;
D. ``context_law``, the law the caller knows the text is about;
E. the first law named after it in the same section, within the same window (a table
   row that names its law in a later cell).

Otherwise the law stays ``None``. A section ends at a heading line (see
:data:`~.patterns.HEADING`); sentences end at a full stop before a capital letter (not
after "jf.", "nr.", "stk." …) or at a tab.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import cached_property

from .catalogue import LawCatalogue, fold
from .model import Citation, LawMention
from .parser import Name, Reference, Scan
from .patterns import (
    ABBREVIATION_BEFORE_STOP,
    ABBREVIATIONS,
    CONTEXT_WORD_WINDOW,
    HEADING,
    SAME_SECTION_WINDOW,
    SENTENCE_END,
)


def resolve(scan: Scan, catalogue: LawCatalogue, context_law: str | None = None) -> list[Citation]:
    """The references of ``scan`` as :class:`Citation` objects (offsets into the original)."""
    s = scan.text.norm
    resolve_names(scan, catalogue, context_law)
    context = _Context(scan, [name for name in scan.names if name.law is not None])
    known: dict[str, set[str]] = {}
    for reference in scan.references:
        if reference.name is not None and reference.name.law is not None:
            for paragraph in reference.paragraphs:
                known.setdefault(paragraph, set()).add(reference.name.law)
    citations: list[Citation] = []
    for reference in scan.references:
        if reference.name is not None:
            law = reference.name.law
        else:
            law = (
                context.in_sentence(s, reference)
                or _same_paragraph(reference.paragraphs, known)
                or context.before(reference)
                or context_law
                or context.after(reference)
            )
            if law is not None:
                context.inferred(reference, law)
                for paragraph in reference.paragraphs:
                    known.setdefault(paragraph, set()).add(law)
        citations.append(_citation(scan, reference, law))
    return citations


def resolve_names(scan: Scan, catalogue: LawCatalogue, context_law: str | None = None) -> None:
    """Set ``law`` on every name: its only id, or the one its context words point to."""
    s = scan.text.norm
    for name in scan.names:
        if len(name.ids) == 1:
            name.law = name.ids[0]
            continue
        window = fold(s[max(0, name.start - CONTEXT_WORD_WINDOW) : name.end + CONTEXT_WORD_WINDOW])
        hits = [law for law in name.ids if any(fold(word) in window for word in catalogue[law].context_words)]
        if len(hits) == 1:
            name.law = hits[0]
        elif context_law in name.ids:
            name.law = context_law


def mentions(scan: Scan) -> list[LawMention]:
    """The names not part of a reference, as :class:`LawMention` objects (after :func:`resolve_names`)."""
    result: list[LawMention] = []
    for name in scan.names:
        if not name.used:
            start, end = scan.text.start(name.start), scan.text.end(name.end)
            result.append(LawMention(scan.text.original[start:end], start, end, name.law))
    return result


def _citation(scan: Scan, reference: Reference, law: str | None) -> Citation:
    text = scan.text
    start, end = text.start(reference.start), text.end(reference.end)
    name = reference.name
    law_raw = None
    if name is not None:
        law_raw = text.original[text.start(name.start) : text.end(name.end)]
    return Citation(
        raw=text.original[start:end],
        start=start,
        end=end,
        law=law,
        paragraphs=reference.paragraphs,
        stk=reference.stk,
        nr=reference.nr,
        chapter=reference.chapter,
        explicit=name is not None,
        law_raw=law_raw,
        pkt=reference.pkt,
        candidates=name.ids if name is not None and law is None else (),
    )


def _same_paragraph(paragraphs: Iterable[str], known: dict[str, set[str]]) -> str | None:
    """Rule B: the one law every listed paragraph number is cited with elsewhere."""
    laws: set[str] = set()
    for paragraph in paragraphs:
        laws |= known.get(paragraph, set())
    return next(iter(laws)) if len(laws) == 1 else None


class _Context:
    """Where laws are named in the text, and its headings, for rules A, C and E."""

    def __init__(self, scan: Scan, named: list[Name]) -> None:
        self.ends = [name.end for name in named]
        self.end_laws = [name.law for name in named]
        self.starts = [name.start for name in named]  # names do not overlap: same order
        self.start_laws = self.end_laws
        self.inferred_ends: list[int] = []
        self.inferred_laws: list[str] = []
        self.text = scan.text

    @cached_property
    def headings(self) -> list[int]:
        """Where section headings start (normalised offsets); found only if a § is bare."""
        return [self.text.to_norm(match.start()) for match in HEADING.finditer(self.text.original)]

    def inferred(self, reference: Reference, law: str) -> None:
        self.inferred_ends.append(reference.end)
        self.inferred_laws.append(law)

    def _nearest_before(self, position: int, floor: int) -> str | None:
        best_end, best_law = -1, None
        i = bisect_right(self.ends, position) - 1
        if i >= 0 and self.ends[i] >= floor:
            best_end, best_law = self.ends[i], self.end_laws[i]
        j = bisect_right(self.inferred_ends, position) - 1
        if j >= 0 and self.inferred_ends[j] >= floor and self.inferred_ends[j] > best_end:
            best_law = self.inferred_laws[j]
        return best_law

    def section(self, reference: Reference) -> tuple[int, int]:
        i = bisect_right(self.headings, reference.start)
        start = self.headings[i - 1] if i else 0
        end = self.headings[i] if i < len(self.headings) else len(self.text.norm)
        return start, end

    def in_sentence(self, s: str, reference: Reference) -> str | None:
        """Rule A: the nearest law named earlier in the reference's sentence."""
        floor = max(self.section(reference)[0], reference.start - SAME_SECTION_WINDOW)
        for match in reversed(list(SENTENCE_END.finditer(s, floor, reference.start))):
            if match.group() == "\t" or not _is_abbreviation(s, match.start()):
                floor = match.end()
                break
        return self._nearest_before(reference.start, floor)

    def before(self, reference: Reference) -> str | None:
        """Rule C: the nearest law named or inferred earlier in the same section."""
        floor = max(self.section(reference)[0], reference.start - SAME_SECTION_WINDOW)
        return self._nearest_before(reference.start, floor)

    def after(self, reference: Reference) -> str | None:
        """Rule E: the first law named later in the same section."""
        ceiling = min(self.section(reference)[1], reference.end + SAME_SECTION_WINDOW)
        i = bisect_left(self.starts, reference.end)
        if i < len(self.starts) and self.starts[i] < ceiling:
            return self.start_laws[i]
        return None


def _is_abbreviation(s: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` ends an abbreviation such as "jf." or "stk."."""
    word = ABBREVIATION_BEFORE_STOP.search(s, max(0, stop - 12), stop)
    return word is not None and word.group(1).lower() in ABBREVIATIONS
