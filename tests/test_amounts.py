"""Danish numbers and kroner amounts: written forms, round trips, robustness."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kommuneatlas.text.danish_amounts import find_amounts, parse_amount, parse_danish_int


def danish(number: int) -> str:
    """``number`` with a point between thousands groups, as Danish documents write it."""
    return f"{number:,}".replace(",", ".")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2.345", 2345), ("594", 594), ("11.089", 11089), ("41.679", 41679), ("1.304.167", 1304167), ("0", 0)],
)
def test_parses_danish_integers(text: str, expected: int) -> None:
    assert parse_danish_int(text) == expected


@pytest.mark.parametrize("text", ["", "1.51", "1,5", "1.5000", ".515", "1.515.", "12a", "1 515", "-3", "١٢"])
def test_rejects_malformed_integers(text: str) -> None:
    assert parse_danish_int(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("900.000 kr.", 900_000),
        ("3.100.000 kr", 3_100_000),
        ("DKK 3.912.500", 3_912_500),
        ("DKK 5.275.000 kr.", 5_275_000),
        ("kr. 900.000", 900_000),
        ("1,5 mia. kr.", 1_500_000_000),
        ("200 mio. kr.", 200_000_000),
        ("1,3 milliarder kr.", 1_300_000_000),
        ("2 millioner kroner", 2_000_000),
        ("DKK 125", 125),
        ("12,50 kr.", 13),  # whole kroner, rounded half up
    ],
)
def test_parses_amounts(text: str, expected: int) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text", ["", "900.000", "5,07%", "1.5 mia. kr.", "5 krav", "kr.", "DKK"])
def test_rejects_what_is_not_an_amount(text: str) -> None:
    assert parse_amount(text) is None


def test_finds_amounts_in_running_text() -> None:
    text = (
        "en midlertidig takstreduktion på 900.000 kr. i 2020 og 1.100.000 kr. i 2021 og 2022, "
        "således at den samlede takstreduktion udgør i alt 3.100.000 kr. (rente 5,07% p.a.)"
    )
    found = find_amounts(text)
    assert [m.amount_kr for m in found] == [900_000, 1_100_000, 3_100_000]
    assert all(text[m.start : m.end] == m.raw for m in found)


@given(st.integers(min_value=0, max_value=10**15))
def test_integer_round_trip(number: int) -> None:
    assert parse_danish_int(danish(number)) == number


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["{} kr.", "DKK {}", "kr. {}", "{} kr"]))
def test_amount_round_trip(number: int, form: str) -> None:
    written = form.format(danish(number))
    assert parse_amount(written) == number
    assert [m.amount_kr for m in find_amounts(f"i alt {written} til Kommunen")] == [number]


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=9))
def test_scaled_amounts_are_exact(whole: int, tenth: int) -> None:
    assert parse_amount(f"{whole},{tenth} mio. kr.") == whole * 1_000_000 + tenth * 100_000
    assert parse_amount(f"{whole},{tenth} mia. kr.") == whole * 1_000_000_000 + tenth * 100_000_000


@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    for match in find_amounts(text):
        assert text[match.start : match.end] == match.raw
        assert match.amount_kr >= 0
    value = parse_amount(text)
    assert value is None or value >= 0
