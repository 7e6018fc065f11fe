"""What a converter's layout adds to a text, and what the extractors infer where it leaves out
what the bundled exports say with blank lines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import edited_copy
from kommuneatlas.extract import regional_proposal
from kommuneatlas.extract.common.layout import (
    clean_line,
    furniture,
    is_indented,
    is_page_start,
    normalised_lines,
)
from kommuneatlas.extract.frikommune.chapters import blank_lines_divide, paragraphs
from kommuneatlas.sources.manifest import SourceDocument
from kommuneatlas.sources.reference import KommuneIndex


def test_a_line_is_cleaned_of_what_converters_add() -> None:
    assert clean_line("Aalborg\u00a0Kommune \u00a0\r") == "Aalborg Kommune"
    assert clean_line("\ufeffForord\u200b") == "Forord"
    assert clean_line("\t<p>celle</p>\t") == "\t<p>celle</p>\t"  # tabs divide cells: they stay
    assert clean_line(" \u00a0 ") == ""
    assert clean_line("\fSide to") == "\fSide to"
    assert clean_line(" \f Side to") == "\f  Side to"  # the page break first, the indentation kept
    assert clean_line("midt\fi") == "midt i"


def test_page_starts_and_indentation() -> None:
    assert is_page_start("\fKapitel") and is_page_start(" Kapitel") and not is_page_start("Kapitel")
    assert not is_page_start("\f") and not is_page_start(" ")
    assert is_indented(" Et samarbejde") and is_indented("\f Et samarbejde") and not is_indented("\fEt")


def test_a_page_break_on_a_line_of_its_own_moves_to_the_next_text() -> None:
    assert normalised_lines(["slut.", "\f", "", "Ny side"]) == ("slut.", "", "", "\fNy side")


def test_page_numbers_and_the_running_line_beside_them_are_furniture() -> None:
    lines = []
    for page in range(1, 5):
        lines += [
            "Ministeriet for Eksempler · notat",
            f"Side {page} af 4",
            "Baggrund" if page < 3 else "Tekst.",
        ]
        lines += ["Brødtekst på siden.", ""]
    found = furniture(lines)
    assert {lines[i] for i in found} == {
        "Ministeriet for Eksempler · notat",
        *(f"Side {p} af 4" for p in range(1, 5)),
    }
    # "Baggrund" stands beside the page number on two pages of four: a heading, not furniture
    assert not any(lines[i] == "Baggrund" for i in found)
    assert normalised_lines(lines)[:3] == ("", "", "Baggrund")


def test_page_numbers_in_words_only() -> None:
    lines = ["Side 3 af 12", "- 4 -", "5/12", "side 6", "Side 7 af 12 i alt", "12 borgere"]
    assert furniture(lines) == {0, 1, 2, 3}


def test_a_series_of_page_numbers_has_its_own_running_lines() -> None:
    """Two letters in one bundle, each with its own footer: each footer is furniture of its series."""
    lines = []
    for letter, pages in (("Brev fra A", 3), ("Brev fra B", 2)):
        for page in range(1, pages + 1):
            lines += [f"Indhold {letter} {page}.", letter, f"Side {page} af {pages}"]
    assert {lines[i] for i in furniture(lines)} >= {"Brev fra A", "Brev fra B"}


@settings(deadline=None, max_examples=50)
@given(st.lists(st.text(alphabet="abcæø .,:-§1\u00a0\t", max_size=30), max_size=30))
def test_normalising_keeps_the_lines_and_is_idempotent(lines: list[str]) -> None:
    once = normalised_lines(lines)
    assert len(once) == len(lines)
    assert normalised_lines(once) == once


# --- what extractors infer where blank lines are missing -------------------------------------


def test_frikommune_paragraphs_without_blank_lines_end_at_sentence_ends() -> None:
    lines = list(
        enumerate(
            [
                "Netværket har afprøvet nye regler i tre kommuner. De har vist sig",
                "nyttige. Kommunerne vil fortsætte med dem.",
                "Status er, at alle forsøg er i gang, og at",
                "evalueringen er begyndt.",
                "\uf0b7 Interview med koordinatoren",
                "\uf0b7 Spørgeskema til medarbejderne",
            ],
            1,
        )
    )
    assert not blank_lines_divide(lines)
    found = paragraphs(lines, blank_breaks=False)
    assert [(p.text, p.bullet) for p in found] == [
        (
            "Netværket har afprøvet nye regler i tre kommuner. De har vist sig nyttige. Kommunerne vil "
            "fortsætte med dem.",
            False,
        ),
        ("Status er, at alle forsøg er i gang, og at evalueringen er begyndt.", False),
        ("Interview med koordinatoren", True),
        ("Spørgeskema til medarbejderne", True),
    ]
    with_blank = [*lines[:2], (9, ""), *lines[2:]]
    assert blank_lines_divide(with_blank)
    # a blank line before a page start is a page break, not a paragraph's end
    assert not blank_lines_divide([(1, "Tekst og"), (2, ""), (3, " mere tekst.")])


def _proposal(proposal: SourceDocument, text: str, kommuner: KommuneIndex) -> dict[str, object]:
    data: dict[str, object] = regional_proposal.extract(edited_copy(proposal, text), kommuner)[0].data
    return data


def test_proposal_without_blank_lines_title_by_width_list_by_back_reference(
    documents: dict[str, SourceDocument], kommuner: KommuneIndex
) -> None:
    text = "\n".join(
        [
            " Forslag om samarbejde mellem Skive Kommune og",
            "Region Midtjylland om et bosted",
            "Skive Kommunes byråd har den 3. marts 2021 besluttet at overtage bostedet, og regionen har frist",
            "til at komme med et andet forslag. Regionen har drøftet sagen med kommunen flere gange.",
            "Region Midtjylland foreslår følgende:",
            " Et samarbejde om visitation af borgere til kommunale tilbud, så borgerne kan flytte nærmere",
            "deres familie.",
            "Regionen giver en rabat på taksten i de første tre år.",
            " Et samarbejde om faglig sparring mellem medarbejderne på bostedet og i kommunen.",
            "Det foreslås, at ovenstående drøftes på et møde mellem direktionerne.",
        ]
    )
    data = _proposal(documents["000"], text, kommuner)
    assert data["parsed_title"] == (
        "Forslag om samarbejde mellem Skive Kommune og Region Midtjylland om et bosted"
    )
    proposals = data["proposals"]
    assert isinstance(proposals, list)
    assert [p["line"] for p in proposals] == [6, 9]
    assert proposals[0]["paragraphs"][1]["text"].startswith("Regionen giver en rabat")
    assert "ovenstående" not in proposals[1]["text"]


def test_proposal_bullets_are_items_too(documents: dict[str, SourceDocument], kommuner: KommuneIndex) -> None:
    lines = list(documents["000"].lines)
    for number in (80, 103, 113, 127, 137):  # the export's indentation, as a bullet instead
        lines[number - 1] = "• " + lines[number - 1].strip()
    data = _proposal(documents["000"], "\n".join(lines), kommuner)
    proposals = data["proposals"]
    assert isinstance(proposals, list) and len(proposals) == 5
    assert proposals[1]["text"].startswith("Et samarbejde om eventuel visitation")
    (section,) = data["sections"]  # type: ignore[misc]
    assert sum(p["text"].startswith("- Et samarbejde") for p in section["paragraphs"]) == 5
