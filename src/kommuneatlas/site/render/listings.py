"""Tables of links over pages: a kind's overview (``/kkr/``, ``/kommuner/`` …, from its declared
:class:`~kommuneatlas.model.schema.Listing`), any list run over pages ``side-<n>/`` (:func:`render_listing`),
and the lists on an entity's page that show their first rows there (:class:`RelatedLists`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ...model.graph import Graph
from ...model.kinds import KINDS
from ...model.schema import Column, Entity, EntityKind
from ...model.urls import api_url
from ...text.danish_format import danish_date, danish_number
from ..context import BuildContext
from .environment import time_element
from .linker import Linker
from .page import Page, SearchMeta, render_page
from .paging import LISTING_ROWS, PREVIEW_ROWS, WIDE_ROWS, Pager, RelatedPreview, chunked, page_url

Rows = Sequence[Sequence[Any]]
"""Table rows; a cell is text, markup, or (URL, label) for a link."""


def listing_rows(kind: EntityKind, graph: Graph) -> list[list[Any]]:
    """The overview's rows; a cell is text, a ``<time>`` element, or (URL, label) for a link."""
    assert kind.listing is not None
    listing = kind.listing
    entities = listing.rows(graph) if listing.rows else graph.all(kind.name)
    return [[_cell(kind, column, entity, graph) for column in listing.columns] for entity in entities]


def _cell(kind: EntityKind, column: Column, entity: Entity, graph: Graph) -> Any:
    value = column.value(entity, graph) if column.value else None
    if column.ref is not None:
        ref = kind.ref(column.ref)
        if column.join:
            ids = [found.value for found in ref.values(entity)]
            return ", ".join(str(label) for label in graph.labels(ref.target, ids))
        target = graph.follow(entity, column.ref)
        if target is None:  # names no entity (validate reports it): the value as written
            return (None, value if value is not None else entity.get(column.ref))
        return (
            graph.url_of(ref.target, target),
            value if column.value else graph.label(ref.target, target["id"]),
        )
    if column.link:
        return (graph.url_of(kind.name, entity), danish_date(value) if column.date else value)
    return time_element(value) if column.date else value


def linked(linker: Linker, rows: Rows) -> list[list[Any]]:
    """Table rows with each (url, label) cell made a link from the linker's page."""
    return [[linker.a(*cell) if isinstance(cell, tuple) else cell for cell in row] for row in rows]


def render_listing(
    ctx: BuildContext,
    url: str,
    title: str,
    headers: Sequence[str],
    rows: Rows,
    intro: str | None,
    *,
    crumbs: Sequence[tuple[str, str]] = (),
    searchable: bool = True,
    per_page: int = LISTING_ROWS,
    data_kind: str | None = None,
    subscribe: Sequence[tuple[str, str]] = (),
) -> Iterator[Page]:
    """A table of ``rows`` on pages of ``per_page`` rows: the first at ``url``, the others at
    ``url/side-<n>/``. ``data_kind`` names the API list the rows come from (its JSON and CSV are
    linked); ``subscribe``: (label, URL) of feeds, on the first page."""
    downloads = (
        [("JSON", api_url(data_kind)), ("CSV", api_url(data_kind, extension="csv"))] if data_kind else None
    )
    parts = chunked(rows, per_page)
    for number, part in enumerate(parts, 1):
        page = page_url(url, number)
        page_title = title if number == 1 else f"{title}, side {number}"
        first = (number - 1) * per_page + 1
        yield render_page(
            ctx,
            "listing.md.j2",
            page,
            page_title,
            description=f"{page_title}: række {first}–{first + len(part) - 1} af {danish_number(len(rows))} i Kommuneatlas.",
            crumbs=[*crumbs] if number == 1 else [*crumbs, (url, title)],
            search=SearchMeta(exclude=number > 1 or not searchable),
            downloads=downloads,
            headers=headers,
            rows=linked(Linker(page, ctx.finder), part),
            intro=intro if number == 1 else None,
            first=first,
            total=len(rows),
            pager=Pager.numbered(f"Sider i {title}", url, len(parts), number),
            subscribe=list(subscribe) if number == 1 else None,
        )


def render_listings(ctx: BuildContext) -> Iterator[Page]:
    """The overview of every kind that declares one (:func:`listing_rows`)."""
    for kind in KINDS.values():
        if (listing := kind.listing) is not None:
            yield from render_listing(
                ctx,
                listing.url,
                listing.title,
                [column.header for column in listing.columns],
                listing_rows(kind, ctx.graph),
                listing.intro,
                per_page=WIDE_ROWS if listing.wide else LISTING_ROWS,
                data_kind=kind.name,
                subscribe=listing.subscribe,
            )


class RelatedLists:
    """The lists on one entity's page. Each shows its first ``preview`` rows there; a longer one
    runs whole over pages of its own at ``<url><slug>/``, collected in :attr:`pages` for the
    entity's pages to yield after its own."""

    def __init__(self, ctx: BuildContext, kind: str, entity: Entity, preview: int = PREVIEW_ROWS) -> None:
        self.ctx = ctx
        self.kind = kind
        self.entity = entity
        self.preview = preview
        self.pages: list[Page] = []

    def add(self, slug: str, title: str, headers: Sequence[str], rows: Rows) -> RelatedPreview:
        graph = self.ctx.graph
        url = graph.url_of(self.kind, self.entity) or ""
        shown = linked(Linker(url, self.ctx.finder), rows[: self.preview])
        if len(rows) <= self.preview:
            return RelatedPreview(shown, len(rows), None)
        full = f"{url}{slug}/"
        heading = f"{title} – {graph.title(self.kind, self.entity)}"
        trail = graph.trail(self.kind, self.entity)
        self.pages.extend(
            render_listing(
                self.ctx,
                full,
                heading,
                headers,
                rows,
                None,
                crumbs=trail,
                searchable=False,
                per_page=WIDE_ROWS,
            )
        )
        return RelatedPreview(shown, len(rows), full)
