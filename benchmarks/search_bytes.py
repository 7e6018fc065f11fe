"""Bytes a first search costs: Chromium opens the search page with a query for a common word and
the requests for Pagefind's files (and our citation table) are added up, by kind of file.

Uses the browser tests' support module (Debian's Chromium through Playwright, a local server).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from browser_support import CHROMIUM, launch_chromium, open_page, serve_directory  # noqa: E402

SETTLE_MS = 500  # after the network is idle, in case the results trigger more fetches


def _kind(url: str) -> str:
    name = url.rsplit("/", 1)[-1].split("?")[0]
    for suffix, kind in (
        (".pf_fragment", "fragments"),
        (".pf_index", "index chunks"),
        (".pf_filter", "filters"),
        (".pf_meta", "metadata"),
        (".wasm", "code"),
        (".pagefind", "code"),
        (".js", "code"),
        (".json", "entry and tables"),
    ):
        if name.endswith(suffix):
            return kind
    return "other"


def first_query_bytes(site: Path, query: str) -> Counter[str] | None:
    """Bytes by kind of file for the first query on the search page; None without Chromium."""
    if not CHROMIUM.exists():
        return None
    with serve_directory(site) as base, launch_chromium() as browser, open_page(browser, base) as (page, log):
        page.goto(f"{base}soeg/?q={quote(query)}")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(SETTLE_MS)
        page.wait_for_load_state("networkidle")
        found: Counter[str] = Counter()
        for fetch in log.fetches:
            if ("/pagefind/" in fetch.url or "/search/" in fetch.url) and fetch.body_bytes:
                found[_kind(fetch.url)] += fetch.body_bytes
        return found
