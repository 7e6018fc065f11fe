"""Three-way merge of re-extracted data into YAML an editor may have changed.

``base`` is what extraction wrote last time, ``current`` is the file as it is now
(perhaps edited), ``new`` is what extraction produces today. A field the editor did not
touch takes the new value; a field the editor changed keeps the editor's value; where
both changed, the editor's value stays and a :class:`Conflict` is reported.
Mappings merge key by key; lists and scalars merge as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ruamel.yaml.comments import CommentedMap

from .yaml import plain, to_yaml_value

BASE_DIR = ".base"
"""``data/.base/<kind>/<id>.yaml``: what extraction wrote last time, the merge's ``base``."""
_MISSING = object()


@dataclass(frozen=True)
class Conflict:
    """The source changed a field the editor also changed; the editor's value was kept."""

    key: str
    editor: Any
    source: Any

    def __str__(self) -> str:
        return f"{self.key}: redaktørens værdi {_show(self.editor)} er bevaret; kilden siger nu {_show(self.source)}"


def _show(value: Any) -> str:
    """A value as an editor would write it in YAML (dates as ISO dates, not Python reprs)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    return str(value)


def merge(base: dict[str, Any] | None, current: CommentedMap, new: dict[str, Any]) -> list[Conflict]:
    """Merge ``new`` into ``current`` in place (comments and key order kept); return the conflicts.

    With no ``base`` (a file extraction never wrote, or whose history was lost) every value
    in ``current`` counts as the editor's.
    """
    conflicts: list[Conflict] = []
    _merge_mapping(base or {}, current, new, "", conflicts)
    return conflicts


def _merge_mapping(
    base: dict[str, Any], current: CommentedMap, new: dict[str, Any], prefix: str, conflicts: list[Conflict]
) -> None:
    for position, (key, new_value) in enumerate(new.items()):
        path = f"{prefix}{key}"
        base_value = base.get(key, _MISSING)
        if key not in current:
            if base_value is _MISSING:
                current.insert(min(position, len(current)), key, to_yaml_value(new_value))
            elif base_value != new_value:
                conflicts.append(Conflict(path, "(deleted by the editor)", new_value))
            continue
        current_value = current[key]
        if isinstance(current_value, CommentedMap) and isinstance(new_value, dict):
            sub_base = base_value if isinstance(base_value, dict) else {}
            _merge_mapping(sub_base, current_value, new_value, f"{path}.", conflicts)
            continue
        current_plain = plain(current_value)
        if current_plain == new_value:
            continue
        if base_value is not _MISSING and current_plain == base_value:
            current[key] = to_yaml_value(new_value)
        elif base_value is _MISSING or base_value != new_value:
            conflicts.append(Conflict(path, current_plain, new_value))
    for key in [k for k in current if k not in new]:
        if key in base and plain(current[key]) == base[key]:
            del current[key]
