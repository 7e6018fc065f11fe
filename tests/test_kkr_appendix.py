"""KKR appendix bundle (source 001): table of contents, letters, bureaucracy tables, financing."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import edited_copy, load_gold
from kommuneatlas.errors import ExtractionError
from kommuneatlas.extract.kkr_appendix import bundle as kkr_appendix
from kommuneatlas.extract.record import Record
from kommuneatlas.model.financing import FinancingCheck, check_financing
from kommuneatlas.sources.manifest import SourceDocument
from kommuneatlas.sources.reference import KommuneIndex, kkr_id
from kommuneatlas.text.clean import collapse_ws
from kommuneatlas.text.html_text import html_to_text


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    gold: dict[str, Any] = load_gold("kkr.yaml")["bilag_001"]
    return gold


@pytest.fixture(scope="module")
def bundle(documents: dict[str, SourceDocument]) -> SourceDocument:
    return documents["001"]


@pytest.fixture(scope="module")
def data(bundle: SourceDocument, kommuner: KommuneIndex) -> dict[str, Any]:
    records = kkr_appendix.extract(bundle, kommuner)
    assert [(r.kind, r.id) for r in records] == [("documents", bundle.id)]
    return records[0].data


def _extract_text(bundle: SourceDocument, kommuner: KommuneIndex, text: str) -> dict[str, Any]:
    records: list[Record] = kkr_appendix.extract(edited_copy(bundle, text), kommuner)
    return records[0].data


def _replace_line(bundle: SourceDocument, number: int, old: str, new: str) -> str:
    """The document's text with ``old`` replaced by ``new`` on line ``number`` only."""
    lines = list(bundle.lines)
    assert old in lines[number - 1], (number, lines[number - 1])
    lines[number - 1] = lines[number - 1].replace(old, new)
    return "\n".join(lines)


# --- against the gold answers ---------------------------------------------------------------


def test_kkr_is_found_in_the_text(data: dict[str, Any], gold: dict[str, Any], kommuner: KommuneIndex) -> None:
    assert data["kkr"] == kkr_id(gold["kkr"]) == "midtjylland"


def test_agenda_items_match_gold(data: dict[str, Any], gold: dict[str, Any]) -> None:
    assert [
        (i["number"], i["title"], i["page"], i["line"], i["first_line"]) for i in data["agenda_items"]
    ] == [
        (g["number"], g["title"], g["toc_page"], g["toc_line"], g["first_line"]) for g in gold["agenda_items"]
    ]


def test_attachments_match_gold(data: dict[str, Any], gold: dict[str, Any]) -> None:
    assert [(a["item"], a["number"], a["title"], a["page"], a["line"]) for a in data["attachments"]] == [
        (g["item"], g["bilag"], g["title"], g["toc_page"], g["toc_line"]) for g in gold["attachments"]
    ]


def test_letters_match_gold(data: dict[str, Any], gold: dict[str, Any]) -> None:
    fields = ("item", "title", "title_line", "date", "date_line", "case_id", "case_id_label", "case_id_line")
    mine = [
        (*(letter[f] for f in fields), letter["number"], letter["doc_id"], letter["line"])
        for letter in data["letters"]
    ]
    expected = [
        (*(g[f] for f in fields), g["bilag"], g["doc_id"], g["first_line"]) for g in gold["documents"]
    ]
    assert mine == expected


def test_letter_last_lines(data: dict[str, Any], gold: dict[str, Any], bundle: SourceDocument) -> None:
    """The final attachment runs to the file's last line (1384, no newline at the end), a table row
    of that attachment; every attachment's end matches the gold."""
    mine = [letter["last_line"] for letter in data["letters"]]
    expected = [g["last_line"] for g in gold["documents"]]
    assert mine == expected
    assert mine[-1] == len(bundle.lines) == 1384
    assert bundle.line(1384).startswith("Afrapportering\t")


def test_letter_senders_and_recipients(data: dict[str, Any]) -> None:
    first, reply = data["letters"][:2]
    assert first["recipient"] == "Anders Kühnau"
    assert first["sender"] == "Torben Hansen og Ib Lauritsen"
    assert first["signatories"] == [
        {"name": "Torben Hansen", "role": "formand KKR Midtjylland", "line": 50},
        {"name": "Ib Lauritsen", "role": "næstformand KKR Midtjylland", "line": 52},
    ]
    assert reply["recipient"] == "Torben Hansen og Ib Lauritsen"
    assert reply["sender"] == "Anders Kühnau"
    assert reply["signatories"] == [{"name": "Anders Kühnau", "role": "Regionsrådsformand", "line": 82}]
    assert all(letter["sender"] is None and letter["recipient"] is None for letter in data["letters"][2:])


def test_undated_contract_takes_its_standalone_date_line(data: dict[str, Any]) -> None:
    contract = data["letters"][-1]
    assert (contract["date"], contract["date_line"], contract["date_labelled"]) == (
        date(2024, 1, 2),
        1224,
        False,
    )
    assert all(letter["date_labelled"] for letter in data["letters"][:-1])


def test_bureaucracy_rows_match_gold(data: dict[str, Any], gold: dict[str, Any]) -> None:
    rows = data["bureaucracy_rows"]
    assert len(rows) == len(gold["bureaucracy_rows"]) == 82
    assert [(r["subject"], r["legal_basis"], r["line"], r["continuation_lines"]) for r in rows] == [
        (g["emne"], g["lovgrundlag"], g["first_line"], g.get("continuation_lines", []))
        for g in gold["bureaucracy_rows"]
    ]


def test_bureaucracy_rows_belong_to_their_tables(data: dict[str, Any], gold: dict[str, Any]) -> None:
    first, follow_on = (
        "Nye eksempler på statsligt bureaukrati",
        ("Uddybende eksempler på udgiftsdrivende tilsynspraksis på socialområdet"),
    )
    tables = {"nye_eksempler": first, "uddybende": follow_on}
    assert [r["table"] for r in data["bureaucracy_rows"]] == [
        tables[g["table"]] for g in gold["bureaucracy_rows"]
    ]


def test_bureaucracy_descriptions_are_plain_text(data: dict[str, Any]) -> None:
    rows = {r["line"]: r for r in data["bureaucracy_rows"]}
    assert all(r["description"] for r in rows.values())
    assert not any("<" in r["description"] or ">" in r["description"] for r in rows.values())
    assert rows[588]["description"].startswith(
        "Vi har set en stor vækst i antal medarbejdere i statslige styrelser."
    )
    # a cell continued after the page furniture, its soft hyphen resolved ("rele-" / "vant")
    assert (
        "Dokumentationen skal bestå af al for byggearbejdet relevant materiale, herunder"
        in (rows[613]["description"])
    )
    assert rows[613]["description"].endswith("som en bureaukratisk forenkling.")
    # the merged cell of 872: its two sub-rows are part of the description
    assert rows[872]["description"] == (
        "Tilsyn på Herberg – deltagelse af ledere og medarbejdere = 36 timer "
        "Tilsyn Rusmiddel – deltagelse af ledere og medarbejdere = 36 timer "
        "Tilsyn§ 107/108 – deltagelse af ledere og medarbejdere = 36 timer"
    )
    assert rows[957]["description"].endswith("administrativt setup. Dette er samtidig udgiftsdrivende.")
    assert rows[871]["description"].startswith("Ifm tilsynsbesøg: • Forberedelse tilsyn")


def test_financing_matches_gold(data: dict[str, Any], gold: dict[str, Any], kommuner: KommuneIndex) -> None:
    financing = data["financing"]
    assert [(r["kommune"], r["amount_tkr"], r["line"]) for r in financing["rows"]] == [
        (kommuner.id_of(g["kommune"]), g["amount_tkr"], g["line"]) for g in gold["financing_table"]
    ]
    assert len(financing["rows"]) == 19
    assert financing["total_tkr"] == gold["financing_total_tkr"] == 41679
    assert financing["total_line"] == gold["financing_total_line"]
    assert financing["header_line"] == gold["financing_table_header_line"]
    assert "sum_tkr" not in financing and "sum_ok" not in financing  # computed, never stored
    assert check_financing(financing) == FinancingCheck(41679, 41679, True)


def test_financing_kommuner_are_those_of_the_kkr(data: dict[str, Any], kommuner: KommuneIndex) -> None:
    ids = {r["kommune"] for r in data["financing"]["rows"]}
    assert ids == {k.id for k in kommuner.by_kkr("KKR Midtjylland")}


def test_provenance_spans_the_content(data: dict[str, Any], bundle: SourceDocument) -> None:
    assert data["source"] == {"document": bundle.id, "first_line": 3, "last_line": 1384}


def test_every_list_row_carries_a_line(data: dict[str, Any]) -> None:
    for key in ("agenda_items", "attachments", "letters", "bureaucracy_rows"):
        assert all(isinstance(row["line"], int) and row["line"] > 0 for row in data[key]), key
    assert all(isinstance(row["line"], int) for row in data["financing"]["rows"])


# --- edited copies: the output follows the text ------------------------------------------------


def test_edited_amount_breaks_the_sum(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    data = _extract_text(bundle, kommuner, _replace_line(bundle, 1247, "725", "726"))
    financing = data["financing"]
    assert financing["rows"][8] == {"kommune": "odder", "amount_tkr": 726, "line": 1247}
    assert check_financing(financing) == FinancingCheck(41680, 41679, False)


def test_edited_total_breaks_the_sum(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    data = _extract_text(bundle, kommuner, _replace_line(bundle, 1258, "41.679", "41.680"))
    assert check_financing(data["financing"]) == FinancingCheck(41679, 41680, False)


def test_edited_thousands_amount_is_read_as_an_integer(
    bundle: SourceDocument, kommuner: KommuneIndex
) -> None:
    text = _replace_line(bundle, 1257, "11.089", "11.088")
    text = "\n".join(
        line.replace("41.679", "41.678") if line.startswith("Midtjylland i alt") else line
        for line in text.splitlines()
    )
    financing = _extract_text(bundle, kommuner, text)["financing"]
    assert financing["rows"][-1]["amount_tkr"] == 11088
    assert check_financing(financing) == FinancingCheck(41678, 41678, True)


def test_edited_municipality_name_is_normalised(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    data = _extract_text(bundle, kommuner, _replace_line(bundle, 1257, "Aarhus", "Århus Kommune"))
    assert data["financing"]["rows"][-1]["kommune"] == "aarhus"


def test_unknown_municipality_raises_with_its_line(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    with pytest.raises(ExtractionError) as error:
        _extract_text(bundle, kommuner, _replace_line(bundle, 1250, "Samsø", "Atlantis"))
    assert error.value.problems[0].line == 1250
    assert "Atlantis" in error.value.problems[0].message


def test_unreadable_amount_raises_with_its_line(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    with pytest.raises(ExtractionError) as error:
        _extract_text(bundle, kommuner, _replace_line(bundle, 1250, "116", "11,6x"))
    assert error.value.problems[0].line == 1250


def test_edited_date_changes_the_letter(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    data = _extract_text(bundle, kommuner, _replace_line(bundle, 24, "28. november 2023", "3. december 2023"))
    assert data["letters"][0]["date"] == date(2023, 12, 3)
    data = _extract_text(bundle, kommuner, _replace_line(bundle, 64, "14-12-2023", "15-01-2024"))
    assert data["letters"][1]["date"] == date(2024, 1, 15)


def test_unreadable_labelled_date_raises(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    with pytest.raises(ExtractionError) as error:
        _extract_text(bundle, kommuner, _replace_line(bundle, 24, "28. november 2023", "31. november 2023"))
    assert error.value.problems[0].line == 24


def test_edited_case_id_changes_the_letter(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    data = _extract_text(bundle, kommuner, _replace_line(bundle, 26, "SAG-2022-00298", "SAG-2022-99999"))
    assert data["letters"][0]["case_id"] == "SAG-2022-99999"
    data = _extract_text(bundle, kommuner, _replace_line(bundle, 66, "1-30-76-17-23", "1-30-76-99-24"))
    assert data["letters"][1]["case_id"] == "1-30-76-99-24"


def test_edited_names_change_sender_and_recipient(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    text = _replace_line(bundle, 34, "Anders Kühnau", "Anne Eksempel")
    text = "\n".join(line.replace("Torben Hansen", "Tove Hansen") for line in text.splitlines())
    first, reply = _extract_text(bundle, kommuner, text)["letters"][:2]
    assert first["recipient"] == "Anne Eksempel"
    assert first["sender"] == "Tove Hansen og Ib Lauritsen"
    assert reply["recipient"] == "Tove Hansen og Ib Lauritsen"


def test_edited_legal_basis_and_subject(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    text = _replace_line(bundle, 906, "LAB § 31", "LAB § 32")
    text = "\n".join(
        line.replace("<p>Energimærkning</p>", "<p>Energimærkning &amp; BR</p>") for line in text.splitlines()
    )
    rows = {r["line"]: r for r in _extract_text(bundle, kommuner, text)["bureaucracy_rows"]}
    assert rows[906]["legal_basis"] == "LAB § 32"
    assert rows[613]["subject"] == "Energimærkning & BR"


def test_edited_toc_title(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    text = _replace_line(bundle, 12, "lånepulje", "lånepuljen")
    assert _extract_text(bundle, kommuner, text)["attachments"][3]["title"].endswith(
        "Midtjylland - lånepuljen"
    )


def test_missing_total_gives_no_sum_check(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    lines = [line for n, line in enumerate(bundle.lines, 1) if n != 1258]
    financing = _extract_text(bundle, kommuner, "\n".join(lines))["financing"]
    assert (check_financing(financing).ok, len(financing["rows"])) == (None, 19)


# --- bad structure raises ExtractionError -----------------------------------------------------


def test_missing_toc_raises(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    text = "\n".join(line.replace("Indholdsfortegnelse", "Oversigt") for line in bundle.lines)
    with pytest.raises(ExtractionError, match="indholdsfortegnelse"):
        _extract_text(bundle, kommuner, text)


def test_attachment_missing_from_the_text_raises(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    lines = list(bundle.lines)
    lines[55 - 1] = "2.1 (fjernet)"  # the reply letter no longer opens with a bare item number
    with pytest.raises(ExtractionError, match="svarer ikke til indholdsfortegnelsen"):
        _extract_text(bundle, kommuner, "\n".join(lines))


def test_extra_attachment_raises_at_its_line(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    lines = [*bundle.lines, "", "3.8", "", "Ekstra"]
    with pytest.raises(ExtractionError) as error:
        _extract_text(bundle, kommuner, "\n".join(lines))
    assert error.value.problems[0].line == len(bundle.lines) + 2


def test_no_kkr_named_raises(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    text = "\n".join(line.replace("KKR", "Rådet") for line in bundle.lines)
    with pytest.raises(ExtractionError, match="intet KKR"):
        _extract_text(bundle, kommuner, text)


def test_orphan_table_continuation_raises(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    lines = list(bundle.lines)
    lines[995 - 1] = "\tEn løs fortsættelse"  # right after the follow-on table's heading
    with pytest.raises(ExtractionError) as error:
        _extract_text(bundle, kommuner, "\n".join(lines))
    assert error.value.problems[0].line == 995


def test_empty_document_raises(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    with pytest.raises(ExtractionError):
        _extract_text(bundle, kommuner, "\n\n")


def test_kkr_named_most_often_wins(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    text = "\n".join(line.replace("KKR Midtjylland", "KKR Nordjylland") for line in bundle.lines)
    assert _extract_text(bundle, kommuner, text)["kkr"] == "nordjylland"


# --- table cells as plain text ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>Lov om integration</p>", "Lov om integration"),
        ("<p>a &amp; b</p> <p>c</p>", "a & b c"),
        ("<p>a</p><p>b</p>", "a b"),
        ('<ul style="list-style-type: none"> • Forberedelse</ul>', "• Forberedelse"),
        ("Dok<i>u</i>mentation", "Dokumentation"),
        ("Tilsyn§ 107/108 – 36 timer", "Tilsyn§ 107/108 – 36 timer"),
        ("5 < 10 og 10 > 5", "5 < 10 og 10 > 5"),
        ("<script>alert(1)</script>tekst", "tekst"),
        ("<p><i>vant materiale", "vant materiale"),  # a cell cut off at a page break
        ("&lt;p&gt; er ikke et mærke", "<p> er ikke et mærke"),
    ],
)
def test_html_to_text(fragment: str, text: str) -> None:
    assert html_to_text(fragment) == text


@given(st.lists(st.text(alphabet="abcæøå .,§-", min_size=1, max_size=12), min_size=1, max_size=5))
def test_html_paragraphs_become_plain_text(parts: list[str]) -> None:
    fragment = " ".join(f"<p>{html.escape(part)}</p>" for part in parts)
    assert html_to_text(fragment) == collapse_ws(" ".join(parts))


@given(st.text())
def test_html_to_text_never_raises(fragment: str) -> None:
    assert html_to_text(fragment) == collapse_ws(html_to_text(fragment))


def test_agenda_item_without_attachments(bundle: SourceDocument, kommuner: KommuneIndex) -> None:
    lines = list(bundle.lines)
    lines.insert(16, "3.9 Eventuelt\t50")
    data = _extract_text(bundle, kommuner, "\n".join(lines))
    assert data["agenda_items"][-1] == {
        "number": "3.9",
        "title": "Eventuelt",
        "page": 50,
        "line": 17,
        "first_line": None,
    }
    assert len(data["letters"]) == 6
