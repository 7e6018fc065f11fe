"""Municipality names in table cells: "Aalborg, Frederikshavn/Læsø", "Aarhus , Favrskov", "Ingen
forsøgskommune", and a list followed by a remark in parentheses.

The names are recognised with :class:`~kommuneatlas.sources.reference.KommuneIndex`, so a cell is a list of
municipalities because its words are municipality names, not because of where it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...sources.reference import KommuneIndex
from ...text.clean import collapse_ws

# A word, possibly hyphenated inside ("Ikast-Brande"); a line-final hyphen is not part of it.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SPACES = re.compile(r"[ \t\u00a0]+")
_SEPARATOR = re.compile(r"\s*[,/]\s*")
# A cell saying that no municipality takes part: "Ingen forsøgskommune".
_NONE = re.compile(r"ingen\s+\S*kommun\S*(?:\s+\S+)?", re.IGNORECASE)
_MAX_NAME_WORDS = 3  # "Høje Taastrup Kommune"


def match_name(text: str, pos: int, kommuner: KommuneIndex) -> tuple[str, int] | None:
    """The official name of the municipality named at ``pos`` and the offset where its name ends.

    The longest run of up to three words that names a municipality wins, so "Aalborg Kommune"
    is one name and "Favrskov  Når unge" is "Favrskov".
    """
    ends: list[int] = []
    at = pos
    while len(ends) < _MAX_NAME_WORDS:
        word = _WORD.match(text, at)
        if word is None:
            break
        ends.append(word.end())
        gap = _SPACES.match(text, word.end())
        if gap is None:
            break
        at = gap.end()
    for end in reversed(ends):
        name = kommuner.normalise(text[pos:end])
        if name:
            return name, end
    return None


@dataclass(frozen=True)
class KommuneList:
    """A comma- or slash-separated list of names at the start of a text."""

    names: tuple[str, ...]
    end: int  # offset just after the last name
    dangling: bool  # a separator follows the last name but no name follows it


def parse_kommune_list(text: str, kommuner: KommuneIndex, start: int = 0) -> KommuneList:
    names: list[str] = []
    end, dangling = start, False
    found = match_name(text, start, kommuner)
    while found:
        names.append(found[0])
        end, dangling = found[1], False
        separator = _SEPARATOR.match(text, end)
        if separator is None:
            break
        dangling = True
        found = match_name(text, separator.end(), kommuner)
    return KommuneList(tuple(names), end, dangling)


@dataclass(frozen=True)
class KommuneCell:
    names: tuple[str, ...]  # official names, in the cell's order; empty for "Ingen forsøgskommune"
    raw: str  # the cleaned cell text
    remark: str  # the text of a parenthetical remark after the list, "" if none


def read_kommune_cell(text: str, kommuner: KommuneIndex) -> KommuneCell | None:
    """The cell as a list of municipalities, or None when ``text`` is something else."""
    raw = collapse_ws(text)
    if _NONE.fullmatch(raw.rstrip(".")):
        return KommuneCell((), raw, "")
    found = parse_kommune_list(raw, kommuner)
    if not found.names:
        return None
    rest = raw[found.end :].lstrip(" .,")
    if not rest:
        return KommuneCell(found.names, raw, "")
    if rest.startswith("(") and rest.endswith(")"):
        return KommuneCell(found.names, raw, rest[1:-1].strip())
    return None


def split_after_list(line: str, kommuner: KommuneIndex, start: int = 0) -> tuple[int, int] | None:
    """Where a one-line list of names starting at ``start`` ends and the next cell begins on the
    same physical line ("Morsø, Rebild I dag findes …"), or None.

    The next cell must begin with a capital letter, so "Aalborg, Thi-" (a list that goes on)
    and "I Aalborg har …" (a sentence) are not split.
    """
    found = parse_kommune_list(line, kommuner, start)
    if not found.names or found.dangling:
        return None
    rest = line[found.end :]
    stripped = rest.lstrip()
    if not stripped or not stripped[0].isupper():
        return None
    return found.end, len(line) - len(stripped)


def mentioned_kommuner(text: str, kommuner: KommuneIndex) -> list[str]:
    """The municipalities a running text names (capitalised words only), each once, in order."""
    names: list[str] = []
    pos = 0
    while word := _WORD.search(text, pos):
        pos = word.end()
        if not word.group()[0].isupper():
            continue
        found = match_name(text, word.start(), kommuner)
        if found:
            if found[0] not in names:
                names.append(found[0])
            pos = found[1]
    return names
