"""Where sentences end (text/sentences.py): the one definition the extractors use, with the options
the citations' context needs (table cells, markup)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kommuneatlas.text.sentences import (
    ends_sentence,
    is_abbreviation,
    sentence_at,
    sentence_bounds,
    sentence_breaks,
)


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_bounds(text)]


def test_a_stop_before_what_begins_a_sentence_ends_one() -> None:
    assert sentences(
        "Mødet blev holdt. Én sag udsattes! Hvorfor? »Det vides ikke«. (Se bilag). § 5 gælder."
    ) == [
        "Mødet blev holdt.",
        "Én sag udsattes!",
        "Hvorfor?",
        "»Det vides ikke«.",
        "(Se bilag).",
        "§ 5 gælder.",
    ]
    assert sentences("Punktet blev drøftet. og så videre") == ["Punktet blev drøftet. og så videre"]


def test_abbreviations_initials_and_dates_end_no_sentence() -> None:
    text = (
        "Det sker jf. Lov om social service (jf. Bekendtgørelsen) og bl.a. Aalborg. Ca. 5 mio. kr. "
        "Ifølge A. Hansen trådte det i kraft pr. 1.7. 2017 og kl. 10 den 3. okt. Næste møde følger."
    )
    assert sentences(text) == [
        "Det sker jf. Lov om social service (jf. Bekendtgørelsen) og bl.a. Aalborg.",
        "Ca. 5 mio. kr. Ifølge A. Hansen trådte det i kraft pr. 1.7. 2017 og kl. 10 den 3. okt. Næste møde følger.",
    ]
    assert sentence_at(text, text.index("Hansen")).startswith("Ca. 5 mio.")


def test_sentences_respect_abbreviations() -> None:
    text = "Det sker jf. Lov om Social Service § 186. Byrådet besluttede bl.a. dette. Det koster 5 mio. kr. Slut."
    assert sentence_at(text, text.index("186")) == "Det sker jf. Lov om Social Service § 186."
    assert sentence_at(text, text.index("bl.a.")) == "Byrådet besluttede bl.a. dette."
    assert sentence_at(text, text.index("koster")) == "Det koster 5 mio. kr. Slut."


def test_a_tab_ends_a_sentence_in_a_table_and_markup_is_white_space() -> None:
    row = "Tilskud jf.\tLov om social service § 109"
    assert list(sentence_breaks(row)) == []
    assert list(sentence_breaks(row, cells=True)) == [(11, 12)]
    html = "<p>Første sætning.</p><p>Anden sætning</p>\n\nny del"
    assert [html[a:b] for a, b in sentence_breaks(html, markup=True)] == ["</p><p>", "\n\n"]
    assert list(sentence_breaks(html)) == []


def test_a_quote_or_parenthesis_begins_a_sentence_only_before_a_capital() -> None:
    assert sentences("Det er aftalt. (Se bilag 2). »Det holder«, sagde hun. (§ 5 gælder.)") == [
        "Det er aftalt.",
        "(Se bilag 2).",
        "»Det holder«, sagde hun.",
        "(§ 5 gælder.)",
    ]
    text = (
        "Det følger af loven. (jf. bilag 2) Og »den nye regel« gælder. Tilskuddet er 2 mio. Resten betales."
    )
    assert sentences(text) == [
        "Det følger af loven. (jf. bilag 2) Og »den nye regel« gælder.",
        "Tilskuddet er 2 mio.",  # an amount in millions may end a sentence; "5 mio. kr." goes on
        "Resten betales.",
    ]


def test_in_legal_text_a_stop_after_a_single_letter_ends_a_sentence() -> None:
    text = "Det følger af § 6 a. Kommunen kan fravige reglerne, siger A. Hansen."
    assert list(sentence_breaks(text)) == []  # running text: "a." and "A." are initials
    assert [text[:end] for end, _ in sentence_breaks(text, initials=False)] == [
        "Det følger af § 6 a.",
        "Det følger af § 6 a. Kommunen kan fravige reglerne, siger A.",
    ]
    assert is_abbreviation(text, text.index("a.") + 1)
    assert not is_abbreviation(text, text.index("a.") + 1, initials=False)
    assert is_abbreviation("jf. Kommunen", 2, initials=False)


def test_the_breaks_of_a_part_of_the_text() -> None:
    text = "En. To. Tre. Fire."
    assert list(sentence_breaks(text, 4, 11)) == [(7, 8)]  # the part a reference's context may reach


def test_a_line_ends_a_sentence_or_leads_in() -> None:
    assert ends_sentence("Sagen blev vedtaget.") and ends_sentence("Det indstilles:")
    assert ends_sentence("Hvorfor?") and not ends_sentence("og derfor,") and not ends_sentence("Afsnit 3")


_WORDS = st.sampled_from(["Aalborg", "kommune", "jf.", "A.", "5", "mio.", "kr.", "Det", "§", "(Se", "bilag)"])


@given(st.lists(st.tuples(_WORDS, st.sampled_from(["", ".", "!", "?", ","])), max_size=20))
def test_sentences_cover_the_text_but_the_space_between_them(words: list[tuple[str, str]]) -> None:
    text = " ".join(word + stop for word, stop in words)
    bounds = sentence_bounds(text)
    rebuilt = " ".join(text[start:end] for start, end in bounds)
    assert rebuilt == text
    assert all(text[start:end] == text[start:end].strip() for start, end in bounds)


def test_nota_bene_and_jvf_end_no_sentence() -> None:
    text = "Efter §§ 24 og 26 (NB. § 25 er ophævet). Jvf. § 3 gælder det også. Slut."
    assert sentence_at(text, text.index("25")) == "Efter §§ 24 og 26 (NB. § 25 er ophævet)."
    assert sentence_at(text, text.index("§ 3")) == "Jvf. § 3 gælder det også."
