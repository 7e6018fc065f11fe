"""Links and escaped text for one page: relative hrefs, and legal references turned into links."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..urls import relative
from .text_blocks import render_blocks

CitationFinder = Callable[[str, Mapping[str, str] | None], list[tuple[int, int, str]]]
"""(text, paragraph → law fallback) → [(start, end, target URL)] for every linkable reference."""


@dataclass
class Linker:
    """Bound to the URL of the page being rendered, so every link it writes is relative."""

    page_url: str
    find: CitationFinder | None = None
    fallback: Mapping[str, str] | None = None  # for bare references: see references.resolve_from_document

    def href(self, url: str) -> str:
        return relative(url, self.page_url)

    def a(self, url: str | None, text: object, css: str | None = None) -> Markup:
        """``<a href>`` to a site URL, or the plain escaped text when there is no URL."""
        if not url:
            return escape(str(text))
        cls = f' class="{escape(css)}"' if css else ""
        return Markup(f'<a href="{escape(self.href(url))}"{cls}>{escape(str(text))}</a>')

    def text(self, value: object) -> Markup:
        """Escape ``value`` for HTML and link the legal references in it."""
        if value is None:
            return Markup("")
        text = str(value)
        if self.find is None:
            return escape(text)
        parts: list[str] = []
        position = 0
        for start, end, url in self.find(text, self.fallback):
            if start < position:
                continue
            parts.append(escape(text[position:start]))
            parts.append(self.citation(text[start:end], url))
            position = end
        parts.append(escape(text[position:]))
        return Markup("").join(parts)

    def citation(self, label: str, url: str) -> Markup:
        """The link of a legal reference in running text."""
        return Markup(f'<a class="lovhenvisning" href="{escape(self.href(url))}">{escape(label)}</a>')

    def blocks(self, value: object, lead: Markup | None = None, tight: bool = False) -> Markup:
        """Running text in light Markdown as paragraphs and lists (see :mod:`.text_blocks`), escaped,
        its legal references linked: the finder runs once on the whole text."""
        if value is None:
            return Markup("")
        text = str(value)
        spans = self.find(text, self.fallback) if self.find is not None else []
        return render_blocks(text, spans, self.citation, lead, tight)
