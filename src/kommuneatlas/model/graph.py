"""Cross-references between entities, computed once per build (pure functions of the data)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..sources.reference import kkr_id
from .dataset import Entity, SiteData, network_of
from .urls import entity_url


@dataclass
class Indexes:
    """Who links to whom. Keys are entity ids; values are lists of entities in a stable order."""

    urls: dict[tuple[str, str], str] = field(default_factory=dict)
    kommune_by_name: dict[str, Entity] = field(default_factory=dict)
    meetings_by_kkr: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))
    items_by_meeting: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))
    experiments_by_network: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))
    experiments_by_kommune: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))
    networks_by_kommune: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))
    networks_by_number: dict[int, list[Entity]] = field(default_factory=lambda: defaultdict(list))
    people_by_kommune: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))
    attendance: dict[str, list[tuple[Entity, str]]] = field(default_factory=lambda: defaultdict(list))
    appointments_by_person: dict[str, list[tuple[Entity, dict[str, Any]]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    documents_by_kkr: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))
    derived_from_document: dict[str, list[tuple[str, Entity]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def url(self, kind: str, entity_id: str | None) -> str | None:
        return self.urls.get((kind, entity_id)) if entity_id else None

    def network(self, experiment: Entity) -> Entity | None:
        """The network an experiment belongs to (see :func:`model.network_of`)."""
        return network_of(experiment, self.networks_by_number.get(experiment.get("network"), []))


def build_indexes(site: SiteData) -> Indexes:
    ix = Indexes()
    meetings = site.entities.get("meetings", {})
    for kind, entities in site.entities.items():
        for entity_id, entity in entities.items():
            ix.urls[(kind, entity_id)] = entity_url(kind, entity, meetings)
            source = entity.get("source")
            if isinstance(source, dict) and source.get("document") and kind != "documents":
                ix.derived_from_document[source["document"]].append((kind, entity))
    for kommune in site.all("kommuner"):
        ix.kommune_by_name[kommune["name"]] = kommune
    for meeting in sorted(site.all("meetings"), key=lambda m: str(m.get("date")), reverse=True):
        ix.meetings_by_kkr[kkr_id(meeting["kkr"])].append(meeting)
        for role in ("participants", "absent"):
            for person in meeting.get(role) or []:
                if person.get("person"):
                    ix.attendance[person["person"]].append((meeting, role))
    for item in site.all("items"):
        ix.items_by_meeting[item["meeting"]].append(item)
        for appointment in item.get("appointments") or []:
            if appointment.get("person"):
                ix.appointments_by_person[appointment["person"]].append((item, appointment))
    for items in ix.items_by_meeting.values():
        items.sort(key=lambda i: [int(p) if p.isdigit() else p for p in str(i["number"]).split(".")])
    for network in sorted(site.all("networks"), key=lambda n: n.get("number", 0)):
        ix.networks_by_number[network["number"]].append(network)
        for name in (network.get("kommuner") or []) + (network.get("inactive_kommuner") or []):
            ix.networks_by_kommune[name].append(network)
    for experiment in site.all("experiments"):
        network = ix.network(experiment)
        if network:
            ix.experiments_by_network[network["id"]].append(experiment)
        for name in experiment.get("kommuner") or []:
            ix.experiments_by_kommune[name].append(experiment)
    for person in site.all("people"):
        if person.get("kommune"):
            ix.people_by_kommune[person["kommune"]].append(person)
    kkr_names = {k["name"]: k["id"] for k in site.all("kkr")}
    for document in site.all("documents"):
        owner = kkr_names.get(document.get("kkr") or document.get("publisher"))
        if owner:
            ix.documents_by_kkr[owner].append(document)
    for meeting in site.all("meetings"):
        source = meeting.get("source") or {}
        document = site.get("documents", source.get("document", ""))
        if document and document not in ix.documents_by_kkr[kkr_id(meeting["kkr"])]:
            ix.documents_by_kkr[kkr_id(meeting["kkr"])].append(document)
    return ix
