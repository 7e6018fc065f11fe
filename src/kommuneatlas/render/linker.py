"""Links and escaped text for one page: relative hrefs, and legal references turned into links."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..citations import Span, annotate, clip
from ..urls import relative

CitationFinder = Callable[[str, Mapping[str, str] | None], list[tuple[int, int, str]]]
"""(text, paragraph → law fallback) → [(start, end, target URL)] for every linkable reference:
sorted, not overlapping, one span per item of a list ("§ 83" and "§ 85 i serviceloven")."""

_SPACES = re.compile(r"\s+")


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

    def _annotate(self, text: str, spans: Iterable[Span], tidy: Callable[[str], str]) -> Markup:
        def link(raw: str, url: str) -> str:
            if url.startswith(("https://", "http://")):  # an act on Retsinformation
                return f'<a class="lovhenvisning" href="{escape(url)}" rel="external">{escape(tidy(raw))}</a>'
            return f'<a class="lovhenvisning" href="{escape(self.href(url))}">{escape(tidy(raw))}</a>'

        return Markup(annotate(text, spans, link, lambda plain: str(escape(tidy(plain)))))
