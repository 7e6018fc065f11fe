"""The generic kind ``document``: sections where the text numbers them, a page, its text, its references."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import edited_copy
from kommuneatlas.cli import main
from kommuneatlas.extract.document import extract, sections
from kommuneatlas.sources.manifest import SourceDocument
from kommuneatlas.sources.reference import KommuneIndex
from pdf_fixtures import text_pdf
from site_fixtures import generate
from sitebuild import copy_data
from test_add import LETTER

REPO = Path(__file__).resolve().parents[1]

GUIDANCE = """\
Vejledning om samarbejde om genoptræning
1. Indledning
Vejledningen beskriver, hvordan kommuner og regioner samarbejder om genoptræning efter udskrivning.
Den gælder fra 1. januar 2024.
2. Ansvar
2.1 Kommunernes ansvar
Kommunen tilbyder genoptræning efter sundhedslovens § 140.
Tilbuddet gives inden for syv dage.
2.2 Regionernes ansvar
Regionen udarbejder genoptræningsplanen.
3. Opfølgning
Parterne mødes to gange om året.
"""


def _document(text: str, documents: dict[str, SourceDocument]) -> SourceDocument:
    return edited_copy(documents["000"], text)


@pytest.mark.parametrize("blank_lines", [False, True])
def test_numbered_headings_become_sections(
    documents: dict[str, SourceDocument], kommuner: KommuneIndex, blank_lines: bool
) -> None:
    text = GUIDANCE.replace("\n", "\n\n") if blank_lines else GUIDANCE
    [record] = extract(_document(text, documents), kommuner)
    found = [(s["number"], s["heading"]) for s in record.data["sections"]]
    assert found == [("1", "Indledning"), ("2", "Ansvar"), ("2.1", "Kommunernes ansvar"),
                     ("2.2", "Regionernes ansvar"), ("3", "Opfølgning")]  # fmt: skip
    first = record.data["sections"][0]
    assert first["paragraphs"][0]["text"].startswith("Vejledningen beskriver, hvordan kommuner")
    assert record.data["source"]["document"] == documents["000"].id


def test_numbers_out_of_sequence_are_not_headings() -> None:
    lines = list(enumerate(["Kommunen modtog 3 klager i 2023", "12 Borgere fik afslag", "Brødtekst."], 1))
    assert sections(lines) == []


def test_a_letter_has_a_page_its_text_and_backlinks_on_the_provision_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = copy_data(tmp_path)
    pdf = text_pdf(tmp_path / "brev.pdf", LETTER.splitlines())
    assert main(["add", str(pdf), "--data", str(data), "--id", "tilsyn-hjaelpemidler"]) == 0
    assert main(["extract", "--sources", str(data / "sources"), "--data", str(data)]) == 0
    capsys.readouterr()

    generated = generate(data)

    pages = {page.url: page for page in generated.pages}
    page = pages["dokumenter/tilsyn-hjaelpemidler/"]
    assert "<dt>Type</dt>\n<dd>Dokument</dd>" in page.source
    assert "<dt>Original</dt>\n<dd>005_brev.pdf</dd>" in page.source
    assert "dokumenter/tilsyn-hjaelpemidler/tekst/1/" in pages
    assert (
        "Styrelsen har modtaget kommunens redegørelse"
        in pages["dokumenter/tilsyn-hjaelpemidler/tekst/1/"].source
    )
    cited = [o for o in generated.context.backlinks.occurrences if o.entity_id == "tilsyn-hjaelpemidler"]
    assert {(o.law, o.paragraph) for o in cited} >= {("sel", "112")}
    provision = next(p for url, p in pages.items() if url.startswith("love/sel/") and "112" in url)
    assert "Tilsyn med kommunens behandling af ansøgninger om hjælpemidler" in provision.source
    listing = pages["dokumenter/"].source
    assert "tilsyn-hjaelpemidler" in listing and "Dokument" in listing
