"""The entities and the links between them, computed once per build from the declarations.

Every reference an entity makes (a :class:`~.schema.Ref` of its kind) is also a link back: the
KKR knows its meetings, the kommune its networks, experiments and people, the person the meetings
they attended. One pass over all entities (kinds in :data:`~.kinds.KINDS` order, entities in file
order, refs in declaration order) builds these reverse lists; each is then sorted by its ref's
declared order (a stable sort, so ties keep that pass's order).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .dataset import Dataset, Entity
from .kinds import KINDS
from .schema import EntityKind, Ref
from .urls import fill_url


@dataclass(frozen=True)
class Backref:
    """One reference to an entity: who makes it (``kind``, ``entity``), the mapping holding the
    value (the entity, or one participant, appointment …) and the declared ref."""

    kind: str
    entity: Entity
    holder: Mapping[str, Any]
    ref: Ref


class Graph:
    """Lookups by id, URLs, labels, breadcrumbs and the reverse references of one dataset.

    Entities are the dataset's own objects (the graph knows each one's kind by identity).
    """

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._kind_of = {id(e): kind for kind in KINDS for e in dataset.all(kind)}
        self._urls: dict[tuple[str, str], str | None] = {}
        self._reverse: dict[tuple[str, str], dict[str, list[Backref]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for kind in KINDS.values():
            for entity in dataset.all(kind.name):
                for ref in kind.refs:
                    if ref.reverse is None:
                        continue
                    for found in ref.values(entity):
                        if isinstance(found.value, str):
                            backref = Backref(kind.name, entity, found.holder, ref)
                            self._reverse[(ref.target, found.value)][ref.reverse].append(backref)
        for lists in self._reverse.values():
            for backrefs in lists.values():
                ref = backrefs[0].ref
                if ref.order is not None:
                    order = ref.order
                    backrefs.sort(key=lambda b: order(b.entity), reverse=ref.descending)

    # -- lookups -------------------------------------------------------------------------------
    def all(self, kind: str) -> list[Entity]:
        return self.dataset.all(kind)

    def get(self, kind: str, entity_id: Any) -> Entity | None:
        return self.dataset.get(kind, entity_id) if isinstance(entity_id, str) else None

    def kind_of(self, entity: Entity) -> EntityKind:
        return KINDS[self._kind_of[id(entity)]]

    def follow(self, entity: Entity, path: str) -> Entity | None:
        """The entity that the single-valued ref ``path`` of ``entity`` names (None if none)."""
        ref = self.kind_of(entity).ref(path)
        value = next((found.value for found in ref.values(entity)), None)
        return self.get(ref.target, value)

    # -- names and places ----------------------------------------------------------------------
    def url(self, kind: str, entity_id: Any) -> str | None:
        """The entity's page (site-relative), or None for no such entity."""
        if not isinstance(entity_id, str):
            return None
        key = (kind, entity_id)
        if key not in self._urls:
            entity = self.get(kind, entity_id)
            self._urls[key] = fill_url(KINDS[kind], entity, self) if entity is not None else None
        return self._urls[key]

    def url_of(self, kind: str, entity: Entity) -> str | None:
        return self.url(kind, entity["id"])

    def label(self, kind: str, entity_id: Any) -> Any:
        """The link text of the entity with this id; an id that names none, as it is."""
        entity = self.get(kind, entity_id)
        return KINDS[kind].label_of(entity, self) if entity is not None else entity_id

    def labels(self, kind: str, ids: list[Any] | None) -> list[Any]:
        return [self.label(kind, entity_id) for entity_id in ids or []]

    def title(self, kind: str, entity: Entity) -> str:
        return KINDS[kind].title(entity, self)

    def crumbs(self, kind: str, entity: Entity) -> list[tuple[str, str]]:
        """The breadcrumbs of the entity's page: its parent's trail, else the kind's overview."""
        declared = KINDS[kind]
        if declared.parent is not None:
            parent = self.follow(entity, declared.parent)
            if parent is not None:
                parent_kind = declared.ref(declared.parent).target
                return [*self.crumbs(parent_kind, parent), self._crumb(parent_kind, parent)]
        return [(declared.root, _root_title(declared.root))]

    def trail(self, kind: str, entity: Entity) -> list[tuple[str, str]]:
        """The breadcrumbs of a page below the entity's own (its lists' pages, its source text)."""
        return [*self.crumbs(kind, entity), (self.url_of(kind, entity) or "", self.title(kind, entity))]

    def _crumb(self, kind: str, entity: Entity) -> tuple[str, str]:
        return self.url_of(kind, entity) or "", KINDS[kind].crumb(entity, self)

    # -- reverse references --------------------------------------------------------------------
    def reverse(self, kind: str, entity_id: str, name: str) -> list[Backref]:
        """The references named ``name`` to the entity (see :class:`~.schema.Ref`), in their order."""
        lists = self._reverse.get((kind, entity_id))
        return lists.get(name, []) if lists else []

    def referrers(self, kind: str, entity_id: str, name: str) -> list[Entity]:
        return [backref.entity for backref in self.reverse(kind, entity_id, name)]

    def reverse_of(self, entity: Entity, name: str) -> list[Backref]:
        return self.reverse(self.kind_of(entity).name, entity["id"], name)


def _root_title(url: str) -> str:
    return next(k.listing.title for k in KINDS.values() if k.listing and k.listing.url == url)
