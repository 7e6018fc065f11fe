"""``kommuneatlas validate``: the data under ``data/`` checked before anything is built.

Checks, each reported as ``file:line:column: message``: YAML syntax, empty files, the JSON
Schema of each entity type (types, required fields, ISO dates, ids where entities are named),
ids (matching the file name, unique), and references between entities: every field a kind
declares as a :class:`~.schema.Ref` (:mod:`.doc_types`) must name an existing entity, or a law of the
catalogue. A name where an id belongs ("KKR Nordjylland", "Aalborg", a network's number) is
reported with the id to write (``kommuneatlas extract`` converts old files). The source documents
are checked by
:func:`kommuneatlas.extract.check.check_sources`. Messages are Danish (JSON Schema errors through
:mod:`.schema_messages`).
"""

from __future__ import annotations

import json
from collections.abc import Container, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError as SchemaError
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from ..errors import KommuneatlasError, Problem
from ..sources.reference import KommuneIndex, load_kommuner
from ..store.json import jsonable
from ..store.yaml import load_fast, load_round_trip, plain
from .dataset import field_texts
from .kinds import KINDS, SCHEMAS, TEXT_FIELDS
from .schema import is_id
from .schema_messages import danish_message
from .upgrade import NameResolver

_DANISH_TYPES = {
    "list": "en liste",
    "str": "en tekst",
    "int": "et tal",
    "float": "et tal",
    "bool": "true/false",
}


@cache
def _validator(kind: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _position(document: Any, path: list[str | int]) -> tuple[int | None, int | None]:
    """1-based line and column of the node at ``path`` (as deep as the path can be followed)."""
    line = col = None
    node = document
    for key in path:
        if isinstance(node, CommentedMap) and key in node:
            line, col = node.lc.value(key) if node[key] is not None else node.lc.key(key)
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and key < len(node):
            line, col = node.lc.item(key)
            node = node[key]
        else:
            break
    if line is None and isinstance(document, CommentedMap):
        return 1, 1
    return (line + 1 if line is not None else None), (col + 1 if col is not None else None)


def _reference_kommuner(data: Path, problems: list[Problem]) -> KommuneIndex | None:
    """The reference list of municipalities and KKRs (``data/reference/kommuner.yaml``)."""
    path = data / "reference" / "kommuner.yaml"
    try:
        return load_kommuner(path)
    except KommuneatlasError as exc:
        problems += exc.problems
        return None


class LoadedFiles:
    """The files of one data folder, loaded for checking.

    Files load with the fast safe loader; only a file with a problem is loaded again
    round-trip, to find the line and column of the problem.
    """

    def __init__(self, data: Path) -> None:
        self.documents: dict[str, dict[str, tuple[Path, dict[str, Any]]]] = {kind: {} for kind in KINDS}
        self.problems: list[Problem] = []
        self._round_trip: dict[Path, Any] = {}
        kommuner = _reference_kommuner(data, self.problems)
        self.names = NameResolver.from_data(data, kommuner) if kommuner else None
        for kind in KINDS:
            for path in sorted((data / kind).glob("*.yaml")):
                self._load(kind, path)

    def where(self, path: Path, keys: list[str | int], message: str) -> Problem:
        """A problem at the node ``keys`` of the file ``path``, with its line and column."""
        if path not in self._round_trip:
            try:
                self._round_trip[path] = load_round_trip(path)
            except KommuneatlasError:
                self._round_trip[path] = None
        line, col = _position(self._round_trip[path], keys)
        return Problem(path, line, message, column=col)

    def _read(self, path: Path) -> Any:
        try:
            return load_fast(path)
        except (YAMLError, ValueError):
            # Let the round-trip loader say where the syntax error is, or keep an
            # impossible date as text for the schema check to report (see store.yaml).
            document = load_round_trip(path)
            self._round_trip[path] = document
            return plain(document)

    def _load(self, kind: str, path: Path) -> None:
        try:
            document = self._read(path)
        except KommuneatlasError as exc:
            self.problems += exc.problems
            return
        if document is None:
            self.problems.append(
                Problem(path, 1, "tom YAML-fil: forventede felterne for en post (id: … osv.)")
            )
            return
        if not isinstance(document, dict):
            self.problems.append(
                Problem(
                    path,
                    1,
                    f"forventede felter (nøgle: værdi), fandt {_DANISH_TYPES.get(type(document).__name__, type(document).__name__)}",
                )
            )
            return
        for error in sorted(
            _validator(kind).iter_errors(jsonable(document)), key=lambda e: list(e.absolute_path)
        ):
            field = ".".join(str(p) for p in error.absolute_path) or "(øverste niveau)"
            message = f"{field}: {danish_message(error)}{self._hint(kind, error, document)}"
            self.problems.append(self.where(path, list(error.absolute_path), message))
        entity_id = str(document.get("id", path.stem))
        if entity_id != path.stem:
            self.problems.append(
                self.where(path, ["id"], f"id {entity_id!r} svarer ikke til filnavnet {path.name!r}")
            )
        if entity_id in self.documents[kind]:
            other = self.documents[kind][entity_id][0]
            self.problems.append(
                self.where(path, ["id"], f"id'et {entity_id!r} findes to gange (også i {other})")
            )
            return
        self.documents[kind][entity_id] = (path, document)

    def _hint(self, kind: str, error: SchemaError, document: dict[str, Any]) -> str:
        """For a name where a reference's id belongs: the id to write."""
        keys = list(error.absolute_path)
        ref = next((ref for ref in KINDS[kind].refs if ref.matches(keys)), None)
        found = self.names.id_of(ref.target, error.instance, document) if ref and self.names else None
        return f" (skriv id'et {found!r}; kommuneatlas extract retter gamle filer)" if found else ""

    def all(self, kind: str) -> Iterator[tuple[Path, dict[str, Any]]]:
        yield from self.documents[kind].values()


def _laws(data: Path, problems: list[Problem]) -> set[str] | None:
    from ..citations import load_catalogue

    try:
        return set(load_catalogue(data / "laws.yaml").ids())
    except KommuneatlasError as exc:
        problems += exc.problems
        return None


def _check_references(loaded: LoadedFiles, laws: set[str] | None) -> list[Problem]:
    """Every value of every declared reference names an existing entity (a law: one of the
    catalogue). A value that is no id at all is the schema's to report (with the id to write)."""
    problems: list[Problem] = []
    ids: dict[str, Container[str] | None] = {kind: loaded.documents[kind].keys() for kind in KINDS}
    ids["laws"] = laws
    for kind in KINDS.values():
        for path, doc in loaded.all(kind.name):
            for ref in kind.refs:
                known = ids[ref.target]
                for found in ref.values(doc) if known is not None else ():
                    checked = isinstance(found.value, str) if ref.target == "laws" else is_id(found.value)
                    if checked and found.value not in known:
                        problems.append(
                            loaded.where(path, list(found.keys), _unknown(ref.target, found.value))
                        )
    return problems


def _unknown(target: str, value: str) -> str:
    if target == "laws":
        return f"ukendt lov-id {value!r} (findes ikke i lovkataloget)"
    return f"ukendt {KINDS[target].label} {value!r} (findes ikke i data/{target}/)"


def validate_data(data: Path, notes: list[str] | None = None) -> list[Problem]:
    """Every problem found in ``data/``; empty list: all is well.

    ``notes``, if given, receives one line per law that the texts cite and the law catalogue
    lacks (not a problem: the site gives it a page of its own), for the editor to add.
    """
    if not data.is_dir():
        return [Problem(data, None, "datamappen findes ikke")]
    loaded = LoadedFiles(data)
    problems = list(loaded.problems)
    laws = _laws(data, problems)
    problems += _check_references(loaded, laws)
    if notes is not None and laws is not None:
        notes += _unknown_laws(loaded, data)
    return problems


def _unknown_laws(loaded: LoadedFiles, data: Path) -> list[str]:
    """The law catalogue's missing laws, as :func:`kommuneatlas.citations.report.report_lines`."""
    from ..citations import load_catalogue
    from ..citations.report import report_lines, unknown_laws

    texts: list[str] = []
    for _, doc in loaded.all("documents"):
        path = data / "sources" / str(doc.get("file"))
        if doc.get("file") and path.is_file():
            texts.append(path.read_text(encoding="utf-8"))
    for kind, fields in TEXT_FIELDS.items():
        for _, doc in loaded.all(kind):
            for name in fields:
                texts += field_texts(doc.get(name))
    return report_lines(unknown_laws(texts, load_catalogue(data / "laws.yaml")), data / "laws.yaml")
