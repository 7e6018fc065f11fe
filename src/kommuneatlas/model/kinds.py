"""The entity types: their folder under ``data/``, their schema and their place on the site."""

from __future__ import annotations

from dataclasses import dataclass


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


def schema_reference(kind: str, depth: int = 2) -> str:
    """The relative path from ``data/<kind>/<id>.yaml`` to the kind's JSON Schema."""
    return "../" * depth + f"schemas/{kind}.schema.json"
