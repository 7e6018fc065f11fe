"""``kommuneatlas extract``: source documents → records → YAML files under ``data/``.

Everything is extracted and merged in memory first; only when every document parsed are
files written (each atomically), so a failing run leaves ``data/`` as it was.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from .atomic import write_text_atomic
from .extract.registry import extractor_for
from .kinds import schema_reference
from .kommuner import KommuneIndex
from .merge import Conflict, merge
from .records import Record
from .slugs import slugify
from .sources import SourceDocument, load_manifest
from .yamlstore import dump, load_round_trip, to_yaml_value

BASE_DIR = ".base"  # data/.base/<kind>/<id>.yaml: what extraction wrote last, for the three-way merge

Progress = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class ExtractReport:
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    removed: list[Path] = field(default_factory=list)
    conflicts: dict[Path, list[Conflict]] = field(default_factory=dict)
    kept: list[Path] = field(default_factory=list)  # edited files whose source record disappeared
    notes: list[str] = field(default_factory=list)


def kkr_id(kkr_name: str) -> str:
    """``"KKR Nordjylland"`` → ``"nordjylland"`` (the KKR's slug in URLs and file names)."""
    return slugify(kkr_name.removeprefix("KKR "))


def reference_records(kommuner: KommuneIndex) -> list[Record]:
    """The KKRs and municipalities from the reference list."""
    records = [
        Record(
            "kkr",
            kkr_id(kkr),
            {
                "id": kkr_id(kkr),
                "name": kkr,
                "region": members[0].region,
                "kommuner": [k.name for k in members],
            },
        )
        for kkr in kommuner.kkrs
        for members in [kommuner.by_kkr(kkr)]
    ]
    records += [
        Record(
            "kommuner",
            k.id,
            {"id": k.id, "name": k.name, "code": k.code, "region": k.region, "kkr": kkr_id(k.kkr)},
        )
        for k in kommuner.kommuner
    ]
    return records


def document_record(document: SourceDocument, structured: dict[str, Any] | None) -> Record:
    """The ``documents`` record: manifest facts first, then what the extractor parsed."""
    data: dict[str, Any] = {
        "id": document.id,
        "title": document.title,
        "publisher": document.publisher,
        "date": document.date,
        "kind": document.kind,
        "file": document.file,
        "line_count": len(document.lines),
    }
    for key, value in (structured or {}).items():
        if key != "id":
            data.setdefault(key, value)
    return Record("documents", document.id, data)


def extract_all(sources: Path, kommuner: KommuneIndex, progress: Progress = _stderr) -> list[Record]:
    """Run every document's extractor; the records of all documents plus the reference entities."""
    documents = load_manifest(sources)
    records = reference_records(kommuner)
    for number, document in enumerate(documents, 1):
        progress(f"[{number}/{len(documents)}] {document.file} ({document.kind})")
        extracted = extractor_for(document)(document, kommuner)
        structured: dict[str, Any] | None = None
        for record in extracted:
            if record.kind == "documents" and record.id == document.id:
                structured = record.data
            else:
                records.append(
                    Record(record.kind, record.id, {"id": record.id, **record.data}, record.precedence)
                )
        records.append(document_record(document, structured))
    return _deduplicate(records)


def _deduplicate(records: list[Record]) -> list[Record]:
    """One record per (kind, id): the one of the highest precedence (a meeting's minutes before its
    agenda), else the first; the others (a person in two documents) only fill gaps."""
    seen: dict[tuple[str, str], Record] = {}
    for record in records:
        key = (record.kind, record.id)
        kept = seen.setdefault(key, record)
        if kept is record:
            continue
        winner, other = (record, kept) if record.precedence > kept.precedence else (kept, record)
        for name, value in other.data.items():
            winner.data.setdefault(name, value)
        seen[key] = winner
    return list(seen.values())


def _load_base(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    loaded: dict[str, Any] | None = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return loaded


def write_records(records: list[Record], data: Path) -> ExtractReport:
    """Merge the records into ``data/`` without losing an editor's change (see :mod:`merge`)."""
    report = ExtractReport()
    planned: dict[Path, str] = {}
    fresh = {(r.kind, r.id) for r in records}
    for record in records:
        path = data / record.kind / f"{record.id}.yaml"
        base_path = data / BASE_DIR / record.kind / f"{record.id}.yaml"
        base_text = dump(to_yaml_value(record.data))
        if path.is_file():
            current = load_round_trip(path)
            conflicts = merge(_load_base(base_path), current, record.data)
            if conflicts:
                report.conflicts[path] = conflicts
            text = dump(current, schema_reference(record.kind))
        else:
            text = dump(to_yaml_value(record.data), schema_reference(record.kind))
        planned[path] = text
        planned[base_path] = base_text
    # Records the sources no longer give: remove untouched files, keep edited ones.
    base_root = data / BASE_DIR
    for base_path in sorted(base_root.glob("*/*.yaml")) if base_root.is_dir() else []:
        kind, record_id = base_path.parent.name, base_path.stem
        if (kind, record_id) in fresh:
            continue
        path = data / kind / f"{record_id}.yaml"
        if path.is_file() and _load_base(base_path) != YAML(typ="safe").load(
            path.read_text(encoding="utf-8")
        ):
            report.kept.append(path)
        else:
            report.removed.append(path)
        report.removed.append(base_path)
    for path, text in planned.items():
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            report.unchanged += 1
            continue
        write_text_atomic(path, text)
        if BASE_DIR not in path.parts:
            report.written.append(path)
    for path in report.removed:
        path.unlink(missing_ok=True)
    return report


def run_extract(
    sources: Path, data: Path, kommuner: KommuneIndex, progress: Progress = _stderr
) -> ExtractReport:
    """Extract every source document into ``data/``."""
    records = extract_all(sources, kommuner, progress)
    report = write_records(records, data)
    for record in records:
        report.notes += [f"{record.kind}/{record.id}: {note}" for note in record.data.get("notes", []) or []]
    return report
