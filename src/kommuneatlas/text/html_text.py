"""Plain text from the HTML fragments PDF exports leave inside table cells (``<p>…</p> <p>…</p>``).

Uses the standard library's tolerant :class:`html.parser.HTMLParser`: tags are dropped, entities
decoded, block elements separated by a space, ``<script>``/``<style>`` content discarded. Fragments
may be cut off mid-element (a cell continued on the next page); unclosed tags are harmless.
"""

from __future__ import annotations

from html.parser import HTMLParser

from .clean import collapse_ws

_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_SKIPPED_TAGS = frozenset({"script", "style"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (or of plain text, which passes through), whitespace collapsed."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return collapse_ws("".join(collector.parts))
