"""The citation grammar as data: every regular expression the parser uses, compiled once.

All token patterns run on the *normalised* text (see :mod:`.textmap`), where every
whitespace run is one space (a tab stays a tab: it separates table cells), so " ?" means
"an optional space". Law names are not here: they come from ``data/laws.yaml`` through
:func:`law_name_patterns`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text.clean import HYPHEN_KEEPING_WORDS

# --- normalisation -------------------------------------------------------------------

WHITESPACE_RUN = re.compile(
    r"\u00ad+(?:[^\S\n\f]*[\n\f]\s*)?|(?:-(?:[^\S\n\f]*[\n\f]| (?=[^\W\d_]))|[^\S ]| \s)\s*"
)
"""A run of whitespace that normalisation rewrites: a line break (with the hyphen before
it, if any) and the whitespace after it, a hyphen and a blank between two letters (a line
break that became a space: "beskæfti- gelsesindsats"), a tab or no-break space, or two or
more blanks; and soft hyphens (U+00AD, which web pages put anywhere in a word:
"retssik\u00adkerhedsloven"), removed with a line break right after them."""

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

TABLE_HEADING = re.compile(r"[ \t]*(?:Bilagstabel|Tabel)[ \t]")
"""A section that is a table ("Bilagstabel 2.4 …"): its rows may name their law in a later
cell, after the §, so only there (and across a tab) does a bare § look ahead for its law."""

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
    "br") and only where a word starts (which the caller checks), and lower-case names, to be matched against the *lower-cased* text (much faster
    than ``re.IGNORECASE``), including bills by number ("lovforslag 200 om …", where
    ``law_tails`` are the subjects of the "Lov om …" titles).
    """
    abbreviation = trie_pattern(abbreviations) or "(?!)"
    name = trie_pattern(names) or "(?!)"
    tail = trie_pattern(law_tails) or "(?!)"
    return (
        re.compile(rf"{abbreviation}(?!\w)"),  # no leading \b (slow to scan for): checked by the caller
        re.compile(rf"\b(?:{BILL_PREFIX.lower()}{tail}|{name})(?!\w)"),
    )


# --- law names the catalogue does not know ------------------------------------------------------
# All of these run on the lower-cased normalised text.

LAW_WORD_END = re.compile(r"(?:lov(?:ens?|s)?|bekendtgørelse(?:ns?|s)?|forordningens?|direktivets?)(?![\w-])")
"""The end of a one-word law name ("forældreansvarsloven", "sygedagpengelovens",
"LAB-loven", "databeskyttelsesforordningen"); the word is read back to its start. (Also
the "lov" of "denne lov".)"""

OWN_LAW_BEFORE = re.compile(
    r"(?<![\w-])(?:(denne|nærværende)|(samme|nævnte|ovennævnte|førnævnte|omtalte|pågældende)) $"
)
""""denne lov", "nærværende bekendtgørelses": the document's own act; "§ 3 i samme lov",
"ovennævnte lovs § 5", "den pågældende lov": the act named last (group 2)."""

BILL_WORD = re.compile(r"(?<![\w-])(?:lov)?forslag(?:et|ets)(?![\w-])")
""""lovforslagets § 2": the bill's own provision, no reference to a law."""

_INTERNAL_FORMS = {
    # a document's own kind of text: (definite forms, genitive forms)
    "vedtægt": ("en erne", "ens ernes"),
    "forretningsorden": ("en", "ens"),
    "plan": ("en erne", "ens ernes"),  # lokalplan, kommuneplan, handleplan …
    "aftale": ("n rne", "ns rnes"),
    "overenskomst": ("en erne", "ens ernes"),
    "kontrakt": ("en erne", "ens ernes"),
    "regulativ": ("et erne", "ets ernes"),
    "instruks": ("en", "ens"),
    "protokol": ("len", "lens"),
    "retningslinje": ("n rne", "ns rnes"),
    "vilkår": ("ene", "enes"),
    "tillæg": ("get", "gets"),
    "kommissorium": ("", ""),
}
"""Texts that have §§ of their own and are no law: a society's vedtægter, a council's
forretningsorden, a lokalplan, an agreement, a collective agreement, a contract …, in the
forms that own a § ("vedtægternes § 4", "§ 3 i aftalen"); compounds too ("styrelsesvedtægtens")."""


def _internal_words(which: int) -> str:
    forms = [root + ending for root, pair in _INTERNAL_FORMS.items() for ending in pair[which].split()]
    if which == 1:
        forms.append("kommissoriets")
    return trie_pattern(forms)


INTERNAL_BEFORE = re.compile(
    rf"(?<![\w-])(?:[\w-]*(?:{_internal_words(1)})|bemærkning(?:en|er|erne)? til) ?$"
)
"""Before a § (searched in the lower-cased text up to the sign): the owner is a document's own
text ("vedtægternes § 4", "forretningsordenens § 9"), or the § is the bill's own ("bemærkningerne
til § 1, nr. 55")."""

REMARKS_HEADING = re.compile(r"[ \t]*Til[ \t]+$")
"""Before a § that is alone on its line: "Til § 1" heads the remarks on a bill's own § 1 (a
section starts there; no reference)."""

INTERNAL_AFTER = re.compile(rf"[\w-]*(?:{_internal_words(0)})(?![\w-])")
"""After a § and its connector (":data:`CONNECTOR_AFTER`): "§ 3 i aftalen", "§ 12 i
overenskomsten"."""

LAW_WORD_CHARS = re.compile(r"[\w-]*$")
"""The letters (and hyphens) of a word up to a law-word ending, read backwards."""

MIN_LAW_WORD_STEM = 3
"""Letters a one-word name needs before its ending: "grundloven", not "orloven" (two
before a hyphen: "SU-loven")."""

NOT_LAW_WORDS = re.compile(r"(?:^|-)(?:.*orlov(?:en|ens)?|lovbekendtgørelsens?|.*lovgivning\w*)$")
"""Words that end like a law but are none: "barselsorloven" (leave), "lovbekendtgørelsen"."""

ANAPHORIC_LAW_WORDS = frozenset(
    {
        "ændringslov", "ændringsloven", "ændringslovens", "hovedlov", "hovedloven", "hovedlovens",
        "rammelov", "rammeloven", "rammelovens", "særlov", "særloven", "særlovens", "ændringsbekendtgørelse",
        "ændringsbekendtgørelsen", "ændringsbekendtgørelsens",
    }
)  # fmt: skip
"""Words that point back to an act named elsewhere: they end the reach of the law before
them, but give no law of their own."""

OWN_LAW_WORDS = frozenset({"loven", "lovens", "bekendtgørelsen", "bekendtgørelsens"})
""""lovens § 5", "§ 5 i loven": what the document is tells the act (see :mod:`.own_law`)."""

TITLE_OM = re.compile(r" om (?=[^\W\d_])")
TITLE_HEAD = re.compile(
    r"(?<![\w-])(?:(?:forslag til )?(?:lov|bekendtgørelse|anordning)|lovforslag(?: nr\.?)?(?: l)? ?\d{1,4})$"
)
"""Where a title starts, before its " om ": "lov om …", "bekendtgørelse om …", "forslag til
lov om …", "lovforslag L 200 om …" (a bill is named for the act it becomes)."""

TITLE_WORD = re.compile(r" ?([^\s,;:()\[\]\"“”„»«?!/<>]+)")
"""One word of a title (punctuation ends a title)."""

MAX_TITLE_WORDS = 20

TITLE_STOP_WORDS = frozenset(
    {
        # finite verbs and auxiliaries: the title has ended, the clause goes on
        "er", "var", "blev", "bliver", "være", "været", "har", "havde", "have", "kan", "kunne", "skal",
        "skulle", "må", "måtte", "vil", "ville", "bør", "burde", "gælder", "gjaldt", "finder", "fandt",
        "følger", "fulgte", "fremgår", "fremgik", "foreskriver", "fastsætter", "fastslår", "bestemmer",
        "indeholder", "træder", "trådte", "ændres", "ophæves", "affattes", "indsættes", "udgår",
        "foretages", "giver", "gav", "omfatter", "omfattede", "regulerer", "hjemler", "sikrer",
        "betyder", "medfører", "kræver", "pålægger", "tillader", "forudsætter", "vedtages", "vedtaget",
        "ændrer", "ophæver", "angår", "vedrører", "nævnes", "nævnt", "nævnte", "anvendes", "anført",
        "anførte", "anføres", "udstedes", "udstedt", "fastsat", "fastsættes", "bemyndiger",
        "forpligter", "stiller", "opfylder", "trådt", "gennemfører", "gennemføres", "bestemmes",
        "træffes", "ydes", "gives", "udbetales", "tildeles", "beregnes", "kræves", "afgøres",
        "behandles", "omfattes", "sker", "ske", "gør", "gjorde", "får", "fik", "tager", "lægger",
        "sætter", "blevet", "kommer", "fastsatte", "indførte", "indført", "vedtog", "medførte",
        "betød", "skaber", "bevilges", "iværksættes", "betales", "opkræves", "tillades", "tilkendes",
        "fastslog", "bestemte", "foreskrev", "hjemlede", "regulerede", "ændret", "straffes", "anses",
        "ophører", "bortfalder", "indebærer", "hører", "ligger",
        # adverbs and the infinitive marker: no title goes on with them ("… til søs ved ikke at …")
        "at", "ikke", "også", "dog", "kun", "alene", "desuden", "ligeledes", "derfor", "fortsat",
        # words that start a new clause or a reference
        "der", "som", "hvor", "hvis", "når", "idet", "fordi", "men", "hvilket", "hvorefter",
        "hvorved", "hvori", "hvorfor", "så", "da", "samt", "eller", "og/eller", "herunder", "jf.",
        "jfr.", "jf", "jfr", "bl.a.", "fx", "f.eks.", "dvs.", "efter", "stk.", "stk", "nr.", "nr",
        "pkt.", "kapitel", "kap.", "afsnit", "senest", "lovens", "loven", "ifølge",
    }
)  # fmt: skip
"""A word that a title never reaches: the title ends before it."""

TITLE_STOP_PAIRS = {
    "i": frozenset({"henhold", "medfør", "forbindelse", "øvrigt", "stedet", "sammenhæng",
                    "overensstemmelse", "tilfælde", "praksis", "perioden", "så"}),
    "med": frozenset({"senere", "ændringer", "virkning", "de", "den", "det"}),
}  # fmt: skip
"""Two-word phrases that end a title ("… i henhold til", "… med senere ændringer")."""

TITLE_END_WORDS = frozenset({"m.v.", "mv.", "mv", "m.m.", "mm."})
"""A title ends after these ("lov om almene boliger mv. og …")."""

TITLE_TRAILING = frozenset(
    {"og", "i", "af", "til", "for", "på", "om", "med", "ved", "fra", "de", "den", "det", "en", "et", "mod"}
)
"""Words a title does not end with: dropped from the end of a title read too far."""

TITLE_EXTENDERS = frozenset({"af", "mellem", "om"})
"""After a title the catalogue knows, these words make a longer title it does not know
("lov om leje" + "af erhvervslokaler"); any other word ends the known title there."""

LAW_LIST_WORDS = frozenset({"og", "samt", "eller", "og/eller"})
"""Between two laws in a list ("lov om x og lov om y"): the first title ends before them."""

NEXT_LAW = re.compile(
    r"(?:forslag til )?(?:lov|lovens?|bekendtgørelse|lovbekendtgørelse)\b|§|stk\.|kap(?:itel|\.)|paragraf|\d"
    r"|[\w-]+(?:lov(?:ens?)?|bekendtgørelsens?)\b"
)
"""What may follow "og" after a title when the title has ended: another law, or a §."""

# --- EU acts -------------------------------------------------------------------------------------

EU_ACT = re.compile(
    r"(?:europa-parlamentets og rådets |kommissionens |rådets )?(forordning|direktiv)(?:en|et)?"
    r" \((?:eu|ef|euratom)\) (?:nr\. )?(\d{2,4})/(\d{1,4})(?!\d)"
)
"""An EU act by number ("forordning (EU) 2016/679"): a law of articles, not §§, found so that
it ends the reach of the law before it; its EUR-Lex address (:data:`EUR_LEX`) finds it in the
catalogue."""

EUR_LEX = "https://eur-lex.europa.eu/eli/{kind}/{year}/{number}/oj"

# --- act citations -------------------------------------------------------------------------------

ACT_TYPE = {
    "lov": "LOV", "lovbekendtgørelse": "LBK", "lovbek": "LBK", "lbk": "LBK",
    "bekendtgørelse": "BEK", "bek": "BEK", "cirkulære": "CIR", "cir": "CIR",
}  # fmt: skip
"""The act types of a citation "<type> nr. N af DATE", as Retsinformation abbreviates them."""

_MONTHS = (
    r"januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
    r"|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|okt\.?|nov\.?|dec\.?"
)
ACT_NUMBER = re.compile(r"nr\.? ?\d")
ACT_HEAD = re.compile(
    r"(?<![\w-])(?:lovbekendtgørelse|lovbek|lbk|lov|bekendtgørelse|bek|cirkulære|cir)\.? ?$"
)
"""Before "nr. N": the act type of an act citation (found back from the number)."""
ACT = re.compile(
    r"(lovbekendtgørelse|lovbek|lbk|lov|bekendtgørelse|bek|cirkulære|cir)\.? ?nr\.? ?(\d{1,5})(?!\d)"
    r"(?: ?(?:af|fra) (?:den )?"
    rf"(?:(\d{{1,2}})\.? ?({_MONTHS}) ?(\d{{4}})|(\d{{1,2}})([/.-])(\d{{1,2}})\7 ?(\d{{4}}))(?!\d))?"
)
"""An act by number and date: "lov nr. 551 af 7. maj 2019", "LBK nr 1078 af 15/08/2022",
"bekendtgørelse nr. 1232 af 1.10.2021"; without a date ("lov nr. 434") it names no act we
can place."""

ACT_TITLE = re.compile(r" om (?=[^\W\d_])")
"""An act citation's title follows: "lov nr. 1482 af 23. december 2014 om …"."""

AMENDING_TITLE = re.compile(r"^(?:lov |bekendtgørelse )?om (?:ændring|ophævelse) af ")
"""The title of an act that amends or repeals others: the act is not the law it names."""

ELI = "https://www.retsinformation.dk/eli/lta/{year}/{number}"
"""The act's address on Retsinformation (Lovtidende A: acts, consolidations, orders)."""

APPOSITION = re.compile(r",? ?(?:jfr?\. ?|\()")
"""Between a law and the act that is its text: "lov om social service, jf. lovbekendtgørelse
nr. 1078 af …" (the consolidated act is the same law)."""

# --- amendment acts ------------------------------------------------------------------------------

AMENDMENT_LEAD = re.compile(r"foretages (?:følgende|flg\.) ændring(?:er)?\b")
"""The end of an amending act's lead-in: "I lov om …, jf. …, foretages følgende ændringer:";
until the act's next provision, a bare § belongs to the law named after "I"."""

AMENDMENT_OBJECT = re.compile(r"(?:^|[.:;] |\t| )I $")
"""What stands before the amended law's name in the lead-in ("§ 1 I lov om …")."""

AMENDMENT_WINDOW = 800
"""How far before "foretages følgende ændringer" the lead-in's "I <law>" may start."""

# --- what a document is (see own_law.py) ------------------------------------------------------

AMENDED_IN_TITLE = re.compile(r"(?:ændring|ophævelse) af ")
"""In an amending act's title, before the law it amends."""

AMENDED_AFTER_TITLE = re.compile(r",? (?:og|samt) |, ")
"""Between the laws an amending act's title names ("… af lov om X, lov om Y og lov om Z")."""

REMARKS = re.compile(
    r"^[ \t]*(?:bemærkninger til lovforslaget|almindelige bemærkninger|specielle bemærkninger"
    r"|bemærkninger til lovforslagets enkelte bestemmelser)",
    re.MULTILINE | re.IGNORECASE,
)
"""Where a bill's remarks start (matched on the original text)."""

ENABLING_LEAD = re.compile(r"(?<![\w-])[Ii] medfør af ")
"""A bekendtgørelse's preamble: "I medfør af § 139 i lov om social service …, fastsættes:"."""

ENABLING_END = re.compile(r"(?<![\w-])(?:fastsættes|bestemmes|ændres|efter bemyndigelse)(?![\w-])|: ")
ENABLING_WINDOW = 1500
"""How far after a bekendtgørelse's title its preamble may start."""

TITLE_LINE_END = re.compile(r"[ \t]*(?:\([^()\n]*\)[ \t]*)?(?:\r?\n|$)")
"""After a title that heads a document: the end of its line (matched on the original text)."""

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
