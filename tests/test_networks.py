"""Experiments find their network by number within their own status report."""

from __future__ import annotations

from pathlib import Path

from kommuneatlas.model.dataset import SiteData
from kommuneatlas.model.graph import build_indexes
from kommuneatlas.site.api import networks as networks_api


def _network(document: str, number: int) -> dict[str, object]:
    return {"id": f"{document}-{number}", "number": number, "name": f"Netværk fra {document}",
            "source": {"document": document, "first_line": 1, "last_line": 2}}  # fmt: skip


def _experiment(eid: str, number: int, document: str | None) -> dict[str, object]:
    source = {"document": document, "first_line": 3, "last_line": 4} if document else None
    return {"id": eid, "title": eid, "network": number, "source": source}


def _site(networks: list[dict[str, object]], experiments: list[dict[str, object]]) -> SiteData:
    site = SiteData(root=Path("."))
    site.entities = {
        "networks": {str(n["id"]): n for n in networks},
        "experiments": {str(e["id"]): e for e in experiments},
    }
    return site


def test_two_reports_with_the_same_network_number_keep_their_experiments_apart() -> None:
    site = _site(
        [_network("rapport-a", 7), _network("rapport-b", 7)],
        [
            _experiment("x-a", 7, "rapport-a"),
            _experiment("x-b", 7, "rapport-b"),
            _experiment("y-b", 7, "rapport-b"),
        ],
    )
    ix = build_indexes(site)
    assert ix.network(site.entities["experiments"]["x-a"])["id"] == "rapport-a-7"  # type: ignore[index]
    assert [e["id"] for e in ix.experiments_by_network["rapport-a-7"]] == ["x-a"]
    assert [e["id"] for e in ix.experiments_by_network["rapport-b-7"]] == ["x-b", "y-b"]
    api = {n["id"]: n for n in networks_api(site, ix)}
    assert api["rapport-b-7"]["experiments"] == ["x-b", "y-b"] and api["rapport-b-7"]["number"] == 7


def test_a_hand_added_experiment_takes_the_only_network_with_its_number() -> None:
    site = _site(
        [_network("rapport-a", 7), _network("rapport-b", 7), _network("rapport-b", 3)],
        [
            _experiment("ny", 3, None),
            _experiment("tvetydig", 7, None),
            _experiment("forkert", 3, "rapport-a"),
        ],
    )
    ix = build_indexes(site)
    experiments = site.entities["experiments"]
    assert ix.network(experiments["ny"])["id"] == "rapport-b-3"  # type: ignore[index]
    assert ix.network(experiments["tvetydig"]) is None  # two networks numbered 7: no guess
    assert ix.network(experiments["forkert"]) is None  # rapport-a has no network 3
