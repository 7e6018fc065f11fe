"""Bytes a first search query transfers, on the bundled site and on a 10,000-page synthetic site.

Run ``python benchmarks/bench_search.py [--pages 10000] [--site DIR]``; prints JSON. Needs
Debian's Chromium (/usr/bin/chromium).

The bundled site is built from the repository's ``data/`` (or taken from ``--site``, a site
built beforehand without its search index). The synthetic site is the bundled site plus
``--pages`` plain HTML pages of Danish-like text: words drawn from the bundled site's own
vocabulary by frequency, in titled sections, with random filter values. Both are indexed
exactly as ``kommuneatlas build`` does (:func:`kommuneatlas.search.index.index_site`).

Each query is a first query: a fresh browser context with an empty cache, on a page that has
loaded but not yet used the search. Two ways in:

* ``header``: type the query into the header search box (5 results shown);
* ``search_page``: open ``/soeg/?q=…`` (10 results shown, and the filter panel's values).

Only the search's own requests count (``pagefind/``, ``search/``), not the page around it.
``bytes`` is what our plain HTTP server sent (Pagefind's index files are gzip-compressed
already; its JavaScript is not). ``bytes_gzip`` is the same if the host also compresses
JavaScript and JSON, as GitHub Pages does. Budget: 300 KB (300,000 bytes) per first query.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from browser_support import Fetch, launch_chromium, open_page, serve_directory  # noqa: E402
from kommuneatlas.search.compounds import build_lexicon  # noqa: E402
from kommuneatlas.search.index import index_site  # noqa: E402
from kommuneatlas.site.build import build_site  # noqa: E402

BUDGET = 300_000
QUERIES = ["mikrolån", "sundhedsklynger", "indsats", "kommune", "LAB § 31", "SAG-2022-01302"]
TYPES = [
    "beslutning",
    "møde",
    "forsøg",
    "netværk",
    "dokument",
    "bestemmelse",
    "kommune",
    "person",
    "kildetekst",
]
KKR = ["KKR Hovedstaden", "KKR Sjælland", "KKR Syddanmark", "KKR Midtjylland", "KKR Nordjylland"]
LAWS = ["LAB", "SEL", "LAS", "INL", "ABL", "Frikommuneloven", "Sygedagpengeloven"]
COMPRESSIBLE = (".js", ".json", ".css", ".html")


def build_bundled(target: Path) -> Path:
    """The repository's site, built without its search index (added by :func:`index`)."""
    site = target / "site"
    build_site(REPO / "data", site, config_file=REPO / "mkdocs.yml", progress=lambda _: None, search=False)
    return site


def index(site: Path) -> float:
    """Index ``site`` as the build does; returns the seconds it took."""
    start = time.perf_counter()
    index_site(site, REPO / "data" / "laws.yaml")
    return time.perf_counter() - start


def add_synthetic_pages(site: Path, count: int, seed: int = 2026) -> None:
    """Add ``count`` pages of Danish-like text under ``syntetisk/`` (see the module docstring)."""
    rng = random.Random(seed)
    lexicon = build_lexicon(site)
    words = [word for word in lexicon if len(word) > 1]
    weights = [lexicon[word] for word in words]

    def text(n: int) -> str:
        return " ".join(rng.choices(words, weights, k=n))

    for number in range(count):
        folder = site / "syntetisk" / f"{number:05d}"
        folder.mkdir(parents=True)
        filters = [
            ("type", rng.choice(TYPES)),
            ("kkr", rng.choice(KKR)),
            ("år", str(rng.randint(2007, 2025))),
        ]
        filters += [("lov", law) for law in rng.sample(LAWS, rng.randint(0, 2))]
        spans = "".join(
            f'<span data-pagefind-filter="{name}[data-value]" data-value="{value}" hidden></span>'
            for name, value in filters
        )
        title = text(rng.randint(2, 6)).capitalize()
        sections = "".join(
            f'<h2 id="afsnit-{s}">{text(rng.randint(1, 4)).capitalize()}</h2>'
            + "".join(f"<p>{text(rng.randint(30, 90)).capitalize()}.</p>" for _ in range(rng.randint(1, 4)))
            for s in range(rng.randint(2, 5))
        )
        (folder / "index.html").write_text(
            f'<!doctype html><html lang="da"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><article><div data-pagefind-body>{spans}<h1>{title}</h1>{sections}</div></article>"
            "</body></html>",
            encoding="utf-8",
        )


def _kind(url: str) -> str:
    path = urlsplit(url).path
    for suffix, kind in [
        ("pagefind.js", "pagefind.js"),
        (".pagefind", "wasm"),
        (".pf_meta", "meta"),
        (".pf_index", "index chunks"),
        (".pf_fragment", "fragments"),
        (".pf_filter", "filters"),
        ("citations.json", "citations.json"),
        ("pagefind-entry.json", "entry"),
        ("filters.json", "filters.json"),
    ]:
        if path.endswith(suffix):
            return kind
    return "other"


def _file(site: Path, base: str, fetch: Fetch) -> Path:
    return site / urlsplit(fetch.url).path.removeprefix(urlsplit(base).path)


def _sizes(site: Path, base: str, fetch: Fetch) -> tuple[int, int]:
    """What the server sent for ``fetch`` (the file), and that if the host gzips text files.

    The file's size, not the browser's count: Chromium reports 0 bytes for some responses
    (a worker's script), and our server sends files as they are.
    """
    file = _file(site, base, fetch)
    data = file.read_bytes() if fetch.status == 200 and file.is_file() else b""
    compressed = gzip.compress(data, 6) if file.suffix in COMPRESSIBLE else data
    return len(data), len(compressed)


def _summary(site: Path, base: str, fetches: list[Fetch]) -> dict[str, Any]:
    """The search's own requests (``pagefind/``, ``search/``) among ``fetches``, summed."""
    own = [fetch for fetch in fetches if "/pagefind/" in fetch.url or "/search/" in fetch.url]
    by_kind: Counter[str] = Counter()
    raw = gzipped = 0
    for fetch in own:
        size, compressed = _sizes(site, base, fetch)
        by_kind[_kind(fetch.url)] += size
        raw += size
        gzipped += compressed
    return {"bytes": raw, "bytes_gzip": gzipped, "requests": len(own), "by_kind": dict(by_kind.most_common())}


def _wait(page: Any, selector: str, query: str) -> None:
    page.wait_for_function(
        "([s, q]) => { const e = document.querySelector(s); return e && e.dataset.kaState === 'done'"
        " && e.dataset.kaQuery === q; }",
        arg=[selector, query],
    )


def measure(site: Path) -> dict[str, Any]:
    """The bytes of a first query, for each query and both ways in (see the module docstring)."""
    report: dict[str, Any] = {"queries": {}}
    with serve_directory(site) as base, launch_chromium() as browser:
        for query in QUERIES:
            row: dict[str, Any] = {}
            with open_page(browser, base) as (page, log):
                page.goto(f"{base}om/")
                mark = log.mark()
                page.locator(".ka-header-search input[name=q]").fill(query)
                _wait(page, "[data-ka-search-output]", query)
                row["header"] = _summary(site, base, log.since(mark))
                row["header"]["results"] = page.locator(".md-search-result__meta").inner_text()
            with open_page(browser, base) as (page, log):
                page.goto(f"{base}soeg/?q={quote(query)}")
                _wait(page, "[data-ka-results]", query)
                row["search_page"] = _summary(site, base, log.fetches)
                row["search_page"]["results"] = page.locator("[data-ka-status]").inner_text()
            report["queries"][query] = row
    for way in ("header", "search_page"):
        sizes = [row[way]["bytes"] for row in report["queries"].values()]
        report[way] = {"max_bytes": max(sizes), "median_bytes": statistics.median(sizes)}
    report["within_budget"] = all(report[way]["max_bytes"] <= BUDGET for way in ("header", "search_page"))
    return report


def _site_stats(site: Path) -> dict[str, Any]:
    pagefind = site / "pagefind"
    entry = json.loads((pagefind / "pagefind-entry.json").read_text(encoding="utf-8"))
    return {
        "pages": entry["languages"]["da"]["page_count"],
        "index_chunks": len(list((pagefind / "index").glob("*"))),
        "index_bytes": sum(f.stat().st_size for f in pagefind.rglob("*") if f.is_file()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=10_000, help="synthetic pages to add (default 10000)")
    parser.add_argument(
        "--site", type=Path, help="a site built without search index, instead of building one"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        work = Path(tmp)
        bundled = work / "bundled"
        if args.site:
            shutil.copytree(args.site, bundled, ignore=shutil.ignore_patterns("pagefind", "search"))
        else:
            shutil.copytree(build_bundled(work / "build"), bundled)
        synthetic = work / "synthetic"
        shutil.copytree(bundled, synthetic)
        add_synthetic_pages(synthetic, args.pages)
        results: dict[str, Any] = {"budget_bytes": BUDGET}
        for name, site in [("bundled", bundled), (f"synthetic_{args.pages}", synthetic)]:
            seconds = index(site)
            results[name] = {**_site_stats(site), "index_seconds": round(seconds, 1), **measure(site)}
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
