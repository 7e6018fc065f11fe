"""Region Midtjylland's 2020 proposal on Nørholm (source 000): values read in the document."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conftest import edited_copy
from kommuneatlas.errors import ExtractionError
from kommuneatlas.extract import regional_proposal
from kommuneatlas.sources.manifest import SourceDocument
from kommuneatlas.sources.reference import KommuneIndex


@pytest.fixture(scope="module")
def proposal(documents: dict[str, SourceDocument]) -> SourceDocument:
    return documents["000"]


@pytest.fixture(scope="module")
def data(proposal: SourceDocument, kommuner: KommuneIndex) -> dict[str, Any]:
    records = regional_proposal.extract(proposal, kommuner)
    assert [(r.kind, r.id) for r in records] == [("documents", proposal.id)]
    return records[0].data


def _extract_text(proposal: SourceDocument, kommuner: KommuneIndex, text: str) -> dict[str, Any]:
    data: dict[str, Any] = regional_proposal.extract(edited_copy(proposal, text), kommuner)[0].data
    return data


def _edited(proposal: SourceDocument, old: str, new: str) -> str:
    assert old in proposal.text
    return proposal.text.replace(old, new)


def test_title_is_read_from_the_first_lines(data: dict[str, Any]) -> None:
    assert data["parsed_title"] == (
        "Forslag om et udbygget samarbejde mellem Herning Kommune og Region Midtjylland "
        "som alternativ til overtagelse af Nørholm"
    )
    assert data["title_line"] == 1


def test_parties_and_roles(data: dict[str, Any]) -> None:
    assert data["parties"] == [
        {"name": "Herning Kommune", "kommune": "herning", "region": None, "role": "recipient", "line": 1},
        {
            "name": "Region Midtjylland",
            "kommune": None,
            "region": "Midtjylland",
            "role": "proposer",
            "line": 2,
        },
    ]


def test_summary_is_the_first_paragraph(data: dict[str, Any]) -> None:
    assert data["summary"] == (
        "Herning Kommunes byråd besluttede den 17. december 2019 at meddele Regionsrådet, at Herning "
        "Kommune ønsker at overtage Nørholm jf. Lov om Social Service § 186. Byrådet besluttede samtidigt, "
        "at Region Midtjylland har mulighed for at fremsætte alternative muligheder med frist til 1. marts 2020."
    )
    assert data["summary_line"] == 5


def test_dated_events(data: dict[str, Any]) -> None:
    assert [(d["date"], d["line"]) for d in data["dates"]] == [
        (date(2019, 12, 17), 5),
        (date(2020, 3, 1), 10),
        (date(2019, 12, 31), 20),
        (date(2019, 11, 4), 24),
        (date(2020, 3, 1), 29),
    ]
    assert data["dates"][3]["text"] == (
        "Det fremgik imidlertid af svaret, som Herning Kommune og Region Midtjylland modtog den "
        "4. november 2019, at lovgivningen ikke giver mulighed for dispensation."
    )


def test_five_proposals(data: dict[str, Any]) -> None:
    proposals = data["proposals"]
    assert data["proposals_intro"] == "Region Midtjylland foreslår følgende:"
    assert [(p["line"], p["last_line"]) for p in proposals] == [
        (80, 99),
        (103, 109),
        (113, 123),
        (127, 133),
        (137, 153),
    ]
    assert all(p["text"].startswith("Et samarbejde om ") for p in proposals)
    assert proposals[1]["text"] == (
        "Et samarbejde om eventuel visitation af Herning borgere med udviklingshæmning og problemskabende "
        "adfærd til frigjorte døgnpladser på Nørholm, hvis dette er relevant og ønskes i forhold til borgere, "
        "som opholder sig i eksterne døgntilbud udenfor Herning Kommune."
    )
    # the rate reduction belongs to the first proposal; the closing remark is no proposal
    assert proposals[0]["paragraphs"][1]["text"].startswith("Region Midtjyllands giver tilsagn om")
    assert proposals[0]["paragraphs"][1]["line"] == 93
    assert not any("ovenstående konkretiseres" in p["text"] for p in proposals)


def test_amounts(data: dict[str, Any]) -> None:
    assert [(a["amount_kr"], a["line"]) for a in data["amounts"]] == [
        (900_000, 95),
        (1_100_000, 97),
        (3_100_000, 99),
    ]
    assert data["amounts"][2]["text"].endswith(
        "den samlede takstreduktion over tre år udgør i alt 3.100.000 kr."
    )


def test_sections_hold_the_whole_body(data: dict[str, Any]) -> None:
    (section,) = data["sections"]  # the proposal has no headings
    assert section["heading"] is None
    assert [p["line"] for p in section["paragraphs"]] == [
        5,
        12,
        31,
        43,
        78,
        80,
        93,
        103,
        113,
        127,
        137,
        141,
        157,
    ]
    assert section["paragraphs"][-1]["text"] == (
        "Det forslås, at ovenstående konkretiseres i et nærmere samarbejde på administrativt niveau."
    )
    # soft hyphenation across blank lines is resolved
    assert "Specialområde Udviklingshæmning og ADHD som et af" in section["paragraphs"][2]["text"]


def test_provenance(data: dict[str, Any], proposal: SourceDocument) -> None:
    assert data["source"] == {"document": proposal.id, "first_line": 1, "last_line": 157}


# --- edited copies ---------------------------------------------------------------------------


def test_renamed_parties(proposal: SourceDocument, kommuner: KommuneIndex) -> None:
    text = _edited(proposal, "Herning", "Holstebro").replace("Region Midtjylland", "Region Nordjylland")
    data = _extract_text(proposal, kommuner, text)
    assert [(p["name"], p["kommune"], p["region"], p["role"]) for p in data["parties"]] == [
        ("Holstebro Kommune", "holstebro", None, "recipient"),
        ("Region Nordjylland", None, "Nordjylland", "proposer"),
    ]
    assert data["proposals_intro"] == "Region Nordjylland foreslår følgende:"


def test_edited_amount(proposal: SourceDocument, kommuner: KommuneIndex) -> None:
    data = _extract_text(proposal, kommuner, _edited(proposal, "900.000 kr.", "950.000 kr."))
    assert [a["amount_kr"] for a in data["amounts"]] == [950_000, 1_100_000, 3_100_000]


def test_edited_date(proposal: SourceDocument, kommuner: KommuneIndex) -> None:
    data = _extract_text(proposal, kommuner, _edited(proposal, "17. december 2019", "18. december 2019"))
    assert data["dates"][0]["date"] == date(2019, 12, 18)


def test_added_proposal(proposal: SourceDocument, kommuner: KommuneIndex) -> None:
    lines = list(proposal.lines)
    lines[155:155] = ["", " Et samarbejde om noget helt nyt. ", "", " "]
    data = _extract_text(proposal, kommuner, "\n".join(lines))
    assert len(data["proposals"]) == 6
    assert data["proposals"][-1] == {
        "text": "Et samarbejde om noget helt nyt.",
        "paragraphs": [{"text": "Et samarbejde om noget helt nyt.", "line": 157}],
        "line": 157,
        "last_line": 157,
    }


def test_headings_make_sections(proposal: SourceDocument, kommuner: KommuneIndex) -> None:
    lines = list(proposal.lines)
    lines[3:3] = ["Baggrund", ""]
    sections = _extract_text(proposal, kommuner, "\n".join(lines))["sections"]
    assert [(s["heading"], s["line"]) for s in sections] == [("Baggrund", 4)]
    assert sections[0]["paragraphs"][0]["line"] == 7


def test_no_proposal_list_raises(proposal: SourceDocument, kommuner: KommuneIndex) -> None:
    with pytest.raises(ExtractionError, match="ingen liste med forslag"):
        _extract_text(proposal, kommuner, _edited(proposal, "foreslår følgende: ", "foreslår følgende. "))


def test_title_without_parties_raises(proposal: SourceDocument, kommuner: KommuneIndex) -> None:
    lines = list(proposal.lines)
    lines[:2] = [" Forslag om et udbygget samarbejde ", "om Nørholm "]
    with pytest.raises(ExtractionError) as error:
        _extract_text(proposal, kommuner, "\n".join(lines))
    assert error.value.problems[0].line == 1


def test_empty_and_title_only_documents_raise(proposal: SourceDocument, kommuner: KommuneIndex) -> None:
    with pytest.raises(ExtractionError, match="tomt"):
        _extract_text(proposal, kommuner, " \n\n")
    with pytest.raises(ExtractionError, match="ingen tekst efter titlen"):
        _extract_text(proposal, kommuner, "Forslag mellem Herning Kommune og Region Midtjylland\n\n")
