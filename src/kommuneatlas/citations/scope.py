"""Where a bare reference finds its law in the text around it (rules 0, A, C and E of :mod:`.resolve`).

An amending act's list of amendments gives the law it amends (:func:`amendment_regions`);
otherwise :class:`Scope` knows where laws are named (and inferred) in the text and where its
sections start, and finds the nearest law in the reference's sentence, in its section before
it, or, in a table, after it. A section ends at a heading line (see :data:`~.patterns.HEADING`)
and at a provision's own heading; a sentence where :func:`kommuneatlas.text.sentences.sentence_breaks`
ends one in legal text (a full stop before what begins a sentence, not after an abbreviation
such as "jf." but after a provision's letter: "§ 6 a. Kommunen"), and at a tab (``cells``). All
offsets are into the normalised text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property

from ..text.sentences import sentence_breaks
from .catalogue import LawCatalogue
from .name_patterns import AMENDMENT_LEAD, AMENDMENT_OBJECT, AMENDMENT_WINDOW
from .names import INTERNAL, KNOWN, OWN, SAME, THE, Name
from .numbers import Reference
from .own_law import act_kind
from .parser import Scan
from .patterns import HEADING, SAME_SECTION_WINDOW, TABLE_HEADING

BLOCKED = ""
"""Rule A or C found a name that gives no law: the reference stays unresolved."""

POINTING = (OWN, THE, SAME)
"""Names that point to a law named elsewhere or to the document's own."""


def amendment_regions(scan: Scan) -> list[tuple[int, int, str | None]]:
    """(start, end, law) of each amending act's list of amendments: from "foretages følgende
    ændringer" to the act's next provision heading or next lead-in."""
    s = scan.text.norm
    if "foretages" not in s:
        return []
    leads = list(AMENDMENT_LEAD.finditer(s))
    regions: list[tuple[int, int, str | None]] = []
    starts = [name.start for name in scan.names]
    for i, lead in enumerate(leads):
        law: str | None = None
        first = bisect_left(starts, lead.start() - AMENDMENT_WINDOW)
        for name in scan.names[first : bisect_left(starts, lead.start())]:
            if AMENDMENT_OBJECT.search(s, max(0, name.start - 8), name.start):
                law = name.law
        end = leads[i + 1].start() if i + 1 < len(leads) else len(s)
        heading = bisect_right(scan.headings, lead.end())
        if heading < len(scan.headings):
            end = min(end, scan.headings[heading])
        regions.append((lead.end(), end, law))
    return regions


def region_law(regions: list[tuple[int, int, str | None]], position: int) -> str | None:
    for start, end, law in regions:
        if start <= position < end:
            return law
    return None


class Scope:
    """Where laws are named in the text, and its headings, for rules A, C and E."""

    def __init__(self, scan: Scan, catalogue: LawCatalogue) -> None:
        named = [
            name for name in scan.names if name.kind not in POINTING and (name.law or name.kind != KNOWN)
        ]
        self.named = named
        self.catalogue = catalogue
        self.kinds: dict[str, str] = {}
        self.ends = [name.end for name in named]
        self.end_laws = [_bare_law(name) for name in named]
        self.starts = [name.start for name in named]  # names do not overlap: same order
        self.start_laws = self.end_laws
        self.inferred_ends: list[int] = []
        self.inferred_laws: list[str] = []
        self.text = scan.text
        self.provision_headings = scan.headings

    @cached_property
    def _sections(self) -> tuple[list[int], set[int]]:
        """Where sections start (normalised offsets), and which of them are tables; found
        only if a § is bare."""
        original = self.text.original
        found = {self.text.to_norm(match.start()): match for match in HEADING.finditer(original)}
        tables = {at for at, match in found.items() if TABLE_HEADING.match(original, match.start())}
        return sorted({*found, *self.provision_headings}), tables

    @property
    def headings(self) -> list[int]:
        return self._sections[0]

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
        for _, following in sentence_breaks(s, floor, reference.start, cells=True, initials=False):
            floor = following
        return self._nearest_before(reference.start, floor)

    def before(self, reference: Reference) -> str | None:
        """Rule C: the nearest law named or inferred earlier in the same section."""
        floor = max(self.section(reference)[0], reference.start - SAME_SECTION_WINDOW)
        return self._nearest_before(reference.start, floor)

    def nearest(self, reference: Reference, kind: str) -> str | None:
        """The nearest law of ``kind`` (an act of parliament, or a bekendtgørelse) named or
        inferred before ``reference`` in its section, passing over laws of other kinds and
        texts that are no law; a name that gives no law ends the search."""
        floor = max(self.section(reference)[0], reference.start - SAME_SECTION_WINDOW)
        i = bisect_right(self.ends, reference.start) - 1
        j = bisect_right(self.inferred_ends, reference.start) - 1
        while True:
            named = i >= 0 and self.ends[i] >= floor
            inferred = j >= 0 and self.inferred_ends[j] >= floor
            if named and (not inferred or self.ends[i] >= self.inferred_ends[j]):
                name = self.named[i]
                i -= 1
                if name.kind == INTERNAL or name.eu:
                    continue
                law = name.law
                if law is None:
                    return None
            elif inferred:
                law = self.inferred_laws[j]
                j -= 1
            else:
                return None
            if self._kind(law) == kind:
                return law

    def _kind(self, law: str) -> str:
        if law not in self.kinds:
            self.kinds[law] = act_kind(law, self.catalogue)
        return self.kinds[law]

    def after(self, reference: Reference) -> str | None:
        """Rule E: the first law named later in the same section, if that is a table (or a
        tab, a cell boundary, stands between)."""
        start, end = self.section(reference)
        ceiling = min(end, reference.end + SAME_SECTION_WINDOW)
        i = bisect_left(self.starts, reference.end)
        if i < len(self.starts) and self.starts[i] < ceiling:
            in_table = start in self._sections[1] or "\t" in self.text.norm[reference.end : self.starts[i]]
            return (self.start_laws[i] or None) if in_table else None
        return None


def _bare_law(name: Name) -> str:
    """The law a bare § may take from ``name``: none (:data:`BLOCKED`) from an EU act,
    which has articles, not §§, or from a name that gives no law."""
    if name.eu or name.law is None:
        return BLOCKED
    return name.law
