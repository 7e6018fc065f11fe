"""The agenda of KKR minutes: numbered sections ("2. <titel>"), their items
("2.3. <titel>", with a case id line "SAG-<år>-<nummer> <initialer>") and each item's sub-sections
(Baggrund, Indstilling, Sagsfremstilling, Beslutning).

Headings are recognised on whitespace-stripped lines (a page break shows only as a leading
space). A section heading must carry the next section number, so wrapped text that happens to
start with "12. Maj" is not taken for one; an item heading must belong to the current section
and number upwards, otherwise the document is garbled. Sub-headings are lines that are exactly
one of the four words, so "Beslutningen om …" stays text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import ExtractionError
from ...text.clean import join_lines
from .lines import SUBSECTIONS, Line

_SECTION = re.compile(r"(?P<number>\d+)\.\s+(?P<title>[A-ZÆØÅ].*)")
_ITEM = re.compile(r"(?P<section>\d+)\.(?P<item>\d+)\.?\s+(?P<title>[A-ZÆØÅ].*)")
# The case line: "SAG-<year>-<number> <initials>"; the trailing token (a caseworker's initials) is not the id.
_CASE = re.compile(r"(?P<case>SAG-\d{4}-\d+)(?:\s+\S+)?")
_SUBSECTION_NAMES = {name.lower(): name for name in SUBSECTIONS}
TITLE_LINES = 3  # an item title wraps onto at most two further lines


@dataclass
class SubSection:
    name: str
    line: int
    lines: list[Line] = field(default_factory=list)


@dataclass
class Item:
    number: str
    title: str
    first_line: int
    last_line: int
    case_id: str | None
    subsections: dict[str, SubSection] = field(default_factory=dict)

    def lines_of(self, name: str) -> list[Line]:
        """The lines of sub-section ``name`` ("Beslutning" …); none if the item lacks it."""
        subsection = self.subsections.get(name)
        return subsection.lines if subsection else []


@dataclass
class Section:
    number: str
    title: str
    line: int
    items: list[Item] = field(default_factory=list)


def first_section_heading(lines: Sequence[Line]) -> int | None:
    """The index in ``lines`` of the first numbered section heading."""
    return next((i for i, line in enumerate(lines) if _SECTION.fullmatch(line.clean)), None)


def _subsection_name(text: str) -> str | None:
    return _SUBSECTION_NAMES.get(text.lower())


def _title_end(lines: Sequence[Line], start: int) -> int:
    """The index after an item title that wraps onto following lines: up to the case line or the
    first sub-heading, at most :data:`TITLE_LINES` lines (blank lines are not counted)."""
    end = start + 1
    taken = 1
    while end < len(lines) and taken < TITLE_LINES:
        text = lines[end].clean
        if text and (_CASE.fullmatch(text) or _subsection_name(text) or _ITEM.fullmatch(text)):
            break
        taken += bool(text)
        end += 1
    while end > start + 1 and not lines[end - 1].clean:
        end -= 1
    return end


class _Parser:
    """A single pass over the agenda lines, building sections, items and sub-sections."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sections: list[Section] = []
        self.item: Item | None = None
        self.subsection: SubSection | None = None

    def error(self, line: Line, message: str) -> ExtractionError:
        return ExtractionError(self.path, line.number, message)

    def is_next_section(self, number: str) -> bool:
        return not self.sections or int(number) == int(self.sections[-1].number) + 1

    def open_section(self, line: Line, match: re.Match[str]) -> None:
        self.sections.append(Section(match["number"], match["title"], line.number))
        self.item = self.subsection = None

    def open_item(self, lines: Sequence[Line], index: int, match: re.Match[str]) -> int:
        """Start an item at ``lines[index]``; the index of the first line after its title and case line."""
        line = lines[index]
        section = self.sections[-1]
        number = f"{match['section']}.{match['item']}"
        if match["section"] != section.number:
            raise self.error(line, f"punkt {number} under afsnit {section.number}")
        if section.items and int(match["item"]) <= int(section.items[-1].number.split(".")[1]):
            raise self.error(line, f"punkt {number} efter punkt {section.items[-1].number}")
        end = _title_end(lines, index)
        title = join_lines([match["title"], *(lines[i].text for i in range(index + 1, end))])
        case_id = None
        after = next((i for i in range(end, len(lines)) if lines[i].clean), None)
        if after is not None and (case := _CASE.fullmatch(lines[after].clean)):
            case_id, end = case["case"], after + 1
        self.item = Item(number, title, line.number, lines[end - 1].number, case_id)
        self.subsection = None
        section.items.append(self.item)
        return end

    def add_text(self, line: Line, text: str) -> None:
        """A non-blank line that is no section or item heading: a sub-heading or sub-section text."""
        item, name = self.item, _subsection_name(text)
        if item is None:
            where = f"afsnit {self.sections[-1].number}" if self.sections else "dagsordenen"
            raise self.error(line, f"tekst uden for ethvert punkt i {where}: {text!r}")
        if name is not None:
            if name in item.subsections:
                raise self.error(line, f"punkt {item.number} har en overskrift '{name}' mere")
            self.subsection = item.subsections[name] = SubSection(name, line.number)
        elif self.subsection is not None:
            self.subsection.lines.append(line)
        else:
            raise self.error(line, f"tekst før første {'/'.join(SUBSECTIONS)} i punkt {item.number}")
        item.last_line = line.number

    def parse(self, lines: Sequence[Line]) -> list[Section]:
        index = 0
        while index < len(lines):
            line = lines[index]
            text = line.clean
            index += 1
            if not text:
                if self.subsection:
                    self.subsection.lines.append(line)
            elif (heading := _SECTION.fullmatch(text)) and self.is_next_section(heading["number"]):
                self.open_section(line, heading)
            elif self.sections and (heading := _ITEM.fullmatch(text)):
                index = self.open_item(lines, index - 1, heading)
            else:
                self.add_text(line, text)
        for item in (item for section in self.sections for item in section.items):
            if not item.subsections:
                names = ", ".join(SUBSECTIONS)
                raise ExtractionError(self.path, item.first_line, f"punkt {item.number} har ingen af {names}")
        return self.sections


def parse_agenda(lines: Sequence[Line], path: Path) -> list[Section]:
    """The numbered sections, items and sub-sections, from the first section heading to the end."""
    return _Parser(path).parse(lines)
