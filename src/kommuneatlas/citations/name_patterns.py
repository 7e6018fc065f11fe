"""The grammar of law names as data: the catalogue's names, names it lacks, texts that are no
law, EU acts, act citations by number and date, amending acts and what a document is,
compiled once.

Unless noted, they run on the *normalised* text (see :mod:`.textmap`), as those of
:mod:`.patterns` do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text.danish_dates import MONTH_PATTERN

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


ABBREVIATION_BEFORE_SIGN = re.compile(r"(?<![\w-])([^\W\d_]{3,}) ?$")
"""A word right before a § sign ("jf. sel §85", "Sel § 85"): an abbreviation written in lower (or
mixed) case names its law there, and only there (elsewhere "sel" is a word); matched on the
text up to the sign. Abbreviations of two letters ("sl", "ml") are words too often."""

ABBREVIATION_LOOKBACK = 12
"""How far before a § sign :data:`ABBREVIATION_BEFORE_SIGN` looks."""

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
    # a document's own kind of text: (definite forms, genitive forms, indefinite forms)
    "vedtægt": ("en erne", "ens ernes", "- er"),
    "forretningsorden": ("en", "ens", "-"),
    "plan": ("en erne", "ens ernes", "- er"),  # lokalplan, kommuneplan, handleplan …
    "aftale": ("n rne", "ns rnes", "- r"),
    "overenskomst": ("en erne", "ens ernes", "- er"),
    "kontrakt": ("en erne", "ens ernes", "- er"),
    "regulativ": ("et erne", "ets ernes", "- er"),
    "instruks": ("en", "ens", "- er"),
    "protokol": ("len", "lens", "-"),
    "retningslinje": ("n rne", "ns rnes", "- r"),
    "vilkår": ("ene", "enes", "-"),
    "tillæg": ("get", "gets", "-"),
    "kommissori": ("et", "ets", "um er"),
}
"""Texts that have §§ of their own and are no law: a society's vedtægter, a council's
forretningsorden, a lokalplan, an agreement, a collective agreement, a contract …, in the
forms that own a § ("vedtægternes § 4", "§ 3 i aftalen", "§ 9 i kommunens regulativ"; "-" is the
root alone); compounds too ("styrelsesvedtægtens")."""


def _internal_words(which: int) -> str:
    forms = [
        root + ending.strip("-")
        for root, endings in _INTERNAL_FORMS.items()
        for ending in endings[which].split()
    ]
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
"""After a § and its connector (:data:`.patterns.CONNECTOR_AFTER`): "§ 3 i aftalen", "§ 12 i
overenskomsten"."""

OWNED_INTERNAL_AFTER = re.compile(
    r"(?:(?:[Dd]en|[Dd]et|[Dd]e|[A-ZÆØÅ][\w.-]*|[\w.-]+(?:'s|’s|'|s|e)) ){1,3}"
    rf"(?i:[\w-]*(?:{_internal_words(2)}))(?![\w-])"
)
"""After a § and its connector, matched on the normalised text (not lower-cased): such a text
owned by someone or qualified, in the indefinite form ("§ 9 i kommunens regulativ for …", "§ 7
i Aalborg Kommunes vedtægt", "§ 12 i KL's vedtægter", "§ 5 i den lokale aftale"). The words
before it are genitives, articles, adjectives in -e or capitalised names, so "§ 85 i aftale med
kommunen" and "§ 85 i forbindelse med aftalen" stay references."""

INTERNAL_AFTER_WINDOW = 80
"""How far after the connector :data:`INTERNAL_AFTER` and :data:`OWNED_INTERNAL_AFTER` look."""

LAW_WORD_CHARS = re.compile(r"[\w-]*$")
"""The letters (and hyphens) of a word up to a law-word ending, read backwards."""

MIN_LAW_WORD_STEM = 3
"""Letters a one-word name needs before its ending: "grundloven", not "orloven" (two
before a hyphen: "SU-loven")."""

LEAVE_KINDS = (
    "barsels", "forældre", "fædre", "mødre", "moderskabs", "fødsels", "graviditets", "adoptions",
    "uddannelses", "studie", "forsknings", "pasnings", "pleje", "omsorgs", "sorg", "syge", "sabbat",
    "sabbats", "ferie", "tjeneste", "ulønnet", "lønnet",
)  # fmt: skip
"""What a compound in -orlov names a leave of ("barselsorlov", "forældreorlov", "efteruddannelsesorlov");
any other word in -orloven is a law ("revisorloven", "sektorlovens")."""

NOT_LAW_WORDS = re.compile(
    rf"(?:^|-)(?:(?:\w*(?:{trie_pattern(LEAVE_KINDS)}))?orlov(?:en|ens)?|lovbekendtgørelsens?|.*lovgivning\w*)$"
)
"""Words that end like a law but are none: "barselsorloven", "orloven" (leave), "lovbekendtgørelsen"."""

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

TITLE_VERBS = frozenset(
    {
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
        "påhviler", "påhvilede", "beskriver", "beskrives", "angiver", "angives", "definerer", "defineres",
        "præciserer", "præciseres", "fastlægger", "fastlægges", "fastlagde", "forbyder", "forbydes",
        "forbød", "tillægger", "overlader", "henviser", "hviler", "bygger", "beror", "udgør", "udgjorde",
        "rummer", "viser", "lyder", "oplyser", "forudsatte", "erstatter", "erstattes", "erstattede",
        "afløser", "afløses", "afløste", "supplerer", "suppleres", "administreres", "håndhæves",
        "viderefører", "videreføres", "findes", "fandtes", "ses", "åbner", "tilsiger", "hindrer",
        "forhindrer", "udelukker", "begrænser", "undtager", "undtages", "reguleres", "udmønter",
        "udmøntes", "implementerer", "implementeres", "indfører", "indføres", "sikres", "overholdes",
        "står", "stod", "tillod", "hjemles", "tilsidesætter", "mener", "mente", "skønnes", "fortolkes",
    }
)  # fmt: skip
"""Finite verbs, auxiliaries and participles: the title has ended, the clause goes on ("efter lov
om … skal myndigheden …")."""

TITLE_CLAUSE_WORDS = frozenset(
    {
        # adverbs and the infinitive marker: no title goes on with them ("… til søs ved ikke at …")
        "at", "ikke", "også", "dog", "kun", "alene", "desuden", "ligeledes", "derfor", "fortsat", "nu",
        "heller", "allerede", "netop", "stadig", "endnu", "altid", "aldrig", "typisk", "normalt",
        # words that start a subordinate or a new clause
        "der", "som", "hvor", "hvis", "når", "idet", "fordi", "men", "hvilket", "hvorefter",
        "hvorved", "hvori", "hvorfor", "så", "da", "mens", "selvom", "skønt", "medmindre", "såfremt",
        "hvorimod", "ligesom", "således", "hvorvidt", "eftersom",
    }
)  # fmt: skip
"""Adverbs and words that start a clause: no title (in the catalogue either) holds them."""

TITLE_REFERENCE_WORDS = frozenset(
    {
        "samt", "eller", "og/eller", "herunder", "jf.", "jfr.", "jf", "jfr", "bl.a.", "fx", "f.eks.",
        "dvs.", "efter", "stk.", "stk", "nr.", "nr", "pkt.", "kapitel", "kap.", "afsnit", "senest",
        "lovens", "loven", "ifølge",
    }
)  # fmt: skip
"""Words that start a reference, a list or an aside after a title ("lov om … jf. …", "… samt
§ 3"); a few catalogue titles hold one ("… samt om …"), and the catalogue finds those whole."""

TITLE_STOP_WORDS = TITLE_VERBS | TITLE_CLAUSE_WORDS | TITLE_REFERENCE_WORDS
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

ACT_NUMBER = re.compile(r"nr\.? ?\d")
ACT_HEAD = re.compile(
    r"(?<![\w-])(?:lovbekendtgørelse|lovbek|lbk|lov|bekendtgørelse|bek|cirkulære|cir)\.? ?$"
)
"""Before "nr. N": the act type of an act citation (found back from the number)."""
ACT = re.compile(
    r"(lovbekendtgørelse|lovbek|lbk|lov|bekendtgørelse|bek|cirkulære|cir)\.? ?nr\.? ?(\d{1,5})(?!\d)"
    r"(?: ?(?:af|fra) (?:den )?"
    rf"(?:(\d{{1,2}})\.? ?({MONTH_PATTERN}) ?(\d{{4}})|(\d{{1,2}})([/.-])(\d{{1,2}})\7 ?(\d{{4}}))(?!\d))?"
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
