"""Extractor for VIVE's status note on Frikommuneforsøg II (kind ``frikommune-status``).

The note describes eight frikommune networks (Bilagstabel 1.1, Tabel 1, chapters 1–7) and their
approved experiments (Bilagstabel 2.1–2.7). :func:`extract` returns one ``networks`` record per
network and one ``experiments`` record per table row, in document order. Where the note contradicts
itself, the network's ``notes`` say so (see :mod:`.notes`).

The work is split by job: :mod:`.text` (lines, names, cell texts),
:mod:`.kommuner` (municipality cells), :mod:`.rows` (table rows),
:mod:`.tables` (which table is which), :mod:`.chapters` (running text),
:mod:`.notes`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...errors import ExtractionError
from ...sources.manifest import SourceDocument
from ...sources.reference import KommuneIndex
from ...text.clean import fold
from ...text.light_markdown import BULLET, PARAGRAPH, Block, format_paragraphs
from ...text.slugs import slugify
from ..common.layout import normalised
from ..record import Record, provenance
from .chapters import Body, Chapter, read_body
from .notes import consistency_notes
from .tables import Experiment, ExperimentTable, Network, Tabel1Row, Tables, read_tables

ID_LENGTH = 60


def _match_tabel_1(tables: Tables, body: Body, path: Path) -> dict[int, Tabel1Row]:
    """Tabel 1's rows by network number, matched on the network's name (any of its spellings)."""
    names: dict[str, int] = {}
    for network in tables.networks:
        chapter = body.chapter(network.number)
        names.setdefault(fold(network.name), network.number)
        if chapter:
            names.setdefault(fold(chapter.name), network.number)
    for table in tables.experiment_tables:
        if table.caption.name:
            names.setdefault(fold(table.caption.name), table.caption.number)
    matched: dict[int, Tabel1Row] = {}
    for row in tables.tabel_1:
        number = names.get(fold(row.name))
        if number is None:
            raise ExtractionError(
                path,
                row.line,
                f"Tabel 1 nævner et netværk, der ikke står i {tables.network_table}: {row.name!r}",
            )
        matched[number] = row
    return matched


def _texts(chapter: Chapter | None, part: str) -> list[str]:
    """A part of a chapter as running text: one element per paragraph, one per list of bullets
    (light Markdown, an item per line: see :mod:`kommuneatlas.text.light_markdown`)."""
    paragraphs = getattr(chapter, part) if chapter else ()
    return format_paragraphs([Block(BULLET if p.bullet else PARAGRAPH, p.text) for p in paragraphs])


def _network_record(
    doc: SourceDocument,
    kommuner: KommuneIndex,
    network: Network,
    chapter: Chapter | None,
    tabel_1: Tabel1Row | None,
    table: ExperimentTable | None,
    notes: list[str],
) -> Record:
    source = (chapter.first_line, chapter.last_line) if chapter else (network.first_line, network.last_line)
    data: dict[str, Any] = {
        "number": network.number,
        "name": network.name,
        "theme": network.theme,
        "kommuner": _ids(kommuner, network.kommuner),
        "inactive_kommuner": _ids(kommuner, network.inactive_kommuner),
        "approved_count": tabel_1.approved if tabel_1 else None,
        "active": not network.marked_inactive and bool(table and table.experiments),
        "introduction": _texts(chapter, "introduction"),
        "data_sources": _texts(chapter, "data_sources"),
        "status": _texts(chapter, "status"),
        "experiences": _texts(chapter, "experiences"),
        "notes": notes,
        "source": provenance(doc.id, *source),
    }
    return Record("networks", network_id(network), data)


def network_id(network: Network) -> str:
    return slugify(network.name, ID_LENGTH)


def _ids(kommuner: KommuneIndex, names: tuple[str, ...]) -> list[str | None]:
    return [kommuner.id_of(name) for name in names]


def _experiment_data(
    doc: SourceDocument, kommuner: KommuneIndex, network: str, e: Experiment
) -> dict[str, Any]:
    """``network``: the id of the network of the experiment's table."""
    return {
        "network": network,
        "title": e.title,
        "kommuner": _ids(kommuner, e.kommuner),
        "kommuner_raw": e.kommuner_raw,
        "content": e.content,
        "target_group": e.target_group,
        "hjemmel": e.hjemmel,
        "in_force": e.in_force,
        "implementation": e.implementation,
        "evaluation": e.evaluation,
        "source": provenance(doc.id, e.first_line, e.last_line),
    }


def unique_ids(titles: list[str]) -> list[str]:
    """``slugify(title, 60)``, with "-2", "-3" … added to repeats in order."""
    used: set[str] = set()
    ids: list[str] = []
    for title in titles:
        base = slugify(title, ID_LENGTH)
        candidate, count = base, 1
        while candidate in used:
            count += 1
            candidate = f"{base}-{count}"
        used.add(candidate)
        ids.append(candidate)
    return ids


def extract(doc: SourceDocument, kommuner: KommuneIndex) -> list[Record]:
    """The networks, then the experiments, of a frikommune status note, in document order."""
    doc = normalised(doc)
    tables = read_tables(doc, kommuner)
    body = read_body(list(enumerate(doc.lines[: tables.body_end - 1], start=1)))
    tabel_1 = _match_tabel_1(tables, body, doc.path)
    notes = consistency_notes(tables, body, tabel_1, kommuner)
    by_number = {table.caption.number: table for table in tables.experiment_tables}
    records = [
        _network_record(
            doc,
            kommuner,
            network,
            body.chapter(network.number),
            tabel_1.get(network.number),
            by_number.get(network.number),
            notes[network.number],
        )
        for network in tables.networks
    ]
    network_ids = {network.number: network_id(network) for network in tables.networks}
    experiments = [e for table in tables.experiment_tables for e in table.experiments]
    for record_id, e in zip(unique_ids([e.title for e in experiments]), experiments, strict=True):
        records.append(
            Record("experiments", record_id, _experiment_data(doc, kommuner, network_ids[e.network], e))
        )
    return records
