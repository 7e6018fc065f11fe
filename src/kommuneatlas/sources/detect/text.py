"""The text as detection sees it: physical lines, cleaned, blank ones left out, numbers kept."""

from __future__ import annotations

from dataclasses import dataclass

from ...text.clean import collapse_ws
from ...text.lines import source_lines


@dataclass(frozen=True)
class TextLine:
    number: int  # 1-based physical line in the text export
    text: str  # whitespace collapsed (non-breaking spaces and form feeds too)


def text_lines(text: str) -> list[TextLine]:
    """The non-blank lines of ``text`` with their line numbers, as
    :func:`~kommuneatlas.text.lines.line_bounds` counts them.

    Line numbers are those of :class:`~kommuneatlas.sources.manifest.SourceDocument`, so what detection
    reports points at the same line as provenance does.
    """
    lines = (TextLine(number, collapse_ws(raw)) for number, raw in enumerate(source_lines(text), 1))
    return [line for line in lines if line.text]
