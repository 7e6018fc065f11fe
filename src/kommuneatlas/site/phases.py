"""Data → pages and API: the whole of our rendering, with no MkDocs in it.

The MkDocs plugin (:mod:`mkdocs_plugin`) calls :func:`generate` and hands the result over;
another static-site builder would need only another such adapter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from ..citations import LawCatalogue, load_catalogue, provision_id
from ..citations.backlinks import SOURCE_GROUP, Backlinks
from ..citations.collect import CitingText, SourceLines, SourceText, collect
from ..citations.targets import citation_finder, law_infos, law_url, provision_url
from ..model.dataset import Entity, SiteData, field_texts, load_site_data
from ..model.graph import Indexes
from ..model.kinds import KINDS, TEXT_FIELDS
from ..model.urls import source_text_url
from ..store.history import file_history
from .api import build_api
from .downloads import download_files, law_records, yaml_copies
from .feeds import feed_files
from .render.laws import LawPages
from .render.pages import Page, SiteRenderer


@dataclass
class Generated:
    site: SiteData
    pages: list[Page]
    api: dict[str, list[dict[str, Any]]]
    backlinks: Backlinks
    catalogue: LawCatalogue
    files: dict[str, str]  # site path → text: feeds, calendars, CSV and one-record downloads
    copies: dict[str, Path]  # site path → file to copy as it is: the records' YAML files


def _source_texts(site: SiteData) -> dict[str, str]:
    texts = {}
    for document in site.all("documents"):
        path = site.root / "sources" / str(document.get("file"))
        if path.is_file():
            texts[document["id"]] = path.read_text(encoding="utf-8")
    return texts


def citing_texts(site: SiteData, ix: Indexes) -> list[CitingText]:
    """What the entities say that may cite laws (the fields of :data:`~..model.kinds.TEXT_FIELDS`):
    one :class:`CitingText` per entity, and one per row of a document's bureaucracy table, in the
    order the backlinks are listed."""
    texts = []
    for kind, fields in TEXT_FIELDS.items():
        for entity in site.all(kind):
            citing = CitingText(
                kind, kind, entity["id"], ix.url(kind, entity["id"]) or "", ix.title(kind, entity),
                _date(ix, kind, entity), tuple(text for name in fields for text in field_texts(entity.get(name))),
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


def citing_sources(ix: Indexes, source_texts: Mapping[str, str]) -> list[SourceText]:
    """The source documents' full texts (document id → text), cited from their pages of lines."""
    sources = []
    for document_id, text in source_texts.items():
        document = ix.get("documents", document_id) or {"id": document_id}
        title = f"{document.get('title', document_id)} (kildetekst)"
        date = _date(ix, "documents", document)
        sources.append(
            SourceText("documents", document_id, title, date, text, partial(source_text_url, document_id))
        )
    return sources


def _date(graph: Indexes, kind: str, entity: Entity) -> str | None:
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


def laws_api(catalogue: LawCatalogue, backlinks: Backlinks) -> list[dict[str, Any]]:
    """One row per law with a page: the catalogue's, then those it lacks (``known`` false)."""
    by_law = backlinks.by_law()
    rows = []
    for info in law_infos(catalogue, backlinks):
        law = info.id
        counts = Counter(o.paragraph for o in by_law.get(law, []) if o.paragraph)
        rows.append({
            "id": law, "url": f"/{law_url(law)}", "title": info.title, "aliases": info.aliases,
            "retsinformation": info.url, "known": info.known,
            "provisions": [{"paragraph": p, "url": f"/{provision_url(law, provision_id(law, p))}", "count": n}
                           for p, n in sorted(counts.items())],
            "mentions": len(backlinks.mentions.get(law, [])),
        })  # fmt: skip
    return rows


def references_api(backlinks: Backlinks) -> list[dict[str, Any]]:
    """The API's ``references``: one row per occurrence; ids number the occurrences of each
    citing page in text order."""
    rows = []
    seen: Counter[tuple[str, str]] = Counter()
    for occurrence in backlinks.occurrences:
        key = (occurrence.entity_kind, occurrence.entity_id)
        seen[key] += 1
        rows.append({"id": f"{key[0]}/{key[1]}/{seen[key]}", **occurrence.as_json()})
    return rows


def generate(
    data: Path,
    templates: Path,
    repo_root: Path | None = None,
    content: dict[str, tuple[str, str]] | None = None,
    site_url: str | None = None,
    repo_url: str | None = None,
) -> Generated:
    """Load ``data/``, collect every legal reference, render every page, API file and feed.

    ``content`` (URL → (title, Markdown)) are the hand-written pages, whose references are
    listed on the provision pages too. ``repo_root`` is the git checkout whose history of
    ``data/`` the pages show, ``repo_url`` the repository host's address of it (links to
    commits), ``site_url`` the published site's address (absolute links in feeds).
    """
    site = load_site_data(data)
    catalogue = load_catalogue(data / "laws.yaml")
    source_texts = _source_texts(site)
    renderer = SiteRenderer(site, templates, None, repo_root, source_texts)
    renderer.repo_url = repo_url
    if repo_root is not None:
        try:
            folder = data.resolve().relative_to(repo_root.resolve()).as_posix()
        except ValueError:
            folder = None  # data outside the checkout: no history
        if folder is not None:
            renderer.history = file_history(repo_root, folder)
    backlinks = collect(
        citing_texts(site, renderer.ix), citing_sources(renderer.ix, source_texts), catalogue, content
    )
    renderer.find = citation_finder(catalogue, backlinks)
    renderer.fallbacks = backlinks.fallbacks
    renderer.source_spans = backlinks.source_spans
    labels = {info.id: info.label for info in law_infos(catalogue, backlinks)}
    for occurrence in backlinks.occurrences:
        if occurrence.group != SOURCE_GROUP:
            key = (occurrence.entity_kind, occurrence.entity_id)
            renderer.laws_by_entity.setdefault(key, set()).add(labels[occurrence.law])
    pages = [*renderer.pages(), *LawPages(renderer, catalogue, backlinks).pages()]
    api = build_api(renderer.ix, laws=laws_api(catalogue, backlinks), references=references_api(backlinks))
    base = (site_url or "/").rstrip("/") + "/"
    files = {
        **feed_files(renderer.ix, base),
        **download_files(api),
        **law_records(catalogue, backlinks.laws()),
    }
    return Generated(site, pages, api, backlinks, catalogue, files, yaml_copies(site))
