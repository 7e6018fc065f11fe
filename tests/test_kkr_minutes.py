"""The KKR minutes extractor (document 002, KKR Nordjylland 25 March 2022) against the gold answers,
on edited copies, on garbled copies, and its pure helpers under Hypothesis."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import edited_copy, load_gold
from kommuneatlas.errors import ExtractionError
from kommuneatlas.extract.kkr_meeting.appointments import parse_appointments
from kommuneatlas.extract.kkr_meeting.items import Section, first_section_heading, parse_agenda
from kommuneatlas.extract.kkr_meeting.lines import Line, PageHeader, content_lines, passage
from kommuneatlas.extract.kkr_meeting.meeting import meeting_dates
from kommuneatlas.extract.kkr_meeting.minutes import extract
from kommuneatlas.extract.kkr_meeting.roster import parse_attendee, roster_start
from kommuneatlas.extract.record import Record
from kommuneatlas.sources.manifest import SourceDocument
from kommuneatlas.sources.reference import KommuneIndex, kkr_id
from kommuneatlas.text.clean import collapse_ws
from kommuneatlas.text.danish_dates import MONTHS
from kommuneatlas.text.slugs import slugify

MEETING_ID = "kkr-nordjylland-2022-03-25"


# --- helpers ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def minutes(documents: dict[str, SourceDocument]) -> SourceDocument:
    return documents["002"]


@pytest.fixture(scope="module")
def records(minutes: SourceDocument, kommuner: KommuneIndex) -> list[Record]:
    return extract(minutes, kommuner)


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    gold: dict[str, Any] = load_gold("kkr.yaml")["meeting_002"]
    return gold


@pytest.fixture(scope="module")
def sections(minutes: SourceDocument) -> list[Section]:
    """The parsed agenda, for the line-level details the records do not carry."""
    start = roster_start(minutes.lines)
    assert start is not None
    lines = content_lines(minutes.lines, start)
    agenda = first_section_heading(lines)
    assert agenda is not None
    return parse_agenda(lines[agenda:], minutes.path)


def flat(text: str | None) -> str | None:
    """Text with its structure (paragraphs, list lines) collapsed and bullets written "-", as the gold holds it."""
    return None if text is None else re.sub(r"(?:^|(?<=\s))[–•▪](?=\s)", "-", collapse_ws(text))


def meeting_of(records: list[Record]) -> dict[str, Any]:
    (meeting,) = [r for r in records if r.kind == "meetings"]
    return meeting.data


def items_of(records: list[Record]) -> dict[str, dict[str, Any]]:
    return {r.data["number"]: r.data for r in records if r.kind == "items"}


def people_of(records: list[Record]) -> dict[str, dict[str, Any]]:
    return {r.id: r.data for r in records if r.kind == "people"}


def edit(doc: SourceDocument, changes: dict[int, str]) -> SourceDocument:
    """A copy with physical lines replaced (1-based line → new text)."""
    return edited_copy(doc, "\n".join(changes.get(n, text) for n, text in enumerate(doc.lines, 1)))


def replace(doc: SourceDocument, old: str, new: str) -> SourceDocument:
    assert old in doc.text
    return edited_copy(doc, doc.text.replace(old, new))


def without(doc: SourceDocument, first: int, last: int) -> SourceDocument:
    """A copy without physical lines first … last (1-based, inclusive)."""
    return edited_copy(doc, "\n".join(doc.lines[: first - 1] + doc.lines[last:]))


def truncated(doc: SourceDocument, last: int) -> SourceDocument:
    return edited_copy(doc, "\n".join(doc.lines[:last]))


def error_of(action: Callable[[], object]) -> ExtractionError:
    with pytest.raises(ExtractionError) as caught:
        action()
    return caught.value


# --- the meeting ---------------------------------------------------------------------------


def test_records_come_in_order_meeting_items_people(records: list[Record]) -> None:
    kinds = [r.kind for r in records]
    assert kinds[0] == "meetings"
    assert kinds == ["meetings"] + ["items"] * 14 + ["people"] * (len(kinds) - 16) + ["documents"]
    # The minutes' own record (completed from the manifest) says which KKR they belong to.
    assert (records[-1].id, records[-1].data) == (
        "kkr-nordjylland-2022-03-25-referat",
        {"kkr": "nordjylland"},
    )


def test_meeting_identity_matches_gold(
    records: list[Record], gold: dict[str, Any], kommuner: KommuneIndex
) -> None:
    meeting = meeting_of(records)
    assert records[0].id == MEETING_ID
    assert list(meeting) == [
        "kkr",
        "date",
        "status",
        "previous_meeting",
        "next_meeting",
        "participants",
        "absent",
        "items",
        "sections",
        "source",
    ]
    assert meeting["kkr"] == kkr_id(gold["kkr"]) == "nordjylland"
    assert meeting["status"] == "referat"
    assert meeting["date"] == gold["date"]
    assert meeting["previous_meeting"] == gold["previous_meeting"]
    assert meeting["next_meeting"] == gold["next_meeting"]
    assert meeting["source"] == {
        "document": "kkr-nordjylland-2022-03-25-referat",
        "first_line": 25,
        "last_line": 1848,
    }


@pytest.mark.parametrize(("key", "count"), [("participants", 18), ("absent", 4)])
def test_roster_matches_gold(
    records: list[Record], gold: dict[str, Any], kommuner: KommuneIndex, key: str, count: int
) -> None:
    got = meeting_of(records)[key]
    assert len(got) == count
    expected = [{**p, "kommune": kommuner.id_of(p["kommune"])} for p in gold[key]]  # the gold names them
    assert [{k: p[k] for k in ("name", "party", "kommune", "line")} for p in got] == expected
    assert [p["person"] for p in got] == [slugify(p["name"]) for p in gold[key]]


def test_agenda_sections_match_gold(
    records: list[Record], gold: dict[str, Any], sections: list[Section]
) -> None:
    expected = [{"number": s["number"], "title": s["title"]} for s in gold["agenda_sections"]]
    assert meeting_of(records)["sections"] == expected
    assert [s.line for s in sections] == [s["line"] for s in gold["agenda_sections"]]


def test_meeting_lists_item_ids(records: list[Record], gold: dict[str, Any]) -> None:
    numbers = [item["number"] for item in gold["items"]]
    assert meeting_of(records)["items"] == [f"{MEETING_ID}-{n.replace('.', '-')}" for n in numbers]
    assert [r.id for r in records if r.kind == "items"] == meeting_of(records)["items"]


# --- the items -----------------------------------------------------------------------------


def test_fourteen_items(records: list[Record]) -> None:
    assert len(items_of(records)) == 14


@pytest.mark.parametrize("index", range(14))
def test_item_matches_gold(records: list[Record], gold: dict[str, Any], index: int) -> None:
    expected = gold["items"][index]
    item = items_of(records)[expected["number"]]
    assert list(item) == [
        "meeting",
        "status",
        "number",
        "section",
        "title",
        "case_id",
        "sections",
        "decision",
        "appointments",
        "source",
    ]
    assert item["meeting"] == MEETING_ID
    assert item["status"] == "referat"
    assert item["title"] == expected["title"]
    assert item["case_id"] == expected["case_id"]
    assert flat(item["decision"]) == flat(expected["decision"])
    assert list(item["sections"]) == [name.lower() for name in expected["sections"]]
    assert (item["source"]["first_line"], item["source"]["last_line"]) == (
        expected["first_line"],
        expected["last_line"],
    )
    section = next(s for s in gold["agenda_sections"] if s["number"] == expected["number"].split(".")[0])
    assert item["section"] == section["title"]


@pytest.mark.parametrize("index", range(14))
def test_subsection_and_decision_lines_match_gold(
    sections: list[Section], gold: dict[str, Any], index: int
) -> None:
    expected = gold["items"][index]
    item = next(i for s in sections for i in s.items if i.number == expected["number"])
    assert {name: sub.line for name, sub in item.subsections.items()} == expected["section_lines"]
    decision = [line.number for line in item.lines_of("Beslutning") if line.clean]
    if expected.get("decision_lines"):
        assert [decision[0], decision[-1]] == expected["decision_lines"]
    else:
        assert decision == []


def test_sections_hold_cleaned_paragraphs(records: list[Record]) -> None:
    items = items_of(records)
    assert items["1.1"]["sections"] == {
        "baggrund": ["Godkendelse af dagsorden til KKR Nordjyllands møde den 25. marts 2022."],
        "indstilling": [
            "Det indstilles, at dagsorden til KKR Nordjyllands møde den 25. marts 2022 godkendes."
        ],
        "sagsfremstilling": ["Dagsorden er udsendt den 18. marts 2022."],
    }
    assert items["2.7"]["sections"]["beslutning"] == [
        "KKR Nordjylland drøftede sagen og godkendte en opdimensionering på 20 pct., svarende til 620 "
        "uddannelsespladser på pædagoguddannelsen på UCN for studieåret 2022/2023.",
        "Fordelingen mellem specialiseringsretninger fastholdes.",
    ]


def test_decisions_keep_their_paragraphs_and_lists(records: list[Record]) -> None:
    """Item 2.1's decision: three paragraphs, the last leading into a list of four points."""
    decision = items_of(records)["2.1"]["decision"]
    paragraphs = decision.split("\n\n")
    assert paragraphs[0] == "Hanne Agerbak og Leif Serup indledte sagen."
    assert paragraphs[2].endswith("herunder:")
    points = paragraphs[3].split("\n")
    assert len(paragraphs) == 4 and len(points) == 4
    assert all(point.startswith("- At ") for point in points)
    assert points[0] == (
        "- At sikre øget finansiering, hvis den nye struktur skal løfte de store udfordringer, kommunerne står med."
    )
    indstilling = items_of(records)["2.7"]["sections"]["indstilling"]
    assert indstilling[0].endswith("KKR Nordjylland:")
    assert [line[:2] for line in indstilling[1].split("\n")] == ["- ", "- "]


def all_text(records: list[Record]) -> str:
    return repr([r.data for r in records])


def test_page_furniture_is_dropped_and_the_range_rejoined(records: list[Record]) -> None:
    baggrund = " ".join(items_of(records)["2.6"]["sections"]["baggrund"])
    assert "’Samarbejdsaftale 2020-2023 mellem de 11 lokale erhvervskontorer" in baggrund
    assert "SIDE" not in all_text(records)
    assert "25-03-2022" not in all_text(records)


def test_attachment_markers_are_dropped(records: list[Record]) -> None:
    assert "./." not in all_text(records)
    sagsfremstilling = " ".join(items_of(records)["2.7"]["sections"]["sagsfremstilling"])
    assert "pædagogdimensioneringen været i gang siden efteråret 2021" in sagsfremstilling


def test_link_targets_are_dropped(records: list[Record]) -> None:
    assert "https://" not in all_text(records)
    assert (
        "Sammenhæng og samarbejde mellem sektorerne er helt nødvendig for denne gruppe."
        in (items_of(records)["2.1"]["sections"]["sagsfremstilling"])
    )


def test_placeholder_is_no_content(records: list[Record]) -> None:
    assert items_of(records)["4.1"]["sections"]["baggrund"] == []
    assert "Her skrives" not in all_text(records)


def test_cover_text_is_no_content(records: list[Record], minutes: SourceDocument) -> None:
    cover = [collapse_ws(line) for line in minutes.lines[:24] if len(collapse_ws(line)) > 10]
    text = all_text(records)
    assert all(line not in text for line in cover)


def test_repeated_cover_text_inside_an_item_is_dropped(
    minutes: SourceDocument, kommuner: KommuneIndex
) -> None:
    cover = "\n".join(minutes.lines[3:24])
    copy = edit(minutes, {1016: minutes.line(1016) + "\n\n" + cover + "\n"})
    before = items_of(extract(minutes, kommuner))["2.6"]["sections"]
    assert items_of(extract(copy, kommuner))["2.6"]["sections"] == before


def test_sentences_starting_with_a_heading_word_stay_text(records: list[Record]) -> None:
    sagsfremstilling = items_of(records)["3.1"]["sections"]["sagsfremstilling"]
    assert any(p.startswith("Beslutningen om udpegelser til bestyrelsen") for p in sagsfremstilling)
    assert any(p.startswith("Indstilling af kandidater og KKR’s udpegninger") for p in sagsfremstilling)


def test_hyphens_of_compounds_and_names_are_kept(records: list[Record]) -> None:
    items = items_of(records)
    assert "Nordjysk Socialaftale 2023-24 igangsættes" in items["2.2"]["sections"]["indstilling"][0]
    assert "etablerings- og opstartsomkostninger" in " ".join(items["2.3"]["sections"]["sagsfremstilling"])
    assert "direktør Henrik Aarup-Kristensen fra Brønderslev" in " ".join(
        items["3.2"]["sections"]["sagsfremstilling"]
    )


# --- appointments and people ---------------------------------------------------------------


def test_appointments_match_gold(records: list[Record], gold: dict[str, Any]) -> None:
    items = items_of(records)
    keys = ("body", "name", "representing", "appointed_by")
    for number, item in items.items():
        expected = [{k: a[k] for k in keys} for a in gold["appointments"] if a["item"] == number]
        assert [{k: a[k] for k in keys} for a in item["appointments"]] == expected, number
        assert [a["person"] for a in item["appointments"]] == [slugify(a["name"]) for a in expected]


def test_appointment_lines_and_groups_match_gold(
    sections: list[Section], gold: dict[str, Any], minutes: SourceDocument
) -> None:
    item = next(i for s in sections for i in s.items if i.number == "3.1")
    found = parse_appointments(item.lines_of("Beslutning"), minutes.path)
    assert [(a.name, a.group, a.line) for a in found] == [
        (a["name"], a["group"], a["line"]) for a in gold["appointments"]
    ]


def test_people_are_participants_absentees_and_appointees(
    records: list[Record], gold: dict[str, Any], kommuner: KommuneIndex
) -> None:
    people = people_of(records)
    roster = gold["participants"] + gold["absent"]
    names = [p["name"] for p in roster] + [a["name"] for a in gold["appointments"]]
    assert list(people) == [slugify(name) for name in names]
    for person in roster:
        assert people[slugify(person["name"])] == {
            "name": person["name"],
            "party": person["party"],
            "kommune": kommuner.id_of(person["kommune"]),
            "source": {
                "document": "kkr-nordjylland-2022-03-25-referat",
                "first_line": person["line"],
                "last_line": person["line"],
            },
        }
    duedal = people["mads-duedal"]
    assert (duedal["party"], duedal["kommune"], duedal["source"]["first_line"]) == (None, None, 1626)


def test_people_named_only_in_background_are_not_appointees(records: list[Record]) -> None:
    assert "per-moeller" not in people_of(records)  # udpeget on 21 January, line 1389, outside any Beslutning
    assert items_of(records)["3.2"]["appointments"] == []


def numbered(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, 1)]


def test_appointment_in_a_sentence_with_a_role_and_an_initial() -> None:
    found = parse_appointments(
        numbered(
            "KKR Sjælland noterede, at Region Sjælland har udpeget",
            "",
            "borgmester Jens O. Holm som repræsentant til Vækstforum.",
        ),
        Path("test.txt"),
    )
    assert [(a.name, a.representing, a.appointed_by, a.body, a.line) for a in found] == [
        ("Jens O. Holm", "Region Sjælland", "Region Sjælland", "Vækstforum", 3)
    ]


def test_appointment_list_without_groups() -> None:
    found = parse_appointments(
        numbered(
            "KKR Sjælland udpegede følgende til Beskæftigelses-",
            "rådet:",
            "Anne Berg",
            "Ole Hansen (3F)",
            "Det blev desuden aftalt at mødes igen.",
        ),
        Path("test.txt"),
    )
    assert [(a.body, a.name, a.representing, a.appointed_by, a.group, a.line) for a in found] == [
        ("Beskæftigelsesrådet", "Anne Berg", None, "KKR Sjælland", None, 3),
        ("Beskæftigelsesrådet", "Ole Hansen", "3F", "KKR Sjælland", None, 4),
    ]


def test_no_appointments_without_the_words_for_them() -> None:
    lines = numbered("Det aftaltes, at blå gruppe finder en repræsentant.", "Anne Berg (A)")
    assert parse_appointments(lines, Path("test.txt")) == []


# --- edited copies -------------------------------------------------------------------------


def test_changed_date_changes_the_meeting(minutes: SourceDocument, kommuner: KommuneIndex) -> None:
    copy = replace(replace(minutes, "25. marts 2022", "1. april 2022"), "25-03-2022", "01-04-2022")
    records = extract(copy, kommuner)
    assert records[0].id == "kkr-nordjylland-2022-04-01"
    assert meeting_of(records)["date"] == date(2022, 4, 1)
    assert items_of(records)["2.3"]["meeting"] == "kkr-nordjylland-2022-04-01"
    assert meeting_of(records)["items"][0] == "kkr-nordjylland-2022-04-01-1-1"


def test_changed_neighbour_meetings(minutes: SourceDocument, kommuner: KommuneIndex) -> None:
    copy = replace(
        replace(minutes, "den 21. januar 2022", "den 3. februar 2022"), "24. juni 2022", "2. juli 2022"
    )
    meeting = meeting_of(extract(copy, kommuner))
    assert (meeting["previous_meeting"], meeting["next_meeting"]) == (date(2022, 2, 3), date(2022, 7, 2))


def test_without_neighbour_meetings_they_are_none(minutes: SourceDocument, kommuner: KommuneIndex) -> None:
    copy = without(without(minutes, 1817, 1847), 116, 140)  # items 6.1 and 1.2
    meeting = meeting_of(extract(copy, kommuner))
    assert (meeting["previous_meeting"], meeting["next_meeting"]) == (None, None)


def test_date_from_the_agenda_alone(minutes: SourceDocument, kommuner: KommuneIndex) -> None:
    copy = without(minutes, 992, 994)  # the only page header
    assert meeting_of(extract(copy, kommuner))["date"] == date(2022, 3, 25)


def test_renamed_participant(minutes: SourceDocument, kommuner: KommuneIndex) -> None:
    copy = edit(minutes, {35: "Jesper Grethe-Holm (F) Aarhus Kommune "})
    records = extract(copy, kommuner)
    participant = meeting_of(records)["participants"][3]
    assert participant == {
        "name": "Jesper Grethe-Holm",
        "person": "jesper-grethe-holm",
        "party": "F",
        "kommune": "aarhus",
        "line": 35,
    }
    people = people_of(records)
    assert "jesper-greth" not in people
    assert people["jesper-grethe-holm"]["kommune"] == "aarhus"


def test_changed_decision(minutes: SourceDocument, kommuner: KommuneIndex) -> None:
    copy = edit(minutes, {1200: "Fordelingen mellem specialiseringsretninger ændres til 50/50. "})
    decision = items_of(extract(copy, kommuner))["2.7"]["decision"]
    assert decision.endswith("2022/2023.\n\nFordelingen mellem specialiseringsretninger ændres til 50/50.")


def test_renamed_appointee(minutes: SourceDocument, kommuner: KommuneIndex) -> None:
    copy = edit(minutes, {1602: "Sofie Lund-Berg (Dansk Byggeri) "})
    records = extract(copy, kommuner)
    first = items_of(records)["3.1"]["appointments"][0]
    assert (first["name"], first["person"], first["representing"]) == (
        "Sofie Lund-Berg",
        "sofie-lund-berg",
        "Dansk Byggeri",
    )
    assert "richard-fynbo" not in people_of(records)


def test_removed_item(minutes: SourceDocument, kommuner: KommuneIndex, records: list[Record]) -> None:
    records_without = extract(without(minutes, 800, 968), kommuner)  # item 2.5
    items = items_of(records_without)
    assert list(items) == [n for n in items_of(records) if n != "2.5"]
    shifted = items["2.6"]
    assert shifted["source"]["first_line"] == 970 - 169
    assert {k: v for k, v in shifted.items() if k != "source"} == {
        k: v for k, v in items_of(records)["2.6"].items() if k != "source"
    }


def test_removed_absentee(minutes: SourceDocument, kommuner: KommuneIndex) -> None:
    absent = meeting_of(extract(without(minutes, 71, 72), kommuner))["absent"]
    assert [a["name"] for a in absent] == [
        "Lars Erling Sørensen",
        "Ulla Vestergaard",
        "Birgit Stenbak Hansen",
    ]


# --- garbled copies ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "line"),
    [
        (24, None),  # the cover only
        (66, None),  # participants, no agenda
        (801, 800),  # item 2.5 with nothing but its title
    ],
)
def test_truncated_copy_is_an_error(
    minutes: SourceDocument, kommuner: KommuneIndex, last: int, line: int | None
) -> None:
    error = error_of(lambda: extract(truncated(minutes, last), kommuner))
    assert error.problems[0].path == minutes.path
    assert error.problems[0].line == line


@pytest.mark.parametrize(
    ("changes", "line", "message"),
    [
        ({31: "Mikael Klitgaard Brønderslev Kommune"}, 31, "Navn (Parti) Kommune"),
        ({33: "Hans Ejner Bertelsen (V) Atlantis Kommune"}, 33, "ukendt kommune"),
        ({800: "3.5. Etablering af 8 lokale erhvervsfyrtårne"}, 800, "punkt 3.5 under afsnit 2"),
        ({970: "2.4. Samarbejdsaftale om grøn omstilling"}, 970, "punkt 2.4 efter punkt 2.5"),
        ({1002: "Baggrund"}, 1002, "overskrift 'Baggrund' mere"),
        ({806: "Noget tekst uden overskrift"}, 806, "tekst før første"),
        (
            {1848: "7. Eventuelt", 1850: "Ingen bemærkninger."},
            1850,
            "tekst uden for ethvert punkt i afsnit 7",
        ),
        ({992: "KKR Nordjylland | 26-03-2022"}, 90, "mødedatoen"),
        ({992: "KKR Nordjylland | 31-02-2022"}, 992, "ikke en gyldig dato"),
        (
            {1825: "Næste møde i KKR Nordjylland er planlagt til den 24. januar 2022."},
            1825,
            "ligger ikke efter",
        ),
        (
            {1602: "", 1604: "", 1606: "", 1608: "", 1612: "", 1614: "", 1618: "", 1620: ""},
            1599,
            "uden navne",
        ),
    ],
)
def test_garbled_copy_is_an_error(
    minutes: SourceDocument, kommuner: KommuneIndex, changes: dict[int, str], line: int, message: str
) -> None:
    error = error_of(lambda: extract(edit(minutes, changes), kommuner))
    assert error.problems[0].line == line
    assert message in error.problems[0].message


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_cut_gives_records_or_an_extraction_error(
    minutes: SourceDocument, kommuner: KommuneIndex, data: st.DataObject
) -> None:
    """Cutting out any stretch of lines never raises anything but ExtractionError."""
    first = data.draw(st.integers(1, len(minutes.lines)))
    last = data.draw(st.integers(first, min(first + 60, len(minutes.lines))))
    try:
        records = extract(without(minutes, first, last), kommuner)
    except ExtractionError as error:
        assert error.problems[0].path == minutes.path
    else:
        assert records[0].kind == "meetings"


def test_no_date_at_all_is_an_error(minutes: SourceDocument, kommuner: KommuneIndex) -> None:
    copy = replace(without(minutes, 992, 994), "møde den 25. marts 2022", "møde i dag")
    assert "ingen mødedato" in str(error_of(lambda: extract(copy, kommuner)))


def test_no_kkr_named_is_an_error(minutes: SourceDocument, kommuner: KommuneIndex) -> None:
    copy = replace(without(minutes, 992, 994), "KKR Nordjylland", "Udvalget")
    assert "intet KKR" in str(error_of(lambda: extract(copy, kommuner)))


# --- pure helpers under Hypothesis ---------------------------------------------------------

MONTH_NAMES = {number: name for name, number in MONTHS.items()}
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))


def written(day: date) -> str:
    return f"{day.day}. {MONTH_NAMES[day.month]} {day.year}"


@settings(deadline=None)
@given(
    dates,
    st.timedeltas(min_value=timedelta(days=1), max_value=timedelta(days=400)),
    st.timedeltas(min_value=timedelta(days=1), max_value=timedelta(days=400)),
    st.booleans(),
)
def test_meeting_dates_round_trip(day: date, back: timedelta, ahead: timedelta, with_header: bool) -> None:
    """Dates written into the phrases the minutes use come back as the meeting's dates."""
    texts = [
        f"Godkendelse af dagsorden til KKR Vestegnens møde den {written(day)}.",
        f"Det indstilles, at referat fra møde i KKR Vestegnen den {written(day - back)} godkendes.",
        "Næste møde i KKR Vestegnen er planlagt",
        f"til den {written(day + ahead)}.",
    ]
    passages = [passage(Line(number, text) for number, text in enumerate(texts, 1))]
    headers = (
        [PageHeader(99, "KKR Vestegnen", f"{day.day:02d}-{day.month:02d}-{day.year}")] if with_header else []
    )
    found = meeting_dates(headers, passages, Path("test.txt"))
    assert (found.date, found.previous, found.next) == (day, day - back, day + ahead)


def test_dates_of_other_bodies_meetings_are_not_the_kkrs(
    minutes: SourceDocument, kommuner: KommuneIndex
) -> None:
    copy = edit(minutes, {1825: "Næste møde i Kontaktudvalget er planlagt til den 24. juni 2022. "})
    assert meeting_of(extract(copy, kommuner))["next_meeting"] is None


name_parts = st.from_regex(r"[A-ZÆØÅ][a-zæøå]{1,9}", fullmatch=True)


@settings(deadline=None)
@given(
    st.lists(name_parts, min_size=2, max_size=4).map(" ".join),
    st.sampled_from(list("ABCDFIKOVØÅÆ")),
    st.booleans(),
    st.data(),
)
def test_attendee_line_round_trip(
    kommuner: KommuneIndex, name: str, party: str, comma: bool, data: st.DataObject
) -> None:
    kommune = data.draw(st.sampled_from([k.name for k in kommuner.kommuner]))
    text = f"{name} ({party}){',' if comma else ''} {kommune} Kommune "
    attendee = parse_attendee(Line(7, text), kommuner, Path("test.txt"))
    assert (attendee.name, attendee.party, attendee.kommune, attendee.line) == (name, party, kommune, 7)


line_texts = st.one_of(
    st.sampled_from(["", " ", "  "]), st.from_regex(r"[a-zæø ]{0,12}[a-zæø.-]", fullmatch=True)
)


@settings(deadline=None)
@given(st.lists(line_texts, min_size=1, max_size=8))
def test_passage_maps_every_line_back(texts: list[str]) -> None:
    """Each non-blank line starts where the passage says, and every offset maps to a line that holds it."""
    lines = {number: text for number, text in enumerate(texts, 10)}
    joined = passage(Line(number, text) for number, text in lines.items())
    assert list(joined.lines) == [number for number, text in lines.items() if text.strip()]
    for start, number in zip(joined.starts, joined.lines, strict=True):
        assert joined.line_at(start) == number
        assert joined.text[start:].startswith(collapse_ws(lines[number]).rstrip("-"))  # a soft hyphen goes
