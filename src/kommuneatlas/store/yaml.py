"""Reading and writing YAML: the project's one place that makes ruamel.yaml loaders.

Data that is only read loads with the fast safe loader (:func:`load_fast`: plain dicts, lists and
dates). Data that is written back loads round-trip (:func:`load_round_trip`, :func:`round_trip`):
comments, key order and formatting an editor wrote survive a write; writing the same content twice
produces the same bytes.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString

from ..errors import KommuneatlasError, Problem

SCHEMA_COMMENT = "# yaml-language-server: $schema="


class _LenientDates(RoundTripConstructor):
    """Round-trip constructor that keeps an impossible date ("2020-02-31") as a string.

    ruamel.yaml raises a bare ``ValueError`` without a position for such a value; kept as a
    string, the schema check reports it with file, line and column instead.
    """

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return self.construct_scalar(node)


_LenientDates.add_constructor("tag:yaml.org,2002:timestamp", _LenientDates.construct_yaml_timestamp)


_SAFE = YAML(typ="safe")


def load_fast(source: Path | str) -> Any:
    """The YAML of a file (read as UTF-8) or of a text, with the fast safe loader: plain dicts, lists
    and dates, no comments. Errors are ruamel's (``YAMLError``, or ``ValueError`` for an impossible
    date): a caller that reports them loads the file again with :func:`load_round_trip`."""
    return _SAFE.load(source.read_text(encoding="utf-8") if isinstance(source, Path) else source)


def round_trip(width: int = 100) -> YAML:
    """A round-trip YAML instance with the project's formatting; lines wrap at ``width``."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _LenientDates
    yaml.width = width
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    yaml.preserve_quotes = True
    return yaml


# ruamel.yaml's wording of the common syntax errors, in Danish (other wordings are kept as they are).
_YAML_PHRASES = (
    (re.compile(r"expected (.+?), but (?:got|found) (.+)"), r"forventede \1, men fandt \2"),
    (re.compile(r"did not find expected (.+)"), r"fandt ikke det forventede \1"),
    (re.compile(r"could not find expected (.+)"), r"fandt ikke det forventede \1"),
    (
        re.compile(r"mapping values are not allowed here"),
        "et kolon er ikke tilladt her (sæt værdien i anførselstegn)",
    ),
    (
        re.compile(r"found character '\\t' that cannot start any token"),
        "tabulatortegn kan ikke bruges til indrykning",
    ),
    (re.compile(r"found character (.+) that cannot start any token"), r"tegnet \1 kan ikke stå her"),
    (re.compile(r"found unexpected end of stream"), "filen slutter midt i en værdi"),
    (re.compile(r"found duplicate key (.+?) with value .*"), r"nøglen \1 står to gange"),
    (re.compile(r"while parsing a flow sequence"), "i en liste i [ ]"),
    (re.compile(r"while parsing a flow mapping"), "i en mapping i { }"),
    (re.compile(r"while parsing a block mapping"), "i en mapping"),
    (re.compile(r"while parsing a block collection"), "i en liste"),
    (re.compile(r"while scanning a (?:double-)?quoted scalar"), "i en tekst i anførselstegn"),
    (re.compile(r"while scanning a simple key"), "i en nøgle"),
    (re.compile(r"while constructing a mapping"), "i en mapping"),
)


def _danish_yaml(text: str) -> str:
    for pattern, danish in _YAML_PHRASES:
        text = pattern.sub(danish, text)
    text = text.replace("' or '", "' eller '")
    return text.replace("<stream end>", "filens slutning").replace("<block end>", "slutningen af blokken")


def yaml_error_problem(path: Path, exc: YAMLError) -> Problem:
    """A located problem for a YAML syntax error."""
    mark = getattr(exc, "problem_mark", None) if isinstance(exc, MarkedYAMLError) else None
    if mark is None:
        return Problem(path, None, f"YAML-syntaksfejl: {exc}")
    reason = _danish_yaml(getattr(exc, "problem", None) or str(exc))
    context = getattr(exc, "context_mark", None)
    if context is not None and context.line != mark.line:
        what = _danish_yaml(getattr(exc, "context", None) or "denne konstruktion")
        reason += f" ({what}, begyndt i linje {context.line + 1}, kolonne {context.column + 1})"
    return Problem(path, mark.line + 1, f"YAML-syntaksfejl: {reason}", column=mark.column + 1)


def load_round_trip(path: Path) -> Any:
    """Load a YAML file keeping comments and order; errors carry file, line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KommuneatlasError(Problem(path, None, "filen er ikke UTF-8-tekst (gem den som UTF-8)")) from exc
    try:
        return round_trip().load(text)
    except YAMLError as exc:
        raise KommuneatlasError(yaml_error_problem(path, exc)) from exc


def to_yaml_value(value: Any) -> Any:
    """Convert plain extractor output (dicts, lists, dates …) to ruamel's commented types; a text of
    several lines (paragraphs, list items: light Markdown) becomes a literal block scalar (``|``)."""
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = to_yaml_value(item)
        return mapping
    if isinstance(value, list | tuple):
        seq = CommentedSeq(to_yaml_value(item) for item in value)
        scalars = all(
            isinstance(item, str | int | float) and not isinstance(item, bool | LiteralScalarString)
            for item in seq
        )
        if seq and scalars and sum(len(str(item)) for item in seq) < 60:
            seq.fa.set_flow_style()  # short lists of names stay on one line: [Aalborg, Læsø]
        return seq
    return value


def dump(document: Any, schema: str | None = None) -> str:
    """Serialise ``document`` to text, with the schema comment on the first line."""
    stream = io.StringIO()
    round_trip().dump(document, stream)
    text = stream.getvalue()
    if schema and not text.startswith(SCHEMA_COMMENT):
        text = f"{SCHEMA_COMMENT}{schema}\n{text}"
    return text


def plain(value: Any) -> Any:
    """ruamel's commented types → plain dicts and lists (dates stay dates)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value
    return value
