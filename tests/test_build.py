"""The site builds from the bundled data: pages, JSON API, no third-party requests, atomic swap."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kommuneatlas.errors import KommuneatlasError
from site_fixtures import dataset, kkr, kommune, write
from sitebuild import build_copy

API_FILES = ["experiments", "networks", "meetings", "documents", "kommuner", "laws", "references"]


def test_front_page_and_reference_pages_exist(built_site: Path) -> None:
    assert "Kommuneatlas" in (built_site / "index.html").read_text(encoding="utf-8")
    for page in [
        "kkr/nordjylland",
        "kkr/midtjylland",
        "kommuner/aalborg",
        "kommuner/hoeje-taastrup",
        "dokumenter/vive-2019-frikommuneforsoeg-ii",
        "dokumenter/vive-2019-frikommuneforsoeg-ii/tekst/6",
        "om",
        "redaktoer",
    ]:
        assert (built_site / page / "index.html").is_file(), page
    assert len(list((built_site / "kommuner").glob("*/index.html"))) == 98


def test_pages_are_danish(built_site: Path) -> None:
    html = (built_site / "kkr" / "nordjylland" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="da"' in html
    assert "Aalborg" in html and "Brødkrumme" in html


@pytest.mark.parametrize("name", API_FILES)
def test_api_files_are_arrays_with_id_and_url(built_site: Path, name: str) -> None:
    rows = json.loads((built_site / "api" / f"{name}.json").read_text(encoding="utf-8"))
    assert isinstance(rows, list)
    for row in rows:
        assert row["id"] and row["url"].startswith("/")
        assert (built_site / row["url"].lstrip("/").split("#")[0] / "index.html").is_file()


def test_kommuner_api_lists_all_98(built_site: Path) -> None:
    rows = json.loads((built_site / "api" / "kommuner.json").read_text(encoding="utf-8"))
    assert len(rows) == 98
    aalborg = next(r for r in rows if r["name"] == "Aalborg")
    assert aalborg == {**aalborg, "code": 851, "kkr": "nordjylland", "url": "/kommuner/aalborg/"}


# What makes a browser fetch: src=, <link href=>, CSS @import and url(); a clickable <a href> does not.
EXTERNAL = re.compile(
    r"""src\s*=\s*["'](?:https?:)?//|<link\b(?![^>]*rel="canonical")[^>]*href\s*=\s*["'](?:https?:)?//|@import\s+["']?(?:url\()?["']?(?:https?:)?//|url\(["']?(?:https?:)?//"""
)


def test_no_html_css_or_js_loads_from_another_host(built_site: Path) -> None:
    offenders = []
    for path in built_site.rglob("*"):
        if path.suffix not in {".html", ".css", ".js"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in EXTERNAL.finditer(text):
            offenders.append(f"{path.relative_to(built_site)}: {text[match.start() : match.start() + 80]}")
    assert offenders == []
    assert "fonts.googleapis" not in (built_site / "index.html").read_text(encoding="utf-8")


def test_search_index_is_built(built_site: Path) -> None:
    assert (built_site / "pagefind" / "pagefind.js").is_file()


def test_failed_build_keeps_previous_site(tmp_path: Path) -> None:
    data = write(dataset(kkr(), kommune()), tmp_path / "data")
    site = build_copy(tmp_path, data, search=False)
    marker = site / "marker.txt"
    marker.write_text("previous build", encoding="utf-8")
    (data / "kommuner" / "aalborg.yaml").write_text("id: aalborg\nname: [broken\n", encoding="utf-8")
    with pytest.raises(
        KommuneatlasError,
        match=r"aalborg\.yaml:3:1: YAML-syntaksfejl: forventede ',' eller '\]', men fandt 'filens slutning' \(i en liste i \[ \]",
    ):
        build_copy(tmp_path, data, search=False)
    assert marker.read_text(encoding="utf-8") == "previous build"
    assert not list(tmp_path.glob(".site-build-*"))
