"""The entity kinds, declared once (see :mod:`.schema` for the vocabulary).

Each declaration gives the kind's folder under ``data/`` and its schema, its Danish labels, its
URL pattern and breadcrumb parent, the fields that name other entities (validation, reverse
lists, the upgrade of old files, the API's names beside ids all follow them), its overview, its
search filters and the running text searched for legal references. A new kind of entity is one
declaration here, one template and one schema; a new relationship is one :class:`~.schema.Ref`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..sources.document_types import type_label
from ..text.danish_format import danish_date
from .schema import Column, Entity, EntityKind, Listing, Ref, count, field, reverse_count, via, year
from .urls import calendar_url, feed_url

if TYPE_CHECKING:
    from collections.abc import Callable

    from .graph import Graph

SCHEMAS = Path(__file__).resolve().parents[3] / "schemas"
"""The JSON Schemas, one per kind (``schemas/<kind>.schema.json`` in the repository)."""


def _newest_first(entity: Entity) -> str:
    return str(entity.get("date"))


def _item_number(item: Entity) -> list[Any]:
    """ "2.10" after "2.9": the number's parts compared as numbers."""
    return [int(part) if part.isdigit() else part for part in str(item["number"]).split(".")]


def _network_number(network: Entity) -> Any:
    return network.get("number", 0)


def _ordered(kind: str, key: Callable[[Entity], Any], descending: bool = False) -> Callable[[Graph], Any]:
    return lambda graph: sorted(graph.all(kind), key=key, reverse=descending)


def _items_by_newest_meeting(graph: Graph) -> list[Entity]:
    meetings = sorted(graph.all("meetings"), key=_newest_first, reverse=True)
    return [item for meeting in meetings for item in graph.referrers("meetings", meeting["id"], "items")]


def _meeting_label(meeting: Entity, graph: Graph) -> str:
    return f"{graph.label('kkr', meeting['kkr'])} {danish_date(meeting['date'])}"


def _source_date(entity: Entity, graph: Graph) -> Any:
    document = graph.follow(entity, "source.document")
    return document.get("date") if document else None


SOURCE = Ref("source.document", "documents", reverse="derived")
LAW = Ref("**.law", "laws")

KKR = EntityKind(
    "kkr", "KKR", url="kkr/{id}/", root="kkr/", label_of=field("name"),
    refs=(Ref("kommuner[]", "kommuner"), LAW),
    listing=Listing(
        "kkr/", "KKR'er", "De fem kommunekontaktråd (KKR) samler kommunerne i hver region.",
        (Column("KKR", field("name"), link=True), Column("Region", field("region")),
         Column("Kommuner", count("kommuner")), Column("Møder", reverse_count("meetings"))),
    ),
    template="kkr.md.j2", search_type="kkr", facets={"kkr": field("name")},
)  # fmt: skip

KOMMUNER = EntityKind(
    "kommuner", "kommune", url="kommuner/{id}/", root="kommuner/", label_of=field("name"),
    title_of=lambda k, g: f"{k['name']} Kommune",
    refs=(Ref("kkr", "kkr"), LAW),
    listing=Listing(
        "kommuner/", "Kommuner", "Alle 98 kommuner med deres region, KKR og frikommuneforsøg.",
        (Column("Kommune", field("name"), link=True), Column("Kode", field("code")),
         Column("Region", field("region")), Column("Frikommunenetværk", reverse_count("networks")),
         Column("Forsøg", reverse_count("experiments"))),
        rows=_ordered("kommuner", lambda k: k["name"]),
    ),
    template="kommune.md.j2", search_type="kommune", facets={"kkr": via("kkr", "name")},
)  # fmt: skip

MEETINGS = EntityKind(
    "meetings", "møde", url="kkr/{kkr}/{date}/", parent="kkr", root="kkr/",
    label_of=_meeting_label, title_of=lambda m, g: f"Møde i {_meeting_label(m, g)}",
    crumb_of=lambda m, g: danish_date(m["date"]),
    refs=(
        Ref("kkr", "kkr", reverse="meetings", order=_newest_first, descending=True),
        Ref("items[]", "items"),
        Ref("participants[].person", "people", reverse="attendance", order=_newest_first, descending=True),
        Ref("absent[].person", "people", reverse="attendance", order=_newest_first, descending=True),
        Ref("participants[].kommune", "kommuner"),
        Ref("absent[].kommune", "kommuner"),
        SOURCE, LAW,
    ),
    listing=Listing(
        "moeder/", "Møder", "KKR-møder med dagsorden, deltagere og beslutninger.",
        (Column("Dato", field("date"), link=True, date=True), Column("KKR", via("kkr", "name")),
         Column("Dagsordenspunkter", reverse_count("items"))),
        rows=_ordered("meetings", _newest_first, descending=True),
        subscribe=(("Møderne i din kalender (iCalendar)", calendar_url()), ("Nyt i Kommuneatlas (Atom)", feed_url())),
    ),
    template="meeting.md.j2", search_type="møde",
    facets={"kkr": via("kkr", "name"), "år": year(field("date"))}, date_of=field("date"),
)  # fmt: skip

ITEMS = EntityKind(
    "items", "dagsordenspunkt", url="{meeting:url}{number:dashed}/",
    parent="meeting", root="kkr/", label_of=field("title"), title_of=lambda i, g: f"{i['number']} {i['title']}",
    refs=(
        Ref("meeting", "meetings", reverse="items", order=_item_number),
        Ref("appointments[].person", "people", reverse="appointments"),
        SOURCE, LAW,
    ),
    listing=Listing(
        "beslutninger/", "Beslutninger", "Alle dagsordenspunkter med beslutninger, nyeste møde først.",
        (Column("Møde", ref="meeting"), Column("Punkt", field("number")),
         Column("Titel", field("title"), link=True), Column("Sags-id", field("case_id"))),
        rows=_items_by_newest_meeting, wide=True,
    ),
    template="item.md.j2", search_type="beslutning",
    facets={"kkr": via("meeting", "kkr", "name"), "år": year(via("meeting", "date"))},
    cited_fields=("title", "decision", "sections"), date_of=via("meeting", "date"),
)  # fmt: skip

PEOPLE = EntityKind(
    "people", "person", url="personer/{id}/", root="personer/", label_of=field("name"),
    refs=(Ref("kommune", "kommuner", reverse="people"), SOURCE, LAW),
    listing=Listing(
        "personer/", "Personer", "Politikere nævnt som deltagere eller udpegede i KKR-referaterne.",
        (Column("Navn", field("name"), link=True), Column("Parti", field("party")),
         Column("Kommune", via("kommune", "name"))),
        rows=_ordered("people", lambda p: p["name"]),
    ),
    template="person.md.j2", search_type="person",
)  # fmt: skip

NETWORKS = EntityKind(
    "networks", "frikommunenetværk", url="frikommuner/{id}/", root="frikommuner/",
    label_of=field("name"),
    refs=(
        Ref("kommuner[]", "kommuner", reverse="networks", order=_network_number),
        Ref("inactive_kommuner[]", "kommuner", reverse="networks", order=_network_number),
        SOURCE, LAW,
    ),
    listing=Listing(
        "frikommuner/", "Frikommunenetværk",
        "Frikommuneforsøg II 2016–2020: de otte netværk, deres kommuner og godkendte forsøg.",
        (Column("Nr.", field("number")), Column("Netværk", field("name"), link=True),
         Column("Kommuner", ref="kommuner[]", join=True), Column("Godkendte forsøg", field("approved_count")),
         Column("Status", lambda n, g: "aktivt" if n.get("active", True) else "inaktivt")),
        rows=_ordered("networks", lambda n: n["number"]), wide=True,
    ),
    template="network.md.j2", search_type="netværk", facets={"netværk": field("name")},
    cited_fields=("theme", "introduction", "data_sources", "status", "experiences"), date_of=_source_date,
)  # fmt: skip

EXPERIMENTS = EntityKind(
    "experiments", "forsøg", url="forsoeg/{id}/", parent="network", root="frikommuner/",
    label_of=field("title"),
    refs=(
        Ref("network", "networks", reverse="experiments"),
        Ref("kommuner[]", "kommuner", reverse="experiments"),
        SOURCE, LAW,
    ),
    listing=Listing(
        "forsoeg/", "Frikommuneforsøg", "Alle godkendte forsøg i Frikommuneforsøg II.",
        (Column("Forsøg", field("title"), link=True), Column("Netværk", via("network", "number"), ref="network"),
         Column("Kommuner", ref="kommuner[]", join=True), Column("Ikrafttrædelse", field("in_force"), date=True)),
        wide=True,
    ),
    template="experiment.md.j2", search_type="forsøg",
    facets={"netværk": via("network", "name"), "år": year(field("in_force"))},
    cited_fields=("title", "hjemmel", "content", "target_group", "implementation", "evaluation"),
    date_of=_source_date,
)  # fmt: skip

DOCUMENTS = EntityKind(
    "documents", "dokument", url="dokumenter/{id}/", root="dokumenter/", label_of=field("title"),
    refs=(
        Ref("kkr", "kkr", reverse="documents"),
        Ref("parties[].kommune", "kommuner"),
        Ref("financing.rows[].kommune", "kommuner"),
        LAW,
    ),
    listing=Listing(
        "dokumenter/", "Dokumenter",
        "Kildedokumenterne, som sitets data er udtrukket fra. Hvert dokument kan læses linje for linje.",
        (Column("Dokument", field("title"), link=True), Column("Udgiver", field("publisher")),
         Column("Dato", field("date"), date=True), Column("Type", lambda d, g: type_label(d["kind"]))),
        rows=_ordered("documents", _newest_first, descending=True), wide=True,
    ),
    template="document.md.j2", search_type="dokument", facets={"år": year(field("date"))},
    cited_fields=("summary", "proposals", "conditions", "target_group", "sections", "letters"),
    date_of=field("date"),
)  # fmt: skip

KINDS: dict[str, EntityKind] = {
    kind.name: kind for kind in (KKR, KOMMUNER, MEETINGS, ITEMS, PEOPLE, NETWORKS, EXPERIMENTS, DOCUMENTS)
}

TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    name: KINDS[name].cited_fields for name in ("items", "experiments", "networks", "documents")
}
"""Each citing kind's ``cited_fields``, in the order :mod:`kommuneatlas.site.phases` collects them
(which orders ``api/references.json`` and ties on the provision pages)."""


def schema_reference(kind: str, depth: int = 2) -> str:
    """The relative path from ``data/<kind>/<id>.yaml`` to the kind's JSON Schema."""
    return "../" * depth + f"schemas/{kind}.schema.json"
