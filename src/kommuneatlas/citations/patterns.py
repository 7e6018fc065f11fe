"""The grammar of a reference as data: every regular expression the parser uses for the § and
its numbers, the context around it and what is no reference, compiled once.

All token patterns run on the *normalised* text (see :mod:`.textmap`), where every
whitespace run is one space (a tab stays a tab: it separates table cells), so " ?" means
"an optional space". The patterns of law names (and of what a document is) are in
:mod:`.name_patterns`; the names themselves come from ``data/laws.yaml`` through
:func:`.name_patterns.law_name_patterns`.
"""

from __future__ import annotations

import re

from ..text.clean import HYPHEN_KEEPING_WORDS

# --- normalisation -------------------------------------------------------------------

PAGE_NUMBER_LINE = re.compile(
    r"[\n\f]([^\S\n\f]*"
    r"(?:(?:[Ss]ide|[Pp]age)[^\S\n\f]+\d{1,4}(?:[^\S\n\f]*(?:af|of|/)[^\S\n\f]*\d{1,4})?|[-–][^\S\n\f]*\d{1,4}[^\S\n\f]*[-–])"
    r"[^\S\n\f]*)(?=[\n\f]|\Z)"
)
"""A page number on a line of its own ("Side 2 af 5", "Page 3", "- 4 -"): page furniture, which
normalisation reads as the blank it stands in, so a list or a word that runs over a page break
is read as one ("§§ 3, 4⏎Side 2 af 5⏎og 7 i serviceloven", "ser-⏎Side 2⏎viceloven")."""

WHITESPACE_RUN = re.compile(
    r"\u00ad+(?:[^\S\n\f]*[\n\f]\s*)?|(?:-(?:[^\S\n\f]*[\n\f]| (?=[^\W\d_]))|[^\S ]| \s)\s*"
)
"""A run of whitespace that normalisation rewrites: a line break (with the hyphen before
it, if any) and the whitespace after it, a hyphen and a blank between two letters (a line
break that became a space: "beskæfti- gelsesindsats"), a tab or no-break space, or two or
more blanks; and soft hyphens (U+00AD, which web pages put anywhere in a word:
"retssik\u00adkerhedsloven"), removed with a line break right after them."""


def blank_page_numbers(text: str) -> str:
    """``text`` with every :data:`PAGE_NUMBER_LINE` turned into as many blanks (offsets stay); the
    line break before it (the pattern's first character, a literal the scan jumps to) stays."""
    return PAGE_NUMBER_LINE.sub(lambda match: match.group()[0] + " " * len(match.group(1)), text)


ELIDED_COMPOUND = re.compile(rf"(?:{'|'.join(HYPHEN_KEEPING_WORDS)})\s+\w", re.IGNORECASE)
"""A line-final hyphen before one of these words, with a word after it, is an elided
compound ("beskæftigelses- og sygedagpengeområdet"); "her-" + "til." is "hertil"."""

# --- where a reference can start --------------------------------------------------------

ENTRY = re.compile(
    r"[§KkPp](?:(?<=§)|(?<![\w][Kk])(?<=[Kk])(?:apitel|ap\.) ?(?=\d)|(?<![\w][Pp])(?<=[Pp])aragraf(?:fer(?:ne)?)? (?=\d))"
)
"""A § sign (also glued to a word: "Tilsyn§ 107"), or a chapter word or "paragraf" before a
number (written to start with a character set, which ``re`` scans for fast)."""

SIGN = re.compile(r"(§§?) ?|([Pp]aragraf(?:fer(?:ne)?)?) (?=\d)")
"""The sign, or the word: "paragraf 18-midler", "paragrafferne 7 og 8"."""
CHAPTER_WORD = re.compile(r"(?:[Kk]apitel|[Kk]ap\.) ?")

# --- the numbers after a § sign ----------------------------------------------------------

_LETTER = (
    r"(?:[a-hj-zA-HJ-Z]|i(?= ?(?:[,.;:)/–-]|$|og \d|eller \d)))"  # "§ 26 i." is a letter, "§ 85 i loven" is not
    r"(?![^\W\d_]|\.[^\W\d_]|\d)"  # a whole word or "m.v." is no letter suffix
)
LETTER = re.compile(_LETTER)
LETTER_AFTER = re.compile(" ?" + _LETTER)
"""A letter suffix right after a number: "og 9 a" ends a stk. list (9 a is a paragraph)."""
PARAGRAPH = re.compile(rf"(\d{{1,4}})(?!\d)(?: ?({_LETTER}))?")
"""A paragraph number with an optional letter: "31", "31 a", "19a", "33 A" (tax laws write
capitals; paragraphs are normalised to lower case)."""

DOTTED = re.compile(r"(\d{1,3})\.(\d{1,3})(?!\d|\.\d)")
"""Dotted shorthand "§ 2.11" = § 2, nr. 11 (the way jobcentres write LAB target groups)."""

RANGE_TAIL = re.compile(rf" ?[-–] ?(?:(\d{{1,4}})(?!\d)(?: ?({_LETTER}))?|({_LETTER}))")
"""The upper end of a range: "-6", "-96c", "-k" (after "27 c")."""

COMPOUND = re.compile(r"-[^\W\d_]{2,}")
"""A paragraph used as a modifier: "§ 109-tilbud", "§ 81 a-ydelser"."""

SEPARATOR = re.compile(r"(?:,? (?:og|eller|samt|og/eller) | ?, ?| ?/ ?)(?:(§§?) ?)?")
"""Between list items: ", ", " og ", ", og ", " eller ", "/", optionally repeating the sign."""

FOLLOWING_WORD = re.compile(r" ([^\W\d_]+(?:\.[^\W\d_]+)*)\.?")
"""The word after a list item's number ("og 310 ansøgninger", "og 12 i", "og 85 m.v.")."""

WORDS_AFTER_PARAGRAPH = frozenset(
    {
        "i", "efter", "jf", "jfr", "ifølge", "iht", "iflg", "til", "for", "om", "på", "med", "ved", "fra",
        "af", "under", "over", "mod", "hos", "uden", "og", "eller", "samt", "hhv", "henholdsvis", "ff",
        "mv", "m.v", "m.fl", "mfl", "m.m", "ovenfor", "nedenfor", "ovenstående", "samme", "nævnte",
        "ovennævnte", "pågældende", "denne", "dette", "lov", "litra",
    }
)  # fmt: skip
"""Words that may follow the last number of a list of paragraphs (with :data:`.name_patterns.
TITLE_STOP_WORDS`, the verbs and clause words, and a passive in -es: "§ 11 og 12 ændres"). After
"§ 11 og" any other lower-case word makes the number a count, not a paragraph: "efter § 11 og
310 ansøgninger", "LAB § 31 og 12 måneder"."""

STK = re.compile(r",? ?[Ss]tk\.? ?(?=\d)")
NR = re.compile(r",? ?[Nn]r\.? ?(?=\d)")
PKT = re.compile(r",? ?(\d{1,2})\.(?: ?(?:og|eller|[-–]) ?(\d{1,2})\.)? ?pkt\.?")
"""A sentence of a stk.: "2. pkt.", "1. og 2. pkt.", "1.-3. pkt."."""
NUMBER_ITEM = re.compile(
    r"(\d{1,3})(?!\d|\.(?: ?(?:og|eller|[-–]) ?\d{1,2}\.)? ?pkt)(?: ?[-–] ?(\d{1,3})(?!\d))?"
)
"""One stk. or nr. number, or a range of them ("3-5", kept as one string); not the
"2" of "2. pkt."."""

NUMBER_SEPARATOR = re.compile(r"(?: ?, ?| (?:og|eller) )(?=\d)")

MAX_EXPANDED_RANGE = 30
"""A numeric paragraph range wider than this stays one string instead of being expanded."""

# --- a law named next to the reference -----------------------------------------------------

GAP_BEFORE = re.compile(r",? ?(?:jfr?\. ?)?| [^\W\d_]|\),? ?")
"""What may stand between a law name and a following § (full match): "LAB § 31",
"BR, § 40", "…mv., jf. § 6", a stray letter glued to the sign ("…lovens f§ 57d"), and the
end of a name in parentheses ("… (hjemmehjælpsbekendtgørelsen) § 2")."""

PARENTHETICAL_NAME = re.compile(r" ?\($")
"""Before a name in parentheses, right after another ("lov om … (forvaltningsloven)"): the
second names the same law."""

GAP_BEFORE_MAX = 8

CONNECTOR_AFTER = re.compile(
    r",? (?:i|efter|jfr?\.|ifølge|i henhold til|i medfør af) "
    r"(?:den (?:nye|tidligere|gældende|dagældende|daværende|nuværende|ophævede|ændrede) "
    r"|den (?=(?:samme|nævnte|ovennævnte|førnævnte|omtalte|pågældende) ))?| ?\(| "
)
"""What may stand between a reference and a law named after it: "§ 83 i serviceloven",
"§ 109-tilbud efter serviceloven", "§ 83 og § 85 (serviceloven)", "§ 107 SEL", "§ 4 i den
tidligere lov om social bistand"."""

JF_CHAIN = re.compile(r",? ?jfr?\. ?")
"""Between two references of a chain ("§ 32, stk. 5, jf. § 28 i lov om …"): a law named
after the last applies to all (full match)."""

# --- context: headings (sentences end as kommuneatlas.text.sentences says) -----------------

HEADING = re.compile(
    r"^[ \t]*(?:\d{1,2}(?:\.\d{1,2})+\.?[ \t]+[A-ZÆØÅ]"
    r"|(?:Bilagstabel|Tabel|Figur|Bilag|Afsnit)[ \t]+\d+(?:\.\d+)*\b"
    r"|#{1,6}[ \t])",
    re.MULTILINE,
)
"""A line that starts a new section ("2.5.3 Eksempel…", "Bilagstabel 2.4 …", "## …"),
matched on the original text; context for a bare § does not reach across it."""

TABLE_HEADING = re.compile(r"[ \t]*(?:Bilagstabel|Tabel)[ \t]")
"""A section that is a table ("Bilagstabel 2.4 …"): its rows may name their law in a later
cell, after the §, so only there (and across a tab) does a bare § look ahead for its law."""

SAME_SECTION_WINDOW = 1000
"""How far (characters) a bare § looks back, then ahead, for a law in its own section."""

CONTEXT_WORD_WINDOW = 300
"""How far around an ambiguous law name the resolver looks for the laws' context words."""

# --- what is no reference ----------------------------------------------------------------------------

PROVISION_HEADING_AFTER = re.compile(r"\.?(?=[ \t]*\n|[ \t]*$)|\. (?=[A-ZÆØÅ»«\"(§]|[Ss]tk\.)")
"""After "§ 6" at the start of a line: the provision's own heading ("§ 6. Frikommunerne kan
…", or "§ 6" alone on its line), not a reference. Matched on the original text."""

SENTENCE_BEFORE = re.compile(r"(?:^|[.:;!?»”\"]) ?$")
"""Before a mid-line heading "§ 6. Kommunen …": the end of the previous sentence."""

HEADING_CONNECTORS = frozenset(
    {
        "i", "jf.", "jfr.", "efter", "af", "og", "eller", "samt", "til", "ifølge", "medfør", "henhold",
        "se", "under", "ved", "om", "mod", "fra", "på", "jf", "for", "med", "iht.", "iflg.", "ad",
    }
)  # fmt: skip
"""A line ending in one of these continues into the § on the next line (no heading)."""

DOTTED_NUMBER = re.compile(r"\.\d")
"""A number followed by ".1": a section number ("§ 6.1", "§ 2.2.2.2"), not a paragraph,
unless a law is named right before it (LAB's target groups "§ 2.11")."""

GLUED_WORD = re.compile(r"[^\W\d_]{2}|[A-ZÆØÅ]")
"""Letters glued to a paragraph number ("§7Gain"): no reference."""

ENGLISH_WORDS = frozenset(
    {
        "the", "of", "and", "in", "on", "with", "from", "this", "that", "which", "shall", "pursuant",
        "section", "sections", "subsection", "counsel", "court", "code", "clause", "article", "agreement",
        "contract", "according", "see", "an", "or", "not", "its", "is", "are", "was", "were", "per",
        "act", "law", "paragraph", "pp", "page", "pages", "chapter", "applies", "apply", "has",
        "been", "as", "be", "it", "if", "any", "all",
    }
)  # fmt: skip
DANISH_WORDS = frozenset(
    {
        "og", "i", "af", "til", "efter", "jf", "jfr", "med", "er", "at", "den", "det", "de", "som",
        "kan", "skal", "om", "en", "et", "der", "har", "ikke", "fra", "hvis", "eller", "samt", "for",
        "stk", "nr", "pkt", "kapitel", "kap", "ved", "se", "også", "dog", "her", "mv", "ifølge",
        "iht", "bl", "fx", "lov", "loven", "lovens", "under", "vil", "blev", "bliver", "være",
        "var", "hvor", "når", "sig", "sin", "sit", "sine", "kommunen", "pr", "ift",
    }
)  # fmt: skip
"""Function words that tell an English sentence ("per counsel §5") from a Danish one."""

ENGLISH = re.compile(rf"\b(?:{'|'.join(sorted(ENGLISH_WORDS))})\b")
"""Any English function word: only then is the language of a sentence weighed."""

LANGUAGE_WINDOW = 120
"""Characters on each side of a § looked at to tell the language of its sentence."""

WORD = re.compile(r"[^\W\d_]+")
