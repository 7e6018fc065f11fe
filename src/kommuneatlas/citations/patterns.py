"""The citation grammar as data: every regular expression the parser uses, compiled once.

All token patterns run on the *normalised* text (see :mod:`.textmap`), where every
whitespace run is one space (a tab stays a tab: it separates table cells), so " ?" means
"an optional space". Law names are not here: they come from ``data/laws.yaml`` through
:func:`law_name_patterns`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..textclean import HYPHEN_KEEPING_WORDS

# --- normalisation -------------------------------------------------------------------

WHITESPACE_RUN = re.compile(r"(?:-[^\S\n\f]*[\n\f]|[^\S ]| \s)\s*")
"""A run of whitespace that normalisation rewrites: a line break (with the hyphen before
it, if any) and the whitespace after it, a tab or no-break space, or two or more blanks."""

ELIDED_COMPOUND = re.compile(rf"(?:{'|'.join(HYPHEN_KEEPING_WORDS)})\s+\w", re.IGNORECASE)
"""A line-final hyphen before one of these words, with a word after it, is an elided
compound ("beskæftigelses- og sygedagpengeområdet"); "her-" + "til." is "hertil"."""

# --- where a reference can start --------------------------------------------------------

ENTRY = re.compile(r"§|\b(?:[Kk]apitel|[Kk]ap\.) ?(?=\d)")
"""A § sign (also glued to a word: "Tilsyn§ 107") or a chapter word before a number."""

SIGN = re.compile(r"(§§?) ?")
CHAPTER_WORD = re.compile(r"(?:[Kk]apitel|[Kk]ap\.) ?")

# --- the numbers after a § sign ----------------------------------------------------------

_LETTER = (
    r"(?:[a-hj-z]|i(?= ?(?:[,.;:)/–-]|$|og \d|eller \d)))"  # "§ 26 i." is a letter, "§ 85 i loven" is not
    r"(?![^\W\d_]|\.[^\W\d_]|\d)"  # a whole word or "m.v." is no letter suffix
)
LETTER = re.compile(_LETTER)
LETTER_AFTER = re.compile(" ?" + _LETTER)
"""A letter suffix right after a number: "og 9 a" ends a stk. list (9 a is a paragraph)."""
PARAGRAPH = re.compile(rf"(\d{{1,4}})(?!\d)(?: ?({_LETTER}))?")
"""A paragraph number with an optional letter: "31", "31 a", "19a"."""

DOTTED = re.compile(r"(\d{1,3})\.(\d{1,3})(?!\d|\.\d)")
"""Dotted shorthand "§ 2.11" = § 2, nr. 11 (the way jobcentres write LAB target groups)."""

RANGE_TAIL = re.compile(rf" ?[-–] ?(?:(\d{{1,4}})(?!\d)(?: ?({_LETTER}))?|({_LETTER}))")
"""The upper end of a range: "-6", "-96c", "-k" (after "27 c")."""

COMPOUND = re.compile(r"-[^\W\d_]{2,}")
"""A paragraph used as a modifier: "§ 109-tilbud", "§ 81 a-ydelser"."""

SEPARATOR = re.compile(r"(?: ?, ?| (?:og|eller|samt|og/eller) | ?/ ?)(?:(§§?) ?)?")
"""Between list items: ", ", " og ", " eller ", "/", optionally repeating the sign."""

STK = re.compile(r",? ?[Ss]tk\.? ?(?=\d)")
NR = re.compile(r",? ?[Nn]r\.? ?(?=\d)")
PKT = re.compile(r",? ?(\d{1,2})\. ?pkt\.?")
NUMBER_ITEM = re.compile(r"(\d{1,3})(?!\d|\. ?pkt)(?: ?[-–] ?(\d{1,3})(?!\d))?")
"""One stk. or nr. number, or a range of them ("3-5", kept as one string); not the
"2" of "2. pkt."."""

NUMBER_SEPARATOR = re.compile(r"(?: ?, ?| (?:og|eller) )(?=\d)")

MAX_EXPANDED_RANGE = 30
"""A numeric paragraph range wider than this stays one string instead of being expanded."""

# --- a law named next to the reference -----------------------------------------------------

GAP_BEFORE = re.compile(r",? ?(?:jfr?\. ?)?| [^\W\d_]")
"""What may stand between a law name and a following § (full match): "LAB § 31",
"BR, § 40", "…mv., jf. § 6", and a stray letter glued to the sign ("…lovens f§ 57d")."""

GAP_BEFORE_MAX = 8

CONNECTOR_AFTER = re.compile(r",? (?:i|efter|jfr?\.|ifølge|i henhold til|i medfør af) | ?\(")
"""What may stand between a reference and a law named after it: "§ 83 i serviceloven",
"§ 109-tilbud efter serviceloven", "§ 83 og § 85 (serviceloven)"."""

# --- context: sentences and headings -----------------------------------------------------

SENTENCE_END = re.compile(r"[.!?](?= [\"“”„»(]?[A-ZÆØÅ])|\t")
"""A full stop before a capital letter, or a tab (a table-cell boundary)."""

ABBREVIATIONS = frozenset(
    {
        "jf", "jfr", "nr", "stk", "pkt", "mv", "m.v", "bl.a", "f.eks", "fx", "ca", "kr", "pct",
        "pga", "inkl", "ekskl", "evt", "vedr", "hhv", "dvs", "mht", "ift", "iht", "m.fl", "mfl",
        "tlf", "kl", "ang", "iflg", "jan", "feb", "aug", "sept", "okt", "nov", "dec", "lov.nr",
    }
)  # fmt: skip
"""Words whose full stop does not end a sentence."""

ABBREVIATION_BEFORE_STOP = re.compile(r"([\w.]+)$")

HEADING = re.compile(
    r"^[ \t]*(?:\d{1,2}(?:\.\d{1,2})+\.?[ \t]+[A-ZÆØÅ]"
    r"|(?:Bilagstabel|Tabel|Figur|Bilag|Afsnit)[ \t]+\d+(?:\.\d+)*\b"
    r"|#{1,6}[ \t])",
    re.MULTILINE,
)
"""A line that starts a new section ("2.5.3 Eksempel…", "Bilagstabel 2.4 …", "## …"),
matched on the original text; context for a bare § does not reach across it."""

SAME_SECTION_WINDOW = 1000
"""How far (characters) a bare § looks back, then ahead, for a law in its own section."""

CONTEXT_WORD_WINDOW = 300
"""How far around an ambiguous law name the resolver looks for the laws' context words."""

# --- law names --------------------------------------------------------------------------------

TITLE_PARENTHETICAL = re.compile(r"\s*\([^()]*\)\s*$")
"""A trailing "(serviceloven)" or "(VVM)" in an official title: not part of what texts write."""

TITLE_ETC = re.compile(r" m\.v\.$")
"""Titles ending "m.v." are also written "mv." or without it."""

BILL_PREFIX = r"lovforslag(?: nr\.)?(?: L)? ?\d{1,4} om "
"""A bill named by number and subject ("lovforslag 200 om frikommunenetværk") names the
law it became: "lov om" + the same subject."""

LAW_PREFIX = "lov om "


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching exactly ``words``, longest first, built as a trie.

    Python's ``re`` tries the alternatives of ``a|b|c`` one by one at every position; a
    trie shares prefixes, so a few hundred law names cost about as much as a few.
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def law_name_patterns(
    abbreviations: Iterable[str], names: Iterable[str], law_tails: Iterable[str]
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns for every law name: abbreviations, matched case-sensitively ("BR", not
    "br"), and lower-case names, to be matched against the *lower-cased* text (much faster
    than ``re.IGNORECASE``), including bills by number ("lovforslag 200 om …", where
    ``law_tails`` are the subjects of the "Lov om …" titles).
    """
    abbreviation = trie_pattern(abbreviations) or "(?!)"
    name = trie_pattern(names) or "(?!)"
    tail = trie_pattern(law_tails) or "(?!)"
    return (
        re.compile(rf"\b{abbreviation}(?!\w)"),
        re.compile(rf"\b(?:{BILL_PREFIX.lower()}{tail}|{name})(?!\w)"),
    )
