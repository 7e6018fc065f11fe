"""The same text as other PDF converters would lay it out: layout variants for robustness tests.

The bundled exports put a blank line after nearly every line, mark a paragraph break with a line
holding one space, and start the first line of every page with a space. Other converters
(pdftotext, pypdfium2) write no blank lines, end lines with CRLF, put a form feed between pages,
keep or drop trailing spaces, write non-breaking spaces, and leave running headers, footers and
page numbers in the text. Each variant here is a pure function ``text → text`` that changes one of
those things and nothing else, so an extractor can be required to give the same records for the
original and for every variant.

Page starts are the lines the bundled exporter indents by one space; in a document without any, a
page ends at each of its own "Side N af M" lines, and failing those every :data:`PAGE_LINES` text
lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

Variant = Callable[[str], str]

PAGE_LINES = 45
"""Text lines per page where the text marks no page starts."""

RUNNING_TITLE = "Journalnr. 2024-118 · udskrevet 3. maj 2024"
"""The running header or footer the furniture variants add to every page (a date and a number in
it, so an extractor that keeps it finds a date and a number too many)."""

_PAGE_START = re.compile(r" (?=\S)")
_PAGE_NUMBER = re.compile(r"\s*side\s+\d+\s+af\s+\d+\s*", re.IGNORECASE)
_NBSP_PLACES = re.compile(r"(?<=\d) (?=\w)|(?<=§) |(?<=\w) (?=Kommune\b)|(?<=\bkr\.) |(?<=\bpr\.) ")


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _page_starts(lines: list[str]) -> list[int]:
    """Indexes of the lines that begin a page (never the first page: it needs no break): the first
    of each run of indented text lines."""
    text = [i for i, line in enumerate(lines) if line.strip()]
    marked = [
        i
        for previous, i in zip([None, *text], text, strict=False)
        if i and _PAGE_START.match(lines[i]) and (previous is None or not _PAGE_START.match(lines[previous]))
    ]
    if marked:
        return marked
    after_numbers = [i for previous, i in pairwise(text) if _PAGE_NUMBER.fullmatch(lines[previous])]
    return after_numbers or text[PAGE_LINES::PAGE_LINES]


def no_blank_lines(text: str) -> str:
    """Every empty or whitespace-only line dropped (pdftotext, pypdfium2): paragraph-break lines too."""
    return "\n".join(line for line in _lines(text) if line.strip())


def crlf(text: str) -> str:
    """CRLF line ends."""
    return text.replace("\n", "\r\n")


def form_feeds(text: str) -> str:
    """A form feed before the first line of every page (pdftotext's page separator)."""
    lines = _lines(text)
    for index in _page_starts(lines):
        lines[index] = "\f" + lines[index]
    return "\n".join(lines)


def no_trailing_spaces(text: str) -> str:
    """No trailing spaces on any line (the bundled exports end most lines with one)."""
    return "\n".join(line.rstrip(" ") for line in _lines(text))


def nbsp(text: str) -> str:
    """Non-breaking spaces where typesetters put them (after numbers and "§", before "Kommune"),
    and trailing non-breaking spaces and extra spaces on every other line."""
    lines = _lines(text)
    return "\n".join(
        _NBSP_PLACES.sub("\u00a0", line) + ("\u00a0 " if index % 2 and line.strip() else "")
        for index, line in enumerate(lines)
    )


def _furniture(page: int, pages: int) -> list[str]:
    return [RUNNING_TITLE, f"Side {page} af {pages}"]


def furniture_top(text: str) -> str:
    """A running header and "Side N af M" at the top of every page."""
    lines = _lines(text)
    starts = [0, *_page_starts(lines)]
    pages = len(starts)
    for page, index in reversed(list(enumerate(starts, 1))):
        header = _furniture(page, pages)
        lines[index:index] = [f" {header[0]}", *header[1:]] if index else header
    return "\n".join(lines)


def furniture_bottom(text: str) -> str:
    """ "Side N af M" and a running footer at the bottom of every page."""
    lines = _lines(text)
    ends = [*_page_starts(lines), len(lines)]
    pages = len(ends)
    for page, index in reversed(list(enumerate(ends, 1))):
        lines[index:index] = list(reversed(_furniture(page, pages)))
    return "\n".join(lines)


def pdf_like(text: str) -> str:
    """Everything at once, as a PDF library gives it: no blank lines, non-breaking spaces, running
    headers, form feeds between pages and CRLF line ends."""
    return crlf(nbsp(form_feeds(furniture_top(no_trailing_spaces(no_blank_lines(text))))))


def pdftotext(text: str) -> str:
    """As pdftotext writes a text: no blank lines, a form feed instead of the exporter's leading
    space on each page's first line, CRLF. The page starts survive only where the reader keeps a
    form feed in its line (it splits at line ends, not at form feeds); and where the exporter's
    leading space marks a lost bullet rather than a page, the bullet is lost with it."""
    lines = no_blank_lines(text).split("\n")
    for index in _page_starts(lines):
        lines[index] = "\f" + lines[index].removeprefix(" ")
    return crlf("\n".join(lines))


VARIANTS: dict[str, Variant] = {
    "no-blank-lines": no_blank_lines,
    "crlf": crlf,
    "form-feeds": form_feeds,
    "no-trailing-spaces": no_trailing_spaces,
    "nbsp": nbsp,
    "furniture-top": furniture_top,
    "furniture-bottom": furniture_bottom,
    "pdf-like": pdf_like,
}
"""Every layout variant, by name."""
