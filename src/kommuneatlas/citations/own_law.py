"""What a document is, and so which law its "denne lov", "lovens" and bare §§ mean.

* **An act** (its title alone at the very start: "Lov om …", "Bekendtgørelse af lov om …"):
  "denne lov", "lovens §" and a bare § are that act.
* **An amending act or bill** ("Forslag til lov om ændring af lov om vandløb", "Lov om
  ændring af lov om X og lov om Y"): its own provisions — from its first provision heading
  ("§ 1") up to its remarks — speak of the amending act itself ("Loven træder i kraft …, jf.
  dog § 3"); its remarks ("Bemærkninger til lovforslaget", "Almindelige bemærkninger", "Til §
  1") and any text before its first provision speak of the law it amends: there "lovens §"
  and a bare § are the amended law when it amends one law, and are read as in any other text
  when it amends several. Its title does not give an id of its own to them.
* **A bekendtgørelse** ("Bekendtgørelse om …"): "denne bekendtgørelse", "bekendtgørelsens §"
  and a bare § are the bekendtgørelse; "lovens §" is the law its preamble issues it under
  ("I medfør af § 139 i lov om social service …"), when the preamble names one law.
* **Any other text** (a letter, minutes, a report) has no law of its own: "lovens",
  "loven", "samme lov" are the law named (or resolved) last before them in the same section
  (:mod:`.resolve`), and "denne lov" stays unresolved.

"samme lov" is always the law named last, in an act too ("§ 3 i lov om X og § 5 i samme lov").
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from .catalogue import LawCatalogue
from .lawnames import name_key
from .name_patterns import (
    AMENDED_AFTER_TITLE,
    AMENDED_IN_TITLE,
    ENABLING_END,
    ENABLING_LEAD,
    ENABLING_WINDOW,
    REMARKS,
)
from .names import ACT_NAME, KNOWN, UNKNOWN, Name, find_names
from .parser import Scan

LOV = "lov"
BEK = "bek"
EU = "eu"


def act_kind(law: str, catalogue: LawCatalogue) -> str:
    """Whether ``law`` is an act of parliament ("lov"), a bekendtgørelse ("bek") or an EU act
    ("eu"): by the catalogue's title, else by the id derived from the law's name or number."""
    if law in catalogue:
        entry = catalogue[law]
        if entry.is_eu:
            return EU
        return BEK if name_key(entry.title).startswith(("bekendtgørelse", "cirkulære")) else LOV
    if law.startswith(("bek-", "cir-", "bekendtgoerelse")) or law.endswith("bekendtgoerelsen"):
        return BEK
    if law.startswith(("forordning", "direktiv")) or law.endswith(("forordningen", "direktivet")):
        return EU
    return LOV


@dataclass(frozen=True)
class OwnLaw:
    """The document's own law and what its words point to (see the module docstring)."""

    law: str | None = None  # the act the document is ("denne lov")
    kind: str | None = None  # LOV or BEK
    amending: bool = False
    amended: tuple[str | None, ...] = ()  # the laws an amending act amends (None: one we cannot tell)
    provisions: tuple[int, int] | None = None  # an amending act's own provisions (normalised offsets)
    enabling: str | None = None  # the law a bekendtgørelse is issued under

    def _in_remarks(self, position: int) -> bool:
        return self.provisions is None or not self.provisions[0] <= position < self.provisions[1]

    def bare(self, position: int) -> str | None:
        """The law of a bare § at ``position`` that its sentence does not give (rule A')."""
        if self.amending and self._in_remarks(position):
            return self.amended[0] if len(self.amended) == 1 else None
        return self.law

    def word(self, word: str, position: int) -> str | None:
        """The law "lovens"/"loven" (``word`` LOV) or "bekendtgørelsens" (BEK) at
        ``position`` mean by what the document is; ``None``: read it as in any text."""
        if self.law is None:
            return None
        if self.amending and self._in_remarks(position):
            return (self.amended[0] if len(self.amended) == 1 else None) if word == LOV else None
        if word == self.kind:
            return self.law
        return self.enabling if word == LOV else None


def own_law(scan: Scan, first: Name | None, law: str | None, catalogue: LawCatalogue) -> OwnLaw:
    """What the document of ``scan`` is, given the name its text starts with (``first``, or
    ``None`` if it starts otherwise) and that name's law."""
    if first is None or law is None:
        return OwnLaw()
    s = scan.text.norm
    kind = act_kind(law, catalogue)
    amended = _amended(s, first, scan.names, catalogue)
    if first.amending or amended:
        return OwnLaw(law, kind, True, amended, _provisions(scan, first.end))
    if kind == BEK:
        return OwnLaw(law, BEK, enabling=_enabling(s, first.end, scan, catalogue))
    return OwnLaw(law, kind)


def _name_law(name: Name) -> str | None:
    """The law ``name`` gives, also before :func:`.resolve.resolve_names` has run on it."""
    if name.law is not None or name.kind not in (KNOWN, UNKNOWN, ACT_NAME):
        return name.law
    if len(name.ids) == 1:
        return name.ids[0]
    if name.ids:
        return None  # a name two laws share
    return name.key or (name.act.id if name.act is not None else None)


def _amended(s: str, first: Name, names: list[Name], catalogue: LawCatalogue) -> tuple[str | None, ...]:
    """The laws an amending act's title amends: those named inside it after "ændring af", and
    those named after it and joined to it ("… og lov om Y")."""
    inner = AMENDED_IN_TITLE.search(s[first.start : first.end].lower())
    if inner is None:
        return ()
    laws = [_name_law(name) for name in find_names(s[first.start + inner.end() : first.end], catalogue)]
    i = bisect_left([name.start for name in names], first.end)
    end = first.end
    while i < len(names) and AMENDED_AFTER_TITLE.fullmatch(s, end, names[i].start):
        laws.append(_name_law(names[i]))
        end = names[i].end
        i += 1
    return tuple(dict.fromkeys(laws))


def _provisions(scan: Scan, title_end: int) -> tuple[int, int] | None:
    """From an amending act's first provision heading to where its remarks start."""
    first = next((at for at in scan.headings if at >= title_end and at not in scan.remarks), None)
    if first is None:
        return None
    original = scan.text.original
    remarks = [scan.text.to_norm(match.start()) for match in REMARKS.finditer(original)]
    end = min([at for at in [*remarks, *scan.remarks] if at > first], default=len(scan.text.norm))
    return first, end


def _enabling(s: str, title_end: int, scan: Scan, catalogue: LawCatalogue) -> str | None:
    """The one act of parliament a bekendtgørelse's preamble issues it under."""
    lead = ENABLING_LEAD.search(s, title_end, title_end + ENABLING_WINDOW)
    if lead is None:
        return None
    end_match = ENABLING_END.search(s, lead.end())
    end = end_match.start() if end_match else len(s)
    laws = {
        law
        for reference in scan.references
        if lead.end() <= reference.start < end and reference.name is not None
        for law in [_name_law(reference.name)]
        if law is not None and act_kind(law, catalogue) == LOV
    }
    return laws.pop() if len(laws) == 1 else None
