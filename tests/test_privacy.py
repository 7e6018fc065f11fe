"""The browser fetches nothing from anywhere but the site itself (issue 9).

Every page type is loaded in Chromium and searched from the header box (on the search page, from
its own form as well); Playwright's request log must then hold only requests to 127.0.0.1. The
log records a request to another host before aborting it, so a font, script, image or API call
from elsewhere (the GitHub repository widget, say) would show up here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from site_quality import PAGE_TYPES, VIEWPORTS, resolve, search_from_header, settle

if TYPE_CHECKING:
    from browser_support import RequestLog

pytest_plugins = ["browser_support"]
pytestmark = pytest.mark.browser

QUERY = "mikrolån"


def off_site(requests: RequestLog) -> list[str]:
    """Requests whose host is not 127.0.0.1 (data: and blob: URLs never leave the browser)."""
    return [
        url
        for url in requests.urls()
        if urlsplit(url).scheme not in {"data", "blob", "about"} and urlsplit(url).hostname != "127.0.0.1"
    ]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_loading_and_searching_stays_on_127_0_0_1(
    page: Page, requests: RequestLog, site_url: str, site_dir: Path, kind: str, viewport: str
) -> None:
    assert urlsplit(site_url).hostname == "127.0.0.1"
    page.set_viewport_size(VIEWPORTS[viewport])
    page.goto(site_url + resolve(site_dir, PAGE_TYPES[kind]))
    settle(page, kind)
    loaded = requests.mark()
    search_from_header(page, QUERY)
    if kind == "soeg":
        page.locator("#ka-soeg-q").fill(QUERY)
        page.locator("#ka-soeg-q").press("Enter")
        page.wait_for_function(
            """query => {
                const el = document.querySelector("[data-ka-results]");
                return el && el.dataset.kaState === "done" && el.dataset.kaQuery === query;
            }""",
            arg=QUERY,
        )
    searched = [fetch.url for fetch in requests.since(loaded)]
    assert any("/pagefind/" in url for url in requests.urls()), "the search did not run"
    assert kind == "soeg" or searched, "the header search fetched nothing: did it run?"
    assert off_site(requests) == [], f"/{PAGE_TYPES[kind]} fetched from other hosts"
    assert requests.external() == []
