"""The meeting and agenda item (decision) pages."""

from __future__ import annotations

from typing import Any

from ...model.dataset import Entity
from ...model.kinds import MEETINGS
from ..context import BuildContext
from .linker import Linker
from .page import Page, render_entity_page

ITEM_SECTIONS = [
    ("baggrund", "Baggrund"),
    ("indstilling", "Indstilling"),
    ("sagsfremstilling", "Sagsfremstilling"),
    ("beslutning", "Beslutning"),
]


def _people_rows(ctx: BuildContext, linker: Linker, people: list[dict[str, Any]]) -> list[list[Any]]:
    graph = ctx.graph
    return [
        [
            linker.a(graph.url("people", p.get("person")), p.get("name")),
            p.get("party"),
            linker.a(graph.url("kommuner", p["kommune"]), graph.label("kommuner", p["kommune"]))
            if p.get("kommune")
            else "",
        ]
        for p in people
    ]


def meeting_pages(ctx: BuildContext, meeting: Entity) -> list[Page]:
    """The meeting's page: its agenda items, participants and absentees."""
    graph = ctx.graph
    linker = Linker(graph.url_of("meetings", meeting) or "", ctx.finder)
    page = render_entity_page(
        ctx,
        "meetings",
        meeting,
        meeting=meeting,
        kkr_url=graph.url("kkr", meeting["kkr"]),
        kkr_name=graph.label("kkr", meeting["kkr"]),
        items=[
            [i["number"], linker.a(graph.url("items", i["id"]), i["title"]), i.get("case_id")]
            for i in graph.referrers("meetings", meeting["id"], "items")
        ],
        participants=_people_rows(ctx, linker, meeting.get("participants") or []),
        absent=_people_rows(ctx, linker, meeting.get("absent") or []),
    )
    return [page]


def item_pages(ctx: BuildContext, item: Entity) -> list[Page]:
    """The agenda item's page: its sections, decision and appointments, linked to its meeting."""
    graph = ctx.graph
    linker = Linker(graph.url_of("items", item) or "", ctx.finder)
    meeting = graph.follow(item, "meeting")
    assert meeting is not None  # an item has a URL, so a page, only below its meeting
    meeting_label = MEETINGS.label_of(meeting, graph)
    page = render_entity_page(
        ctx,
        "items",
        item,
        item=item,
        section_labels=ITEM_SECTIONS,
        meeting_url=graph.url_of("meetings", meeting),
        meeting_label=meeting_label,
        description=f"{meeting_label}, punkt {item['number']}: {item['title']}",
        appointments=[
            [
                a.get("body"),
                linker.a(graph.url("people", a.get("person")), a.get("name")),
                a.get("representing"),
                a.get("appointed_by"),
            ]
            for a in item.get("appointments") or []
        ],
    )
    return [page]
