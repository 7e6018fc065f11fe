"""The frikommune network and experiment pages."""

from __future__ import annotations

from collections.abc import Iterator

from ...model.dataset import Entity
from ..context import BuildContext
from .environment import time_element
from .listings import RelatedLists
from .page import Page, entity_links, render_entity_page

NETWORK_CHAPTERS = [
    ("introduction", "Introduktion"),
    ("data_sources", "Datagrundlag"),
    ("status", "Status"),
    ("experiences", "Foreløbige erfaringer"),
]


def network_pages(ctx: BuildContext, network: Entity) -> Iterator[Page]:
    """The network's page (its kommuner, chapters and experiments), then the whole list's pages."""
    graph = ctx.graph
    lists = RelatedLists(ctx, "networks", network)
    yield render_entity_page(
        ctx,
        "networks",
        network,
        network=network,
        kommuner=entity_links(ctx, "kommuner", network.get("kommuner")),
        inactive=entity_links(ctx, "kommuner", network.get("inactive_kommuner")),
        experiments=lists.add(
            "forsoeg",
            "Forsøg",
            ["Forsøg", "Kommuner", "Ikrafttrædelse"],
            [
                [
                    (graph.url("experiments", e["id"]), e["title"]),
                    ", ".join(str(label) for label in graph.labels("kommuner", e.get("kommuner"))),
                    time_element(e.get("in_force")),
                ]
                for e in graph.referrers("networks", network["id"], "experiments")
            ],
        ),
        chapter_labels=NETWORK_CHAPTERS,
    )
    yield from lists.pages


def experiment_pages(ctx: BuildContext, experiment: Entity) -> list[Page]:
    """The experiment's page, linked to its network and kommuner."""
    graph = ctx.graph
    network = graph.follow(experiment, "network")
    page = render_entity_page(
        ctx,
        "experiments",
        experiment,
        experiment=experiment,
        network_url=graph.url_of("networks", network) if network else None,
        network_label=f"{network['number']}. {network['name']}" if network else experiment.get("network"),
        kommuner=entity_links(ctx, "kommuner", experiment.get("kommuner")),
    )
    return [page]
