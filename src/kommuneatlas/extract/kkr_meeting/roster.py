"""The list of those present ("Deltagere") and those absent ("Afbud") at a KKR meeting."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import ExtractionError
from ...sources.reference import KommuneIndex
from .lines import Line

_TITLE = "deltagerfortegnelse"
_PRESENT = "deltagere"
_ABSENT = "afbud"

# "<name> (<party>) <kommune> Kommune", also with a stray comma after the party.
_ATTENDEE = re.compile(r"(?P<name>[^(),]+?)\s*\((?P<party>[A-ZÆØÅ]{1,2})\)\s*,?\s*(?P<kommune>[^(),]+)")


@dataclass(frozen=True)
class Attendee:
    name: str
    party: str
    kommune: str  # official short name
    line: int


@dataclass
class Roster:
    present: list[Attendee] = field(default_factory=list)
    absent: list[Attendee] = field(default_factory=list)


def roster_start(raw: Sequence[str]) -> int | None:
    """The 1-based number of the roster's first heading; what comes before it is the cover."""
    for number, text in enumerate(raw, 1):
        if text.strip().lower() in (_TITLE, _PRESENT):
            return number
    return None


def parse_attendee(line: Line, kommuner: KommuneIndex, path: Path) -> Attendee:
    """One ``Name (Party) Kommunenavn Kommune`` line."""
    match = _ATTENDEE.fullmatch(line.clean)
    if match is None:
        raise ExtractionError(path, line.number, f"ventede 'Navn (Parti) Kommune', fandt {line.clean!r}")
    kommune = kommuner.normalise(match["kommune"])
    if kommune is None:
        raise ExtractionError(path, line.number, f"ukendt kommune {match['kommune']!r}")
    return Attendee(match["name"], match["party"], kommune, line.number)


def parse_roster(lines: Sequence[Line], kommuner: KommuneIndex, path: Path) -> Roster:
    """Read the roster: an optional title, "Deltagere" and its lines, an optional "Afbud" and its lines."""
    roster = Roster()
    current: list[Attendee] | None = None
    for line in lines:
        text = line.clean
        heading = text.lower()
        if not text or heading == _TITLE:
            continue
        if heading == _PRESENT:
            current = roster.present
        elif heading == _ABSENT:
            current = roster.absent
        elif current is None:
            raise ExtractionError(path, line.number, f"tekst før overskriften 'Deltagere': {text!r}")
        else:
            current.append(parse_attendee(line, kommuner, path))
    if not roster.present:
        where = lines[0].number if lines else None
        raise ExtractionError(path, where, "ingen deltagere under 'Deltagere'")
    return roster
