"""Every page rendered from data shows its YAML file's history (issue 15, point 4)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kommuneatlas.site.render.history import HISTORY_ROWS
from kommuneatlas.store.history import Commit, file_history, parse_log
from site_fixtures import dataset, experiment, generate, kkr, kommune, network, write

REPO = Path(__file__).resolve().parents[1]
REPO_URL = "https://example.org/redaktion/atlas"
EXPERIMENT = "data/experiments/mikrolaan.yaml"
PAGE = "forsoeg/mikrolaan/"


def _git(repo: Path, *args: str, author: str = "Test") -> str:
    identity = ["-c", f"user.name={author}", "-c", "user.email=t@example.org"]
    return subprocess.run(
        ["git", "-C", str(repo), *identity, *args], capture_output=True, text=True, check=True
    ).stdout


def _checkout(folder: Path) -> Path:
    """``folder`` as a git checkout, its data committed once."""
    _git(folder, "init", "-q")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-qm", "Data fra udtrækket")
    return folder


def _tiny_data(folder: Path) -> Path:
    """A data folder of one KKR, one kommune, one network and its experiment ``mikrolaan``."""
    return write(dataset(kkr(), kommune(), network(), experiment("mikrolaan", title="Mikrolån")), folder)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git checkout holding a small data folder, committed once."""
    _tiny_data(tmp_path / "data")
    return _checkout(tmp_path)


def _commit_edit(repo: Path, message: str, author: str, n: int) -> str:
    path = repo / EXPERIMENT
    path.write_text(path.read_text(encoding="utf-8") + f"# rettelse {n}\n", encoding="utf-8")
    _git(repo, "commit", "-qam", message, author=author)
    return _git(repo, "rev-parse", "HEAD").strip()


def _page(repo: Path, url: str = PAGE) -> str:
    generated = generate(repo / "data", repo_root=repo, repo_url=REPO_URL)
    return next(p for p in generated.pages if p.url == url).source


def test_parse_log_gives_each_file_its_commits_newest_first() -> None:
    log = (
        "\x00bbb\x1f2024-05-02\x1fAnne Redaktør\x1fRet dato i mikrolån\n\ndata/experiments/a.yaml\n"
        "\x00aaa\x1f2024-05-01\x1fBo\x1fUdtræk: a og b\n\ndata/experiments/a.yaml\ndata/items/b.yaml\n"
    )
    history = parse_log(log)
    assert [c.sha for c in history["data/experiments/a.yaml"]] == ["bbb", "aaa"]
    assert history["data/items/b.yaml"] == [Commit("aaa", "2024-05-01", "Bo", "Udtræk: a og b")]
    assert parse_log("") == {}


def test_the_experiment_page_shows_the_commit_that_changed_its_yaml(repo: Path) -> None:
    sha = _commit_edit(repo, "Ret ikrafttrædelsen for Mikrolån", "Anne Redaktør", 1)
    page = _page(repo)
    history = page.split('<div class="ka-historik"', 1)[1]
    assert '<h2 id="historik">Historik' in history
    newest, oldest = history.split("<li>")[1:3]
    assert f'<a href="{REPO_URL}/commit/{sha}">Ret ikrafttrædelsen for Mikrolån</a>' in newest
    assert "Anne Redaktør" in newest and "<time datetime=" in newest
    assert "Data fra udtrækket" in oldest
    date = _git(repo, "log", "-1", "--format=%cs").strip()
    assert f'last_changed: "{date}"' in page


def test_ten_commits_are_shown_with_a_link_to_the_rest(repo: Path) -> None:
    for n in range(HISTORY_ROWS + 1):
        _commit_edit(repo, f"Rettelse nummer {n}", "Bo", n)
    page = _page(repo)
    history = page.split('<div class="ka-historik"', 1)[1]
    assert history.count("<li>") == HISTORY_ROWS
    assert "Rettelse nummer 10" in history and "Rettelse nummer 0<" not in history
    assert f'href="{REPO_URL}/commits/main/{EXPERIMENT}"' in history and "af 12 ændringer" in history


def test_a_page_of_another_file_does_not_show_this_files_commits(repo: Path) -> None:
    _commit_edit(repo, "Ret ikrafttrædelsen for Mikrolån", "Anne Redaktør", 1)
    assert "Ret ikrafttrædelsen" not in _page(repo, "kommuner/aalborg/")


def test_outside_a_git_checkout_there_is_no_history_and_no_failure(tmp_path: Path) -> None:
    _tiny_data(tmp_path / "data")
    assert file_history(tmp_path) == {}
    page = _page(tmp_path)
    assert "Historik" not in page and "last_changed" not in page


def test_a_page_with_a_long_history_stays_under_40_kb(tmp_path: Path) -> None:
    """The largest page (a document whose text is shortened to fit, render/environment.py
    TextBudget) with ten commits of long messages: the history takes the place of some of the
    text, and the built page stays under the size limit (tests/test_page_sizes.py)."""
    from kommuneatlas.site.build import build_site

    shutil.copytree(REPO / "data", tmp_path / "data")
    repo = _checkout(tmp_path)
    for name in ("mkdocs.yml", "templates", "content", "overrides"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, repo / name)
    (repo / "src" / "kommuneatlas").mkdir(parents=True)  # watched by the preview (mkdocs.yml)
    document = repo / "data/documents/dsi-2023-viborg-tilsagn.yaml"
    for n in range(HISTORY_ROWS + 2):
        document.write_text(document.read_text(encoding="utf-8") + f"# rettelse {n}\n", encoding="utf-8")
        message = (
            f"Ret beløb, datoer og parter i tilsagnet efter gennemlæsning af kildeteksten, runde {n} "
            + "x" * 60
        )
        _git(repo, "commit", "-qam", message, author="Anne-Marie Redaktørsen Østergaard")
    site = repo / "site"
    build_site(repo / "data", site, config_file=repo / "mkdocs.yml", progress=lambda _: None, search=False)
    page = site / "dokumenter" / "dsi-2023-viborg-tilsagn" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count("Ret beløb, datoer og parter") == HISTORY_ROWS
    assert html.count(" …</a>") == HISTORY_ROWS  # long messages are shortened (the commit has them whole)
    assert page.stat().st_size < 40_000
