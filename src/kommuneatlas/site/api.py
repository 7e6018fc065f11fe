"""The open-data JSON API under ``site/api/``: one array of objects per entity type.

Every object has ``id`` and ``url`` (site-relative, leading slash). :data:`API_FIELDS` lists each
list's fields in order; the README's table is checked against it. Where the data refer to a KKR, a
kommune or a network by id, the API gives what it always gave (the name; for an experiment's
network its number) and the id beside it (``kkr_id``, ``kommune_id``, ``kommune_ids``,
``network_id``). Pure functions build the arrays; the build writes them (:func:`serialise`).
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Mapping
from typing import Any

from ..citations import provision_id
from ..citations.backlinks import Backlinks
from ..citations.targets import LawInfo, law_url, provision_url
from ..model.financing import with_check
from ..model.graph import Graph
from ..model.kinds import DOCUMENTS, ITEMS
from ..store.json import to_json

API_FIELDS: dict[str, tuple[str, ...]] = {
    "kkr": ("id", "url", "name", "region", "kommuner", "kommune_ids", "meetings"),
    "items": (
        "id", "url", "meeting", "kkr", "kkr_id", "date", "number", "section", "title", "case_id", "decision",
        "sections", "appointments", "references", "source",
    ),
    "items.appointments": ("body", "name", "representing", "appointed_by"),
    "people": ("id", "url", "name", "party", "kommune", "kommune_id", "meetings", "appointments"),
    "people.meetings": ("meeting", "role"),
    "people.appointments": ("item", "body", "representing"),
    "experiments": (
        "id", "url", "network", "network_id", "title", "kommuner", "kommune_ids", "kommuner_raw", "content",
        "target_group", "hjemmel", "in_force", "implementation", "evaluation", "references", "source",
    ),
    "networks": (
        "id", "url", "number", "name", "kommuner", "kommune_ids", "inactive_kommuner", "inactive_kommune_ids",
        "approved_count", "active", "experiments", "notes",
    ),
    "meetings": (
        "id", "url", "kkr", "kkr_id", "date", "status", "previous_meeting", "next_meeting", "participants",
        "absent", "items", "source",
    ),
    "meetings.participants": ("name", "party", "kommune", "kommune_id"),
    "meetings.absent": ("name", "party", "kommune", "kommune_id"),
    "meetings.items": (
        "number", "title", "case_id", "sections", "decision", "appointments", "references", "url", "id",
    ),
    "meetings.items.appointments": ("body", "name", "representing", "appointed_by"),
    "documents": ("id", "url", "title", "publisher", "date", "kind", "file", "line_count", "source"),
    "kommuner": ("id", "url", "name", "code", "region", "kkr", "networks", "experiments"),
    "laws": ("id", "url", "title", "aliases", "retsinformation", "known", "provisions", "mentions"),
    "laws.provisions": ("paragraph", "url", "count"),
    "references": (
        "id", "law", "paragraph", "stk", "nr", "chapter", "raw", "explicit", "url", "entity_kind", "entity_id",
        "context", "date",
    ),
}  # fmt: skip
"""The fields of each list (``kkr`` is ``api/kkr.json``), and of the objects in a list field
(``meetings.participants``), in order. A document has these fields and those of its kind."""

References = dict[tuple[str, str], list[dict[str, Any]]]


def _row(list_name: str, /, **values: Any) -> dict[str, Any]:
    """An object of list ``list_name`` with exactly its :data:`API_FIELDS`, in their order."""
    fields = API_FIELDS[list_name]
    assert values.keys() == set(fields), f"{list_name}: {sorted(values.keys() ^ set(fields))}"
    return {key: values[key] for key in fields}


def _url(graph: Graph, kind: str, entity_id: str | None) -> str | None:
    url = graph.url(kind, entity_id)
    return f"/{url}" if url is not None else None


def _attendees(graph: Graph, role: str, rows: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return [
        _row(
            f"meetings.{role}",
            name=p.get("name"),
            party=p.get("party"),
            kommune=graph.label("kommuner", p.get("kommune")),
            kommune_id=p.get("kommune"),
        )
        for p in rows or []
    ]


def _appointments(name: str, item: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        _row(name, **{k: a.get(k) for k in ("body", "name", "representing", "appointed_by")})
        for a in item.get("appointments") or []
    ]


def experiments(graph: Graph, references: References) -> list[dict[str, Any]]:
    rows = []
    for e in graph.all("experiments"):
        network = graph.follow(e, "network")
        rows.append(
            _row(
                "experiments",
                id=e["id"],
                url=_url(graph, "experiments", e["id"]),
                network=network.get("number") if network else None,
                network_id=e.get("network"),
                kommuner=graph.labels("kommuner", e.get("kommuner")),
                kommune_ids=e.get("kommuner"),
                title=e.get("title"),
                kommuner_raw=e.get("kommuner_raw"),
                content=e.get("content"),
                target_group=e.get("target_group"),
                hjemmel=e.get("hjemmel"),
                in_force=e.get("in_force"),
                implementation=e.get("implementation"),
                evaluation=e.get("evaluation"),
                references=references.get(("experiments", e["id"]), []),
                source=e.get("source"),
            )
        )
    return rows


def networks(graph: Graph) -> list[dict[str, Any]]:
    return [
        _row(
            "networks",
            id=n["id"],
            url=_url(graph, "networks", n["id"]),
            number=n.get("number"),
            name=n.get("name"),
            kommuner=graph.labels("kommuner", n.get("kommuner")),
            kommune_ids=n.get("kommuner") or [],
            inactive_kommuner=graph.labels("kommuner", n.get("inactive_kommuner")),
            inactive_kommune_ids=n.get("inactive_kommuner") or [],
            approved_count=n.get("approved_count"),
            active=n.get("active", True),
            experiments=[e["id"] for e in graph.referrers("networks", n["id"], "experiments")],
            notes=n.get("notes") or [],
        )
        for n in sorted(graph.all("networks"), key=lambda n: n.get("number", 0))
    ]


def meetings(graph: Graph, references: References) -> list[dict[str, Any]]:
    result = []
    for m in graph.all("meetings"):
        items = [
            _row(
                "meetings.items",
                number=i.get("number"),
                title=i.get("title"),
                case_id=i.get("case_id"),
                sections=i.get("sections") or {},
                decision=i.get("decision"),
                appointments=_appointments("meetings.items.appointments", i),
                references=references.get(("items", i["id"]), []),
                url=_url(graph, "items", i["id"]),
                id=i["id"],
            )
            for i in graph.referrers("meetings", m["id"], "items")
        ]
        result.append(
            _row(
                "meetings",
                id=m["id"],
                url=_url(graph, "meetings", m["id"]),
                kkr=graph.label("kkr", m.get("kkr")),
                kkr_id=m.get("kkr"),
                date=m.get("date"),
                status=m.get("status") or "referat",
                previous_meeting=m.get("previous_meeting"),
                next_meeting=m.get("next_meeting"),
                participants=_attendees(graph, "participants", m.get("participants")),
                absent=_attendees(graph, "absent", m.get("absent")),
                items=items,
                source=m.get("source"),
            )
        )
    return result


def _with_names(graph: Graph, document: dict[str, Any]) -> dict[str, Any]:
    """The document's record with each KKR and kommune it names by id given by name, the id beside
    it (``kkr`` and ``kkr_id``, ``kommune`` and ``kommune_id``), and its financing table checked."""
    record = copy.deepcopy(document)
    for ref in DOCUMENTS.refs:
        if ref.target not in ("kkr", "kommuner"):
            continue
        field = ref.steps[-1]
        for holder in {id(found.holder): found.holder for found in ref.values(record)}.values():
            assert isinstance(holder, dict)
            pairs = list(holder.items())
            holder.clear()
            for key, value in pairs:
                holder[key] = graph.label(ref.target, value) if key == field else value
                if key == field:
                    holder[f"{field}_id"] = value
    if isinstance(record.get("financing"), dict):
        record["financing"] = with_check(record["financing"])
    return record


def documents(graph: Graph) -> list[dict[str, Any]]:
    return [
        {
            "url": _url(graph, "documents", d["id"]),
            **_with_names(graph, d),
            "source": {"document": d["id"], "file": d.get("file")},
        }
        for d in graph.all("documents")
    ]


def kkr(graph: Graph) -> list[dict[str, Any]]:
    return [
        _row(
            "kkr",
            id=k["id"],
            url=_url(graph, "kkr", k["id"]),
            name=k.get("name"),
            region=k.get("region"),
            kommuner=graph.labels("kommuner", k.get("kommuner")),
            kommune_ids=k.get("kommuner") or [],
            meetings=[m["id"] for m in graph.referrers("kkr", k["id"], "meetings")],
        )
        for k in graph.all("kkr")
    ]


def items(graph: Graph, references: References) -> list[dict[str, Any]]:
    """Agenda items and their decisions, newest meeting first (as on /beslutninger/)."""
    assert ITEMS.listing is not None and ITEMS.listing.rows is not None
    result = []
    for i in ITEMS.listing.rows(graph):
        m = graph.follow(i, "meeting") or {}  # always found: the listing has the items of a meeting
        result.append(
            _row(
                "items",
                id=i["id"],
                url=_url(graph, "items", i["id"]),
                meeting=i["meeting"],
                kkr=graph.label("kkr", m.get("kkr")),
                kkr_id=m.get("kkr"),
                date=m.get("date"),
                appointments=_appointments("items.appointments", i),
                references=references.get(("items", i["id"]), []),
                sections=i.get("sections") or {},
                **{k: i.get(k) for k in ("number", "section", "title", "case_id", "decision", "source")},
            )
        )
    return result


def people(graph: Graph) -> list[dict[str, Any]]:
    return [
        _row(
            "people",
            id=p["id"],
            url=_url(graph, "people", p["id"]),
            name=p.get("name"),
            party=p.get("party"),
            kommune=graph.label("kommuner", p.get("kommune")),
            kommune_id=p.get("kommune"),
            meetings=[
                _row("people.meetings", meeting=b.entity["id"], role=b.ref.steps[0].removesuffix("[]"))
                for b in graph.reverse("people", p["id"], "attendance")
            ],
            appointments=[
                _row(
                    "people.appointments",
                    item=b.entity["id"],
                    body=b.holder.get("body"),
                    representing=b.holder.get("representing"),
                )
                for b in graph.reverse("people", p["id"], "appointments")
            ],
        )
        for p in sorted(graph.all("people"), key=lambda p: p["name"])
    ]


def kommuner(graph: Graph) -> list[dict[str, Any]]:
    return [
        _row(
            "kommuner",
            id=k["id"],
            url=_url(graph, "kommuner", k["id"]),
            name=k["name"],
            code=k.get("code"),
            region=k.get("region"),
            kkr=k.get("kkr"),
            networks=[n["id"] for n in graph.referrers("kommuner", k["id"], "networks")],
            experiments=[e["id"] for e in graph.referrers("kommuner", k["id"], "experiments")],
        )
        for k in graph.all("kommuner")
    ]


def laws_api(laws: Mapping[str, LawInfo], backlinks: Backlinks) -> list[dict[str, Any]]:
    """One row per law with a page (``laws``): the catalogue's, then those it lacks (``known`` false)."""
    by_law = backlinks.by_law()
    rows = []
    for law, info in laws.items():
        counts = Counter(o.paragraph for o in by_law.get(law, []) if o.paragraph)
        provisions = [
            _row("laws.provisions", paragraph=p, url=f"/{provision_url(law, provision_id(law, p))}", count=n)
            for p, n in sorted(counts.items())
        ]
        rows.append(_row(
            "laws", id=law, url=f"/{law_url(law)}", title=info.title, aliases=info.aliases,
            retsinformation=info.url, known=info.known, provisions=provisions,
            mentions=len(backlinks.mentions.get(law, [])),
        ))  # fmt: skip
    return rows


def references_api(backlinks: Backlinks) -> list[dict[str, Any]]:
    """The API's ``references``: one row per occurrence; ids number the occurrences of each
    citing page in text order."""
    rows = []
    seen: Counter[tuple[str, str]] = Counter()
    for occurrence in backlinks.occurrences:
        key = (occurrence.entity_kind, occurrence.entity_id)
        seen[key] += 1
        rows.append({"id": f"{key[0]}/{key[1]}/{seen[key]}", **occurrence.as_json()})
    return rows


def build_api(
    graph: Graph, laws: list[dict[str, Any]] | None = None, references: list[dict[str, Any]] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Every API file's content, by file name."""
    by_entity: References = {}
    for ref in references or []:
        by_entity.setdefault((ref.get("entity_kind", ""), ref.get("entity_id", "")), []).append(ref)
    return {
        "kkr.json": kkr(graph),
        "items.json": items(graph, by_entity),
        "people.json": people(graph),
        "experiments.json": experiments(graph, by_entity),
        "networks.json": networks(graph),
        "meetings.json": meetings(graph, by_entity),
        "documents.json": documents(graph),
        "kommuner.json": kommuner(graph),
        "laws.json": laws or [],
        "references.json": references or [],
    }


def serialise(api: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    """The API files' text by site path (``api/experiments.json`` …)."""
    return {f"api/{name}": to_json(rows) for name, rows in api.items()}
