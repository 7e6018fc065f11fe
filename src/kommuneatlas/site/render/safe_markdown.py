"""Editors' Markdown in descriptive YAML fields, rendered to HTML safely.

Raw HTML is not allowed (it is shown as text) and markdown-it's link validation drops
``javascript:``, ``vbscript:`` and ``data:`` (except images) URLs, so a field can format
text and link, but never run a script.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markupsafe import Markup


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


def render_markdown(text: str | None) -> Markup:
    """HTML for an editor's Markdown (``html`` disabled, unsafe links dropped)."""
    if not text:
        return Markup("")
    return Markup(_parser().render(str(text)))
