"""The JSON API's field lists are one constant (``site.api.API_FIELDS``): every row the build writes
has exactly those fields in that order, and the README's table says the same."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from kommuneatlas.site.api import API_FIELDS
from site_fixtures import generate

REPO = Path(__file__).resolve().parents[1]
_CODE = re.compile(r"`([^`]+)`")


def readme_api_table() -> dict[str, tuple[str, ...]]:
    """The README's table of the API: ``list`` or ``list.field`` → the fields it lists."""
    section = REPO.joinpath("README.md").read_text(encoding="utf-8").split("## JSON API", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    table: dict[str, tuple[str, ...]] = {}
    for row in rows[2:]:  # after the header and its rule
        if not row.startswith("| `") or row.startswith("| `api/"):
            break  # the next table (downloads)
        names, fields = row.strip("|").split(" | ")[:2]
        parts = [_CODE.findall(part) for part in names.split("›")]
        path = [parts[0][0].removesuffix(".json")] + [part[0] for part in parts[1:-1]]
        for last in parts[-1] if len(parts) > 1 else [None]:
            table[".".join([*path, last] if last else path)] = tuple(_CODE.findall(fields))
    return table


def test_the_readme_table_is_api_fields() -> None:
    assert readme_api_table() == API_FIELDS


@pytest.fixture(scope="module")
def api() -> dict[str, list[dict[str, Any]]]:
    return generate(REPO / "data").data_files.api


def _check(name: str, rows: list[dict[str, Any]]) -> set[str]:
    """Every row of ``name`` has its fields (in order; a document at least them), and so do the
    objects in its list fields that have fields of their own. Returns the entries checked."""
    checked = {name}
    for row in rows:
        if name == "documents":
            assert set(API_FIELDS[name]) <= row.keys()
        else:
            assert tuple(row) == API_FIELDS[name], name
        for field, value in row.items():
            if f"{name}.{field}" in API_FIELDS and isinstance(value, list):
                checked |= _check(f"{name}.{field}", value)
    return checked


def test_every_api_row_has_the_fields_api_fields_lists(api: dict[str, list[dict[str, Any]]]) -> None:
    lists = {name for name in API_FIELDS if "." not in name}
    assert {file.removesuffix(".json") for file in api} == lists
    checked = set().union(*(_check(name, api[f"{name}.json"]) for name in lists))
    assert checked == set(API_FIELDS)  # the data hold an object of every kind the table lists


def test_names_stay_where_the_api_gave_names_and_ids_come_beside_them(
    api: dict[str, list[dict[str, Any]]],
) -> None:
    (meeting,) = api["meetings.json"]
    assert (meeting["kkr"], meeting["kkr_id"]) == ("KKR Nordjylland", "nordjylland")
    assert (meeting["participants"][0]["kommune"], meeting["participants"][0]["kommune_id"]) == (
        "Jammerbugt",
        "jammerbugt",
    )
    mikrolaan = next(e for e in api["experiments.json"] if e["id"] == "mikrolaan")
    assert (mikrolaan["network"], mikrolaan["network_id"]) == (
        1,
        "en-mere-fleksibel-og-effektiv-beskaeftigelsesindsats",
    )
    assert (mikrolaan["kommuner"], mikrolaan["kommune_ids"]) == (["Aalborg"], ["aalborg"])
    bundle = next(d for d in api["documents.json"] if d["id"] == "kkr-midtjylland-2024-bilag")
    assert (bundle["kkr"], bundle["kkr_id"]) == ("KKR Midtjylland", "midtjylland")
    financing = bundle["financing"]
    assert list(financing) == ["unit", "header_line", "rows", "sum_tkr", "total_tkr", "total_line", "sum_ok"]
    assert (financing["sum_tkr"], financing["sum_ok"]) == (41679, True)
    assert financing["rows"][0] == {
        "kommune": "Favrskov",
        "kommune_id": "favrskov",
        "amount_tkr": 1515,
        "line": 1239,
    }
    kommune = next(k for k in api["kommuner.json"] if k["id"] == "aalborg")
    assert kommune["kkr"] == "nordjylland"  # an id, as it always was
