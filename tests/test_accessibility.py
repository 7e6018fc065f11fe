"""WCAG 2.1 A and AA in a real browser: axe-core finds no violation on any page type (issue 9).

axe-core comes from npm, pinned in package.json / package-lock.json; ``nox -s tests`` runs
``npm ci --ignore-scripts`` before pytest. It is injected into Debian's Chromium with Playwright
and run with the rules tagged wcag2a, wcag2aa, wcag21a and wcag21aa, on one page of every type
at a desktop and a mobile width. No rule is switched off. The same visits write the screenshots
to tests/screenshots/ (two of them are in the README, copied to docs/screenshots/).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Browser, Page, Route

from site_quality import (
    PAGE_TYPES,
    REPO,
    SCREENSHOTS,
    VIEWPORTS,
    resolve,
    search_from_header,
    settle,
    site_prefix,
)

if TYPE_CHECKING:
    from browser_support import RequestLog

# The fixtures; helpers from browser_support are imported inside the tests, after pytest has
# loaded it as a plugin (importing it here first would keep pytest from rewriting its asserts).
pytest_plugins = ["browser_support"]
pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe.min.js from node_modules; outside CI/nox a missing install skips with the command to run."""
    if not AXE.is_file():
        message = f"{AXE.relative_to(REPO)} is missing: run `npm ci --ignore-scripts` in {REPO}"
        if os.environ.get("CI") or os.environ.get("NOX_CURRENT_SESSION"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def run_axe(page: Page, axe_source: str) -> list[dict[str, Any]]:
    """The WCAG 2.1 A/AA violations axe-core finds on the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source)
    result: dict[str, Any] = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        WCAG_TAGS,
    )
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    """A readable list: rule, impact, help text and the first few offending elements."""
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}"
        )
        for node in violation["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary[:300]}")
    return "\n".join(lines)


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), animations="disabled", caret="initial")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_wcag_violations(
    page: Page, requests: RequestLog, site_url: str, site_dir: Path, axe_source: str, kind: str, viewport: str
) -> None:
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(site_url + resolve(site_dir, PAGE_TYPES[kind]))
    settle(page, kind)
    screenshot(page, f"{kind}-{viewport}")
    violations = run_axe(page, axe_source)
    assert not violations, f"/{PAGE_TYPES[kind]} at {viewport} width:\n{describe(violations)}"
    assert not requests.failed(), [fetch.url for fetch in requests.failed()]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_wcag_violations_with_search_results_open(
    page: Page, site_url: str, axe_source: str, viewport: str
) -> None:
    """The header search, open with results over a page, as a visitor sees it while searching."""
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(f"{site_url}kommuner/aalborg/")
    settle(page)
    search_from_header(page, "mikrolån")
    assert page.locator("[data-ka-search-output] .md-search-result__list li").count() > 0
    settle(page)
    screenshot(page, f"soegning-{viewport}")
    violations = run_axe(page, axe_source)
    assert not violations, f"header search at {viewport} width:\n{describe(violations)}"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_wcag_violations_on_the_search_page_with_results(
    page: Page, site_url: str, axe_source: str, viewport: str
) -> None:
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(f"{site_url}soeg/?q=beslutning")
    settle(page, "soeg")
    assert page.locator("[data-ka-results] > li").count() > 0
    screenshot(page, f"soeg-resultater-{viewport}")
    violations = run_axe(page, axe_source)
    assert not violations, f"/soeg/?q=beslutning at {viewport} width:\n{describe(violations)}"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_404_page_is_accessible(
    chromium: Browser, site_dir: Path, axe_source: str, viewport: str
) -> None:
    """404.html as GitHub Pages serves it: at a missing address, under the site's sub-path."""
    from browser_support import open_page, serve_directory

    not_found = (site_dir / "404.html").read_bytes()

    def answer_404(route: Route) -> None:
        route.fulfill(status=404, body=not_found, content_type="text/html; charset=utf-8")

    with serve_directory(site_dir, prefix=site_prefix()) as base, open_page(chromium, base) as (page, log):
        page.route("**/findes/ikke/", answer_404)
        page.set_viewport_size(VIEWPORTS[viewport])
        response = page.goto(f"{base}findes/ikke/")
        assert response is not None and response.status == 404
        settle(page)
        screenshot(page, f"404-{viewport}")
        assert page.locator("h1").inner_text() == "Siden findes ikke"
        assets = [fetch for fetch in log.failed() if fetch.resource_type != "document"]
        assert not assets, [fetch.url for fetch in assets]
        assert log.external() == []
        violations = run_axe(page, axe_source)
        assert not violations, f"404 page at {viewport} width:\n{describe(violations)}"
