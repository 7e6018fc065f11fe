"""Old data files → ids: references written as names become the ids of what they name.

Before issue 16 a meeting named its KKR ("KKR Nordjylland"), every reference to a kommune was its
name ("Aalborg"), and an experiment named its network by number (the network of that number in
the experiment's own status report). Now every reference is an id (``nordjylland``, ``aalborg``,
``billige-boliger-og-fleksible-boligloesninger``). ``kommuneatlas extract`` converts the files
under ``data/`` **and** ``data/.base/`` with :func:`upgrade_data` before it merges: both sides of
the three-way merge are converted alike, so an editor's change stays a change, and a name an
editor wrote by hand becomes an id too. Comments and formatting are kept; only files with a name
to convert are written. A value that names nothing is left as it is (``kommuneatlas validate``
reports it); running the conversion again changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.error import YAMLError

from ..errors import KommuneatlasError
from ..sources.reference import KommuneIndex, kkr_id
from ..store.atomic import write_text_atomic
from ..store.merge import BASE_DIR
from ..store.yaml import dump, load_fast, load_round_trip
from .kinds import KINDS, schema_reference
from .schema import Keys


@dataclass(frozen=True)
class Change:
    """One reference converted: in file ``path``, at ``keys``, the name ``old`` became ``new``."""

    path: Path
    keys: Keys
    old: Any
    new: str

    @property
    def place(self) -> str:
        text = ""
        for key in self.keys:
            text += f"[{key}]" if isinstance(key, int) else f".{key}"
        return text.lstrip(".")

    def __str__(self) -> str:
        return f"{self.place} {self.old!r} → {self.new!r}"


class NameResolver:
    """The ids that names of kommuner, KKRs and numbered networks stand for.

    Kommuner are found in any form :meth:`KommuneIndex.lookup` knows ("Vesthimmerland Kommune");
    a KKR by its name as the reference list gives it; a network by its number, as the network of
    that number from the same source document, or, for an experiment added by hand (no source),
    the only network with that number.
    """

    TARGETS = frozenset({"kommuner", "kkr", "networks"})

    def __init__(self, kommuner: KommuneIndex, networks: Iterable[Mapping[str, Any]] = ()) -> None:
        self.kommuner = kommuner
        self.kommune_ids = {k.id for k in kommuner.kommuner}
        self.kkrs = {name: kkr_id(name) for name in kommuner.kkrs}
        self.network_ids: set[str] = set()
        self.numbered: dict[tuple[Any, str | None], set[str]] = defaultdict(set)
        for network in networks:
            if isinstance(network.get("id"), str):
                self.network_ids.add(network["id"])
                self.numbered[(network.get("number"), None)].add(network["id"])
                self.numbered[(network.get("number"), _source(network))].add(network["id"])

    @classmethod
    def from_data(cls, data: Path, kommuner: KommuneIndex) -> NameResolver:
        """With the networks of ``data/networks/`` and ``data/.base/networks/``."""
        networks = []
        for folder in (data / "networks", data / BASE_DIR / "networks"):
            for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
                try:
                    loaded = load_fast(path)
                except (YAMLError, ValueError):  # a broken file: validate reports it
                    continue
                if isinstance(loaded, dict):
                    networks.append(loaded)
        return cls(kommuner, networks)

    def id_of(self, target: str, value: Any, record: Mapping[str, Any]) -> str | None:
        """The id ``value`` (in ``record``) stands for when it is a name (None: already an id, or unknown)."""
        if target == "kommuner" and isinstance(value, str) and value not in self.kommune_ids:
            return self.kommuner.id_of(value)
        if target == "kkr" and isinstance(value, str):
            return self.kkrs.get(value)
        if target == "networks" and isinstance(value, int) and not isinstance(value, bool):
            source = _source(record)
            found = self.numbered.get((value, source), set())
            return next(iter(found)) if len(found) == 1 else None
        return None


def _source(entity: Mapping[str, Any]) -> str | None:
    source = entity.get("source")
    return source.get("document") if isinstance(source, Mapping) else None


def upgrade(kind: str, document: Any, names: NameResolver) -> list[tuple[Keys, Any, str]]:
    """Replace in ``document`` (a record, loaded round-trip) every reference of ``kind`` written
    as a name by its id; return (keys, old, new) of each."""
    changes = []
    if not isinstance(document, Mapping):
        return changes
    for ref in KINDS[kind].refs:
        if ref.target not in NameResolver.TARGETS:
            continue
        for found in list(ref.values(document)):
            new = names.id_of(ref.target, found.value, document)
            if new is None or new == found.value:
                continue
            container = document
            for key in found.keys[:-1]:
                container = container[key]
            container[found.keys[-1]] = new
            changes.append((found.keys, found.value, new))
    return changes


def upgrade_data(data: Path, kommuner: KommuneIndex) -> list[Change]:
    """Convert every record under ``data/<kind>/`` and ``data/.base/<kind>/`` (see the module
    docstring); return the changes, those of ``data/<kind>/`` first."""
    names = NameResolver.from_data(data, kommuner)
    changes: list[Change] = []
    for root, base in ((data, False), (data / BASE_DIR, True)):
        for kind in KINDS:
            for path in sorted((root / kind).glob("*.yaml")):
                try:  # the fast loader first: most files have nothing to convert
                    if not upgrade(kind, load_fast(path), names):
                        continue
                    document = load_round_trip(path)
                except (YAMLError, ValueError, KommuneatlasError):  # broken: validate and extract say so
                    continue
                found = upgrade(kind, document, names)
                if found:
                    write_text_atomic(path, dump(document, None if base else schema_reference(kind)))
                    changes += [Change(path, keys, old, new) for keys, old, new in found]
    return changes
