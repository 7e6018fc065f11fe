"""Table rows of the frikommune status note, read from the lines of a serialised table.

The export writes a table row cell by cell — the title, the municipalities, then the other
columns — each cell's text wrapped at its column's width. Whether blank lines stand between the
cells depends on the converter, so the rows are found from what the lines say:

* Every table has a title column followed by a municipality column. A municipality cell is known
  by its words (:mod:`.kommuner`); it anchors a row, and the title cell stands right
  before it (on the same line, for a one-line title and list: "Mikrolån Aalborg Forsøget …").
* Between two anchors stand the other cells of one row and the title of the next. They are
  divided at line ends, or inside a line where a one-line cell shares it with the first words of
  the next ("Borgere over 65 år i eget hjem. Tilbud-"), into one cell per column, in order, such
  that each cell reads as text wrapped at its column's width: a line that is not a cell's last is
  full — the next line's first word would not have fitted on it — unless it ends a sentence or a
  word broken at the line end. A cell begins with a capital letter, a digit, "§", "(" or a quote,
  never after a broken word ("frikom-") or a "§" that wants its number.
* The columns' widths are not known beforehand. A first pass takes each cell's widest line as
  its width. Then, twice, the widths are learnt from the rows read so far — a table's own (its
  columns differ from the next table's) and those of all tables of its kind; whichever divides the
  table at less cost is taken — with the words each column's cells begin with, and every row is
  divided again: a line wider than its column is unlikely, a cell that begins with a word the
  cells of its column begin with, or names its column ("Lovmæssig ikrafttrædelse …"), likely.
* Where the text sets blank lines between cells (the bundled export), a cell ends at a blank line
  and runs over none. A division that cannot keep to them, or, in a text without blank lines, a
  cell that reads like no cell of its column, means the table is broken (cut off mid-row, a row
  without municipalities): an :class:`~kommuneatlas.errors.ExtractionError` at the row.

:class:`TableReader` reads all the tables of a note together, because the second pass needs what
the first learnt from every table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...errors import ExtractionError
from ...sources.reference import KommuneIndex
from ...text.clean import collapse_ws
from ...text.lines import NumberedLine
from .anchors import Anchor, find_anchors
from .cuts import Model, Spacing, divide
from .text import Cell

WIDER = 2  # how much wider than the most of its column's cells' widest lines a line may be

PASSES = 2  # passes after the first, each with what the one before learnt
MIN_CELLS = 4  # cells of several lines a table needs to tell a column's width by itself
MIN_OPENINGS = 3  # cells a word must begin in a column to count as one of its openings

MIN_KEYWORD_LETTERS = 6  # a column's name's word that short tells nothing ("på", "mune")


@dataclass(frozen=True)
class Row:
    """A table row: one cell per column, the title first and the municipalities second."""

    cells: tuple[Cell, ...]

    @property
    def title(self) -> Cell:
        return self.cells[0]

    @property
    def kommune(self) -> Cell:
        return self.cells[1]

    @property
    def first_line(self) -> int:
        return self.title[0][0]

    @property
    def last_line(self) -> int:
        return max(number for cell in self.cells for number, _ in cell)


@dataclass
class _Table:
    where: str
    columns: int
    lines: list[NumberedLine]
    anchors: list[Anchor]
    keywords: dict[int, str]  # a column's name's last word ("ikrafttrædelse"), if long enough to tell
    spacing: Spacing


@dataclass
class _Reading:
    """A table read with a model: its rows, what the divisions cost, and the first row (its line,
    and whether it is the title before the first row) whose division is too costly to trust."""

    rows: list[list[Cell]]
    cost: float = 0.0
    problem: tuple[int, bool] | None = None


def _first_word(piece: NumberedLine) -> str:
    words = piece[1].split()
    return words[0] if words else ""


class TableReader:
    """Reads the rows of every table of a note (see the module docstring)."""

    def __init__(self, kommuner: KommuneIndex, path: Path) -> None:
        self.kommuner = kommuner
        self.path = path
        self.tables: list[_Table] = []

    def add(
        self, lines: Sequence[NumberedLine], columns: Sequence[str], where: str, line: int, spacing: Spacing
    ) -> int:
        """Queue a table's content lines (no header, no blank line), its columns' names, its name
        and first line (for errors) and where its text sets blank lines; the index to read it by."""
        anchors = find_anchors(lines, self.kommuner)
        if not anchors:
            raise ExtractionError(self.path, line, f"{where}: tabellen har ingen rækker")
        if anchors[0].first == 0 and anchors[0].title is None:
            raise ExtractionError(
                self.path,
                lines[0][0],
                f"{where}: her skulle en række begynde (en titel efterfulgt af en celle med kommuner)",
            )
        keywords = {
            index: word
            for index, name in enumerate(columns)
            if index > 1 and len(word := name.split()[-1].lower()) >= MIN_KEYWORD_LETTERS
        }
        self.tables.append(_Table(where, len(columns), list(lines), anchors, keywords, spacing))
        return len(self.tables) - 1

    def _stretches(self, table: _Table) -> list[tuple[list[NumberedLine], list[int], int]]:
        """The lines between the anchors, the columns they hold, and the row they end."""
        found: list[tuple[list[NumberedLine], list[int], int]] = []
        rest = list(range(2, table.columns))
        for index, anchor in enumerate(table.anchors):
            start = table.anchors[index - 1].after if index else 0
            stretch = list(table.lines[start : anchor.first])
            if index and table.anchors[index - 1].rest:
                stretch.insert(0, table.anchors[index - 1].rest)  # type: ignore[arg-type]
            columns = ([] if index == 0 else rest) + ([] if anchor.title else [0])
            found.append((stretch, columns, index))
        tail = list(table.lines[table.anchors[-1].after :])
        if table.anchors[-1].rest:
            tail.insert(0, table.anchors[-1].rest)
        found.append((tail, rest, len(table.anchors)))
        return found

    def _read_table(self, table: _Table, model: Model | None) -> _Reading:
        """A table's rows as lists of cells, divided with ``model`` (None: the first pass)."""
        rows: list[list[Cell]] = [[] for _ in table.anchors]
        reading = _Reading(rows)
        for lines, columns, row in self._stretches(table):
            if not columns:
                continue
            found = divide(lines, columns, model, table.spacing) if lines else None
            first = rows[row - 1][0][0][0] if row and rows[row - 1] else (lines or table.lines)[0][0]
            if found is None or not found[2]:
                reading.problem = reading.problem or (first, row == 0)
            if found is None:
                raise self._problem(table, first, row == 0)
            cells, cost, _ = found
            reading.cost += cost
            for column, cell in zip(columns, cells, strict=True):
                rows[row - 1 if column else row].append(cell)
        for anchor, cells in zip(table.anchors, rows, strict=True):
            cells[:0] = [anchor.title if anchor.title else cells.pop(0), anchor.cell]
        return reading

    def _problem(self, table: _Table, line: int, before_first: bool) -> ExtractionError:
        if before_first:
            message = "her skulle en række begynde (en titel efterfulgt af en celle med kommuner)"
        else:
            message = (
                f"rækken, der begynder her, kan ikke deles i sine {table.columns} celler; "
                "tabellen er måske skåret af midt i en række"
            )
        return ExtractionError(self.path, line, f"{table.where}: {message}")

    @staticmethod
    def _learn(rows: Sequence[Sequence[Cell]]) -> tuple[dict[int, list[int]], dict[int, Counter[str]]]:
        """The widest line of each cell of several lines, and the cells' first words, by column."""
        widths: dict[int, list[int]] = {}
        openings: dict[int, Counter[str]] = {}
        for row in rows:
            for column, cell in enumerate(row):
                if len(cell) > 1:
                    widths.setdefault(column, []).append(max(len(collapse_ws(text)) for _, text in cell))
                openings.setdefault(column, Counter())[_first_word(cell[0])] += 1
        return widths, openings

    def _models(self, tables: list[list[list[Cell]]]) -> list[list[Model]]:
        """Per table, the models to try: one of its own columns' widths (where it has cells enough
        to tell) and one of the widths of all tables of its kind; both with the opening words of all
        tables of its kind (a word that begins at least MIN_OPENINGS cells of a column and few of
        the others)."""
        learnt = [self._learn(rows) for rows in tables]
        kinds: dict[int, tuple[dict[int, list[int]], dict[int, Counter[str]]]] = {}
        for table, (widths, openings) in zip(self.tables, learnt, strict=True):
            all_widths, all_openings = kinds.setdefault(table.columns, ({}, {}))
            for column, found in widths.items():
                all_widths.setdefault(column, []).extend(found)
            for column, counted in openings.items():
                all_openings.setdefault(column, Counter()).update(counted)
        models: list[list[Model]] = []
        for table, (widths, _) in zip(self.tables, learnt, strict=True):
            all_widths, all_openings = kinds[table.columns]
            own = {
                c: found if len(found) >= MIN_CELLS else all_widths.get(c, []) for c, found in widths.items()
            }
            models.append(
                [_model(own, all_openings, table.keywords), _model(all_widths, all_openings, table.keywords)]
            )
        return models

    def read(self) -> list[list[Row]]:
        """The rows of every table added, in the order added (see the module docstring)."""
        readings = [self._read_table(table, None) for table in self.tables]
        for _ in range(PASSES):
            models = self._models([reading.rows for reading in readings])
            readings = [
                min((self._read_table(table, model) for model in tried), key=lambda reading: reading.cost)
                for table, tried in zip(self.tables, models, strict=True)
            ]
        for table, reading in zip(self.tables, readings, strict=True):
            if reading.problem:
                raise self._problem(table, *reading.problem)
        return [[Row(tuple(cells)) for cells in reading.rows] for reading in readings]


def _model(
    widths: dict[int, list[int]], openings: dict[int, Counter[str]], keywords: dict[int, str]
) -> Model:
    """A model from the widest lines of the cells of each column and the words they begin with."""
    model = Model(keywords=keywords)
    for column, found in widths.items():
        if found:
            ranked = sorted(found)
            model.widths[column] = ranked[len(ranked) // 2]
            model.limits[column] = ranked[min(len(ranked) - 1, int(len(ranked) * 0.9))] + WIDER
    for column, counted in openings.items():
        elsewhere: Counter[str] = Counter()
        for other, words in openings.items():
            if other != column:
                elsewhere.update(words)
        model.openings[column] = frozenset(
            word for word, n in counted.items() if n >= MIN_OPENINGS and n >= 4 * elsewhere[word]
        )
    return model
