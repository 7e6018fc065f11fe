"""Running text as paragraphs and lists (issue 15, point 2): markers recognised by their position
and shape, and written as the light Markdown the YAML holds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kommuneatlas.extract.common.running_text import blocks, bullet_item
from kommuneatlas.text.clean import collapse_ws
from kommuneatlas.text.light_markdown import format_blocks, format_paragraphs


def read(*lines: str) -> str:
    return format_blocks(blocks(lines))


def test_a_lead_in_and_a_bulleted_list() -> None:
    assert read(
        "Udvalget drøftede sagen, her-",
        "under:",
        "",
        "– at budgettet holdes, og at der",
        "følges op i efteråret,",
        "• at planen sendes i høring.",
        "Sagen afsluttes i maj.",
    ) == (
        "Udvalget drøftede sagen, herunder:\n\n"
        "- at budgettet holdes, og at der følges op i efteråret,\n"
        "- at planen sendes i høring.\n\n"
        "Sagen afsluttes i maj."
    )


def test_every_bullet_shape() -> None:
    for marker in ("-", "–", "—", "•", "▪", "o", "\uf0b7", "*", "►"):
        assert read("Punkterne er:", f"{marker} et punkt", f"{marker} et andet") == (
            "Punkterne er:\n\n- et punkt\n- et andet"
        ), marker


def test_numbered_and_lettered_items() -> None:
    assert read("Det indstilles:", "1) at A godkendes,", "2) at B", "udsættes.") == (
        "Det indstilles:\n\n1. at A godkendes,\n2. at B udsættes."
    )
    assert (
        read("Der er to veje:", "(1) den korte", "(2) den lange")
        == "Der er to veje:\n\n1. den korte\n2. den lange"
    )
    assert read("Valget står mellem:", "a) den korte vej;", "b) den lange vej.") == (
        "Valget står mellem:\n\n- a) den korte vej;\n- b) den lange vej."
    )


def test_what_only_looks_like_a_marker_stays_text() -> None:
    # a dash that wraps to the start of a line inside a sentence
    assert read("Udgiften fordeles over tre år", "– den største i det første.") == (
        "Udgiften fordeles over tre år – den største i det første."
    )
    # numbers that do not count from 1, and dates at the start of a line
    assert read("Mødet blev holdt.", "3) er ikke et punkt.") == "Mødet blev holdt.\n\n3) er ikke et punkt."
    assert read("Næste møde er planlagt.", "1. april 2022 mødes udvalget.") == (
        "Næste møde er planlagt.\n\n1. april 2022 mødes udvalget."
    )
    assert bullet_item("– hvor den største udgift", "over tre år") is None
    assert bullet_item("– hvor den største udgift", "over tre år:") == "hvor den største udgift"


def test_paragraphs_end_at_a_sentence_end_and_blank_lines_do_not_matter() -> None:
    lines = ["Første afsnit fort-", "sætter her.", "Andet afsnit."]
    spaced = [line for text in lines for line in (text, "", " ")]
    assert read(*lines) == read(*spaced) == "Første afsnit fortsætter her.\n\nAndet afsnit."


def test_list_fields_hold_a_list_as_one_element() -> None:
    found = blocks(["Indledning:", "- a", "- b.", "Afslutning."])
    assert format_paragraphs(found) == ["Indledning:", "- a\n- b.", "Afslutning."]


_WORDS = st.lists(
    st.sampled_from(["borgere", "kommunen", "plan", "og", "tilbud", "at"]), min_size=1, max_size=6
)


@settings(deadline=None, max_examples=60)
@given(
    st.lists(
        st.tuples(st.sampled_from(["", "- ", "• ", "– "]), _WORDS, st.sampled_from(["", ".", ":", ","])),
        min_size=1,
        max_size=8,
    )
)
def test_collapsing_the_markdown_gives_the_text_with_bullets_as_dashes(
    lines: list[tuple[str, list[str], str]],
) -> None:
    """Collapsing the whitespace of the Markdown gives the lines joined flat (bullets written "-":
    both sides compared with every free-standing dash or bullet as "-")."""
    texts = [f"{marker}{' '.join(words)}{end}" for marker, words, end in lines]

    def dashes(text: str) -> str:
        return re.sub(r"(?:^|(?<=\s))[–•](?=\s)", "-", collapse_ws(text))

    assert dashes(read(*texts)) == dashes(" ".join(texts))


def test_a_paragraph_goes_on_where_the_next_line_begins_in_lower_case() -> None:
    assert read("Bestyrelsen tiltræder pr. 1. april. Frem til 31.", "marts sidder den gamle.") == (
        "Bestyrelsen tiltræder pr. 1. april. Frem til 31. marts sidder den gamle."
    )


def test_a_dash_in_the_other_case_inside_a_list_goes_on_with_the_item() -> None:
    assert read(
        "Bestyrelsen består af:",
        "– Tre medlemmer, der udpeges blandt",
        "– herunder to borgmestre",
        "– Et medlem fra regionen",
    ) == (
        "Bestyrelsen består af:\n\n- Tre medlemmer, der udpeges blandt – herunder to borgmestre\n- Et medlem fra regionen"
    )
