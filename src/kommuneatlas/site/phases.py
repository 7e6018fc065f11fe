"""Data → pages and data files: the build as a list of phases, with no MkDocs in it.

:func:`build_content` reads as MkDocs' own ``build()`` does, one phase after the other, each a
function of what the ones before it gave::

    load → index → collect references → context → render pages → data files

Search comes last, after MkDocs has written the HTML (:mod:`.build`). The MkDocs plugin
(:mod:`.mkdocs_plugin`) calls :func:`build_content` and hands the result over; another
static-site builder would need only another such adapter.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..citations import LawCatalogue, load_catalogue
from ..citations.backlinks import SOURCE_GROUP, Backlinks
from ..citations.collect import CitingText, SourceLines, SourceText, collect
from ..citations.targets import citation_finder, law_infos
from ..model.dataset import Dataset, Entity, field_texts, load_dataset, source_texts
from ..model.graph import Graph
from ..model.kinds import KINDS, TEXT_FIELDS
from ..model.urls import source_text_url
from ..store.history import Commit, file_history
from .api import build_api, laws_api, references_api
from .context import BuildContext
from .downloads import download_files, law_records, yaml_copies
from .feeds import feed_files
from .render.documents import document_pages
from .render.environment import make_environment
from .render.frikommune import experiment_pages, network_pages
from .render.kkr import kkr_pages
from .render.kommuner import kommune_pages
from .render.laws import render_laws
from .render.listings import render_listings
from .render.meetings import item_pages, meeting_pages
from .render.page import EntityPages, Page, entity_pages, plain_pages
from .render.people import person_pages


@dataclass(frozen=True)
class BuildInputs:
    """What the MkDocs plugin (or a test) gives the build.

    ``data`` is the data folder, ``templates`` the page templates. ``content`` (URL → (title,
    Markdown)) are the hand-written pages, whose references are listed on the provision pages too.
    ``repo_root`` is the git checkout whose history of ``data/`` the pages show, ``repo_url`` the
    repository host's address of it (links to commits), ``site_url`` the published site's address
    (absolute links in feeds).
    """

    data: Path
    templates: Path
    repo_root: Path | None = None
    repo_url: str | None = None
    site_url: str | None = None
    content: Mapping[str, tuple[str, str]] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Loaded:
    """What :func:`load` read: the entities, the law catalogue, the source documents' texts (by
    document id) and the git history of the data files (repository path → commits, newest first)."""

    dataset: Dataset
    catalogue: LawCatalogue
    source_texts: Mapping[str, str]
    history: Mapping[str, Sequence[Commit]]


@dataclass(frozen=True)
class DataFiles:
    """Everything the build writes besides the pages: the API lists (file name → rows), the
    other files' text by site path (CSV, one-record JSON, feeds, calendars, law records) and the
    files copied as they are (site path → the record's YAML file)."""

    api: dict[str, list[dict[str, Any]]]
    files: dict[str, str]
    copies: dict[str, Path]


@dataclass(frozen=True)
class Generated:
    """The result of :func:`build_content`."""

    context: BuildContext
    pages: list[Page]
    data_files: DataFiles


ENTITY_PAGES: Mapping[str, EntityPages] = MappingProxyType({
    "kkr": kkr_pages, "kommuner": kommune_pages, "meetings": meeting_pages, "items": item_pages,
    "people": person_pages, "networks": network_pages, "experiments": experiment_pages,
    "documents": document_pages,
})  # fmt: skip
"""Each kind's page family (:mod:`.render`); a kind without one renders its template with the entity."""


# -- the phases --------------------------------------------------------------------------------------


def load(inputs: BuildInputs) -> Loaded:
    """Read the data, the law catalogue (``data/laws.yaml`` over the packaged one), the source texts
    and, in a git checkout, the history of the data files."""
    dataset = load_dataset(inputs.data)
    history: Mapping[str, Sequence[Commit]] = {}
    if inputs.repo_root is not None:
        try:
            folder = inputs.data.resolve().relative_to(inputs.repo_root.resolve()).as_posix()
        except ValueError:
            folder = None  # data outside the checkout: no history
        if folder is not None:
            history = file_history(inputs.repo_root, folder)
    return Loaded(dataset, load_catalogue(inputs.data / "laws.yaml"), source_texts(dataset), history)


def index(loaded: Loaded) -> Graph:
    """The entities' URLs, labels, breadcrumbs and reverse references: the one index of a build."""
    return Graph(loaded.dataset)


def collect_references(loaded: Loaded, graph: Graph, inputs: BuildInputs) -> Backlinks:
    """Every legal reference in the source texts, the hand-written pages and the entities' text."""
    return collect(
        citing_texts(loaded.dataset, graph),
        citing_sources(graph, loaded.source_texts),
        loaded.catalogue,
        inputs.content,
    )


def context(inputs: BuildInputs, loaded: Loaded, graph: Graph, backlinks: Backlinks) -> BuildContext:
    """What every page is rendered from, made once."""
    laws = {info.id: info for info in law_infos(loaded.catalogue, backlinks)}
    laws_by_entity: dict[tuple[str, str], set[str]] = {}
    for occurrence in backlinks.occurrences:
        if occurrence.group != SOURCE_GROUP:
            key = (occurrence.entity_kind, occurrence.entity_id)
            laws_by_entity.setdefault(key, set()).add(laws[occurrence.law].label)
    return BuildContext(
        dataset=loaded.dataset,
        graph=graph,
        catalogue=loaded.catalogue,
        source_texts=loaded.source_texts,
        backlinks=backlinks,
        finder=citation_finder(loaded.catalogue, backlinks),
        laws=laws,
        laws_by_entity={key: frozenset(names) for key, names in laws_by_entity.items()},
        history=loaded.history,
        env=make_environment(inputs.templates),
        repo_root=inputs.repo_root,
        repo_url=inputs.repo_url,
        site_url=inputs.site_url,
    )


def render_pages(ctx: BuildContext) -> list[Page]:
    """The overviews, every entity's pages (kind by kind), then the law pages."""
    return [*render_listings(ctx), *render_entities(ctx), *render_laws(ctx)]


def data_files(ctx: BuildContext) -> DataFiles:
    """The API, its CSV and one-record files, the feeds and calendars, the records' YAML files."""
    api = build_api(
        ctx.graph, laws=laws_api(ctx.laws, ctx.backlinks), references=references_api(ctx.backlinks)
    )
    base = (ctx.site_url or "/").rstrip("/") + "/"
    files = {
        **feed_files(ctx.graph, base),
        **download_files(api),
        **law_records(ctx.catalogue, ctx.backlinks.laws()),
    }
    return DataFiles(api, files, yaml_copies(ctx.dataset))


def build_content(inputs: BuildInputs) -> Generated:
    """Every page and data file of the site, from the data."""
    loaded = load(inputs)
    graph = index(loaded)
    backlinks = collect_references(loaded, graph, inputs)
    ctx = context(inputs, loaded, graph, backlinks)
    return Generated(ctx, render_pages(ctx), data_files(ctx))


# -- inside the phases -------------------------------------------------------------------------------


def render_entities(ctx: BuildContext, kinds: Iterable[str] = KINDS) -> Iterator[Page]:
    """The pages of every entity of ``kinds``, kind by kind, each kind's by its family
    (:data:`ENTITY_PAGES`)."""
    for kind in kinds:
        yield from entity_pages(ctx, kind, ENTITY_PAGES.get(kind, plain_pages))


def citing_texts(dataset: Dataset, graph: Graph) -> list[CitingText]:
    """What the entities say that may cite laws (the fields of :data:`~..model.kinds.TEXT_FIELDS`):
    one :class:`CitingText` per entity, and one per row of a document's bureaucracy table, in the
    order the backlinks are listed."""
    texts = []
    for kind, fields in TEXT_FIELDS.items():
        for entity in dataset.all(kind):
            citing = CitingText(
                kind, kind, entity["id"], graph.url(kind, entity["id"]) or "", graph.title(kind, entity),
                _date(graph, kind, entity), tuple(text for name in fields for text in field_texts(entity.get(name))),
                _source_lines(entity),
            )  # fmt: skip
            texts.append(citing)
            if kind == "documents":
                for row in entity.get("bureaucracy_rows") or []:
                    cells = " ".join(str(row.get(k) or "") for k in ("legal_basis", "description"))
                    texts.append(CitingText(
                        "bureaucracy", kind, entity["id"], citing.url, str(row.get("subject")), citing.date,
                        (cells,), shown=False,
                    ))  # fmt: skip
    return texts


def citing_sources(graph: Graph, texts: Mapping[str, str]) -> list[SourceText]:
    """The source documents' full texts (document id → text), cited from their pages of lines."""
    sources = []
    for document_id, text in texts.items():
        document = graph.get("documents", document_id) or {"id": document_id}
        title = f"{document.get('title', document_id)} (kildetekst)"
        date = _date(graph, "documents", document)
        sources.append(
            SourceText("documents", document_id, title, date, text, partial(source_text_url, document_id))
        )
    return sources


def _date(graph: Graph, kind: str, entity: Entity) -> str | None:
    """The date of what the entity says, as its kind declares it (``date_of``), in ISO form."""
    date_of = KINDS[kind].date_of
    day = date_of(entity, graph) if date_of is not None else None
    return str(day) if day else None


def _source_lines(entity: Entity) -> SourceLines | None:
    source = entity.get("source")
    if not isinstance(source, dict) or not source.get("first_line"):
        return None
    first = source["first_line"]
    return SourceLines(str(source.get("document") or ""), first, source.get("last_line") or first)
