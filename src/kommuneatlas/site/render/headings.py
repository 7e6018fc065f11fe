"""Headings of the generated pages: written as Markdown in the templates, rendered as HTML by us.

The page templates are HTML apart from their ATX headings (``## Forsøg``). Rather than run a
Markdown parser over every page (Python-Markdown spent most of the build's time parsing the
HTML), :class:`MarkdownHeadings` turns the heading lines of the template *source* into heading
elements when a template is loaded, so a rendered page is finished HTML. Only template lines
are headings: a ``#`` in the data (an editor's text, a source line) never becomes one.

:func:`outline` then gives every heading a page-unique id and returns the page's table of
contents, for the theme's sidebar.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from jinja2.ext import Extension
from markupsafe import Markup

from ...text.slugs import slugify

PERMALINK_TITLE = "Link til dette afsnit"
_TEMPLATE_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_HEADING = re.compile(
    r'<h(?P<level>[1-6]) id="(?P<id>[^"]*)">(?P<inner>.*?)<a class="headerlink" href="#(?P=id)" '
    rf'title="{PERMALINK_TITLE}">¶</a></h(?P=level)>',
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]*>")


class MarkdownHeadings(Extension):
    """Jinja2 extension: ``## text`` at the start of a template line becomes ``<h2 id=…>text…</h2>``."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return _TEMPLATE_HEADING.sub(
            lambda m: f"{{% filter heading({len(m.group(1))}) %}}{m.group(2)}{{% endfilter %}}", source
        )


def heading(inner: str, level: int) -> Markup:
    """A heading element with a permalink; ``inner`` is HTML (the template escaped its values)."""
    return _element(level, slugify(_text(inner)), inner)


def _element(level: int, anchor: str, inner: str) -> Markup:
    return Markup(
        f'<h{level} id="{anchor}">{inner}<a class="headerlink" href="#{anchor}" '
        f'title="{PERMALINK_TITLE}">¶</a></h{level}>'
    )


def _text(inner: str) -> str:
    return html.unescape(_TAG.sub("", inner)).strip()


@dataclass
class TocEntry:
    level: int
    id: str
    name: str
    children: list[TocEntry] = field(default_factory=list)


def outline(page_html: str) -> tuple[str, list[TocEntry]]:
    """``page_html`` with heading ids made unique (``x``, ``x-2``, …), and its nested headings."""
    seen: dict[str, int] = {}
    roots: list[TocEntry] = []
    open_entries: list[TocEntry] = []

    def unique(match: re.Match[str]) -> str:
        level, anchor, inner = int(match["level"]), match["id"], match["inner"]
        seen[anchor] = seen.get(anchor, 0) + 1
        if seen[anchor] > 1:
            anchor = f"{anchor}-{seen[anchor]}"
        entry = TocEntry(level, anchor, _text(inner))
        while open_entries and open_entries[-1].level >= level:
            open_entries.pop()
        (open_entries[-1].children if open_entries else roots).append(entry)
        open_entries.append(entry)
        return str(_element(level, anchor, inner))

    return _HEADING.sub(unique, page_html), roots
