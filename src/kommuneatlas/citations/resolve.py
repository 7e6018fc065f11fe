"""Give every reference its law: the name next to it, or else the context.

A law named next to the reference (found by :mod:`.parser`) gives it its law: a catalogue
name is looked up (a name two laws share is decided by the laws' ``context_words`` near it,
or by ``context_law``, else, next to a §, it goes to the law the catalogue lists first: the
municipal and social meaning; without a § it needs a deciding context word); a name the catalogue lacks gives the id derived from it
(:func:`.lawnames.unknown_law_id`); an act by number and date gives the law its title or ELI
address tells, else an id of its own (see :mod:`.acts`); "ændringsloven" gives none.

"denne lov", "lovens", "bekendtgørelsens" and "samme lov": inside an amending act's list of
amendments ("I lov om …, foretages følgende ændringer:", up to the act's next provision) the
law being amended; else what the document is tells the law (:mod:`.own_law`: the act the
document is, the law an amending act amends, the law a bekendtgørelse is issued under);
else "lovens"/"loven"/"samme lov" take the nearest law (an act of parliament; for
"bekendtgørelsens" a bekendtgørelse) named or resolved before them in the same section,
within :data:`~.patterns.SAME_SECTION_WINDOW` characters, and "denne lov" stays unresolved.

A bare reference ("(§ 129)", "I § 25, stk. 5, ændres …") takes, in this order:

0. inside an amending act's list of amendments, the law being amended;
A. the nearest law named earlier in the same sentence (or table cell);
A'. in a document that is an act, that act (its own "jf. § 3"; in a bill's remarks, the
   law it amends);
B. the law with which the same paragraph number is cited elsewhere in the text, if only
   one law is (a short form, like eyecite's "id." and "supra"; before C, as a table row
   names its law in a later cell);
C. the nearest law named (or inferred) before it in the same section, within
   :data:`~.patterns.SAME_SECTION_WINDOW` characters;
D. ``context_law``, the law the caller knows the text is about;
E. in a table (a section headed "Tabel"/"Bilagstabel", or across a tab), the first law
   named after it in the same section, within the same window (a row that names its law
   in a later cell).

In A and C, a name that gives no law (an unresolved or EU act, "ændringsloven") is nearest
all the same: every name ends the reach of the one before it, and the reference stays
unresolved. Otherwise the law stays ``None``. A section ends at a heading line (see
:data:`~.patterns.HEADING`) and at a provision's own heading ("§ 6." at the start of a line);
sentences end at a full stop before a capital letter (not after "jf.", "nr.", "stk." …) or at
a tab. Rules 0, A, C and E read the text around the reference through :mod:`.scope`.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from .acts import Act
from .catalogue import LawCatalogue
from .lawnames import name_key
from .model import Citation, LawMention, Piece
from .name_patterns import APPOSITION, TITLE_LINE_END
from .names import ACT_NAME, ANAPHOR, INTERNAL, KNOWN, OWN, SAME, THE, UNKNOWN, Name
from .numbers import Reference
from .own_law import LOV, OwnLaw, own_law
from .parser import Scan
from .patterns import CONTEXT_WORD_WINDOW, GAP_BEFORE_MAX, PARENTHETICAL_NAME
from .scope import BLOCKED, POINTING, Scope, amendment_regions, region_law


def resolve(scan: Scan, catalogue: LawCatalogue, context_law: str | None = None) -> list[Citation]:
    """The references of ``scan`` as :class:`Citation` objects (offsets into the original)."""
    s = scan.text.norm
    resolve_names(scan, catalogue, context_law)
    scope = Scope(scan, catalogue)
    regions = amendment_regions(scan)
    known: dict[str, set[str]] = {}
    for reference in scan.references:
        if (
            reference.name is not None
            and reference.name.kind not in POINTING
            and reference.name.law is not None
        ):
            for paragraph in reference.paragraphs:
                known.setdefault(paragraph, set()).add(reference.name.law)
    versions = _versions(scan)
    first = document_name(scan)
    document = own_law(scan, first, first.law if first is not None else None, catalogue)
    citations: list[Citation] = []
    for reference in scan.references:
        name = reference.name
        explicit = name is not None and name.kind not in (OWN, THE)
        if name is not None and name.kind in POINTING:
            law = region_law(regions, reference.start) if name.kind != SAME else None
            if law is None:
                law = _word_law(name, reference, document, scope)
            if law is not None:
                scope.inferred(reference, law)
        elif name is not None:
            law = name.law
        else:
            law = region_law(regions, reference.start)
            if law is not None:
                scope.inferred(reference, law)
                citations.append(
                    _citation(scan, catalogue, reference, law, False, versions.get(reference.end))
                )
                continue
            law = scope.in_sentence(s, reference)
            if law is None:
                law = document.bare(reference.start)
            if law is None:
                law = _same_paragraph(reference.paragraphs, known) or scope.before(reference)
            if law is None:
                law = context_law or scope.after(reference)
            if law == BLOCKED:
                law = None
            if law is not None:
                scope.inferred(reference, law)
                for paragraph in reference.paragraphs:
                    known.setdefault(paragraph, set()).add(law)
        act = name.act if name is not None and name.kind == ACT_NAME else versions.get(reference.end)
        citations.append(_citation(scan, catalogue, reference, law, explicit, act))
    return citations


def _word_law(name: Name, reference: Reference, document: OwnLaw, scope: Scope) -> str | None:
    """The law of "denne lov", "lovens", "bekendtgørelsens" or "samme lov" (see the module docstring)."""
    word = name.word or LOV
    if name.kind == OWN:
        return document.law
    if name.kind == THE:
        law = document.word(word, reference.start)
        if law is not None:
            return law
    return scope.nearest(reference, word)


def resolve_names(scan: Scan, catalogue: LawCatalogue, context_law: str | None = None) -> None:
    """Set ``law`` on every name (see the module docstring); "denne lov" last, as it needs
    the document's own law."""
    s = scan.text.norm
    for name in scan.names:
        if name.kind == UNKNOWN:
            name.law = name.key
        elif name.kind == ACT_NAME:
            name.law = _act_law(name, s, catalogue, context_law)
        elif name.kind == KNOWN:
            name.law = _known_law(name, s, catalogue, context_law)
    _same_law_in_parentheses(scan)
    ends = {name.end: name for name in scan.names if name.kind in (KNOWN, UNKNOWN)}
    for reference in scan.references:
        if reference.name is not None and reference.name.kind in (KNOWN, UNKNOWN):
            ends.setdefault(reference.end, reference.name)
    for name in scan.names:
        if name.kind == ACT_NAME and not name.ids and name.key is None and name.act is not None:
            for gap in range(name.start, max(0, name.start - GAP_BEFORE_MAX) - 1, -1):
                law_name = ends.get(gap)
                if law_name is not None and APPOSITION.fullmatch(s, gap, name.start):
                    name.law, name.version_of = law_name.law, law_name
                    break
    first = document_name(scan)
    own = first.law if first is not None else None
    for name in scan.names:
        if name.kind == OWN:
            name.law = own


def _same_law_in_parentheses(scan: Scan) -> None:
    """A name in parentheses right after another names the same law ("bekendtgørelse nr. …
    om tilbud om hjemmehjælp (hjemmehjælpsbekendtgørelsen)"): both get the catalogue's law if
    either is in it, else the short name's id, by which texts mostly name the law."""
    s = scan.text.norm
    for first, second in pairwise(scan.names):
        if second.kind not in (KNOWN, UNKNOWN) or first.kind not in (KNOWN, UNKNOWN, ACT_NAME):
            continue
        if not PARENTHETICAL_NAME.fullmatch(s, first.end, second.start) or not s.startswith(")", second.end):
            continue
        if first.law is None or second.law is None:
            continue
        if first.kind == KNOWN and second.kind == UNKNOWN:
            second.law, second.title = first.law, None
        elif second.kind == KNOWN or first.kind != ACT_NAME or first.key is not None:
            first.law = second.law


def _known_law(name: Name, s: str, catalogue: LawCatalogue, context_law: str | None) -> str | None:
    """The law a catalogue name denotes. A shared name (see :meth:`.LawCatalogue.is_shared`):
    the law with the most of its context words within :data:`~.patterns.CONTEXT_WORD_WINDOW`
    characters; else ``context_law``; else, next to a §, the law the catalogue lists first (the
    municipal and social meaning). Without a § a shared name that no context word decides is
    no law (it may mean something else: "ML", "BL"), nor is a shared name of two letters
    whatever the context ("SL" is also a trade union)."""
    ids = name.ids
    if len(ids) == 1 and not catalogue.is_shared(s[name.start : name.end]):
        return ids[0]
    if not name.used and name.end - name.start <= 2:
        return None
    window = name_key(s[max(0, name.start - CONTEXT_WORD_WINDOW) : name.end + CONTEXT_WORD_WINDOW])
    scores = [sum(name_key(word) in window for word in catalogue[law].context_words) for law in ids]
    best = max(scores)
    if best and scores.count(best) == 1:
        return ids[scores.index(best)]
    if context_law in ids:
        return context_law
    return ids[0] if name.used else None


def _act_law(name: Name, s: str, catalogue: LawCatalogue, context_law: str | None) -> str | None:
    """The law of an act citation: rules 1–4 of :mod:`.acts` (rule 5 in :func:`resolve_names`)."""
    if name.act is None:
        return None
    if name.ids:
        return _known_law(name, s, catalogue, context_law)
    return name.key or name.act.id


def document_name(scan: Scan) -> Name | None:
    """The name of the act the document is, if its text starts with the act's title on a line
    of its own ("Lov om …", "Bekendtgørelse af lov om …", "LOV nr 551 af … Lov om …"), else
    ``None``. Call after the parser has marked the names its references use."""
    names = scan.names
    if not names:
        return None
    s = scan.text.norm
    first = names[0]
    lead = s[: first.start].strip().lower()
    if lead and lead not in ("bekendtgørelse af", "forslag til"):
        return None
    if first.kind == ACT_NAME and not first.ids and first.key is None and len(names) > 1:
        following = names[1]
        gap = s[first.end : following.start].strip().lower()
        if gap in ("", "bekendtgørelse af", "forslag til"):
            first = following
    if first.used or first.eu or first.kind not in (KNOWN, UNKNOWN, ACT_NAME) or first.law is None:
        return None  # "Serviceloven § 83 …" starts a letter, not an act; an EU act has no §§
    if not TITLE_LINE_END.match(scan.text.original, scan.text.end(first.end)):
        return None  # "Barnets lov trådte i kraft …" starts a sentence, not an act
    return first


def _versions(scan: Scan) -> dict[int, Act | None]:
    """Reference end → the act cited right after it as the text of its law ("…§ 83, jf.
    lovbekendtgørelse nr. 1078 af …")."""
    s = scan.text.norm
    ends = {reference.end for reference in scan.references}
    found: dict[int, Act | None] = {}
    for name in scan.names:
        if name.version_of is not None:
            for gap in range(name.start, max(0, name.start - GAP_BEFORE_MAX) - 1, -1):
                if gap in ends and APPOSITION.fullmatch(s, gap, name.start):
                    found[gap] = name.act
                    break
    return found


def mentions(scan: Scan, catalogue: LawCatalogue | None = None) -> list[LawMention]:
    """The names not part of a reference, as :class:`LawMention` objects (after
    :func:`resolve_names`); "lovens", "ændringsloven" and the like are no mentions."""
    result: list[LawMention] = []
    text = scan.text
    for name in scan.names:
        if name.kind == KNOWN and name.law is None:
            continue  # a name that also means something else, and here means that ("ML")
        if not name.used and name.kind not in (OWN, THE, ANAPHOR, SAME, INTERNAL):
            start, end = text.start(name.start), text.end(name.end)
            title, known = _title(scan, catalogue, name.law, name)
            act = name.act if name.kind == ACT_NAME else None
            result.append(LawMention(text.original[start:end], start, end, name.law, title, known, act))
    return result


def _title(
    scan: Scan, catalogue: LawCatalogue | None, law: str | None, name: Name | None
) -> tuple[str | None, bool]:
    """(law_title, law_known) of a law: the catalogue's title, else the name as written."""
    if law is None:
        return None, False
    if catalogue is not None and law in catalogue:
        return catalogue[law].title, True
    source = name if name is not None and name.law == law and name.title else None
    if source is None:
        source = next((n for n in scan.names if n.law == law and n.title), None)
    return (source.title if source is not None else None), False


def _citation(
    scan: Scan,
    catalogue: LawCatalogue,
    reference: Reference,
    law: str | None,
    explicit: bool,
    act: Act | None,
) -> Citation:
    text = scan.text
    start, end = text.start(reference.start), text.end(reference.end)
    name = reference.name
    law_raw = None
    if name is not None:
        law_raw = text.original[text.start(name.start) : text.end(name.end)]
    title, known = _title(scan, catalogue, law, name)
    pieces = []
    last = len(reference.items) - 1
    for i, item in enumerate(reference.items):
        piece_start = reference.start if i == 0 else item.start
        piece_end = reference.end if i == last else item.end
        pieces.append(
            Piece(
                text.start(piece_start),
                text.end(piece_end),
                tuple(item.paragraphs),
                item.chapter,
                tuple(item.stk),
                tuple(item.nr),
            )
        )
    return Citation(
        raw=text.original[start:end],
        start=start,
        end=end,
        law=law,
        paragraphs=reference.paragraphs,
        stk=reference.stk,
        nr=reference.nr,
        chapter=reference.chapter,
        explicit=explicit,
        law_raw=law_raw,
        pkt=reference.pkt,
        candidates=name.ids if name is not None and name.kind == KNOWN and law is None else (),
        law_title=title,
        law_known=known,
        act=act,
        pieces=tuple(pieces),
    )


def _same_paragraph(paragraphs: Iterable[str], known: dict[str, set[str]]) -> str | None:
    """Rule B: the one law every listed paragraph number is cited with elsewhere."""
    laws: set[str] = set()
    for paragraph in paragraphs:
        laws |= known.get(paragraph, set())
    return next(iter(laws)) if len(laws) == 1 else None
