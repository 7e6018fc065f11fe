"""The municipality cells that anchor the rows of a frikommune table, each with the title before it
(see :mod:`.rows`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...sources.reference import KommuneIndex
from ...text.clean import collapse_ws
from ...text.lines import NumberedLine
from ...text.sentences import ends_sentence
from .kommuner import parse_kommune_list, read_kommune_cell, split_after_list
from .text import Cell, text_of

MAX_TITLE_WORDS = 3  # a title that shares its line with the municipalities and the next cell
MAX_KOMMUNE_LINES = 14  # a cell of municipalities wraps onto at most this many lines

WORD_START = re.compile(r"(?<=\s)\S")

# Words after which a number follows: "§ 9", "pr. 1.7. 2017", "stk. 2".
_NEEDS_NUMBER = re.compile(r"(?:§|\b(?:nr|stk|kap|pr|d|jf|pkt)\.|\bkapitel)$", re.IGNORECASE)
BROKEN_WORD = re.compile(r"[^\W\d_]-$")


@dataclass(frozen=True)
class Anchor:
    """A municipality cell: where it starts and ends in the table's lines, and the pieces of its
    first and last line that belong to the title before it and the cell after it."""

    first: int  # index of its first line
    after: int  # index of the line after it
    cell: Cell
    title: Cell | None  # a title sharing the first line
    rest: NumberedLine | None  # the start of the next cell, sharing the last line


def _name_goes_on(lines: Sequence[NumberedLine], index: int, end: int, kommuner: KommuneIndex) -> bool:
    """Whether the list that ends at ``end`` on ``lines[index]`` goes on onto the next line
    ("Guldborgsund Kom-" / "mune …" is "Guldborgsund Kommune", not a list and a cell)."""
    if index + 1 >= len(lines):
        return False
    joined = text_of(lines[index : index + 2])
    return parse_kommune_list(joined, kommuner).end > end


def _anchor_at(lines: Sequence[NumberedLine], index: int, kommuner: KommuneIndex) -> Anchor | None:
    """The municipality cell that starts at ``lines[index]``, if one does: the most lines from
    there that read as a list of municipalities (and a remark in parentheses)."""
    number, text = lines[index]
    stripped = collapse_ws(text)
    if read_kommune_cell(stripped, kommuner) is None and (split := split_after_list(stripped, kommuner)):
        end, rest = split  # a one-line list sharing its line with the next cell
        if _name_goes_on(lines, index, end, kommuner):
            return None
        return Anchor(index, index + 1, ((number, stripped[:end]),), None, (number, stripped[rest:]))
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
    return Anchor(index, best + 1, tuple(lines[index : best + 1]), None, None)


def _title_anchor(lines: Sequence[NumberedLine], index: int, kommuner: KommuneIndex) -> Anchor | None:
    """A line holding a short title, a one-line list of municipalities and the next cell's start."""
    number, text = lines[index]
    stripped = collapse_ws(text)
    for word in list(WORD_START.finditer(stripped))[:MAX_TITLE_WORDS]:
        split = split_after_list(stripped, kommuner, word.start())
        if split is not None:
            end, rest = split
            title = ((number, stripped[: word.start()].strip()),)
            cell = ((number, stripped[word.start() : end]),)
            return Anchor(index, index + 1, cell, title, (number, stripped[rest:]))
    return None


def can_start_cell(lines: Sequence[NumberedLine], index: int) -> bool:
    """Whether a cell can begin with ``lines[index]`` (see the module docstring). One that begins
    with a digit or "§" must follow the end of a sentence ("… revision efter" / "1.7. 2018." and
    "Lov om frikommunenetværk" / "§ 25." go on), but not an abbreviation that wants a number."""
    first = lines[index][1].lstrip()[:1]
    if not (first.isupper() or first.isdigit() or first in '§(”“"'):
        return False
    if index == 0:
        return True
    before = collapse_ws(lines[index - 1][1])
    if first.isdigit() or first == "§":
        return ends_sentence(before) and not _NEEDS_NUMBER.search(before)
    return not (BROKEN_WORD.search(before) or before.endswith("§"))


def find_anchors(lines: Sequence[NumberedLine], kommuner: KommuneIndex) -> list[Anchor]:
    """The municipality cells of a table, in order: each must have a title before it."""
    anchors: list[Anchor] = []
    index = 0
    while index < len(lines):
        previous_end = anchors[-1].after if anchors else 0
        anchor = None
        if index > previous_end and can_start_cell(lines, index):
            anchor = _anchor_at(lines, index, kommuner)
        if anchor is None and can_start_cell(lines, index):
            anchor = _title_anchor(lines, index, kommuner)
        if anchor is not None:
            anchors.append(anchor)
            index = anchor.after
        else:
            index += 1
    return anchors
