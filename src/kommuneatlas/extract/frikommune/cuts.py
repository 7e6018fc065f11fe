"""Dividing the lines between two anchors of a frikommune table into one cell per column, where
the cells read most like text wrapped at their columns' widths (see :mod:`.rows`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from ...text.clean import collapse_ws
from ...text.lines import NumberedLine
from ...text.sentences import ends_sentence
from .anchors import BROKEN_WORD, WORD_START, can_start_cell
from .text import Cell

# How much shorter than its column a line may be and still count as full (proportional type:
# the number of characters that fit on a line varies): SLACK characters and SLACK_SHARE of the width.
SLACK = 2
SLACK_SHARE = 0.15

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

MAX_CELL_LINES = 40  # nor a cell of any other column

_DANGLING = re.compile(r"(?:[,;]|\b(?:og|eller|samt|til|i|af|for|om|med))$")


@dataclass(frozen=True)
class Spacing:
    """Where the text puts blank lines: the numbers of lines that follow a blank line, and of lines
    that follow the line before directly. A text that has blank lines between its cells shows there
    where a cell ends; one without (another converter's) leaves both empty."""

    after_blank: frozenset[int] = frozenset()
    after_text: frozenset[int] = frozenset()


NO_SPACING = Spacing()


@dataclass
class Model:
    """What a pass learnt about each column: its width (the usual width of its cells' widest lines),
    the most a line of it may hold, and the words its cells begin with."""

    widths: dict[int, float] = field(default_factory=dict)
    limits: dict[int, float] = field(default_factory=dict)
    openings: dict[int, frozenset[str]] = field(default_factory=dict)
    keywords: dict[int, str] = field(default_factory=dict)


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
        clean = collapse_ws(text)
        return cls(
            number,
            clean,
            len(clean),
            clean.split()[0] if clean else "",
            BROKEN_WORD.search(clean) is not None,
            ends_sentence(clean),
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
            if index and can_start_cell(lines, index):
                self.cuts.append(_Cut(index))
            clean = collapse_ws(text)
            for word in WORD_START.finditer(clean):
                head = clean[word.start() :].split()[0]
                left = clean[: word.start()].rstrip()
                if head[:1].isupper() and (openers is None or ends_sentence(left) or head in openers):
                    self.cuts.append(_Cut(index, word.start()))
        self.cuts.append(_Cut(len(lines)))
        self.cuts.sort(key=lambda cut: (cut.index, cut.offset))

    def piece(self, index: int, begin: int = 0, end: int | None = None) -> _Piece:
        if begin == 0 and end is None:
            return self.whole[index]
        number, text = self.lines[index]
        return _Piece.of(number, collapse_ws(text)[begin:end])

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


def _cost(pieces: Sequence[_Piece], column: int, model: Model | None, spacing: Spacing = NO_SPACING) -> float:
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


def divide(
    lines: Sequence[NumberedLine], columns: Sequence[int], model: Model | None, spacing: Spacing
) -> Division | None:
    """The best division of the stretch into one cell per column (None if there is none); where
    the lines' ends and sentences do not give places enough, any capitalised word may begin a cell."""
    openers = frozenset().union(*model.openings.values()) if model else frozenset()
    return _divide_at(_Stretch(lines, openers, spacing), columns, model) or _divide_at(
        _Stretch(lines, None, spacing), columns, model
    )


def _divide_at(stretch: _Stretch, columns: Sequence[int], model: Model | None) -> Division | None:
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
