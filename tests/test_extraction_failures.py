"""One failing document stops nothing and loses nothing (``kommuneatlas extract``).

A sixth document (synthetic KKR minutes) is extracted beside the five bundled ones; then it
breaks. Extraction must write the five, leave the sixth's previous YAML (and its base in
data/.base/) exactly as it was, say why in Danish with file and line, and exit 1.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kommuneatlas.cli import main
from kommuneatlas.model.validate import validate_data
from kommuneatlas.sources.manifest import load_manifest
from kommuneatlas.synth import write_corpus
from sitebuild import copy_data

REPO = Path(__file__).resolve().parents[1]


def _files(data: Path, document: str) -> dict[Path, bytes]:
    """Every YAML file (and base) whose record names ``document`` as its source, or is its record."""
    found = {}
    for path in [*data.glob("*/*.yaml"), *data.glob(".base/*/*.yaml")]:
        text = path.read_text(encoding="utf-8")
        if f"document: {document}\n" in text or (path.parent.name == "documents" and path.stem == document):
            found[path] = path.read_bytes()
    return found


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """data/ with a sixth document (synthetic KKR minutes), extracted once for the module."""
    root = tmp_path_factory.mktemp("extracted")
    data = copy_data(root)
    write_corpus(root / "synth", 1, data=REPO / "data", seed=5)
    [minutes] = [d for d in load_manifest(root / "synth" / "sources") if d.kind == "kkr-minutes"]
    source = data / "sources" / "005_referat.txt"
    shutil.copyfile(minutes.path, source)
    with (data / "sources" / "manifest.yaml").open("a", encoding="utf-8") as manifest:
        manifest.write(
            f"  - id: {minutes.id}\n    file: {source.name}\n    title: {minutes.title}\n"
            f"    publisher: {minutes.publisher}\n    date: {minutes.date}\n    kind: kkr-minutes\n"
        )
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert main(["extract", "--sources", str(data / "sources"), "--data", str(data)]) == 0
    return data, minutes.id


@pytest.fixture
def data(tmp_path: Path, extracted: tuple[Path, str]) -> tuple[Path, str, Path]:
    """A copy of :func:`extracted` for one test to break: the folder, the sixth document's id and
    its source file."""
    folder, document = extracted
    copy = tmp_path / "data"
    shutil.copytree(folder, copy)
    return copy, document, copy / "sources" / "005_referat.txt"


def _break_empty(source: Path) -> None:
    source.write_text("", encoding="utf-8")


def _break_structure(source: Path) -> None:
    """The text of another kind of document: no participants, no items."""
    source.write_text((REPO / "data/sources/000_3cabad4170effda6.txt").read_text(encoding="utf-8"))


def _break_missing(source: Path) -> None:
    source.unlink()


@pytest.mark.parametrize("damage", [_break_empty, _break_structure, _break_missing])
def test_a_broken_document_beside_five_good_ones(
    data: tuple[Path, str, Path], capsys: pytest.CaptureFixture[str], damage: Callable[[Path], None]
) -> None:
    folder, document, source = data
    before = _files(folder, document)
    assert len(before) > 10  # its meeting, items, people … and their bases
    assert any(p.parent.name == "meetings" for p in before) and any(".base" in p.parts for p in before)
    damage(source)
    # The five good documents must be written again: remove their extracted files.
    gone = [folder / "meetings" / "kkr-nordjylland-2022-03-25.yaml", folder / "experiments" / "mikrolaan.yaml",
            folder / "documents" / "dsi-2023-viborg-tilsagn.yaml", folder / "documents" / "rm-2020-noerholm.yaml",
            folder / "documents" / "kkr-midtjylland-2024-bilag.yaml"]  # fmt: skip
    for path in gone:
        path.unlink()

    code = main(["extract", "--sources", str(folder / "sources"), "--data", str(folder)])

    err = capsys.readouterr().err
    assert code == 1
    assert all(path.is_file() for path in gone)
    assert _files(folder, document) == before  # not rewritten, not removed
    assert f"fejl: dokumentet {document!r} er sprunget over" in err
    assert ("005_referat.txt" in err) and "Traceback" not in err
    assert "1 dokumenter sprunget over" in err
    # build reads the YAML that is there: it is valid as it stands.
    assert validate_data(folder) == []


def test_editors_change_to_a_failed_documents_record_is_kept(
    data: tuple[Path, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, document, source = data
    [meeting] = [
        p for p in _files(folder, document) if p.parent.name == "meetings" and ".base" not in p.parts
    ]
    meeting.write_text(meeting.read_text(encoding="utf-8") + "# rettet af redaktionen\n", encoding="utf-8")
    edited = meeting.read_bytes()
    _break_empty(source)
    assert main(["extract", "--sources", str(folder / "sources"), "--data", str(folder)]) == 1
    assert meeting.read_bytes() == edited
    assert "kildedokumentet er tomt" in capsys.readouterr().err


def test_a_duplicate_id_in_the_manifest_skips_only_the_second_entry(
    data: tuple[Path, str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, document, _ = data
    before = _files(folder, document)
    with (folder / "sources" / "manifest.yaml").open("a", encoding="utf-8") as manifest:
        manifest.write(
            f"  - id: {document}\n    file: 000_3cabad4170effda6.txt\n    title: Kopi\n"
            "    publisher: X\n    kind: document\n"
        )
    assert main(["extract", "--sources", str(folder / "sources"), "--data", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"id {document!r} står også i dokument 6" in err
    assert _files(folder, document) == before
