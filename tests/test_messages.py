"""What users read is Danish: JSON Schema errors, argparse's own messages, validate and build."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from kommuneatlas.cli import main
from kommuneatlas.cli_parser import translate_error
from kommuneatlas.model.schema_messages import danish_message
from sitebuild import copy_data

SCHEMA = {
    "type": "object",
    "required": ["id", "title"],
    "additionalProperties": False,
    "properties": {
        "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "description": "små bogstaver, tal og bindestreg",
        },
        "title": {"type": "string", "minLength": 1},
        "kind": {"enum": ["møde", "dokument"]},
        "date": {"type": "string", "format": "date"},
        "count": {"type": "integer", "minimum": 0},
        "names": {"type": "array", "minItems": 1},
    },
}


def _messages(instance: dict[str, object]) -> list[str]:
    validator = Draft202012Validator(SCHEMA, format_checker=FormatChecker())
    return sorted(danish_message(error) for error in validator.iter_errors(instance))


@pytest.mark.parametrize(
    ("instance", "expected"),
    [
        ({"title": "x"}, "det påkrævede felt 'id' mangler"),
        ({"id": 7, "title": "x"}, "7 er ikke tekst"),
        ({"id": "a", "title": "x", "count": "otte"}, "'otte' er ikke et helt tal"),
        (
            {"id": "a", "title": "x", "kind": "brev"},
            "'brev' er ikke en af de tilladte værdier: 'møde', 'dokument'",
        ),
        (
            {"id": "Æble", "title": "x"},
            "'Æble' har ikke den krævede form (^[a-z0-9-]+$); små bogstaver, tal og bindestreg",
        ),
        (
            {"id": "a", "title": "x", "titel": "y"},
            "ukendt felt 'titel' (tilladte felter: count, date, id, kind, names, title)",
        ),
        (
            {"id": "a", "title": "x", "date": "2020-02-31"},
            "'2020-02-31' er ikke en gyldig dato (ÅÅÅÅ-MM-DD, en dag der findes)",
        ),
        ({"id": "a", "title": ""}, "må ikke være tom"),
        ({"id": "a", "title": "x", "count": -1}, "-1 er mindre end 0"),
        ({"id": "a", "title": "x", "names": []}, "listen må ikke være tom"),
    ],
)
def test_schema_errors_in_danish(instance: dict[str, object], expected: str) -> None:
    assert _messages(instance) == [expected]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["extract", "--bogus"], "kommuneatlas: fejl: ukendte argumenter: --bogus"),
        (["add"], "kommuneatlas add: fejl: følgende argumenter mangler: FIL"),
        (["nothing"], "kommuneatlas: fejl: argument KOMMANDO: ugyldigt valg: 'nothing' (vælg mellem"),
        (
            ["add", "x.pdf", "--date", "25-03-2022"],
            "argument --date: forventede en dato som ÅÅÅÅ-MM-DD, fandt '25-03-2022'",
        ),
        (["add", "x.pdf", "--kind", "brev"], "argument --kind: ukendt type 'brev' (kendte typer: document,"),
        (["synth", "--scale", "0", "--out", "x"], "argument --scale: skal være mindst 1, fandt 0"),
        (["add", "x.pdf", "--id"], "argument --id: kræver én værdi"),
    ],
)
def test_command_line_errors_in_danish(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("brug: kommuneatlas")
    assert expected in err


def test_help_is_danish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["add", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("brug: kommuneatlas add")
    assert "tilvalg:" in out and "vis denne hjælp og afslut" in out and "--publisher" in out
    assert "options:" not in out and "show this help" not in out


def test_unknown_argparse_form_is_kept() -> None:
    assert translate_error("something new") == "something new"


def test_validate_reports_schema_errors_in_danish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = copy_data(tmp_path)
    path = data / "kommuner" / "aalborg.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Aalborg\n", ""), encoding="utf-8")
    assert main(["validate", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert "kommuner/aalborg.yaml:1:1: (øverste niveau): det påkrævede felt 'name' mangler" in err
    assert "fejl i" in err


def test_validate_reports_a_broken_source_in_danish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = copy_data(tmp_path)
    (data / "sources" / "000_3cabad4170effda6.txt").unlink()
    assert main(["validate", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert "manifest.yaml:" in err and "filen '000_3cabad4170effda6.txt' findes ikke i" in err
