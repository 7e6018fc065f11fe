"""Table rows from the blocks of a serialised table.

The exporter writes a table row cell by cell, separated by blank lines, except that a one-line
cell shares its physical line with the first line of the next cell (a one-word title, a one-name
municipality cell and the first words of the content can make up one line). Each page repeats the table header, but a row may also start, or go on, at the top
of a page without one. Every table here has a title column followed by a municipality column, so a
row starts where a block is followed by a list of municipalities (or holds one after its first
words); the row runs to the next such start.

The cells after the municipality column are split where the row has fewer blocks than the table
has columns: the first line of some block then holds a one-line cell and the start of the next.
Where it divides is learnt from the document itself: the words that the cells of each column
begin with in rows that need no splitting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise
from pathlib import Path

from ..errors import ExtractionError
from ..kommuner import KommuneIndex
from .frikommune_kommuner import read_kommune_cell, split_after_list
from .frikommune_text import Block, Cell, first_word

_WORD_START = re.compile(r"(?<=\s)\S")


@dataclass(frozen=True)
class RowStart:
    title: Cell
    kommune: Cell
    rest: Cell | None  # the start of the next cell when it shares the municipality cell's line
    next_block: int


@dataclass(frozen=True)
class RawRow:
    """A row as found: the cells after the municipality column may still hide one-line cells."""

    title: Cell
    kommune: Cell
    pieces: tuple[Cell, ...]

    @property
    def first_line(self) -> int:
        return self.title[0][0]


def _kommune_block(block: Block, kommuner: KommuneIndex) -> tuple[Cell, Cell | None] | None:
    """The municipality cell a block is or begins with, and the cell it shares its line with."""
    if read_kommune_cell(block.text, kommuner) is not None:
        return block.lines, None
    number, line = block.lines[0]
    split = split_after_list(line, kommuner)
    if split is None:
        return None
    end, rest = split
    return ((number, line[:end]),), ((number, line[rest:]), *block.lines[1:])


def _title_line(block: Block, kommuner: KommuneIndex) -> tuple[Cell, Cell, Cell] | None:
    """A one-line title sharing its line with a one-line list of municipalities and the start of
    the next cell: the three cells."""
    number, line = block.lines[0]
    for word in _WORD_START.finditer(line):
        split = split_after_list(line, kommuner, word.start())
        if split is not None:
            end, rest = split
            title = ((number, line[: word.start()]),)
            kommune = ((number, line[word.start() : end]),)
            return title, kommune, ((number, line[rest:]), *block.lines[1:])
    return None


def match_row_start(blocks: Sequence[Block], index: int, kommuner: KommuneIndex) -> RowStart | None:
    """The row that starts at ``blocks[index]``, if one does."""
    block = blocks[index]
    if index + 1 < len(blocks):
        found = _kommune_block(blocks[index + 1], kommuner)
        if found is not None:
            return RowStart(block.lines, found[0], found[1], index + 2)
    merged = _title_line(block, kommuner)
    if merged is not None:
        return RowStart(*merged, index + 1)
    return None


def split_rows(blocks: Sequence[Block], kommuner: KommuneIndex, path: Path, where: str) -> list[RawRow]:
    """The rows of one stretch of a table (between two headers)."""
    rows: list[RawRow] = []
    index = 0
    while index < len(blocks):
        start = match_row_start(blocks, index, kommuner)
        if start is None:
            raise ExtractionError(
                path,
                blocks[index].first_line,
                f"{where}: expected a row to start here (a title cell followed by a cell of municipalities)",
            )
        pieces: list[Cell] = [start.rest] if start.rest else []
        index = start.next_block
        while index < len(blocks) and not (pieces and match_row_start(blocks, index, kommuner)):
            block = blocks[index]
            if block.soft and pieces:
                pieces[-1] = pieces[-1] + block.lines
            else:
                pieces.append(block.lines)
            index += 1
        rows.append(RawRow(start.title, start.kommune, tuple(pieces)))
    return rows


def learn_openings(rows: Sequence[RawRow], columns: int) -> list[frozenset[str]]:
    """For each column after the municipality column: the first words of its cells in the rows
    that have exactly one block per column."""
    openings: list[set[str]] = [set() for _ in range(columns)]
    for row in rows:
        if len(row.pieces) == columns:
            for column, piece in enumerate(row.pieces):
                openings[column].add(first_word(piece))
    return [frozenset(words) for words in openings]


def _split(pieces: Sequence[Cell], cuts: Sequence[tuple[int, int]]) -> list[tuple[Cell, bool]]:
    """The cells after cutting the first lines of ``pieces`` at ``cuts`` (piece, offset); each
    with whether it begins at a cut."""
    cells: list[tuple[Cell, bool]] = []
    for index, piece in enumerate(pieces):
        number, line = piece[0]
        bounds = [0, *sorted(offset for at, offset in cuts if at == index), len(line)]
        parts = list(pairwise(bounds))
        for part, (begin, end) in enumerate(parts):
            text = line[begin:end].strip()
            tail = piece[1:] if part == len(parts) - 1 else ()
            cells.append((((number, text), *tail), part > 0))
    return cells


def resolve_cells(
    row: RawRow, openings: Sequence[frozenset[str]], path: Path, where: str
) -> tuple[Cell, ...]:
    """The cells after the municipality column, one-line cells split off where blocks hold two.

    A cut must leave a cell that begins with a word cells of its column begin with; of the ways to
    cut, the one where most cells begin so wins, and a tie is an error.
    """
    columns = len(openings)
    missing = columns - len(row.pieces)
    if missing == 0:
        return row.pieces
    problem = f"{where}: the row starting here has {len(row.pieces) + 2} of {columns + 2} cells"
    if missing < 0:
        raise ExtractionError(path, row.first_line, problem)
    candidates = [
        (index, word.start())
        for index, piece in enumerate(row.pieces)
        for word in _WORD_START.finditer(piece[0][1])
    ]
    scored: dict[int, list[tuple[Cell, ...]]] = {}
    for cuts in combinations(candidates, missing):
        cells = _split(row.pieces, cuts)
        fits = [first_word(cell) in openings[column] for column, (cell, _) in enumerate(cells)]
        if all(cell[0][1] for cell, _ in cells) and all(
            fit for fit, (_, cut) in zip(fits, cells, strict=True) if cut
        ):
            scored.setdefault(sum(fits), []).append(tuple(cell for cell, _ in cells))
    best = scored[max(scored)] if scored else []
    if len(best) != 1:
        reason = (
            "the table may be cut off mid-row, or two cells run together"
            if not best
            else "it is ambiguous where its cells divide"
        )
        raise ExtractionError(path, row.first_line, f"{problem}; {reason}")
    return best[0]
