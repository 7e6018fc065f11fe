"""The source document pages, and their texts in numbered pages of lines."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from ...citations import Span
from ...model.dataset import Entity
from ...model.financing import check_financing
from ...model.urls import SOURCE_CHUNK, source_text_url
from ...sources.document_types import type_label
from ...text.danish_format import danish_number
from ...text.lines import line_bounds
from ..context import BuildContext
from .linker import Linker
from .page import Page, SearchMeta, render_entity_page, render_page
from .paging import Pager


def document_pages(ctx: BuildContext, document: Entity) -> list[Page]:
    """The document's page, then its source text in pages of lines."""
    return [document_page(ctx, document), *source_text_pages(ctx, document)]


def document_page(ctx: BuildContext, document: Entity) -> Page:
    """The document's page: its metadata, what was extracted from it, and its financing table
    with the sum check."""
    graph = ctx.graph
    derived = [
        (
            graph.url(b.kind, b.entity["id"]),
            graph.title(b.kind, b.entity) if b.kind == "meetings" else graph.label(b.kind, b.entity["id"]),
        )
        for b in graph.reverse("documents", document["id"], "derived")
        if b.kind in ("meetings", "networks", "items")
    ]
    financing = document.get("financing")
    text = ctx.source_texts.get(document["id"])
    return render_entity_page(
        ctx,
        "documents",
        document,
        document=document,
        kind_label=type_label(document["kind"]),
        text_url=source_text_url(document["id"]) if text is not None else None,
        line_count=len(line_bounds(text)) if text is not None else None,
        derived=derived,
        financing_rows=[
            [graph.label("kommuner", row.get("kommune")), danish_number(row.get("amount_tkr"))]
            for row in financing.get("rows") or []
        ]
        if isinstance(financing, dict)
        else [],
        financing_check=check_financing(financing) if isinstance(financing, dict) else None,
    )


def source_text_pages(ctx: BuildContext, document: Entity) -> Iterator[Page]:
    """The document's text in pages of :data:`SOURCE_CHUNK` lines, each line with an anchor.

    The references are found once in the whole text (``ctx.backlinks.source_spans``) and each
    line shows its part of them, so a reference that wraps is linked on every line it covers.
    """
    text = ctx.source_texts.get(document["id"])
    if text is None:
        return
    bounds = line_bounds(text)
    spans = ctx.backlinks.source_spans.get(document["id"], [])
    chunks = max(1, (len(bounds) + SOURCE_CHUNK - 1) // SOURCE_CHUNK)
    doc_url = ctx.graph.url("documents", document["id"]) or ""
    crumbs = ctx.graph.trail("documents", document)
    urls = tuple(f"{doc_url}tekst/{n}/" for n in range(1, chunks + 1))
    ranges = tuple(
        f"{(n - 1) * SOURCE_CHUNK + 1}–{min(len(bounds), n * SOURCE_CHUNK)}" for n in range(1, chunks + 1)
    )
    for chunk in range(1, chunks + 1):
        first = (chunk - 1) * SOURCE_CHUNK + 1
        last = min(len(bounds), chunk * SOURCE_CHUNK)
        linker = Linker(urls[chunk - 1])
        lines = [
            (n, linker.piece(text, *bounds[n - 1], _within(spans, *bounds[n - 1])))
            for n in range(first, last + 1)
        ]
        yield render_page(
            ctx,
            "source_text.md.j2",
            urls[chunk - 1],
            f"{document['title']}, linje {first}–{last}",
            crumbs=crumbs,
            search=SearchMeta("kildetekst"),
            lines=lines,
            pager=Pager("Sider i kildeteksten", urls, ranges, chunk),
        )


def _within(spans: list[Span], start: int, end: int) -> list[Span]:
    """The spans (sorted) that reach into ``[start, end)``."""
    i = bisect_left(spans, (start,))
    while i > 0 and spans[i - 1][1] > start:
        i -= 1
    found = []
    while i < len(spans) and spans[i][0] < end:
        if spans[i][1] > start:
            found.append(spans[i])
        i += 1
    return found
