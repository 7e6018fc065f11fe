"""Links and escaped text for one page: relative hrefs, and legal references turned into links."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

from ...citations import Span, annotate, clip
from ...citations.targets import CitationFinder
from ...model.urls import relative
from .text_blocks import render_blocks

_SPACES = re.compile(r"\s+")


@dataclass
class Linker:
    """Bound to the URL of the page being rendered, so every link it writes is relative."""

    page_url: str
    find: CitationFinder | None = None
    fallback: Mapping[str, str] | None = None  # bare references: citations.targets.resolve_from_document

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
        return self._annotate(text, self.find(text, self.fallback), str)

    def piece(self, text: str, start: int, end: int, spans: Iterable[Span]) -> Markup:
        """``text[start:end]`` (a line, an item) escaped, whitespace runs collapsed, with the
        parts of ``spans`` — found once in all of ``text`` — that lie in it linked: a
        reference that wraps is linked on each of its lines."""
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return self._annotate(text[start:end], clip(text, spans, start, end), lambda s: _SPACES.sub(" ", s))

    def citation(self, label: str, url: str) -> Markup:
        """The link of a legal reference in running text: a provision or law page of the site,
        or an act on Retsinformation."""
        if url.startswith(("https://", "http://")):
            return Markup('<a class="lovhenvisning" href="{}" rel="external">{}</a>').format(url, label)
        return Markup('<a class="lovhenvisning" href="{}">{}</a>').format(self.href(url), label)

    def blocks(self, value: object, lead: Markup | None = None, tight: bool = False) -> Markup:
        """Running text in light Markdown as paragraphs and lists (see :mod:`.text_blocks`), escaped,
        its legal references linked: the finder runs once on the whole text, and its spans are
        clipped to each paragraph and item."""
        if value is None:
            return Markup("")
        text = str(value)
        spans = self.find(text, self.fallback) if self.find is not None else []
        return render_blocks(text, spans, self.citation, lead, tight)

    def _annotate(self, text: str, spans: Iterable[Span], tidy: Callable[[str], str]) -> Markup:
        return Markup(
            annotate(
                text,
                spans,
                lambda raw, url: str(self.citation(tidy(raw), url)),
                lambda plain: str(escape(tidy(plain))),
            )
        )
