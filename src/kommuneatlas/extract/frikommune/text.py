"""Lines of the frikommune status note: what is blank, a lone number, a name to compare, a cell's text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...text.clean import join_lines
from ...text.lines import NumberedLine

Cell = tuple[NumberedLine, ...]
"""The lines of one table cell (a line may be a piece of one, when cells share it)."""

_LONE_NUMBER = re.compile(r"\s*\d{1,3}\s*")
# Words after which a number goes on the text: "§ 9", "§§ 9 og" / "10", "stk." / "2".
_WANTS_NUMBER = re.compile(r"(?:§|\b(?:og|eller|til|nr\.|stk\.|kap\.|kapitel)|[-,])$")


def is_blank(text: str) -> bool:
    return not text.strip()


def is_lone_number(text: str) -> bool:
    """A line that holds only a number of one to three digits."""
    return _LONE_NUMBER.fullmatch(text) is not None


def is_page_number(text: str, before: str) -> bool:
    """A lone number that the text before it (stripped) does not ask for: a page number."""
    return is_lone_number(text) and not _WANTS_NUMBER.search(before.rstrip())


def text_of(lines: Iterable[NumberedLine]) -> str:
    """The cleaned text of some lines: hyphenation at line ends resolved, whitespace collapsed."""
    return join_lines(text for _, text in lines)
