"""Lines of a text and offsets into it (text/lines.py): one definition of a physical line, one
mapping from an offset to its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kommuneatlas.errors import KommuneatlasError
from kommuneatlas.sources.manifest import decode_text
from kommuneatlas.text.clean import collapse_ws
from kommuneatlas.text.lines import LineIndex, join_numbered, line_bounds, source_lines

_TEXTS = st.text(alphabet=st.sampled_from(["a", "b", " ", "\n", "\r", "\f", "\t", "§"]), max_size=40)


def test_lines_end_at_line_feeds_only() -> None:
    assert source_lines("Et\r\nTo\rTre\nFire\fstadig fire\n") == ("Et", "To", "Tre", "Fire\fstadig fire")
    assert source_lines("") == ()
    assert source_lines("\n\n") == ("", "")


@given(_TEXTS)
def test_every_offset_of_a_line_and_its_break_is_on_that_line(text: str) -> None:
    """As ``site.backlinks._line_numbers`` has it (stage 2C replaces that with :class:`LineIndex`):
    a line break belongs to the line it ends, and the offset past the end is on the last line."""
    index = LineIndex(text)
    bounds = line_bounds(text)
    for number, (start, _) in enumerate(bounds, 1):
        following = bounds[number][0] if number < len(bounds) else len(text)
        assert {index.line_of(offset) for offset in range(start, following)} == {number}
    assert index.line_of(len(text)) == max(len(bounds), 1)


@pytest.mark.parametrize(
    ("data", "line"),
    [(b"et\nto\n\xff", 3), (b"et\r\nto\r\ntre \xe6", 3), (b"et\rto\r\xff", 3), (b"\xff", 1)],
)
def test_invalid_utf8_is_reported_on_its_line(data: bytes, line: int) -> None:
    with pytest.raises(KommuneatlasError) as raised:
        decode_text(data, Path("kilde.txt"))
    assert raised.value.problems[0].line == line


def test_joined_lines_map_offsets_to_lines() -> None:
    joined = join_numbered(
        [(10, " Specialområde Udviklings-"), (11, ""), (12, "hæmning og ADHD "), (14, "i Region")]
    )
    assert joined is not None
    assert joined.text == "Specialområde Udviklingshæmning og ADHD i Region"
    assert (joined.first_line, joined.last_line) == (10, 14)
    assert joined.line_at(joined.text.index("Udviklings")) == 10
    assert joined.line_at(joined.text.index("ADHD")) == 12
    assert joined.line_at(joined.text.index("Region")) == 14
    assert join_numbered([(1, "  "), (2, "")]) is None


@given(
    st.lists(st.text(alphabet="abc æø", min_size=1, max_size=15).filter(str.strip), min_size=1, max_size=8)
)
def test_joined_lines_know_the_line_of_every_word(words: list[str]) -> None:
    numbered = [(n * 2 + 1, word) for n, word in enumerate(words)]
    joined = join_numbered(numbered)
    assert joined is not None
    for (number, word), start in zip(numbered, joined.starts, strict=True):
        assert joined.text[start:].startswith(collapse_ws(word))
        assert joined.line_at(start) == number
