"""Tables that a PDF export flattened to space-separated lines ("Anden rate 2025 Maj 2025
1.250.000 300.000"), possibly with the row label on the lines above a line of figures.

A line is a data row when it ends in a figure and holds two figures, or is a single amount with
thousands points, and does not start in lower case (a wrapped sentence ending in numbers); text
between single-digit figures makes it a header ("… tranche 1 Andel af …, tranche 2").
Figures: Danish numbers, percentages ("74 %"), amounts ("130.000 kr.") and "-" for an empty cell.
Text between figures forms one cell; "November 2023" is one cell; a number after "§" (or joined
to one by "og", "eller", "til", "-") belongs to the text ("Bostøtte § 85").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from ...text.danish_dates import MONTHS
from ...text.lines import join_numbered
from ...text.sentences import ends_sentence

_FIGURE = re.compile(r"^[-−]?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?%?$|^[-–]$")
_THOUSANDS = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?$")
_YEAR = re.compile(r"^[0-9]{4}$")
_UNIT_TOKENS = frozenset({"%", "kr.", "kr"})
_SECTION_SIGNS = frozenset({"§", "§§"})
_REFERENCE_JOINERS = frozenset({"og", "eller", "til", "-", "–", ","})


@dataclass
class TableRow:
    cells: list[str]
    line: int
    label_lines: list[int] = field(default_factory=list)


@dataclass
class Table:
    line: int
    header: str | None
    header_lines: list[int]
    rows: list[TableRow]

    @property
    def lines(self) -> set[int]:
        """Every line the table occupies: header, labels and rows."""
        return {*self.header_lines, *(n for row in self.rows for n in (*row.label_lines, row.line))}


def split_cells(text: str) -> tuple[list[str], list[bool]]:
    """The cells of a flattened row and, for each, whether it is a figure."""
    cells: list[str] = []
    figures: list[bool] = []
    tokens = text.split()
    in_reference = False
    index = 0
    while index < len(tokens):
        token = tokens[index]
        previous = tokens[index - 1] if index else ""
        referenced = previous in _SECTION_SIGNS or (in_reference and previous in _REFERENCE_JOINERS)
        if _FIGURE.match(token) and not referenced:
            while index + 1 < len(tokens) and tokens[index + 1] in _UNIT_TOKENS:
                index += 1
                token = f"{token} {tokens[index]}"
            cells.append(token)
            figures.append(True)
            in_reference = False
        elif token.lower() in MONTHS and index + 1 < len(tokens) and _YEAR.match(tokens[index + 1]):
            cells.append(f"{token} {tokens[index + 1]}")
            figures.append(False)
            index += 1
        else:
            in_reference = in_reference or token in _SECTION_SIGNS
            if cells and not figures[-1] and not _is_month_year(cells[-1]):
                cells[-1] = f"{cells[-1]} {token}"
            else:
                cells.append(token)
                figures.append(False)
        index += 1
    return cells, figures


def _is_month_year(cell: str) -> bool:
    parts = cell.split()
    return len(parts) == 2 and parts[0].lower() in MONTHS and bool(_YEAR.match(parts[1]))


def row_cells(text: str) -> tuple[list[str], list[bool]] | None:
    """The cells of ``text`` and their figure flags if it is a data row (see the module
    docstring), else None."""
    if not text or text[0].islower():
        return None
    cells, figures = split_cells(text)
    if not figures or not figures[-1]:
        return None
    first_figure = figures.index(True)
    interleaved = not all(figures[first_figure:])
    if interleaved and all(len(c) == 1 for c, figure in zip(cells, figures, strict=True) if figure):
        return None  # "… tranche 1 Andel af …, tranche 2": numbered labels, not figures
    if sum(figures) >= 2 or (len(cells) == 1 and _THOUSANDS.match(cells[0])):
        return cells, figures
    return None


def find_tables(
    lines: tuple[str, ...],
    first: int,
    last: int,
    skip: Collection[int],
    is_structural: Callable[[str], bool],
) -> list[Table]:
    """The tables in lines ``first``..``last`` (1-based, inclusive); ``skip`` holds furniture.

    A row that starts with a figure takes its label from the text lines above it (back to one not
    starting in lower case or with "("). Text between the previous boundary (a structural line or
    a line ending a sentence) and a table's first row is its header; text lines between rows are
    label-only rows (group headings); a boundary ends the table.
    """
    text = {n: lines[n - 1].strip() for n in range(first, last + 1) if lines[n - 1].strip() and n not in skip}
    tables: list[Table] = []
    current: Table | None = None
    pending: list[int] = []  # text lines since the last boundary or row
    for number, line in sorted(text.items()):
        structural = is_structural(line)
        row = None if structural else row_cells(line)
        if row is None:
            if structural or ends_sentence(line):
                current, pending = None, []
            else:
                pending.append(number)
            continue
        cells, figures = row
        label_lines = _label_lines(text, pending) if figures[0] else []
        if label_lines:
            cells = [_joined(text, label_lines), *cells]
        others = [n for n in pending if n not in label_lines]
        if current is None:
            current = Table((others or label_lines or [number])[0], _joined(text, others), others, [])
            tables.append(current)
        else:
            current.rows.extend(TableRow([text[n]], n) for n in others)
        current.rows.append(TableRow(cells, number, label_lines))
        pending = []
    return tables


def _label_lines(text: dict[int, str], pending: list[int]) -> list[int]:
    """The pending lines that label a row of figures: the last ones, back to one that starts a label."""
    label: list[int] = []
    for number in reversed(pending):
        label.insert(0, number)
        if not (text[number][:1].islower() or text[number].startswith("(")):
            break
    return label


def _joined(text: dict[int, str], numbers: list[int]) -> str | None:
    joined = join_numbered((n, text[n]) for n in numbers)
    return joined.text if joined else None
