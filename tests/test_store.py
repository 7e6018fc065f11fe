"""Extraction writes YAML without ever losing an editor's change (three-way merge)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kommuneatlas.errors import KommuneatlasError
from kommuneatlas.extract.record import Record
from kommuneatlas.extract.run import write_records
from kommuneatlas.store.json import compact_json, jsonable, to_json
from kommuneatlas.store.merge import merge
from kommuneatlas.store.yaml import dump, load_fast, load_round_trip, plain, round_trip, to_yaml_value


def _record(**fields: object) -> Record:
    data = {"id": "mikrolaan", "network": 1, "title": "Mikrolån", "kommuner": ["Aalborg"], **fields}
    return Record("experiments", "mikrolaan", data)


def test_first_write_has_schema_comment_and_order(tmp_path: Path) -> None:
    write_records([_record()], tmp_path)
    text = (tmp_path / "experiments" / "mikrolaan.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/experiments.schema.json\n")
    assert text.index("network:") < text.index("title:") < text.index("kommuner:")


def test_second_run_on_unchanged_sources_changes_no_byte(tmp_path: Path) -> None:
    write_records([_record()], tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.yaml")}
    report = write_records([_record()], tmp_path)
    assert report.written == []
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.yaml")} == before


def test_editor_edit_comment_and_added_field_survive_new_source_facts(tmp_path: Path) -> None:
    write_records([_record(hjemmel="§ 9")], tmp_path)
    path = tmp_path / "experiments" / "mikrolaan.yaml"
    edited = path.read_text(encoding="utf-8").replace(
        "title: Mikrolån", "title: Mikrolån til iværksættere  # rettet"
    )
    path.write_text(edited + "redaktoer_note: tjekket mod PDF\n", encoding="utf-8")
    report = write_records([_record(hjemmel="§ 10", evaluation="ny")], tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "title: Mikrolån til iværksættere  # rettet" in text
    assert "redaktoer_note: tjekket mod PDF" in text
    assert "hjemmel: § 10" in text  # a field the editor did not touch follows the source
    assert "evaluation: ny" in text  # new facts arrive
    assert report.conflicts == {}


def test_conflict_keeps_editor_value_and_is_reported(tmp_path: Path) -> None:
    write_records([_record()], tmp_path)
    path = tmp_path / "experiments" / "mikrolaan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Mikrolån", "title: Editorens titel"))
    report = write_records([_record(title="Kildens nye titel")], tmp_path)
    assert "title: Editorens titel" in path.read_text(encoding="utf-8")
    [conflicts] = report.conflicts.values()
    assert conflicts[0].key == "title"
    assert conflicts[0].source == "Kildens nye titel"


def test_record_gone_from_sources_is_removed_unless_edited(tmp_path: Path) -> None:
    other = Record("experiments", "andet", {"id": "andet", "network": 1, "title": "Andet", "kommuner": []})
    write_records([_record(), other], tmp_path)
    edited = tmp_path / "experiments" / "andet.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# redigeret\nnote: vigtig\n", encoding="utf-8")
    report = write_records([], tmp_path)
    assert not (tmp_path / "experiments" / "mikrolaan.yaml").exists()
    assert edited.exists() and edited in report.kept


def test_merge_nested_mapping_key_by_key() -> None:
    base = {"id": "x", "source": {"document": "d", "first_line": 1, "last_line": 5}}
    current = round_trip().load(dump(to_yaml_value(base)).replace("last_line: 5", "last_line: 6"))
    conflicts = merge(
        base, current, {"id": "x", "source": {"document": "d", "first_line": 2, "last_line": 5}}
    )
    assert conflicts == []
    assert dict(current["source"]) == {"document": "d", "first_line": 2, "last_line": 6}


def test_load_round_trip_reports_syntax_error_with_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(
        KommuneatlasError,
        match=r"bad\.yaml:3:1: YAML-syntaksfejl: .*\(i en liste i \[ \], begyndt i linje 2, kolonne 8\)",
    ):
        load_round_trip(path)


def test_texts_of_several_lines_are_literal_blocks_and_merge_cleanly(tmp_path: Path) -> None:
    """Running text with paragraphs and list items is written as a literal block (``|``); a file
    extraction wrote with the text flat takes the structured text, an editor's text stays."""
    flat = "Udvalget besluttede, herunder - at A godkendes, - at B udsættes."
    structured = "Udvalget besluttede, herunder\n\n- at A godkendes,\n- at B udsættes."
    write_records([_record(content=flat, evaluation=flat)], tmp_path)
    path = tmp_path / "experiments" / "mikrolaan.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("evaluation: Udvalget", "evaluation: Redaktøren skriver"), encoding="utf-8")
    report = write_records([_record(content=structured, evaluation=structured)], tmp_path)
    assert [str(c.key) for conflict in report.conflicts.values() for c in conflict] == ["evaluation"]
    text = path.read_text(encoding="utf-8")
    assert "content: |-\n  Udvalget besluttede, herunder\n\n  - at A godkendes,\n  - at B udsættes.\n" in text
    assert "evaluation: Redaktøren skriver" in text
    loaded = round_trip().load(text)
    assert loaded["content"] == structured
    assert write_records([_record(content=structured, evaluation=structured)], tmp_path).written == []


@pytest.mark.parametrize("kind", ["meetings", "documents", "networks"])
def test_the_fast_and_the_round_trip_loader_read_the_data_alike(kind: str) -> None:
    """What is only read loads fast; what is written back loads round-trip: the same values."""
    data = Path(__file__).resolve().parents[1] / "data"
    for path in sorted((data / kind).glob("*.yaml")):
        assert load_fast(path) == plain(load_round_trip(path)), path
    assert load_fast("dato: 2022-03-25\nliste: [a, b]") == {"dato": date(2022, 3, 25), "liste": ["a", "b"]}


def test_json_writes_dates_as_iso_strings() -> None:
    value = {"dato": date(2022, 3, 25), "rækker": [{"fra": date(2017, 7, 1)}]}
    assert jsonable(value) == {"dato": "2022-03-25", "rækker": [{"fra": "2017-07-01"}]}
    assert compact_json(value) == '{"dato":"2022-03-25","rækker":[{"fra":"2017-07-01"}]}'
    assert to_json([value["dato"]]) == '[\n "2022-03-25"\n]\n'
    with pytest.raises(TypeError):
        to_json({1, 2})
