""" "Hent data": every record and every list of the site as a file to download.

Beside the JSON API's lists (``api/<kind>.json``, :mod:`kommuneatlas.site.api`) the build writes

* ``api/<kind>.csv``: the same list as CSV (UTF-8, a header row; see :func:`to_csv`);
* ``api/<kind>/<id>.json``: one record, the object of that list with this id;
* ``data/<kind>/<id>.yaml``: the record's YAML file itself, as editors keep it in git (for a
  law, its entry in the law catalogue).

Pure functions: they return site paths with the text (or the file to copy) for the build to write.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Container, Iterable
from pathlib import Path
from typing import Any

from ..citations import LawCatalogue
from ..model.dataset import Dataset
from ..model.urls import api_url, data_file_url
from ..store.json import compact_json, to_json
from ..store.yaml import dump, to_yaml_value

LIST_SEPARATOR = "; "
_LABEL_KEYS = ("name", "title", "raw", "id", "paragraph", "meeting", "item")


def _label(value: dict[str, Any]) -> str | None:
    """The one field that names an object in a list (a person's name, an item's id …)."""
    return next((str(value[key]) for key in _LABEL_KEYS if value.get(key) not in (None, "")), None)


def cell(value: Any) -> str:
    """A value as one CSV cell: lists joined by "; " (an object in a list by its name or id),
    ``true``/``false``, nothing for null; anything more nested as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            return LIST_SEPARATOR.join(cell(v) for v in value)
        labels = [_label(v) if isinstance(v, dict) else None for v in value]
        if None not in labels:
            return LIST_SEPARATOR.join(str(label) for label in labels)
        return compact_json(value)
    if isinstance(value, dict):
        return compact_json(value)
    return str(value)


def _columns(rows: Iterable[dict[str, Any]]) -> list[str]:
    """Every key of the rows, in order of first appearance; a mapping of plain values is spread
    over columns ``key.sub`` (``source.document``, ``source.first_line`` …)."""
    columns: dict[str, None] = {}
    for row in rows:
        for key, value in row.items():
            if _spread(value):
                for sub in value:
                    columns[f"{key}.{sub}"] = None
            else:
                columns[key] = None
    return list(columns)


def _spread(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and bool(value)
        and all(not isinstance(v, dict | list) for v in value.values())
    )


def _flat_row(row: dict[str, Any]) -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in row.items():
        if _spread(value):
            flat.update({f"{key}.{sub}": cell(v) for sub, v in value.items()})
        else:
            flat[key] = cell(value)
    return flat


def to_csv(rows: list[dict[str, Any]]) -> str:
    """The rows of an API list as CSV: a header row, then one line per object (see :func:`cell`)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=_columns(rows), restval="", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(_flat_row(row))
    return out.getvalue()


def download_files(api: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    """Site path → text of the CSV lists and the one-record JSON files (not the API lists themselves)."""
    files: dict[str, str] = {}
    for name, rows in api.items():
        kind = name.removesuffix(".json")
        files[api_url(kind, extension="csv")] = to_csv(rows)
        if kind != "references":  # occurrences, not records with a page of their own
            for row in rows:
                files[api_url(kind, row["id"])] = to_json(row)
    return files


def yaml_copies(dataset: Dataset) -> dict[str, Path]:
    """Site path ``data/<kind>/<id>.yaml`` → the record's YAML file, to copy."""
    return {data_file_url(kind, entity_id): path for (kind, entity_id), path in dataset.paths.items()}


def law_records(catalogue: LawCatalogue, laws: Container[str]) -> dict[str, str]:
    """Site path ``data/laws/<id>.yaml`` → the entry in the catalogue of each of ``laws`` (those
    with a page), as YAML."""
    files = {}
    for law_id in catalogue.ids():
        if law_id not in laws:
            continue
        fields = dataclasses.asdict(catalogue[law_id])
        entry = {key: value for key, value in fields.items() if value not in (None, "", (), [])}
        files[data_file_url("laws", law_id)] = dump(to_yaml_value(entry))
    return files
