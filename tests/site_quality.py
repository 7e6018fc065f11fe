"""Shared by the site-quality tests (issue 9): one page of every type, viewports, browser helpers.

The accessibility, privacy, metadata and screenshot tests all visit these pages. A pattern with
``*`` stands for the first matching page in sorted order (people and networks come and go with
the data); the others are fixed examples that the tests expect to exist.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

REPO = Path(__file__).resolve().parents[1]

PAGE_TYPES: dict[str, str] = {
    "forside": "",
    "kkr": "kkr/nordjylland/",
    "moede": "kkr/nordjylland/2022-03-25/",
    "beslutning": "kkr/nordjylland/2022-03-25/2-1/",
    "netvaerk": "frikommuner/*/",
    "forsoeg": "forsoeg/mikrolaan/",
    "kommune": "kommuner/aalborg/",
    "person": "personer/*/",
    "dokument": "dokumenter/rm-2020-noerholm/",
    "kildetekst": "dokumenter/rm-2020-noerholm/tekst/1/",
    "oversigt": "beslutninger/",
    "oversigt-side": "forsoeg/side-2/",
    "dokument-forkortet": "dokumenter/dsi-2023-viborg-tilsagn/",
    "love": "love/",
    "lov": "love/sel/",
    "bestemmelse": "love/sel/129/",
    "bestemmelse-lab": "love/lab/31/",
    "side": "om/",
    "soeg": "soeg/",
}
"""Page type → site-relative URL (ending in ``/``; ``""`` is the front page)."""

DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 390, "height": 844}
VIEWPORTS = {"desktop": DESKTOP, "mobile": MOBILE}

SCREENSHOTS = REPO / "tests" / "screenshots"

# What a page's own script renders after load, to wait for before looking at the page.
READY: dict[str, str] = {"soeg": "[data-ka-results][data-ka-state=done]"}


def resolve(site: Path, pattern: str) -> str:
    """The site-relative URL of ``pattern`` in ``site``; fails the test when no page matches."""
    if "*" not in pattern:
        if not (site / pattern / "index.html").is_file():
            pytest.fail(f"/{pattern} is missing from the built site")
        return pattern
    matches = sorted(p.parent for p in site.glob(f"{pattern}index.html"))
    if not matches:
        pytest.fail(f"no page matches /{pattern} in the built site")
    return matches[0].relative_to(site).as_posix() + "/"


def _config_value(key: str) -> str:
    """A plain top-level value from mkdocs.yml (read as text: the file is not plain YAML for every loader)."""
    for line in (REPO / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith(f"{key}:"):
            return line.split(":", 1)[1].split("#", 1)[0].strip()
    raise AssertionError(f"mkdocs.yml has no {key}")


def site_url() -> str:
    """Where the site is published (``site_url`` in mkdocs.yml), ending in ``/``."""
    return _config_value("site_url")


def site_prefix() -> str:
    """The path the site is published under (``/kommuneatlas/``)."""
    return urlsplit(site_url()).path or "/"


def repo_url() -> str:
    """``repo_url`` from mkdocs.yml (edit links point into it)."""
    return _config_value("repo_url")


def settle(page: Page, kind: str | None = None) -> None:
    """Wait until the page is complete: loaded, fonts ready, scripts' output rendered, no transition running.

    Material fades and slides some elements in (the navigation tabs, for one); a colour-contrast
    check or a screenshot taken during the transition would see a half-transparent colour.
    """
    page.wait_for_load_state("load")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    if kind in READY:
        page.wait_for_selector(READY[kind], state="attached")
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def search_from_header(page: Page, query: str) -> None:
    """Type ``query`` into the header search (opening it first on a narrow screen) and wait for its results."""
    box = page.locator(".ka-header-search input[name=q]")
    if not box.is_visible():
        page.locator("label.md-header__button[for=__search]").click()
    box.fill(query)
    page.wait_for_function(
        """query => {
            const el = document.querySelector("[data-ka-search-output]");
            return el && el.dataset.kaState === "done" && el.dataset.kaQuery === query;
        }""",
        arg=query,
    )
