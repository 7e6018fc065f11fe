"""Danish date parsing: the written forms the sources use, round trips, and robustness."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kommuneatlas.text.danish_dates import (
    MONTH_PATTERN,
    MONTHS,
    find_danish_dates,
    month_number,
    parse_danish_date,
)

MONTH_NAMES = {number: name for name, number in MONTHS.items()}
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("28. november 2023", date(2023, 11, 28)),
        ("14-12-2023", date(2023, 12, 14)),
        ("1.7. 2017", date(2017, 7, 1)),
        ("1.7.2017", date(2017, 7, 1)),
        ("01/07/2017", date(2017, 7, 1)),
        ("1. marts 2020", date(2020, 3, 1)),
        ("den 17. december 2019", date(2019, 12, 17)),
        ("d. 1. januar 2024", date(2024, 1, 1)),
        ("  2. januar 2024  ", date(2024, 1, 2)),
        ("1. okt. 2023", date(2023, 10, 1)),
        ("1. Maj 2021", date(2021, 5, 1)),
        ("29. februar 2024", date(2024, 2, 29)),
    ],
)
def test_parses_the_written_forms(text: str, expected: date) -> None:
    assert parse_danish_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "31. februar 2023",  # no such day
        "29. februar 2023",
        "14-13-2023",
        "November 2023",  # a month, not a date
        "5.6. og 24.12.",  # no year
        "SAG-2022-00298",
        "1-30-76-17-23",
        "Dato: 28. november 2023",  # more than a date
        "28. november 2023 kl. 10",
        "1.7-2017",  # mixed separators
        "٢٨. november ٢٠٢٣",  # only ASCII digits
    ],
)
def test_rejects_what_is_not_exactly_a_date(text: str) -> None:
    assert parse_danish_date(text) is None


def test_finds_dates_in_running_text() -> None:
    text = (
        "Byrådet besluttede den 17. december 2019 at meddele, med frist til 1. marts 2020. "
        "Svaret kom den 4. november 2019 (Dato 14-12-2023; Sagsnr. 1-30-76-17-23, SAG-2022-00298)."
    )
    found = find_danish_dates(text)
    assert [m.date for m in found] == [
        date(2019, 12, 17),
        date(2020, 3, 1),
        date(2019, 11, 4),
        date(2023, 12, 14),
    ]
    assert all(text[m.start : m.end] == m.raw for m in found)
    assert found[1].raw == "1. marts 2020"


def test_skips_impossible_dates_but_finds_the_rest() -> None:
    assert [m.date for m in find_danish_dates("31. juni 2020 og 30. juni 2020")] == [date(2020, 6, 30)]


@given(dates)
def test_long_form_round_trip(day: date) -> None:
    assert parse_danish_date(f"{day.day}. {MONTH_NAMES[day.month]} {day.year}") == day


@given(dates, st.sampled_from(["-", ".", "/"]), st.booleans())
def test_numeric_round_trip(day: date, separator: str, padded: bool) -> None:
    d, m = (f"{day.day:02d}", f"{day.month:02d}") if padded else (str(day.day), str(day.month))
    assert parse_danish_date(f"{d}{separator}{m}{separator}{day.year}") == day


@given(dates)
def test_point_space_form_round_trip(day: date) -> None:
    assert parse_danish_date(f"{day.day}.{day.month}. {day.year}") == day


@given(dates, st.text(alphabet="abcæøå ,;()", max_size=20), st.text(alphabet="abcæøå ,;()", max_size=20))
def test_found_in_surrounding_text(day: date, before: str, after: str) -> None:
    written = f"{day.day}. {MONTH_NAMES[day.month].capitalize()} {day.year}"
    text = f"{before} {written} {after}"
    found = find_danish_dates(text)
    assert [m.date for m in found] == [day]
    assert found[0].raw == written


@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    value = parse_danish_date(text)
    assert value is None or isinstance(value, date)
    for match in find_danish_dates(text):
        assert text[match.start : match.end] == match.raw
        assert parse_danish_date(match.raw) == match.date


def test_the_month_pattern_and_numbers_for_other_parsers() -> None:
    found = re.findall(rf"\b(?:{MONTH_PATTERN})(?!\w)", "7. maj, 1. Okt. og 3. sept 2020", re.IGNORECASE)
    assert [month_number(word) for word in found] == [5, 10, 9]
