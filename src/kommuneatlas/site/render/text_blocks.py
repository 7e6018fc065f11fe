"""Running text in light Markdown → paragraphs and lists in HTML, escaped, with legal references linked.

The YAML keeps the structure of a text in light Markdown (:mod:`kommuneatlas.text.light_markdown`,
which reads it); nothing else is Markdown — every character of the data is escaped.
:func:`render_blocks` writes the paragraphs and lists, with the citation spans found once on the
whole text clipped to each piece it renders.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from ...citations import Span, annotate, clip
from ...text.light_markdown import NUMBERED, PARAGRAPH, group_blocks, parse_blocks

Anchor = Callable[[str, str], Markup]
"""(label, target URL) → the link's HTML; the label is plain text, to be escaped by the callee."""


def linked(text: str, start: int, end: int, spans: Sequence[Span], anchor: Anchor) -> Markup:
    """``text[start:end]`` escaped, with the parts of ``spans`` inside it made links by ``anchor``.

    A span reaching over the edge of the piece is clipped to it (a reference wrapped over two list
    items links in both): the one annotator of :mod:`kommuneatlas.citations.annotate`.
    """
    return Markup(
        annotate(
            text[start:end],
            clip(text, spans, start, end),
            lambda label, url: str(anchor(label, url)),
            lambda plain: str(escape(plain)),
        )
    )


def render_blocks(
    text: str, spans: Sequence[Span], anchor: Anchor, lead: Markup | None = None, tight: bool = False
) -> Markup:
    """``text`` as ``<p>``, ``<ul>`` and ``<ol start>`` elements.

    ``lead`` (HTML) opens the first paragraph (a number or heading of the text); ``tight``
    writes a text that is one paragraph without its ``<p>`` (inside a list item or a table cell).
    """
    groups = group_blocks(parse_blocks(text))
    if tight and len(groups) == 1 and groups[0][0].kind == PARAGRAPH and lead is None:
        return linked(text, *groups[0][0].span, spans, anchor)
    html: list[Markup] = []
    if lead is not None and (not groups or groups[0][0].kind != PARAGRAPH):
        html.append(Markup("<p>{}</p>").format(lead))
        lead = None
    for group in groups:
        pieces = [linked(text, *block.span, spans, anchor) for block in group]
        if group[0].kind == PARAGRAPH:
            html.append(Markup("<p>{}{}</p>").format(lead or "", pieces[0]))
            lead = None
            continue
        tag = "ol" if group[0].kind == NUMBERED else "ul"
        opening = Markup('<ol start="{}">').format(group[0].number) if tag == "ol" else Markup("<ul>")
        items = Markup("").join(Markup("<li>{}</li>").format(piece) for piece in pieces)
        html.append(Markup("{}{}</{}>").format(opening, items, tag))
    return Markup("\n").join(html)
