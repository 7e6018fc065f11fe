"""The citation engine against the hand-checked references in ../shared/gold/legal_refs.yaml.

Scored per (document, law, paragraph): a gold reference with paragraphs ["83", "85"] is two
items, a chapter reference one item per chapter ("kap. 10-12"). A found item matches a gold
item with the same document, law and paragraph whose lines overlap it, so a right law on
the wrong line does not count. The two gold references written without § or chapter
(marked ``borderline``: "Målgruppe 2.1 og målgruppe 2.2", "bilag 2 i …") are outside the
engine's grammar and not scored.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pytest

from conftest import REPO, load_gold
from kommuneatlas.citations import LawCatalogue, find_all, load_catalogue
from kommuneatlas.sources.manifest import SourceDocument

PRECISION = 0.97
RECALL = 0.95
INFERRED_RECALL = 0.90


@dataclass(frozen=True)
class Item:
    doc: str
    law: str | None
    key: str
    first_line: int
    last_line: int
    explicit: bool = True


@dataclass
class Score:
    found: int
    gold: int
    matched_found: int
    matched_gold: int

    @property
    def precision(self) -> float:
        return self.matched_found / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0


def _keys(paragraphs: Iterable[str], chapters: Iterable[str]) -> list[str]:
    return [*paragraphs, *(f"kap. {chapter}" for chapter in chapters)]


def gold_items(gold: dict[str, Any]) -> list[Item]:
    items: list[Item] = []
    for ref in gold["refs"]:
        if ref.get("borderline"):
            continue
        chapters = [ref["chapter"]] if ref.get("chapter") else []
        for key in _keys(ref["paragraphs"], chapters):
            items.append(
                Item(
                    ref["doc"],
                    ref["law"],
                    key,
                    ref["line"],
                    ref.get("end_line", ref["line"]),
                    ref["law_explicit"],
                )
            )
    return items


def gold_mentions(gold: dict[str, Any]) -> list[Item]:
    return [
        Item(m["doc"], m["law"], "", m["line"], m.get("end_line", m["line"]))
        for m in gold["whole_law_mentions"]
    ]


class Lines:
    """1-based line numbers of offsets in a document's text."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]

    def __call__(self, offset: int) -> int:
        return bisect_right(self.starts, offset)


def found_items(
    documents: dict[str, SourceDocument], catalogue: LawCatalogue
) -> tuple[list[Item], list[Item]]:
    items: list[Item] = []
    mentions: list[Item] = []
    for doc, document in sorted(documents.items()):
        text = document.text
        line = Lines(text)
        citations, law_mentions = find_all(text, catalogue)
        for citation in citations:
            first, last = line(citation.start), line(citation.end - 1)
            for key in _keys(citation.paragraphs, citation.chapter):
                items.append(Item(doc, citation.law, key, first, last, citation.explicit))
        for mention in law_mentions:
            mentions.append(Item(doc, mention.law, "", line(mention.start), line(mention.end - 1)))
    return items, mentions


def match(found: list[Item], gold: list[Item]) -> tuple[Score, list[Item], list[Item]]:
    """Greedy one-to-one matching on (doc, law, key) with overlapping lines."""
    unmatched = list(found)
    missed: list[Item] = []
    for item in gold:
        for candidate in unmatched:
            if (
                (candidate.doc, candidate.law, candidate.key) == (item.doc, item.law, item.key)
                and candidate.first_line <= item.last_line
                and item.first_line <= candidate.last_line
            ):
                unmatched.remove(candidate)
                break
        else:
            missed.append(item)
    score = Score(len(found), len(gold), len(found) - len(unmatched), len(gold) - len(missed))
    return score, unmatched, missed


@pytest.fixture(scope="module")
def catalogue() -> LawCatalogue:
    return load_catalogue(REPO / "data" / "laws.yaml")


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return load_gold("legal_refs.yaml")


def _report(title: str, score: Score, extra: list[Item], missed: list[Item]) -> None:
    print(
        f"\n{title}: precision {score.precision:.3f} ({score.matched_found}/{score.found}), "
        f"recall {score.recall:.3f} ({score.matched_gold}/{score.gold})"
    )
    for item in extra:
        print(f"  extra  {item}")
    for item in missed:
        print(f"  missed {item}")


def test_references_match_gold(
    documents: dict[str, SourceDocument], catalogue: LawCatalogue, gold: dict[str, Any]
) -> None:
    found, _ = found_items(documents, catalogue)
    expected = gold_items(gold)
    score, extra, missed = match(found, expected)
    _report("references", score, extra, missed)
    inferred = [item for item in expected if not item.explicit]
    inferred_score, _, inferred_missed = match(found, inferred)
    print(
        f"inferred: recall {inferred_score.recall:.3f} ({inferred_score.matched_gold}/{inferred_score.gold})"
    )
    for item in inferred_missed:
        print(f"  missed inferred {item}")
    assert score.precision >= PRECISION
    assert score.recall >= RECALL
    assert inferred_score.recall >= INFERRED_RECALL


def test_whole_law_mentions_scored(
    documents: dict[str, SourceDocument], catalogue: LawCatalogue, gold: dict[str, Any]
) -> None:
    _, mentions = found_items(documents, catalogue)
    score, extra, missed = match(mentions, gold_mentions(gold))
    _report("whole-law mentions", score, extra, missed)
    assert score.precision >= 0.9
    assert score.recall >= 0.9


def test_catalogue_covers_gold_laws(catalogue: LawCatalogue, gold: dict[str, Any]) -> None:
    assert set(gold["laws"]) <= set(catalogue.ids())
    for law_id, law in gold["laws"].items():
        for alias in law["aliases_seen"]:
            if " " not in alias or alias.lower().startswith(("lov ", "bekendtgørelse ")):
                assert law_id in catalogue.lookup(alias) or _resolves_in_text(alias, catalogue, law_id), alias


def _resolves_in_text(alias: str, catalogue: LawCatalogue, law_id: str) -> bool:
    citations, mentions = find_all(alias, catalogue)
    return any(m.law == law_id for m in mentions) or any(c.law == law_id for c in citations)
