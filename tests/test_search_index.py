"""The search index without a browser: decompounding, tidying, the citation table, the built index."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from kommuneatlas.citations import LawCatalogue, find_citations, load_catalogue
from kommuneatlas.search import index as search_index
from kommuneatlas.search.citations import CITATIONS_FILE, citation_table
from kommuneatlas.search.compounds import Splitter, annotate, build_lexicon
from kommuneatlas.search.index import FILTERS_FILE, prepare_pages, slim, tidy

REPO = Path(__file__).resolve().parents[1]
SPAN = '<span hidden data-ka-parts data-pagefind-weight="0.5">'


def page(body: str, kind: str = "side") -> str:
    return (
        "<html><body><header>Kommuneatlas</header><article><div data-pagefind-body>"
        f'<span data-pagefind-filter="type[data-value]" data-value="{kind}" hidden></span>{body}'
        "</div></article><footer>beskæftigelsesindsats</footer></body></html>"
    )


# -- splitting ---------------------------------------------------------------------------------
LEXICON = Counter(
    {
        "beskæftigelse": 40, "indsats": 90, "indsatsen": 20, "beskæftigel": 2, "sesindsats": 2,
        "ansvar": 10, "områder": 30, "som": 500, "råder": 3, "sundhed": 12, "klynger": 8,
        "lovforslag": 6, "arbejde": 25, "marked": 9, "frikommune": 30, "netværk": 40, "fri": 50,
        "kommune": 300, "sen": 2,
    }
)  # fmt: skip


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("beskæftigelsesindsats", ("beskæftigelse", "indsats")),  # linking -s; not the PDF fragments
        ("beskæftigelsesindsatsen", ("beskæftigelse", "indsatsen")),
        ("ansvarsområder", ("ansvar", "områder")),  # fewest parts, not ansvar + som + råder
        ("sundhedsklynger", ("sundhed", "klynger")),
        ("arbejdsmarked", ("arbejde", "marked")),  # arbejd(e)-s-marked
        ("frikommunenetværk", ("frikommune", "netværk")),
        ("lovforslagene", ()),  # -ene is an ending, not a word
        ("indsats", ()),  # too short to split
        ("processen", ()),  # "sen" is too rare a word to be a tail
    ],
)
def test_splitter(word: str, parts: tuple[str, ...]) -> None:
    assert Splitter(LEXICON).parts(word) == parts


def test_lexicon_counts_only_indexed_text_and_not_source_texts(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page("<p>Indsats og indsats</p>"), encoding="utf-8")
    (tmp_path / "b.html").write_text(page("<p>indsats fragm ent</p>", kind="kildetekst"), encoding="utf-8")
    (tmp_path / "c.html").write_text("<html><body>indsats</body></html>", encoding="utf-8")  # not indexed
    assert build_lexicon(tmp_path) == Counter({"indsats": 2, "og": 1})


# -- annotating pages ------------------------------------------------------------------------------
def test_parts_follow_the_word_once_per_page_and_code_is_left_alone() -> None:
    html = page(
        "<p>En aktiv beskæftigelsesindsats, og atter beskæftigelsesindsats.</p>"
        "<code>sundhedsklynger</code><script>var sundhedsklynger;</script>"
    )
    found: dict[str, tuple[str, ...]] = {}
    new, count = annotate(html, Splitter(LEXICON), found)
    assert count == 1 and found == {"beskæftigelsesindsats": ("beskæftigelse", "indsats")}
    assert f"aktiv beskæftigelsesindsats{SPAN} \u2063 beskæftigelse indsats \u2063 </span>," in new
    assert new.count("data-ka-parts") == 1
    assert "<code>sundhedsklynger</code>" in new and "var sundhedsklynger;" in new
    assert new.endswith("<footer>beskæftigelsesindsats</footer></body></html>")  # outside the index


def test_in_a_heading_the_parts_follow_the_heading() -> None:
    new, count = annotate(page("<h2 id='x'>Sundhedsklynger</h2><p>Tekst.</p>"), Splitter(LEXICON), {})
    assert count == 1
    assert f"<h2 id='x'>Sundhedsklynger</h2>{SPAN} \u2064 sundhed klynger \u2064 </span><p>" in new


def test_parts_the_page_has_anyway_are_not_added() -> None:
    html = page("<p>Indsatsen og beskæftigelsen. Den beskæftigelsesindsats.</p>")  # inflected forms
    assert annotate(html, Splitter(LEXICON), {}) == (html, 0)
    html = page("<p>Indsatsen. Den beskæftigelsesindsats.</p>")
    new, _ = annotate(html, Splitter(LEXICON), {})
    assert f"beskæftigelsesindsats{SPAN} \u2063 beskæftigelse \u2063 </span>." in new


def test_pagefind_gets_slim_annotated_copies_and_the_site_stays_as_it_was(tmp_path: Path) -> None:
    site, into = tmp_path / "site", tmp_path / "into"
    site.mkdir()
    (site / "a.html").write_text(page("<p>Indsats og indsats, beskæftigelse og beskæftigelse.</p>"), "utf-8")
    served = page("<h1>Om arbejdet</h1><p>Den beskæftigelsesindsats.</p>")
    (site / "b.html").write_text(served, encoding="utf-8")
    (site / "search.html").write_text("<html><body>ikke indekseret</body></html>", encoding="utf-8")
    assert prepare_pages(site, into).words == 1
    assert (site / "b.html").read_text(encoding="utf-8") == served
    copy = (into / "b.html").read_text(encoding="utf-8")
    assert copy.count("data-ka-parts") == 1
    assert "<header>" not in copy and "<footer>" not in copy  # the chrome is left out
    assert copy.startswith('<!doctype html><html lang="da">') and "<div data-pagefind-body>" in copy
    assert sorted(p.name for p in into.iterdir()) == ["a.html", "b.html"]


def test_slim_keeps_the_body_element_with_its_metadata() -> None:
    html = page('<p data-pagefind-meta="x">tekst</p>', kind="forsøg")
    copy = slim(html)
    assert 'data-value="forsøg"' in copy and '<p data-pagefind-meta="x">tekst</p></div>' in copy
    assert copy.endswith("</body></html>")


def test_pages_shared_among_processes_give_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [
        "<p>Indsats og indsats, beskæftigelse og beskæftigelse.</p>",
        '<p data-pagefind-filter="kkr[data-value]" data-value="KKR Syddanmark">Den beskæftigelsesindsats.</p>',
        '<p data-pagefind-filter="kkr[data-value]" data-value="KKR Sjælland">En anden beskæftigelsesindsats.</p>',
    ]
    results = {}
    for workers in (1, 2):
        site = tmp_path / str(workers)
        for number, text in enumerate(texts):
            (site / str(number)).mkdir(parents=True)
            (site / str(number) / "index.html").write_text(page(text), encoding="utf-8")
        monkeypatch.setattr(search_index, "PAGES_PER_WORKER", 3 // workers)
        into = tmp_path / f"into-{workers}"
        report = prepare_pages(site, into)
        results[workers] = (
            report.words,
            [(into / str(n) / "index.html").read_text(encoding="utf-8") for n in range(3)],
            (site / FILTERS_FILE).read_text(encoding="utf-8"),
        )
    assert len(search_index._shares(tmp_path / "2")) == min(2, os.cpu_count() or 1)
    assert results[1] == results[2]
    assert results[2][0] == 2 and "KKR Sjælland" in results[2][2]


def test_tidy_keeps_cells_apart_and_leaves_permalinks_and_line_numbers_out() -> None:
    html = (
        "<dl><dt>Sags-id</dt><dd>SAG-2022-01302</dd></dl><table><tr><td>a</td><td>b</td></tr></table>"
        '<h2 id="x">X<a class="headerlink" href="#x">¶</a></h2><a class="ka-nr" href="#L1">1</a>'
    )
    tidied = tidy(html)
    assert "<dt>Sags-id</dt>\n<dd>SAG-2022-01302</dd>" in tidied and "<td>a</td>\n<td>b</td>" in tidied
    assert '<a data-pagefind-ignore class="headerlink"' in tidied
    assert '<a data-pagefind-ignore class="ka-nr"' in tidied
    assert tidy(tidied) == tidied


# -- the citation table ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def catalogue() -> LawCatalogue:
    return load_catalogue(REPO / "data" / "laws.yaml")


def test_citation_table_covers_the_laws_with_pages_and_their_provisions(
    tmp_path: Path, catalogue: LawCatalogue
) -> None:
    for folder in ["love/lab", "love/lab/31", "love/lab/31a", "love/sel", "love/sel/129"]:
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "index.html").write_text("<html></html>", encoding="utf-8")
    table = citation_table(tmp_path, catalogue)
    assert table["laws"]["lab"] == {
        "short": "LAB",
        "title": "Lov om en aktiv beskæftigelsesindsats",
        "provisions": ["31", "31a"],
    }
    assert set(table["laws"]) == {"lab", "sel"}
    for name in ["lab", "lab-lovens", "lov om en aktiv beskæftigelsesindsats"]:
        assert table["names"][name] == "lab"
    for name in ["sel", "serviceloven", "servicelovens", "lov om social service"]:
        assert table["names"][name] == "sel"


def test_every_name_in_the_table_is_one_the_parser_resolves(
    built_site: Path, catalogue: LawCatalogue
) -> None:
    path = built_site / CITATIONS_FILE
    if not path.is_file():
        pytest.fail(f"{CITATIONS_FILE} missing: build.py must call index_site(staging, data / 'laws.yaml')")
    table = json.loads(path.read_text(encoding="utf-8"))
    assert len(path.read_bytes()) < 30_000
    assert table["names"] and table["laws"]
    forms = {
        name.lower(): name for law in catalogue for name in [*law.name_forms(), *law.abbreviation_forms()]
    }
    for name, law in table["names"].items():
        for text in (f"{forms[name]} § 1", f"§ 1 i {forms[name]}"):
            assert [(c.law, c.paragraphs) for c in find_citations(text, catalogue)] == [(law, ["1"])], text
        provisions = table["laws"][law]["provisions"]
        assert all((built_site / "love" / law / p / "index.html").is_file() for p in provisions)


# -- the built index -------------------------------------------------------------------------------
def test_the_index_is_chunked_and_covers_every_indexed_page(built_site: Path) -> None:
    pagefind = built_site / "pagefind"
    entry = json.loads((pagefind / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"da"}
    indexed = [p for p in built_site.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert entry["languages"]["da"]["page_count"] == len(indexed) > 400
    assert len(list((pagefind / "index").glob("*.pf_index"))) > 1
    assert len(list((pagefind / "filter").glob("*.pf_filter"))) == 5  # type, kkr, netværk, år, lov


def test_the_filter_panel_lists_every_filter_value(built_site: Path) -> None:
    values = json.loads((built_site / FILTERS_FILE).read_text(encoding="utf-8"))
    assert set(values) == {"type", "kkr", "netværk", "år", "lov"}
    assert {"beslutning", "forsøg", "side", "kildetekst"} <= set(values["type"])
    assert "KKR Nordjylland" in values["kkr"] and "2022" in values["år"]


def test_hand_written_pages_are_of_type_side_and_the_search_page_is_not_indexed(built_site: Path) -> None:
    about = (built_site / "om" / "index.html").read_text(encoding="utf-8")
    assert 'data-pagefind-filter="type[data-value]" data-value="side"' in about
    assert "data-pagefind-body" not in (built_site / "soeg" / "index.html").read_text(encoding="utf-8")
