"""Pages stay small at any scale (issue 8): long lists run over pages ``side-<n>/`` that link to
each other and together hold every row; entity pages show the first rows of a long list."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from kommuneatlas.citations import load_catalogue
from kommuneatlas.citations.backlinks import Backlinks, Occurrence
from kommuneatlas.model.dataset import SiteData
from kommuneatlas.site.render.laws import LawPages
from kommuneatlas.site.render.pages import SiteRenderer
from kommuneatlas.site.render.paging import BACKLINK_ROWS, PREVIEW_ROWS, WIDE_ROWS, Pager

REPO = Path(__file__).resolve().parents[1]
MAX_BYTES = 40_000
HREF = re.compile(r'href="([^"#]*)"')


def _links(page: str, html: str, prefix: str) -> set[str]:
    """Site URLs below ``prefix`` linked from the page at URL ``page``."""
    hrefs = [href for href in HREF.findall(html) if "://" not in href]
    found = {posixpath.normpath(posixpath.join(page, href)) + "/" for href in hrefs}
    return {url for url in found if url.startswith(prefix)}


def _follow(pages: dict[str, str], first: str) -> list[str]:
    """The URLs of a paginated list, from its first page along the "Næste" links."""
    urls = [first]
    while match := re.search(r'<li><a href="([^"]+)">Næste</a></li>', pages[urls[-1]]):
        urls.append(posixpath.normpath(posixpath.join(urls[-1], match.group(1))) + "/")
    return urls


def test_every_built_page_is_under_40_kb(built_site: Path) -> None:
    sizes = {p.relative_to(built_site).as_posix(): p.stat().st_size for p in built_site.rglob("*.html")}
    assert not {path: size for path, size in sizes.items() if size >= MAX_BYTES}


def test_a_long_listing_runs_over_pages_that_hold_every_row(built_site: Path) -> None:
    html = {
        p.parent.relative_to(built_site).as_posix() + "/": p.read_text(encoding="utf-8")
        for p in (built_site / "forsoeg").rglob("index.html")
    }
    urls = _follow(html, "forsoeg/")
    experiments = sorted(f"forsoeg/{p.stem}/" for p in (REPO / "data" / "experiments").glob("*.yaml"))
    assert len(experiments) > WIDE_ROWS and urls[1] == "forsoeg/side-2/"
    assert len(urls) == -(-len(experiments) // WIDE_ROWS)
    listed = [
        url for page in urls for url in sorted(_links(page, html[page], "forsoeg/")) if "/side-" not in url
    ]
    assert sorted(set(listed) - {"forsoeg/"}) == experiments
    last = html[urls[-1]]
    assert (
        f"Side {len(urls)} af {len(urls)}" in last
        and 'aria-current="page"' in last
        and ">Forrige</a>" in last
    )


def test_pager_shows_the_ends_and_the_pages_near_the_current_one() -> None:
    pager = Pager.numbered("Sider", "forsoeg/", 20, 10)
    assert pager.previous == "forsoeg/side-9/" and pager.next == "forsoeg/side-11/"
    window = pager.window()
    assert (
        window[0] == ("forsoeg/", "1", False)
        and window[1] is None
        and window[-1] == ("forsoeg/side-20/", "20", False)
    )
    assert [e[1] for e in window if e] == ["1", "8", "9", "10", "11", "12", "20"]
    assert ("forsoeg/side-10/", "10", True) in window


def _renderer(experiments: int) -> SiteRenderer:
    site = SiteData(root=REPO / "data")
    network = {"id": "netvaerk", "number": 1, "name": "Netværket", "kommuner": ["aalborg"], "active": True}
    site.entities = {
        "kommuner": {"aalborg": {"id": "aalborg", "name": "Aalborg", "code": 851, "region": "Nordjylland", "kkr": "nordjylland"}},
        "networks": {"netvaerk": network},
        "experiments": {
            f"forsoeg-{n:03}": {"id": f"forsoeg-{n:03}", "title": f"Forsøg {n}", "network": "netvaerk", "kommuner": ["aalborg"]}
            for n in range(experiments)
        },
    }  # fmt: skip
    return SiteRenderer(site, REPO / "templates")


def test_an_entity_page_shows_the_first_rows_and_its_sub_pages_all_of_them() -> None:
    count = 3 * WIDE_ROWS + 5
    pages = {page.url: page.markdown for page in _renderer(count).pages()}
    expected = {f"forsoeg/forsoeg-{n:03}/" for n in range(count)}
    for owner in ("kommuner/aalborg/", "frikommuner/netvaerk/"):
        shown = _links(owner, pages[owner], "forsoeg/forsoeg-")
        assert len(shown) == PREVIEW_ROWS and f"Viser {PREVIEW_ROWS} af {count}." in pages[owner]
        assert f"{owner}forsoeg/" in _links(owner, pages[owner], owner)
        urls = _follow(pages, f"{owner}forsoeg/")
        assert urls[1:] == [f"{owner}forsoeg/side-{n}/" for n in range(2, 5)]
        assert set().union(*(_links(url, pages[url], "forsoeg/forsoeg-") for url in urls)) == expected
        assert all("search_exclude: true" in pages[url] for url in urls)


def test_short_lists_stay_on_the_entity_page() -> None:
    pages = {page.url: page.markdown for page in _renderer(PREVIEW_ROWS).pages()}
    assert len(_links("kommuner/aalborg/", pages["kommuner/aalborg/"], "forsoeg/forsoeg-")) == PREVIEW_ROWS
    assert "kommuner/aalborg/forsoeg/" not in pages and "Viser" not in pages["kommuner/aalborg/"]


def _occurrence(n: int) -> Occurrence:
    context = f"Sag {n} efter servicelovens § 184."
    start = context.index("§")
    return Occurrence(
        law="sel", paragraph="184", stk=(), nr=(), chapter=(), raw="§ 184", explicit=True, group="items",
        entity_kind="items", entity_id=f"punkt-{n}", url=f"kkr/nordjylland/2022-03-25/{n}/", title=f"Punkt {n}",
        context=context, highlight=(start, start + 5), date=f"2022-03-{n % 28 + 1:02}",
    )  # fmt: skip


def test_a_provision_lists_every_backlink_with_its_sentence_across_its_pages() -> None:
    count = 2 * BACKLINK_ROWS + 3
    backlinks = Backlinks(occurrences=[_occurrence(n) for n in range(count)])
    law_pages = LawPages(_renderer(0), load_catalogue(REPO / "data" / "laws.yaml"), backlinks)
    pages: dict[str, str] = {
        p.url: p.markdown for p in law_pages.provision_page("sel", "184", backlinks.occurrences)
    }
    urls = _follow(pages, "love/sel/184/")
    assert urls == ["love/sel/184/", "love/sel/184/side-2/", "love/sel/184/side-3/"]
    sentences = [s for url in urls for s in re.findall(r"Sag (\d+) efter servicelovens", pages[url])]
    assert sorted(map(int, sentences)) == list(range(count))
    assert "<mark>§ 184</mark>" in pages["love/sel/184/side-3/"]


def test_source_text_pages_have_slim_lines(built_site: Path) -> None:
    html = (built_site / "dokumenter" / "rm-2020-noerholm" / "tekst" / "1" / "index.html").read_text(
        encoding="utf-8"
    )
    assert '<div id="L1"><a class="ka-nr" href="#L1">1</a>' in html
    assert html.count('<div id="L') == html.count('class="ka-nr"')  # one element and one link per line
