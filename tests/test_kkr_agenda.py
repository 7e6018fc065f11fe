"""KKR agendas (issue 14, point 4): a dagsorden becomes the meeting and its items, marked as
agenda; the minutes arriving later update the same meeting and items, win over the agenda
whatever the manifest's order, and leave an editor's changes in place."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from conftest import REPO, edited_copy
from kommuneatlas.errors import ExtractionError
from kommuneatlas.extract.kkr_meeting import agenda as kkr_agenda
from kommuneatlas.extract.kkr_meeting import minutes as kkr_minutes
from kommuneatlas.extract.record import Record
from kommuneatlas.extract.run import run_extract
from kommuneatlas.sources.manifest import SourceDocument
from kommuneatlas.sources.reference import KommuneIndex
from kommuneatlas.synth.agenda import kkr_agenda_and_minutes
from kommuneatlas.synth.context import Context, Document


@pytest.fixture(scope="module")
def pair(kommuner: KommuneIndex) -> tuple[Document, Document]:
    return kkr_agenda_and_minutes(Context(random.Random(14), kommuner))


def _write_sources(folder: Path, documents: list[Document]) -> Path:
    """A sources folder with the documents in the manifest's order given."""
    sources = folder / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    entries = []
    for document in documents:
        (sources / f"{document.id}.txt").write_text(document.text, encoding="utf-8")
        entries.append(
            f"  - id: {document.id}\n    file: {document.id}.txt\n    title: {document.title}\n"
            f"    publisher: {document.publisher}\n    date: {document.date}\n    kind: {document.kind}\n"
        )
    (sources / "manifest.yaml").write_text("documents:\n" + "".join(entries), encoding="utf-8")
    return sources


def _extract(data: Path, documents: list[Document], kommuner: KommuneIndex) -> None:
    run_extract(_write_sources(data, documents), data, kommuner, progress=lambda _: None)


def _load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _meeting_and_items(data: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    (meeting_file,) = (data / "meetings").glob("*.yaml")
    meeting = _load(meeting_file)
    return meeting, [_load(data / "items" / f"{item}.yaml") for item in meeting["items"]]


def test_an_agenda_alone_gives_the_meeting_and_its_items_marked_as_agenda(
    pair: tuple[Document, Document], kommuner: KommuneIndex, tmp_path: Path
) -> None:
    agenda, _ = pair
    _extract(tmp_path, [agenda], kommuner)
    meeting, items = _meeting_and_items(tmp_path)
    assert meeting["status"] == "dagsorden"
    assert meeting["id"] == re.sub(r"-dagsorden$", "", agenda.id)
    assert meeting["date"] == agenda.date
    assert meeting["absent"] == []  # an agenda lists who is invited, not who sent apologies
    assert len(meeting["participants"]) == agenda.counts["people"]
    assert len(items) == agenda.counts["items"]
    assert all(item["status"] == "dagsorden" and item["decision"] is None for item in items)
    assert all(item["appointments"] == [] for item in items)
    assert all(set(item["sections"]) == {"baggrund", "indstilling", "sagsfremstilling"} for item in items)
    assert meeting["source"]["document"] == agenda.id


@pytest.mark.parametrize("agenda_first", [True, False])
def test_the_minutes_take_over_the_same_meeting_whatever_the_order(
    pair: tuple[Document, Document], kommuner: KommuneIndex, tmp_path: Path, agenda_first: bool
) -> None:
    agenda, minutes = pair
    _extract(tmp_path, [agenda], kommuner)
    before_meeting, before_items = _meeting_and_items(tmp_path)
    _extract(tmp_path, [agenda, minutes] if agenda_first else [minutes, agenda], kommuner)
    meeting, items = _meeting_and_items(tmp_path)
    assert meeting["id"] == before_meeting["id"]
    assert [item["id"] for item in items] == [item["id"] for item in before_items]
    assert meeting["status"] == "referat" and all(item["status"] == "referat" for item in items)
    assert meeting["source"]["document"] == minutes.id  # provenance: the minutes
    assert all(item["source"]["document"] == minutes.id for item in items)
    assert sum(item["decision"] is not None for item in items) >= len(items) - 2  # 1.1, 1.2 decide nothing
    assert meeting["absent"]  # the minutes say who sent apologies
    assert any(item["appointments"] for item in items)
    assert len(list((tmp_path / "meetings").glob("*.yaml"))) == 1


def test_an_editors_change_made_after_the_agenda_survives_the_minutes(
    pair: tuple[Document, Document], kommuner: KommuneIndex, tmp_path: Path
) -> None:
    agenda, minutes = pair
    _extract(tmp_path, [agenda], kommuner)
    _, items = _meeting_and_items(tmp_path)
    path = tmp_path / "items" / f"{items[3]['id']}.yaml"
    original_title = items[3]["title"]
    text = path.read_text(encoding="utf-8")
    edited = text.replace(f"title: {original_title}", "title: Rettet titel  # rettet af redaktionen")
    assert edited != text
    path.write_text(edited + "note: Tilføjet af en redaktør\n", encoding="utf-8")

    _extract(tmp_path, [agenda, minutes], kommuner)
    text = path.read_text(encoding="utf-8")
    item = _load(path)
    assert item["title"] == "Rettet titel" and "# rettet af redaktionen" in text
    assert item["note"] == "Tilføjet af en redaktør"
    assert item["status"] == "referat" and item["decision"]  # the minutes' facts arrived


def _records_of(records: list[Record], kind: str) -> list[Record]:
    return [record for record in records if record.kind == kind]


def test_the_bundled_minutes_without_decisions_read_as_their_agenda(
    documents: dict[str, SourceDocument], kommuner: KommuneIndex
) -> None:
    minutes = documents["002"]
    lines = list(minutes.lines)
    kept: list[str] = []
    skipping = False
    for line in lines:  # drop every "Beslutning" sub-section, up to the next item or section heading
        text = line.strip()
        if text == "Beslutning":
            skipping = True
        elif re.match(r"\d+\.(?:\d+\.?)?\s+[A-ZÆØÅ]", text):
            skipping = False
        kept.append("" if skipping else line)
    agenda = kkr_agenda.extract(edited_copy(minutes, "\n".join(kept)), kommuner)
    referat = kkr_minutes.extract(minutes, kommuner)
    assert [r.id for r in _records_of(agenda, "items")] == [r.id for r in _records_of(referat, "items")]
    assert _records_of(agenda, "meetings")[0].id == "kkr-nordjylland-2022-03-25"
    assert all(r.precedence < 0 for r in agenda) and all(r.precedence == 0 for r in referat)
    assert {r.data["status"] for r in _records_of(agenda, "items")} == {"dagsorden"}


def test_minutes_given_as_an_agenda_are_an_error(
    documents: dict[str, SourceDocument], kommuner: KommuneIndex
) -> None:
    with pytest.raises(ExtractionError) as caught:
        kkr_agenda.extract(documents["002"], kommuner)
    problem = caught.value.problems[0]
    assert problem.line == 346  # the first "Beslutning" (item 2.1)
    assert "har en beslutning: dokumentet er et referat, ikke en dagsorden" in problem.message


def test_the_status_is_in_the_schemas() -> None:
    for name in ("meetings", "items"):
        schema = _load(REPO / "schemas" / f"{name}.schema.json")
        assert schema["properties"]["status"]["enum"] == ["dagsorden", "referat"]
