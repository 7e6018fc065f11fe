"""Danish dates and numbers on the pages (issue 15, point 1); ISO in the API and in <time datetime>."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from babel.dates import format_date
from hypothesis import given
from hypothesis import strategies as st

from kommuneatlas.site.render.environment import time_element
from kommuneatlas.text.danish_dates import parse_danish_date
from kommuneatlas.text.danish_format import danish_date, danish_number, kroner, thousand_kroner, year_of

ISO_IN_TEXT = re.compile(r">[^<]*(?<![\w/.-])(?:19|20)\d\d-\d\d-\d\d(?![\w/.-])[^<]*<")


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_dates_read_the_danish_way() -> None:
    assert danish_date(date(2022, 3, 25)) == "25. marts 2022"
    assert danish_date("2017-07-01") == "1. juli 2017"
    assert danish_date(None) == ""
    assert danish_date("efterår 2023") == "efterår 2023"  # not a date: shown as written
    assert danish_date(date(2017, 7, 1)) == "1. juli 2017"  # the frikommune notes' dates, too
    assert year_of("2022-03-25") == year_of(date(2022, 3, 25)) == "2022"
    assert year_of(None) == year_of("efterår 2023") == ""


@given(st.dates())
def test_dates_read_as_babels_danish_long_date(day: date) -> None:
    """The one month table gives what Babel's Danish locale data gives ("d. MMMM y")."""
    assert danish_date(day) == format_date(day, format="d. MMMM y", locale="da")


def test_time_element_keeps_the_iso_date_for_machines() -> None:
    assert str(time_element("2022-03-25")) == '<time datetime="2022-03-25">25. marts 2022</time>'
    assert str(time_element("<b>snart</b>")) == "&lt;b&gt;snart&lt;/b&gt;"


def test_numbers_and_amounts() -> None:
    assert thousand_kroner(41679) == "41.679 t.kr."
    assert kroner(3912500) == "3.912.500 kr."
    assert danish_number(5.07) == "5,07"
    assert danish_number(125) == "125"
    assert kroner(None) == "" and danish_number("ca. 40") == "ca. 40"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_a_shown_date_reads_back_as_the_same_date(day: date) -> None:
    """Babel's Danish month names are the ones the extraction's date parser reads."""
    assert parse_danish_date(danish_date(day)) == day


def test_pages_show_danish_dates_and_amounts(built_site: Path) -> None:
    meeting = _html(built_site, "kkr/nordjylland/2022-03-25")
    assert "<title>Møde i KKR Nordjylland 25. marts 2022 - Kommuneatlas</title>" in meeting
    assert '<time datetime="2022-03-25">25. marts 2022</time>' in meeting
    assert '<time datetime="2022-06-24">24. juni 2022</time>' in meeting  # the next meeting
    item = _html(built_site, "kkr/nordjylland/2022-03-25/2-1")
    assert '<li><a href="../">25. marts 2022</a></li>' in item  # breadcrumbs
    assert "KKR Nordjylland 25. marts 2022, punkt 2.1" in item  # meta description
    experiment = _html(built_site, "forsoeg/mikrolaan")
    assert '<time datetime="2017-07-01">1. juli 2017</time>' in experiment
    assert "41.679 t.kr." in _html(built_site, "dokumenter/kkr-midtjylland-2024-bilag")
    assert "3.912.500 kr." in _html(built_site, "dokumenter/dsi-2023-viborg-tilsagn")
    assert "25. marts 2022" in _html(built_site, "moeder")


CODE = re.compile(r"<code\b.*?</code>", re.S)
"""Code (a command line in the editors' guide) shows dates as the commands take them."""


def test_no_page_shows_an_iso_date_as_text(built_site: Path) -> None:
    shown = {
        path.relative_to(built_site).as_posix(): match.group(0)
        for path in built_site.rglob("index.html")
        if "pagefind" not in path.parts
        for match in [ISO_IN_TEXT.search(CODE.sub("", path.read_text(encoding="utf-8").split("<body", 1)[1]))]
        if match and "/tekst/" not in path.as_posix()  # source texts are shown as written
    }
    assert not shown, shown


def test_the_api_keeps_iso_dates(built_site: Path) -> None:
    [meeting] = json.loads((built_site / "api" / "meetings.json").read_text(encoding="utf-8"))
    assert (meeting["date"], meeting["next_meeting"]) == ("2022-03-25", "2022-06-24")
