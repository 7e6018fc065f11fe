"""The unit an extractor produces: one entity, destined for ``data/<kind>/<id>.yaml``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Record:
    """One entity extracted from a source document.

    ``kind`` is the entity type and the folder under ``data/`` (``experiments``,
    ``networks``, ``meetings``, ``items``, ``people``, ``documents`` …); ``id`` is a stable,
    readable slug unique within the kind; ``data`` holds plain YAML-able values
    (str, int, float, bool, None, ``datetime.date``, lists and dicts), including the
    provenance ``source: {document, first_line, last_line}``. Where two documents give the same
    entity, the record of the higher ``precedence`` is kept and the others only fill its gaps (a
    KKR's agenda gives way to its minutes); between equals, the first in the manifest.
    """

    kind: str
    id: str
    data: dict[str, Any] = field(default_factory=dict)
    precedence: int = 0


def provenance(document: str, first_line: int, last_line: int) -> dict[str, Any]:
    """The ``source`` mapping every extracted record carries (1-based, inclusive lines)."""
    return {"document": document, "first_line": first_line, "last_line": last_line}
