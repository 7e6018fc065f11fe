"""KKR minutes (referat): the meeting, its agenda items with their decisions and appointments,
and the people named as participants, absentees or appointees. An agenda (dagsorden) is the same
KL template before the meeting, without decisions (:mod:`.agenda` reads it with
:func:`read_meeting`); the meeting and its items say which of the two they come from (``status``).

The work is split by job: :mod:`.lines` (what is content), :mod:`.roster` (Deltagere/Afbud),
:mod:`.items` (sections, items, sub-sections), :mod:`.appointments` (who was appointed to what),
:mod:`.meeting` (which KKR, which dates) and :mod:`kommuneatlas.text.danish_dates` (Danish dates).
This module puts the records together.
"""

from __future__ import annotations

from typing import Any

from ...errors import ExtractionError
from ...sources.manifest import SourceDocument
from ...sources.reference import KommuneIndex, kkr_id
from ...text.light_markdown import format_blocks, format_paragraphs
from ...text.slugs import slugify
from ..common.layout import normalised
from ..common.running_text import blocks
from ..record import Record, provenance
from .appointments import Appointment, parse_appointments
from .items import Item, Section, first_section_heading, parse_agenda
from .lines import content_lines, page_headers, passage
from .meeting import find_kkr, meeting_dates
from .roster import Attendee, parse_roster, roster_start

DECISION = "Beslutning"
MINUTES = "referat"
AGENDA = "dagsorden"
AGENDA_PRECEDENCE = -1  # the minutes of the same meeting replace what its agenda gave


def _attendee(attendee: Attendee, kommuner: KommuneIndex) -> dict[str, Any]:
    return {
        "name": attendee.name,
        "person": slugify(attendee.name),
        "party": attendee.party,
        "kommune": kommuner.id_of(attendee.kommune),
        "line": attendee.line,
    }


def _appointment(appointment: Appointment) -> dict[str, Any]:
    return {
        "body": appointment.body,
        "name": appointment.name,
        "person": slugify(appointment.name),
        "representing": appointment.representing,
        "appointed_by": appointment.appointed_by,
    }


def _item_record(
    doc: SourceDocument,
    meeting_id: str,
    status: str,
    section: Section,
    item: Item,
    appointments: list[Appointment],
) -> Record:
    return Record(
        "items",
        f"{meeting_id}-{item.number.replace('.', '-')}",
        {
            "meeting": meeting_id,
            "status": status,
            "number": item.number,
            "section": section.title,
            "title": item.title,
            "case_id": item.case_id,
            "sections": {
                slugify(name): format_paragraphs(blocks(line.text for line in sub.lines))
                for name, sub in item.subsections.items()
            },
            "decision": format_blocks(blocks(line.text for line in item.lines_of(DECISION))) or None,
            "appointments": [_appointment(a) for a in appointments],
            "source": provenance(doc.id, item.first_line, item.last_line),
        },
    )


def _person(doc: SourceDocument, name: str, party: str | None, kommune: str | None, line: int) -> Record:
    data = {"name": name, "party": party, "kommune": kommune, "source": provenance(doc.id, line, line)}
    return Record("people", slugify(name), data)


def _people(
    doc: SourceDocument, attendees: list[Attendee], appointees: list[Appointment], kommuner: KommuneIndex
) -> list[Record]:
    """One record per person, from their first mention (attendees first, then appointees)."""
    mentions = [_person(doc, a.name, a.party, kommuner.id_of(a.kommune), a.line) for a in attendees]
    mentions += [_person(doc, a.name, None, None, a.line) for a in appointees]
    people: dict[str, Record] = {}
    for record in mentions:
        people.setdefault(record.id, record)
    return list(people.values())


def extract(doc: SourceDocument, kommuner: KommuneIndex) -> list[Record]:
    """The meeting record, one record per agenda item, one per person (see the module docstring)."""
    return read_meeting(doc, kommuner, MINUTES)


def read_meeting(doc: SourceDocument, kommuner: KommuneIndex, status: str) -> list[Record]:
    """The records of a KKR meeting document: ``status`` is :data:`MINUTES` or :data:`AGENDA`.
    An agenda's records give way to the minutes' (lower precedence); an agenda must hold no
    decision."""
    doc = normalised(doc)
    start = roster_start(doc.lines)
    if start is None:
        raise ExtractionError(
            doc.path,
            None,
            "ingen overskrift 'Deltagere': dette er ikke et referat eller en dagsorden fra et KKR",
        )
    lines = content_lines(doc.lines, start)
    agenda_start = first_section_heading(lines)
    if agenda_start is None:
        raise ExtractionError(doc.path, None, "intet nummereret dagsordensafsnit ('1. …') efter deltagerne")
    roster = parse_roster(lines[:agenda_start], kommuner, doc.path)
    sections = parse_agenda(lines[agenda_start:], doc.path)
    items = [(section, item) for section in sections for item in section.items]

    headers = page_headers(doc.lines)
    kkr = find_kkr(headers, lines, kommuner.kkrs, doc.path)
    dates = meeting_dates(
        headers, [passage(sub.lines) for _, item in items for sub in item.subsections.values()], doc.path
    )
    meeting_id = f"{slugify(kkr)}-{dates.date.isoformat()}"

    if status == AGENDA and (decided := next((i for _, i in items if DECISION in i.subsections), None)):
        raise ExtractionError(
            doc.path,
            decided.subsections[DECISION].line,
            f"punkt {decided.number} har en beslutning: dokumentet er et referat, ikke en dagsorden",
        )
    appointments = {item.number: parse_appointments(item.lines_of(DECISION), doc.path) for _, item in items}
    item_records = [_item_record(doc, meeting_id, status, s, i, appointments[i.number]) for s, i in items]
    meeting = Record(
        "meetings",
        meeting_id,
        {
            "kkr": kkr_id(kkr),
            "date": dates.date,
            "status": status,
            "previous_meeting": dates.previous,
            "next_meeting": dates.next,
            "participants": [_attendee(a, kommuner) for a in roster.present],
            "absent": [_attendee(a, kommuner) for a in roster.absent],
            "items": [record.id for record in item_records],
            "sections": [{"number": s.number, "title": s.title} for s in sections],
            "source": provenance(doc.id, start, max(line.number for line in lines if line.clean)),
        },
    )
    appointees = [a for listed in appointments.values() for a in listed]
    records = [
        meeting,
        *item_records,
        *_people(doc, roster.present + roster.absent, appointees, kommuner),
        Record("documents", doc.id, {"kkr": kkr_id(kkr)}),
    ]
    if status == AGENDA:
        for record in records:
            record.precedence = AGENDA_PRECEDENCE
    return records
