"""Issue 15 in a browser: feeds to subscribe to, a page's history, lists in a decision."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import feedparser
import pytest
from playwright.sync_api import Browser, Page

from site_quality import MOBILE, REPO, repo_url, settle
from sitebuild import build_copy, copy_data
from test_accessibility import axe_source, describe, run_axe  # noqa: F401 (axe_source: a fixture)
from test_text_blocks import _decision_as_light_markdown

if TYPE_CHECKING:
    from browser_support import RequestLog

pytest_plugins = ["browser_support"]
pytestmark = pytest.mark.browser

ITEM = "kkr/nordjylland/2022-03-25/2-1/"


def _fetch_feed(page: Page, href: str) -> feedparser.FeedParserDict:
    response = page.request.get(href)
    assert response.ok, f"{href}: {response.status}"
    parsed = feedparser.parse(response.body())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.mark.parametrize(
    ("url", "title"), [("", "Nyt i Kommuneatlas"), ("kkr/nordjylland/", "Nyt fra KKR Nordjylland")]
)
def test_the_feed_is_linked_and_loads(
    page: Page, requests: RequestLog, site_url: str, url: str, title: str
) -> None:
    page.goto(site_url + url)
    settle(page)
    link = page.locator(f'head link[type="application/atom+xml"][title="{title}"]')
    assert link.count() == 1
    feed = _fetch_feed(page, link.evaluate("el => el.href"))
    assert feed.feed.title == title and feed.entries
    assert not [u for u in requests.urls() if u.endswith("sitemap.xml")]  # see overrides/main.html


@pytest.mark.parametrize("url", ["", "kkr/nordjylland/", "moeder/"])
def test_a_visible_subscribe_link_leads_to_the_feed_or_calendar(page: Page, site_url: str, url: str) -> None:
    page.goto(site_url + url)
    settle(page)
    atom = (
        page.get_by_role("link", name="Atom").first
        if url
        else page.get_by_role("link", name="Nyt i Kommuneatlas")
    )
    assert atom.is_visible()
    assert _fetch_feed(page, atom.evaluate("el => el.href")).entries
    calendar = page.locator('a[href$="moeder.ics"]').first
    assert calendar.is_visible()
    body = page.request.get(calendar.evaluate("el => el.href")).text()
    assert body.startswith("BEGIN:VCALENDAR") and "DTSTART;VALUE=DATE:20220624" in body


def _in_git_checkout() -> bool:
    result = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--is-inside-work-tree"], capture_output=True
    )
    return result.returncode == 0


@pytest.mark.skipif(not _in_git_checkout(), reason="the site was not built in a git checkout: no history")
def test_an_experiment_page_shows_its_history(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}forsoeg/mikrolaan/")
    settle(page)
    heading = page.get_by_role("heading", name="Historik")
    assert heading.is_visible()
    commits = page.locator(".ka-historik li")
    assert commits.count() >= 1
    first = commits.first
    assert first.locator("time").get_attribute("datetime")
    assert (first.locator("a").get_attribute("href") or "").startswith(f"{repo_url()}/commit/")
    assert page.locator(".md-source-file time").is_visible()  # "Sidst ændret", in Danish


@pytest.fixture(scope="module")
def list_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from data whose decision of item 2.1 is in light Markdown (as extraction will write it)."""
    root = tmp_path_factory.mktemp("lists")
    data = copy_data(root)
    _decision_as_light_markdown(data)
    return build_copy(root, data, search=False)


@pytest.fixture
def list_page(chromium: Browser, list_site: Path) -> Iterator[Page]:
    from browser_support import open_page, serve_directory

    with serve_directory(list_site) as base, open_page(chromium, base) as (page, _):
        page.goto(base + ITEM)
        settle(page)
        yield page


def test_the_decision_shows_its_points_as_a_list(list_page: Page, axe_source: str) -> None:  # noqa: F811
    points = list_page.locator(".ka-beslutning ul > li")
    assert points.count() == 4
    assert all(text.startswith("At ") for text in points.all_inner_texts())
    assert points.nth(1).locator("a.lovhenvisning").inner_text() == "servicelovens § 83"
    list_page.set_viewport_size(MOBILE)
    settle(list_page)
    violations = run_axe(list_page, axe_source)
    assert not violations, describe(violations)
