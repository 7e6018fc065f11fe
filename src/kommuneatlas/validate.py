"""``kommuneatlas validate``: the data under ``data/`` checked before anything is built."""

from __future__ import annotations

from pathlib import Path

from .errors import KommuneatlasError, Problem
from .kinds import KINDS
from .yamlstore import load_round_trip


def validate_data(data: Path) -> list[Problem]:
    """Every problem found in ``data/``, each with file and line (empty list: all is well)."""
    problems: list[Problem] = []
    if not data.is_dir():
        return [Problem(data, None, "data folder not found")]
    for kind in KINDS:
        for path in sorted((data / kind).glob("*.yaml")):
            try:
                document = load_round_trip(path)
            except KommuneatlasError as exc:
                problems += exc.problems
                continue
            if document is None:
                problems.append(Problem(path, 1, "empty YAML file: expected a mapping with the entity's fields"))
    return problems
