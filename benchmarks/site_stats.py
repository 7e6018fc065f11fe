"""Sizes of a built site: pages by category, HTML bytes per page, total size, search index size."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

# Top-level folders whose pages (below the folder's own index) are one entity each.
ENTITY_FOLDERS = {
    "kkr": "KKR, møde, beslutning",
    "kommuner": "kommune",
    "personer": "person",
    "frikommuner": "netværk",
    "forsoeg": "forsøg",
    "dokumenter": "dokument",
}


def category(relative: str) -> str:
    """``entity``, ``law`` (a law or provision page), ``source`` (a page of a source text) or
    ``listing`` (front page, section overviews and their further pages, hand-written pages, 404)
    for a page's path."""
    parts = relative.split("/")[:-1]  # the folders above index.html
    if len(parts) <= 1 or (len(parts) == 2 and parts[1].startswith("side-")):
        return "listing"  # an overview, or one of its further pages (side-2/ …)
    if parts[0] == "dokumenter" and len(parts) >= 3 and parts[2] == "tekst":
        return "source"
    if parts[0] == "love":
        return "law"
    return "entity" if parts[0] in ENTITY_FOLDERS else "listing"


@dataclass
class Sizes:
    sizes: list[int] = field(default_factory=list)
    largest: str = ""

    def add(self, size: int, path: str) -> None:
        if not self.sizes or size > max(self.sizes):
            self.largest = path
        self.sizes.append(size)

    @property
    def median(self) -> float:
        return statistics.median(self.sizes) if self.sizes else 0.0

    @property
    def max(self) -> int:
        return max(self.sizes, default=0)


@dataclass
class SiteStats:
    pages: int
    by_category: dict[str, Sizes]
    total_bytes: int
    search_bytes: int
    search_files: int


def site_stats(site: Path) -> SiteStats:
    by_category: dict[str, Sizes] = defaultdict(Sizes)
    total = search = search_files = pages = 0
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        relative = path.relative_to(site).as_posix()
        total += size
        if relative.startswith("pagefind/"):
            search += size
            search_files += 1
        elif path.suffix == ".html":
            pages += 1
            by_category[category(relative)].add(size, relative)
    return SiteStats(pages, dict(by_category), total, search, search_files)
