"""The pages of the people named in the minutes: participants and appointees."""

from __future__ import annotations

from collections.abc import Iterator

from ...model.dataset import Entity
from ..context import BuildContext
from .listings import RelatedLists
from .page import Page, render_entity_page

ROLES = {"participants[].person": "deltager", "absent[].person": "afbud"}
"""A person's role at a meeting, by the reference that names them."""


def person_pages(ctx: BuildContext, person: Entity) -> Iterator[Page]:
    """The person's page (meetings attended, appointments), then the whole lists' pages."""
    graph = ctx.graph
    lists = RelatedLists(ctx, "people", person)
    yield render_entity_page(
        ctx,
        "people",
        person,
        person=person,
        kommune_url=graph.url("kommuner", person.get("kommune")),
        kommune_name=graph.label("kommuner", person.get("kommune")),
        meetings=lists.add(
            "moeder",
            "Møder",
            ["Møde", "Rolle"],
            [
                [
                    (graph.url("meetings", b.entity["id"]), graph.label("meetings", b.entity["id"])),
                    ROLES[b.ref.path],
                ]
                for b in graph.reverse("people", person["id"], "attendance")
            ],
        ),
        appointments=lists.add(
            "udpegninger",
            "Udpegninger",
            ["Organ", "Repræsenterer", "Beslutning"],
            [
                [
                    b.holder.get("body"),
                    b.holder.get("representing"),
                    (graph.url("items", b.entity["id"]), b.entity["title"]),
                ]
                for b in graph.reverse("people", person["id"], "appointments")
            ],
        ),
    )
    yield from lists.pages
