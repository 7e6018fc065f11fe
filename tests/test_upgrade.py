"""Old data files, written when references were names, become ids (issue 16, point 3): extract
converts data/ and data/.base/ alike before it merges, so an editor's change stays a change."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from conftest import REPO
from kommuneatlas.cli import main
from kommuneatlas.extract.run import run_extract
from kommuneatlas.model.upgrade import NameResolver, upgrade, upgrade_data
from kommuneatlas.sources.reference import KommuneIndex

MINUTES = "002_a411a0ef33b8545a.txt"
MEETING = Path("meetings") / "kkr-nordjylland-2022-03-25.yaml"


def _load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _as_names(path: Path, kommuner: KommuneIndex) -> None:
    """Rewrite a file as it was before ids: the KKR and every kommune by name."""
    names = {k.id: k.name for k in kommuner.kommuner}
    text = path.read_text(encoding="utf-8").replace("kkr: nordjylland", "kkr: KKR Nordjylland")
    text = re.sub(r"(kommune: )([a-z-]+)$", lambda m: m[1] + names[m[2]], text, flags=re.MULTILINE)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def folders(tmp_path: Path, kommuner: KommuneIndex) -> tuple[Path, Path]:
    """A data folder extracted from the minutes, then turned back into old files (names)."""
    sources, data = tmp_path / "sources", tmp_path / "data"
    sources.mkdir()
    shutil.copy(REPO / "data" / "sources" / MINUTES, sources / MINUTES)
    (sources / "manifest.yaml").write_text(
        "documents:\n  - id: kkr-nordjylland-2022-03-25-referat\n    file: " + MINUTES + "\n"
        "    title: Referat\n    publisher: KKR Nordjylland\n    date: 2022-03-25\n    kind: kkr-minutes\n",
        encoding="utf-8",
    )
    shutil.copytree(REPO / "data" / "reference", data / "reference")
    run_extract(sources, data, kommuner, progress=lambda _: None)
    for path in (data / MEETING, data / ".base" / MEETING, *sorted((data / "people").glob("*.yaml"))):
        _as_names(path, kommuner)
    return sources, data


def test_old_files_become_ids_and_an_editors_change_stays(
    folders: tuple[Path, Path], kommuner: KommuneIndex
) -> None:
    sources, data = folders
    current = data / MEETING
    # The editor corrected the first participant's kommune, by name, and commented on it.
    text = current.read_text(encoding="utf-8")
    text = text.replace("kommune: Jammerbugt", "kommune: Aalborg # rettet: se referatet", 1)
    current.write_text(text, encoding="utf-8")
    report = run_extract(sources, data, kommuner, progress=lambda _: None)
    meeting = _load(current)
    assert meeting["kkr"] == "nordjylland"
    assert [p["kommune"] for p in meeting["participants"][:3]] == ["aalborg", "broenderslev", "morsoe"]
    assert "# rettet: se referatet" in current.read_text(encoding="utf-8")
    assert _load(data / ".base" / MEETING)["participants"][0]["kommune"] == "jammerbugt"
    assert report.conflicts == {}
    shown = {str(change) for change in report.upgraded if change.path == current}
    assert {"kkr 'KKR Nordjylland' → 'nordjylland'", "participants[0].kommune 'Aalborg' → 'aalborg'"} <= shown
    assert _load(data / "people" / "anna-aaen.yaml")["kommune"] == "aalborg"
    again = run_extract(sources, data, kommuner, progress=lambda _: None)
    assert (again.upgraded, again.written, again.conflicts) == ([], [], {})


def test_extract_prints_what_it_converted(
    folders: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    sources, data = folders
    main(["extract", "--sources", str(sources), "--data", str(data)])
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if str(MEETING) in line and "opdateret" in line)
    assert line.startswith(f"opdateret til id'er: {data / MEETING}: kkr 'KKR Nordjylland' → 'nordjylland'; ")
    assert line.endswith("… (23 i alt)")
    assert ".base" not in out


def test_a_hand_added_file_is_converted_and_a_name_of_nothing_is_left_for_validate(
    folders: tuple[Path, Path], kommuner: KommuneIndex, capsys: pytest.CaptureFixture[str]
) -> None:
    _, data = folders
    (data / "people" / "ny.yaml").write_text(
        "id: ny\nname: Ny Person\nkommune: Vesthimmerland Kommune  # tilføjet i hånden\n", encoding="utf-8"
    )
    (data / "people" / "fjern.yaml").write_text(
        "id: fjern\nname: Fjern Person\nkommune: Atlantis\n", encoding="utf-8"
    )
    upgrade_data(data, kommuner)
    text = (data / "people" / "ny.yaml").read_text(encoding="utf-8")
    assert re.search(r"^kommune: vesthimmerlands +# tilføjet i hånden$", text, flags=re.MULTILINE)
    assert _load(data / "people" / "fjern.yaml")["kommune"] == "Atlantis"
    main(["validate", "--data", str(data)])
    err = capsys.readouterr().err
    assert "people/fjern.yaml:3:10: kommune: 'Atlantis' er ikke et id" in err
    assert "skriv id'et" not in err.split("fjern.yaml")[1].splitlines()[0]


def _network(document: str, number: int) -> dict[str, Any]:
    return {"id": f"{document}-{number}", "number": number, "source": {"document": document}}


def test_an_experiments_number_names_the_network_of_its_own_report(kommuner: KommuneIndex) -> None:
    names = NameResolver(
        kommuner, [_network("rapport-a", 7), _network("rapport-b", 7), _network("rapport-b", 3)]
    )

    def network(number: int, document: str | None) -> Any:
        source = f"source:\n  document: {document}\n" if document else ""
        doc = YAML(typ="rt").load(f"id: x\nnetwork: {number}\ntitle: X\nkommuner: [Aalborg]\n{source}")
        changes = upgrade("experiments", doc, names)
        assert ("kommuner", 0) in [keys for keys, _, _ in changes]
        return doc["network"]

    assert network(7, "rapport-a") == "rapport-a-7"
    assert network(7, "rapport-b") == "rapport-b-7"
    assert network(3, None) == "rapport-b-3"  # added by hand: the only network numbered 3
    assert network(7, None) == 7  # two networks numbered 7: no guess
    assert network(3, "rapport-a") == 3  # rapport-a has no network 3


def test_converting_twice_changes_nothing(tmp_path: Path, kommuner: KommuneIndex) -> None:
    path = tmp_path / "kkr" / "nordjylland.yaml"
    path.parent.mkdir()
    path.write_text(
        "id: nordjylland\nname: KKR Nordjylland\nregion: Nordjylland\nkommuner: [Aalborg, Læsø]\n"
    )
    assert [str(c) for c in upgrade_data(tmp_path, kommuner)] == [
        "kommuner[0] 'Aalborg' → 'aalborg'",
        "kommuner[1] 'Læsø' → 'laesoe'",
    ]
    text = path.read_text(encoding="utf-8")
    assert upgrade_data(tmp_path, kommuner) == [] and path.read_text(encoding="utf-8") == text
    assert text.startswith("# yaml-language-server: $schema=../../schemas/kkr.schema.json\nid: nordjylland\n")
