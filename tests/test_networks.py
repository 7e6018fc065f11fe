"""Experiments name their network by id, so two status reports with a network of the same number
keep their experiments apart (how old files that named the number are converted: test_upgrade)."""

from __future__ import annotations

from pathlib import Path

from kommuneatlas.model.dataset import Dataset
from kommuneatlas.model.graph import Graph
from kommuneatlas.site.api import networks as networks_api


def _network(document: str, number: int) -> dict[str, object]:
    return {"id": f"{document}-{number}", "number": number, "name": f"Netværk fra {document}",
            "source": {"document": document, "first_line": 1, "last_line": 2}}  # fmt: skip


def _experiment(eid: str, network: str) -> dict[str, object]:
    return {"id": eid, "title": eid, "network": network, "kommuner": []}


def _graph(networks: list[dict[str, object]], experiments: list[dict[str, object]]) -> Graph:
    site = Dataset(root=Path("."))
    site.entities = {
        "networks": {str(n["id"]): n for n in networks},
        "experiments": {str(e["id"]): e for e in experiments},
    }
    return Graph(site)


def test_two_reports_with_the_same_network_number_keep_their_experiments_apart() -> None:
    graph = _graph(
        [_network("rapport-a", 7), _network("rapport-b", 7)],
        [
            _experiment("x-a", "rapport-a-7"),
            _experiment("x-b", "rapport-b-7"),
            _experiment("y-b", "rapport-b-7"),
        ],
    )
    assert graph.follow(graph.get("experiments", "x-a"), "network")["id"] == "rapport-a-7"  # type: ignore[arg-type,index]
    assert [e["id"] for e in graph.referrers("networks", "rapport-a-7", "experiments")] == ["x-a"]
    assert [e["id"] for e in graph.referrers("networks", "rapport-b-7", "experiments")] == ["x-b", "y-b"]
    api = {n["id"]: n for n in networks_api(graph)}
    assert api["rapport-b-7"]["experiments"] == ["x-b", "y-b"] and api["rapport-b-7"]["number"] == 7


def test_an_experiment_of_no_network_has_no_breadcrumb_to_one() -> None:
    graph = _graph([_network("rapport-a", 7)], [_experiment("forkert", "rapport-a-3")])
    experiment = graph.get("experiments", "forkert")
    assert experiment is not None
    assert graph.follow(experiment, "network") is None
    assert graph.crumbs("experiments", experiment) == [("frikommuner/", "Frikommunenetværk")]
    assert graph.url("experiments", "forkert") == "forsoeg/forkert/"
