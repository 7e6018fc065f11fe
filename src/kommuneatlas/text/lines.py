"""Lines of a text, and offsets into it: the one definition of a physical line, the one mapping
from a character offset to its line, and lines joined into running text that remember where each
began (:class:`Joined`).

Provenance, the source-text pages and the citations' line numbers all count lines as
:func:`line_bounds` does.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .clean import collapse_ws, join_hyphenated

LINE_BREAK = re.compile(r"\r\n|\n|\r")

NumberedLine = tuple[int, str]
"""A physical line with its 1-based line number."""


def line_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each physical line of a source text, as provenance numbers them.

    Lines end at a line feed (CRLF and a lone CR count as one); a form feed stays in its line,
    where it marks a page start (``str.splitlines`` would break there and shift every later line
    number). A final line break ends the last line; it does not start an empty one.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in LINE_BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def source_lines(text: str) -> tuple[str, ...]:
    """The physical lines of a source text (see :func:`line_bounds`)."""
    return tuple(text[start:end] for start, end in line_bounds(text))


class LineIndex:
    """The line of any character offset into one text, lines counted as :func:`line_bounds` counts them."""

    def __init__(self, text: str) -> None:
        self._starts = [0, *(match.end() for match in LINE_BREAK.finditer(text))]
        self._lines = max(len(line_bounds(text)), 1)

    def line_of(self, offset: int) -> int:
        """The 1-based number of the line that holds ``offset``: a line break belongs to the line it
        ends, and an offset at or past the end of the text is on its last line."""
        return min(bisect.bisect_right(self._starts, offset), self._lines)


@dataclass(frozen=True)
class Joined:
    """Lines joined into running text; ``starts[i]`` is the offset in ``text`` where line ``lines[i]``
    begins. Extractors search the joined text for dates and amounts and map a match back to its line."""

    text: str
    starts: tuple[int, ...]
    lines: tuple[int, ...]

    @property
    def first_line(self) -> int:
        return self.lines[0]

    @property
    def last_line(self) -> int:
        return self.lines[-1]

    def line_at(self, offset: int) -> int:
        """The physical line the character at ``offset`` came from."""
        return self.lines[max(0, bisect.bisect_right(self.starts, offset) - 1)]


def join_numbered(numbered: Iterable[NumberedLine]) -> Joined | None:
    """Join numbered lines like :func:`kommuneatlas.text.clean.join_lines` (whitespace collapsed,
    blank lines left out, hyphenation at line ends resolved); None if all are blank."""
    text = ""
    starts: list[int] = []
    lines: list[int] = []
    for number, raw in numbered:
        line = collapse_ws(raw)
        if not line:
            continue
        text = join_hyphenated(text, line)
        starts.append(len(text) - len(line))  # every join keeps the right part as the suffix
        lines.append(number)
    if not lines:
        return None
    return Joined(text, tuple(starts), tuple(lines))
