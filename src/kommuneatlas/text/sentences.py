"""Where a sentence ends in Danish running text: the one definition, for the extractors and for the
context of legal citations.

A sentence ends at ".", "!" or "?" followed by white space and what may begin a sentence: a capital
letter or "§", after an opening quote or parenthesis if there is one ("(jf. bilag 2)" and "»den nye
regel«" after a full stop begin none). A full stop after an abbreviation
(:data:`ABBREVIATIONS`: "jf.", "f.eks.", "kr.", "okt.") or after a single letter (an initial:
"A. Hansen") ends none. Two options serve texts that are more than running text: ``cells`` (a tab,
a table-cell boundary, ends a sentence too) and ``markup`` (HTML tags between the stop and the next
sentence count as white space, and a blank line ends a sentence). A third serves legal text:
``initials=False`` lets a full stop after a single letter end a sentence, for there the letter is
mostly a provision's ("§ 6 a. Kommunen kan …", "nr. 3 b. Det gælder …"), not a person's initial.

A *line* ends a sentence (:func:`ends_sentence`) when its last character is a stop or a colon: the
extractors read a paragraph's end from that where a converter leaves no blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

ABBREVIATIONS = frozenset(
    {
        "jf", "jfr", "bl.a", "f.eks", "fx", "ca", "pr", "nr", "stk", "pkt", "mv", "m.v", "m.fl", "mfl",
        "evt", "inkl", "ekskl", "dvs", "att", "vedr", "hhv", "mht", "iht", "ift", "ifm", "kr",
        "pct", "pga", "tlf", "kl", "ang", "iflg", "d", "st", "lov.nr", "nb", "jvf",
        "jan", "feb", "aug", "sept", "okt", "nov", "dec",
    }
)  # fmt: skip
"""Words whose full stop ends no sentence (lower case, without the final stop). "mio." and "mia." are
not among them: an amount in millions often ends a sentence ("… på 2 mio. Kommunen …")."""

STOPS = (".", "!", "?")
LINE_ENDINGS = (*STOPS, ":")
"""What a line that ends a sentence, or leads into what follows, ends with."""

_STOP = r"[.!?]"
_OPENER = r"[(\"”“„»]?(?:§|[A-ZÆØÅÉ])"
_TAG = r"</?[A-Za-z][^<>]*>"
_WORD_BEFORE_STOP = re.compile(r"[\w.]+$")
_BLANK_LINE = re.compile(r"\n\s*\n")


def _pattern(cells: bool, markup: bool) -> re.Pattern[str]:
    gap = rf"(?:\s+|{_TAG})+" if markup else r"\s+"
    breaks = [rf"(?<={_STOP}){gap}(?={_OPENER})"]
    if cells:
        breaks.append(r"\t")
    if markup:
        breaks.append(r"\n\s*\n")
    return re.compile("|".join(breaks))


_BREAKS = {(cells, markup): _pattern(cells, markup) for cells in (False, True) for markup in (False, True)}


def is_abbreviation(text: str, stop: int, *, initials: bool = True) -> bool:
    """Whether the full stop at ``text[stop]`` ends an abbreviation (or, with ``initials``, a single
    letter: an initial), not a sentence."""
    word = _WORD_BEFORE_STOP.search(text, max(0, stop - 12), stop)
    if word is None:
        return False
    folded = word.group().lower().rstrip(".")
    return folded in ABBREVIATIONS or (initials and len(folded) == 1 and folded.isalpha())


def sentence_breaks(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    cells: bool = False,
    markup: bool = False,
    initials: bool = True,
) -> Iterator[tuple[int, int]]:
    """(where a sentence ends, where the next begins) for every sentence break in ``text[start:end]``
    (what follows ``end`` is not looked at): the end is just after the stop, the beginning after the
    white space (or a tag, or the tab or blank line that ends the sentence). For the options see
    the module docstring."""
    for match in _BREAKS[cells, markup].finditer(text, start, len(text) if end is None else end):
        gap, stop = match.group(), match.start() - 1
        ends_cell = (cells and "\t" in gap) or (markup and _BLANK_LINE.search(gap) is not None)
        if (
            stop >= 0
            and text[stop] == "."
            and not ends_cell
            and is_abbreviation(text, stop, initials=initials)
        ):
            continue
        yield match.start(), match.end()


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``; the white space between them is in none."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for end, following in sentence_breaks(text):
        bounds.append((start, end))
        start = following
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


def ends_sentence(line: str) -> bool:
    """Whether a (stripped) line ends a sentence or leads into what follows: ".", "!", "?" or ":"."""
    return line.endswith(LINE_ENDINGS)
