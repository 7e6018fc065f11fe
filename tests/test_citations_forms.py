"""How Danish texts cite laws, in sentences of our own: every form issue 13 names.

The forms were studied in public texts (acts and bills on retsinformation.dk, Ombudsman and
Ankestyrelsen statements, ministry pages, municipal minutes, law portals); the sentences
below are written for these tests. Laws the packaged catalogue lacks are chosen on purpose
("lov om sikkerhed til søs", "Ophavsretsloven"); where a test needs a catalogue entry of
its own, it writes one in a temporary data/laws.yaml.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from citation_helpers import refs
from kommuneatlas.citations import Citation, LawCatalogue, find_all, find_citations, load_catalogue
from kommuneatlas.citations.lawnames import title_key, unknown_law_id


def one(text: str, catalogue: LawCatalogue) -> Citation:
    found = find_citations(text, catalogue)
    assert len(found) == 1, found
    return found[0]


# --- the sentences of the issue, with the right answers --------------------------------------------

ISSUE = [
    (
        "jf. servicelovens § 83 og § 85 samt straffelovens § 245 og lov om sikkerhed til søs § 3",
        [("sel", ["83", "85"]), ("straffeloven", ["245"]), ("lov-om-sikkerhed-til-soes", ["3"])],
    ),
    ("efter Aktivlovens § 33 og Ligningslovens § 7", [("las", ["33"]), ("ligningsloven", ["7"])]),
    (
        "efter lov om en aktiv beskæftigelsesindsats § 2 og § 55 i lov nr. 1482 af 23. december 2014 om organisering",
        [("lab", ["2"]), ("lov-om-organisering", ["55"])],
    ),
    ("§ 110 i lov om en aktiv socialpolitik", [("las", ["110"])]),
    ("I § 25, stk. 5, ændres …", [(None, ["25"])]),
    ("§ 6. Frikommunerne kan …", []),
    ("Overskrift\n§ 6. Frikommunerne kan …", []),
    ("se afsnit §6.1 og §13.4", []),
    ("§7Gain a §a+10%", []),
    ("per counsel §5", []),
    ("§ 78 i lov om en aktiv beskæfti- gelsesindsats", [("lab", ["78"])]),
]


@pytest.mark.parametrize(("text", "expected"), ISSUE, ids=[text[:40] for text, _ in ISSUE])
def test_the_issues_sentences(
    text: str, expected: list[tuple[str | None, list[str]]], catalogue: LawCatalogue
) -> None:
    assert refs(text, catalogue) == expected


# --- every law by its name ---------------------------------------------------------------------

NAMES = [
    # one-word names, known and unknown, in every inflection
    ("Kommunen skal følge Forældreansvarslovens § 4.", "foraeldreansvarsloven", ["4"]),
    ("Efter forældreansvarsloven § 19 kan der", "foraeldreansvarsloven", ["19"]),
    ("Sagen afgøres efter sygedagpengelovens § 7, stk. 1.", "sygedagpengeloven", ["7"]),
    ("Det følger af ansættelsesbevislovens § 2", "ansaettelsesbevisloven", ["2"]),
    ("Efter Grundlovens § 82 har kommunerne selvstyre.", "grundloven", ["82"]),
    ("jf. ferielov § 5", "ferieloven", ["5"]),
    ("jf. LAB-lovens § 31", "lab", ["31"]),
    ("se XYZ-lovens § 4", "xyz-loven", ["4"]),
    ("efter SU-lovens § 4", "su-loven", ["4"]),
    ("jf. ligningslovens § 33 A, stk. 1", "ligningsloven", ["33a"]),
    # titles: the catalogue's, its variants, and unknown ones
    ("efter § 12 i lov om en aktiv socialpolitik, som", "las", ["12"]),
    ("efter § 12 i lov om aktiv socialpolitik mv., som", "las", ["12"]),
    ("jf. § 5 i Lov om Social Service.", "sel", ["5"]),
    ("§ 2 i lov om hold af dyr finder anvendelse", "lov-om-hold-af-dyr", ["2"]),
    ("Efter lov om hold af dyr § 2 skal", "lov-om-hold-af-dyr", ["2"]),
    ("§ 8 i lov om afgift af stenkul m.v. og § 9", "lov-om-afgift-af-stenkul", ["8"]),
    ("§ 3 i bekendtgørelse om hold af heste, jf. § 2", "bekendtgoerelse-om-hold-af-heste", ["3"]),
    ("§ 4 i forslag til lov om trafikselskaber", "trafikselskabsloven", ["4"]),
    ("svarer til § 4 i den tidligere lov om social bistand.", "lov-om-social-bistand", ["4"]),
    ("Efter § 2 i lov om hold af dyr ydes hjælp", "lov-om-hold-af-dyr", ["2"]),
    (
        "§ 3 i lov om kommunal indsats for unge under 25 år skal",
        "kommunal-ungeindsats",
        ["3"],
    ),
    # the title ends before "jf.", a comma, "som ændret", a §, a verb
    (
        "§ 7 i lov om sikkerhed til søs, jf. lovbekendtgørelse nr. 9 af 1. marts 2020",
        "lov-om-sikkerhed-til-soes",
        ["7"],
    ),
    (
        "§ 7 i lov om sikkerhed til søs som ændret ved lov nr. 3 af 2. maj 2021",
        "lov-om-sikkerhed-til-soes",
        ["7"],
    ),
    ("Efter § 7 i lov om sikkerhed til søs skal rederiet", "lov-om-sikkerhed-til-soes", ["7"]),
    ("§ 7 i lov om sikkerhed til søs kan ikke", "lov-om-sikkerhed-til-soes", ["7"]),
    # titles wrapped and hyphenated across lines
    ("efter § 7 i lov om sik-\nkerhed til søs", "lov-om-sikkerhed-til-soes", ["7"]),
    ("efter § 78 i lov om en aktiv beskæfti-\ngelsesindsats", "lab", ["78"]),
    ("Se § 9 i ser-\nviceloven.", "sel", ["9"]),
]


@pytest.mark.parametrize(("text", "law", "paragraphs"), NAMES, ids=[text[:40] for text, _, _ in NAMES])
def test_any_law_by_its_name(text: str, law: str, paragraphs: list[str], catalogue: LawCatalogue) -> None:
    citation = find_citations(text, catalogue)[0]
    assert (citation.law, citation.paragraphs, citation.explicit) == (law, paragraphs, True)
    assert citation.law_known == (law in catalogue)


def test_unknown_law_title_is_the_name_as_written(catalogue: LawCatalogue) -> None:
    assert one("jf. straffelovens § 245", catalogue).law_title == "Straffeloven"
    assert one("§ 3 i lov om sikkerhed til søs", catalogue).law_title == "Lov om sikkerhed til søs"
    known = one("§ 3 i lov om en aktiv socialpolitik", catalogue)
    assert (known.law_title, known.law_known) == ("Lov om aktiv socialpolitik", True)
    bare = one("efter § 3 her", catalogue)
    assert (bare.law, bare.law_title, bare.law_known) == (None, None, False)


def test_words_that_end_like_a_law_are_none(catalogue: LawCatalogue) -> None:
    text = "Under barselsorloven og forældreorlov gælder lovgivningen; lovbekendtgørelsen og orloven § 3."
    _, mentions = find_all(text, catalogue)
    assert mentions == []


# --- act citations ------------------------------------------------------------------------------------

ACTS = [
    ("§ 16 i lov nr. 551 af 7. maj 2019", "lov-2019-551", "LOV", 551, "2019-05-07"),
    ("Se LBK nr 1078 af 15/08/2022 § 4.", "lbk-2022-1078", "LBK", 1078, "2022-08-15"),
    ("§ 2 i bekendtgørelse nr. 1232 af 1.10.2021", "bek-2021-1232", "BEK", 1232, "2021-10-01"),
    ("§ 9 i lovbekendtgørelse nr. 86 af 3. feb. 2023", "lbk-2023-86", "LBK", 86, "2023-02-03"),
    (
        "§ 1, nr. 3, i lov nr. 77 af 4. marts 2020 om ændring af lov om social service",
        "lov-2020-77",
        "LOV",
        77,
        "2020-03-04",
    ),
]


@pytest.mark.parametrize(("text", "law", "kind", "number", "day"), ACTS, ids=[a[0][:30] for a in ACTS])
def test_act_citations(
    text: str, law: str, kind: str, number: int, day: str, catalogue: LawCatalogue
) -> None:
    citation = one(text, catalogue)
    assert citation.law == law and not citation.law_known
    assert citation.act is not None
    year = day[:4]
    assert citation.act.as_json() == {
        "type": kind,
        "number": number,
        "date": day,
        "url": f"https://www.retsinformation.dk/eli/lta/{year}/{number}",
    }


def test_which_id_an_act_citation_gets(catalogue: LawCatalogue, tmp_path: Path) -> None:
    # a title the catalogue knows: that law (the act is it, or its consolidation)
    known = one("§ 5 i lovbekendtgørelse nr. 170 af 2. marts 2022 om social service", catalogue)
    assert (known.law, known.act and known.act.id) == ("sel", "lbk-2022-170")
    # a title it lacks that amends nothing: the law of that title
    titled = one("§ 2 i lov nr. 20 af 3. januar 2019 om hold af dyr", catalogue)
    assert titled.law == "lov-om-hold-af-dyr" == one("§ 2 i lov om hold af dyr", catalogue).law
    # an amending act, or no title: the act itself
    assert (
        one("§ 2 i lov nr. 20 af 3. januar 2019 om ændring af lov om hold af dyr", catalogue).law
        == "lov-2019-20"
    )
    # an act whose address is a catalogue law's url: that law
    path = tmp_path / "laws.yaml"
    path.write_text(
        "laws:\n  - id: soelov\n    title: Lov om sikkerhed til søs\n"
        "    url: https://www.retsinformation.dk/eli/lta/2021/1070\n",
        encoding="utf-8",
    )
    assert one("§ 3 i lov nr. 1070 af 4. juni 2021", load_catalogue(path)).law == "soelov"


def test_act_cited_as_the_text_of_the_law_before_it(catalogue: LawCatalogue) -> None:
    text = "efter servicelovens § 83, jf. lovbekendtgørelse nr. 1078 af 15/08/2022, og"
    citation = one(text, catalogue)
    assert (citation.law, citation.paragraphs) == ("sel", ["83"])
    assert citation.act is not None and citation.act.id == "lbk-2022-1078"
    _, mentions = find_all(text, catalogue)
    assert [(m.raw, m.law) for m in mentions] == [("lovbekendtgørelse nr. 1078 af 15/08/2022", "sel")]


def test_a_short_name_in_parentheses_names_the_same_law(catalogue: LawCatalogue) -> None:
    text = "efter bekendtgørelse nr. 15 af 2. maj 2022 om tilbud om pasning (pasningsbekendtgørelsen) § 2"
    citation = one(text, catalogue)
    assert (citation.raw, citation.law, citation.explicit) == (
        "(pasningsbekendtgørelsen) § 2",
        "pasningsbekendtgoerelsen",
        True,
    )
    text = "jf. lov om offentlighed i forvaltningen (offentlighedslovens) § 7 og lov om hold af dyr (dyreholdsloven) § 3"
    citations, mentions = find_all(text, catalogue)
    assert [(c.law, c.paragraphs) for c in citations] == [
        ("offentlighedsloven", ["7"]),
        ("dyreholdsloven", ["3"]),
    ]
    assert [m.law for m in mentions] == ["offentlighedsloven", "dyreholdsloven"]


def test_an_act_number_without_date_is_not_guessed(catalogue: LawCatalogue) -> None:
    assert refs("Kommunen henviste til bestemmelsen, jf. 15, stk. 3, i lov nr. 434.", catalogue) == []
    assert refs("Efter servicelovens § 2 og § 4 i lov nr. 434 skal", catalogue) == [
        ("sel", ["2"]),
        (None, ["4"]),
    ]


# --- resolution rules ------------------------------------------------------------------------------------


def test_a_postposed_name_applies_to_the_whole_list(catalogue: LawCatalogue) -> None:
    citation = one("Tilskud gives efter §§ 76, 77 og 82 i lov om hold af dyr.", catalogue)
    assert (citation.law, citation.paragraphs) == ("lov-om-hold-af-dyr", ["76", "77", "82"])
    text = "I medfør af § 4, § 6, stk. 2, og §§ 9-10 i lov nr. 12 af 1. juli 2020 om hold af dyr fastsættes:"
    assert refs(text, catalogue) == [("lov-om-hold-af-dyr", ["4", "6", "9", "10"])]


def test_an_act_citation_takes_the_paragraphs_after_the_last_sign(catalogue: LawCatalogue) -> None:
    text = "efter servicelovens § 41, stk. 2, og § 3 i lov nr. 12 af 1. juli 2020 om ændring af lov om hold af dyr"
    assert refs(text, catalogue) == [("sel", ["41"]), ("lov-2020-12", ["3"])]


def test_a_law_name_ends_the_reach_of_the_one_before(catalogue: LawCatalogue) -> None:
    text = "Efter serviceloven gives hjælp. Efter lov om hold af dyr gælder dog § 7."
    assert refs(text, catalogue) == [("lov-om-hold-af-dyr", ["7"])]
    text = "Efter serviceloven og ændringsloven gælder § 7."
    assert refs(text, catalogue) == [(None, ["7"])]
    text = "Efter artikel 6 i databeskyttelsesforordningen gælder § 7."
    assert refs(text, catalogue) == [(None, ["7"])]


def test_own_law_words(catalogue: LawCatalogue) -> None:
    act = "Lov om hold af dyr\n\n§ 1. Loven gælder for dyr.\n\n§ 2. Efter denne lovs § 1 og lovens § 3, jf. § 4, skal ejeren"
    assert refs(act, catalogue) == [
        ("lov-om-hold-af-dyr", ["1"]),
        ("lov-om-hold-af-dyr", ["3"]),
        ("lov-om-hold-af-dyr", ["4"]),
    ]
    letter = "Kommunen har truffet afgørelse efter servicelovens § 83. Efter lovens § 85 kan der gives hjælp."
    assert refs(letter, catalogue) == [("sel", ["83"]), ("sel", ["85"])]  # the law named last
    assert refs("jf. lovforslagets § 2 og § 3", catalogue) == []  # the bill's own §§


def test_the_same_law(catalogue: LawCatalogue) -> None:
    text = "efter Forældreansvarslovens § 4 og § 7 i samme lov, jf. samme lovs § 9"
    law = "foraeldreansvarsloven"
    assert refs(text, catalogue) == [(law, ["4"]), (law, ["7"]), (law, ["9"])]


def test_amendment_instructions_belong_to_the_amended_law(catalogue: LawCatalogue) -> None:
    bill = (
        "Forslag til lov om ændring af lov om social service\n\n§ 1\n\n"
        "I lov om social service, jf. lovbekendtgørelse nr. 170 af 2. marts 2022, som ændret ved § 4 i lov "
        "nr. 88 af 5. maj 2022, foretages følgende ændringer:\n\n"
        "1. I § 41, stk. 2, ændres »§ 42« til: »§ 43«.\n\n"
        "2. Efter § 44 indsættes:\n\n»§ 44 a. Kommunen kan efter denne lov yde hjælp, jf. straffelovens § 9.«\n\n"
        "§ 2\n\nLoven træder i kraft den 1. juli 2023, jf. dog § 3.\n"
    )
    assert refs(bill, catalogue) == [
        ("lov-2022-88", ["4"]),
        ("sel", ["41"]),
        ("sel", ["42"]),
        ("sel", ["43"]),
        ("sel", ["44"]),
        ("straffeloven", ["9"]),
        ("lov-om-aendring-af-lov-om-social-service", ["3"]),
    ]


def test_a_law_named_after_a_bare_paragraph_counts_only_in_a_table(catalogue: LawCatalogue) -> None:
    prose = "Kommunen træffer afgørelse efter § 4. Klagen går efter reglerne i lov om hold af dyr."
    assert refs(prose, catalogue) == [(None, ["4"])]
    table = "Tabel 3 Forsøg\n\nHjemmel\tAfgørelse efter § 4\tLov om hold af dyr"
    assert refs(table, catalogue) == [("lov-om-hold-af-dyr", ["4"])]


def test_a_bare_paragraph_still_takes_the_law_of_its_sentence(catalogue: LawCatalogue) -> None:
    text = "Hjælpen efter serviceloven gives som botilbud (§ 108), og lov om hold af dyr gælder."
    assert refs(text, catalogue) == [("sel", ["108"])]
    found = find_citations(text, catalogue)[0]
    assert not found.explicit and found.law_raw is None


# --- the grammar ------------------------------------------------------------------------------------------


def test_a_law_right_after_the_number(catalogue: LawCatalogue) -> None:
    assert refs("Hjemmel: § 107 SEL, § 4 Forældreansvarsloven", catalogue) == [
        ("sel", ["107"]),
        ("foraeldreansvarsloven", ["4"]),
    ]
    assert refs("efter § 5. Serviceloven gælder", catalogue) == [(None, ["5"])]


def test_stk_nr_pkt_and_the_law_after(catalogue: LawCatalogue) -> None:
    citation = one("efter § 5, stk. 2, 2. pkt., i lov om social service.", catalogue)
    assert (citation.law, citation.paragraphs, citation.stk, citation.pkt) == ("sel", ["5"], ["2"], ["2"])


def test_several_sentences_of_a_subsection(catalogue: LawCatalogue) -> None:
    text = "jf. § 72, stk. 1, 1. og 2. pkt., i serviceloven og § 4, stk. 2, 1.-3. pkt., i LAB"
    found = find_citations(text, catalogue)
    assert [(c.law, c.paragraphs, c.stk, c.pkt) for c in found] == [
        ("sel", ["72"], ["1"], ["1", "2"]),
        ("lab", ["4"], ["2"], ["1", "3"]),
    ]


def test_the_word_paragraf(catalogue: LawCatalogue) -> None:
    text = "Der er afsat paragraf 18-midler efter serviceloven og paragrafferne 7 og 8 i LAB."
    assert refs(text, catalogue) == [("sel", ["18"]), ("lab", ["7", "8"])]
    assert refs("Ikke alle paragraffer gælder, se paragraf-listen.", catalogue) == []


def test_signs_glued_or_split(catalogue: LawCatalogue) -> None:
    assert refs("jf. LAB §§26 b og 26 e", catalogue) == [("lab", ["26b", "26e"])]
    assert refs("Lov om frikommunenetværk §\n30a.", catalogue) == [("frikommuneloven", ["30a"])]
    assert refs("1. § 3\nb affattes således i LAB", catalogue)[0][1] == ["3b"]


def test_headings_are_no_references(catalogue: LawCatalogue) -> None:
    act = "Kapitel 2\n\nFormål\n\n§ 6. Kommunen yder hjælp efter § 5.\n\nStk. 2. Hjælpen gives efter stk. 1.\n\n§ 7. Her."
    assert refs(act, catalogue) == [(None, ["5"])]
    assert refs("Loven træder i kraft. § 7. Kommunen kan efter servicelovens § 8 yde hjælp.", catalogue) == [
        ("sel", ["8"])
    ]
    # a reference that wrapped before its number is no heading
    assert refs("Det følger af servicelovens\n§ 85. Hjælpen gives.", catalogue) == [("sel", ["85"])]
    assert refs("Lov om social service\n\n§ 85. Hjælpen gives.", catalogue) == []
    assert refs("Det er hjemlet i\n§ 85. Hjælpen gives.", catalogue) == [(None, ["85"])]


def test_section_numbers_and_target_groups(catalogue: LawCatalogue) -> None:
    assert refs("Se §§ 2.2.2.2 og § 4.1 i bilaget", catalogue) == []
    assert refs("målgruppen efter LAB § 2.11", catalogue) == [("lab", ["2"])]


def test_english_sentences(catalogue: LawCatalogue) -> None:
    assert refs("The fee was paid per counsel §5 of the agreement.", catalogue) == []
    assert refs("Se også § 5 i serviceloven (the Social Services Act).", catalogue) == [("sel", ["5"])]


def test_eu_articles_are_not_paragraphs(catalogue: LawCatalogue) -> None:
    text = "jf. artikel 6, stk. 1, litra e, i databeskyttelsesforordningen og databeskyttelseslovens § 6"
    citations, mentions = find_all(text, catalogue)
    assert [(c.law, c.paragraphs) for c in citations] == [("databeskyttelsesloven", ["6"])]
    assert [m.law for m in mentions] == ["gdpr"]


def test_eu_acts_by_number_end_the_reach_of_a_law(catalogue: LawCatalogue) -> None:
    text = "Efter serviceloven og artikel 6 i forordning (EU) 2016/679 og direktiv (EU) 2019/1158, jf. § 5."
    citations, mentions = find_all(text, catalogue)
    assert [(c.law, c.paragraphs) for c in citations] == [(None, ["5"])]
    assert [m.law for m in mentions] == ["sel", "gdpr", "direktiv-eu-2019-1158"]
    assert refs("GDPR § 1", catalogue) == [(None, ["1"])]  # also at the start of a text


def test_chapters(catalogue: LawCatalogue) -> None:
    assert [(c.law, c.chapter) for c in find_citations("jf. kapitel 7 i lov om hold af dyr", catalogue)] == [
        ("lov-om-hold-af-dyr", ["7"])
    ]


def test_pieces_are_one_per_item(catalogue: LawCatalogue) -> None:
    text = "jf. §§ 76, 77 og 82 i lov om hold af dyr og servicelovens § 83, stk. 2, og § 85"
    pieces = [
        (text[p.start : p.end], p.paragraphs, p.stk)
        for citation in find_citations(text, catalogue)
        for p in citation.pieces
    ]
    assert pieces == [
        ("§§ 76", ("76",), ()),
        ("77", ("77",), ()),
        ("82 i lov om hold af dyr", ("82",), ()),
        ("servicelovens § 83, stk. 2", ("83",), ("2",)),
        ("§ 85", ("85",), ()),
    ]


def test_offsets_next_to_multibyte_characters(catalogue: LawCatalogue) -> None:
    text = "Ø 😀 § æ: jf. Forældreansvarslovens § 4 og lov om søfart på åen § 2 (ÆØÅ) og LBK nr 1 af 1/1/2020 § 3."
    for citation in find_citations(text, catalogue):
        assert text[citation.start : citation.end] == citation.raw
        for piece in citation.pieces:
            assert text[piece.start : piece.end].strip() == text[piece.start : piece.end]
    assert [c.raw for c in find_citations(text, catalogue)] == [
        "Forældreansvarslovens § 4",
        "lov om søfart på åen § 2",
        "LBK nr 1 af 1/1/2020 § 3",
    ]


# --- ids of laws the catalogue lacks -------------------------------------------------------------------


def test_unknown_law_ids_are_stable_across_forms() -> None:
    assert {
        unknown_law_id(n) for n in ("Forældreansvarsloven", "forældreansvarslovens", "forældreansvarslov")
    } == {"foraeldreansvarsloven"}
    assert {
        unknown_law_id(n)
        for n in (
            "lov om sikkerhed til søs",
            "Lov om Sikkerhed til Søs",
            "Forslag til lov om sikkerhed til søs",
            "lov om sikkerhed til søs m.v.",
            "lov om sikkerhed til søs mv.",
            "lov om sikkerhed til søs (søloven)",
        )
    } == {"lov-om-sikkerhed-til-soes"}
    assert unknown_law_id("lov om en aktiv socialpolitik") == unknown_law_id("lov om aktiv socialpolitik")
    assert (
        unknown_law_id("lov om social service", taken={"lov-om-social-service"}) == "lov-om-social-service-2"
    )
    assert title_key("Lovforslag nr. L 12 om hold af dyr") == "lov om hold af dyr"


# --- properties ------------------------------------------------------------------------------------------------

SENTENCES = [
    ("Efter § 7 i lov om sikkerhed til søs kan rederiet søge.", ("lov-om-sikkerhed-til-soes", ["7"])),
    ("Hjælpen gives efter Forældreansvarslovens § 19, stk. 2.", ("foraeldreansvarsloven", ["19"])),
    ("Kommunen følger servicelovens §§ 83 og 85 her.", ("sel", ["83", "85"])),
    ("Det følger af § 2 i lov om en aktiv beskæftigelsesindsats.", ("lab", ["2"])),
]


def _rewrap(text: str, breaks: list[int], hyphen_at: int | None) -> str:
    """``text`` with some blanks turned into line breaks and one word hyphenated at a line end."""
    chars = list(text)
    blanks = [i for i, char in enumerate(chars) if char == " "]
    for b in breaks:
        chars[blanks[b % len(blanks)]] = "\n"
    if hyphen_at is not None:
        inner = [i for i in range(1, len(text)) if text[i - 1].isalpha() and text[i].isalpha()]
        i = inner[hyphen_at % len(inner)]
        chars[i] = "-\n" + chars[i]
    return "".join(chars)


@settings(max_examples=120, deadline=None)
@given(
    sentence=st.sampled_from(SENTENCES),
    breaks=st.lists(st.integers(min_value=0, max_value=50), max_size=4),
    hyphen_at=st.one_of(st.none(), st.integers(min_value=0, max_value=200)),
    line_became_space=st.booleans(),
)
def test_a_reference_survives_rewrapping_and_hyphenation(
    sentence: tuple[str, tuple[str, list[str]]],
    breaks: list[int],
    hyphen_at: int | None,
    line_became_space: bool,
    catalogue: LawCatalogue,
) -> None:
    text, expected = sentence
    wrapped = _rewrap(text, breaks, hyphen_at)
    if line_became_space:
        wrapped = wrapped.replace("-\n", "- ")
    assert refs(wrapped, catalogue) == [expected]


UNKNOWN_NAMES = [
    "lov om hold af heste",
    "Hegnslovens",
    "lov om søfart",
    "bekendtgørelse om skilte",
    "Fiskeriloven",
]


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(UNKNOWN_NAMES),
    first=st.sampled_from(["servicelovens § 83", "LAB § 31", "lov om social service"]),
    filler=st.sampled_from(["", " og", ", samt", " og efter", ". Desuden gælder"]),
)
def test_an_unknown_law_between_a_law_and_a_bare_paragraph_stops_the_carry_over(
    name: str, first: str, filler: str, catalogue: LawCatalogue
) -> None:
    before = f"Efter {first}{filler} gælder § 12."
    carried = find_citations(before, catalogue)[-1]
    assume(carried.law is not None)
    text = f"Efter {first}{filler} {name} gælder § 12."
    last = find_citations(text, catalogue)[-1]
    assert last.paragraphs == ["12"]
    assert last.law != carried.law
    assert last.law is None or not last.law_known


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet="§ 0123456789abcæøåLOVlovsmtk.,-\n/()»«😀", max_size=60))
def test_offsets_always_slice_raw(text: str, catalogue: LawCatalogue) -> None:
    citations, mentions = find_all(text, catalogue)
    for found in [*citations, *mentions]:
        assert text[found.start : found.end] == found.raw
    for citation in citations:
        for piece in citation.pieces:
            assert citation.start <= piece.start < piece.end <= citation.end
