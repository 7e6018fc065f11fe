"""JSON Schema errors in Danish, by the validator keyword that failed (jsonschema writes English).

Each message names the offending value; the caller puts the field's path and its line and
column in front (``validate``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jsonschema.exceptions import ValidationError

from .schema import ID_PATTERN

TYPES = {
    "string": "tekst",
    "integer": "et helt tal",
    "number": "et tal",
    "boolean": "true eller false",
    "array": "en liste",
    "object": "felter (en mapping)",
    "null": "tom (ingen værdi)",
}
FORMATS = {
    "date": "dato (ÅÅÅÅ-MM-DD, en dag der findes)",
    "date-time": "tidspunkt (ÅÅÅÅ-MM-DDTTT:MM:SS)",
    "uri": "adresse (URI)",
    "email": "e-mailadresse",
}


def _show(value: Any) -> str:
    """A value as an editor wrote it: text quoted, lists and mappings shortened."""
    text = repr(value) if isinstance(value, str) else str(value)
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif value is None:
        text = "(tom)"
    return text if len(text) <= 80 else text[:77] + "…"


def _types(expected: Any) -> str:
    names = [expected] if isinstance(expected, str) else list(expected)
    return " eller ".join(TYPES.get(name, name) for name in names)


def _required(error: ValidationError) -> str:
    match = re.match(r"^'(.+)' is a required property$", error.message)
    name = match[1] if match else error.message
    return f"det påkrævede felt '{name}' mangler"


def _additional(error: ValidationError) -> str:
    allowed = set((error.schema or {}).get("properties", {}))
    extra = sorted(k for k in error.instance if k not in allowed) if isinstance(error.instance, dict) else []
    names = ", ".join(f"'{name}'" for name in extra) or "?"
    return f"ukendt felt {names} (tilladte felter: {', '.join(sorted(allowed)) or 'ingen'})"


def _pattern(error: ValidationError) -> str:
    if error.validator_value == ID_PATTERN:
        return f"{_show(error.instance)} er ikke et id (små bogstaver, tal og bindestreger, fx 'aalborg')"
    description = (error.schema or {}).get("description") if isinstance(error.schema, dict) else None
    hint = f"; {description}" if description else ""
    return f"{_show(error.instance)} har ikke den krævede form ({error.validator_value}){hint}"


def _length(error: ValidationError, minimum: bool) -> str:
    if minimum and error.validator_value == 1:
        return "må ikke være tom"
    word = "mindst" if minimum else "højst"
    return f"{_show(error.instance)} skal have {word} {error.validator_value} tegn"


MESSAGES: dict[str, Callable[[ValidationError], str]] = {
    "required": _required,
    "type": lambda e: f"{_show(e.instance)} er ikke {_types(e.validator_value)}",
    "enum": lambda e: f"{_show(e.instance)} er ikke en af de tilladte værdier: "
    + ", ".join(_show(v) for v in e.validator_value),
    "const": lambda e: f"{_show(e.instance)} skal være {_show(e.validator_value)}",
    "pattern": _pattern,
    "additionalProperties": _additional,
    "format": lambda e: f"{_show(e.instance)} er ikke en gyldig {FORMATS.get(e.validator_value, e.validator_value)}",
    "minLength": lambda e: _length(e, minimum=True),
    "maxLength": lambda e: _length(e, minimum=False),
    "minimum": lambda e: f"{_show(e.instance)} er mindre end {e.validator_value}",
    "maximum": lambda e: f"{_show(e.instance)} er større end {e.validator_value}",
    "exclusiveMinimum": lambda e: f"{_show(e.instance)} skal være større end {e.validator_value}",
    "exclusiveMaximum": lambda e: f"{_show(e.instance)} skal være mindre end {e.validator_value}",
    "minItems": lambda e: "listen må ikke være tom"
    if e.validator_value == 1
    else f"listen skal have mindst {e.validator_value} elementer",
    "maxItems": lambda e: f"listen må højst have {e.validator_value} elementer",
    "uniqueItems": lambda e: "listen indeholder det samme element to gange",
    "anyOf": lambda e: f"{_show(e.instance)} passer ikke til nogen af de tilladte former",
    "oneOf": lambda e: f"{_show(e.instance)} skal passe til præcis én af de tilladte former",
    "not": lambda e: f"{_show(e.instance)} er ikke tilladt her",
    "minProperties": lambda e: f"skal have mindst {e.validator_value} felter",
}


def danish_message(error: ValidationError) -> str:
    """The error in Danish; a keyword without a translation keeps jsonschema's text, marked as such."""
    translate = MESSAGES.get(str(error.validator))
    return translate(error) if translate else f"skemafejl ({error.validator}): {error.message}"
