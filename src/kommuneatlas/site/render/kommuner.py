"""The kommune pages: each kommune's page, and the whole lists of its networks, experiments and people."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...model.dataset import Entity
from ..context import BuildContext
from .environment import time_element
from .listings import RelatedLists
from .page import Page, render_entity_page


def kommune_pages(ctx: BuildContext, kommune: Entity) -> Iterator[Page]:
    """The kommune's page (its KKR, networks, experiments and people), then the whole lists' pages."""
    graph = ctx.graph
    kkr = graph.follow(kommune, "kkr") or {}
    lists = RelatedLists(ctx, "kommuner", kommune)
    yield render_entity_page(
        ctx,
        "kommuner",
        kommune,
        kommune=kommune,
        kkr_url=graph.url("kkr", kommune["kkr"]),
        kkr_name=kkr.get("name", kommune["kkr"]),
        networks=lists.add(
            "frikommunenetvaerk",
            "Frikommunenetværk",
            ["Netværk"],
            [
                [(graph.url("networks", n["id"]), n["name"])]
                for n in graph.referrers("kommuner", kommune["id"], "networks")
            ],
        ),
        experiments=lists.add(
            "forsoeg",
            "Frikommuneforsøg",
            ["Forsøg", "Netværk", "Ikrafttrædelse"],
            [
                [
                    (graph.url("experiments", e["id"]), e["title"]),
                    (graph.url("networks", e.get("network")), _network_number(ctx, e)),
                    time_element(e.get("in_force")),
                ]
                for e in graph.referrers("kommuner", kommune["id"], "experiments")
            ],
        ),
        people=lists.add(
            "personer",
            "Personer",
            ["Navn"],
            [
                [(graph.url("people", p["id"]), p["name"])]
                for p in graph.referrers("kommuner", kommune["id"], "people")
            ],
        ),
    )
    yield from lists.pages


def _network_number(ctx: BuildContext, experiment: Entity) -> Any:
    network = ctx.graph.follow(experiment, "network")
    return network["number"] if network else experiment.get("network")
