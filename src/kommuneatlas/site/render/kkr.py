"""The KKR pages: each KKR's page, and the whole lists of its meetings, decisions, appointments, documents and networks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...model.dataset import Entity
from ...model.urls import calendar_url, feed_url
from ...text.danish_format import danish_date
from ..context import BuildContext
from .environment import time_element
from .listings import RelatedLists
from .page import Page, entity_links, render_entity_page
from .paging import PREVIEW_ROWS


def kkr_pages(ctx: BuildContext, kkr: Entity) -> Iterator[Page]:
    """The KKR's page (its kommuner, meetings, decisions, appointments, documents and networks, each
    list shortened to a preview), then the whole lists' own pages where they are long."""
    graph = ctx.graph
    meetings = graph.referrers("kkr", kkr["id"], "meetings")
    items = [(m, i) for m in meetings for i in graph.referrers("meetings", m["id"], "items")]
    lists = RelatedLists(ctx, "kkr", kkr, PREVIEW_ROWS // 2)  # six lists on one page: shorter previews
    name = kkr["name"]
    yield render_entity_page(
        ctx,
        "kkr",
        kkr,
        feeds=[
            {"title": f"Nyt fra {name}", "url": feed_url(kkr["id"]), "type": "application/atom+xml"},
            {"title": f"Møder i {name}", "url": calendar_url(kkr["id"]), "type": "text/calendar"},
        ],
        subscribe=[
            (f"Nyt fra {name} (Atom)", feed_url(kkr["id"])),
            ("Møderne i din kalender (iCalendar)", calendar_url(kkr["id"])),
        ],
        kkr=kkr,
        kommuner=entity_links(ctx, "kommuner", kkr["kommuner"]),
        meetings=lists.add("moeder", "Møder", ["Dato", "Dagsordenspunkter"], _meeting_rows(ctx, meetings)),
        decisions=lists.add(
            "beslutninger",
            "Beslutninger",
            ["Møde", "Punkt", "Titel"],
            [
                [time_element(m["date"]), i["number"], (graph.url("items", i["id"]), i["title"])]
                for m, i in items
            ],
        ),
        appointments=lists.add(
            "udpegninger",
            "Udpegninger",
            ["Organ", "Person", "Repræsenterer", "Punkt"],
            _appointment_rows(ctx, [i for _, i in items]),
        ),
        kkr_documents=lists.add(
            "dokumenter",
            "Dokumenter",
            ["Dokument"],
            [
                [(graph.url("documents", d["id"]), d["title"])]
                for d in graph.referrers("kkr", kkr["id"], "documents")
            ],
        ),
        networks=lists.add(
            "frikommunenetvaerk",
            "Frikommunenetværk",
            ["Netværk", f"Kommuner fra {name}"],
            _network_rows(ctx, set(kkr["kommuner"])),
        ),
    )
    yield from lists.pages


def _meeting_rows(ctx: BuildContext, meetings: list[Entity]) -> list[list[Any]]:
    graph = ctx.graph
    return [
        [
            (graph.url("meetings", m["id"]), danish_date(m["date"])),
            len(graph.referrers("meetings", m["id"], "items")),
        ]
        for m in meetings
    ]


def _appointment_rows(ctx: BuildContext, items: list[Entity]) -> list[list[Any]]:
    graph = ctx.graph
    return [
        [
            a.get("body"),
            (graph.url("people", a.get("person")), a.get("name")),
            a.get("representing"),
            (graph.url("items", i["id"]), i["number"]),
        ]
        for i in items
        for a in i.get("appointments") or []
    ]


def _network_rows(ctx: BuildContext, members: set[str]) -> list[list[Any]]:
    """The networks with kommuner among ``members``, by number, and which of them."""
    graph = ctx.graph
    return [
        [
            (graph.url("networks", n["id"]), n["name"]),
            ", ".join(str(graph.label("kommuner", k)) for k in n.get("kommuner", []) if k in members),
        ]
        for n in sorted(graph.all("networks"), key=lambda n: n["number"])
        if members & set(n.get("kommuner") or [])
    ]
