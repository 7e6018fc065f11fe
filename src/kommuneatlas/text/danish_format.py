"""Dates and numbers as Danish readers write them: dates with the month names of
:mod:`kommuneatlas.text.danish_dates`, numbers with Babel's Danish locale data.

"25. marts 2022", "1. juli 2017", "41.679 t.kr.", "3.912.500 kr.". Machine-readable values stay
ISO: the pages' ``<time datetime="2022-03-25">`` (``site.render.environment.time_element``) and the
JSON API keep the data's ISO strings. (Parsing Danish dates in source text is
:mod:`kommuneatlas.text.danish_dates`; this module only displays.)
"""

from __future__ import annotations

from datetime import date, datetime

from babel.numbers import format_decimal

from .danish_dates import MONTHS

LOCALE = "da"
_MONTH_NAMES = tuple(MONTHS)  # januar … december


def as_date(value: object) -> date | None:
    """The calendar date ``value`` denotes: a ``date``, or an ISO string ("2022-03-25"); else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def danish_date(value: object) -> str:
    """ "25. marts 2022" for a date or ISO date string; any other value as text ("" for None)."""
    day = as_date(value)
    if day is not None:
        return f"{day.day}. {_MONTH_NAMES[day.month - 1]} {day.year}"
    return "" if value is None else str(value)


def year_of(value: object) -> str:
    """The year ("2022") of a date or an ISO date string; "" for any other value."""
    day = as_date(value)
    return str(day.year) if day is not None else ""


def danish_number(value: object) -> str:
    """41679 → "41.679", 5.07 → "5,07"; None → ""; a value that is no number as text."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return format_decimal(value, locale=LOCALE)


def kroner(value: object) -> str:
    """3912500 → "3.912.500 kr."; None → ""."""
    return f"{danish_number(value)} kr." if value is not None else ""


def thousand_kroner(value: object) -> str:
    """41679 → "41.679 t.kr." (an amount in thousands of kroner); None → ""."""
    return f"{danish_number(value)} t.kr." if value is not None else ""
