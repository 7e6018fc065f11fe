"""Long lists split over pages: page 1 at the list's own URL, page n at ``<url>side-<n>/``.

Pages stay small at any scale (issue 8: under 40 KB of HTML each); :class:`Pager` is the
navigation between them, rendered by the macro ``pager`` in ``_macros.md.j2``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

LISTING_ROWS = 100  # rows per page of an overview with short rows (/kommuner/, /personer/ …)
WIDE_ROWS = 40  # rows per page of a list with titles or lists of names in its rows
PREVIEW_ROWS = 20  # rows of a related list shown on an entity page; the rest on its sub-pages
BACKLINK_ROWS = 20  # backlinks with their citing sentence per page of a law or provision


def page_url(base: str, number: int) -> str:
    """The URL of page ``number`` (1-based) of the list at ``base``."""
    return base if number == 1 else f"{base}side-{number}/"


def chunked(rows: Sequence[T], size: int) -> list[list[T]]:
    """``rows`` in runs of ``size``; one empty run for no rows (the list's page still exists)."""
    return [list(rows[start : start + size]) for start in range(0, len(rows), size)] or [[]]


@dataclass(frozen=True)
class Pager:
    """The links between the pages of one list, seen from page ``current`` (1-based)."""

    label: str  # the navigation's accessible name, e.g. "Sider i Frikommuneforsøg"
    urls: tuple[str, ...]
    labels: tuple[str, ...]  # each page's link text ("2", or a line range)
    current: int

    @classmethod
    def numbered(cls, label: str, base: str, count: int, current: int) -> Pager:
        numbers = range(1, count + 1)
        return cls(label, tuple(page_url(base, n) for n in numbers), tuple(str(n) for n in numbers), current)

    @property
    def count(self) -> int:
        return len(self.urls)

    @property
    def previous(self) -> str | None:
        return self.urls[self.current - 2] if self.current > 1 else None

    @property
    def next(self) -> str | None:
        return self.urls[self.current] if self.current < self.count else None

    def window(self, around: int = 2) -> list[tuple[str, str, bool] | None]:
        """(url, label, is current) for the first, the last and the pages near the current one;
        ``None`` where pages are left out."""
        shown = [
            n for n in range(1, self.count + 1) if n in (1, self.count) or abs(n - self.current) <= around
        ]
        entries: list[tuple[str, str, bool] | None] = []
        for previous, n in zip([0, *shown], shown, strict=False):
            if n - previous > 1:
                entries.append(None)
            entries.append((self.urls[n - 1], self.labels[n - 1], n == self.current))
        return entries


@dataclass(frozen=True)
class RelatedPreview:
    """A list on an entity page: its first rows, and where the whole list is when that is longer."""

    rows: list[list[object]]  # at most PREVIEW_ROWS, linked from the entity page
    total: int
    url: str | None  # the first page of the whole list, when rows are left out here
