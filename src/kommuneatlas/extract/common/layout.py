"""What a converter's layout adds to a text, taken out before an extractor reads it.

Converters differ in how they write the same page: CRLF or LF line ends, a form feed between
pages, trailing spaces, non-breaking spaces, running headers and footers with page numbers. The
extractors read :func:`normalised` documents: the same number of physical lines (so line numbers in
provenance stay those of the source file), each line cleaned (:func:`clean_line`) and every line of
page furniture (:func:`furniture`) blanked. A page start stays visible: the bundled exports begin a
page's first line with a space, other converters with a form feed; both are kept (see
:func:`is_page_start`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ...sources.manifest import SourceDocument
from ...text.clean import collapse_ws

PAGE_BREAK = "\f"

# Spaces a PDF may hold besides the plain one; zero-width characters go altogether.
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200b": None})
_TRAILING = " \u00a0\u2007\u2009\u202f\r"
# "Side 3 af 12", "Side 3", "side 3/12", "Page 3 of 12", "- 3 -", "3/12", "3 af 12".
_PAGE_NUMBER = re.compile(
    r"(?:(?:side|page)\s+\d{1,4}(?:\s*(?:af|of|/)\s*\d{1,4})?|[-–]\s*\d{1,4}\s*[-–]|\d{1,4}\s*(?:/|af)\s*\d{1,4})",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


def clean_line(raw: str) -> str:
    """One physical line without CR, BOM, exotic spaces and trailing spaces (tabs are kept: they
    separate table cells). A form feed among the leading whitespace marks a page start and stays,
    as the line's first character; a form feed elsewhere becomes a space."""
    text = raw.replace("\r", "").replace("\ufeff", "").translate(_SPACES)
    indent = len(text) - len(text.lstrip(" \t\f"))
    lead, rest = text[:indent], text[indent:].replace(PAGE_BREAK, " ")
    if PAGE_BREAK in lead:
        lead = PAGE_BREAK + lead.replace(PAGE_BREAK, "")
    return (lead + rest).rstrip(_TRAILING) if rest.strip() else lead.strip(" \t")


def is_page_start(text: str) -> bool:
    """Whether a (cleaned) line begins a page: a form feed, or the bundled exports' leading space."""
    return bool(text.strip()) and text[:1] in (" ", PAGE_BREAK)


def is_indented(text: str) -> bool:
    """Whether a (cleaned) line is indented: leading spaces or a tab after any page break."""
    return text.lstrip(PAGE_BREAK)[:1] in (" ", "\t") and bool(text.strip())


def is_page_number(text: str) -> bool:
    """A line that is only a page number in words ("Side 3 af 12", "- 3 -", "3/12")."""
    return _PAGE_NUMBER.fullmatch(collapse_ws(text)) is not None


def _shape(text: str) -> str:
    """A line as a running header repeats it: whitespace collapsed, numbers (page, date) masked."""
    return _DIGITS.sub("#", collapse_ws(text))


def _neighbours(lines: Sequence[str], index: int) -> list[int]:
    """The nearest non-blank lines before and after ``lines[index]``."""
    found: list[int] = []
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(lines) and not lines[other].strip():
            other += step
        if 0 <= other < len(lines):
            found.append(other)
    return found


def furniture(lines: Sequence[str]) -> set[int]:
    """Indexes of page furniture: page-number lines, and the running header or footer lines beside
    them. Page numbers form series ("Side 1 af 9" … "Side 9 af 9"); a line (numbers masked) that
    stands next to the page number of every page of a series but one, and at least two, is a running
    line. A heading that merely happens to open some pages is not."""
    numbers = [i for i, text in enumerate(lines) if is_page_number(text)]
    found = set(numbers)
    series: dict[str, list[int]] = {}
    for index in numbers:
        series.setdefault(_DIGITS.sub("#", collapse_ws(lines[index]), count=1), []).append(index)
    for members in series.values():
        beside: dict[str, set[int]] = {}
        for number in members:
            for other in _neighbours(lines, number):
                if other not in found:
                    beside.setdefault(_shape(lines[other]), set()).add(other)
        for at in beside.values():
            if len(at) >= max(2, len(members) - 1):
                found |= at
    return found


def cleaned_lines(raw: Sequence[str]) -> tuple[str, ...]:
    """The lines cleaned (:func:`clean_line`), a page break that stood on a line of its own moved
    onto the next line with text; furniture is still there."""
    lines = [clean_line(text) for text in raw]
    pending = False
    for index, text in enumerate(lines):
        if text == PAGE_BREAK:
            lines[index], pending = "", True
        elif pending and text.strip():
            lines[index] = text if text.startswith(PAGE_BREAK) else PAGE_BREAK + text
            pending = False
    return tuple(lines)


def normalised_lines(raw: Sequence[str]) -> tuple[str, ...]:
    """The lines cleaned (:func:`cleaned_lines`) and page furniture blanked."""
    lines = list(cleaned_lines(raw))
    for index in furniture(lines):
        lines[index] = ""
    return tuple(lines)


def cleaned(doc: SourceDocument) -> SourceDocument:
    """The document with :func:`cleaned_lines`, for an extractor that reads the furniture itself."""
    return dataclasses.replace(doc, lines=cleaned_lines(doc.lines))


def normalised(doc: SourceDocument) -> SourceDocument:
    """The document with :func:`normalised_lines`: what every extractor reads."""
    return dataclasses.replace(doc, lines=normalised_lines(doc.lines))
