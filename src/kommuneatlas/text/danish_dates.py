"""Danish dates as documents write them: "28. november 2023", "14-12-2023", "1.7. 2017", "1. marts 2020".

Pure functions; no locale settings are involved.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

MONTHS: dict[str, int] = {
    "januar": 1,
    "februar": 2,
    "marts": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}

MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
"""Abbreviations seen in letters and tables ("1. okt. 2023"); "maj" has none."""

MONTH_PATTERN = "|".join(sorted([*MONTHS, *(rf"{a}\.?" for a in MONTH_ABBREVIATIONS)], key=len, reverse=True))
"""A month's name or abbreviation, with or without its full stop (a regular expression, match it
ignoring case); :func:`month_number` gives its number."""

# "28. november 2023", "1. okt. 2023", "1 marts 2020"
_WORD_DATE = rf"(?P<wd>[0-9]{{1,2}})\.?\s+(?P<wm>{MONTH_PATTERN})\s+(?P<wy>[0-9]{{4}})"
# "14-12-2023", "1.7.2017", "1.7. 2017", "01/07/2017"
_NUMERIC_DATE = r"(?P<nd>[0-9]{1,2})(?P<sep>[.\-/])(?P<nm>[0-9]{1,2})(?P=sep)\s?(?P<ny>[0-9]{4})"

_DATE = re.compile(
    rf"(?<![0-9.\-/])(?:{_WORD_DATE}|{_NUMERIC_DATE})(?![0-9])(?![.,/\-][0-9])",
    re.IGNORECASE,
)
_LEADING_WORDS = re.compile(r"^(?:den|d\.)\s+", re.IGNORECASE)


class DateMatch(NamedTuple):
    """A date found in a text: the date, and where it stands (``text[start:end]`` is ``raw``)."""

    date: date
    start: int
    end: int
    raw: str


def month_number(word: str) -> int:
    """The number of a month named as :data:`MONTH_PATTERN` matches it ("Okt." → 10)."""
    key = word.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBREVIATIONS[key]


def _to_date(match: re.Match[str]) -> date | None:
    """The calendar date a regex match denotes, or None when it is impossible (31. februar)."""
    if match.group("wd"):
        day, month, year = int(match.group("wd")), month_number(match.group("wm")), int(match.group("wy"))
    else:
        day, month, year = int(match.group("nd")), int(match.group("nm")), int(match.group("ny"))
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_danish_date(text: str) -> date | None:
    """The date ``text`` consists of (surrounding whitespace and a leading "den"/"d." allowed), or None."""
    candidate = _LEADING_WORDS.sub("", " ".join(text.split()))
    match = _DATE.fullmatch(candidate)
    return _to_date(match) if match else None


def find_danish_dates(text: str) -> list[DateMatch]:
    """Every valid date written in ``text``, in order of appearance."""
    found: list[DateMatch] = []
    for match in _DATE.finditer(text):
        value = _to_date(match)
        if value is not None:
            found.append(DateMatch(value, match.start(), match.end(), match.group(0)))
    return found
