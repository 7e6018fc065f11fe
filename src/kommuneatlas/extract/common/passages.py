"""Sentences of running text joined from physical lines (see :class:`kommuneatlas.text.lines.Joined`)."""

from __future__ import annotations

import re

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
