"""``kommuneatlas extract``: source documents → records → YAML files under ``data/``.

Everything is extracted and merged in memory first, then written (each file atomically). A
document whose extraction fails is reported and skipped: the records it gave last time (those
whose ``source.document`` is its id in ``data/.base/``, and its own ``documents`` record) are
neither rewritten nor removed, and every other document is written as usual.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..console import Progress, to_stderr
from ..errors import KommuneatlasError, Problem
from ..model.kinds import schema_reference
from ..model.upgrade import Change, upgrade_data
from ..sources.manifest import MANIFEST, SourceDocument, duplicate_ids, load_document, read_manifest
from ..sources.reference import KommuneIndex, kkr_id
from ..store.atomic import write_text_atomic
from ..store.merge import BASE_DIR, Conflict, merge
from ..store.yaml import dump, load_fast, load_round_trip, to_yaml_value
from .record import Record
from .registry import extractor_for


@dataclass
class ExtractReport:
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    removed: list[Path] = field(default_factory=list)
    conflicts: dict[Path, list[Conflict]] = field(default_factory=dict)
    kept: list[Path] = field(default_factory=list)  # edited files whose source record disappeared
    notes: list[str] = field(default_factory=list)
    failed: dict[str, list[Problem]] = field(default_factory=dict)  # document id → why it was skipped
    preserved: list[Path] = field(default_factory=list)  # files of failed documents, left as they were
    problems: list[Problem] = field(default_factory=list)  # YAML files that could not be merged into
    upgraded: list[Change] = field(default_factory=list)  # references by name converted to ids


@dataclass
class Extraction:
    """The records of every document that could be extracted, and why the others could not."""

    records: list[Record]
    failed: dict[str, list[Problem]] = field(default_factory=dict)


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
                "kommuner": [k.id for k in members],
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


def document_record(
    document: SourceDocument, structured: dict[str, Any] | None, kommuner: KommuneIndex
) -> Record:
    """The ``documents`` record: manifest facts first, then what the extractor parsed. A document
    whose publisher is a KKR (its name exactly as the reference list gives it) belongs to that KKR
    (``kkr``), unless its extractor says which KKR it belongs to."""
    data: dict[str, Any] = {
        "id": document.id,
        "title": document.title,
        "publisher": document.publisher,
        "date": document.date,
        "kind": document.kind,
        "file": document.file,
        **({"original": document.original} if document.original else {}),
        "line_count": len(document.lines),
    }
    if document.publisher in kommuner.kkrs and "kkr" not in (structured or {}):
        data["kkr"] = kkr_id(document.publisher)
    for key, value in (structured or {}).items():
        if key != "id":
            data.setdefault(key, value)
    return Record("documents", document.id, data)


def _extract_one(document: SourceDocument, kommuner: KommuneIndex) -> list[Record]:
    """One document's records, its own ``documents`` record last."""
    records: list[Record] = []
    structured: dict[str, Any] | None = None
    for record in extractor_for(document)(document, kommuner):
        if record.kind == "documents" and record.id == document.id:
            structured = record.data
        else:
            records.append(
                Record(record.kind, record.id, {"id": record.id, **record.data}, record.precedence)
            )
    records.append(document_record(document, structured, kommuner))
    return records


def _unexpected(document: SourceDocument, exc: Exception) -> Problem:
    """A bug in an extractor, reported like a problem with the document (the run goes on)."""
    return Problem(
        document.path,
        None,
        f"intern fejl i udtrækkeren for {document.kind!r}: {type(exc).__name__}: {exc} "
        "(kør igen med KOMMUNEATLAS_DEBUG=1 for detaljerne, og meld fejlen)",
    )


def extract_sources(sources: Path, kommuner: KommuneIndex, progress: Progress = to_stderr) -> Extraction:
    """Run every document's extractor; a document that fails is recorded in ``failed`` and skipped.

    Only a manifest that cannot be read at all stops the run (nothing is known then).
    """
    entries = read_manifest(sources)
    duplicates = duplicate_ids(entries)
    extraction = Extraction(reference_records(kommuner))
    for entry in entries:
        label = entry.fields.get("file") or entry.id or f"dokument {entry.index}"
        progress(f"[{entry.index}/{len(entries)}] {label} ({entry.fields.get('kind', '?')})")
        if entry.index in duplicates:
            problem = Problem(
                sources / MANIFEST,
                entry.line,
                f"id {entry.id!r} står også i dokument {duplicates[entry.index]}",
            )
            # Keyed apart from the id, whose first entry is extracted (and its records written).
            extraction.failed[f"{entry.id} (dokument {entry.index})"] = [problem]
            continue
        document: SourceDocument | None = None
        try:
            document = load_document(sources, entry)
            extraction.records += _extract_one(document, kommuner)
        except KommuneatlasError as exc:
            extraction.failed[entry.id or f"#{entry.index}"] = list(exc.problems)
        except Exception as exc:
            if document is None or os.environ.get("KOMMUNEATLAS_DEBUG"):
                raise
            extraction.failed[document.id] = [_unexpected(document, exc)]
    extraction.records = _deduplicate(extraction.records)
    return extraction


def extract_all(sources: Path, kommuner: KommuneIndex, progress: Progress = to_stderr) -> list[Record]:
    """The records of every document and the reference entities; any failing document is an error."""
    extraction = extract_sources(sources, kommuner, progress)
    if extraction.failed:
        raise KommuneatlasError([p for problems in extraction.failed.values() for p in problems])
    return extraction.records


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
    loaded: dict[str, Any] | None = load_fast(path)
    return loaded


def _protected(data: Path, failed: set[str]) -> set[tuple[str, str]]:
    """The (kind, id) of every record extraction last wrote from a document that failed now."""
    keys = {("documents", document_id) for document_id in failed}
    base_root = data / BASE_DIR
    for base_path in sorted(base_root.glob("*/*.yaml")) if failed and base_root.is_dir() else []:
        base = _load_base(base_path)
        source = base.get("source") if isinstance(base, dict) else None
        if isinstance(source, dict) and source.get("document") in failed:
            keys.add((base_path.parent.name, base_path.stem))
    return keys


def write_records(
    records: list[Record], data: Path, failed: set[str] | frozenset[str] = frozenset()
) -> ExtractReport:
    """Merge the records into ``data/`` without losing an editor's change (see :mod:`merge`).

    The records extraction last wrote from a document in ``failed`` are left exactly as they
    are (file and base): not rewritten, and not removed as no longer given by the sources.
    """
    report = ExtractReport()
    protected = _protected(data, set(failed))
    planned: dict[Path, str] = {}
    fresh = {(r.kind, r.id) for r in records}
    for record in records:
        if (record.kind, record.id) in protected:
            continue
        path = data / record.kind / f"{record.id}.yaml"
        base_path = data / BASE_DIR / record.kind / f"{record.id}.yaml"
        base_text = dump(to_yaml_value(record.data))
        if path.is_file():
            try:
                current = load_round_trip(path)
            except KommuneatlasError as exc:  # an editor's file that does not parse: left alone
                report.problems += exc.problems
                continue
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
        if (kind, record_id) in fresh or (kind, record_id) in protected:
            continue
        path = data / kind / f"{record_id}.yaml"
        if path.is_file() and _load_base(base_path) != load_fast(path):
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
    report.preserved = sorted(
        path for kind, record_id in protected if (path := data / kind / f"{record_id}.yaml").is_file()
    )
    return report


def run_extract(
    sources: Path, data: Path, kommuner: KommuneIndex, progress: Progress = to_stderr
) -> ExtractReport:
    """Extract every source document into ``data/``; failed documents are in ``report.failed``.

    Files written before references were ids are converted first (:mod:`kommuneatlas.model.upgrade`)."""
    upgraded = upgrade_data(data, kommuner) if data.is_dir() else []
    extraction = extract_sources(sources, kommuner, progress)
    report = write_records(extraction.records, data, set(extraction.failed))
    report.upgraded = upgraded
    report.failed = extraction.failed
    for record in extraction.records:
        report.notes += [f"{record.kind}/{record.id}: {note}" for note in record.data.get("notes", []) or []]
    return report
