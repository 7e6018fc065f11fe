"""Frikommune status note (source 004): networks and experiments against the gold answers, edited
copies of the document, consistency notes, and the parsing helpers."""

from __future__ import annotations

import json
import re
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import edited_copy, load_gold
from kommuneatlas.errors import ExtractionError
from kommuneatlas.extract.frikommune import status as frikommune
from kommuneatlas.extract.frikommune.chapters import read_body
from kommuneatlas.extract.frikommune.dates import in_force_date
from kommuneatlas.extract.frikommune.kommuner import (
    mentioned_kommuner,
    read_kommune_cell,
    split_after_list,
)
from kommuneatlas.extract.frikommune.notes import round_dates
from kommuneatlas.extract.frikommune.text import text_of
from kommuneatlas.extract.record import Record
from kommuneatlas.model.kinds import SCHEMAS
from kommuneatlas.sources.manifest import SourceDocument
from kommuneatlas.sources.reference import KommuneIndex

TEST_PATH = Path("004_test.txt")


@pytest.fixture(scope="module")
def note(documents: dict[str, SourceDocument]) -> SourceDocument:
    return documents["004"]


@pytest.fixture(scope="module")
def records(note: SourceDocument, kommuner: KommuneIndex) -> list[Record]:
    return frikommune.extract(note, kommuner)


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    gold: dict[str, Any] = load_gold("experiments.yaml")
    return gold


def _networks(records: list[Record]) -> list[dict[str, Any]]:
    return [r.data for r in records if r.kind == "networks"]


def _experiments(records: list[Record]) -> list[dict[str, Any]]:
    return [r.data for r in records if r.kind == "experiments"]


def _network(records: list[Record], number: int) -> dict[str, Any]:
    return next(n for n in _networks(records) if n["number"] == number)


def _extract_text(note: SourceDocument, kommuner: KommuneIndex, text: str) -> list[Record]:
    return frikommune.extract(edited_copy(note, text), kommuner)


def _replace_lines(note: SourceDocument, first: int, last: int, new: list[str]) -> str:
    """The document's text with lines ``first``..``last`` (1-based, inclusive) replaced."""
    lines = list(note.lines)
    lines[first - 1 : last] = new
    return "\n".join(lines)


# --- the whole document against the gold answers -------------------------------------------------


def test_records_come_in_document_order(records: list[Record]) -> None:
    kinds = [r.kind for r in records]
    assert kinds == ["networks"] * 8 + ["experiments"] * 79
    assert [n["number"] for n in _networks(records)] == list(range(1, 9))
    lines = [e["source"]["first_line"] for e in _experiments(records)]
    assert lines == sorted(lines)
    ids = [r.id for r in records if r.kind == "experiments"]
    assert len(set(ids)) == len(ids)


def _schema_order(kind: str) -> list[str]:
    """The schema's fields in order, without ``id`` (extract adds it to every record)."""
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return [name for name in schema["properties"] if name != "id"]


def test_data_keys_are_in_the_schemas_order(records: list[Record]) -> None:
    for network in _networks(records):
        assert list(network) == _schema_order("networks")
    for experiment in _experiments(records):
        assert list(experiment) == _schema_order("experiments")


def test_experiments_match_gold(records: list[Record], gold: dict[str, Any], kommuner: KommuneIndex) -> None:
    network_ids = {n["number"]: r.id for r in records if r.kind == "networks" for n in [r.data]}
    expected = [(n["number"], e) for n in gold["networks"] for e in n["experiments"]]
    found = _experiments(records)
    assert len(found) == len(expected) == 79
    for data, (number, g) in zip(found, expected, strict=True):
        assert data["network"] == network_ids[number], g["title"]
        assert data["title"] == g["title"]
        # The gold names the kommuner as the cell spells them ("Vesthimmerland"); the records hold
        # their ids ("vesthimmerlands"), so compare with the ids the gold's names stand for.
        assert data["kommuner"] == [kommuner.id_of(name) for name in g["kommuner"]], g["title"]
        assert data["kommuner_raw"] == g["kommuner_raw"]
        assert data["hjemmel"] == g["hjemmel_raw"]
        assert data["in_force"] == g["in_force"], g["title"]
        assert data["source"]["first_line"] == g["first_line"], g["title"]
        assert data["source"]["document"] == "vive-2019-frikommuneforsoeg-ii"


def test_networks_match_gold(records: list[Record], gold: dict[str, Any], kommuner: KommuneIndex) -> None:
    found = _networks(records)
    assert len(found) == len(gold["networks"]) == 8
    for data, g in zip(found, gold["networks"], strict=True):
        assert data["number"] == g["number"]
        assert data["name"] == g["name"]
        assert data["kommuner"] == [kommuner.id_of(name) for name in g["kommuner"]]
        assert data["inactive_kommuner"] == [kommuner.id_of(name) for name in g["inactive_kommuner"]]
        assert data["approved_count"] == g["approved_count_table1"]


def test_only_the_eighth_network_is_inactive(records: list[Record]) -> None:
    assert [n["active"] for n in _networks(records)] == [True] * 7 + [False]
    eighth = _network(records, 8)
    assert eighth["introduction"] == eighth["status"] == eighth["experiences"] == []
    assert eighth["source"] == {
        "document": "vive-2019-frikommuneforsoeg-ii",
        "first_line": 1399,
        "last_line": 1411,
    }


def test_network_theme_and_chapter_texts(records: list[Record]) -> None:
    first = _network(records, 1)
    assert first["theme"].startswith("Netværket vil adressere udfordringerne med at fastholde")
    assert first["source"] == {
        "document": "vive-2019-frikommuneforsoeg-ii",
        "first_line": 247,
        "last_line": 564,
    }
    assert first["introduction"][0].startswith("Frikommunenetværket ”En mere fleksibel")
    assert first["data_sources"][0].endswith("følgende datakilder:")
    # the bullets as one list, an item per line (light Markdown)
    assert first["data_sources"][1].split("\n")[:2] == [
        "- Interview med koordinator for frikommunenetværket",
        "- Interview med tovholder på forsøg med mikrolån",
    ]
    assert first["status"][0].startswith("Der er i alt 20 forsøg i frikommunenetværket")
    assert first["experiences"][0].startswith("I det følgende sættes der fokus på tre forsøg")
    # A bullet continued after a blank line, and words hyphenated over it, are joined.
    assert (
        "- Fokusgruppeinterview med henholdsvis akutteamets medarbejdere og ledelsesrepræsentanter fra de tre "
        "kommuner samt akutteamets daglige leder" in _network(records, 5)["data_sources"][1].split("\n")
    )
    seventh = _network(records, 7)
    assert seventh["status"][0].startswith("Regeringen har godkendt i alt 11 forsøg i frikommunenetværket.")
    for network in _networks(records)[:7]:
        assert all(network[part] for part in ("introduction", "data_sources", "status", "experiences"))
        for part in ("introduction", "data_sources", "status", "experiences"):
            for paragraph in network[part]:
                assert "https://" not in paragraph  # footnotes and link annotations dropped
                assert "\uf0a7" not in paragraph  # bullet glyphs dropped


def test_experiment_cells(records: list[Record]) -> None:
    by_title = {e["title"]: e for e in _experiments(records)}
    microloans = by_title["Mikrolån"]  # title, municipality and content share one line
    assert microloans["content"].startswith("Forsøget omhandler mikrolån som tilskud til rentefri lån")
    assert microloans["target_group"].endswith("efter LAB-lovens kap. 10-12.")
    assert microloans["implementation"].startswith(
        "Lovmæssig ikrafttrædelse pr. 1.7. 2017. Der er pr. 1.12. 2018"
    )
    assert microloans["evaluation"].endswith("samt ved forsøgets afslutning.")
    assert microloans["source"]["last_line"] == 1496
    # A one-line target group shares its line with the first line of the Hjemmel cell.
    music = by_title["Fleksibilitet i den praktisk/musiske fagblok"]
    assert music["target_group"] == "Elever på 4.-7. klassetrin."
    assert music["hjemmel"] == "Forsøgsbestemmelsen i folkeskolelovens § 55."
    care = by_title["Plejehjemtilsyn. Mere sammenhængende indsatser på tværs af sektorområder"]
    assert care["target_group"] == "Kommunale plejecentre"
    # A cell carried over a page break without a repeated header stays whole.
    rehab = by_title["Rehabiliteringsteams (et af fire) – Fritagelse fra krav om lægeattest – LÆ 265"]
    assert "Frederikshavn/Læsø: 97 sager om rehabilitering og 92 sager for LÆ." in rehab["implementation"]
    assert rehab["evaluation"].startswith("Gennemførelse af telefoninterview med læger")
    assert rehab["source"] == {
        "document": "vive-2019-frikommuneforsoeg-ii",
        "first_line": 1986,
        "last_line": 2072,
    }
    # A row that starts a page without a repeated header.
    partial = by_title["Delvis fritagelse fra uddannelsespålæg"]
    assert partial["kommuner"] == ["aalborg"]
    assert partial["content"].startswith("Med kontanthjælpsreformen blev uddannelsespålæg indført")
    none = by_title[
        "Sammenhæng mellem almenboligloven og serviceloven – mulighed for kommunal dækning af udgifter"
    ]
    assert none["kommuner"] == []
    assert none["kommuner_raw"] == "Ingen forsøgskommune"
    for experiment in _experiments(records):
        for key in ("content", "target_group", "hjemmel", "implementation", "evaluation"):
            value = experiment[key]
            assert value and "Titel på" not in value and "Beskrivelse af evaluering" not in value


def test_experiment_ids(records: list[Record]) -> None:
    ids = [r.id for r in records if r.kind == "experiments"]
    assert ids[0] == "mikrolaan"
    assert "sammenhaeng-mellem-almenboligloven-og-serviceloven-mulighed" in ids
    assert "sammenhaeng-mellem-almenboligloven-og-serviceloven-mulighed-2" in ids
    assert frikommune.unique_ids(["Én plan", "En plan", "En-plan", "Andet"]) == [
        "en-plan",
        "en-plan-2",
        "en-plan-3",
        "andet",
    ]


# --- consistency notes ------------------------------------------------------------------------------


def test_chapter_seven_count_mismatch_is_noted(records: list[Record]) -> None:
    notes = _network(records, 7)["notes"]
    assert (
        "Kapitel 7 (linje 1216) siger »Regeringen har godkendt i alt 11 forsøg i frikommunenetværket.«, men "
        "Bilagstabel 2.7 har 8 rækker og Tabel 1 angiver 8 godkendte forsøg." in notes
    )
    assert any(n.startswith("Notatet (linje 102) siger") and "(i alt 11)" in n for n in notes)
    assert any(
        n.startswith("Kapitel 7 (linje 1217) siger, at 3 forsøg trådte i kraft 1. juli 2017, men 0 rækker")
        for n in notes
    )
    assert any(
        n.startswith("Kapitel 7 (linje 1251) siger, at 4 af forsøgene") and "kun 1 række" in n for n in notes
    )
    assert (
        "Kapitel 7 og Bilagstabel 2.7 kalder netværket »Én plan for en sammenhængende indsats sammen med "
        "borgeren«, mens Bilagstabel 1.1 kalder det »En plan for sammenhængende indsats sammen med borgeren«."
        in notes
    )


def test_early_and_late_in_force_dates_are_noted(records: list[Record]) -> None:
    early = [
        n for n in _network(records, 1)["notes"] if "før ansøgningsrunde 1 trådte i kraft 1. juli 2017" in n
    ]
    assert len(early) == 4
    assert [n.split("«")[0] for n in early] == [
        "»Psykologbehandling i jobcenteret",
        "»Differentiering i valg af lægeattester på sygedagpengeområdet",
        "»Delvis fritagelse fra uddannelsespålæg",
        "»Rehabiliteringsteams (et af fire) – Fritagelse fra krav om lægeattest – LÆ 265",
    ]
    assert all("har ikrafttrædelse 1. januar 2017" in n for n in early)
    assert any(
        "»Øget fleksibilitet i deleboligordning«" in n and "1. juli 2019, efter" in n
        for n in _network(records, 2)["notes"]
    )


def test_row_counts_agree_with_tabel_1_in_the_document(records: list[Record]) -> None:
    for network in _networks(records):
        assert not [n for n in network["notes"] if "men Tabel 1 (linje" in n]


def test_general_hjemmel_and_kommune_notes(records: list[Record]) -> None:
    housing = _network(records, 2)["notes"]
    assert any(
        n.startswith("Notatet (linje 63) siger, at 7 af forsøgene er imødekommet ved en generel hjemmel")
        and "8 rækker i Bilagstabel 2.1–2.7, heraf 7 i Bilagstabel 2.2" in n
        for n in housing
    )
    employment = _network(records, 1)["notes"]
    assert any("»Fleksible rammer for uddannelse«" in n and "nævner Thisted" in n for n in employment)
    assert any(
        "»Forenkling af bevillingsgrundlaget for revalidering«" in n and "nævner Jammerbugt" in n
        for n in employment
    )
    for number in (3, 4, 5, 6, 8):
        assert _network(records, number)["notes"] == []


# --- edited copies ----------------------------------------------------------------------------------


def test_a_renamed_title_is_read(note: SourceDocument, kommuner: KommuneIndex) -> None:
    assert note.line(1440).startswith("Mikrolån Aalborg Forsøget")
    text = _replace_lines(note, 1440, 1440, [note.line(1440).replace("Mikrolån", "Iværksætterlån")])
    text = text.replace("Lempede \nmentor-\nregler", "Lempede \nvejleder-\nregler")
    records = _extract_text(note, kommuner, text)
    experiments = [r for r in records if r.kind == "experiments"]
    assert experiments[0].id == "ivaerksaetterlaan"
    assert experiments[0].data["title"] == "Iværksætterlån"
    assert experiments[0].data["kommuner"] == ["aalborg"]
    titles = [e.data["title"] for e in experiments]
    assert "Lempede vejlederregler" in titles and "Lempede mentorregler" not in titles


def test_a_deleted_row_is_missing_and_noted(note: SourceDocument, kommuner: KommuneIndex) -> None:
    assert note.line(2309).startswith("Lempede") and note.line(2380).startswith(" Fleksibelt")
    records = _extract_text(note, kommuner, _replace_lines(note, 2309, 2379, []))
    experiments = _experiments(records)
    assert len(experiments) == 78
    assert "Lempede mentorregler" not in [e["title"] for e in experiments]
    following = next(
        e for e in experiments if e["title"] == "Fleksibelt kontaktforløb for integrationsborgere"
    )
    assert following["source"]["first_line"] == 2380 - 71
    notes = _network(records, 1)["notes"]
    assert "Bilagstabel 2.1 har 19 rækker, men Tabel 1 (linje 123) angiver 20 godkendte forsøg." in notes
    assert any(n.startswith("Kapitel 1 (linje 271) siger »Der er i alt 20 forsøg") for n in notes)


def test_a_changed_date_is_read_and_checked(note: SourceDocument, kommuner: KommuneIndex) -> None:
    assert note.line(1473) == "delse pr. 1.7. 2017. "
    records = _extract_text(note, kommuner, _replace_lines(note, 1473, 1473, ["delse pr. 1.3. 2016. "]))
    assert _experiments(records)[0]["in_force"] == date(2016, 3, 1)
    assert any(
        n.startswith("»Mikrolån« (Bilagstabel 2.1, linje 1440) har ikrafttrædelse 1. marts 2016")
        for n in _network(records, 1)["notes"]
    )


def test_the_first_round_date_comes_from_the_text(note: SourceDocument, kommuner: KommuneIndex) -> None:
    assert "trådt i kraft 1. juli 2017." in note.line(52)
    text = _replace_lines(note, 52, 52, [note.line(52).replace("1. juli 2017", "1. januar 2016")])
    records = _extract_text(note, kommuner, text)
    assert not [n for n in _network(records, 1)["notes"] if "før ansøgningsrunde" in n]
    assert round_dates(read_body(list(enumerate(note.lines[:1306], start=1))))[1][0] == date(2017, 7, 1)


def test_a_rewrapped_cell_gives_the_same_result(
    note: SourceDocument, kommuner: KommuneIndex, records: list[Record]
) -> None:
    # The title "Fleksibili-/tet i for-/hold til/forholds-/talskra-/vene" (lines 1628-1633) and the
    # content of "Psykologbehandling i jobcenteret" (lines 1784-1799), wrapped anew.
    original = _experiments(records)
    content = next(e for e in original if e["title"] == "Psykologbehandling i jobcenteret")["content"]
    rewrapped = textwrap.wrap(content, width=31, break_on_hyphens=False)
    text = _replace_lines(note, 1784, 1799, rewrapped)
    text = _replace_lines(
        edited_copy(note, text), 1628, 1633, ["Fleksibilitet i for-", "hold til forholds-", "talskravene"]
    )
    shift = len(rewrapped) - 16 - 3
    edited = _experiments(_extract_text(note, kommuner, text))
    for before, after in zip(original, edited, strict=True):
        assert {k: v for k, v in before.items() if k != "source"} == {
            k: v for k, v in after.items() if k != "source"
        }
    assert edited[3]["source"]["first_line"] == 1628
    assert edited[5]["source"]["first_line"] == original[5]["source"]["first_line"] - 3
    assert edited[6]["source"]["first_line"] == original[6]["source"]["first_line"] + shift


@settings(max_examples=6, deadline=None)
@given(width=st.integers(min_value=25, max_value=90))
def test_any_wrapping_of_an_evaluation_cell_gives_the_same_text(
    note: SourceDocument, kommuner: KommuneIndex, width: int
) -> None:
    evaluation = [note.line(n) for n in range(1604, 1617)]  # "Formkrav ved lovpligtige samtaler"
    cleaned = text_of(enumerate(evaluation))
    text = _replace_lines(note, 1604, 1616, textwrap.wrap(cleaned, width=width, break_on_hyphens=False))
    experiments = _experiments(_extract_text(note, kommuner, text))
    assert experiments[2]["evaluation"] == cleaned
    assert experiments[3]["title"] == "Fleksibilitet i forhold til forholdstalskravene"


def test_reordered_rows_are_read_in_their_new_order(note: SourceDocument, kommuner: KommuneIndex) -> None:
    lines = list(note.lines)
    microloans, graduates = lines[1439:1497], lines[1497:1555]  # lines 1440-1497 and 1498-1555
    text = "\n".join(lines[:1439] + graduates + microloans + lines[1555:])
    experiments = _experiments(_extract_text(note, kommuner, text))
    assert [e["title"] for e in experiments[:3]] == [
        "Mulighed for at fremme iværksætteri hos dimittender",
        "Mikrolån",
        "Formkrav ved lovpligtige samtaler",
    ]
    assert [e["source"]["first_line"] for e in experiments[:3]] == [1440, 1498, 1556]


def test_a_network_renamed_everywhere_is_read(note: SourceDocument, kommuner: KommuneIndex) -> None:
    text = note.text.replace("Børn som vores vigtigste", "Unge som vores vigtigste")
    records = _extract_text(note, kommuner, text)
    assert _network(records, 4)["name"] == "Unge som vores vigtigste ressource"
    assert _network(records, 4)["approved_count"] == 10
    assert records[3].id == "unge-som-vores-vigtigste-ressource"


# --- bad structure ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last_line", "error_line", "message"),
    [
        (6030, 6014, "Bilagstabel 2.7: rækken, der begynder her, kan ikke deles i sine 7 celler"),
        (6000, 5958, "Bilagstabel 2.7: rækken, der begynder her, kan ikke deles i sine 7 celler"),
        (5569, 5567, "Bilagstabel 2.7: tabellens overskrift mangler kolonnen 'Forsøgs'"),
        (5574, 5564, "Bilagstabel 2.7: tabellen har ingen rækker"),
    ],
)
def test_a_truncated_document_is_an_error(
    note: SourceDocument, kommuner: KommuneIndex, last_line: int, error_line: int, message: str
) -> None:
    with pytest.raises(ExtractionError) as raised:
        _extract_text(note, kommuner, "\n".join(note.lines[:last_line]))
    problem = raised.value.problems[0]
    assert problem.path == note.path
    assert problem.line == error_line
    assert problem.message.startswith(message)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("Bilagstabel", "Oversigt", "ingen bilagstabel med netværkene"),
        ("Bilagstabel 2.", "Oversigt 2.", "ingen bilagstabel med forsøg"),
        ("Tabel 1 Oversigt", "Oversigt", "Tabel 1 (netværkene og deres godkendte forsøg) findes ikke"),
        (
            "Mikrolån Aalborg Forsøget",
            "Mikrolån Atlantis Forsøget",
            "Bilagstabel 2.1: her skulle en række begynde",
        ),
        (
            "Billige boliger og fleksible boligløsninger 6 23",
            "Dyre boliger 6 23",
            "Tabel 1 nævner et netværk, der ikke står i",
        ),
    ],
)
def test_broken_structure_is_an_error(
    note: SourceDocument, kommuner: KommuneIndex, old: str, new: str, message: str
) -> None:
    assert old in note.text
    with pytest.raises(ExtractionError, match=re.escape(message)):
        _extract_text(note, kommuner, note.text.replace(old, new))


# --- the parts --------------------------------------------------------------------------------------


def test_kommune_cells(kommuner: KommuneIndex) -> None:
    cell = read_kommune_cell("Aarhus , Favrskov, Høje Taastrup, Frederikshavn/Læsø.", kommuner)
    assert cell is not None
    assert cell.names == ("Aarhus", "Favrskov", "Høje-Taastrup", "Frederikshavn", "Læsø")
    none = read_kommune_cell("Ingen forsøgskommune", kommuner)
    assert none is not None and none.names == ()
    remark = read_kommune_cell("Gentofte, Rudersdal (Gentofte Kommune deltager ikke aktivt)", kommuner)
    assert remark is not None and remark.remark == "Gentofte Kommune deltager ikke aktivt"
    assert read_kommune_cell("Målgruppen er borgere i Aalborg", kommuner) is None
    assert read_kommune_cell("Aalborg har 37 sager", kommuner) is None
    line = "Morsø, Rebild I dag findes lovkrav"
    assert split_after_list(line, kommuner) == (len("Morsø, Rebild"), len("Morsø, Rebild "))
    assert split_after_list("Aalborg, Thi-", kommuner) is None  # the list goes on
    assert split_after_list("I Aalborg har", kommuner) is None
    assert mentioned_kommuner(
        "I Thisted har 27 borgere, i Jammerbugt og Thisted Kommune flere.", kommuner
    ) == [
        "Thisted",
        "Jammerbugt",
    ]


@given(data=st.data())
def test_any_list_of_kommuner_is_read_and_split(data: st.DataObject, kommuner: KommuneIndex) -> None:
    names = data.draw(
        st.lists(st.sampled_from([k.name for k in kommuner.kommuner]), min_size=1, max_size=6, unique=True)
    )
    separators = data.draw(
        st.lists(st.sampled_from([", ", " , ", "/", ",  "]), min_size=len(names), max_size=len(names))
    )
    listing = "".join(name + separator for name, separator in zip(names, separators, strict=True))[
        : -len(separators[-1])
    ]
    cell = read_kommune_cell(listing, kommuner)
    assert cell is not None and list(cell.names) == names
    rest = data.draw(
        st.sampled_from(["Forsøget omhandler mikrolån", "Med forsøget gives", "Når unge fylder 18 år"])
    )
    assert split_after_list(f"{listing}  {rest}", kommuner) == (len(listing), len(listing) + 2)


def test_in_force_dates() -> None:
    assert in_force_date("Lovmæssig ikrafttrædelse pr. 1.7. 2017. Der er pr. 1.12. 2018 i alt") == date(
        2017, 7, 1
    )
    assert in_force_date("Formel Ikrafttrædelse d. 1.1. 2018. Forsøget") == date(2018, 1, 1)
    assert in_force_date("Lovmæssig ikrafttrædelse 1.1. 2018. Akutteamet") == date(2018, 1, 1)
    assert in_force_date("Lovmæssig ikrafttrædelse afventer afklaring omkring § 14 c") is None
    assert in_force_date("Forsøget gennemføres ikke. Besluttet 1.10. 2018.") is None


@given(
    when=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    other=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    lead=st.sampled_from(["Lovmæssig ikrafttrædelse", "Formel Ikrafttrædelse", "Lovmæssig ikrafttrædelse"]),
    word=st.sampled_from(["pr. ", "d. ", ""]),
    gap=st.sampled_from([" ", ""]),
)
def test_any_in_force_date_is_read(when: date, other: date, lead: str, word: str, gap: str) -> None:
    cell = f"{lead} {word}{when.day}.{when.month}.{gap}{when.year}. Der er pr. {other.day}.{other.month}. {other.year} 3 sager."
    assert in_force_date(cell) == when
    assert in_force_date(f"Forsøget iværksættes ikke pr. {when.day}.{when.month}. {when.year}.") is None


def test_text_of_joins_soft_hyphens_and_keeps_real_ones() -> None:
    assert text_of(enumerate(["give samtykke her-", "til"])) == "give samtykke hertil"
    assert (
        text_of(enumerate(["almene ældre- ", "og ungdoms-", "boliger"])) == "almene ældre- og ungdomsboliger"
    )
    assert text_of(enumerate(["Ikast-", "Brande, Guldborg-", "sund  "])) == "Ikast-Brande, Guldborgsund"


# Letters from which no conjunction ("og", "til", "som" …) can be spelt, so every break inside a
# word is a soft hyphen.
_LETTERS = "abcdfghijklmnpqruvwxyzæøå"


@given(
    words=st.lists(st.text(alphabet=_LETTERS, min_size=2, max_size=12), min_size=1, max_size=30),
    cuts=st.sets(st.integers(min_value=1, max_value=400), max_size=20),
)
def test_any_wrapping_with_soft_hyphens_is_undone(words: list[str], cuts: set[int]) -> None:
    text = " ".join(words)
    lines: list[str] = []
    start = 0
    for cut in sorted(c for c in cuts if c < len(text) - 1):
        if cut <= start or text[cut - 1] == " ":
            continue
        if text[cut] == " ":
            lines.append(text[start:cut])
            start = cut + 1
        elif text[cut + 1 :].strip():
            lines.append(text[start:cut] + "-")
            start = cut
    lines.append(text[start:])
    assert text_of(enumerate(lines)) == text
