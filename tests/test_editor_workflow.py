"""The editors' workflow in a temporary git repository: extract never loses an edit."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kommuneatlas.cli import main

REPO = Path(__file__).resolve().parents[1]
EXPERIMENT = Path("data/experiments/mikrolaan.yaml")
SOURCE = Path("data/sources/004_9f326883b4b8adcd.txt")


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository holding a copy of data/, committed, as an editor's checkout would."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "-c", "user.name=Test", "-c", "user.email=t@example.org", "add", "-A")
    _git(tmp_path, "-c", "user.name=Test", "-c", "user.email=t@example.org", "commit", "-qm", "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _extract(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["extract"])
    return code, capsys.readouterr().err


def _change_mikrolaan_date(repo: Path, new: str) -> None:
    """Change the in-force date in the Mikrolån row (the first row of Bilagstabel 2.1)."""
    lines = (repo / SOURCE).read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("Mikrolån "))
    index = next(i for i in range(start, len(lines)) if "pr. 1.7. 2017." in lines[i])
    lines[index] = lines[index].replace("pr. 1.7. 2017.", f"pr. {new}.")
    (repo / SOURCE).write_text("\n".join(lines), encoding="utf-8")


def test_extract_twice_on_unchanged_sources_changes_no_byte(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = _extract(capsys)
    assert code == 0
    assert _git(repo, "status", "--porcelain") == ""


def test_editor_edits_survive_and_new_source_facts_arrive(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = repo / EXPERIMENT
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "title: Mikrolån\n", "# Titlen er præciseret af redaktionen.\ntitle: Mikrolån til iværksættere\n"
    )
    path.write_text(text + "redaktionel_note: Tjekket mod den trykte rapport.\n", encoding="utf-8")
    _change_mikrolaan_date(repo, "1.8. 2017")

    code, err = _extract(capsys)

    assert code == 0
    after = path.read_text(encoding="utf-8")
    assert "# Titlen er præciseret af redaktionen.\ntitle: Mikrolån til iværksættere\n" in after
    assert after.endswith("redaktionel_note: Tjekket mod den trykte rapport.\n")
    assert "in_force: 2017-08-01" in after
    assert "konflikt:" not in err
    # Key order is the editor's file's order: the title still comes right after network.
    keys = [
        line.split(":")[0] for line in after.splitlines() if line and not line.startswith(("#", " ", "-"))
    ]
    assert keys[:4] == ["id", "network", "title", "kommuner"]


def test_conflict_keeps_editor_value_and_is_reported(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = repo / EXPERIMENT
    path.write_text(path.read_text(encoding="utf-8").replace("in_force: 2017-07-01", "in_force: 2017-07-15"))
    _change_mikrolaan_date(repo, "1.9. 2017")

    code, err = _extract(capsys)

    assert code == 0
    assert "in_force: 2017-07-15" in path.read_text(encoding="utf-8")
    assert "mikrolaan.yaml: konflikt: in_force: redaktørens værdi 2017-07-15 er bevaret" in err
    assert "2017-09-01" in err


def test_failing_extraction_leaves_data_untouched(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (repo / SOURCE).read_text(encoding="utf-8")
    cut = text.index("Bilagstabel 2.3")
    (repo / SOURCE).write_text(text[: cut + 2000], encoding="utf-8")  # cut off inside a table
    before = _git(repo, "status", "--porcelain")

    code, err = _extract(capsys)

    assert code == 1
    assert "004_9f326883b4b8adcd.txt:" in err and "Traceback" not in err
    assert _git(repo, "status", "--porcelain") == before  # no YAML file changed


def test_pages_show_edit_link_and_last_change(repo: Path) -> None:
    from site_fixtures import generate

    generated = generate(repo / "data", repo_root=repo)
    page = next(p for p in generated.pages if p.url == "forsoeg/mikrolaan/")
    assert 'edit_path: "data/experiments/mikrolaan.yaml"' in page.source
    today = _git(repo, "log", "-1", "--format=%cs").strip()
    assert f'last_changed: "{today}"' in page.source
