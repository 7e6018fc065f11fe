"""The light Markdown of running text in the YAML (contracts.md, point 3): what the extractors write,
the pages read back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kommuneatlas.text.light_markdown import (
    BULLET,
    NUMBERED,
    PARAGRAPH,
    Block,
    format_blocks,
    format_paragraphs,
    group_blocks,
    parse_blocks,
)


def test_paragraphs_and_lists_are_written_as_the_contract_says() -> None:
    found = [
        Block(PARAGRAPH, "Det indstilles:"),
        Block(NUMBERED, "at planen godkendes,", 2),
        Block(NUMBERED, "at den sendes i høring.", 3),
        Block(BULLET, "a) og følges op."),
        Block(PARAGRAPH, "Sagen afsluttes."),
    ]
    assert format_blocks(found) == (
        "Det indstilles:\n\n2. at planen godkendes,\n3. at den sendes i høring.\n- a) og følges op.\n\nSagen afsluttes."
    )
    assert format_paragraphs(found) == [
        "Det indstilles:",
        "2. at planen godkendes,\n3. at den sendes i høring.\n- a) og følges op.",
        "Sagen afsluttes.",
    ]


def test_a_date_and_a_wrapped_line_are_no_items() -> None:
    text = "1. april 2022 mødes rådet.\n- Et punkt\n  der fortsætter\n\nEfter listen."
    assert [(b.kind, b.text, b.number) for b in parse_blocks(text)] == [
        (PARAGRAPH, "1. april 2022 mødes rådet.", None),
        (BULLET, "Et punkt\n  der fortsætter", None),
        (PARAGRAPH, "Efter listen.", None),
    ]


_TEXT = st.lists(
    st.sampled_from(["rådet", "Aalborg", "§", "1.", "april", "2022", "og", "-"]), min_size=1, max_size=6
)
_BLOCKS = st.lists(
    st.one_of(
        st.builds(lambda w: Block(PARAGRAPH, " ".join(["Sagen", *w])), _TEXT),
        st.builds(lambda w: Block(BULLET, " ".join(w)), _TEXT),
        st.builds(lambda w, n: Block(NUMBERED, " ".join(w), n), _TEXT, st.integers(1, 999)),
    ),
    max_size=8,
)


@given(_BLOCKS)
def test_what_is_written_reads_back_as_written(blocks: list[Block]) -> None:
    text = format_blocks(blocks)
    parsed = parse_blocks(text)
    assert [(b.kind, b.text, b.number) for b in parsed] == [(b.kind, b.text, b.number) for b in blocks]
    assert all(text[slice(*b.span)] == b.text for b in parsed)
    assert sum(len(group) for group in group_blocks(parsed)) == len(parsed)
