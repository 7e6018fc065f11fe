"""Search quality and behaviour in a real browser: Pagefind in the header box and on /soeg/.

Each test drives Debian's Chromium against the built site served on 127.0.0.1 (see
browser_support.py) and waits for the search code to report that it has rendered the results
for the query (``data-ka-state="done"``), so no test sleeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Browser, Page

from kommuneatlas.citations import find_citations, load_catalogue

if TYPE_CHECKING:
    from browser_support import RequestLog

# The fixtures; the helpers are imported in the tests that use them, after pytest has loaded the
# module as a plugin (importing it here first would keep pytest from rewriting its asserts).
pytest_plugins = ["browser_support"]
pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
ITEM_URL = re.compile(r"^/kkr/[a-z]+/\d{4}-\d{2}-\d{2}/\d+-\d+/$")


@dataclass
class Result:
    url: str  # path (and anchor) as linked
    kind: str  # "Beslutning · KKR Nordjylland · 2022"
    title: str
    marks: list[str]  # highlighted words in the excerpt, without punctuation around them
    sections: list[str]  # deep links to headings
    citation: bool  # the provision offered for a legal citation


def wait_until_done(page: Page, selector: str, query: str | None = None) -> None:
    """Wait until the search code has rendered the results (for ``query``, if given)."""
    page.wait_for_function(
        """([selector, query]) => {
            const el = document.querySelector(selector);
            return el && el.dataset.kaState === "done" && (query === null || el.dataset.kaQuery === query);
        }""",
        arg=[selector, query],
    )


def open_search(page: Page, site_url: str, query: str = "", **filters: list[str]) -> list[Result]:
    """Open /soeg/ with a query and filters in the URL, as a shared link would; return the results."""
    params = [("q", query), *((name, value) for name, values in filters.items() for value in values)]
    page.goto(f"{site_url}soeg/?{urlencode(params)}")
    wait_until_done(page, "[data-ka-results]")
    return results(page)


def results(page: Page) -> list[Result]:
    rows = page.locator("[data-ka-results] > li").evaluate_all(
        """items => items.map(li => ({
            url: li.querySelector(".ka-result__titel a").getAttribute("href"),
            kind: li.querySelector(".ka-result__art").textContent,
            title: li.querySelector(".ka-result__titel").textContent,
            marks: Array.from(li.querySelectorAll(".ka-result__uddrag mark"),
                              m => m.textContent.replace(/^[^\\p{L}\\d]+|[^\\p{L}\\d]+$/gu, "")),
            sections: Array.from(li.querySelectorAll(".ka-result__afsnit a"), a => a.getAttribute("href")),
            citation: li.classList.contains("ka-result--henvisning"),
        }))"""
    )
    return [Result(**row) for row in rows]


def status(page: Page) -> str:
    return page.locator("[data-ka-status]").inner_text()


# -- the examples ---------------------------------------------------------------------------
def test_norholm_finds_region_midtjyllands_proposal(page: Page, site_url: str) -> None:
    found = open_search(page, site_url, "Nørholm")
    assert found[0].url == "/dokumenter/rm-2020-noerholm/"
    assert found[0].kind.startswith("Dokument")
    assert "Nørholm" in found[0].marks


def test_mikrolaan_finds_the_experiment_first(page: Page, site_url: str) -> None:
    found = open_search(page, site_url, "mikrolån")
    assert found[0].url == "/forsoeg/mikrolaan/"
    assert found[0].kind.startswith("Forsøg")


def test_sundhedsklynger_finds_item_2_1_of_kkr_nordjylland_25_march_2022(page: Page, site_url: str) -> None:
    found = open_search(page, site_url, "sundhedsklynger")
    assert found[0].url == "/kkr/nordjylland/2022-03-25/2-1/"
    assert found[0].kind == "Beslutning · KKR Nordjylland · 2022"


@pytest.mark.parametrize(
    ("query", "url"),
    [
        ("LAB § 31", "/love/lab/31/"),
        ("§ 31 LAB", "/love/lab/31/"),
        ("lab §31", "/love/lab/31/"),
        ("§ 31, stk. 2, i LAB", "/love/lab/31/"),
        ("LAB-lovens § 31 a", "/love/lab/31a/"),
        ("servicelovens § 129", "/love/sel/129/"),
        ("§ 129 i serviceloven", "/love/sel/129/"),
    ],
)
def test_a_legal_citation_offers_the_provision_page_first(
    page: Page, site_url: str, query: str, url: str
) -> None:
    found = open_search(page, site_url, query)
    assert found[0].citation and found[0].url == url
    assert [r.url for r in found].count(url) == 1  # not listed again among the full-text results


def test_a_citation_of_a_provision_without_a_page_offers_the_law(page: Page, site_url: str) -> None:
    found = open_search(page, site_url, "LAB § 9999")
    assert found[0].citation and found[0].url == "/love/lab/"


def test_filtering_on_type_beslutning_shows_only_decisions(page: Page, site_url: str) -> None:
    everything = open_search(page, site_url, "indsats")
    assert {r.kind.split(" · ")[0] for r in everything} - {"Beslutning"}  # other types without the filter
    page.locator('[data-ka-filter="type"] input[value="beslutning"]').check()
    wait_until_done(page, "[data-ka-results]")
    decisions = results(page)
    assert decisions
    assert all(r.kind.startswith("Beslutning") and ITEM_URL.match(r.url) for r in decisions)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["indsats"], "type": ["beslutning"]}


def test_a_query_with_no_hits_says_so(page: Page, site_url: str) -> None:
    assert open_search(page, site_url, "qqxqzz") == []
    assert status(page) == "Ingen resultater for »qqxqzz«."


# -- Danish ----------------------------------------------------------------------------------------
def test_stemming_beslutninger_finds_beslutning(page: Page, site_url: str) -> None:
    found = open_search(page, site_url, "beslutninger")
    assert "beslutning" in {mark.lower() for r in found for mark in r.marks}


def test_decompounding_indsats_finds_beskaeftigelsesindsats(page: Page, site_url: str) -> None:
    """Some page has "beskæftigelsesindsats" but never "indsats" alone, and "indsats" finds it."""
    page.goto(f"{site_url}soeg/")
    wait_until_done(page, "[data-ka-results]")
    compound_only = page.evaluate(
        """async () => {
            const pf = await import(new URL("../pagefind/pagefind.js", location.href).href);
            const search = await pf.search("indsats");
            const pages = await Promise.all(search.results.map(r => r.data()));
            return pages.map(d => [d.url, d.content.replace(/\\u2063[^\\u2063]*\\u2063/g, "")])
                .filter(([, text]) => /beskæftigelsesindsats/i.test(text) && !/(^|[^\\p{L}])indsats/iu.test(text))
                .map(([url]) => url);
        }"""
    )
    assert compound_only, "no page is found by 'indsats' only through 'beskæftigelsesindsats'"
    # Excerpts show the page's text: the hidden parts and their marks are taken out.
    open_search(page, site_url, "indsats")
    shown = page.locator(".ka-result__uddrag, .ka-result__afsnit span").all_text_contents()
    assert shown and not [text for text in shown if "\u2063" in text or "\u2064" in text]


# -- identifiers, deep links, shared URLs ---------------------------------------------------------------
def test_a_case_id_finds_its_agenda_items(page: Page, site_url: str) -> None:
    items = open_search(page, site_url, "SAG-2022-00080", type=["beslutning"])
    assert {r.url for r in items} == {"/kkr/nordjylland/2022-03-25/2-6/", "/kkr/nordjylland/2022-03-25/3-2/"}
    others = open_search(page, site_url, "SAG-2022-01302", type=["beslutning"])
    assert len(others) >= 10 and not {r.url for r in items} & {r.url for r in others}


def test_results_link_to_the_heading_that_matched(page: Page, site_url: str) -> None:
    found = open_search(page, site_url, "sundhedsklyngerne")
    section = next(url for r in found for url in r.sections if url.startswith(r.url + "#"))
    anchor = section.split("#", 1)[1]
    page.locator(f'.ka-result__afsnit a[href="{section}"]').first.click()
    page.wait_for_url(f"**{section}")
    assert page.locator(f'[id="{anchor}"]').count() == 1


def test_the_url_holds_the_query_and_filters_so_it_can_be_shared(chromium: Browser, site_url: str) -> None:
    from browser_support import open_page

    with open_page(chromium, site_url) as (page, _):
        open_search(page, site_url)
        page.locator("#ka-soeg-q").fill("indsats")
        wait_until_done(page, "[data-ka-results]", "indsats")
        page.locator('[data-ka-filter="type"] input[value="forsøg"]').check()
        wait_until_done(page, "[data-ka-results]")
        shared = page.url
        first = results(page)
    assert parse_qs(urlsplit(shared).query) == {"q": ["indsats"], "type": ["forsøg"]}
    with open_page(chromium, site_url) as (page, _):
        page.goto(shared)
        wait_until_done(page, "[data-ka-results]")
        assert page.locator("#ka-soeg-q").input_value() == "indsats"
        assert page.locator('[data-ka-filter="type"] input[value="forsøg"]').is_checked()
        assert results(page) == first


# -- the header search -----------------------------------------------------------------------------
def test_the_header_search_shows_results_and_leads_to_the_search_page(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}om/")
    box = page.locator(".ka-header-search input[name=q]")
    box.fill("sundhedsklynger")
    wait_until_done(page, "[data-ka-search-output]", "sundhedsklynger")
    links = page.locator("[data-ka-search-output] .md-search-result__list a")
    assert links.first.get_attribute("href") == "/kkr/nordjylland/2022-03-25/2-1/"
    box.press("Enter")
    page.wait_for_url("**/soeg/?q=sundhedsklynger")
    wait_until_done(page, "[data-ka-results]")
    assert results(page)[0].url == "/kkr/nordjylland/2022-03-25/2-1/"


def test_the_header_search_offers_the_provision_for_a_citation(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.locator(".ka-header-search input[name=q]").fill("servicelovens § 129")
    wait_until_done(page, "[data-ka-search-output]", "servicelovens § 129")
    first = page.locator("[data-ka-search-output] .md-search-result__list a").first
    assert first.get_attribute("href") == "/love/sel/129/"
    assert first.inner_text().startswith("SEL § 129")


# -- lightness and privacy -------------------------------------------------------------------------
def test_search_loads_on_demand_from_the_site_itself_and_only_the_chunks_it_needs(
    page: Page, requests: RequestLog, site_url: str, site_dir: Path
) -> None:
    page.goto(f"{site_url}om/")
    assert not [url for url in requests.urls() if "/pagefind/" in url]  # nothing until the search is used
    mark = requests.mark()
    page.locator(".ka-header-search input[name=q]").fill("mikrolån")
    wait_until_done(page, "[data-ka-search-output]", "mikrolån")
    search = [fetch.url for fetch in requests.since(mark)]
    assert all(requests.is_local(url) for url in search)
    assert any(url.endswith("/pagefind/pagefind.js") for url in search)
    assert not [url for url in search if "worker" in url or "/search/" in url]  # no worker, no citation table
    chunks = [url for url in search if url.endswith(".pf_index")]
    assert 1 <= len(chunks) < len(list((site_dir / "pagefind" / "index").glob("*.pf_index")))
    assert len([url for url in search if url.endswith(".pf_fragment")]) <= 5  # the results shown
    assert not requests.failed()


def test_search_works_under_a_sub_path(chromium: Browser, site_dir: Path) -> None:
    from browser_support import open_page, serve_directory

    with serve_directory(site_dir, prefix="/kommuneatlas/") as url, open_page(chromium, url) as (page, log):
        found = open_search(page, url, "mikrolån")
        assert found[0].url == "/kommuneatlas/forsoeg/mikrolaan/"
        assert not log.failed()


# -- the browser's citation matching agrees with the extraction's parser ------------------------------
def test_citation_matching_in_the_browser_agrees_with_the_parser(page: Page, site_url: str) -> None:
    catalogue = load_catalogue(REPO / "data" / "laws.yaml")
    page.goto(f"{site_url}soeg/")
    wait_until_done(page, "[data-ka-results]")
    table = page.evaluate("async () => (await fetch('../search/citations.json')).json()")
    queries = []
    for law in catalogue:
        if law.id not in table["laws"]:
            continue
        paragraph = (table["laws"][law.id]["provisions"] or ["1"])[0].split("-")[0]
        for name in [*law.name_forms(), *law.abbreviation_forms()]:
            queries += [
                f"{name} § {paragraph}",
                f"§ {paragraph} i {name}",
                f"jf. {name} §{paragraph}, stk. 2",
            ]
    assert len(queries) > 100
    in_browser = page.evaluate(
        "async qs => Promise.all(qs.map(async q => { const m = await kommuneatlasSearch.matchCitation(q);"
        " return m && [m.law, m.paragraph]; }))",
        queries,
    )
    disagreements = []
    for query, found in zip(queries, in_browser, strict=True):
        parsed = find_citations(query, catalogue)
        expected = [parsed[0].law, parsed[0].paragraphs[0]] if parsed and parsed[0].law else None
        if expected and expected[0] not in table["laws"]:
            expected = None
        if found != expected:
            disagreements.append((query, expected, found))
    assert not disagreements, "\n".join(map(str, disagreements))
