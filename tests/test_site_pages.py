"""The built site against the gold answers: pages, permalinks, backlinks and the JSON API."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import load_gold
from kommuneatlas.model.urls import source_text_url
from kommuneatlas.site.phases import data_files
from site_fixtures import context, dataset, document, kkr, kommune, render

REPO = Path(__file__).resolve().parents[1]
VIVE = "vive-2019-frikommuneforsoeg-ii"
BUNDLE = "kkr-midtjylland-2024-bilag"
DOC_IDS = {"000": "rm-2020-noerholm", "001": BUNDLE, "002": "kkr-nordjylland-2022-03-25-referat",
           "003": "dsi-2023-viborg-tilsagn", "004": VIVE}  # fmt: skip


def _api(site: Path, name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads((site / "api" / f"{name}.json").read_text(encoding="utf-8"))
    return rows


def _html(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


# --- issue 5: provision pages list every backlink -------------------------------------------


@pytest.mark.parametrize(("law", "paragraph"), [("lab", "31"), ("sel", "129")])
def test_provision_page_lists_every_gold_reference(built_site: Path, law: str, paragraph: str) -> None:
    gold = [
        r
        for r in load_gold("legal_refs.yaml")["refs"]
        if r["law"] == law and paragraph in (r["paragraphs"] or [])
    ]
    assert gold
    html = _html(built_site, f"love/{law}/{paragraph}/")
    for ref in gold:
        target = source_text_url(DOC_IDS[ref["doc"]], ref["line"])
        page, anchor = target.split("#")
        assert f'{page.split("/tekst/")[1]}#{anchor}"' in html, f"{ref['doc']} line {ref['line']} not linked"
    assert "<mark>" in html  # the citing sentence with the reference highlighted


def test_inferred_reference_is_marked_and_experiment_cites_it(built_site: Path) -> None:
    html = _html(built_site, "love/sel/129/")
    assert "udledt" in html  # the bare "§ 129" took its law from context
    assert "Frikommuneforsøg" in html  # grouped by the kind of citing page
    assert re.search(r'href="\.\./\.\./\.\./forsoeg/[^"]*129[^"]*/"', html)


def test_references_api_rows(built_site: Path) -> None:
    rows = _api(built_site, "references")
    lab31 = [r for r in rows if r["law"] == "lab" and r["paragraph"] == "31"]
    assert {r["entity_kind"] for r in lab31} >= {"documents"}
    assert all(set(r) >= {"law", "paragraph", "stk", "nr", "chapter", "raw", "explicit", "url", "entity_id", "context"}
               for r in rows)  # fmt: skip
    assert len({r["id"] for r in rows}) == len(rows)


def test_laws_api_and_law_pages(built_site: Path) -> None:
    laws = {row["id"]: row for row in _api(built_site, "laws")}
    assert {"lab", "sel", "las", "abl", "bab"} <= set(laws)
    provisions = {p["paragraph"]: p for p in laws["sel"]["provisions"]}
    assert provisions["129"]["url"] == "/love/sel/129/" and provisions["129"]["count"] >= 2
    assert "Lov om social service" in _html(built_site, "love/sel/")
    assert "Love" in _html(built_site, "love/")


def test_hand_written_pages_link_references(built_site: Path) -> None:
    html = _html(built_site, "redaktoer/")
    assert 'href="../love/lab/31/"' in html


# --- issue 3: frikommune pages -------------------------------------------------------------


def test_networks_and_experiments_api(built_site: Path) -> None:
    networks = _api(built_site, "networks")
    experiments = _api(built_site, "experiments")
    assert len(networks) == 8 and len(experiments) == 79
    assert sum(len(n["experiments"]) for n in networks) == 79
    mikrolaan = next(e for e in experiments if e["title"] == "Mikrolån")
    assert mikrolaan["network"] == 1 and mikrolaan["in_force"] == "2017-07-01"
    assert mikrolaan["source"] == {
        "document": VIVE,
        "first_line": 1440,
        "last_line": mikrolaan["source"]["last_line"],
    }
    assert any(ref["law"] == "frikommuneloven" and ref["paragraph"] == "9" for ref in mikrolaan["references"])
    inactive = [n for n in networks if not n["active"]]
    assert len(inactive) == 1 and inactive[0]["experiments"] == []


def test_experiment_page_has_kilde_line_and_links(built_site: Path) -> None:
    html = _html(built_site, "forsoeg/mikrolaan/")
    assert re.search(r"VIVE 2019</a>, <a [^>]*>linje 1440–\d+</a>", html)
    target = source_text_url("vive-2019-frikommuneforsoeg-ii", 1440)
    assert f'href="../../{target}"' in html
    assert 'href="../../kommuner/aalborg/"' in html
    assert 'class="lovhenvisning"' in html
    assert 'id="L1440"' in _html(built_site, target.split("#")[0])


def test_network_page_shows_consistency_notes(built_site: Path) -> None:
    network = next(n for n in _api(built_site, "networks") if n["number"] == 7)
    html = _html(built_site, network["url"])
    assert "Uoverensstemmelser i kilden" in html
    assert "11" in html and any("11" in note for note in network["notes"])


def test_generated_page_has_headings_with_permalinks_and_a_table_of_contents(built_site: Path) -> None:
    network = next(n for n in _api(built_site, "networks") if n["number"] == 7)
    html = _html(built_site, network["url"])
    assert re.search(
        r'<h2 id="uoverensstemmelser-i-kilden">Uoverensstemmelser i kilden<a [^>]*class="headerlink"', html
    )
    toc = html.split('md-nav--secondary"', 1)[1].split("</nav>", 1)[0]
    assert 'href="#uoverensstemmelser-i-kilden"' in toc and 'href="#forsoeg"' in toc


def test_kommune_page_lists_networks_and_experiments(built_site: Path) -> None:
    html = _html(built_site, "kommuner/aalborg/")
    assert "Mikrolån" in html and "Frikommunenetværk" in html
    assert 'href="../../frikommuner/' in html


# --- issue 4: meetings, decisions, documents -----------------------------------------------


def test_meeting_api_matches_gold_counts(built_site: Path) -> None:
    gold = load_gold("kkr.yaml")["meeting_002"]
    [meeting] = _api(built_site, "meetings")
    assert meeting["kkr"] == "KKR Nordjylland" and meeting["date"] == "2022-03-25"
    assert len(meeting["participants"]) == len(gold["participants"]) == 18
    assert len(meeting["absent"]) == 4 and len(meeting["items"]) == 14
    assert [i["case_id"] for i in meeting["items"]] == [i.get("case_id") for i in gold["items"]]
    assert all((built_site / i["url"].strip("/") / "index.html").is_file() for i in meeting["items"])
    assert any(a["body"] for i in meeting["items"] for a in i["appointments"])


def test_decision_permalink_and_listing(built_site: Path) -> None:
    html = _html(built_site, "kkr/nordjylland/2022-03-25/2-3/")
    assert "Beslutning" in html and "SAG-2022-" in html
    assert 'href="../2-3/"' in _html(built_site, "kkr/nordjylland/2022-03-25/") or "2-3/" in _html(
        built_site, "kkr/nordjylland/2022-03-25/"
    )
    kkr = _html(built_site, "kkr/nordjylland/")
    assert "2022-03-25/2-3/" in kkr and "Udpegninger" in kkr


def test_person_page_lists_meetings(built_site: Path) -> None:
    [meeting] = _api(built_site, "meetings")
    person = meeting["participants"][0]["name"]
    slug = next(
        p.name
        for p in (built_site / "personer").iterdir()
        if p.is_dir() and person in _html(built_site, f"personer/{p.name}/")
    )
    html = _html(built_site, f"personer/{slug}/")
    assert "2022-03-25" in html


def test_appendix_bundle_in_documents_api(built_site: Path) -> None:
    bundle = next(d for d in _api(built_site, "documents") if d["id"] == BUNDLE)
    assert len(bundle["attachments"]) == 6
    assert len(bundle["bureaucracy_rows"]) == 82
    assert all(set(r) >= {"subject", "description", "legal_basis"} for r in bundle["bureaucracy_rows"])
    assert len(bundle["financing"]["rows"]) == 19
    assert bundle["financing"]["total_tkr"] == 41679 and bundle["financing"]["sum_ok"] is True
    assert all(set(letter) >= {"item", "title", "date", "case_id"} for letter in bundle["letters"])
    grant = next(d for d in _api(built_site, "documents") if d["id"] == "dsi-2023-viborg-tilsagn")
    assert grant["parties"] and grant["period"]["start"] and grant["total_amount_kr"]


def test_changed_amount_fails_the_sum_check_visibly() -> None:
    """An editor's corrected amount no longer adds up to the stated total: the page and the API say so."""
    rows = [
        {"kommune": "aalborg", "amount_tkr": 1516, "line": 12},
        {"kommune": "hjoerring", "amount_tkr": 900},
    ]
    financing = {"unit": "1.000 kr.", "rows": rows, "total_tkr": 2415, "total_line": 14}
    ctx = context(dataset(kkr(), kommune(), kommune("hjoerring"), document("bilag", financing=financing)))
    assert "Summen stemmer ikke" in render(ctx, "documents")["dokumenter/bilag/"].source
    (bundle,) = data_files(ctx).api["documents.json"]
    assert bundle["financing"]["sum_tkr"] == 2416 and bundle["financing"]["sum_ok"] is False
