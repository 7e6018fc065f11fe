"""What every page says about itself, and the site-wide files (issue 9).

Every page of the built site: ``lang="da"``, a unique title, a description that says more than
the title, Open Graph tags. The site: a sitemap that lists every page and nothing else, a Danish
404 page, print styles. In the browser: no page is wider than a 390 px phone screen; wide tables
scroll inside their own (keyboard-focusable) box instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from playwright.sync_api import Page

from site_quality import MOBILE, PAGE_TYPES, REPO, resolve, settle, site_prefix, site_url

pytest_plugins = ["browser_support"]

SITE_NAME = "Kommuneatlas"
TITLE_SUFFIX = f" - {SITE_NAME}"
OG_REQUIRED = ("og:type", "og:site_name", "og:locale", "og:title", "og:description", "og:url")


@dataclass
class Head:
    """What a page's HTML says about itself."""

    lang: str | None = None
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # name or property → content
    canonical: str | None = None
    h1: str = ""


class _HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.head = Head()
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.head.lang = values.get("lang")
        elif tag == "meta" and "content" in values:
            key = values.get("name") or values.get("property")
            if key:
                self.head.meta[key] = values["content"]
        elif tag == "link" and values.get("rel") == "canonical":
            self.head.canonical = values.get("href")
        elif tag in ("title", "h1") and not (tag == "h1" and self.head.h1):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.head.title += data
        elif self._in == "h1":
            self.head.h1 += data


@cache
def head_of(path: Path) -> Head:
    parser = _HeadParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    parser.head.title = " ".join(parser.head.title.split())
    parser.head.h1 = " ".join(parser.head.h1.replace("¶", "").split())
    return parser.head


def pages(site: Path) -> list[Path]:
    """Every page of the site but the 404 page (Pagefind's files are not pages)."""
    return [
        path
        for path in sorted(site.rglob("*.html"))
        if "pagefind" not in path.relative_to(site).parts and path.name != "404.html"
    ]


def published_url(site: Path, path: Path) -> str:
    """The address a page has on the published site."""
    relative = path.relative_to(site).as_posix().removesuffix("index.html")
    return site_url() + relative


# -- every page ---------------------------------------------------------------------------------------
def test_every_page_is_in_danish_with_a_unique_meaningful_title_and_description(site_dir: Path) -> None:
    problems: list[str] = []
    titles: dict[str, str] = {}
    for path in pages(site_dir):
        where = f"/{path.relative_to(site_dir).as_posix()}"
        head = head_of(path)
        if head.lang != "da":
            problems.append(f"{where}: lang={head.lang!r}")
        if not head.title or (path != site_dir / "index.html" and not head.title.endswith(TITLE_SUFFIX)):
            problems.append(f"{where}: title {head.title!r}")
        if head.title in titles:
            problems.append(f"{where}: same title as {titles[head.title]}: {head.title!r}")
        titles[head.title] = where
        description = head.meta.get("description", "")
        if len(description) < 40 or description == head.title.removesuffix(TITLE_SUFFIX):
            problems.append(f"{where}: description {description!r} says no more than the title")
    assert not problems, "\n".join(problems[:40])


def test_every_page_has_open_graph_tags(site_dir: Path) -> None:
    problems: list[str] = []
    for path in pages(site_dir):
        where = f"/{path.relative_to(site_dir).as_posix()}"
        head = head_of(path)
        missing = [key for key in OG_REQUIRED if not head.meta.get(key)]
        if missing:
            problems.append(f"{where}: no {', '.join(missing)}")
            continue
        expected = published_url(site_dir, path)
        if head.meta["og:url"] != expected or head.canonical != expected:
            problems.append(f"{where}: og:url {head.meta['og:url']!r}, canonical {head.canonical!r}")
        if head.meta["og:description"] != head.meta.get("description"):
            problems.append(f"{where}: og:description differs from the description")
        if head.meta["og:locale"] != "da_DK" or head.meta["og:site_name"] != SITE_NAME:
            problems.append(f"{where}: og:locale/og:site_name")
        if path != site_dir / "index.html" and head.meta["og:title"] != head.title.removesuffix(TITLE_SUFFIX):
            problems.append(
                f"{where}: og:title {head.meta['og:title']!r} is not the page title {head.title!r}"
            )
    assert not problems, "\n".join(problems[:40])


def test_descriptions_of_generated_pages_come_from_their_data(site_dir: Path) -> None:
    """A sample: the description names what the page is about, in words a search result can show."""
    expectations = {
        "kkr/nordjylland/": ["KKR Nordjylland", "Region Nordjylland", "kommuner"],
        "kkr/nordjylland/2022-03-25/": ["KKR Nordjylland", "25. marts 2022", "dagsorden"],
        "kommuner/aalborg/": ["Aalborg Kommune", "851", "Region Nordjylland"],
        "forsoeg/mikrolaan/": ["Frikommuneforsøg", "Aalborg", "mikrolån"],
        "love/sel/129/": ["§ 129", "citeres"],
    }
    for url, words in expectations.items():
        description = head_of(site_dir / url / "index.html").meta["description"]
        for word in words:
            assert word in description, f"/{url}: {word!r} not in {description!r}"


# -- site-wide files ----------------------------------------------------------------------------------
def test_the_sitemap_lists_every_page_and_only_pages(site_dir: Path) -> None:
    tree = ElementTree.parse(site_dir / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = [loc.text or "" for loc in tree.getroot().findall("s:url/s:loc", namespace)]
    assert len(listed) == len(set(listed)), "a page is listed twice"
    expected = {published_url(site_dir, path) for path in pages(site_dir)}
    assert set(listed) == expected, (
        f"not in the sitemap: {sorted(expected - set(listed))[:10]}; "
        f"no such page: {sorted(set(listed) - expected)[:10]}"
    )
    assert (site_dir / "sitemap.xml.gz").is_file()


def test_the_404_page_is_danish_useful_and_not_indexed(site_dir: Path) -> None:
    path = site_dir / "404.html"
    head = head_of(path)
    text = path.read_text(encoding="utf-8")
    assert head.lang == "da"
    assert head.h1 == "Siden findes ikke"
    assert head.title == f"Siden findes ikke{TITLE_SUFFIX}"
    assert head.meta.get("robots") == "noindex"
    assert "Not found" not in text
    prefix = site_prefix()
    # Served at any depth, so every link is absolute under the site's path.
    assert f'action="{prefix}soeg/"' in text
    for section in ("kkr/", "beslutninger/", "forsoeg/", "kommuner/", "dokumenter/", "love/"):
        assert f'href="{prefix}{section}"' in text, section
    assert "data-pagefind-body" not in text


def test_print_styles_exist() -> None:
    css = (REPO / "content" / "assets" / "kommuneatlas.css").read_text(encoding="utf-8")
    block = css[css.index("@media print") :]
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".ka-tabel"):
        assert selector in block, selector


# -- in the browser -----------------------------------------------------------------------------------
@pytest.mark.browser
def test_printing_shows_the_content_without_navigation(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}kkr/nordjylland/2022-03-25/")
    settle(page)
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """selectors => selectors.map(s => [...document.querySelectorAll(s)]
                .every(e => getComputedStyle(e).display === "none"))""",
        [".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".ka-breadcrumbs"],
    )
    assert all(hidden), hidden
    assert page.locator("article h1").is_visible()
    overflow = page.evaluate(
        "() => [...document.querySelectorAll('.ka-tabel')].map(e => getComputedStyle(e).overflowX)"
    )
    assert overflow and set(overflow) == {"visible"}, overflow
    assert len(page.pdf()) > 1000  # Chromium can print it


@pytest.mark.browser
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_page_is_wider_than_a_phone_and_tables_scroll_in_their_own_box(
    page: Page, site_url: str, site_dir: Path, kind: str
) -> None:
    page.set_viewport_size(MOBILE)
    page.goto(site_url + resolve(site_dir, PAGE_TYPES[kind]))
    settle(page, kind)
    layout = page.evaluate(
        """() => ({
            page: document.documentElement.scrollWidth,
            viewport: window.innerWidth,
            tables: [...document.querySelectorAll("article table")].map(table => {
                const box = table.closest(".ka-tabel") || table.closest(".md-typeset__scrollwrap");
                if (!box) return null;
                return {
                    overflow: getComputedStyle(box).overflowX,
                    width: box.getBoundingClientRect().width,
                    focusable: box.tabIndex >= 0,
                };
            }),
        })"""
    )
    assert layout["page"] <= layout["viewport"], f"/{PAGE_TYPES[kind]} is {layout['page']} px wide"
    for table in layout["tables"]:
        assert table is not None, "a table outside a scrolling box"
        assert table["overflow"] in {"auto", "scroll"}
        assert table["width"] <= layout["viewport"]
        assert table["focusable"], "a scrolling box that the keyboard cannot reach"


@pytest.mark.browser
def test_a_wide_table_scrolls_sideways_on_a_phone(page: Page, site_url: str) -> None:
    """The law list's table is much wider than a phone: it scrolls, the page does not."""
    page.set_viewport_size(MOBILE)
    page.goto(f"{site_url}love/")
    settle(page)
    box = page.locator(".ka-tabel").first
    sizes = box.evaluate("e => ({scroll: e.scrollWidth, client: e.clientWidth})")
    assert sizes["scroll"] > sizes["client"] * 1.3, sizes
    box.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    assert box.evaluate("e => e.scrollLeft") > 0
    assert page.evaluate("() => document.documentElement.scrollWidth") <= MOBILE["width"]
