"""Dates in the frikommune status note: the in-force date of a table cell."""

from __future__ import annotations

import re
from datetime import date

from ...text.danish_dates import find_danish_dates

# The date an Ikrafttrædelse cell gives stands right after the word: "Lovmæssig ikrafttrædelse
# pr. 1.7. 2017", "Formel Ikrafttrædelse d. 1.1. 2018", "Lovmæssig ikrafttrædelse 1.1. 2018".
_IN_FORCE_BEFORE_DATE = re.compile(r"ikrafttrædelse\s+(?:(?:pr|d)\.\s*)?$", re.IGNORECASE)


def in_force_date(cell: str) -> date | None:
    """The date written right after "ikrafttrædelse" in a cleaned cell text, or None."""
    for found in find_danish_dates(cell):
        if _IN_FORCE_BEFORE_DATE.search(cell[: found.start]):
            return found.date
    return None
