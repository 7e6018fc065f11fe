"""The open-data JSON API under ``site/api/``: one array of objects per entity type.

Every object has ``id`` and ``url`` (site-relative, leading slash). Fields are listed in
the README. Pure functions build the arrays; :func:`write_api` is the only I/O.
"""

from __future__ import annotations

from typing import Any

from ..model.dataset import SiteData
from ..model.graph import Indexes, build_indexes
from ..sources.reference import kkr_id
from ..store.json import to_json


def _url(ix: Indexes, kind: str, entity_id: str | None) -> str | None:
    url = ix.url(kind, entity_id)
    return f"/{url}" if url is not None else None


def _people(rows: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return [{"name": p.get("name"), "party": p.get("party"), "kommune": p.get("kommune")} for p in rows or []]


def experiments(
    site: SiteData, ix: Indexes, references: dict[tuple[str, str], list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    keys = (
        "network",
        "title",
        "kommuner",
        "kommuner_raw",
        "content",
        "target_group",
        "hjemmel",
        "in_force",
        "implementation",
        "evaluation",
    )
    return [
        {
            "id": e["id"],
            "url": _url(ix, "experiments", e["id"]),
            **{k: e.get(k) for k in keys},
            "references": references.get(("experiments", e["id"]), []),
            "source": e.get("source"),
        }
        for e in site.all("experiments")
    ]


def networks(site: SiteData, ix: Indexes) -> list[dict[str, Any]]:
    return [
        {
            "id": n["id"],
            "url": _url(ix, "networks", n["id"]),
            "number": n.get("number"),
            "name": n.get("name"),
            "kommuner": n.get("kommuner") or [],
            "inactive_kommuner": n.get("inactive_kommuner") or [],
            "approved_count": n.get("approved_count"),
            "active": n.get("active", True),
            "experiments": [e["id"] for e in ix.experiments_by_network[n["id"]]],
            "notes": n.get("notes") or [],
        }
        for n in sorted(site.all("networks"), key=lambda n: n.get("number", 0))
    ]


def meetings(
    site: SiteData, ix: Indexes, references: dict[tuple[str, str], list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    result = []
    for m in site.all("meetings"):
        items = [
            {
                "number": i.get("number"),
                "title": i.get("title"),
                "case_id": i.get("case_id"),
                "sections": i.get("sections") or {},
                "decision": i.get("decision"),
                "appointments": [
                    {k: a.get(k) for k in ("body", "name", "representing", "appointed_by")}
                    for a in i.get("appointments") or []
                ],
                "references": references.get(("items", i["id"]), []),
                "url": _url(ix, "items", i["id"]),
                "id": i["id"],
            }
            for i in ix.items_by_meeting[m["id"]]
        ]
        result.append(
            {
                "id": m["id"],
                "url": _url(ix, "meetings", m["id"]),
                "kkr": m.get("kkr"),
                "kkr_id": kkr_id(m["kkr"]),
                "date": m.get("date"),
                "status": m.get("status") or "referat",
                "previous_meeting": m.get("previous_meeting"),
                "next_meeting": m.get("next_meeting"),
                "participants": _people(m.get("participants")),
                "absent": _people(m.get("absent")),
                "items": items,
                "source": m.get("source"),
            }
        )
    return result


def _checked_financing(document: dict[str, Any]) -> dict[str, Any]:
    """The document with its financing table's sum check recomputed from the rows as they are now
    (an editor may have corrected an amount since extraction)."""
    financing = document.get("financing")
    if not isinstance(financing, dict):
        return document
    total = financing.get("total_tkr")
    row_sum = sum(row.get("amount_tkr") or 0 for row in financing.get("rows") or [])
    return {**document, "financing": {**financing, "sum_ok": total is not None and row_sum == total}}


def documents(site: SiteData, ix: Indexes) -> list[dict[str, Any]]:
    return [
        {
            "url": _url(ix, "documents", d["id"]),
            **_checked_financing(d),
            "source": {"document": d["id"], "file": d.get("file")},
        }
        for d in site.all("documents")
    ]


def kkr(site: SiteData, ix: Indexes) -> list[dict[str, Any]]:
    return [
        {
            "id": k["id"],
            "url": _url(ix, "kkr", k["id"]),
            "name": k.get("name"),
            "region": k.get("region"),
            "kommuner": k.get("kommuner") or [],
            "meetings": [m["id"] for m in ix.meetings_by_kkr[k["id"]]],
        }
        for k in site.all("kkr")
    ]


def items(
    site: SiteData, ix: Indexes, references: dict[tuple[str, str], list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    """Agenda items and their decisions, newest meeting first (as on /beslutninger/)."""
    result = []
    for m in sorted(site.all("meetings"), key=lambda m: str(m.get("date")), reverse=True):
        for i in ix.items_by_meeting[m["id"]]:
            result.append(
                {
                    "id": i["id"],
                    "url": _url(ix, "items", i["id"]),
                    "meeting": m["id"],
                    "kkr": m.get("kkr"),
                    "date": m.get("date"),
                    "number": i.get("number"),
                    "section": i.get("section"),
                    "title": i.get("title"),
                    "case_id": i.get("case_id"),
                    "decision": i.get("decision"),
                    "sections": i.get("sections") or {},
                    "appointments": [
                        {k: a.get(k) for k in ("body", "name", "representing", "appointed_by")}
                        for a in i.get("appointments") or []
                    ],
                    "references": references.get(("items", i["id"]), []),
                    "source": i.get("source"),
                }
            )
    return result


def people(site: SiteData, ix: Indexes) -> list[dict[str, Any]]:
    return [
        {
            "id": p["id"],
            "url": _url(ix, "people", p["id"]),
            "name": p.get("name"),
            "party": p.get("party"),
            "kommune": p.get("kommune"),
            "meetings": [{"meeting": m["id"], "role": role} for m, role in ix.attendance[p["id"]]],
            "appointments": [
                {"item": i["id"], "body": a.get("body"), "representing": a.get("representing")}
                for i, a in ix.appointments_by_person[p["id"]]
            ],
        }
        for p in sorted(site.all("people"), key=lambda p: p["name"])
    ]


def kommuner(site: SiteData, ix: Indexes) -> list[dict[str, Any]]:
    return [
        {
            "id": k["id"],
            "url": _url(ix, "kommuner", k["id"]),
            "name": k["name"],
            "code": k.get("code"),
            "region": k.get("region"),
            "kkr": k.get("kkr"),
            "networks": [n["id"] for n in ix.networks_by_kommune[k["name"]]],
            "experiments": [e["id"] for e in ix.experiments_by_kommune[k["name"]]],
        }
        for k in site.all("kommuner")
    ]


def build_api(
    site: SiteData, laws: list[dict[str, Any]] | None = None, references: list[dict[str, Any]] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Every API file's content, by file name."""
    ix = build_indexes(site)
    by_entity: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for ref in references or []:
        by_entity.setdefault((ref.get("entity_kind", ""), ref.get("entity_id", "")), []).append(ref)
    return {
        "kkr.json": kkr(site, ix),
        "items.json": items(site, ix, by_entity),
        "people.json": people(site, ix),
        "experiments.json": experiments(site, ix, by_entity),
        "networks.json": networks(site, ix),
        "meetings.json": meetings(site, ix, by_entity),
        "documents.json": documents(site, ix),
        "kommuner.json": kommuner(site, ix),
        "laws.json": laws or [],
        "references.json": references or [],
    }


def serialise(api: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    """The API files' text by site path (``api/experiments.json`` …)."""
    return {f"api/{name}": to_json(rows) for name, rows in api.items()}
