"""Which KKR met, and when: the meeting date and the previous and next meetings.

Minutes have no title page with a date. The KKR and the date come from the page furniture
(``<KKR> | dd-mm-yyyy``) and from the agenda approval ("dagsorden til <KKR>s møde den
<dato>"); where both are present they must agree. The previous meeting is the one whose minutes
are approved ("referat fra møde i <KKR> den <dato>"), the next the one announced ("Næste møde i
<KKR> … den <dato>"). Each phrase must speak of a KKR meeting ("KKR" and "møde" before the
date), and all statements of one date must agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...errors import ExtractionError
from ...text.danish_dates import find_danish_dates, parse_danish_date
from ...text.lines import Joined
from ...text.sentences import sentence_breaks
from .lines import Line, PageHeader

_AGENDA = re.compile(r"\bdagsorden\w*", re.IGNORECASE)
_PREVIOUS = re.compile(r"\breferat\w*\s+fra\b", re.IGNORECASE)
_NEXT = re.compile(r"\bnæste\s+møde\w*", re.IGNORECASE)


def _about_kkr_meeting(phrase: str) -> bool:
    """Whether the words from the keyword to the date are one sentence speaking of a KKR meeting."""
    return (
        next(sentence_breaks(phrase), None) is None
        and re.search(r"\bKKR\b", phrase) is not None
        and "møde" in phrase.lower()
    )


@dataclass(frozen=True)
class Stated:
    """A date and the line that states it."""

    date: date
    line: int


@dataclass(frozen=True)
class MeetingDates:
    date: date
    previous: date | None
    next: date | None


def find_kkr(headers: Sequence[PageHeader], lines: Sequence[Line], kkrs: Sequence[str], path: Path) -> str:
    """The KKR named in the page furniture, else the one the text names most often."""
    for header in headers:
        if header.name in kkrs:
            return header.name
    text = "\n".join(line.clean for line in lines)
    counts = {kkr: len(re.findall(rf"\b{re.escape(kkr)}\b", text)) for kkr in kkrs}
    ranked = sorted(counts.items(), key=lambda pair: -pair[1])
    if not ranked or ranked[0][1] == 0:
        raise ExtractionError(path, None, "dokumentet nævner intet KKR")
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        raise ExtractionError(
            path, None, f"kan ikke afgøre, om dokumentet er fra {ranked[0][0]} eller {ranked[1][0]}"
        )
    return ranked[0][0]


def _stated(passages: Iterable[Joined], keyword: re.Pattern[str]) -> list[Stated]:
    """The first date after each ``keyword`` in the same sentence, where that sentence is about a KKR meeting."""
    found: list[Stated] = []
    for passage in passages:
        for match in keyword.finditer(passage.text):
            rest = passage.text[match.start() :]
            dates = find_danish_dates(rest)
            if dates and _about_kkr_meeting(rest[: dates[0].start]):
                found.append(Stated(dates[0].date, passage.line_at(match.start() + dates[0].start)))
    return found


def _agreed(stated: Sequence[Stated], what: str, path: Path) -> Stated | None:
    """The one date all statements give (with its first line), None if there are none.

    Statements that disagree are an error.
    """
    for other in stated[1:]:
        if other.date != stated[0].date:
            raise ExtractionError(
                path, other.line, f"{what} er {other.date} her, men {stated[0].date} i linje {stated[0].line}"
            )
    return stated[0] if stated else None


def _header_dates(headers: Sequence[PageHeader], path: Path) -> list[Stated]:
    found: list[Stated] = []
    for header in headers:
        when = parse_danish_date(header.date)
        if when is None:
            raise ExtractionError(path, header.line, f"ikke en gyldig dato: {header.date!r}")
        found.append(Stated(when, header.line))
    return found


def meeting_dates(headers: Sequence[PageHeader], passages: Sequence[Joined], path: Path) -> MeetingDates:
    """The meeting's date and the previous and next meetings' dates, as the minutes state them."""
    when = _agreed(_header_dates(headers, path) + _stated(passages, _AGENDA), "mødedatoen", path)
    if when is None:
        raise ExtractionError(path, None, "ingen mødedato: intet sidehoved og intet 'dagsorden … møde den …'")
    previous = _agreed(_stated(passages, _PREVIOUS), "forrige møde", path)
    following = _agreed(_stated(passages, _NEXT), "næste møde", path)
    if previous is not None and previous.date >= when.date:
        raise ExtractionError(path, previous.line, f"forrige møde ligger ikke før mødet ({when.date})")
    if following is not None and following.date <= when.date:
        raise ExtractionError(path, following.line, f"næste møde ligger ikke efter mødet ({when.date})")
    return MeetingDates(when.date, previous.date if previous else None, following.date if following else None)
