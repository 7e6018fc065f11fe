""" "Hent data" (issue 15, point 6) and the links to the law itself (point 5)."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from pathlib import Path
from typing import Any

import pytest

from kommuneatlas.citations import load_catalogue
from kommuneatlas.site.downloads import cell, to_csv
from kommuneatlas.site.phases import data_files
from site_fixtures import context, dataset, item, kkr, kommune, meeting, render

REPO = Path(__file__).resolve().parents[1]
LISTS = ["kkr", "kommuner", "meetings", "items", "people", "networks", "experiments", "documents", "laws"]
OVERVIEWS = {"kkr/": "kkr", "kommuner/": "kommuner", "moeder/": "meetings", "beslutninger/": "items",
             "personer/": "people", "frikommuner/": "networks", "forsoeg/": "experiments",
             "dokumenter/": "documents", "love/": "laws"}  # fmt: skip
ENTITY_PAGES = {"kkr/nordjylland/": ("kkr", "nordjylland"),
                "kkr/nordjylland/2022-03-25/": ("meetings", "kkr-nordjylland-2022-03-25"),
                "kkr/nordjylland/2022-03-25/2-1/": ("items", "kkr-nordjylland-2022-03-25-2-1"),
                "forsoeg/mikrolaan/": ("experiments", "mikrolaan"), "kommuner/aalborg/": ("kommuner", "aalborg"),
                "dokumenter/rm-2020-noerholm/": ("documents", "rm-2020-noerholm")}  # fmt: skip
HENT = re.compile(r'<p class="ka-hent"[^>]*><strong>Hent data:</strong> (.*?)</p>')


def _api(site: Path, name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads((site / "api" / f"{name}.json").read_text(encoding="utf-8"))
    return rows


def _downloads(site: Path, url: str) -> dict[str, Path]:
    """Link text → the file it leads to, from the page's "Hent data" line."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    [line] = HENT.findall(html)
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', line)
    return {label: site / posixpath.normpath(posixpath.join(url, href)) for href, label in links}


@pytest.mark.parametrize("name", [*LISTS, "references"])
def test_every_list_is_also_csv_with_a_header_row(built_site: Path, name: str) -> None:
    rows = _api(built_site, name)
    raw = (built_site / "api" / f"{name}.csv").read_bytes()
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    assert len(table) == len(rows)
    assert [r["id"] for r in table] == [str(r["id"]) for r in rows]
    assert "url" in table[0] or name == "references"


def test_csv_cells_join_lists_and_spread_the_source(built_site: Path) -> None:
    [meeting] = list(
        csv.DictReader(io.StringIO((built_site / "api" / "meetings.csv").read_text(encoding="utf-8")))
    )
    assert meeting["date"] == "2022-03-25" and meeting["kkr"] == "KKR Nordjylland"
    assert "; " in meeting["participants"] and "Søren Smalbro" in meeting["participants"]
    assert meeting["source.document"] == "kkr-nordjylland-2022-03-25-referat"
    kommune = next(r for r in csv.DictReader(io.StringIO((built_site / "api" / "kommuner.csv").read_text(encoding="utf-8"))) if r["id"] == "aalborg")  # fmt: skip
    assert "mikrolaan" in kommune["experiments"].split("; ")


def test_csv_cells() -> None:
    assert cell(["Aalborg", "Læsø"]) == "Aalborg; Læsø"
    assert cell([{"name": "A", "party": "V"}, {"name": "B"}]) == "A; B"
    assert cell(True) == "true" and cell(None) == ""
    assert cell({"baggrund": ["x"]}) == '{"baggrund":["x"]}'
    assert to_csv([{"id": "a", "n": 1}, {"id": "b", "x": "y"}]) == "id,n,x\r\na,1,\r\nb,,y\r\n"


@pytest.mark.parametrize(("url", "record"), ENTITY_PAGES.items())
def test_entity_pages_link_their_record_as_json_and_yaml(
    built_site: Path, url: str, record: tuple[str, str]
) -> None:
    kind, entity_id = record
    files = _downloads(built_site, url)
    assert set(files) == {"JSON", "YAML"}
    row = next(r for r in _api(built_site, kind) if r["id"] == entity_id)
    assert json.loads(files["JSON"].read_text(encoding="utf-8")) == row
    assert files["YAML"].read_bytes() == (REPO / "data" / kind / f"{entity_id}.yaml").read_bytes()


@pytest.mark.parametrize(("url", "name"), OVERVIEWS.items())
def test_overviews_link_their_list_as_json_and_csv(built_site: Path, url: str, name: str) -> None:
    files = _downloads(built_site, url)
    assert files == {"JSON": built_site / "api" / f"{name}.json", "CSV": built_site / "api" / f"{name}.csv"}
    assert all(path.is_file() for path in files.values())


def test_law_pages_link_their_record(built_site: Path) -> None:
    files = _downloads(built_site, "love/sel/")
    assert json.loads(files["JSON"].read_text(encoding="utf-8"))["title"] == "Lov om social service"
    assert "id: sel\n" in files["YAML"].read_text(encoding="utf-8")


def test_law_and_provision_pages_link_the_law_on_retsinformation(tmp_path: Path) -> None:
    """A law with a url in the catalogue links to it; one without shows no link (and no broken one)."""
    url = "https://www.retsinformation.dk/eli/lta/2024/1"
    laws = tmp_path / "laws.yaml"
    laws.write_text(
        "laws:\n  - id: sel\n    title: Lov om social service\n    short_names: [serviceloven]\n"
        f"    abbreviations: [SEL]\n    shared: [SEL]\n    url: {url}\n",
        encoding="utf-8",
    )
    text = "Hjælp efter servicelovens § 129 og § 3 i lov om hold af bier."
    ctx = context(
        dataset(kkr(), kommune(), meeting(), item(sections={"baggrund": [text]})),
        catalogue=load_catalogue(laws),
    )
    pages = {url: page.source for url, page in render(ctx, "laws").items()}
    assert f'<a href="{url}" rel="external">Lovteksten på retsinformation.dk</a>' in pages["love/sel/"]
    provision = pages["love/sel/129/"]
    assert '<a href="../">Lov om social service</a>' in provision  # the law's page
    assert f'<a href="{url}" rel="external">lovteksten på retsinformation.dk</a>' in provision
    rows = {row["id"]: row for row in data_files(ctx).api["laws.json"]}
    assert rows["sel"]["retsinformation"] == url
    without = next(law for law, row in rows.items() if not row["retsinformation"])
    assert "Lovtekst" not in pages[f"love/{without}/"] and 'rel="external"' not in pages[f"love/{without}/"]
