"""The citation parser and resolver: every pattern, the negatives, offsets next to æøå and §."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO
from kommuneatlas.citations import (
    Citation,
    LawCatalogue,
    find_all,
    find_citations,
    find_law_mentions,
    load_catalogue,
)
from kommuneatlas.citations.textmap import TextMap


@pytest.fixture(scope="module")
def catalogue() -> LawCatalogue:
    return load_catalogue(REPO / "data" / "laws.yaml")


def one(text: str, catalogue: LawCatalogue, context_law: str | None = None) -> Citation:
    citations = find_citations(text, catalogue, context_law)
    assert len(citations) == 1, citations
    citation = citations[0]
    assert text[citation.start : citation.end] == citation.raw
    return citation


def fields(citation: Citation) -> dict[str, Any]:
    return {
        "raw": citation.raw,
        "law": citation.law,
        "paragraphs": citation.paragraphs,
        "stk": citation.stk,
        "nr": citation.nr,
        "chapter": citation.chapter,
        "explicit": citation.explicit,
    }


def ref(
    raw: str,
    law: str | None,
    paragraphs: list[str],
    stk: list[str] | None = None,
    nr: list[str] | None = None,
    chapter: list[str] | None = None,
    explicit: bool = True,
) -> dict[str, Any]:
    return {
        "raw": raw,
        "law": law,
        "paragraphs": paragraphs,
        "stk": stk or [],
        "nr": nr or [],
        "chapter": chapter or [],
        "explicit": explicit,
    }


EXPLICIT = [
    # law before the paragraph, abbreviations and genitives
    ("jf. LAB § 31.", ref("LAB § 31", "lab", ["31"])),
    ("efter servicelovens § 83 og § 85 ydes", ref("servicelovens § 83 og § 85", "sel", ["83", "85"])),
    ("jf. Lov om Social Service § 186. Byrådet", ref("Lov om Social Service § 186", "sel", ["186"])),
    ("lov om erhvervsfremme §13:", ref("lov om erhvervsfremme §13", "erhvervsfremmeloven", ["13"])),
    ("BR, § 40", ref("BR, § 40", "bygningsreglementet", ["40"])),
    ("Folkeskolelovens f§ 57d", ref("Folkeskolelovens f§ 57d", "folkeskoleloven", ["57d"])),
    (
        "deponeres efter bekendtgørelse om kommunernes låntagning og meddelelse af garantier mv., jf. § 6 om",
        ref(
            "bekendtgørelse om kommunernes låntagning og meddelelse af garantier mv., jf. § 6",
            "laanebekendtgoerelsen",
            ["6"],
        ),
    ),
    # law after the paragraph
    (
        "§ 2, nr. 1, i lov om en aktiv beskæftigelsesindsats.",
        ref("§ 2, nr. 1, i lov om en aktiv beskæftigelsesindsats", "lab", ["2"], nr=["1"]),
    ),
    ("(relateret til § 83 i serviceloven).", ref("§ 83 i serviceloven", "sel", ["83"])),
    ("§ 83 og § 85 (serviceloven) er", ref("§ 83 og § 85 (serviceloven)", "sel", ["83", "85"])),
    ("§ 109-tilbud efter serviceloven", ref("§ 109-tilbud efter serviceloven", "sel", ["109"])),
    (
        "§ 14 c i Lov om frikommunenetværk",
        ref("§ 14 c i Lov om frikommunenetværk", "frikommuneloven", ["14c"]),
    ),
    (
        "bemærkningerne til § 32, stk. 2 i lovforslag 200 om frikommunenetværk",
        ref("§ 32, stk. 2 i lovforslag 200 om frikommunenetværk", "frikommuneloven", ["32"], stk=["2"]),
    ),
    # lists, ranges, letters
    ("LAB §§ 92-96c vedrørende", ref("LAB §§ 92-96c", "lab", ["92-96c"])),
    (
        "Bekendtgørelse om en aktiv beskæftigelsesindsats §§ 4-6.",
        ref("Bekendtgørelse om en aktiv beskæftigelsesindsats §§ 4-6", "bab", ["4", "5", "6"]),
    ),
    ("SEL § 26-27", ref("SEL § 26-27", "sel", ["26", "27"])),
    ("SEL § 107/108 og", ref("SEL § 107/108", "sel", ["107", "108"])),
    ("LAB § 31 a", ref("LAB § 31 a", "lab", ["31a"])),
    ("Dagtilbudsloven §19a", ref("Dagtilbudsloven §19a", "dagtilbudsloven", ["19a"])),
    ("LAB §§ 26 b og 26 e", ref("LAB §§ 26 b og 26 e", "lab", ["26b", "26e"])),
    ("LAB §§ 14 d og e.", ref("LAB §§ 14 d og e", "lab", ["14d", "14e"])),
    ("LAB §§ 27 c-k.", ref("LAB §§ 27 c-k", "lab", ["27c-27k"])),
    ("LAB §§ 9 c og 9 b", ref("LAB §§ 9 c og 9 b", "lab", ["9c", "9b"])),
    ("Servicelovens §§ 41, 42. Forsøget", ref("Servicelovens §§ 41, 42", "sel", ["41", "42"])),
    ("LAB § 26 i.", ref("LAB § 26 i", "lab", ["26i"])),
    ("SEL § 85 m.v.", ref("SEL § 85", "sel", ["85"])),
    # stk., nr., pkt.
    (
        "servicelovens § 66, stk. 1, nr. 5 og 6",
        ref("servicelovens § 66, stk. 1, nr. 5 og 6", "sel", ["66"], stk=["1"], nr=["5", "6"]),
    ),
    (
        "servicelovens § 66, stk.1, nr. 5",
        ref("servicelovens § 66, stk.1, nr. 5", "sel", ["66"], stk=["1"], nr=["5"]),
    ),
    ("LAB § 31 stk. 3.", ref("LAB § 31 stk. 3", "lab", ["31"], stk=["3"])),
    ("LAB § 2 stk. 1 nr. 11", ref("LAB § 2 stk. 1 nr. 11", "lab", ["2"], stk=["1"], nr=["11"])),
    ("LAB § 1, nr. 2-14, som", ref("LAB § 1, nr. 2-14", "lab", ["1"], nr=["2-14"])),
    ("LAB § 25, stk. 3-5.", ref("LAB § 25, stk. 3-5", "lab", ["25"], stk=["3-5"])),
    (
        "jf. § 3, stk. 2, 5 og 6, i lov om almene boliger mv. og",
        ref("§ 3, stk. 2, 5 og 6, i lov om almene boliger mv.", "abl", ["3"], stk=["2", "5", "6"]),
    ),
    ("ABL §§ 27, stk. 3 og 9 a.", ref("ABL §§ 27, stk. 3 og 9 a", "abl", ["27", "9a"], stk=["3"])),
    (
        "INL § 20, stk. 1, 2. pkt. Det",
        ref("INL § 20, stk. 1, 2. pkt.", "integrationsloven", ["20"], stk=["1"]),
    ),
    ("LAB §§ 2.11 og 2.13, som", ref("LAB §§ 2.11 og 2.13", "lab", ["2"], nr=["11", "13"])),
    # chapters
    ("LAS kapitel 4", ref("LAS kapitel 4", "las", [], chapter=["4"])),
    ("BR, kap. 23 og BBR regler", ref("BR, kap. 23", "bygningsreglementet", [], chapter=["23"])),
    ("efter LAB-lovens kap. 10-12.", ref("LAB-lovens kap. 10-12", "lab", [], chapter=["10-12"])),
    (
        "jf. kapitel 7 og § 73 a i lov om en aktiv beskæftigelsesindsats",
        ref("kapitel 7 og § 73 a i lov om en aktiv beskæftigelsesindsats", "lab", ["73a"], chapter=["7"]),
    ),
    # raw PDF text: line breaks, soft hyphens, blank lines
    ("relateret til § 83 i ser-\nviceloven)", ref("§ 83 i ser-\nviceloven", "sel", ["83"])),
    ("jf. Service-\nlovens §§ 41, 42", ref("Service-\nlovens §§ 41, 42", "sel", ["41", "42"])),
    ("efter LAB-lo-\nvens kap. 10-12.", ref("LAB-lo-\nvens kap. 10-12", "lab", [], chapter=["10-12"])),
    (
        "Lov om frikom-\nmunenetværk § \n30a.",
        ref("Lov om frikom-\nmunenetværk § \n30a", "frikommuneloven", ["30a"]),
    ),
    (
        "jf. § 149 \na i lov om almene boliger mv.",
        ref("§ 149 \na i lov om almene boliger mv.", "abl", ["149a"]),
    ),
    (
        "Lov om fri-\nkommune-\nnetværk \n§§ 9 og \n\n10.",
        ref("Lov om fri-\nkommune-\nnetværk \n§§ 9 og \n\n10", "frikommuneloven", ["9", "10"]),
    ),
    (
        "Bekendtgørelse \nom Frikommune-\nforsøg II på be-\nskæftigelses- og \nsygedagpenge-\nområdet § 3.",
        ref(
            "Bekendtgørelse \nom Frikommune-\nforsøg II på be-\nskæftigelses- og \nsygedagpenge-\nområdet § 3",
            "bek-frikommune-beskaeftigelse",
            ["3"],
        ),
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXPLICIT, ids=[text[:40] for text, _ in EXPLICIT])
def test_explicit_references(text: str, expected: dict[str, Any], catalogue: LawCatalogue) -> None:
    assert fields(one(text, catalogue)) == expected


def test_law_raw_is_the_name_as_written(catalogue: LawCatalogue) -> None:
    citation = one("jf. Service-\nlovens § 46", catalogue)
    assert citation.law_raw == "Service-\nlovens"
    assert one("§ 46 i serviceloven", catalogue).law_raw == "serviceloven"
    assert one("(§ 129)", catalogue).law_raw is None


def test_every_sign_is_its_own_reference_unless_listed(catalogue: LawCatalogue) -> None:
    text = "midlertidige botilbud §107 og længerevarende botilbud §108 (SEL), Borger 1 § 85 §82a"
    assert [c.paragraphs for c in find_citations(text, catalogue)] == [["107"], ["108"], ["85"], ["82a"]]
    assert [c.paragraphs for c in find_citations("§ 82 a og b 5 1% 1 75%", catalogue)] == [["82a", "82b"]]
    assert [c.paragraphs for c in find_citations("§ 103 og 104 22 6%", catalogue)] == [["103", "104"]]


def test_pkt_is_kept_on_the_object(catalogue: LawCatalogue) -> None:
    assert one("INL § 20, stk. 1, 2. pkt.", catalogue).pkt == ["2"]


# --- the law from context ---------------------------------------------------------------------


def test_bare_paragraph_takes_the_law_of_its_sentence(catalogue: LawCatalogue) -> None:
    text = "Forsøg efter § 83 og § 85 i serviceloven I forsøget om optagelse på botilbud (§ 129) er der"
    citations = find_citations(text, catalogue)
    assert fields(citations[1]) == ref("§ 129", "sel", ["129"], explicit=False)


def test_bare_paragraph_takes_the_law_it_is_cited_with_elsewhere(catalogue: LawCatalogue) -> None:
    text = (
        "Udgiften stiger (SEL § 107/108 og ABL § 105).\n\n"
        "Der er behov for flere midlertidige botilbud §107 og længerevarende botilbud §108."
    )
    citations = find_citations(text, catalogue)
    assert [(c.law, c.paragraphs, c.explicit) for c in citations[2:]] == [
        ("sel", ["107"], False),
        ("sel", ["108"], False),
    ]


def test_bare_paragraph_takes_the_law_named_earlier_in_its_section(catalogue: LawCatalogue) -> None:
    text = "Med en af disse foranstaltninger under serviceloven 80 24%\n\nBostøtte § 85 54 16%"
    assert fields(one(text, catalogue)) == ref("§ 85", "sel", ["85"], explicit=False)


def test_context_does_not_cross_a_heading(catalogue: LawCatalogue) -> None:
    text = "Det følger af serviceloven.\n\n2.1 Nye regler\n\nKommunen kan efter § 5 give tilskud."
    assert one(text, catalogue).law is None
    assert one(text, catalogue, context_law="barnets-lov").law == "barnets-lov"


def test_law_named_later_in_the_section_is_the_last_resort(catalogue: LawCatalogue) -> None:
    text = (
        "Bilagstabel 2.4 Status\n\nDispensation fra reglerne om børnesamtalen § 50, så det går hurtigere.\n\n"
        "Målgruppen er beskrevet i Servicelovens § 46."
    )
    first = find_citations(text, catalogue)[0]
    assert (first.law, first.explicit) == ("sel", False)
    assert find_citations(text, catalogue, context_law="lab")[0].law == "lab"


def test_context_law_is_used_when_the_text_names_none(catalogue: LawCatalogue) -> None:
    assert fields(one("Tilbud efter § 107.", catalogue, context_law="sel")) == ref(
        "§ 107", "sel", ["107"], explicit=False
    )
    assert one("Tilbud efter § 107.", catalogue).law is None
    assert one("Tilbud efter LAB § 107.", catalogue, context_law="sel").law == "lab"


def test_shared_name_is_resolved_by_context_words_or_by_the_catalogues_order(catalogue: LawCatalogue) -> None:
    forced = one("kommunerne indberetter tvangsindgreb jfr. retssikkerhedslovens kap. 2.", catalogue)
    assert (forced.law, forced.chapter) == ("retssikkerhedsloven", ["2"])
    social = one("Sager på det sociale område, jf. retssikkerhedslovens § 5.", catalogue)
    assert social.law == "rsl"
    # no context word: the law listed first (the social-area act), or the caller's context law
    assert (one("Se retssikkerhedslovens § 5.", catalogue).law, social.explicit) == ("rsl", True)
    assert one("Se retssikkerhedslovens § 5.", catalogue, context_law="retssikkerhedsloven").law == (
        "retssikkerhedsloven"
    )


# --- what must not fire --------------------------------------------------------------------------

NEGATIVE = [
    "Lovmæssig ikrafttrædelse pr. 1.7. 2017 og pr. 1.12. 2018, senest 31.12. 2018.",
    "Ring på tlf. 1813 eller 8620 1813.",
    "1.6.1 Status for forsøgene\n\n2.2 Foreløbige resultater",
    "Se punkt 6.2, afsnit 2.4.1 og Bilag 4.2 samt Bilagstabel 2.1.",
    "Rapportens kap. 1 og kap. 5 (kap. 7), se kapitel 1.",
    "beskrevet i kapitel 4 i rammeaftalen for 2021-2023",
    "blanket LÆ 265 og LÆ265, lovforslag (L 150), www.ft.dk/lovforslag/l232/index.htm",
    "Ikke alle kommuner har forsøg med begge paragraffer.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_reference_in(text: str, catalogue: LawCatalogue) -> None:
    assert find_citations(text, catalogue) == []


def test_no_law_in_words_that_merely_contain_one(catalogue: LawCatalogue) -> None:
    text = "Grundlovsdag, særskilt frikommunelovgivning, lovgivningen, BBR og Lab-forsøg"
    assert find_law_mentions(text, catalogue) == []


# --- whole-law mentions ---------------------------------------------------------------------------


def test_whole_law_mentions(catalogue: LawCatalogue) -> None:
    text = (
        "Arealer iht. BBR og BR bør være ens. Offentlighedsloven (ikke forvaltningsloven). "
        "I almenboliglo-\nven og ser-\nviceloven; lov om aktiv so-\ncialpolitik; jf. Lov\n\nom Trafikselskaber."
    )
    mentions = find_law_mentions(text, catalogue)
    assert [(m.raw, m.law) for m in mentions] == [
        ("BR", "bygningsreglementet"),
        ("Offentlighedsloven", "offentlighedsloven"),
        ("forvaltningsloven", "forvaltningsloven"),
        ("almenboliglo-\nven", "abl"),
        ("ser-\nviceloven", "sel"),
        ("lov om aktiv so-\ncialpolitik", "las"),
        ("Lov\n\nom Trafikselskaber", "trafikselskabsloven"),
    ]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.raw


def test_names_in_references_are_not_mentions(catalogue: LawCatalogue) -> None:
    citations, mentions = find_all("LAB § 6 og LAB", catalogue)
    assert [c.raw for c in citations] == ["LAB § 6"]
    assert [(m.raw, m.start) for m in mentions] == [("LAB", 11)]


# --- offsets ---------------------------------------------------------------------------------------


def test_offsets_are_python_string_indices(catalogue: LawCatalogue) -> None:
    text = "Ændring: 😀 ÆØÅ æøå § — jf. §§ 4-6 i lov om social service og Å § 7 i LAB."
    citations = find_citations(text, catalogue)
    assert [(c.start, c.raw) for c in citations] == [
        (text.index("§§"), "§§ 4-6 i lov om social service"),
        (text.index("§ 7"), "§ 7 i LAB"),
    ]


PREFIX = st.text(alphabet="æøåÆØÅ§ \n\t.,-–()é😀\u00a0", max_size=40)
BODY = (
    "Efter servicelovens § 83 og § 85 ydes hjælp; jf. § 2, nr. 1, i lov om en ak-\ntiv "
    "beskæftigelsesindsats og LAB-lo-\nvens kap. 10-12 samt Service-\nlovens §§ 41, 42."
)


@settings(max_examples=60, deadline=None)
@given(prefix=PREFIX)
def test_inserting_text_before_shifts_offsets_exactly(prefix: str, catalogue: LawCatalogue) -> None:
    base = find_citations(BODY, catalogue)
    text = prefix + "\n\n" + BODY
    shifted = find_citations(text, catalogue)
    shift = len(prefix) + 2
    assert [(c.start + shift, c.end + shift, c.raw, c.law, c.paragraphs) for c in base] == [
        (c.start, c.end, c.raw, c.law, c.paragraphs) for c in shifted
    ]
    for citation in shifted:
        assert text[citation.start : citation.end] == citation.raw


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="abæøåAB§1- \n\t\u00a0.", max_size=80))
def test_normalised_text_maps_back_character_for_character(text: str) -> None:
    mapped = TextMap(text)
    norm = mapped.norm
    assert len(norm) <= len(text)
    for position, char in enumerate(norm):
        if not char.isspace() and char != "-":
            assert text[mapped.start(position)] == char
            assert mapped.end(position + 1) == mapped.start(position) + 1
            assert mapped.to_norm(mapped.start(position)) == position


def test_normalisation_joins_soft_hyphens_only() -> None:
    assert TextMap("ser-\nviceloven, LAB-\nlovens, be-\nskæftigelses- og\nsygedag-\npenge").norm == (
        "serviceloven, LAB-lovens, beskæftigelses- og sygedagpenge"
    )
    assert TextMap("her-\ntil.").norm == "hertil."
    assert TextMap("a \n\n b\t\tc  d").norm == "a b\tc d"
