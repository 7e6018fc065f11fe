"""JSON of the data: dates as ISO strings ("2022-03-25"), the one conversion for the schema check,
the API and the downloads."""

from __future__ import annotations

import json
from datetime import date
from typing import Any


def jsonable(value: Any) -> Any:
    """YAML values as JSON sees them: mappings with string keys, lists, dates as ISO strings."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _iso(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def to_json(value: object) -> str:
    """The text of a JSON file (an API file): indented by one space, a final line feed."""
    return json.dumps(value, ensure_ascii=False, indent=1, default=_iso) + "\n"


def compact_json(value: object) -> str:
    """JSON on one line without spaces (a value inside a CSV cell)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_iso)
