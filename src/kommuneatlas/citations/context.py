"""The citing sentence a backlink shows: the sentence around a reference, as plain text.

A sentence ends after ".", "!" or "?" where whitespace or a tag is followed by a capital letter,
a § or "(", and at a blank line; the context never reaches further than half its limit to
either side of the reference.
"""

from __future__ import annotations

import re

from .textmap import TextMap

_SENTENCE_END = re.compile(r"(?<=[.!?])(?:\s+|</?[A-Za-z][^<>]*>)+(?=[A-ZÆØÅ§(])|\n\s*\n")
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
    for match in _SENTENCE_END.finditer(text, window, start):
        left = match.end()
    right_match = _SENTENCE_END.search(text, end, end + limit // 2)
    right = right_match.start() if right_match else min(len(text), end + limit // 2)
    mapped = mapped or TextMap(text)
    a, b, c, d = (mapped.to_norm(offset) for offset in (left, start, end, right))
    norm = mapped.norm
    marked = _plain(f"{norm[a:b]}{_MARK}{norm[b:c]}{_MARK}{norm[c:d]}", markdown)
    first = marked.index(_MARK)
    second = marked.index(_MARK, first + 1)
    prefix = "… " if left > 0 and left == window else ""
    sentence = prefix + marked.replace(_MARK, "")
    return sentence, (len(prefix) + first, len(prefix) + second - 1)


_MARK = "\x00"
"""Where the reference starts and ends in the sentence while it is cleaned."""


def _plain(text: str, markdown: bool) -> str:
    """``text`` without HTML tags (and Markdown marks), whitespace collapsed."""
    text = _TAG.sub(" ", text)
    if markdown:
        text = _MARKDOWN_MARK.sub("", _MARKDOWN_LINK.sub(r"\1", text))
    return " ".join(text.split())
