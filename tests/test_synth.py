"""The synthetic corpus (``kommuneatlas synth``): every format extracts, counts scale, output is
deterministic, and no sentence of the bundled documents is reproduced."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, SOURCES
from kommuneatlas.cli import main
from kommuneatlas.extract.check import check_sources
from kommuneatlas.extract.registry import extractor_for
from kommuneatlas.extract.run import extract_all
from kommuneatlas.model.validate import validate_data
from kommuneatlas.sources.manifest import SourceDocument, load_manifest
from kommuneatlas.sources.reference import KommuneIndex
from kommuneatlas.synth import appendix, corpus_documents, frikommune, grant, minutes, proposal, write_corpus
from kommuneatlas.synth.context import Context, Document

DATA = REPO / "data"
FORMATS: dict[str, Callable[[Context], Document]] = {
    "kkr-minutes": minutes.kkr_minutes,
    "kkr-appendix-bundle": appendix.kkr_appendix_bundle,
    "frikommune-status": frikommune.frikommune_status,
    "regional-proposal": proposal.regional_proposal,
    "grant-commitment": grant.grant_commitment,
}


def _as_source(document: Document, folder: Path) -> SourceDocument:
    path = folder / f"{document.id}.txt"
    path.write_text(document.text, encoding="utf-8")
    lines = tuple(document.text.splitlines())
    return SourceDocument(
        document.id, path.name, document.title, document.publisher, document.date, document.kind, path, lines
    )


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_each_format_extracts_with_the_counts_it_promises(
    kind: str, kommuner: KommuneIndex, tmp_path: Path
) -> None:
    ctx = Context(random.Random(kind), kommuner)
    for _ in range(4):
        document = FORMATS[kind](ctx)
        assert document.kind == kind
        records = extractor_for(_as_source(document, tmp_path))(_as_source(document, tmp_path), kommuner)
        found = Counter(record.kind for record in records)
        assert {k: found[k] for k in document.counts} == document.counts, document.id


def _extracted(out: Path, kommuner: KommuneIndex) -> Counter[str]:
    records = extract_all(out / "sources", kommuner, progress=lambda _: None)
    return Counter(record.kind for record in records)


def test_scale_two_gives_twice_the_entities(kommuner: KommuneIndex, tmp_path: Path) -> None:
    one = write_corpus(tmp_path / "one", 1, data=DATA, seed=1)
    two = write_corpus(tmp_path / "two", 2, data=DATA, seed=1)
    found_one, found_two = _extracted(tmp_path / "one", kommuner), _extracted(tmp_path / "two", kommuner)
    for kind in ("documents", "meetings", "networks", "experiments"):
        assert found_two[kind] == 2 * found_one[kind] > 0, kind
    for corpus, found in ((one, found_one), (two, found_two)):
        for kind, count in corpus.counts.items():
            assert found[kind] == count, kind
    assert found_one["kommuner"] == found_two["kommuner"] == 98  # the reference list, not scaled


def test_the_corpus_is_a_data_folder_the_pipeline_reads(tmp_path: Path) -> None:
    assert main(["synth", "--scale", "1", "--out", str(tmp_path), "--data", str(DATA)]) == 0
    assert (tmp_path / "reference" / "kommuner.yaml").read_bytes() == (
        DATA / "reference" / "kommuner.yaml"
    ).read_bytes()
    assert (tmp_path / "laws.yaml").read_bytes() == (DATA / "laws.yaml").read_bytes()
    documents = load_manifest(tmp_path / "sources")
    assert sorted(d.kind for d in documents) == sorted(FORMATS)
    assert len({d.id for d in documents}) == len(documents)
    assert check_sources(tmp_path / "sources") == []


def test_the_extracted_corpus_is_valid_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What the benchmarks build: every record extraction writes passes validation (seed 0 draws an
    appendix bundle without a financing table, among others)."""
    assert main(["synth", "--scale", "1", "--out", str(tmp_path), "--data", str(DATA), "--seed", "0"]) == 0
    assert main(["extract", "--sources", str(tmp_path / "sources"), "--data", str(tmp_path)]) == 0
    capsys.readouterr()
    assert validate_data(tmp_path) == []


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    reference = DATA / "reference" / "kommuner.yaml"
    first, again, other = (corpus_documents(2, reference, seed) for seed in (5, 5, 6))
    assert [d.text for d in first] == [d.text for d in again]
    assert [d.id for d in first] == [d.id for d in again]
    assert [d.text for d in first] != [d.text for d in other]


def _sentences(text: str) -> set[str]:
    """Sentences of at least 50 characters, with line breaks and soft hyphens undone."""
    joined = re.sub(r"(?<=[a-zæøå])-\s*\n\s*(?=[a-zæøå])", "", text)
    joined = " ".join(joined.split())
    return {s for s in re.split(r"(?<=[.!?])\s+", joined) if len(s) >= 50}


def test_no_sentence_of_the_bundled_documents_is_reproduced() -> None:
    seeds = set().union(*(_sentences(path.read_text(encoding="utf-8")) for path in SOURCES.glob("*.txt")))
    generated = set().union(
        *(_sentences(d.text) for d in corpus_documents(3, DATA / "reference" / "kommuner.yaml", 2))
    )
    assert seeds & generated == set()
