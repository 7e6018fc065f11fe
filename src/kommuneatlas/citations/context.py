"""The citing sentence a backlink shows: the sentence around a reference, as plain text.

Sentences end as :func:`kommuneatlas.text.sentences.sentence_breaks` finds them in legal text
with markup (``markup``: tags count as white space, and a blank line ends a sentence;
``initials=False``: "§ 6 a. Kommunen …" ends a sentence after the letter); a sentence that begins
with the reference begins the context. The context never reaches further than half its limit to
either side of the reference; cut there on the left, it starts at a whole word, after "… ".
"""

from __future__ import annotations

import re

from ..text.sentences import sentence_breaks
from .textmap import TextMap

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARK = re.compile(r"\*\*|__|(?<!\w)[*_`]|[*_`](?!\w)|^#+ |^> ", re.MULTILINE)


def context_of(
    text: str, start: int, end: int, limit: int = 320, mapped: TextMap | None = None, markdown: bool = False
) -> tuple[str, tuple[int, int]]:
    """The sentence around ``text[start:end]`` as plain text, and the span's place in it.

    Plain: whitespace collapsed, words hyphenated across lines joined ("anvendelse", not
    "an- vendelse"; ``mapped`` is the text's :class:`TextMap`, made here if not given), HTML
    tags left out (PDF exports carry "<p>…</p>" in table cells) and, for ``markdown``, the
    Markdown marks and link targets.
    """
    window = max(0, start - limit // 2)  # never look further back than the context can reach
    left = window
    # the break before a sentence that begins with the reference is seen only with what follows
    # it ("… afslag. § 85 i …", "… afslag. »Servicelovens § 85 …"): look a little past ``start``
    peek = min(len(text), start + _OPENER_REACH)
    for _, following in sentence_breaks(text, window, peek, markup=True, initials=False):
        if following <= start:
            left = following
    cut = left == window and window > 0  # no sentence start within reach
    if cut and not text[window - 1].isspace():
        left = _next_word(text, window, start)  # start at a whole word
    reach = min(len(text), end + limit // 2)
    right = next((stop for stop, _ in sentence_breaks(text, end, reach, markup=True, initials=False)), reach)
    mapped = mapped or TextMap(text)
    a, b, c, d = (mapped.to_norm(offset) for offset in (left, start, end, right))
    norm = mapped.norm
    marked = _plain(f"{norm[a:b]}{_MARK}{norm[b:c]}{_MARK}{norm[c:d]}", markdown)
    first = marked.index(_MARK)
    second = marked.index(_MARK, first + 1)
    prefix = "… " if cut else ""
    sentence = prefix + marked.replace(_MARK, "")
    return sentence, (len(prefix) + first, len(prefix) + second - 1)


_OPENER_REACH = 2
"""What a sentence may begin with before its first letter or §: an opening quote or parenthesis."""


def _next_word(text: str, at: int, limit: int) -> int:
    """Where the first word starting at or after ``at`` begins (at most ``limit``)."""
    while at < limit and not text[at].isspace():
        at += 1
    while at < limit and text[at].isspace():
        at += 1
    return at


_MARK = "\x00"
"""Where the reference starts and ends in the sentence while it is cleaned."""


def _plain(text: str, markdown: bool) -> str:
    """``text`` without HTML tags (and Markdown marks), whitespace collapsed."""
    text = _TAG.sub(" ", text)
    if markdown:
        text = _MARKDOWN_MARK.sub("", _MARKDOWN_LINK.sub(r"\1", text))
    return " ".join(text.split())
