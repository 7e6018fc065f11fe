"""One generated page: a template rendered with what every page shows (breadcrumbs, "Hent data",
"Historik", the editor's description, search metadata), its HTML outlined into headings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...model.dataset import Entity
from ...model.kinds import KINDS
from ...model.urls import api_url, data_file_url
from ..context import BuildContext
from .headings import TocEntry, outline
from .history import page_history
from .linker import Linker
from .safe_markdown import render_markdown


@dataclass(frozen=True)
class Page:
    """One generated page: its URL, title, source and headings, and the YAML file it comes from.

    ``source`` is what MkDocs reads as the page's file: YAML front matter (title, description,
    edit path, search metadata), then the page's content as finished HTML (see :mod:`.headings`).
    """

    url: str
    title: str
    source: str
    edit_path: str | None = None
    toc: tuple[TocEntry, ...] = ()

    @property
    def src_path(self) -> str:
        """The page's path among MkDocs' documentation files."""
        return f"{self.url}index.md"


@dataclass(frozen=True)
class SearchMeta:
    """How the search index (Pagefind) takes the page: its result type, its filters (name →
    values), or not at all (``exclude``: a list's later pages, an entity's whole lists)."""

    type: str | None = None
    filters: Mapping[str, Iterable[str]] = field(default_factory=dict)
    exclude: bool = False


NO_SEARCH_META = SearchMeta()
"""A page searched as it is: no result type, no filters."""


EntityPages = Callable[[BuildContext, Entity], Iterable[Page]]
"""The pages of one entity: its own, then any of its lists' and text's pages."""


def edit_path(ctx: BuildContext, kind: str, entity_id: str) -> str | None:
    """The entity's YAML file, relative to the checkout (``ctx.repo_root``) when there is one."""
    path = ctx.dataset.paths.get((kind, entity_id))
    if path is None:
        return None
    if ctx.repo_root:
        try:
            return path.resolve().relative_to(ctx.repo_root.resolve()).as_posix()
        except ValueError:
            return None
    return path.as_posix()


def render_page(
    ctx: BuildContext,
    template: str,
    url: str,
    title: str,
    *,
    record: tuple[str, str] | None = None,
    crumbs: Sequence[tuple[str, str]] = (),
    search: SearchMeta = NO_SEARCH_META,
    description: str | None = None,
    downloads: Sequence[tuple[str, str]] | None = None,
    feeds: Sequence[Mapping[str, str]] = (),
    **context: Any,
) -> Page:
    """The page at ``url``. ``record`` (kind, id) is the entity it shows: its edit path, history,
    description, bare-reference fallbacks and, unless ``downloads`` says otherwise, its JSON and
    YAML. ``downloads``: (label, site URL) of its data files ("Hent data"); ``feeds``: its own
    feeds and calendars (``title``, ``url``, ``type``) for ``<link rel=alternate>``. The rest of
    ``context`` goes to the template."""
    linker = Linker(url, ctx.finder, ctx.backlinks.fallbacks.get(record) if record else None)
    path = edit_path(ctx, *record) if record else None
    entity = ctx.dataset.get(*record) if record else None
    history = page_history(ctx.history, path, ctx.repo_url)
    if record and downloads is None:
        downloads = [("JSON", api_url(*record)), ("YAML", data_file_url(*record))]
    source = ctx.env.get_template(template).render(
        links=linker,
        title=title,
        crumbs=list(crumbs),
        edit_path=path,
        last_changed=history.commits[0].date if history else None,
        history=history,
        history_size=history.size if history else 0,
        downloads=list(downloads or []),
        feeds=list(feeds),
        editor_description=render_markdown((entity or {}).get("description")),
        search_type=search.type,
        description=description,
        search_filters={name: sorted(set(values)) for name, values in search.filters.items() if values},
        search_exclude=search.exclude,
        documents=ctx.dataset.entities.get("documents", {}),
        **context,
    )
    source, toc = outline(source)
    return Page(url=url, title=title, source=source, edit_path=path, toc=tuple(toc))


def render_entity_page(ctx: BuildContext, kind: str, entity: Entity, /, **context: Any) -> Page:
    """The page of ``entity``, as its kind declares it: template, URL, title, breadcrumbs, search
    type and filters (the kind's facets, and the laws it cites for a kind with cited text)."""
    declared = KINDS[kind]
    graph = ctx.graph
    facets = {name: [value] for name, get in declared.facets.items() if (value := get(entity, graph))}
    if declared.cited_fields:
        facets["lov"] = sorted(ctx.laws_by_entity.get((kind, entity["id"]), frozenset()))
    return render_page(
        ctx,
        declared.template,
        graph.url_of(kind, entity) or "",
        declared.title(entity, graph),
        record=(kind, entity["id"]),
        crumbs=graph.crumbs(kind, entity),
        search=SearchMeta(declared.search_type, facets),
        **context,
    )


def plain_pages(ctx: BuildContext, entity: Entity) -> list[Page]:
    """The page of an entity whose kind has no family of its own: its template, given ``entity``."""
    return [render_entity_page(ctx, ctx.graph.kind_of(entity).name, entity, entity=entity)]


def entity_pages(ctx: BuildContext, kind: str, pages: EntityPages = plain_pages) -> Iterator[Page]:
    """The pages of every entity of ``kind`` that has a URL (one whose parent is missing has none:
    validation reports it)."""
    for entity in ctx.graph.all(kind):
        if ctx.graph.url_of(kind, entity) is not None:
            yield from pages(ctx, entity)


def entity_links(ctx: BuildContext, kind: str, ids: Iterable[str] | None) -> list[tuple[str | None, Any]]:
    """(URL, label) of each entity of ``kind`` named by id (an id that names none: no link)."""
    return [(ctx.graph.url(kind, entity_id), ctx.graph.label(kind, entity_id)) for entity_id in ids or []]
