"""Pages stay small at any scale (issue 8): long lists run over pages ``side-<n>/`` that link to
each other and together hold every row; entity pages show the first rows of a long list."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from kommuneatlas.site.render.paging import BACKLINK_ROWS, PREVIEW_ROWS, WIDE_ROWS, Pager
from site_fixtures import context, dataset, experiment, item, kkr, kommune, meeting, network, render

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


def _pages(experiments: int) -> dict[str, str]:
    """The pages of one kommune and one network with ``experiments`` experiments (and the listings)."""
    ctx = context(
        dataset(
            kkr(), kommune(), network("netvaerk", active=True),
            *(experiment(f"forsoeg-{n:03}", "netvaerk", title=f"Forsøg {n}") for n in range(experiments)),
        )
    )  # fmt: skip
    families = ("listings", "kommuner", "networks", "experiments")
    return {url: page.source for family in families for url, page in render(ctx, family).items()}


def test_an_entity_page_shows_the_first_rows_and_its_sub_pages_all_of_them() -> None:
    count = 3 * WIDE_ROWS + 5
    pages = _pages(count)
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
    pages = _pages(PREVIEW_ROWS)
    assert len(_links("kommuner/aalborg/", pages["kommuner/aalborg/"], "forsoeg/forsoeg-")) == PREVIEW_ROWS
    assert "kommuner/aalborg/forsoeg/" not in pages and "Viser" not in pages["kommuner/aalborg/"]


def test_a_provision_lists_every_backlink_with_its_sentence_across_its_pages() -> None:
    count = 2 * BACKLINK_ROWS + 3
    items = [
        item(f"kkr-nordjylland-2022-03-25-{n}", number=str(n), title=f"Punkt {n}",
             sections={"baggrund": [f"Sag {n} efter servicelovens § 184."]})
        for n in range(count)
    ]  # fmt: skip
    ctx = context(dataset(kkr(), kommune(), meeting(), *items))
    pages = {url: page.source for url, page in render(ctx, "laws").items()}
    urls = _follow(pages, "love/sel/184/")
    assert urls == ["love/sel/184/", "love/sel/184/side-2/", "love/sel/184/side-3/"]
    sentences = [
        s for url in urls for s in re.findall(r"Sag (\d+) efter <mark>servicelovens § 184</mark>", pages[url])
    ]
    assert sorted(map(int, sentences)) == list(range(count))


def test_source_text_pages_have_slim_lines(built_site: Path) -> None:
    html = (built_site / "dokumenter" / "rm-2020-noerholm" / "tekst" / "1" / "index.html").read_text(
        encoding="utf-8"
    )
    assert '<div id="L1"><a class="ka-nr" href="#L1">1</a>' in html
    assert html.count('<div id="L') == html.count('class="ka-nr"')  # one element and one link per line
