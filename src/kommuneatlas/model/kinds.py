"""The entity types: their folder under ``data/``, their schema and their place on the site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SCHEMAS = Path(__file__).resolve().parents[3] / "schemas"
"""The JSON Schemas, one per kind (``schemas/<kind>.schema.json`` in the repository)."""


@dataclass(frozen=True)
class Kind:
    name: str  # folder under data/ and schema name
    label: str  # Danish, singular
    plural: str  # Danish, plural


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("kkr", "KKR", "KKR'er"),
        Kind("kommuner", "kommune", "kommuner"),
        Kind("meetings", "møde", "møder"),
        Kind("items", "beslutning", "beslutninger"),
        Kind("people", "person", "personer"),
        Kind("networks", "frikommunenetværk", "frikommunenetværk"),
        Kind("experiments", "forsøg", "forsøg"),
        Kind("documents", "dokument", "dokumenter"),
    )
}


# The running-text fields of each kind that may cite laws (searched for citations, linked, backlinked).
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "items": ("title", "decision", "sections"),
    "experiments": ("title", "hjemmel", "content", "target_group", "implementation", "evaluation"),
    "networks": ("theme", "introduction", "data_sources", "status", "experiences"),
    "documents": ("summary", "proposals", "conditions", "target_group", "sections", "letters"),
}


def schema_reference(kind: str, depth: int = 2) -> str:
    """The relative path from ``data/<kind>/<id>.yaml`` to the kind's JSON Schema."""
    return "../" * depth + f"schemas/{kind}.schema.json"
