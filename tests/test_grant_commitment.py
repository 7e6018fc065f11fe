"""Den Sociale Investeringsfond's grant commitment to Viborg Kommune (source 003): values read in
the document, edited copies, and bad structure."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conftest import edited_copy
from kommuneatlas.errors import ExtractionError
from kommuneatlas.extract.grant import commitment as grant_commitment
from kommuneatlas.extract.grant.clauses import inline_items, parse_sections
from kommuneatlas.extract.grant.tables import row_cells, split_cells
from kommuneatlas.sources.manifest import SourceDocument
from kommuneatlas.sources.reference import KommuneIndex


@pytest.fixture(scope="module")
def grant(documents: dict[str, SourceDocument]) -> SourceDocument:
    return documents["003"]


@pytest.fixture(scope="module")
def data(grant: SourceDocument, kommuner: KommuneIndex) -> dict[str, Any]:
    records = grant_commitment.extract(grant, kommuner)
    assert [(r.kind, r.id) for r in records] == [("documents", grant.id)]
    return records[0].data


def _extract_text(grant: SourceDocument, kommuner: KommuneIndex, text: str) -> dict[str, Any]:
    data: dict[str, Any] = grant_commitment.extract(edited_copy(grant, text), kommuner)[0].data
    return data


def _replace_line(grant: SourceDocument, number: int, old: str, new: str) -> str:
    lines = list(grant.lines)
    assert old in lines[number - 1], (number, lines[number - 1])
    lines[number - 1] = lines[number - 1].replace(old, new)
    return "\n".join(lines)


def _appendix(data: dict[str, Any], number: str) -> dict[str, Any]:
    return next(a for a in data["appendices"] if a["number"] == number)


# --- values read in the document ---------------------------------------------------------------


def test_parties(data: dict[str, Any]) -> None:
    assert data["parties"] == [
        {
            "name": "Den Sociale Investeringsfond S/I",
            "short_name": "DSI",
            "cvr": "40056823",
            "address": "Holmens Kanal 22, 1060 København K",
            "kommune": None,
            "role": "grantor",
            "label": "A",
            "line": 5,
        },
        {
            "name": "Viborg Kommune",
            "short_name": "Kommunen",
            "cvr": "29189846",
            "address": "Prinsens Alle 5, 8800 Viborg",
            "kommune": "viborg",
            "role": "recipient",
            "label": "B",
            "line": 11,
        },
        {
            "name": "Delendorff",
            "short_name": None,
            "cvr": "41513918",
            "address": "Åboulevarden 39, 1. th., 8000 Aarhus C",
            "kommune": None,
            "role": "supplier",
            "label": None,
            "line": 652,
        },
    ]


def test_signature_page(data: dict[str, Any]) -> None:
    assert data["parsed_date"] == date(2023, 10, 23)
    assert data["signatories"] == [
        {
            "party": "Viborg Kommune",
            "name": "Søren Jordhøj Aakjær",
            "title": "Direktør for Børn & Ønge",
            "line": 379,
        },
        {
            "party": "Den Sociale Investeringsfond S/T",  # sic: the export reads S/T for S/I
            "name": "Ulla Tørnæs",
            "title": "Bestyrelsesformand",
            "line": 388,
        },
    ]


def test_total_and_amounts(data: dict[str, Any]) -> None:
    assert (data["total_amount_kr"], data["total_amount_line"]) == (3_912_500, 62)
    main = [(a["amount_kr"], a["line"], a["clause"]) for a in data["amounts"] if a["appendix"] is None]
    assert main == [
        (3_912_500, 62, "3.1"),
        (1_362_500, 72, "3.3"),
        (250_000, 74, "3.3"),
        (2_550_000, 76, "3.3"),
        (6_000_000, 119, "5.2"),
    ]
    assert data["amounts"][3]["text"].startswith(
        "Udbetaling af Tilskuddet er betinget af, (1) at Landsbyggefonden"
    )
    in_appendices = {(a["appendix"], a["amount_kr"], a["line"]) for a in data["amounts"] if a["appendix"]}
    assert {
        ("5.1", 5_275_000, 975),
        ("5.1", 8_600, 1063),
        ("5.1", 1_400_000, 1434),
        ("5.1", 250_000, 1446),
    } <= (in_appendices)


def test_period(data: dict[str, Any]) -> None:
    period = data["period"]
    assert (period["start"], period["end"], period["term"], period["line"]) == (
        date(2023, 11, 1),
        date(2026, 10, 31),
        "Indsatsperioden",
        524,
    )
    assert period["text"].startswith(
        "Indsatsen løber i perioden fra den 1. november 2023 til og med den 31. oktober 2026"
    )


def test_target_group(data: dict[str, Any]) -> None:
    assert data["target_group"] == (
        "Målgruppen, der visiteres til indsatsen, er husstande, der som minimum har som to sager i Viborg "
        "Kommune på tværs af direktørområder."
    )
    assert data["target_group_line"] == 726


def test_conditions(data: dict[str, Any]) -> None:
    conditions = data["conditions"]
    assert [(c["number"], c["appendix"], c["line"]) for c in conditions] == [
        ("3.3", None, 70),
        ("6.1.1", None, 147),
        ("6.2.1", None, 190),
        ("1.4.1", "1.4", 495),
    ]
    payment = conditions[0]
    assert [(i["label"], i["line"]) for i in payment["items"]] == [("1", 70), ("2", 72), ("3", 74)]
    assert payment["items"][2]["text"] == (
        "at Poul Due Jensens Fond donerer DKK 2.550.000 til DSI til brug for medfinansiering af Tilskuddet."
    )
    withholding = conditions[1]
    assert [i["label"] for i in withholding["items"]] == ["i", "ii", "iii", "iv", "v", "vi"]
    assert withholding["items"][1] == {
        "label": "ii",
        "text": "Kommunen ikke på behørig vis informerer Styregruppen om Indsatsens udvikling;",
        "line": 159,
    }
    assert withholding["last_line"] == 174


def test_main_sections(data: dict[str, Any]) -> None:
    sections = data["sections"]
    assert [(s["number"], s["heading"], s["line"]) for s in sections][:4] == [
        ("1", "INDLEDNING", 19),
        ("2", "TILSAGNETS VARIGHED", 51),
        ("3", "UDBETALING AF TILSKUDDET", 60),
        ("4", "ANVENDELSE AF TILSKUDDET", 78),
    ]
    assert [s["number"] for s in sections] == [str(n) for n in range(1, 14)]
    assert sections[11]["heading"] == "TVISTER, LOVVALG OG VÆRNETING"
    numbers = [p["number"] for p in sections[5]["paragraphs"]]
    assert numbers == ["6.1", "6.1.1", "6.1.2", "6.1.3", "6.2", "6.2.1", "6.2.2", "6.2.3", "6.2.4", "6.2.5"]
    assert sections[5]["paragraphs"][0] == {
        "number": "6.1",
        "heading": "Tilbageholdelse af Tilskud",
        "text": None,
        "items": [],
        "line": 145,
        "last_line": 145,
    }
    # a wrapped cross-reference ("… bilagt som Bilag" / "3.2 (”Udbetalingsplanen”) …") is no clause
    clause_3_2 = sections[2]["paragraphs"][1]
    assert (clause_3_2["number"], clause_3_2["last_line"]) == ("3.2", 68)
    assert clause_3_2["text"].endswith(
        "bilagt som Bilag 3.2 (”Udbetalingsplanen”) til en af Kommunen anvist bankkonto."
    )
    # a page break inside a clause ("punkt" / " 6.2.3. Kommunens …") does not start one either
    assert sections[5]["paragraphs"][8]["text"].endswith(
        "rimelig dokumentation for tilbagekaldelsens illegitimitet."
    )
    # soft hyphens resolved, link targets and footnotes dropped
    assert "(”Tilskuddet”)" in sections[2]["paragraphs"][0]["text"]
    assert "mailto" not in sections[11]["paragraphs"][0]["text"]


def test_appendices(data: dict[str, Any]) -> None:
    assert [(a["number"], a["title"], a["line"], a["listed_line"]) for a in data["appendices"]] == [
        ("1.4", "Projektbeskrivelse", 392, 354),
        ("3.2", "Udbetalingsplan for Indsatsen", 848, 356),
        ("4.1", "Budget for Indsatsen", 893, 358),
        ("4.2", "Eksempelberegninger", 951, 360),
        ("5.1", "Tilbagebetalingsplan for Indsatsen", 971, 362),
    ]
    project = _appendix(data, "1.4")
    assert [(s["number"], s["heading"]) for s in project["sections"]] == [
        ("1", "INDSATSEN"),
        ("2", "INDSATSFORLØB"),
        ("3", "VISITATION"),
        ("4", "TIDSPLAN"),
    ]
    footnoted = next(p for p in project["sections"][0]["paragraphs"] if p["number"] == "1.3.2")
    assert "boligsocialkort" not in footnoted["text"]
    assert footnoted["text"].endswith("eller tilbagekalde Tilsagnet.")


def test_payment_plan_table(data: dict[str, Any]) -> None:
    (table,) = _appendix(data, "3.2")["tables"]
    assert table["header"] == (
        "Udbetalingsrate Periode Frist for udbetalingsdato Beløb udbetalt af DSI (DKK) "
        "Beløb udbetalt af Landbyggefonden* (DKK)"
    )
    assert table["rows"] == [
        {"cells": ["Første rate", "2023", "November 2023", "1.304.167", "454.167"], "line": 867},
        {"cells": ["Anden rate", "2024", "November 2024", "1.304.167", "454.167"], "line": 869},
        {"cells": ["Tredje rate", "2025", "November 2025", "1.304.167", "454.167"], "line": 871},
        {"cells": ["Total", "3.912.500", "1.362.500"], "line": 873},
    ]


def test_budget_table(data: dict[str, Any]) -> None:
    (table,) = _appendix(data, "4.1")["tables"]
    rows = {row["line"]: row["cells"] for row in table["rows"]}
    assert rows[911] == ["Kommunalt personale", "250.000", "1.500.000", "1.500.000", "1.250.000", "4.500.000"]
    assert rows[943] == ["Budget i alt", "293.056", "1.785.333", "1.785.333", "1.465.278", "6.002.500"]
    assert rows[947] == ["Forventet antal Husstande", "10", "60", "60", "50", "180"]
    assert rows[933][0].startswith("Indsats i alt") and rows[933][1:] == ["5.275.000"]


def test_repayment_tables(data: dict[str, Any]) -> None:
    tables = _appendix(data, "5.1")["tables"]
    shares = tables[0]
    assert shares["header"].startswith("Tilskudsgiver Tilskud (DKK)")
    assert [row["cells"] for row in shares["rows"]] == [
        ["DSI", "3.912.500", "74%", "74 %", "100%"],
        ["LBF", "1.362.500", "26%", "26%", "0 %"],
    ]
    benefits = tables[1]
    assert len(benefits["rows"]) == 20
    assert benefits["rows"][15] == {
        "cells": [
            "Selvforsørgelses- og hjemrejseydelsesmodtager i program",
            "1",
            "0%",
            "Uddannelse/beskæftigelse",
            "20%",
        ],
        "line": 1329,
    }
    measures = tables[2]
    assert measures["rows"][4]["cells"] == [
        "Beskyttet beskæftigelse og aktivitetstilbud § 103 og 104",
        "22",
        "6%",
        "5",
        "5%",
    ]


def test_provenance_and_lines(data: dict[str, Any], grant: SourceDocument) -> None:
    assert data["source"] == {"document": grant.id, "first_line": 1, "last_line": 1458}
    for key in ("parties", "signatories", "amounts", "conditions", "sections", "appendices"):
        assert all(isinstance(row["line"], int) for row in data[key]), key


# --- edited copies ---------------------------------------------------------------------------


def test_edited_total(grant: SourceDocument, kommuner: KommuneIndex) -> None:
    data = _extract_text(grant, kommuner, _replace_line(grant, 62, "DKK 3.912.500", "DKK 4.000.000"))
    assert data["total_amount_kr"] == 4_000_000
    assert data["amounts"][0]["amount_kr"] == 4_000_000


def test_renamed_recipient(grant: SourceDocument, kommuner: KommuneIndex) -> None:
    text = _replace_line(grant, 11, "Viborg Kommune CVR-nr. 29189846", "Skive Kommune CVR-nr. 29189847")
    recipient = _extract_text(grant, kommuner, text)["parties"][1]
    assert (recipient["name"], recipient["kommune"], recipient["cvr"]) == (
        "Skive Kommune",
        "skive",
        "29189847",
    )


def test_swapped_roles(grant: SourceDocument, kommuner: KommuneIndex) -> None:
    text = _replace_line(grant, 1, "er afgivet af", "er accepteret af")
    text = "\n".join(line.replace("og accepteret af", "og afgivet af") for line in text.splitlines())
    parties = _extract_text(grant, kommuner, text)["parties"]
    assert [p["role"] for p in parties[:2]] == ["recipient", "grantor"]


def test_edited_period(grant: SourceDocument, kommuner: KommuneIndex) -> None:
    text = _replace_line(grant, 524, "31. oktober 2026", "30. april 2027")
    period = _extract_text(grant, kommuner, text)["period"]
    assert (period["start"], period["end"]) == (date(2023, 11, 1), date(2027, 4, 30))


def test_edited_signature_date(grant: SourceDocument, kommuner: KommuneIndex) -> None:
    text = _replace_line(grant, 374, "23. oktober 2023", "24. oktober 2023")
    assert _extract_text(grant, kommuner, text)["parsed_date"] == date(2023, 10, 24)


def test_edited_table_amount(grant: SourceDocument, kommuner: KommuneIndex) -> None:
    text = _replace_line(grant, 873, "3.912.500", "3.912.501")
    (table,) = _appendix(_extract_text(grant, kommuner, text), "3.2")["tables"]
    assert table["rows"][-1]["cells"] == ["Total", "3.912.501", "1.362.500"]


# --- bad structure --------------------------------------------------------------------------


def test_unreadable_signature_date_raises(grant: SourceDocument, kommuner: KommuneIndex) -> None:
    with pytest.raises(ExtractionError) as error:
        _extract_text(grant, kommuner, _replace_line(grant, 374, "23. oktober 2023", "32. oktober 2023"))
    assert error.value.problems[0].line == 374


def test_preamble_without_parties_raises(grant: SourceDocument, kommuner: KommuneIndex) -> None:
    text = _replace_line(_replace_line_text(grant, 5, "(A) ", ""), 11, "(B) ", "")
    with pytest.raises(ExtractionError, match="nævner ingen parter"):
        _extract_text(grant, kommuner, text)


def _replace_line_text(grant: SourceDocument, number: int, old: str, new: str) -> SourceDocument:
    return edited_copy(grant, _replace_line(grant, number, old, new))


def test_no_numbered_sections_raises(grant: SourceDocument, kommuner: KommuneIndex) -> None:
    with pytest.raises(ExtractionError, match="nummererede afsnit"):
        _extract_text(grant, kommuner, "(A) Nogen, CVR-nr. 12345678, Vej 1, 1000 By\n\nIngen afsnit.\n")


def test_unnamed_signatory_raises(grant: SourceDocument, kommuner: KommuneIndex) -> None:
    with pytest.raises(ExtractionError, match="ingen underskriver"):
        _extract_text(grant, kommuner, _replace_line(grant, 388, "Ulla Tørnæs", "u. t."))


def test_empty_document_raises(grant: SourceDocument, kommuner: KommuneIndex) -> None:
    with pytest.raises(ExtractionError, match="tomt"):
        _extract_text(grant, kommuner, "\n \n")


# --- the building blocks --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        (
            "Første rate 2023 November 2023 1.304.167 454.167",
            ["Første rate", "2023", "November 2023", "1.304.167", "454.167"],
        ),
        ("LBF 1.362.500 26% 26% 0 %", ["LBF", "1.362.500", "26%", "26%", "0 %"]),
        ("Bostøtte § 85 54 16% 3 25%", ["Bostøtte § 85", "54", "16%", "3", "25%"]),
        ("Succesrate - 23,45% 18,78%", ["Succesrate", "-", "23,45%", "18,78%"]),
        ("250.000 1.500.000", ["250.000", "1.500.000"]),
        ("    5.275.000 ", ["5.275.000"]),
    ],
)
def test_rows(text: str, cells: list[str]) -> None:
    row = row_cells(text.strip())
    assert row is not None and row[0] == cells


@pytest.mark.parametrize(
    "text",
    [
        "sultatmåling 1-3 hhv. 12, 18 og 24",  # a wrapped sentence
        "Kvartal Beskrivelse",
        "DKK 8.600",  # one figure after a label
        "26",  # a page number
        "Tilskudsgiver Andel af tilbagebetaling, tranche 1 Andel af tilbagebetaling, tranche 2",
        "Borger 2 § 85 § 85 Nej Ingen",
    ],
)
def test_not_rows(text: str) -> None:
    assert row_cells(text) is None


def test_split_cells_marks_figures() -> None:
    assert split_cells("Total 333 100%  26,2%") == (
        ["Total", "333", "100%", "26,2%"],
        [False, True, True, True],
    )


def test_inline_items_ignore_numbers_glossed_in_digits() -> None:
    assert inline_items("senest en (1) måned efter, og to (2) kvartaler") == []
    assert [label for label, _, _ in inline_items("hvis (i) a, eller (ii) b, eller (iii) c.")] == [
        "i",
        "ii",
        "iii",
    ]


def test_sections_from_plain_lines() -> None:
    lines = (
        "Indledende tekst.",
        "1. FORMÅL",
        "1.1 Overskrift",
        "1.1.1 Første pkt. der fort-",
        "sætter her:",
        "(i) et punkt",
        "(ii) et andet",
        "2. Andet afsnit",
        "2.1 Tekst.",
        "2. januar 2024",
    )
    sections = parse_sections(lines, 1, len(lines))
    assert [(s.number, s.heading) for s in sections] == [(None, None), ("1", "FORMÅL"), ("2", "Andet afsnit")]
    heading, clause = sections[1].clauses
    assert (heading.number, heading.heading, heading.passage) == ("1.1", "Overskrift", None)
    assert clause.passage is not None and clause.passage.text == "Første pkt. der fortsætter her:"
    assert [(i.label, i.passage.text) for i in clause.items] == [("i", "et punkt"), ("ii", "et andet")]
    (last,) = sections[2].clauses
    assert last.passage is not None and last.passage.text == "Tekst. 2. januar 2024"
