"""Cleaning text from plain-text PDF exports: wrapped lines, soft hyphenation, stray whitespace;
shortening a text at a word, and folding a name for comparison.

Pure functions only; the extractors and the site share them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .sentences import ends_sentence

# Words after which a line-final hyphen is a real hyphen of an elided compound
# ("beskæftigelses-\nog sygedagpengeområdet" keeps "beskæftigelses- og").
HYPHEN_KEEPING_WORDS = ("og/eller", "henholdsvis", "eller", "samt", "som", "til", "og")
"""Words before which a line-final hyphen is an elided compound's ("beskæftigelses- og …")."""
_CONJUNCTIONS = frozenset(HYPHEN_KEEPING_WORDS)

_WS = re.compile(r"\s+")


def collapse_ws(text: str) -> str:
    """Collapse every run of whitespace (including non-breaking spaces) to one space and strip."""
    return _WS.sub(" ", text.replace("\u00a0", " ")).strip()


def join_hyphenated(left: str, right: str, more_follows: bool = False) -> str:
    """Join two stripped fragments where ``left`` ended a line and ``right`` began the next.

    A line-final hyphen between two lower-case letters is a soft break and disappears
    ("selvstæn-" + "dige" → "selvstændige"); after an upper-case letter or a digit it is a
    real hyphen and stays ("KKR-" + "sekretariatet"); before a conjunction that has a word
    after it (in ``right``, or on a following line: ``more_follows``) it is an elided compound
    and keeps its space ("beskæftigelses-" + "og sygedagpenge…"), whereas "her-" + "til" at
    the end of a text is the word "hertil".
    """
    if not left:
        return right
    if not right:
        return left
    if left.endswith("-") and len(left) >= 2 and left[-2] != " ":
        words = right.split(" ", 1)
        if words[0].lower() in _CONJUNCTIONS and (len(words) > 1 or more_follows):
            return f"{left} {right}"
        if left[-2].islower() and right[0].islower():
            return left[:-1] + right
        if left[-2].isalpha() or left[-2].isdigit():
            return left + right
    return f"{left} {right}"


def join_lines(lines: Iterable[str]) -> str:
    """Join wrapped lines into one clean paragraph: blank lines dropped, hyphenation resolved."""
    parts = [line for line in map(collapse_ws, lines) if line]
    text = ""
    for index, line in enumerate(parts):
        text = join_hyphenated(text, line, more_follows=index + 1 < len(parts))
    return text


def paragraphs(lines: Iterable[str]) -> list[str]:
    """Split lines into paragraphs at blank lines and join each one (see :func:`join_lines`).

    PDF exports put a blank line after nearly every line, so a paragraph break is only
    assumed where a line ends a sentence (., :, ?, !) and is followed by a blank line.
    """
    result: list[str] = []
    current: list[str] = []
    pending_break = False
    for raw in lines:
        line = collapse_ws(raw)
        if not line:
            if current and ends_sentence(current[-1]):
                pending_break = True
            continue
        if pending_break:
            result.append(join_lines(current))
            current = []
            pending_break = False
        current.append(line)
    if current:
        result.append(join_lines(current))
    return result


def shorten(text: str, limit: int) -> str:
    """``text`` cut at the last word that ends within ``limit`` characters, with " …" after it; a text
    within the limit as it is."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def fold(name: str) -> str:
    """A name for comparison: accents dropped ("Én" → "en"), lower case, spaces collapsed, no
    surrounding dots."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split()).strip(" .")
