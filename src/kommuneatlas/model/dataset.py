"""The data under ``data/`` loaded into memory (the links between entities: :mod:`.graph`).

Loading uses the fast safe loader; validation (:mod:`validate`) is the step that reports
problems with file and line, and runs before this.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..store.yaml import load_fast
from .kinds import KINDS

Entity = dict[str, Any]


@dataclass
class SiteData:
    """Every entity by kind and id, plus where it lives on disk (for "Rediger" links)."""

    root: Path
    entities: dict[str, dict[str, Entity]] = field(default_factory=dict)
    paths: dict[tuple[str, str], Path] = field(default_factory=dict)

    def all(self, kind: str) -> list[Entity]:
        return list(self.entities.get(kind, {}).values())

    def get(self, kind: str, entity_id: str) -> Entity | None:
        return self.entities.get(kind, {}).get(entity_id)

    def group(self, kind: str, key: str) -> dict[Any, list[Entity]]:
        """Entities of ``kind`` grouped by the value of ``key`` (each element, for list values)."""
        groups: dict[Any, list[Entity]] = defaultdict(list)
        for entity in self.all(kind):
            value = entity.get(key)
            for item in value if isinstance(value, list) else [value]:
                groups[item].append(entity)
        return groups


def load_site_data(data: Path) -> SiteData:
    """Read ``data/<kind>/*.yaml`` for every known kind (files sorted, so the order is stable)."""
    site = SiteData(root=data)
    for kind in KINDS:
        folder = data / kind
        entities: dict[str, Entity] = {}
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
            entity = load_fast(path)
            entity_id = str(entity.get("id", path.stem))
            entities[entity_id] = entity
            site.paths[(kind, entity_id)] = path
        site.entities[kind] = entities
    return site


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
