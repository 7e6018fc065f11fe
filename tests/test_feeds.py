"""Atom feeds and iCalendar files, read by real clients: feedparser and icalendar (issue 15, point 3)."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import feedparser
import pytest
from icalendar import Calendar

from kommuneatlas.model.dataset import load_dataset
from kommuneatlas.model.graph import Graph
from kommuneatlas.site.feeds import FEED_ENTRIES, calendar_meetings, feed_files
from site_quality import site_url
from sitebuild import copy_data

MEETING = "kkr/nordjylland/2022-03-25/"


def _feed(site: Path, path: str) -> Any:
    parsed = feedparser.parse((site / path).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def _events(site: Path, path: str) -> list[Any]:
    calendar = Calendar.from_ical((site / path).read_bytes())
    return list(calendar.walk("VEVENT"))


@pytest.mark.parametrize("path", ["feed.xml", "kkr/nordjylland/feed.xml"])
def test_feedparser_reads_the_feeds(built_site: Path, path: str) -> None:
    feed = _feed(built_site, path)
    assert feed.version == "atom10" and feed.feed.language == "da"
    entries = feed.entries
    assert 0 < len(entries) <= FEED_ENTRIES
    dates = [entry.updated_parsed for entry in entries]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert all(entry.title and entry.summary and entry.link.startswith(site_url()) for entry in entries)
    meeting = next(e for e in entries if e.title == "Møde i KKR Nordjylland 25. marts 2022")
    assert meeting.link == site_url() + MEETING and meeting.published.startswith("2022-03-25")
    decision = next(e for e in entries if e.link == site_url() + MEETING + "2-1/")
    assert (
        decision.title.startswith("Beslutning: 2.1 Sundhedsklynger") and "sundhedsklynger" in decision.summary
    )


def test_the_site_feed_has_meetings_decisions_documents_and_experiments(built_site: Path) -> None:
    kinds = {entry.tags[0].term for entry in _feed(built_site, "feed.xml").entries}
    assert kinds == {"møde", "beslutning", "dokument", "forsøg"}


def test_a_kkr_feed_holds_only_that_kkr(built_site: Path) -> None:
    entries = _feed(built_site, "kkr/midtjylland/feed.xml").entries
    assert entries and not any("Nordjylland" in entry.title for entry in entries)
    assert _feed(built_site, "kkr/nordjylland/feed.xml").feed.title == "Nyt fra KKR Nordjylland"


@pytest.mark.parametrize("path", ["moeder.ics", "kkr/nordjylland/moeder.ics"])
def test_icalendar_reads_held_and_announced_meetings(built_site: Path, path: str) -> None:
    events = {event.decoded("dtstart"): event for event in _events(built_site, path)}
    held, announced = events[date(2022, 3, 25)], events[date(2022, 6, 24)]
    assert str(held["url"]) == site_url() + MEETING
    assert site_url() + MEETING in str(held["description"])
    assert str(announced["url"]) == site_url() + "kkr/nordjylland/"  # its agenda will be listed there
    assert "25. marts 2022" in str(announced["description"]) and announced["status"] == "TENTATIVE"
    assert held.decoded("dtend") == date(2022, 3, 26)  # an all-day event: no time in the data
    assert str(held["uid"]) == "nordjylland-2022-03-25@kommuneatlas.github.io"
    assert all(str(event["summary"]) == "Møde i KKR Nordjylland" for event in events.values())


def test_other_kkrs_calendars_are_valid_and_empty(built_site: Path) -> None:
    assert _events(built_site, "kkr/syddanmark/moeder.ics") == []


def test_a_held_announced_meeting_keeps_its_uid_and_a_known_time_is_used(tmp_path: Path) -> None:
    """When the announced meeting is held (and its referat is in the data), the calendar's event for
    it is the same event (same UID), now with its agenda and its time."""
    data = copy_data(tmp_path)
    source = (data / "meetings" / "kkr-nordjylland-2022-03-25.yaml").read_text(encoding="utf-8")
    following = (
        source.replace("2022-03-25", "2022-06-24")
        .replace("next_meeting: 2022-06-24", "next_meeting: 2022-09-16")
        .replace("previous_meeting: 2022-01-21", "previous_meeting: 2022-03-25\ntime: 10.00–13.00")
    )
    (data / "meetings" / "kkr-nordjylland-2022-06-24.yaml").write_text(following, encoding="utf-8")
    graph = Graph(load_dataset(data))
    meetings = {m.day: m for m in calendar_meetings(graph)}
    assert meetings[date(2022, 6, 24)].announced_by is None
    assert meetings[date(2022, 9, 16)].announced_by is not None
    files = feed_files(graph, site_url())
    events = {
        str(e["uid"]): e for e in Calendar.from_ical(files["kkr/nordjylland/moeder.ics"]).walk("VEVENT")
    }
    june = events["nordjylland-2022-06-24@kommuneatlas.github.io"]
    start: datetime = june.decoded("dtstart")
    assert (start.date(), start.time(), str(start.tzinfo)) == (
        date(2022, 6, 24),
        time(10, 0),
        "Europe/Copenhagen",
    )
    assert june.decoded("dtend").time() == time(13, 0) and "status" not in june
    assert str(june["url"]) == site_url() + "kkr/nordjylland/2022-06-24/"
