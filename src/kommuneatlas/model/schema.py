"""The vocabulary of the entity declarations in :mod:`.doc_types`.

A kind (:class:`EntityKind`) says where its records live, how its pages are named and reached,
which of its fields name other entities (:class:`Ref`), and what its overview lists
(:class:`Listing`). Validation, the reverse relations, URLs, breadcrumbs and the overview pages
are derived from these declarations, not written per kind.

Values shown on pages are computed by getters, ``(entity, graph) -> value``: small functions of a
record and the :class:`~kommuneatlas.model.graph.Graph` of all records (:func:`field`,
:func:`via`, :func:`count`, :func:`reverse_count`, :func:`year`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..text.danish_format import year_of

if TYPE_CHECKING:
    from .graph import Graph

Entity = Mapping[str, Any]
Getter = Callable[[Entity, "Graph"], Any]
Keys = tuple[str | int, ...]

ID_PATTERN = "^[a-z0-9][a-z0-9-]*$"
"""An id: lower-case letters, digits and hyphens (``nordjylland``, ``aalborg``, ``hoeje-taastrup``).
The schemas' ``$defs.id`` holds the same pattern."""
_ID = re.compile(ID_PATTERN)


def is_id(value: object) -> bool:
    return isinstance(value, str) and _ID.match(value) is not None


@dataclass(frozen=True)
class Found:
    """A value at a reference's path: where (``keys`` from the record's top), what, and the
    mapping that holds it (the record itself, or one participant, appointment, row …)."""

    keys: Keys
    value: Any
    holder: Mapping[str, Any]


@dataclass(frozen=True)
class Ref:
    """A field that names other entities by id.

    ``path`` is dotted; ``[]`` marks a list: ``kkr``, ``kommuner[]``, ``participants[].person``,
    ``financing.rows[].kommune``; ``**.law`` is every ``law`` field at any depth. ``target`` is the
    kind named (``laws``: the law catalogue's ids). ``reverse`` names the list of referring
    entities the target gets (lists of the same name merge, in declaration order), sorted by
    ``order`` (a key of the referring entity; stable) when given.
    """

    path: str
    target: str
    reverse: str | None = None
    order: Callable[[Entity], Any] | None = None
    descending: bool = False

    @property
    def steps(self) -> tuple[str, ...]:
        return tuple(self.path.split("."))

    @property
    def many(self) -> bool:
        return "[]" in self.path or self.path.startswith("**")

    def values(self, entity: Mapping[str, Any]) -> Iterator[Found]:
        """Every value (not null) the path reaches in ``entity``, in document order."""
        steps = self.steps
        if steps[0] == "**":
            yield from _anywhere(entity, steps[1], ())
        else:
            yield from _walk(entity, steps, ())

    def matches(self, keys: Iterable[str | int]) -> bool:
        """Whether ``keys`` (a place in a record, as a schema error gives it) is a value of this path."""
        keys = list(keys)
        if self.steps[0] == "**":
            return bool(keys) and keys[-1] == self.steps[1]
        pattern: list[str | None] = []
        for step in self.steps:
            pattern.append(step.removesuffix("[]"))
            if step.endswith("[]"):
                pattern.append(None)  # any index
        return len(keys) == len(pattern) and all(
            isinstance(key, int) if want is None else key == want
            for key, want in zip(keys, pattern, strict=True)
        )


def _walk(node: Mapping[str, Any], steps: tuple[str, ...], keys: Keys) -> Iterator[Found]:
    step, rest = steps[0], steps[1:]
    name = step.removesuffix("[]")
    value = node.get(name) if isinstance(node, Mapping) else None
    if value is None:
        return
    if step.endswith("[]"):
        for index, element in enumerate(value if isinstance(value, list) else []):
            if rest:
                yield from _walk(element, rest, (*keys, name, index))
            elif element is not None:
                yield Found((*keys, name, index), element, node)
    elif rest:
        yield from _walk(value, rest, (*keys, name))
    else:
        yield Found((*keys, name), value, node)


def _anywhere(node: Any, name: str, keys: Keys) -> Iterator[Found]:
    if isinstance(node, Mapping):
        for key, value in node.items():
            if key == name and isinstance(value, str):
                yield Found((*keys, key), value, node)
            else:
                yield from _anywhere(value, name, (*keys, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _anywhere(value, name, (*keys, index))


@dataclass(frozen=True)
class Column:
    """A column of an overview. The cell is ``value``; with ``link`` a link to the row's page;
    with ``ref`` a link to the entity that ref path names (its label, unless ``value`` gives the
    text); with ``join`` the labels of a list ref as "A, B", unlinked. A ``date`` is shown as a
    date: a ``<time>`` element in a plain cell, the Danish date as a link's text."""

    header: str
    value: Getter | None = None
    link: bool = False
    ref: str | None = None
    join: bool = False
    date: bool = False


@dataclass(frozen=True)
class Listing:
    """The overview of a kind: a table of all its entities, over pages when long."""

    url: str
    title: str
    intro: str
    columns: tuple[Column, ...]
    rows: Callable[[Graph], Iterable[Entity]] | None = None  # default: every entity, in file order
    wide: bool = False  # rows with titles or lists of names: fewer rows per page
    subscribe: tuple[tuple[str, str], ...] = ()  # (label, URL) of feeds and calendars


@dataclass(frozen=True)
class EntityKind:
    """One kind of entity: ``data/<name>/<id>.yaml``, ``schemas/<name>.schema.json``, its pages."""

    name: str  # the folder under data/, the schema, the API list
    label: str  # Danish, singular (messages: "ukendt kommune 'x'")
    url: str  # the page's URL: "{field}" its value, "{field:url}" the URL of the entity it names,
    # "{field:dashed}" its value with "." as "-"
    label_of: Getter  # link text
    root: str  # the first breadcrumb (an overview's URL) when the kind has no parent
    template: str
    search_type: str
    title_of: Getter | None = None  # the page's title; default: label_of
    crumb_of: Getter | None = None  # the label in a child page's breadcrumbs; default: title_of
    parent: str | None = None  # the ref path of the breadcrumb parent
    refs: tuple[Ref, ...] = ()
    listing: Listing | None = None
    facets: Mapping[str, Getter] = dataclasses.field(
        default_factory=dict
    )  # search filters; "lov" added for cited kinds
    cited_fields: tuple[str, ...] = ()  # running text searched for legal references
    date_of: Getter | None = None  # the date of a citing text (on the provision pages)

    def ref(self, path: str) -> Ref:
        return next(ref for ref in self.refs if ref.path == path)

    def title(self, entity: Entity, graph: Graph) -> str:
        return str((self.title_of or self.label_of)(entity, graph))

    def crumb(self, entity: Entity, graph: Graph) -> str:
        return str(self.crumb_of(entity, graph)) if self.crumb_of else self.title(entity, graph)


# -- getters -------------------------------------------------------------------------------------


def field(name: str) -> Getter:
    """The entity's own field."""
    return lambda entity, graph: entity.get(name)


def via(*path: str) -> Getter:
    """A field of the entity that single-valued refs lead to: ``via("meeting", "kkr", "name")`` is
    the name of the KKR of the item's meeting (the last name is the field, the others ref paths)."""
    *refs, name = path

    def get(entity: Entity, graph: Graph) -> Any:
        target: Entity | None = entity
        for ref in refs:
            target = graph.follow(target, ref) if target is not None else None
        return target.get(name) if target is not None else None

    return get


def count(name: str) -> Getter:
    """The length of a list field."""
    return lambda entity, graph: len(entity.get(name) or [])


def reverse_count(name: str) -> Getter:
    """The length of a reverse list (the entities that name this one)."""
    return lambda entity, graph: len(graph.reverse_of(entity, name))


def year(getter: Getter) -> Getter:
    """The year of a date getter's value ("2022"), or None."""

    def get(entity: Entity, graph: Graph) -> str | None:
        return year_of(getter(entity, graph)) or None

    return get
