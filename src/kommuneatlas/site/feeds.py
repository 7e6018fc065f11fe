"""Follow what changes: an Atom feed of what is new, and an iCalendar file of the KKR meetings.

* ``feed.xml`` (and ``kkr/<id>/feed.xml`` for each KKR): meetings, decisions (agenda items with
  a decision), documents and frikommune experiments, newest first, each dated by its own date
  (the meeting's, the document's, the experiment's entry into force), at most
  :data:`FEED_ENTRIES` of them. Written with feedgen.
* ``moeder.ics`` (and ``kkr/<id>/moeder.ics``): every meeting in the data, and every next meeting
  a referat announces, each with the link to its agenda; all-day events unless the meeting has a
  ``time`` ("10.00" or "10.00–13.00"). Stable UIDs (KKR and date), so a calendar that subscribed
  before an announced meeting was held updates that event. Written with icalendar.

Links are absolute: a feed is read away from the site. Pure functions of the data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator
from icalendar import Calendar, Event

from ..model.graph import Graph
from ..model.urls import calendar_url, feed_url
from ..sources.document_types import type_label
from ..text.clean import collapse_ws, shorten
from ..text.danish_format import as_date, danish_date, danish_number

FEED_ENTRIES = 50  # a feed says what is new, not everything: its newest entries
SUMMARY_CHARACTERS = 400
TIMEZONE = ZoneInfo("Europe/Copenhagen")
SITE_NAME = "Kommuneatlas"
_TIME = re.compile(r"(\d{1,2})(?:[.:](\d{2}))?(?:\s*[-–]\s*(\d{1,2})(?:[.:](\d{2}))?)?")
_KIND_ORDER = {"møde": 0, "beslutning": 1, "dokument": 2, "forsøg": 3}


@dataclass(frozen=True)
class FeedEntry:
    kind: str  # møde, beslutning, dokument, forsøg
    title: str
    url: str  # site-relative
    day: date
    summary: str
    kkrs: frozenset[str]  # the KKRs (ids) whose feed it belongs in


@dataclass(frozen=True)
class Meeting:
    """A meeting in the calendar: held (a page in the data) or announced by a referat."""

    kkr: str  # id
    kkr_name: str
    day: date
    url: str  # site-relative: the agenda, or the KKR's page for a meeting not held yet
    announced_by: tuple[date, str] | None = None  # (date, page) of the meeting whose referat announced it
    hours: tuple[time, time | None] | None = None


def _summary(text: object) -> str:
    """``text`` on one line, cut at a word within :data:`SUMMARY_CHARACTERS` (with " …")."""
    return shorten(collapse_ws(str(text)), SUMMARY_CHARACTERS)


def _count(n: int, one: str, many: str) -> str:
    return f"{danish_number(n)} {one if n == 1 else many}"


def _entries_of_meetings(graph: Graph) -> Iterator[FeedEntry]:
    for meeting in graph.all("meetings"):
        day = as_date(meeting.get("date"))
        url = graph.url_of("meetings", meeting)
        if day is None or url is None:
            continue
        kkrs = frozenset({meeting["kkr"]})
        items = graph.referrers("meetings", meeting["id"], "items")
        participants = len(meeting.get("participants") or [])
        summary = f"Dagsorden med {_count(len(items), 'punkt', 'punkter')} og {_count(participants, 'deltager', 'deltagere')}."
        yield FeedEntry("møde", graph.title("meetings", meeting), url, day, summary, kkrs)
        for item in items:
            item_url = graph.url_of("items", item)
            if item.get("decision") and item_url:
                title = (
                    f"Beslutning: {item['number']} {item['title']} ({graph.label('meetings', meeting['id'])})"
                )
                yield FeedEntry("beslutning", title, item_url, day, _summary(item["decision"]), kkrs)


def _entries_of_documents(graph: Graph) -> Iterator[FeedEntry]:
    for document in graph.all("documents"):
        day = as_date(document.get("date"))
        url = graph.url_of("documents", document)
        if day is None or url is None:
            continue
        kind = type_label(document.get("kind", ""), "Dokument")
        summary = f"{kind} fra {document.get('publisher')}."
        if document.get("summary"):
            summary = f"{summary} {_summary(document['summary'])}"
        kkrs = frozenset({document["kkr"]}) if document.get("kkr") else frozenset()
        yield FeedEntry("dokument", str(document["title"]), url, day, summary, kkrs)


def _entries_of_experiments(graph: Graph) -> Iterator[FeedEntry]:
    for experiment in graph.all("experiments"):
        document = graph.follow(experiment, "source.document") or {}
        day = as_date(experiment.get("in_force")) or as_date(document.get("date"))
        url = graph.url_of("experiments", experiment)
        if day is None or url is None:
            continue
        kommuner = (graph.get("kommuner", kommune) for kommune in experiment.get("kommuner") or [])
        kkrs = frozenset(str(kommune["kkr"]) for kommune in kommuner if kommune)
        title = f"Frikommuneforsøg: {experiment['title']}"
        summary = _summary(experiment.get("content") or "") or title
        yield FeedEntry("forsøg", title, url, day, summary, kkrs)


def feed_entries(graph: Graph) -> list[FeedEntry]:
    """Everything the feeds can tell, newest first (then meetings before their decisions)."""
    entries = [*_entries_of_meetings(graph), *_entries_of_documents(graph), *_entries_of_experiments(graph)]
    return sorted(entries, key=lambda e: (-e.day.toordinal(), _KIND_ORDER[e.kind], e.title))


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), TIMEZONE)


def atom_feed(entries: Iterable[FeedEntry], title: str, path: str, page: str, base: str) -> str:
    """The Atom document at site path ``path`` (about the page ``page``) of the newest entries."""
    newest = list(entries)[:FEED_ENTRIES]
    feed = FeedGenerator()
    feed.id(base + path)
    feed.title(title)
    feed.subtitle(f"Nyt i {SITE_NAME}: møder, beslutninger, dokumenter og frikommuneforsøg")
    feed.author({"name": SITE_NAME})
    feed.link(href=base + path, rel="self", type="application/atom+xml")
    feed.link(href=base + page, rel="alternate", type="text/html")
    feed.language("da")
    feed.updated(_midnight(newest[0].day) if newest else datetime(1970, 1, 1, tzinfo=UTC))
    for entry in newest:
        item = feed.add_entry(order="append")
        item.id(base + entry.url)
        item.title(entry.title)
        item.link(href=base + entry.url, rel="alternate", type="text/html")
        item.category(term=entry.kind)
        item.published(_midnight(entry.day))
        item.updated(_midnight(entry.day))
        item.summary(entry.summary)
    return feed.atom_str(pretty=True).decode("utf-8")


def _hours(value: object) -> tuple[time, time | None] | None:
    """(start, end) of a meeting's ``time`` ("10.00", "kl. 10-13", "10:00–13:30"); None if it has none."""
    match = _TIME.search(str(value)) if value else None
    if match is None:
        return None
    try:
        start = time(int(match.group(1)), int(match.group(2) or 0))
        end = time(int(match.group(3)), int(match.group(4) or 0)) if match.group(3) else None
    except ValueError:
        return None
    return start, end


def calendar_meetings(graph: Graph) -> list[Meeting]:
    """Held meetings and the next meetings their referater announce, by date (one per KKR and day)."""
    found: dict[tuple[str, date], Meeting] = {}
    announced: dict[tuple[str, date], Meeting] = {}
    for meeting in graph.all("meetings"):
        kkr = meeting["kkr"]
        day = as_date(meeting.get("date"))
        url = graph.url_of("meetings", meeting)
        if day is None or url is None:
            continue
        name = str(graph.label("kkr", kkr))
        found[(kkr, day)] = Meeting(kkr, name, day, url, hours=_hours(meeting.get("time")))
        following = as_date(meeting.get("next_meeting"))
        if following is not None and following > day:
            previous = announced.get((kkr, following))
            if previous is None or previous.announced_by is None or previous.announced_by[0] < day:
                kkr_page = graph.url("kkr", kkr) or url
                announced[(kkr, following)] = Meeting(kkr, name, following, kkr_page, (day, url))
    for key, meeting in announced.items():
        found.setdefault(key, meeting)
    return sorted(found.values(), key=lambda m: (m.day, m.kkr))


def _event(meeting: Meeting, base: str, host: str) -> Event:
    event = Event()
    event.add("uid", f"{meeting.kkr}-{meeting.day.isoformat()}@{host}")
    stamp = meeting.announced_by[0] if meeting.announced_by else meeting.day
    event.add("dtstamp", datetime.combine(stamp, time(), UTC))
    if meeting.hours is None:
        event.add("dtstart", meeting.day)
        event.add("dtend", meeting.day + timedelta(days=1))
    else:
        start, end = meeting.hours
        event.add("dtstart", datetime.combine(meeting.day, start, TIMEZONE))
        if end is not None and end > start:
            event.add("dtend", datetime.combine(meeting.day, end, TIMEZONE))
    event.add("summary", f"Møde i {meeting.kkr_name}")
    event.add("url", base + meeting.url)
    if meeting.announced_by is None:
        description = f"Dagsorden og beslutninger: {base + meeting.url}"
    else:
        day, page = meeting.announced_by
        description = (
            f"Annonceret i referatet af mødet {danish_date(day)} ({base + page}). "
            f"Dagsordenen kommer på {base + meeting.url}"
        )
        event.add("status", "TENTATIVE")
    event.add("description", description)
    return event


def icalendar(meetings: Iterable[Meeting], name: str, base: str) -> str:
    """The iCalendar file of ``meetings``."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{SITE_NAME}//KKR-møder//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    host = urlsplit(base).netloc or SITE_NAME.lower()
    for meeting in meetings:
        calendar.add_component(_event(meeting, base, host))
    calendar.add_missing_timezones()
    return calendar.to_ical().decode("utf-8")


def feed_files(graph: Graph, base: str) -> dict[str, str]:
    """Site path → text of every feed and calendar. ``base`` is the site's address, ending in "/"."""
    entries = feed_entries(graph)
    meetings = calendar_meetings(graph)
    files = {
        feed_url(): atom_feed(entries, f"Nyt i {SITE_NAME}", feed_url(), "", base),
        calendar_url(): icalendar(meetings, f"KKR-møder – {SITE_NAME}", base),
    }
    for kkr in graph.all("kkr"):
        own = [e for e in entries if kkr["id"] in e.kkrs]
        page = graph.url_of("kkr", kkr) or ""
        files[feed_url(kkr["id"])] = atom_feed(own, f"Nyt fra {kkr['name']}", feed_url(kkr["id"]), page, base)
        files[calendar_url(kkr["id"])] = icalendar(
            [m for m in meetings if m.kkr == kkr["id"]], f"Møder i {kkr['name']} – {SITE_NAME}", base
        )
    return files
