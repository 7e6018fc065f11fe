"""Act citations: "lov nr. 551 af 7. maj 2019", "LBK nr 1078 af 15/08/2022".

An act is placed by type, number and year; its address is its ELI on Retsinformation
(``https://www.retsinformation.dk/eli/lta/<year>/<number>``).

**Which law an act citation denotes** (see :func:`.resolve.act_law`):

1. an act whose ELI is a catalogue law's ``url`` is that law;
2. an act with a title ("lov nr. 1482 af … om …") whose title the catalogue knows is that
   law (an act or its consolidation carries the law's title);
3. an act with a title that neither amends nor repeals ("om ændring af …") is the law of that
   title, with the id any "lov om <title>" gets (:func:`.lawnames.unknown_law_id`);
4. otherwise the act is a law of its own, id ``<type>-<year>-<number>`` ("lov-2019-551",
   "lbk-2022-1078", "bek-2021-1232"): an amending act, or an act cited without title;
5. an act cited right after a law's name as its text ("lov om social service, jf.
   lovbekendtgørelse nr. 1078 af …") is that law.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..text.danish_dates import month_number
from ..text.danish_format import danish_date
from .name_patterns import ACT_TYPE, ELI


@dataclass(frozen=True)
class Act:
    """One act of Lovtidende: its type (LOV, LBK, BEK, CIR), number and date."""

    type: str
    number: int
    date: date

    @property
    def url(self) -> str:
        """The act's ELI address on Retsinformation."""
        return ELI.format(year=self.date.year, number=self.number)

    @property
    def id(self) -> str:
        """The id of the act as a law of its own: "lov-2019-551"."""
        return f"{self.type.lower()}-{self.date.year}-{self.number}"

    def label(self) -> str:
        """How pages name the act: "LOV nr. 551 af 7. maj 2019"."""
        return f"{self.type} nr. {self.number} af {danish_date(self.date)}"

    def as_json(self) -> dict[str, Any]:
        """``act`` of a ``kommuneatlas cite`` line: ``{type, number, date, url}``."""
        return {"type": self.type, "number": self.number, "date": self.date.isoformat(), "url": self.url}


def act_of(match: re.Match[str]) -> Act | None:
    """The act of a match of :data:`.name_patterns.ACT`, or ``None`` without a (valid) date."""
    kind, number, day, month_word, year, nday, _, nmonth, nyear = match.groups()
    try:
        if day is not None:
            when = date(int(year), month_number(month_word), int(day))
        elif nday is not None:
            when = date(int(nyear), int(nmonth), int(nday))
        else:
            return None
    except (ValueError, KeyError):
        return None
    return Act(ACT_TYPE[kind], int(number), when)
