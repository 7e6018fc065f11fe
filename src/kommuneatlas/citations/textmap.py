"""A normalised view of a text that remembers where every character came from.

Plain-text PDF exports break lines anywhere: inside law names ("ser-\\nviceloven"), between
a § sign and its number ("§\\n30a"), with blank lines in between. The parser works on a
*normalised* copy — every whitespace run one space, hyphens of words broken at line ends and
soft hyphens (U+00AD) removed, a page number on a line of its own read as blank — and
:class:`TextMap` turns offsets in that copy back into offsets of the text as given, so a
citation's ``start``/``end`` always slice the caller's string.
"""

from __future__ import annotations

from bisect import bisect_right

from .patterns import ELIDED_COMPOUND, WHITESPACE_RUN, blank_page_numbers


class TextMap:
    """``norm`` is the normalised text; :meth:`start`/:meth:`end` map its offsets back.

    The mapping is piecewise linear: segment ``i`` starts at ``norm_starts[i]`` in the
    normalised text and at ``orig_starts[i]`` in the original, and advances one to one.
    Replaced whitespace maps onto the start of the run it replaced.
    """

    __slots__ = ("norm", "norm_starts", "orig_starts", "original", "paragraph_breaks")

    def __init__(self, text: str) -> None:
        self.original = text
        text = blank_page_numbers(text)  # same length: offsets stay those of the original
        pieces: list[str] = []
        norm_starts = [0]
        orig_starts = [0]
        last = 0
        shift = 0  # len(norm so far) - len(original so far)
        breaks: list[int] = []  # the spaces that stand for a blank line (normalised offsets)
        for match in WHITESPACE_RUN.finditer(text):
            run = match.group()
            if run[0] == "\u00ad":
                replacement = ""
            elif run[0] == "-":
                replacement = _after_hyphen(text, match.start(), match.end())
            elif "\n" in run or "\f" in run or "\t" not in run:
                replacement = " "
            else:
                replacement = "\t"
            if replacement == run:
                continue
            a, b = match.span()
            if replacement == " " and run.count("\n") + run.count("\f") >= 2:
                breaks.append(a + shift)
            pieces.append(text[last:a])
            pieces.append(replacement)
            last = b
            shift += len(replacement) - (b - a)
            norm_starts.append(b + shift)
            orig_starts.append(b)
        if last == 0:
            self.norm = text
        else:
            pieces.append(text[last:])
            self.norm = "".join(pieces)
        self.norm_starts = norm_starts
        self.orig_starts = orig_starts
        self.paragraph_breaks = breaks

    def start(self, position: int) -> int:
        """Original offset of the character at normalised ``position``."""
        i = bisect_right(self.norm_starts, position) - 1
        return self.orig_starts[i] + (position - self.norm_starts[i])

    def end(self, position: int) -> int:
        """Original (exclusive) end offset for a normalised (exclusive) end ``position``."""
        return 0 if position <= 0 else self.start(position - 1) + 1

    def to_norm(self, offset: int) -> int:
        """Normalised offset of original ``offset`` (inside replaced whitespace: where it ends)."""
        i = bisect_right(self.orig_starts, offset) - 1
        position = self.norm_starts[i] + (offset - self.orig_starts[i])
        if i + 1 < len(self.norm_starts):
            position = min(position, self.norm_starts[i + 1])
        return min(position, len(self.norm))


def _after_hyphen(text: str, a: int, b: int) -> str:
    """What a hyphen before a line break, or before one blank (``text[a:b]``, starting with
    "-"), becomes.

    The rules of :func:`kommuneatlas.text.clean.join_hyphenated`, and those of a line break
    that became a space: between two lower-case letters the hyphen was a soft break and
    disappears ("ser-" + "viceloven", "beskæfti- gelsesindsats"), and so after a word's
    single capital ("S-" + "erviceloven"); after an abbreviation in capitals or a digit at a
    line break it is a real hyphen and stays, without the space ("LAB-" + "lovens"); before
    a conjunction with a word after it, or before a word that itself ends in a hyphen, it
    ends an elided compound and keeps its space ("beskæftigelses-" + "og sygedagpenge…",
    "dag- fritids- og klubtilbud").
    """
    left = text[a - 1] if a > 0 else " "
    right = text[b] if b < len(text) else " "
    line_break = "\n" in text[a:b] or "\f" in text[a:b]
    if left.isspace() or ELIDED_COMPOUND.match(text, b) or (not line_break and _ends_in_hyphen(text, b)):
        return "- "
    if right.islower() and (left.islower() or _single_capital(text, a - 1)):
        return ""
    if line_break and left.isalnum():
        return "-"
    return "- "


def _single_capital(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a capital letter that starts a word ("S" of "S-erviceloven")."""
    return text[i].isupper() and (i == 0 or not text[i - 1].isalnum())


def _ends_in_hyphen(text: str, b: int) -> bool:
    """Whether the word at ``b`` ends in a hyphen ("fritids-" of "dag- fritids- og …")."""
    end = b
    while end < len(text) and text[end].isalpha():
        end += 1
    return end > b and text.startswith("-", end)
