"""The static search index: Pagefind over the built HTML (chunked, loaded per query).

:func:`index_site` prepares a copy of the built pages for Pagefind and runs it:

1. each indexed page (those with ``data-pagefind-body``, see ``overrides/main.html``) is
   copied without the theme's chrome (:func:`slim`), tidied for indexing (:func:`tidy`) and
   given the parts of its compound words (:mod:`.compounds`), so that "indsats" finds
   "beskæftigelsesindsats"; the served pages are left as MkDocs wrote them;
2. ``search/citations.json`` (:mod:`.citations`) lets a query such as "LAB § 31"
   offer the provision page, as decided by the extraction's citation parser, and
   ``search/filters.json`` lists the values of each filter for the search page's panel
   (Pagefind's own filter index holds every page of every value: too much to load up front);
3. Pagefind, forced to Danish (Snowball stemming), writes ``pagefind/``: an index split into
   chunks by word, one fragment per page, and the filter index. A query loads only the chunks
   for its words and the fragments of the results it shows.

The browser side is ``content/assets/search.js``.
"""

from __future__ import annotations

import html as html_lib
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TypeVar

from pagefind_bin import get_executable

from ..citations import load_catalogue
from ..errors import KommuneatlasError
from ..store.json import compact_json
from .citations import write_citation_table
from .compounds import (
    BODY_ATTRIBUTE,
    CONTENT_END,
    CompoundReport,
    Splitter,
    annotate,
    build_lexicon,
    indexed_pages,
)

# Pagefind runs the text of adjacent table cells and list terms together ("Sags-idSAG-2022-01302"),
# so identifiers next to a label could not be found: a line break after each such element fixes that.
_CELL_END = re.compile(r"(</(?:td|th|dt|dd|li|caption)>)(?=<)", re.IGNORECASE)
FILTERS_FILE = Path("search") / "filters.json"
PAGES_PER_WORKER = 500  # below this many pages per process, one process is faster
T = TypeVar("T")
_FILTER = re.compile(r'data-pagefind-filter="([^"\[]+)\[data-value\]" data-value="([^"]*)"')
# Not content: the "¶" permalinks after headings (Markdown's toc extension) and the line
# numbers of source texts (templates/source_text.md.j2).
_NOT_CONTENT = re.compile(r'<a class="(headerlink|ka-nr)"')


def tidy(html: str) -> str:
    """``html`` as it should be indexed: cells kept apart, permalinks and line numbers left out."""
    html = _CELL_END.sub("\\1\n", html)
    return _NOT_CONTENT.sub('<a data-pagefind-ignore class="\\1"', html)


def _shares(site_dir: Path) -> list[list[Path]]:
    """The site's HTML files in one share per worker process (one share for a small site)."""
    paths = sorted(site_dir.rglob("*.html"))
    workers = min(os.cpu_count() or 1, max(1, len(paths) // PAGES_PER_WORKER))
    return [paths[i::workers] for i in range(workers)]


def _map(function: Callable[..., T], shares: list[list[Path]], *args: Any) -> list[T]:
    if len(shares) == 1:
        return [function(shares[0], *args)]
    # Spawned, not forked: a worker forked from the build would share (and, as Python touches
    # objects, copy) everything the build still holds.
    with ProcessPoolExecutor(len(shares), mp_context=get_context("spawn")) as pool:
        return list(pool.map(function, shares, *([arg] * len(shares) for arg in args)))


_SLIM_HEAD = '<!doctype html><html lang="da"><head><meta charset="utf-8"></head><body>'


def slim(html: str) -> str:
    """What Pagefind needs of a page: its ``data-pagefind-body`` element (the page's content, with
    its title, type and filter values), without the theme's header, navigation and footer,
    which are two thirds of a page's bytes and would only cost Pagefind time and memory."""
    at = html.find(BODY_ATTRIBUTE)
    start = html.rfind("<", 0, at)
    end = html.rfind(CONTENT_END)
    return f"{_SLIM_HEAD}{html[start : end if end > at else len(html)]}</body></html>"


def _prepare_share(
    paths: list[Path], site_dir: Path, into: Path, lexicon: Counter[str]
) -> tuple[CompoundReport, dict[str, set[str]]]:
    """Write the slim, tidied and decompounded copy of each of these pages under ``into``; also
    collect their filter values."""
    splitter = Splitter(lexicon)
    report = CompoundReport()
    values: dict[str, set[str]] = {}
    for path, _original, html in indexed_pages(paths):
        new, count = annotate(tidy(html), splitter, report.compounds)
        copy = into / path.relative_to(site_dir)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(slim(new), encoding="utf-8")
        report.pages += bool(count)
        report.words += count
        for name, value in _FILTER.findall(html):
            values.setdefault(html_lib.unescape(name), set()).add(html_lib.unescape(value))
    return report, values


def prepare_pages(site_dir: Path, into: Path) -> CompoundReport:
    """Write what Pagefind indexes: for every indexed page of ``site_dir`` a copy under ``into``
    (same path), slim (:func:`slim`), tidied (:func:`tidy`) and decompounded
    (:mod:`.compounds`); the site's own pages stay as they are. Also writes the filter
    values (:func:`write_filter_values`). Large sites are shared out among processes, one per
    core: the lexicon is counted in parallel, then the copies written in parallel."""
    shares = _shares(site_dir)
    lexicon = sum(_map(build_lexicon, shares), Counter[str]())
    report = CompoundReport()
    values: dict[str, set[str]] = {}
    for part, found in _map(_prepare_share, shares, site_dir, into, lexicon):
        report.pages += part.pages
        report.words += part.words
        report.compounds.update(part.compounds)
        for name, names in found.items():
            values.setdefault(name, set()).update(names)
    write_filter_values(site_dir, values)
    return report


def write_filter_values(site_dir: Path, values: dict[str, set[str]]) -> Path:
    """Write ``search/filters.json``: each filter's values on the indexed pages, ``{"kkr": ["KKR Midtjylland", …]}``."""
    path = site_dir / FILTERS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    table = {name: sorted(found) for name, found in sorted(values.items())}
    path.write_text(compact_json(table), encoding="utf-8")
    return path


def run_pagefind(pages: Path, site_dir: Path) -> None:
    """Run Pagefind over the pages in ``pages``; it writes ``site_dir/pagefind/``."""
    command = [
        str(get_executable()),
        *("--site", str(pages), "--output-path", str(site_dir / "pagefind")),
        *("--force-language", "da", "--quiet"),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise KommuneatlasError(
            f"søgeindekset (Pagefind) mislykkedes ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}"
        )


def index_site(site_dir: Path, laws: Path | None = None) -> CompoundReport:
    """Prepare the pages, write the lookups (the citations given ``laws``, the catalogue), run Pagefind."""
    into = Path(tempfile.mkdtemp(prefix=".pagefind-input-", dir=site_dir.parent))
    try:
        report = prepare_pages(site_dir, into)
        if laws is not None:
            write_citation_table(site_dir, load_catalogue(laws))
        run_pagefind(into, site_dir)
    finally:
        shutil.rmtree(into, ignore_errors=True)
    return report
