"""The command line: cite on stdin, clear errors, no tracebacks."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kommuneatlas import cli

REPO = Path(__file__).resolve().parents[1]


def test_cite_prints_one_json_object_per_reference(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Jf. LAB § 31, stk. 3, og servicelovens §§ 83 og 85. Se også Service-\nlovens § 129."
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    monkeypatch.chdir(REPO)
    assert cli.main(["cite"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["law"], r["paragraphs"]) for r in rows] == [
        ("lab", ["31"]),
        ("sel", ["83", "85"]),
        ("sel", ["129"]),
    ]
    assert all(
        list(r)
        == [
            "raw", "start", "end", "law", "paragraphs", "stk", "nr", "chapter", "explicit",
            "law_title", "law_known", "act",
        ]
        for r in rows
    )  # fmt: skip
    assert all(text[r["start"] : r["end"]] == r["raw"] for r in rows)
    assert rows[0]["stk"] == ["3"]


def test_cite_as_a_process_reads_raw_seed_text() -> None:
    seed = (REPO / "data" / "sources" / "001_ec7ccfa250cb219f.txt").read_text(encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kommuneatlas.cli", "cite"], input=seed, capture_output=True,
                            text=True, cwd=REPO, check=True)  # fmt: skip
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(r["law"] == "lab" and r["paragraphs"] == ["31"] for r in rows)
    assert all(seed[r["start"] : r["end"]] == r["raw"] for r in rows)


def test_missing_data_folder_is_a_clear_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert cli.main(["validate", "--data", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert "nowhere: datamappen findes ikke" in err and "Traceback" not in err


def test_unexpected_error_is_reported_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(args: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.delenv("KOMMUNEATLAS_DEBUG", raising=False)
    monkeypatch.setattr(cli, "_validate", boom)
    assert cli.main(["validate"]) == 2
    err = capsys.readouterr().err
    assert "intern fejl: RuntimeError: disk on fire" in err and "Traceback" not in err
