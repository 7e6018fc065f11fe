"""``kommuneatlas validate``: every kind of bad input gives file:line:column and a non-zero exit."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommuneatlas.cli import main
from sitebuild import copy_data


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(tmp_path)


def _validate(data: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["validate", "--data", str(data)])
    captured = capsys.readouterr()
    return code, captured.err


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_bundled_data_is_valid(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _validate(data, capsys)
    assert code == 0, err


def test_yaml_syntax_error(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(data / "kommuner" / "aalborg.yaml", "code: 851", "code: [851")
    code, err = _validate(data, capsys)
    assert code == 1
    assert "kommuner/aalborg.yaml:" in err and "YAML-syntaksfejl" in err
    assert "Traceback" not in err


def test_wrong_type(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(data / "kommuner" / "aalborg.yaml", "code: 851", "code: otte")
    code, err = _validate(data, capsys)
    assert code == 1
    line = next(
        n
        for n, t in enumerate((data / "kommuner" / "aalborg.yaml").read_text().splitlines(), 1)
        if "code:" in t
    )
    assert f"kommuner/aalborg.yaml:{line}:7: code: 'otte' er ikke et helt tal" in err


def test_unknown_kommune(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(data / "kkr" / "nordjylland.yaml", "- aalborg", "- aalborgg")
    code, err = _validate(data, capsys)
    assert code == 1
    assert "kkr/nordjylland.yaml:15:5: ukendt kommune 'aalborgg' (findes ikke i data/kommuner/)" in err


def test_a_name_where_an_id_belongs_says_which_id(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    meeting = data / "meetings" / "kkr-nordjylland-2022-03-25.yaml"
    _edit(meeting, "kkr: nordjylland", "kkr: KKR Nordjylland")
    _edit(meeting, "kommune: jammerbugt", "kommune: Jammerbugt Kommune")
    _edit(
        data / "experiments" / "mikrolaan.yaml",
        "network: en-mere-fleksibel-og-effektiv-beskaeftigelsesindsats",
        "network: 1",
    )
    _edit(data / "people" / "anna-aaen.yaml", "kommune: aalborg", "kommune: Atlantis")
    code, err = _validate(data, capsys)
    assert code == 1
    hint = "kommuneatlas extract retter gamle filer"
    assert (
        "meetings/kkr-nordjylland-2022-03-25.yaml:3:6: kkr: 'KKR Nordjylland' er ikke et id "
        f"(små bogstaver, tal og bindestreger, fx 'aalborg') (skriv id'et 'nordjylland'; {hint})"
    ) in err
    assert (
        f"participants.0.kommune: 'Jammerbugt Kommune' er ikke et id (små bogstaver, tal og bindestreger, fx 'aalborg') (skriv id'et 'jammerbugt'; {hint})"
        in err
    )
    assert (
        f"experiments/mikrolaan.yaml:3:10: network: 1 er ikke tekst (skriv id'et 'en-mere-fleksibel-og-effektiv-beskaeftigelsesindsats'; {hint})"
        in err
    )
    # A value that names nothing gets no hint, and is reported once.
    assert err.count("anna-aaen.yaml") == 1 and "kommune: 'Atlantis' er ikke et id" in err
    assert "Atlantis' er ikke et id (små bogstaver, tal og bindestreger, fx 'aalborg')\n" in err


def test_dangling_reference(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(data / "kommuner" / "aalborg.yaml", "kkr: nordjylland", "kkr: vestjylland")
    code, err = _validate(data, capsys)
    assert code == 1
    assert "kommuner/aalborg.yaml:6:6: ukendt KKR 'vestjylland'" in err


def test_duplicate_id(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = data / "kommuner" / "aalborg-kopi.yaml"
    copy.write_text((data / "kommuner" / "aalborg.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, err = _validate(data, capsys)
    assert code == 1
    assert "aalborg-kopi.yaml:2:5: id 'aalborg' svarer ikke til filnavnet" in err
    assert "id'et 'aalborg' findes to gange" in err


def test_bad_date(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = data / "documents" / "rm-2020-noerholm.yaml"
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("date:"))
    _edit(path, old, "date: 2020-02-31")
    code, err = _validate(data, capsys)
    assert code == 1
    assert "documents/rm-2020-noerholm.yaml:" in err
    assert "date: '2020-02-31' er ikke en gyldig dato" in err


def test_empty_yaml_file(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data / "kommuner" / "tom.yaml").write_text("", encoding="utf-8")
    code, err = _validate(data, capsys)
    assert code == 1
    assert "kommuner/tom.yaml:1: tom YAML-fil" in err


@pytest.mark.parametrize(("content", "message"), [(b"", "kildedokumentet er tomt"),
                                                  (b"\x00\x01\x02PDF", "kildedokumentet er binært")])  # fmt: skip
def test_empty_or_binary_source_document(
    data: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    (data / "sources" / "000_3cabad4170effda6.txt").write_bytes(content)
    code, err = _validate(data, capsys)
    assert code == 1
    assert f"000_3cabad4170effda6.txt: {message}" in err


def test_unlisted_source_file(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data / "sources" / "stray.pdf").write_bytes(b"%PDF-1.4")
    code, err = _validate(data, capsys)
    assert code == 1
    assert "stray.pdf: filen står ikke i manifest.yaml" in err
