"""Line joining and hyphenation rules shared by all extractors."""

from hypothesis import given
from hypothesis import strategies as st

from kommuneatlas.text.clean import collapse_ws, fold, join_hyphenated, join_lines, paragraphs, shorten


def test_soft_hyphen_between_lower_case_letters_is_removed() -> None:
    assert join_lines(["Fleksibili-", "tet i forhold"]) == "Fleksibilitet i forhold"


def test_hyphen_after_capital_or_digit_is_kept() -> None:
    assert join_lines(["KKR-", "sekretariatet"]) == "KKR-sekretariatet"
    assert join_lines(["LAB-lo-", "vens kap. 10-12"]) == "LAB-lovens kap. 10-12"


def test_hyphen_before_conjunction_is_an_elided_compound() -> None:
    assert (
        join_lines(["beskæftigelses-", "og sygedagpengeområdet"]) == "beskæftigelses- og sygedagpengeområdet"
    )
    assert (
        join_lines(["beskæftigelses- og", "sygedagpenge-", "området"])
        == "beskæftigelses- og sygedagpengeområdet"
    )


def test_conjunction_with_nothing_after_it_is_a_soft_break() -> None:
    assert join_lines(["samtykke her-", "til"]) == "samtykke hertil"
    assert join_lines(["ældre-", "og", "ungdomsboliger"]) == "ældre- og ungdomsboliger"


def test_real_hyphen_inside_a_line_stays() -> None:
    assert join_lines(["Ikast-Brande og", "Høje-Taastrup"]) == "Ikast-Brande og Høje-Taastrup"


def test_paragraphs_break_after_sentence_end_and_blank_line() -> None:
    lines = ["Første sætning fort-", "", "sætter her.", "", "Andet afsnit."]
    assert paragraphs(lines) == ["Første sætning fortsætter her.", "Andet afsnit."]


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå", min_size=1, max_size=12)


@given(st.lists(words, min_size=1, max_size=30), st.data())
def test_rewrapping_without_hyphens_never_changes_the_text(tokens: list[str], data: st.DataObject) -> None:
    """Any wrapping of a hyphen-free text at word boundaries joins back to the same text."""
    text = " ".join(tokens)
    cuts = sorted(set(data.draw(st.lists(st.integers(1, len(tokens)), max_size=len(tokens)))))
    lines, start = [], 0
    for cut in [*cuts, len(tokens)]:
        if cut > start:
            lines.append(" ".join(tokens[start:cut]) + " ")
            lines.append("")
            start = cut
    assert join_lines(lines) == text


@given(words, words)
def test_soft_hyphenation_of_one_word_joins_to_the_word(left: str, right: str) -> None:
    if right.split(" ")[0] in {"og", "eller", "samt", "som", "til", "henholdsvis"}:
        return
    assert join_hyphenated(f"{left}-", right) == left + right


@given(st.text())
def test_collapse_ws_is_idempotent(text: str) -> None:
    once = collapse_ws(text)
    assert collapse_ws(once) == once
    assert "  " not in once


def test_shorten_cuts_at_a_word_within_the_limit() -> None:
    assert shorten("Kommunen udpeger to medlemmer", 20) == "Kommunen udpeger to …"
    assert shorten("Kommunen udpeger to medlemmer", 29) == "Kommunen udpeger to medlemmer"
    assert shorten("Frikommuneforsøget", 5) == "Friko …"  # one long word: cut inside it


def test_fold_compares_names_without_accents_case_and_spacing() -> None:
    assert fold("  Én  plan for\nSAMMENHÆNGENDE indsats. ") == "en plan for sammenhængende indsats"
    assert fold("Idé-udvikling") == fold("ide-udvikling")
