"""The data under ``data/`` loaded into memory (the links between entities: :mod:`.graph`).

Loading uses the fast safe loader; validation (:mod:`validate`) is the step that reports
problems with file and line, and runs before this.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..store.yaml import load_fast
from .kinds import KINDS

Entity = dict[str, Any]


@dataclass
class Dataset:
    """Every entity by kind and id, plus where it lives on disk (for "Rediger" links)."""

    root: Path
    entities: dict[str, dict[str, Entity]] = field(default_factory=dict)
    paths: dict[tuple[str, str], Path] = field(default_factory=dict)

    def all(self, kind: str) -> list[Entity]:
        return list(self.entities.get(kind, {}).values())

    def get(self, kind: str, entity_id: str) -> Entity | None:
        return self.entities.get(kind, {}).get(entity_id)


def load_dataset(data: Path) -> Dataset:
    """Read ``data/<kind>/*.yaml`` for every known kind (files sorted, so the order is stable)."""
    dataset = Dataset(root=data)
    for kind in KINDS:
        folder = data / kind
        entities: dict[str, Entity] = {}
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
            entity = load_fast(path)
            entity_id = str(entity.get("id", path.stem))
            entities[entity_id] = entity
            dataset.paths[(kind, entity_id)] = path
        dataset.entities[kind] = entities
    return dataset


def source_texts(dataset: Dataset) -> dict[str, str]:
    """Document id → the full text of its source file (``data/sources/<file>``), where there is one."""
    texts = {}
    for document in dataset.all("documents"):
        path = dataset.root / "sources" / str(document.get("file"))
        if path.is_file():
            texts[document["id"]] = path.read_text(encoding="utf-8")
    return texts


def field_texts(value: Any) -> Iterator[str]:
    """The strings inside a field value (strings, lists of strings, mappings of lists …)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from field_texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from field_texts(item)
