"""How practitioners cite, in sentences of our own: the kinds of error found on real text
after the engine's first version (issue 13, second round) — each with texts that must not
gain a reference from the rule (precision)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citation_helpers import Refs, refs
from kommuneatlas.citations import LawCatalogue, find_all, find_citations, load_catalogue


def laws(text: str, catalogue: LawCatalogue) -> list[str | None]:
    return [law for law, _ in refs(text, catalogue)]


# --- soft hyphens and no-break spaces ---------------------------------------------------------------

SOFT = [
    ("Klagen behandles efter ar\u00adbejds\u00adløsheds\u00adforsikrings\u00adlovens § 62.", [("arbejdsloeshedsforsikringsloven", ["62"])]),
    ("Sagen er oplyst efter service\u00adlovens § 8\u00ad3.", [("sel", ["83"])]),
    ("Det følger af service\u00ad\nlovens § 85 og LAB §\u00a031.", [("sel", ["85"]), ("lab", ["31"])]),
    ("Se bl.a.\u00a0§\u00a046 i serviceloven og jf.\u00a0§\u00a047 i samme lov.", [("sel", ["46"]), ("sel", ["47"])]),
    ("Hjemlen er SEL\u00a0§\u00a0107, stk.\u00a02.", [("sel", ["107"])]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SOFT, ids=[t[:30] for t, _ in SOFT])
def test_soft_hyphens_and_no_break_spaces(text: str, expected: Refs, catalogue: LawCatalogue) -> None:
    assert refs(text, catalogue) == expected


SOFT_HYPHEN_TEXTS = [
    ("Klagen behandles efter arbejdsløshedsforsikringslovens § 62, stk. 2.", [("arbejdsloeshedsforsikringsloven", ["62"])]),
    ("Kommunen yder hjælp efter § 83 i lov om social service.", [("sel", ["83"])]),
    ("Sagen er afgjort efter retssikkerhedslovens § 10 og barnets lov § 32.", [("rsl", ["10"]), ("barnets-lov", ["32"])]),
]  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(
    case=st.sampled_from(SOFT_HYPHEN_TEXTS),
    cuts=st.lists(st.integers(min_value=1, max_value=200), max_size=6),
)
def test_soft_hyphens_between_any_two_letters_change_nothing(
    case: tuple[str, Refs], cuts: list[int], catalogue: LawCatalogue
) -> None:
    text, expected = case
    for cut in sorted({c % len(text) for c in cuts}, reverse=True):
        if text[cut - 1].isalpha() and text[cut].isalpha():
            text = text[:cut] + "\u00ad" + text[cut:]
    assert refs(text, catalogue) == expected


def test_a_soft_hyphen_makes_no_reference(catalogue: LawCatalogue) -> None:
    assert refs("Be\u00adtalingen sker kvartals\u00advis, jf. afsnit 4\u00ad.2.", catalogue) == []


# --- ranges with letters ---------------------------------------------------------------------------------

RANGES = [
    ("Reglerne i §§ 68 a-68 c i serviceloven gælder.", [("sel", ["68a", "68b", "68c"])]),
    ("efter §§ 33 A-33 C i ligningsloven", [("ligningsloven", ["33a", "33b", "33c"])]),
    ("jf. §§ 4-6 og §§ 68-68 b i serviceloven", [("sel", ["4", "5", "6", "68", "68a", "68b"])]),
    # kept as one string: over numbers with letters, the elliptical form, and beyond the cap
    ("LAB §§ 92-96 c", [("lab", ["92-96c"])]),
    ("§§ 27 c-k i frikommuneloven", [("frikommuneloven", ["27c-27k"])]),
    ("§§ 1-200 i LAB", [("lab", ["1-200"])]),
    ("§§ 5 c-5 a i LAB", [("lab", ["5c-5a"])]),
]


@pytest.mark.parametrize(("text", "expected"), RANGES, ids=[t[:30] for t, _ in RANGES])
def test_lettered_ranges(text: str, expected: Refs, catalogue: LawCatalogue) -> None:
    assert refs(text, catalogue) == expected


CAPITALS = [
    ("Fradraget gives efter ligningslovens § 9 A.", [("ligningsloven", ["9a"])]),
    ("jf. ligningslovens § 7 A, B og C samt § 8 A", [("ligningsloven", ["7a", "7b", "7c", "8a"])]),
    ("efter § 33 A, stk. 1, i ligningsloven", [("ligningsloven", ["33a"])]),
    ("Ligningslovens §§ 16 A-16 B og § 16 E", [("ligningsloven", ["16a", "16b", "16e"])]),
]


@pytest.mark.parametrize(("text", "expected"), CAPITALS, ids=[t[:30] for t, _ in CAPITALS])
def test_capital_letter_suffixes(text: str, expected: Refs, catalogue: LawCatalogue) -> None:
    assert refs(text, catalogue) == expected


def test_a_capital_word_after_a_number_is_no_letter(catalogue: LawCatalogue) -> None:
    assert refs("efter ligningslovens § 9 Ansøgningen skal", catalogue) == [("ligningsloven", ["9"])]


# --- a law named after a "jf." chain --------------------------------------------------------------

CHAINS = [
    (
        "Skipperen straffes efter § 32, stk. 5, jf. § 28, nr. 1, i lov om sikkerhed til søs.",
        [("lov-om-sikkerhed-til-soes", ["32"]), ("lov-om-sikkerhed-til-soes", ["28"])],
    ),
    (
        "Tiltalte straffes med bøde efter § 3, jf. § 1, stk. 3, i lov om euforiserende stoffer.",
        [("euforiserende-stoffer", ["3"]), ("euforiserende-stoffer", ["1"])],
    ),
    (
        "Der gives tilskud efter § 5, jfr. § 3, jf. § 1 i serviceloven.",
        [("sel", ["5"]), ("sel", ["3"]), ("sel", ["1"])],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CHAINS, ids=[t[:30] for t, _ in CHAINS])
def test_a_law_after_a_jf_chain_applies_to_the_whole_chain(
    text: str, expected: Refs, catalogue: LawCatalogue
) -> None:
    assert refs(text, catalogue) == expected
    assert all(c.explicit for c in find_citations(text, catalogue))


def test_a_chain_does_not_reach_a_paragraph_with_its_own_law(catalogue: LawCatalogue) -> None:
    assert refs("Efter LAB § 5, jf. § 3 i serviceloven", catalogue) == [("lab", ["5"]), ("sel", ["3"])]
    # a new sentence is no chain
    text = "Hjælpen gives efter § 5. Jf. § 3 i serviceloven kan der også gives tilskud."
    assert refs(text, catalogue) == [(None, ["5"]), ("sel", ["3"])]
    # the first paragraph belongs to the vedtægter, not to the law of the chain
    assert refs("Efter § 3 i vedtægterne, jf. § 5 i serviceloven", catalogue) == [("sel", ["5"])]


# --- the §§ of texts that are no law ------------------------------------------------------------------

INTERNAL = [
    "Ændringen af vedtægternes § 4 og § 11 kræver tilsynets godkendelse efter serviceloven.",
    "Efter serviceloven gives hjælp. Udvalget følger forretningsordenens § 9, stk. 2.",
    "Efter planloven skal byggeriet følge lokalplanens § 5.2 og § 6.",
    "Efter LAB gælder aftalens § 3 og overenskomstens § 12.",
    "Styrelsesvedtægtens § 17 fastsætter, at udvalget træffer afgørelse efter serviceloven.",
    "Kommunen kan efter § 4 i lejeaftalen opsige aftalen, jf. lejeloven.",
    "Opsigelsen følger § 7 i overenskomsten, som LAB ikke ændrer.",
    "Med lovforslagets § 2 og § 3 ændres serviceloven.",
    "Der henvises til bemærkningerne til § 1, nr. 55, om LAB.",
]


@pytest.mark.parametrize("text", INTERNAL, ids=[t[:30] for t in INTERNAL])
def test_the_paragraphs_of_texts_that_are_no_law(text: str, catalogue: LawCatalogue) -> None:
    assert refs(text, catalogue) == []


def test_a_text_that_is_no_law_ends_the_reach_of_the_law_before(catalogue: LawCatalogue) -> None:
    text = "Efter serviceloven gælder aftalens § 3 og overenskomstens § 12. Desuden gælder § 14."
    assert refs(text, catalogue) == [(None, ["14"])]


def test_laws_whose_names_look_like_such_texts_stay_laws(catalogue: LawCatalogue) -> None:
    text = "jf. planlovens § 15, aftalelovens § 36 og § 3 i bemærkningerne til lovforslag 200 om frikommunenetværk"
    assert laws(text, catalogue)[:2] == ["planloven", "aftaleloven"]
    text = "Se bemærkningerne til § 32, stk. 2, i lovforslag 200 om frikommunenetværk."
    assert refs(text, catalogue) == [("frikommuneloven", ["32"])]
    assert refs("Henvisningen til § 5 i serviceloven gælder.", catalogue) == [("sel", ["5"])]


def test_remarks_headings_of_a_bill_are_no_references(catalogue: LawCatalogue) -> None:
    text = "Til § 1\n\nTil nr. 1\n\nEfter servicelovens § 83 ydes hjælp. Det foreslås at ændre § 83, stk. 2."
    assert refs(text, catalogue) == [("sel", ["83"]), ("sel", ["83"])]
    assert refs(
        "Vi henviser til § 5 i serviceloven.\nTil § 6 i LAB er der ingen bemærkninger.", catalogue
    ) == [
        ("sel", ["5"]),
        ("lab", ["6"]),
    ]


# --- where an unknown title ends, and catalogue titles first -----------------------------------------

TITLES = [
    (
        "Skipperen straffes efter § 28, nr. 1, i lov om sikkerhed til søs ved ikke at have sikret lasten.",
        [("lov-om-sikkerhed-til-soes", ["28"])],
    ),
    ("Efter § 3 i lov om sikkerhed til søs gælder reglerne også for fritidsfartøjer.", [("lov-om-sikkerhed-til-soes", ["3"])]),
    ("Efter § 2 i lov om hold af heste skal ejeren dog sikre dyrene.", [("lov-om-hold-af-heste", ["2"])]),
    ("Tilladelsen er givet efter § 16 a i lov om miljøgodkendelse m.v. af husdyrbrug.", [("husdyrbrugloven", ["16a"])]),
    ("Tilladelsen er givet efter § 16 b i lov om miljøgodkendelse mv. af husdyrbrug.", [("husdyrbrugloven", ["16b"])]),
    ("Pladsen anvises efter § 4 i lov om dag-, fritids- og klubtilbud mv. til børn og unge.", [("dagtilbudsloven", ["4"])]),
    # an unknown title still ends after "m.v." when nothing longer is known
    ("efter § 2 i lov om tilskud til private m.v. af hensyn til miljøet", [("lov-om-tilskud-til-private", ["2"])]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TITLES, ids=[t[:30] for t, _ in TITLES])
def test_where_titles_end(text: str, expected: Refs, catalogue: LawCatalogue) -> None:
    assert refs(text, catalogue) == expected


def test_a_known_title_with_m_v_inside_is_found_in_its_variants(tmp_path: Path) -> None:
    path = tmp_path / "laws.yaml"
    path.write_text(
        "laws:\n  - id: xlov\n    title: Lov om en aktiv indsats m.v. for fiskere\n", encoding="utf-8"
    )
    extended = load_catalogue(path)
    for text in (
        "§ 3 i lov om aktiv indsats m.v. for fiskere",
        "§ 3 i lov om en aktiv indsats mv. for fiskere",
    ):
        assert refs(text, extended) == [("xlov", ["3"])], text


# --- "lovens", "loven", "samme lov": the law named last, or what the document is ------------------

LETTERS = [
    (
        "Afslaget er givet efter offentlighedslovens § 7. Oplysningerne er også undtaget efter lovens § 30, nr. 2.",
        [("offentlighedsloven", ["7"]), ("offentlighedsloven", ["30"])],
    ),
    (
        "Kommunen har vurderet sagen efter servicelovens § 83. Det følger af § 4 i loven, at hjælpen kan gives.",
        [("sel", ["83"]), ("sel", ["4"])],
    ),
    (
        "Efter barnets lov § 32 og samme lovs § 46 samt LAB § 5 og § 6 i samme lov",
        [("barnets-lov", ["32"]), ("barnets-lov", ["46"]), ("lab", ["5"]), ("lab", ["6"])],
    ),
    # "lovens" passes over a bekendtgørelse and an EU act; "bekendtgørelsens" takes the bekendtgørelse
    (
        "Efter servicelovens § 83 og § 4 i bekendtgørelse om hjemmehjælp, jf. lovens § 85, gives hjælpen.",
        [("sel", ["83"]), ("bekendtgoerelse-om-hjemmehjaelp", ["4"]), ("sel", ["85"])],
    ),
    (
        "Efter § 5 i bekendtgørelse om hjemmehjælp, jf. bekendtgørelsens § 2, gives hjælpen.",
        [("bekendtgoerelse-om-hjemmehjaelp", ["5"]), ("bekendtgoerelse-om-hjemmehjaelp", ["2"])],
    ),
    (
        "Oplysningerne behandles efter LAB og databeskyttelsesforordningen, jf. lovens § 7.",
        [("lab", ["7"])],
    ),
    # a law resolved from context counts as named
    (
        "Efter servicelovens § 83 ydes hjælp. Efter § 85 gives støtte, og efter lovens § 86 genoptræning.",
        [("sel", ["83"]), ("sel", ["85"]), ("sel", ["86"])],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LETTERS, ids=[t[:30] for t, _ in LETTERS])
def test_lovens_in_a_text_that_is_no_act_is_the_law_named_last(
    text: str, expected: Refs, catalogue: LawCatalogue
) -> None:
    assert refs(text, catalogue) == expected


UNRESOLVED = [
    "Efter lovens § 3 kan kommunen yde hjælp.",  # no law named before
    "Denne lov gælder ikke. Efter lovens § 3 kan kommunen yde hjælp.",
    "Kommunen har fulgt servicelovens § 83. Efter denne lovs § 5 gives hjælp.",  # "denne lov" in a letter
    "Efter serviceloven og ændringsloven gælder lovens § 7.",  # a name that gives no law stands nearest
    "Efter § 5 i bekendtgørelse om hjemmehjælp gælder lovens § 7.",  # a bekendtgørelse is no "lov"
    "Efter serviceloven gives hjælp.\n\n2.1 Klage\n\nEfter lovens § 7 kan der klages.",  # another section
]


@pytest.mark.parametrize("text", UNRESOLVED, ids=[t[:30] for t in UNRESOLVED])
def test_lovens_without_a_law_before_it_stays_unresolved(text: str, catalogue: LawCatalogue) -> None:
    assert [law for law, _ in refs(text, catalogue)][-1] is None


def test_the_law_without_a_paragraph_is_no_reference(catalogue: LawCatalogue) -> None:
    text = "Efter servicelovens § 83 ydes hjælp. Loven trådte i kraft i 1998, og loven er siden ændret."
    assert refs(text, catalogue) == [("sel", ["83"])]
    assert [m.law for m in find_all(text, catalogue)[1]] == []


BILL = (
    "Forslag til lov om ændring af lov om vandløb\n\n"
    "§ 1\n\n"
    "I lov om vandløb, jf. lovbekendtgørelse nr. 1217 af 25. november 2019, foretages følgende ændringer:\n\n"
    "1. § 37, stk. 2, ophæves.\n\n"
    "§ 2\n\n"
    "Loven træder i kraft den 1. juli 2025, jf. dog § 3.\n\n"
    "Bemærkninger til lovforslaget\n\n"
    "Til § 1\n\n"
    "Til nr. 1\n\n"
    "Efter lovens § 37, stk. 2, kan kommunen regulere vandløbet. Det foreslås, at § 37, stk. 2, ophæves. "
    "Ændringen følger af bemærkningerne til § 1, nr. 1, og af lovforslagets § 2.\n"
)


def test_an_amending_act_speaks_of_the_law_it_amends_in_its_remarks(catalogue: LawCatalogue) -> None:
    assert refs(BILL, catalogue) == [
        ("vandloebsloven", ["37"]),  # the list of amendments
        ("lov-om-aendring-af-lov-om-vandloeb", ["3"]),  # the act's own provisions: its own § 3
        ("vandloebsloven", ["37"]),  # the remarks: "lovens § 37"
        ("vandloebsloven", ["37"]),  # the remarks: a bare §
    ]


def test_remarks_of_an_amending_act_without_its_provisions(catalogue: LawCatalogue) -> None:
    text = "Forslag til lov om ændring af lov om vandløb\n\nDet foreslås at ændre lovens § 37 og § 38."
    assert refs(text, catalogue) == [("vandloebsloven", ["37", "38"])]
    # several amended laws: "lovens" is the law named last
    text = (
        "Lov om ændring af lov om social service og barnets lov\n\nBemærkninger til lovforslaget\n\n"
        "Efter servicelovens § 83 kan kommunen yde hjælp, og efter lovens § 85 gives støtte."
    )
    assert refs(text, catalogue) == [("sel", ["83"]), ("sel", ["85"])]


ORDER = (
    "Bekendtgørelse om hjemmehjælp\n\n"
    "I medfør af § 83, stk. 4, og § 139 i lov om social service, jf. lovbekendtgørelse nr. 1287 af 28. "
    "august 2020, fastsættes:\n\n"
    "§ 1. Kommunen yder hjælp efter lovens § 83, jf. § 3 i denne bekendtgørelse.\n\n"
    "§ 2. Hjælpen efter § 1 gives efter bekendtgørelsens § 4 og lovens § 86.\n"
)


def test_lovens_in_a_bekendtgoerelse_is_the_law_it_is_issued_under(catalogue: LawCatalogue) -> None:
    own = "bekendtgoerelse-om-hjemmehjaelp"
    assert refs(ORDER, catalogue) == [
        ("sel", ["83", "139"]),
        ("sel", ["83"]),
        (own, ["3"]),
        (own, ["1"]),
        (own, ["4"]),
        ("sel", ["86"]),
    ]


# --- where the sentence of a bare § begins (text.sentences, as legal text reads) -------------------------

OWN_SENTENCE = [
    # a full stop after a provision's letter or after "mio." ends the sentence: § 5 is the act's own
    (", jf. stk. 2 a. Efter § 5 gælder det ikke for børn.", "sel"),
    (" på op til 2 mio. Efter § 5 gælder det ikke for børn.", "sel"),
    # the stop of "bl.a." ends none: § 5 is in the sentence that names sundhedsloven
    (", jf. bl.a. Sundhedsstyrelsens vejledning og § 5.", "sundhedsloven"),
]


@pytest.mark.parametrize(("sentence", "law"), OWN_SENTENCE, ids=[s[:20] for s, _ in OWN_SENTENCE])
def test_a_bare_paragraph_takes_the_law_of_its_own_sentence(
    sentence: str, law: str, catalogue: LawCatalogue
) -> None:
    text = f"Lov om social service\n\n§ 1. Kommunen yder hjælp efter sundhedsloven{sentence}\n\n§ 2. Loven gælder."
    assert refs(text, catalogue) == [(law, ["5"])]


# --- a bare § in the sentence after a named law ------------------------------------------------------

MINUTES = [
    "Skolen har søgt om dispensation efter folkeskolelovens § 44, stk. 2. Styrelsen træffer beslutning efter "
    "§ 40, stk. 2, nr. 1.",
    "Beslutning:\nSkolen har søgt efter folkeskolelovens § 44, stk. 2.\nStyrelsen træffer beslutning efter\n"
    "§ 40, stk. 2, nr. 1.",
    "Punkt 4. Dispensation\n\nSkolen har søgt efter folkeskolelovens § 44, stk. 2.\n\n§ 40, stk. 2, nr. 1, giver "
    "styrelsen adgang til at træffe beslutning.",
    "3.2 Sagsfremstilling\tSkolen har søgt efter folkeskolelovens § 44, stk. 2. Styrelsen træffer beslutning "
    "efter § 40, stk. 2, nr. 1.",
]


@pytest.mark.parametrize("text", MINUTES, ids=range(len(MINUTES)))
def test_a_bare_paragraph_after_a_named_law_takes_it(text: str, catalogue: LawCatalogue) -> None:
    assert refs(text, catalogue) == [("folkeskoleloven", ["44"]), ("folkeskoleloven", ["40"])]
    assert not find_citations(text, catalogue)[1].explicit


def test_no_law_is_carried_over_a_section_heading_or_an_unknown_law(catalogue: LawCatalogue) -> None:
    text = "Efter folkeskolelovens § 44 søges der.\n\n2.1 Styrelsens beslutning\n\nStyrelsen træffer beslutning efter § 40."
    assert laws(text, catalogue) == ["folkeskoleloven", None]
    text = "Efter folkeskolelovens § 44 søges der. Efter hegnsloven gælder også § 40."
    assert laws(text, catalogue) == ["folkeskoleloven", "hegnsloven"]


# --- abbreviations practitioners use, and names shared by two laws -------------------------------------

ABBREVIATIONS = [
    ("Barnet er anbragt efter BL § 46, og der ydes støtte efter BL § 32.", [("barnets-lov", ["46"]), ("barnets-lov", ["32"])]),
    ("Jobcentret følger LOB § 3, og opsigelsen følger FUL § 2.", [("organisering-beskaeftigelsesindsatsen", ["3"]), ("funktionaerloven", ["2"])]),
    ("Påbuddet er givet efter MBL § 42.", [("miljoebeskyttelsesloven", ["42"])]),
    ("Opholdet følger UDL § 9, behandlingen DBL § 8 og pladsen DTL § 4.", [("udlaendingeloven", ["9"]), ("databeskyttelsesloven", ["8"]), ("dagtilbudsloven", ["4"])]),
    # shared names: the field's context words decide ...
    ("Borgeren med handicap har fået et botilbud efter SEL § 108.", [("sel", ["108"])]),
    ("Selskabet er skattepligtigt efter SEL § 1, og sambeskatning sker efter SEL § 31.", [("selskabsskatteloven", ["1"]), ("selskabsskatteloven", ["31"])]),
    ("Borgeren har fået socialpædagogisk støtte efter SL § 85.", [("sel", ["85"])]),
    ("Indkomsten er skattepligtig efter SL § 4.", [("statsskatteloven", ["4"])]),
    ("Kommunalbestyrelsen og borgmesteren skal efter KSL § 31 a sikre, at udvalget får sagen.", [("kommunestyrelsesloven", ["31a"])]),
    ("A-skatten indeholdes af arbejdsgiveren efter KSL § 46.", [("kildeskatteloven", ["46"])]),
    ("Leverancen er fritaget for moms efter ML § 13.", [("momsloven", ["13"])]),
    ("Gevinst ved afståelse af aktier beskattes efter ABL § 12.", [("aktieavancebeskatningsloven", ["12"])]),
    # ... and when none does, the municipal and social meaning, listed first
    ("Se SEL § 107.", [("sel", ["107"])]),
    ("Se KSL § 65.", [("kommunestyrelsesloven", ["65"])]),
    ("Se ABL § 51.", [("abl", ["51"])]),
    ("Afgørelsen efter retssikkerhedslovens § 10 er endelig.", [("rsl", ["10"])]),
    # a name one law lists alone, next to a §
    ("ML § 37 giver fradrag.", [("momsloven", ["37"])]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ABBREVIATIONS, ids=[t[:30] for t, _ in ABBREVIATIONS])
def test_abbreviations_and_shared_names(text: str, expected: Refs, catalogue: LawCatalogue) -> None:
    assert refs(text, catalogue) == expected


NO_LAW = [
    "BL – Danmarks Almene Boliger holder årsmøde.",
    "I arbejdsgruppen sidder repræsentanter fra BUPL, SL og UCN om børn og social indsats.",
    "Modellen bruger ML til at forudsige behovet for hjemmehjælp.",
    "Efter SEL gives hjælp.",  # no context word, no §
    "Kontakt KSL for nærmere oplysninger.",
]


@pytest.mark.parametrize("text", NO_LAW, ids=[t[:30] for t in NO_LAW])
def test_a_shared_abbreviation_alone_names_no_law(text: str, catalogue: LawCatalogue) -> None:
    citations, mentions = find_all(text, catalogue)
    assert citations == [] and mentions == []


def test_a_shared_abbreviation_that_is_no_law_does_not_stop_the_carry_over(catalogue: LawCatalogue) -> None:
    text = "Efter servicelovens § 83 har SL og BUPL drøftet sagen. Hjælpen gives også efter § 85."
    assert refs(text, catalogue) == [("sel", ["83"]), ("sel", ["85"])]


def test_a_shared_name_with_context_words_is_a_mention(catalogue: LawCatalogue) -> None:
    _, mentions = find_all("Hjælpen til borgere med handicap gives efter SEL.", catalogue)
    assert [m.law for m in mentions] == ["sel"]


def test_lower_case_abbreviations_of_legal_writing(catalogue: LawCatalogue) -> None:
    text = "Afgørelsen er ugyldig, jf. fvl. § 19 og offl. § 7, samt kstl. § 61 og grl. § 73."
    assert laws(text, catalogue) == [
        "forvaltningsloven",
        "offentlighedsloven",
        "kommunestyrelsesloven",
        "grundloven",
    ]


def test_the_law_mentioned_above(catalogue: LawCatalogue) -> None:
    text = (
        "Efter forvaltningslovens § 19 skal der partshøres. Efter ovennævnte lovs § 22 skal afgørelsen "
        "begrundes, jf. også § 24 i den nævnte lov og § 25 i den pågældende lov."
    )
    assert laws(text, catalogue) == ["forvaltningsloven"] * 4
    assert all(c.explicit for c in find_citations(text, catalogue))
    assert laws("Efter den nævnte lovs § 3 gives hjælp.", catalogue) == [None]


def test_a_title_ends_at_a_blank_line(catalogue: LawCatalogue) -> None:
    text = (
        "Forslag til lov om ændring af lov om hold af heste\n\nAlmindelige bemærkninger\n\nLovens § 3 ændres."
    )
    _, mentions = find_all(text, catalogue)
    assert [m.law for m in mentions] == ["lov-om-aendring-af-lov-om-hold-af-heste"]
    assert refs(text, catalogue) == [("lov-om-hold-af-heste", ["3"])]
    # a title wrapped over lines (no blank line) is still one title
    assert laws("efter § 2 i lov om hold\naf heste", catalogue) == ["lov-om-hold-af-heste"]


def test_a_text_that_starts_with_a_sentence_about_a_law_is_no_act(catalogue: LawCatalogue) -> None:
    text = "Barnets lov trådte i kraft i 2024. Kommunen har ydet hjælp efter servicelovens § 83. Efter lovens § 85 gives støtte."
    assert laws(text, catalogue) == ["sel", "sel"]
    act = "Barnets lov\n\n§ 1. Loven gælder for børn og unge.\n\n§ 2. Efter lovens § 3 og § 4 skal kommunen …"
    assert refs(act, catalogue) == [("barnets-lov", ["3", "4"])]
