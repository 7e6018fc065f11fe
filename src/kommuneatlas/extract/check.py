"""``kommuneatlas validate``, second half: the source documents under ``data/sources/``.

Checking a source means running its extractor, so this lives in :mod:`kommuneatlas.extract`;
the data under ``data/`` are checked by :func:`kommuneatlas.model.validate.validate_data`.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import KommuneatlasError, Problem
from ..sources.manifest import MANIFEST, duplicate_ids, load_document, read_manifest
from ..sources.reference import load_kommuner
from .registry import extractor_for


def check_sources(sources: Path) -> list[Problem]:
    """The source documents: manifest, readable text, and a structure their extractor can read."""
    try:
        entries = read_manifest(sources)
        kommuner = load_kommuner(sources.parent / "reference" / "kommuner.yaml")
    except KommuneatlasError as exc:
        return exc.problems
    problems: list[Problem] = []
    for index, earlier in duplicate_ids(entries).items():
        entry = entries[index - 1]
        problems.append(
            Problem(sources / MANIFEST, entry.line, f"id {entry.id!r} står også i dokument {earlier}")
        )
    for entry in entries:
        try:
            document = load_document(sources, entry)
            extractor_for(document)(document, kommuner)
        except KommuneatlasError as exc:
            problems += exc.problems
        for name in entry.files[1:]:
            if not (sources / name).is_file():
                problems.append(
                    Problem(sources / MANIFEST, entry.line, f"originalen {name!r} findes ikke i {sources}")
                )
    listed = {name for entry in entries for name in entry.files}
    for path in sorted(sources.glob("*")):
        if path.is_file() and path.name != MANIFEST and path.name not in listed:
            problems.append(
                Problem(path, None, "filen står ikke i manifest.yaml (tilføj den med 'kommuneatlas add')")
            )
    return problems
