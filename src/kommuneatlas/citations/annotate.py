"""The one annotator: a text and the spans of its references → the text with links.

As eyecite's ``annotate``: the references are found once (their spans kept), and every
output — HTML of a page, Markdown of a hand-written page, the lines of a source text —
is made from those spans by :func:`annotate`, which renders each span as a link and
everything between them as plain text. :func:`clip` cuts the spans found in a whole text
down to one piece of it (a line, a list item), so a reference that wraps is linked on
each of its lines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Span = tuple[int, int, str]
"""(start, end, target): ``text[start:end]`` links to ``target``."""


def annotate(
    text: str,
    spans: Iterable[Span],
    link: Callable[[str, str], str],
    plain: Callable[[str], str] = str,
) -> str:
    """``text`` with each span rendered by ``link(text[start:end], target)`` and the text
    around them by ``plain``; spans must be sorted, an overlapping one is left out."""
    parts: list[str] = []
    position = 0
    for start, end, target in spans:
        if start < position or start >= end:
            continue
        parts.append(plain(text[position:start]))
        parts.append(link(text[start:end], target))
        position = end
    parts.append(plain(text[position:]))
    return "".join(parts)


def clip(text: str, spans: Iterable[Span], start: int, end: int) -> list[Span]:
    """The spans' parts within ``text[start:end]``, as offsets into that piece, without
    whitespace at their ends ("§ 83 i ser-" of a reference that goes on on the next line)."""
    clipped: list[Span] = []
    for span_start, span_end, target in spans:
        a, b = max(span_start, start), min(span_end, end)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            clipped.append((a - start, b - start, target))
    return clipped
