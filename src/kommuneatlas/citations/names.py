"""Law names in a normalised text: the catalogue's, and those of laws it does not know.

A text names a law in five ways, all found here (offsets into the normalised text):

* a name the catalogue knows: an abbreviation ("LAB"), a short name in any inflection
  ("servicelovens"), a title ("Lov om social service"), a title variant ("lov om en aktiv
  socialpolitik": see :func:`.lawnames.title_key`);
* a one-word name it does not know: a word ending in -loven/-lovens/-lov ("Forældreansvarsloven",
  "sygedagpengelovens"), -bekendtgørelsen, -forordningen or -direktivet;
* a title it does not know: "lov om …", "bekendtgørelse om …", "forslag til lov om …",
  read up to where the title ends (:func:`read_title`);
* an act by number and date: "lov nr. 551 af 7. maj 2019 [om …]", "LBK nr 1078 af 15/08/2022";
* the document's own act ("denne lov"), the act a definite word points to ("lovens", "§ 5 i
  loven"), the act named last ("samme lov"), or an act named elsewhere ("ændringsloven"), which end the reach of the law before
  them; and a bill ("lovforslagets"), whose §§ are its own (see also :data:`INTERNAL`).

Of two names that overlap, the one that starts first wins, and at the same start the longer.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from .acts import Act, act_of
from .catalogue import LawCatalogue
from .lawnames import display_name, law_key, one_word_key, unknown_law_id
from .name_patterns import (
    ABBREVIATION_BEFORE_SIGN,
    ABBREVIATION_LOOKBACK,
    ACT,
    ACT_HEAD,
    ACT_NUMBER,
    ACT_TITLE,
    AMENDING_TITLE,
    ANAPHORIC_LAW_WORDS,
    BILL_WORD,
    EU_ACT,
    EUR_LEX,
    LAW_LIST_WORDS,
    LAW_WORD_CHARS,
    LAW_WORD_END,
    MAX_TITLE_WORDS,
    MIN_LAW_WORD_STEM,
    NEXT_LAW,
    NOT_LAW_WORDS,
    OWN_LAW_BEFORE,
    OWN_LAW_WORDS,
    TITLE_END_WORDS,
    TITLE_EXTENDERS,
    TITLE_HEAD,
    TITLE_OM,
    TITLE_STOP_PAIRS,
    TITLE_STOP_WORDS,
    TITLE_TRAILING,
    TITLE_WORD,
)

KNOWN = "known"
"""A name the catalogue knows (``ids`` are its candidates)."""
UNKNOWN = "unknown"
"""A name of a law the catalogue lacks (``key`` is the law's derived id)."""
ACT_NAME = "act"
"""An act by number and date (``act``; ``ids``/``key`` when its title tells the law)."""
OWN = "own"
"""The document's own act: "denne lov", "nærværende bekendtgørelse"."""
THE = "the"
""""lovens", "§ 5 i loven", "bekendtgørelsens": the document's own act when it is one, else
the law named last before it (see :mod:`.own_law`)."""
ANAPHOR = "anaphor"
"""An act named elsewhere ("ændringsloven"): no law of its own."""
INTERNAL = "internal"
"""A text with §§ of its own that is no law ("vedtægternes § 4", "lovforslagets § 2"): its §§
are no references, and it ends the reach of the law named before it."""
SAME = "same"
"""The act named last: "§ 3 i samme lov"."""


@dataclass
class Name:
    """A law name in the normalised text and what it may denote.

    ``law`` is set by :func:`.resolve.resolve_names`; ``used`` when a reference took it.
    """

    start: int
    end: int
    ids: tuple[str, ...] = ()
    kind: str = KNOWN
    key: str | None = None
    act: Act | None = None
    amending: bool = False
    eu: bool = False
    used: bool = False
    law: str | None = None
    version_of: Name | None = None  # an act cited as the text of the law named before it
    title: str | None = None  # how pages name a law the catalogue lacks
    word: str | None = None  # for OWN, THE, SAME: "lov" or "bek", the kind of act the word names


def find_names(s: str, catalogue: LawCatalogue, breaks: Collection[int] = ()) -> list[Name]:
    """Every law name in the normalised text ``s``, in order, none overlapping; ``breaks`` are
    the spaces that stand for a blank line (a title does not reach across them)."""
    lower = lower_case(s)
    known = _catalogue_names(s, lower, catalogue) + _abbreviations_before_signs(s, catalogue)
    stops = _Stops({name.start for name in known}, set(breaks))
    candidates = [
        *known,
        *_acts(s, lower, catalogue, stops),
        *_titles(s, lower, catalogue, stops),
        *_law_words(s, lower, catalogue),
        *_eu_acts(s, lower, catalogue),
        *(Name(match.start(), match.end(), kind=INTERNAL) for match in BILL_WORD.finditer(lower)),
    ]
    candidates.sort(key=lambda name: (name.start, -name.end))
    found: list[Name] = []
    for name in candidates:
        if found and name.start < found[-1].end:
            continue
        found.append(name)
    return found


def lower_case(s: str) -> str:
    """``s`` in lower case, character for character (a letter whose lower case is longer,
    such as "İ", stays as it is), so offsets stay those of ``s``."""
    lower = s.lower()
    if len(lower) == len(s):
        return lower
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in s)


def _word_starts(s: str, at: int) -> bool:
    return at == 0 or not (s[at - 1].isalnum() or s[at - 1] == "_")


def _catalogue_names(s: str, lower: str, catalogue: LawCatalogue) -> list[Name]:
    abbreviations, names = catalogue.patterns
    spans = [match.span() for match in names.finditer(lower)]
    spans += [match.span() for match in abbreviations.finditer(s) if _word_starts(s, match.start())]
    found = []
    for start, end in spans:
        ids = catalogue.lookup(s[start:end])
        if ids:
            found.append(Name(start, end, ids, eu=all(catalogue[i].is_eu for i in ids)))
    return found


def _abbreviations_before_signs(s: str, catalogue: LawCatalogue) -> list[Name]:
    """Abbreviations written in lower or mixed case right before a § sign ("jf. sel §85")."""
    found = []
    at = s.find("§")
    while at >= 0:
        word = ABBREVIATION_BEFORE_SIGN.search(s, max(0, at - ABBREVIATION_LOOKBACK), at)
        if word is not None and not word.group(1).isupper():
            ids = catalogue.abbreviation(word.group(1).upper())
            if ids:
                found.append(Name(word.start(1), word.end(1), ids, eu=all(catalogue[i].is_eu for i in ids)))
        at = s.find("§", at + 1)
    return found


@dataclass(frozen=True)
class _Stops:
    """Where titles stop: where a catalogue name starts (after "og"), and blank lines."""

    known_starts: Collection[int] = ()
    breaks: Collection[int] = ()


_NO_STOPS = _Stops()


def read_title(lower: str, pos: int, stops: _Stops | None = None) -> int:
    """Where the title whose first word is at ``pos`` ends: before punctuation, "jf.", "som
    ændret", a § or a number, a finite verb, "og" before another law, a blank line, after
    "m.v." — at most :data:`~.name_patterns.MAX_TITLE_WORDS` words, without a dangling
    "og"/"i"/"af" at the end. Returns ``pos`` when no word of a title is there."""
    stops = stops or _NO_STOPS
    known_starts = stops.known_starts
    words: list[tuple[int, int]] = []
    at = pos
    while len(words) < MAX_TITLE_WORDS:
        match = TITLE_WORD.match(lower, at)
        if match is None:
            break
        word, start, end = match.group(1), match.start(1), match.end(1)
        if start - 1 in stops.breaks:
            break
        following = TITLE_WORD.match(lower, end)
        if word[0].isdigit() and word.isdigit() and following is not None and _title_word(following.group(1)):
            words.append((start, end))  # "… for unge under 25 år"
            at = end
            continue
        if word[0].isdigit() or word[0] == "§" or word in TITLE_STOP_WORDS:
            break
        if (
            following is not None
            and word in TITLE_STOP_PAIRS
            and following.group(1) in TITLE_STOP_PAIRS[word]
        ):
            break
        if following is not None and word in LAW_LIST_WORDS:
            nxt = following.start(1)
            if nxt in known_starts or NEXT_LAW.match(lower, nxt):
                break
        if "§" in word:
            if word.index("§") > 0:
                words.append((start, start + word.index("§")))
            break
        if word in TITLE_END_WORDS:
            words.append((start, end))
            break
        if word.endswith(".") and len(word) > 1:
            words.append((start, end - 1))  # the title ends its sentence
            break
        words.append((start, end))
        at = end
    while words and lower[words[-1][0] : words[-1][1]] in TITLE_TRAILING:
        words.pop()
    return words[-1][1] if words else pos


def _title_word(word: str) -> bool:
    """Whether ``word`` may go on a title after a number ("25 år", not "25, stk.")."""
    return (
        word[0].isalpha()
        and word.islower()
        and not word.endswith(".")
        and word not in TITLE_STOP_WORDS | TITLE_TRAILING | LAW_LIST_WORDS
    )


def _known_prefix(
    lower: str, start: int, pos: int, end: int, catalogue: LawCatalogue
) -> tuple[int, tuple[str, ...]]:
    """The longest start of the title ``lower[start:end]`` (words from ``pos``) that the
    catalogue knows, unless the title goes on with a word that extends titles
    (:data:`~.name_patterns.TITLE_EXTENDERS`); else ``(end, ())``."""
    ends = [match.end(1) for match in TITLE_WORD.finditer(lower, pos, end)]
    for i in range(len(ends) - 1, -1, -1):
        ids = catalogue.knows_title(lower[start : ends[i]])
        if ids:
            if i == len(ends) - 1:
                return ends[i], ids
            following = TITLE_WORD.match(lower, ends[i])
            if following is None or following.group(1) not in TITLE_EXTENDERS:
                return ends[i], ids
            break
    return end, ()


def _titles(original: str, lower: str, catalogue: LawCatalogue, stops: _Stops) -> list[Name]:
    found = []
    for om in TITLE_OM.finditer(lower):
        head = TITLE_HEAD.search(lower, max(0, om.start() - 30), om.start())
        if head is None:
            continue
        start, pos = head.start(), om.end()
        end = read_title(lower, pos, stops)
        if end == pos:
            continue
        end, ids = _known_prefix(lower, start, pos, end, catalogue)
        if not ids and lower[lower.rfind(" ", 0, end) + 1 : end] in TITLE_END_WORDS:
            # "m.v." ends a title, unless the catalogue knows it going on ("lov om
            # miljøgodkendelse m.v. af husdyrbrug")
            more = read_title(lower, end, stops)
            longer, longer_ids = (
                _known_prefix(lower, start, end, more, catalogue) if more > end else (end, ())
            )
            if longer_ids:
                end, ids = longer, longer_ids
        if ids:
            found.append(Name(start, end, ids, eu=all(catalogue[i].is_eu for i in ids)))
        else:
            text = lower[start:end]
            found.append(
                Name(
                    start,
                    end,
                    kind=UNKNOWN,
                    key=unknown_law_id(text, catalogue.laws),
                    amending=bool(AMENDING_TITLE.match(law_key(text).split(" ", 1)[-1])),
                    title=display_name(original[start:end]),
                )
            )
    return found


def _acts(original: str, lower: str, catalogue: LawCatalogue, stops: _Stops) -> list[Name]:
    found = []
    for number in ACT_NUMBER.finditer(lower):
        head = ACT_HEAD.search(lower, max(0, number.start() - 22), number.start())
        match = ACT.match(lower, head.start()) if head is not None else None
        if match is None:
            continue
        act = act_of(match)
        name = Name(match.start(), match.end(), kind=ACT_NAME, act=act)
        titled = ACT_TITLE.match(lower, match.end()) if act is not None else None
        if titled is not None:
            end = read_title(lower, titled.end(), stops)
            if end > titled.end():
                kind = "bekendtgørelse" if act is not None and act.type == "BEK" else "lov"
                title = f"{kind} om {lower[titled.end() : end]}"
                end, ids = _known_prefix(title, 0, len(kind) + 4, len(title), catalogue)
                name.end = titled.end() + end - len(kind) - 4
                name.ids = ids
                name.amending = bool(AMENDING_TITLE.match(law_key(title)))
                if not ids and not name.amending:
                    name.key = unknown_law_id(title[:end], catalogue.laws)
                    name.title = display_name(f"{kind} {original[titled.start() + 1 : name.end]}")
        if name.title is None:
            name.title = display_name(original[name.start : name.end])
        if act is not None and catalogue.by_url(act.url):
            name.ids = (catalogue.by_url(act.url) or "",)
        found.append(name)
    return found


def _law_words(s: str, lower: str, catalogue: LawCatalogue) -> list[Name]:
    found = []
    for match in LAW_WORD_END.finditer(lower):
        word_match = LAW_WORD_CHARS.search(lower, max(0, match.start() - 60), match.start())
        start = word_match.start() if word_match else match.start()
        while start < match.start() and not lower[start].isalpha():
            start += 1
        word = lower[start : match.end()]
        if word in ("lov", "lovs", "bekendtgørelse", "bekendtgørelses"):
            own = OWN_LAW_BEFORE.search(lower, max(0, start - 12), start)
            if own is not None:
                kind = SAME if own.group(2) else OWN
                found.append(Name(own.start(), match.end(), kind=kind, word=_word_kind(word)))
            continue
        if word in OWN_LAW_WORDS:
            found.append(Name(start, match.end(), kind=THE, word=_word_kind(word)))
            continue
        if word in ANAPHORIC_LAW_WORDS:
            found.append(Name(start, match.end(), kind=ANAPHOR))
            continue
        stem = word[: match.start() - start]
        if len(stem.strip("-")) < MIN_LAW_WORD_STEM - stem.endswith("-") or NOT_LAW_WORDS.search(word):
            continue
        ids = catalogue.lookup(s[start : match.end()])
        eu = word.endswith(("forordningen", "forordningens", "direktivet", "direktivets"))
        if ids:
            found.append(Name(start, match.end(), ids, eu=eu))
        else:
            key = unknown_law_id(word, catalogue.laws)
            title = display_name(one_word_key(s[start : match.end()]))
            found.append(Name(start, match.end(), kind=UNKNOWN, key=key, eu=eu, title=title))
    return found


def _word_kind(word: str) -> str:
    """The kind of act a word names: "lov" ("loven", "samme lovs") or "bek"."""
    return "bek" if word.startswith("bekendtgørelse") else "lov"


def _eu_acts(s: str, lower: str, catalogue: LawCatalogue) -> list[Name]:
    """EU acts by number: the catalogue's (by their EUR-Lex address), else a law of their own."""
    found = []
    if "(e" not in lower:
        return found
    for match in EU_ACT.finditer(lower):
        kind, first, second = match.groups()
        year, number = (first, second) if len(first) == 4 else (second, first)  # "2016/679", "1408/71"
        url = EUR_LEX.format(kind="reg" if kind == "forordning" else "dir", year=year, number=int(number))
        law = catalogue.by_url(url)
        if law is not None:
            found.append(Name(match.start(), match.end(), (law,), eu=True))
        else:
            title = display_name(s[match.start() : match.end()])
            key = unknown_law_id(f"{kind}-eu-{year}-{number}", catalogue.laws)
            found.append(Name(match.start(), match.end(), kind=UNKNOWN, key=key, eu=True, title=title))
    return found
