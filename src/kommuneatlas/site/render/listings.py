"""The rows of a kind's overview (``/kkr/``, ``/kommuner/`` …), from its declared
:class:`~kommuneatlas.model.schema.Listing`: one row per entity, one cell per column."""

from __future__ import annotations

from typing import Any

from ...model.graph import Graph
from ...model.schema import Column, Entity, EntityKind
from ...text.danish_format import danish_date
from .environment import time_element


def listing_rows(kind: EntityKind, graph: Graph) -> list[list[Any]]:
    """The overview's rows; a cell is text, a ``<time>`` element, or (URL, label) for a link."""
    assert kind.listing is not None
    listing = kind.listing
    entities = listing.rows(graph) if listing.rows else graph.all(kind.name)
    return [[_cell(kind, column, entity, graph) for column in listing.columns] for entity in entities]


def _cell(kind: EntityKind, column: Column, entity: Entity, graph: Graph) -> Any:
    value = column.value(entity, graph) if column.value else None
    if column.ref is not None:
        ref = kind.ref(column.ref)
        if column.join:
            ids = [found.value for found in ref.values(entity)]
            return ", ".join(str(label) for label in graph.labels(ref.target, ids))
        target = graph.follow(entity, column.ref)
        if target is None:  # names no entity (validate reports it): the value as written
            return (None, value if value is not None else entity.get(column.ref))
        return (
            graph.url_of(ref.target, target),
            value if column.value else graph.label(ref.target, target["id"]),
        )
    if column.link:
        return (graph.url_of(kind.name, entity), danish_date(value) if column.date else value)
    return time_element(value) if column.date else value
