"""Table rows of the frikommune status note, read from the lines of a serialised table.

The export writes a table row cell by cell — the title, the municipalities, then the other
columns — each cell's text wrapped at its column's width. Whether blank lines stand between the
cells depends on the converter, so the rows are found from what the lines say:

* Every table has a title column followed by a municipality column. A municipality cell is known
  by its words (:mod:`.kommuner`); it anchors a row, and the title cell stands right
  before it (on the same line, for a one-line title and list: "Mikrolån Aalborg Forsøget …").
* Between two anchors stand the other cells of one row and the title of the next. They are
  divided at line ends, or inside a line where a one-line cell shares it with the first words of
  the next ("Elever på 4.-7. klassetrin. Forsøgsbe-"), into one cell per column, in order, such
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

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from ...errors import ExtractionError
from ...sources.reference import KommuneIndex
from ...text.clean import collapse_ws
from .kommuner import parse_kommune_list, read_kommune_cell, split_after_list
from .text import Cell, NumberedLine, text_of

# How much shorter than its column a line may be and still count as full (proportional type:
# the number of characters that fit on a line varies): SLACK characters and SLACK_SHARE of the width.
SLACK = 2
SLACK_SHARE = 0.15
WIDER = 2  # how much wider than the most of its column's cells' widest lines a line may be
OVER_COST = 3.0  # for each character a line is wider than that
FIT_COST = 0.05  # for each character a full line falls short of its column (a tie breaker)
BREAK_COST = 0.5  # a line that ends a sentence before the line is full: a paragraph in the cell
OPENING_BONUS = 1.5  # a cell that begins with a word its column's cells begin with
KEYWORD_BONUS = 1.5  # a cell that names its column near its start ("Lovmæssig ikrafttrædelse …")
KEYWORD_REACH = 40  # characters from a cell's start in which it may name its column
END_COST = 6.0  # a cell that ends in a comma or a conjunction
BLANK_COST = 40.0  # a cell that runs over a blank line, where the text sets blank lines between cells
ADJACENT_COST = 40.0  # a cell that ends where no blank line follows, in such a text
IMPOSSIBLE = 1e6
MAX_CELL_COST = 25.0  # a cell that costs more cannot be what the row holds: the table is broken
PASSES = 2  # passes after the first, each with what the one before learnt
MIN_CELLS = 4  # cells of several lines a table needs to tell a column's width by itself
MIN_OPENINGS = 3  # cells a word must begin in a column to count as one of its openings
MAX_TITLE_WORDS = 3  # a title that shares its line with the municipalities and the next cell
MAX_KOMMUNE_LINES = 14  # a cell of municipalities wraps onto at most this many lines
MAX_CELL_LINES = 40  # nor a cell of any other column
MIN_KEYWORD_LETTERS = 6  # a column's name's word that short tells nothing ("på", "mune")

_WORD_START = re.compile(r"(?<=\s)\S")
_SENTENCE_END = (".", "!", "?", ":")
_DANGLING = re.compile(r"(?:[,;]|\b(?:og|eller|samt|til|i|af|for|om|med))$")
# Words after which a number follows: "§ 9", "pr. 1.7. 2017", "stk. 2".
_NEEDS_NUMBER = re.compile(r"(?:§|\b(?:nr|stk|kap|pr|d|jf|pkt)\.|\bkapitel)$", re.IGNORECASE)
_BROKEN_WORD = re.compile(r"[^\W\d_]-$")


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


@dataclass(frozen=True)
class Spacing:
    """Where the text puts blank lines: the numbers of lines that follow a blank line, and of lines
    that follow the line before directly. A text that has blank lines between its cells shows there
    where a cell ends; one without (another converter's) leaves both empty."""

    after_blank: frozenset[int] = frozenset()
    after_text: frozenset[int] = frozenset()


NO_SPACING = Spacing()


@dataclass(frozen=True)
class _Anchor:
    """A municipality cell: where it starts and ends in the table's lines, and the pieces of its
    first and last line that belong to the title before it and the cell after it."""

    first: int  # index of its first line
    after: int  # index of the line after it
    cell: Cell
    title: Cell | None  # a title sharing the first line
    rest: NumberedLine | None  # the start of the next cell, sharing the last line


@dataclass
class _Table:
    where: str
    columns: int
    lines: list[NumberedLine]
    anchors: list[_Anchor]
    keywords: dict[int, str]  # a column's name's last word ("ikrafttrædelse"), if long enough to tell
    spacing: Spacing


@dataclass
class _Reading:
    """A table read with a model: its rows, what the divisions cost, and the first row (its line,
    and whether it is the title before the first row) whose division is too costly to trust."""

    rows: list[list[Cell]]
    cost: float = 0.0
    problem: tuple[int, bool] | None = None


@dataclass
class _Model:
    """What a pass learnt about each column: its width (the usual width of its cells' widest lines),
    the most a line of it may hold, and the words its cells begin with."""

    widths: dict[int, float] = field(default_factory=dict)
    limits: dict[int, float] = field(default_factory=dict)
    openings: dict[int, frozenset[str]] = field(default_factory=dict)
    keywords: dict[int, str] = field(default_factory=dict)


def _clean(text: str) -> str:
    return collapse_ws(text)


def _first_word(piece: NumberedLine) -> str:
    words = piece[1].split()
    return words[0] if words else ""


# --- anchors -------------------------------------------------------------------------------------


def _name_goes_on(lines: Sequence[NumberedLine], index: int, end: int, kommuner: KommuneIndex) -> bool:
    """Whether the list that ends at ``end`` on ``lines[index]`` goes on onto the next line
    ("Guldborgsund Kom-" / "mune …" is "Guldborgsund Kommune", not a list and a cell)."""
    if index + 1 >= len(lines):
        return False
    joined = text_of(lines[index : index + 2])
    return parse_kommune_list(joined, kommuner).end > end


def _anchor_at(lines: Sequence[NumberedLine], index: int, kommuner: KommuneIndex) -> _Anchor | None:
    """The municipality cell that starts at ``lines[index]``, if one does: the most lines from
    there that read as a list of municipalities (and a remark in parentheses)."""
    number, text = lines[index]
    stripped = _clean(text)
    if read_kommune_cell(stripped, kommuner) is None and (split := split_after_list(stripped, kommuner)):
        end, rest = split  # a one-line list sharing its line with the next cell
        if _name_goes_on(lines, index, end, kommuner):
            return None
        return _Anchor(index, index + 1, ((number, stripped[:end]),), None, (number, stripped[rest:]))
    best = None
    listed = -1  # where the list read so far ends
    for end in range(index, min(index + MAX_KOMMUNE_LINES, len(lines))):
        joined = text_of(lines[index : end + 1])
        if read_kommune_cell(joined, kommuner) is not None:
            best = end
        found = parse_kommune_list(joined, kommuner)
        broken = joined.endswith("-")  # "Vesthimmer-" / "land", "Ingen forsøgs-" / "kommune"
        remark = joined[found.end :].lstrip(" ,./").startswith("(")
        if not (found.end > listed or broken or remark) or (not found.names and end > index):
            break  # the last line added nothing to the list
        listed = found.end
    if best is None:
        return None
    return _Anchor(index, best + 1, tuple(lines[index : best + 1]), None, None)


def _title_anchor(lines: Sequence[NumberedLine], index: int, kommuner: KommuneIndex) -> _Anchor | None:
    """A line holding a short title, a one-line list of municipalities and the next cell's start."""
    number, text = lines[index]
    stripped = _clean(text)
    for word in list(_WORD_START.finditer(stripped))[:MAX_TITLE_WORDS]:
        split = split_after_list(stripped, kommuner, word.start())
        if split is not None:
            end, rest = split
            title = ((number, stripped[: word.start()].strip()),)
            cell = ((number, stripped[word.start() : end]),)
            return _Anchor(index, index + 1, cell, title, (number, stripped[rest:]))
    return None


def _can_start_cell(lines: Sequence[NumberedLine], index: int) -> bool:
    """Whether a cell can begin with ``lines[index]`` (see the module docstring). One that begins
    with a digit or "§" must follow the end of a sentence ("… revision efter" / "1.7. 2018." and
    "Lov om frikommunenetværk" / "§ 25." go on), but not an abbreviation that wants a number."""
    first = lines[index][1].lstrip()[:1]
    if not (first.isupper() or first.isdigit() or first in '§(”“"'):
        return False
    if index == 0:
        return True
    before = _clean(lines[index - 1][1])
    if first.isdigit() or first == "§":
        return before.endswith(_SENTENCE_END) and not _NEEDS_NUMBER.search(before)
    return not (_BROKEN_WORD.search(before) or before.endswith("§"))


def find_anchors(lines: Sequence[NumberedLine], kommuner: KommuneIndex) -> list[_Anchor]:
    """The municipality cells of a table, in order: each must have a title before it."""
    anchors: list[_Anchor] = []
    index = 0
    while index < len(lines):
        previous_end = anchors[-1].after if anchors else 0
        anchor = None
        if index > previous_end and _can_start_cell(lines, index):
            anchor = _anchor_at(lines, index, kommuner)
        if anchor is None and _can_start_cell(lines, index):
            anchor = _title_anchor(lines, index, kommuner)
        if anchor is not None:
            anchors.append(anchor)
            index = anchor.after
        else:
            index += 1
    return anchors


# --- dividing the lines between two anchors into cells ------------------------------------------


@dataclass(frozen=True)
class _Piece:
    """A line, or the part of one, with what the cost of a division reads from it."""

    number: int
    text: str
    length: int
    first_word: str
    broken: bool  # ends with a word broken at the line end
    closed: bool  # ends a sentence
    dangling: bool  # ends with a comma or a word that wants more

    @classmethod
    @functools.lru_cache(maxsize=1 << 16)
    def of(cls, number: int, text: str) -> _Piece:
        clean = _clean(text)
        return cls(
            number,
            clean,
            len(clean),
            clean.split()[0] if clean else "",
            _BROKEN_WORD.search(clean) is not None,
            clean.endswith(_SENTENCE_END),
            _DANGLING.search(clean) is not None,
        )


@dataclass(frozen=True)
class _Cut:
    """A place where a cell may end: before line ``index``, or inside it at ``offset``."""

    index: int
    offset: int = 0


class _Stretch:
    """The lines between two anchors and the places where a cell may end among them."""

    def __init__(
        self, lines: Sequence[NumberedLine], openers: frozenset[str] | None, spacing: Spacing
    ) -> None:
        """``openers``: words that may begin a cell inside a line (besides any after a sentence's
        end); None: any capitalised word."""
        self.lines = list(lines)
        self.spacing = spacing
        self.whole = [_Piece.of(number, text) for number, text in lines]
        self.cuts = [_Cut(0)]
        for index, (_, text) in enumerate(lines):
            if index and _can_start_cell(lines, index):
                self.cuts.append(_Cut(index))
            clean = _clean(text)
            for word in _WORD_START.finditer(clean):
                head = clean[word.start() :].split()[0]
                left = clean[: word.start()].rstrip()
                if head[:1].isupper() and (
                    openers is None or left.endswith(_SENTENCE_END) or head in openers
                ):
                    self.cuts.append(_Cut(index, word.start()))
        self.cuts.append(_Cut(len(lines)))
        self.cuts.sort(key=lambda cut: (cut.index, cut.offset))

    def piece(self, index: int, begin: int = 0, end: int | None = None) -> _Piece:
        if begin == 0 and end is None:
            return self.whole[index]
        number, text = self.lines[index]
        return _Piece.of(number, _clean(text)[begin:end])

    def cell(self, start: _Cut, stop: _Cut) -> list[_Piece]:
        """The pieces from cut ``start`` to cut ``stop``."""
        if stop.index == start.index:
            return [self.piece(start.index, start.offset, stop.offset)]
        pieces = [self.piece(start.index, start.offset)]
        pieces += self.whole[start.index + 1 : stop.index]
        if stop.offset:
            pieces.append(self.piece(stop.index, 0, stop.offset))
        return [piece for piece in pieces if piece.text]

    def cut_cost(self, cut: _Cut) -> float:
        """What ending a cell at a line end costs where the text sets no blank line there."""
        if cut.offset or not 0 < cut.index < len(self.lines):
            return 0.0
        return ADJACENT_COST if self.lines[cut.index][0] in self.spacing.after_text else 0.0

    def reachable(self, start: _Cut, stop: _Cut) -> bool:
        """Whether one cell can run from ``start`` to ``stop``: a cell that ends inside a line is
        that line's first words alone, and no cell runs over more than MAX_CELL_LINES lines."""
        if stop.offset:
            return start.index == stop.index and start.offset == 0
        return start.index < stop.index <= start.index + MAX_CELL_LINES


def _head(pieces: Sequence[_Piece]) -> str:
    """The first KEYWORD_REACH characters of a cell, lower case, a word broken at the line end joined."""
    first = pieces[0].text[:-1] if pieces[0].broken else pieces[0].text + " "
    return (first + (pieces[1].text if len(pieces) > 1 else ""))[:KEYWORD_REACH].lower()


def _crosses_blank(pieces: Sequence[_Piece], spacing: Spacing) -> bool:
    """Whether a cell runs over a blank line that the text sets between cells."""
    return any(
        piece.number != before.number and piece.number in spacing.after_blank
        for before, piece in pairwise(pieces)
    )


def _cost(
    pieces: Sequence[_Piece], column: int, model: _Model | None, spacing: Spacing = NO_SPACING
) -> float:
    """How unlike a cell of ``column`` wrapped at its width the pieces read (0: alike); a cell that
    runs over a blank line the text sets between cells costs BLANK_COST."""
    if not pieces:
        return IMPOSSIBLE
    widest = max(piece.length for piece in pieces)
    width = model.widths.get(column, widest) if model else widest
    cost = 0.0
    if model and column in model.limits and widest > model.limits[column]:
        cost += OVER_COST * sum(max(0.0, piece.length - model.limits[column]) for piece in pieces)
    slack = SLACK + SLACK_SHARE * width
    for piece, following in pairwise(pieces):
        gap = width - piece.length if piece.broken else width - (piece.length + 1 + len(following.first_word))
        if gap > slack:
            cost += BREAK_COST if piece.closed else gap - slack
        elif gap > 0:
            cost += FIT_COST * gap
    if pieces[-1].dangling or pieces[-1].broken:
        cost += END_COST
    if spacing.after_blank and _crosses_blank(pieces, spacing):
        cost += BLANK_COST
    if model and pieces[0].first_word in model.openings.get(column, ()):
        cost -= OPENING_BONUS
    keyword = model.keywords.get(column) if model else None
    if keyword and keyword in _head(pieces):
        cost -= KEYWORD_BONUS
    return cost


Division = tuple[list[Cell], float, bool]
"""The cells a stretch is divided into, what the division costs, and whether it is to be trusted:
it keeps to the blank lines between cells where the text has them, else no cell costs more than
MAX_CELL_COST."""


def _divide(
    lines: Sequence[NumberedLine], columns: Sequence[int], model: _Model | None, spacing: Spacing
) -> Division | None:
    """The best division of the stretch into one cell per column (None if there is none); where
    the lines' ends and sentences do not give places enough, any capitalised word may begin a cell."""
    openers = frozenset().union(*model.openings.values()) if model else frozenset()
    return _divide_at(_Stretch(lines, openers, spacing), columns, model) or _divide_at(
        _Stretch(lines, None, spacing), columns, model
    )


def _divide_at(stretch: _Stretch, columns: Sequence[int], model: _Model | None) -> Division | None:
    cuts = stretch.cuts
    count, last = len(columns), len(cuts) - 1
    # best[k][j]: the least cost of dividing up to cuts[j] into k cells; back[k][j]: the cut before.
    best: list[dict[int, float]] = [{0: 0.0}]
    back: list[dict[int, int]] = [{}]
    for k, column in enumerate(columns, 1):
        best.append({})
        back.append({})
        for i, before in best[k - 1].items():
            for j in range(i + 1, last + 1):
                if not stretch.reachable(cuts[i], cuts[j]):
                    if cuts[j].index > cuts[i].index + MAX_CELL_LINES:
                        break
                    continue
                if (k == count) != (j == last):
                    continue
                cell = _cost(stretch.cell(cuts[i], cuts[j]), column, model, stretch.spacing)
                total = before + cell + stretch.cut_cost(cuts[j])
                if total < best[k].get(j, IMPOSSIBLE):
                    best[k][j], back[k][j] = total, i
    if best[count].get(last, IMPOSSIBLE) >= IMPOSSIBLE:
        return None
    chosen = [last]
    for k in range(count, 0, -1):
        chosen.append(back[k][chosen[-1]])
    chosen.reverse()
    cells = [
        tuple((piece.number, piece.text) for piece in stretch.cell(cuts[a], cuts[b]))
        for a, b in pairwise(chosen)
    ]
    if stretch.spacing.after_blank:
        trusted = not any(stretch.cut_cost(cuts[b]) for b in chosen[1:-1]) and not any(
            _crosses_blank(stretch.cell(cuts[a], cuts[b]), stretch.spacing) for a, b in pairwise(chosen)
        )
    else:
        costs = (best[k][b] - best[k - 1][a] for k, (a, b) in enumerate(pairwise(chosen), 1))
        trusted = all(cost <= MAX_CELL_COST for cost in costs)
    return cells, best[count][last], trusted


# --- whole tables -------------------------------------------------------------------------------


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

    def _read_table(self, table: _Table, model: _Model | None) -> _Reading:
        """A table's rows as lists of cells, divided with ``model`` (None: the first pass)."""
        rows: list[list[Cell]] = [[] for _ in table.anchors]
        reading = _Reading(rows)
        for lines, columns, row in self._stretches(table):
            if not columns:
                continue
            found = _divide(lines, columns, model, table.spacing) if lines else None
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
                    widths.setdefault(column, []).append(max(len(_clean(text)) for _, text in cell))
                openings.setdefault(column, Counter())[_first_word(cell[0])] += 1
        return widths, openings

    def _models(self, tables: list[list[list[Cell]]]) -> list[list[_Model]]:
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
        models: list[list[_Model]] = []
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
) -> _Model:
    """A model from the widest lines of the cells of each column and the words they begin with."""
    model = _Model(keywords=keywords)
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
