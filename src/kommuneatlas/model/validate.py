"""``kommuneatlas validate``: the data under ``data/`` checked before anything is built.

Checks, each reported as ``file:line:column: message``: YAML syntax, empty files, the JSON
Schema of each entity type (types, required fields, ISO dates), ids (matching the file
name, unique), and references between entities (network, meeting, person, kommune, KKR,
source document, law). The source documents are checked by
:func:`kommuneatlas.extract.check.check_sources`. Messages are Danish (JSON Schema errors through
:mod:`.schema_messages`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from ..errors import KommuneatlasError, Problem
from ..store.json import jsonable
from ..store.yaml import load_fast, load_round_trip, plain
from .dataset import field_texts, network_of, source_document
from .kinds import KINDS, SCHEMAS, TEXT_FIELDS
from .schema_messages import danish_message

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


def _reference_kommuner(data: Path, problems: list[Problem]) -> set[str]:
    """The official municipality names (``data/reference/kommuner.yaml``)."""
    from ..sources.reference import load_kommuner

    path = data / "reference" / "kommuner.yaml"
    try:
        return {k.name for k in load_kommuner(path).kommuner}
    except KommuneatlasError as exc:
        problems += exc.problems
        return set()


class _Loaded:
    """The files of one data folder, loaded for checking.

    Files load with the fast safe loader; only a file with a problem is loaded again
    round-trip, to find the line and column of the problem.
    """

    def __init__(self, data: Path) -> None:
        self.documents: dict[str, dict[str, tuple[Path, dict[str, Any]]]] = {kind: {} for kind in KINDS}
        self.problems: list[Problem] = []
        self._round_trip: dict[Path, Any] = {}
        self.kommune_names = _reference_kommuner(data, self.problems)
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
            self.problems.append(
                self.where(path, list(error.absolute_path), f"{field}: {danish_message(error)}")
            )
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

    def all(self, kind: str) -> Iterator[tuple[Path, dict[str, Any]]]:
        yield from self.documents[kind].values()


def _laws(data: Path, problems: list[Problem]) -> set[str] | None:
    from ..citations import load_catalogue

    try:
        return set(load_catalogue(data / "laws.yaml").ids())
    except KommuneatlasError as exc:
        problems += exc.problems
        return None


def _walk_law_ids(node: Any, keys: list[str | int]) -> Iterator[tuple[list[str | int], Any]]:
    """Every ``law:`` value anywhere in an entity (editor-added references name laws by id)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "law" and isinstance(value, str):
                yield [*keys, key], value
            else:
                yield from _walk_law_ids(value, [*keys, key])
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk_law_ids(value, [*keys, index])


def _check_references(loaded: _Loaded, laws: set[str] | None) -> list[Problem]:
    problems: list[Problem] = []
    ids = {kind: set(loaded.documents[kind]) for kind in KINDS}
    kommune_names = loaded.kommune_names
    kkr_names = {str(doc.get("name")) for _, doc in loaded.all("kkr")}
    networks: dict[Any, list[dict[str, Any]]] = {}
    for _, doc in loaded.all("networks"):
        networks.setdefault(doc.get("number"), []).append(doc)

    def need(path: Path, doc: dict[str, Any], keys: list[str | int], ok: bool, message: str) -> None:
        if not ok:
            problems.append(loaded.where(path, keys, message))

    def kommune(path: Path, doc: dict[str, Any], keys: list[str | int], name: Any) -> None:
        if name is not None and kommune_names:
            need(
                path,
                doc,
                keys,
                str(name) in kommune_names,
                f"ukendt kommune {name!r} (forventede et officielt kommunenavn)",
            )

    for kind in KINDS:
        for path, doc in loaded.all(kind):
            source = doc.get("source")
            if isinstance(source, dict) and source.get("document") and kind != "documents":
                need(
                    path,
                    doc,
                    ["source", "document"],
                    source["document"] in ids["documents"],
                    f"kildedokumentet {source['document']!r} findes ikke i data/documents/",
                )
            if laws is not None:
                for keys, law in _walk_law_ids(doc, []):
                    need(path, doc, keys, law in laws, f"ukendt lov-id {law!r} (findes ikke i lovkataloget)")
    for path, doc in loaded.all("kommuner"):
        need(path, doc, ["kkr"], doc.get("kkr") in ids["kkr"], f"ukendt KKR {doc.get('kkr')!r}")
    for path, doc in loaded.all("kkr"):
        for i, name in enumerate(doc.get("kommuner") or []):
            kommune(path, doc, ["kommuner", i], name)
    for path, doc in loaded.all("networks"):
        for field in ("kommuner", "inactive_kommuner"):
            for i, name in enumerate(doc.get(field) or []):
                kommune(path, doc, [field, i], name)
    for path, doc in loaded.all("experiments"):
        need(
            path,
            doc,
            ["network"],
            network_of(doc, networks.get(doc.get("network"), [])) is not None,
            f"netværket {doc.get('network')!r} findes ikke i data/networks/"
            + (f" for kildedokumentet {document!r}" if (document := source_document(doc)) else ""),
        )
        for i, name in enumerate(doc.get("kommuner") or []):
            kommune(path, doc, ["kommuner", i], name)
    for path, doc in loaded.all("meetings"):
        need(path, doc, ["kkr"], doc.get("kkr") in kkr_names, f"ukendt KKR {doc.get('kkr')!r}")
        for i, item in enumerate(doc.get("items") or []):
            need(
                path,
                doc,
                ["items", i],
                item in ids["items"],
                f"dagsordenspunktet {item!r} findes ikke i data/items/",
            )
        for role in ("participants", "absent"):
            for i, person in enumerate(doc.get(role) or []):
                if isinstance(person, dict):
                    if person.get("person"):
                        need(
                            path,
                            doc,
                            [role, i, "person"],
                            person["person"] in ids["people"],
                            f"personen {person['person']!r} findes ikke i data/people/",
                        )
                    kommune(path, doc, [role, i, "kommune"], person.get("kommune"))
    for path, doc in loaded.all("items"):
        need(
            path,
            doc,
            ["meeting"],
            doc.get("meeting") in ids["meetings"],
            f"mødet {doc.get('meeting')!r} findes ikke i data/meetings/",
        )
        for i, appointment in enumerate(doc.get("appointments") or []):
            if isinstance(appointment, dict) and appointment.get("person"):
                need(
                    path,
                    doc,
                    ["appointments", i, "person"],
                    appointment["person"] in ids["people"],
                    f"personen {appointment['person']!r} findes ikke i data/people/",
                )
    for path, doc in loaded.all("people"):
        kommune(path, doc, ["kommune"], doc.get("kommune"))
    return problems


def validate_data(data: Path, notes: list[str] | None = None) -> list[Problem]:
    """Every problem found in ``data/``; empty list: all is well.

    ``notes``, if given, receives one line per law that the texts cite and the law catalogue
    lacks (not a problem: the site gives it a page of its own), for the editor to add.
    """
    if not data.is_dir():
        return [Problem(data, None, "datamappen findes ikke")]
    loaded = _Loaded(data)
    problems = list(loaded.problems)
    laws = _laws(data, problems)
    problems += _check_references(loaded, laws)
    if notes is not None and laws is not None:
        notes += _unknown_laws(loaded, data)
    return problems


def _unknown_laws(loaded: _Loaded, data: Path) -> list[str]:
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
