"""Data → pages and API: the whole of our rendering, with no MkDocs in it.

The MkDocs plugin (:mod:`mkdocs_plugin`) calls :func:`generate` and hands the result over;
another static-site builder would need only another such adapter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..citations import LawCatalogue, find_all, load_catalogue, provision_id
from ..model.dataset import SiteData, load_site_data
from ..model.urls import law_url, provision_url
from ..store.history import file_history
from .api import build_api
from .backlinks import ReferenceIndex, collect, link_target, mention_target, resolve_from_document
from .downloads import download_files, law_records, yaml_copies
from .feeds import feed_files
from .render.laws import LawPages, law_infos
from .render.linker import CitationFinder
from .render.pages import Page, SiteRenderer


@dataclass
class Generated:
    site: SiteData
    pages: list[Page]
    api: dict[str, list[dict[str, Any]]]
    references: ReferenceIndex
    catalogue: LawCatalogue
    files: dict[str, str]  # site path → text: feeds, calendars, CSV and one-record downloads
    copies: dict[str, Path]  # site path → file to copy as it is: the records' YAML files


def citation_finder(catalogue: LawCatalogue, references: ReferenceIndex | None = None) -> CitationFinder:
    """(text, fallback) → linkable spans: each cited provision (each item of a list), and
    laws named without a paragraph. A text whose references were collected is not searched
    again: its spans are those ``references`` kept (find once, link everywhere). Without
    ``references`` every catalogue law is linked; with them, only the laws that have a page."""
    known = references.spans if references is not None else {}
    with_pages: Container[str] = references.laws() if references is not None else catalogue

    def find(text: str, fallback: Mapping[str, str] | None) -> list[tuple[int, int, str]]:
        spans = known.get(text)
        if spans is not None:
            return spans
        citations, mentions = find_all(text, catalogue)
        spans = [
            (piece.start, piece.end, url)
            for citation in citations
            for piece in resolve_from_document(citation, fallback).split(text)
            if (url := link_target(piece)) and piece.law in with_pages
        ]
        taken = [(start, end) for start, end, _ in spans]
        for mention in mentions:
            linkable = mention.act or mention.law in with_pages
            if linkable and not any(s < mention.end and mention.start < e for s, e in taken):
                spans.append((mention.start, mention.end, mention_target(mention)))
        return sorted(spans)

    return find


def _source_texts(site: SiteData) -> dict[str, str]:
    texts = {}
    for document in site.all("documents"):
        path = site.root / "sources" / str(document.get("file"))
        if path.is_file():
            texts[document["id"]] = path.read_text(encoding="utf-8")
    return texts


def laws_api(catalogue: LawCatalogue, references: ReferenceIndex) -> list[dict[str, Any]]:
    """One row per law with a page: the catalogue's, then those it lacks (``known`` false)."""
    by_law = references.by_law()
    rows = []
    for info in law_infos(catalogue, references):
        law = info.id
        counts = Counter(o.paragraph for o in by_law.get(law, []) if o.paragraph)
        rows.append({
            "id": law, "url": f"/{law_url(law)}", "title": info.title, "aliases": info.aliases,
            "retsinformation": info.url, "known": info.known,
            "provisions": [{"paragraph": p, "url": f"/{provision_url(law, provision_id(law, p))}", "count": n}
                           for p, n in sorted(counts.items())],
            "mentions": len(references.mentions.get(law, [])),
        })  # fmt: skip
    return rows


def references_api(references: ReferenceIndex) -> list[dict[str, Any]]:
    """One row per occurrence; ids number the occurrences of each citing page in text order."""
    rows = []
    seen: Counter[tuple[str, str]] = Counter()
    for occurrence in references.occurrences:
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
    references = collect(site, renderer.ix, catalogue, source_texts, content)
    renderer.find = citation_finder(catalogue, references)
    renderer.fallbacks = references.fallbacks
    renderer.source_spans = references.source_spans
    labels = {info.id: info.label for info in law_infos(catalogue, references)}
    for occurrence in references.occurrences:
        if occurrence.group != "source":
            key = (occurrence.entity_kind, occurrence.entity_id)
            renderer.laws_by_entity.setdefault(key, set()).add(labels[occurrence.law])
    pages = [*renderer.pages(), *LawPages(renderer, catalogue, references).pages()]
    api = build_api(renderer.ix, laws=laws_api(catalogue, references), references=references_api(references))
    base = (site_url or "/").rstrip("/") + "/"
    files = {
        **feed_files(renderer.ix, base),
        **download_files(api),
        **law_records(catalogue, references.laws()),
    }
    return Generated(site, pages, api, references, catalogue, files, yaml_copies(site))
