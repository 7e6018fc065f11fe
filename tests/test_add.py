"""``kommuneatlas add``: PDFs and texts into data/sources/, detected, and bad input refused whole.

The PDFs are made here (tests/pdf_fixtures.py); none is committed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from kommuneatlas.cli import main
from kommuneatlas.extract.registry import extractor_for
from kommuneatlas.sources.add import MAX_FILE_BYTES
from kommuneatlas.sources.manifest import SourceDocument, load_manifest
from kommuneatlas.sources.reference import KommuneIndex
from kommuneatlas.text.clean import collapse_ws
from pdf_fixtures import image_pdf, text_pdf
from sitebuild import copy_data

REPO = Path(__file__).resolve().parents[1]
MINUTES = REPO / "data" / "sources" / "002_a411a0ef33b8545a.txt"

# A letter of our own in the form of an authority's reply (letterhead, date, subject, body).
LETTER = """\
Styrelsen for Kommunal Forvaltning
Nørregade 12
5000 Odense C
Tlf. 33 92 10 00
post@example.dk
Dato: 14. september 2023
J.nr. 2023-4471
Odder Kommune
Rådhusgade 3
8300 Odder
Vedr.: Tilsyn med kommunens behandling af ansøgninger om hjælpemidler
Styrelsen har modtaget kommunens redegørelse af 2. august 2023 om sagsbehandlingen
af ansøgninger om hjælpemidler efter servicelovens § 112.
Efter § 3, stk. 1, i lov om retssikkerhed og administration på det sociale område skal
kommunen behandle spørgsmål om hjælp så hurtigt som muligt. Styrelsen bemærker, at
kommunen efter servicelovens § 112 skal yde støtte til hjælpemidler, når betingelserne er opfyldt.
Styrelsen foretager sig ikke mere i sagen.
Med venlig hilsen
Karen Lundsgaard
fuldmægtig
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(tmp_path)


def _add(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main(["add", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def _new_document(data: Path, before: int = 5) -> SourceDocument:
    documents = load_manifest(data / "sources")
    assert len(documents) == before + 1
    return documents[-1]


def _meeting_and_items(document: SourceDocument, kommuner: KommuneIndex) -> tuple[Any, Any]:
    records = extractor_for(document)(document, kommuner)
    [meeting] = [r.data for r in records if r.kind == "meetings"]
    items = {
        r.data["number"]: (
            r.data["title"],
            r.data.get("case_id"),
            collapse_ws(str(r.data.get("decision") or "")),
        )
        for r in records
        if r.kind == "items"
    }
    people = [(p["name"], p.get("party"), p.get("kommune")) for p in meeting["participants"]]
    absent = [(p["name"], p.get("party"), p.get("kommune")) for p in meeting.get("absent") or []]
    return (meeting["kkr"], meeting["date"], people, absent, list(meeting["items"])), items


def test_kkr_minutes_as_pdf_are_detected_and_give_the_same_meeting(
    data: Path, tmp_path: Path, kommuner: KommuneIndex, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = text_pdf(tmp_path / "referat.pdf", MINUTES.read_text(encoding="utf-8").splitlines())

    code, out, err = _add(capsys, pdf, "--data", data)

    assert code == 0, err
    document = _new_document(data)
    assert document.kind == "kkr-minutes"
    assert document.original and document.original.endswith(".pdf") and document.file.endswith(".txt")
    assert (data / "sources" / document.original).read_bytes() == pdf.read_bytes()
    assert document.publisher == "KKR Nordjylland" and str(document.date) == "2022-03-25"
    assert "type:    kkr-minutes (fundet: en deltagerliste" in out
    assert "dato:    2022-03-25 (linje " in out
    # Same meeting, participants, items and decisions as from the bundled text export.
    [bundled] = [d for d in load_manifest(data / "sources") if d.file == MINUTES.name]
    meeting, items = _meeting_and_items(document, kommuner)
    expected_meeting, expected_items = _meeting_and_items(bundled, kommuner)
    assert meeting == expected_meeting
    assert items == expected_items
    assert len(items) >= 10 and sum(1 for _, _, decision in items.values() if decision) >= 10


def test_added_document_is_extracted_and_validated(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = text_pdf(tmp_path / "brev.pdf", LETTER.splitlines())
    code, out, err = _add(capsys, pdf, "--data", data)
    assert code == 0, err
    document = _new_document(data)
    assert document.kind == "document"
    assert document.title == "Tilsyn med kommunens behandling af ansøgninger om hjælpemidler"
    assert document.publisher == "Styrelsen for Kommunal Forvaltning"
    assert str(document.date) == "2023-09-14"
    assert "titel:   Tilsyn med kommunens behandling" in out and "(linje 11: 'Vedr.: Tilsyn" in out
    assert "udgiver: Styrelsen for Kommunal Forvaltning (linje 1" in out

    assert main(["extract", "--sources", str(data / "sources"), "--data", str(data)]) == 0
    record = (data / "documents" / f"{document.id}.yaml").read_text(encoding="utf-8")
    assert "kind: document" in record and f"original: {document.original}" in record
    assert main(["validate", "--data", str(data)]) == 0


def test_adding_the_same_file_again_changes_nothing(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = text_pdf(tmp_path / "brev.pdf", LETTER.splitlines())
    assert _add(capsys, pdf, "--data", data)[0] == 0
    before = _snapshot(data / "sources")
    copy = tmp_path / "kopi af brev.pdf"
    copy.write_bytes(pdf.read_bytes())

    code, out, _ = _add(capsys, copy, "--data", data)

    assert code == 0
    assert "uændret:" in out and "er allerede tilføjet som" in out
    assert _snapshot(data / "sources") == before


def test_manifest_keeps_comments_and_entries_byte_for_byte(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = data / "sources" / "manifest.yaml"
    before = manifest.read_text(encoding="utf-8")
    text = tmp_path / "notat.txt"
    text.write_text(LETTER, encoding="utf-8")
    assert _add(capsys, text, "--data", data, "--kind", "document", "--id", "tilsyn-notat")[0] == 0
    after = manifest.read_text(encoding="utf-8")
    assert after.startswith(before)
    assert "  - id: tilsyn-notat\n    file: 005_notat.txt\n" in after[len(before) :]
    assert (data / "sources" / "005_notat.txt").read_text(encoding="utf-8") == LETTER


def test_given_metadata_wins_over_detection(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = text_pdf(tmp_path / "referat.pdf", MINUTES.read_text(encoding="utf-8").splitlines())
    code, out, _ = _add(capsys, pdf, "--data", data, "--kind", "document", "--title", "Et referat",
                        "--publisher", "KL", "--date", "2022-03-26", "--id", "kl-referat")  # fmt: skip
    assert code == 0
    document = _new_document(data)
    assert (document.id, document.kind, document.title, document.publisher, str(document.date)) == (
        "kl-referat", "document", "Et referat", "KL", "2022-03-26",
    )  # fmt: skip
    assert "type:    document (angivet med --kind)" in out


def _pdf_named_pdf_but_text(path: Path) -> Path:
    path.write_text("Dette er ikke en PDF, blot tekst.\n", encoding="utf-8")
    return path


def _huge(path: Path) -> Path:
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk space used
    return path


BAD_INPUT = [
    ("tom.pdf", lambda p: (p.write_bytes(b""), p)[1], "filen er tom"),
    ("tom.txt", lambda p: (p.write_bytes(b"  \n\n"), p)[1], "filen er tom"),
    ("scan.pdf", image_pdf, "PDF'en har intet tekstlag (2 sider uden tekst"),
    (
        "hemmelig.pdf",
        lambda p: text_pdf(p, ["Fortroligt notat"], password="hemmelig"),
        "PDF'en er beskyttet med adgangskode",
    ),
    ("falsk.pdf", _pdf_named_pdf_but_text, "filen hedder .pdf, men er ikke en PDF"),
    (
        "kaput.pdf",
        lambda p: (p.write_bytes(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), p)[1],
        "PDF'en er beskadiget",
    ),
    ("stor.pdf", _huge, f"filen er for stor (50 MB; højst {MAX_FILE_BYTES // 1024 // 1024} MB)"),
    ("notat.docx", lambda p: (p.write_bytes(b"PK\x03\x04"), p)[1], "filtypen '.docx' kan ikke tilføjes"),
    ("binaer.txt", lambda p: (p.write_bytes(b"abc\x00def"), p)[1], "kildedokumentet er binært"),
]


@pytest.mark.parametrize(("name", "make", "message"), BAD_INPUT, ids=[name for name, _, _ in BAD_INPUT])
def test_bad_input_is_a_clear_danish_error_and_writes_nothing(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, make: Any, message: str
) -> None:
    bad = make(tmp_path / name)
    before = _snapshot(data / "sources")

    code, _, err = _add(capsys, bad, "--data", data)

    assert code == 1
    assert f"fejl: {bad}: {message}" in err, err
    assert "Traceback" not in err
    assert _snapshot(data / "sources") == before


def test_duplicate_id_is_an_error(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _snapshot(data / "sources")
    pdf = text_pdf(tmp_path / "brev.pdf", LETTER.splitlines())
    code, _, err = _add(capsys, pdf, "--data", data, "--id", "rm-2020-noerholm")
    assert code == 1
    manifest = (data / "sources" / "manifest.yaml").read_text(encoding="utf-8").splitlines()
    line = manifest.index("  - id: rm-2020-noerholm") + 1
    assert (
        f"manifest.yaml:{line}: id 'rm-2020-noerholm' findes allerede (dokument 1: 000_3cabad4170effda6.txt)"
        in err
    )
    assert _snapshot(data / "sources") == before


def test_one_bad_file_among_several_writes_nothing(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(data / "sources")
    good = text_pdf(tmp_path / "brev.pdf", LETTER.splitlines())
    bad = image_pdf(tmp_path / "scan.pdf")
    code, _, err = _add(capsys, good, bad, "--data", data)
    assert code == 1 and "scan.pdf: PDF'en har intet tekstlag" in err
    assert _snapshot(data / "sources") == before


def test_add_into_an_empty_data_folder_creates_the_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    (data / "reference").mkdir(parents=True)
    (data / "reference" / "kommuner.yaml").write_bytes((REPO / "data/reference/kommuner.yaml").read_bytes())
    pdf = text_pdf(tmp_path / "brev.pdf", LETTER.splitlines())
    assert _add(capsys, pdf, "--data", data)[0] == 0
    [document] = load_manifest(data / "sources")
    assert document.file == "000_brev.txt" and document.original == "000_brev.pdf"
    assert os.path.getsize(data / "sources" / document.file) > 0
