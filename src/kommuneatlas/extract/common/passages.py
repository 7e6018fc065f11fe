"""Running text assembled from physical lines, remembering which line each character came from.

Extractors join wrapped lines into paragraphs (see :mod:`kommuneatlas.text.clean`) and then search
the joined text for dates and amounts; a :class:`Passage` maps a match back to its source line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ...text.clean import collapse_ws, join_hyphenated

NumberedLine = tuple[int, str]
"""A physical line with its 1-based line number."""


@dataclass(frozen=True)
class Passage:
    """Joined text; ``starts[i]`` is the offset in ``text`` where line ``lines[i]`` begins."""

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


def passage(numbered: Iterable[NumberedLine]) -> Passage | None:
    """Join numbered lines like :func:`kommuneatlas.text.clean.join_lines`; None if all are blank."""
    text = ""
    starts: list[int] = []
    lines: list[int] = []
    for number, raw in numbered:
        line = collapse_ws(raw)
        if not line:
            continue
        text = join_hyphenated(text, line)
        starts.append(len(text) - len(line))
        lines.append(number)
    if not lines:
        return None
    return Passage(text, tuple(starts), tuple(lines))


# A sentence ends at . ! ? before an upper-case letter, a digit or an opening quote/parenthesis,
# unless the word before the point is a known abbreviation or a single letter ("f.eks.", "jf.").
_ABBREVIATIONS = frozenset(
    {
        "jf",
        "jfr",
        "bl.a",
        "f.eks",
        "fx",
        "ca",
        "pr",
        "nr",
        "stk",
        "pkt",
        "mv",
        "m.v",
        "evt",
        "inkl",
        "ekskl",
        "dvs",
        "att",
        "vedr",
        "hhv",
        "mht",
        "iht",
        "ift",
        "ifm",
        "kr",
        "mio",
        "mia",
        "d",
        "st",
    }
)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÆØÅ0-9(\"”“])")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        word = text[: match.start()].rsplit(" ", 1)[-1].lower()
        if word.rstrip(".") in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        bounds.append((start, match.end()))
        start = match.end() + 1
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def sentence_span(text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the sentence of ``text`` that contains ``offset`` (the whole text if none)."""
    return next(
        ((start, end) for start, end in sentence_bounds(text) if start <= offset < end), (0, len(text))
    )


def sentence_at(text: str, offset: int) -> str:
    """The sentence of ``text`` that contains ``offset``."""
    start, end = sentence_span(text, offset)
    return text[start:end].strip()
