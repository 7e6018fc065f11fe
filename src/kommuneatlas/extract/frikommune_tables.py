"""The tables of the frikommune status note.

- Tabel 1: per network, the number of participating municipalities and of approved experiments.
- The network overview (the Bilagstabel with columns Tema, Netværkskommuner, Indhold): one row per
  network, numbered in order; chapter N and Bilagstabel 2.N are about network N.
- The experiment tables (Bilagstabel 2.N, columns Titel på forsøg … Beskrivelse af evaluering).

A table runs from its caption to the next caption, the next appendix heading ("Bilag 2 …") or the
end of the document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import ExtractionError
from ..kommuner import KommuneIndex
from ..sources import SourceDocument
from .frikommune_dates import in_force_date
from .frikommune_kommuner import KommuneCell, mentioned_kommuner, read_kommune_cell
from .frikommune_rows import RawRow, learn_openings, resolve_cells, split_rows
from .frikommune_text import Block, Cell, NumberedLine, is_blank, split_blocks, text_of

EXPERIMENT_COLUMNS = (
    "Titel på",
    "Forsøgs",
    "Indhold",
    "Målgruppe",
    "Hjemmel",
    "Ikrafttrædelse",
    "Beskrivelse af evaluering",
)
NETWORK_COLUMNS = ("Tema", "Netværkskommuner", "Indhold")

# "Bilagstabel 2.7 Status på forsøg …"; the list of tables writes "Bilagstabel 2.1: Status …".
_CAPTION = re.compile(r"\s*(Bilagstabel\s+\d+\.(\d+))\s+(\S.*?)\s*")
_APPENDIX = re.compile(r"\s*Bilag\s+\d+\s+[^\W\d_].*")
_QUOTED = re.compile(r"[”“\"]([^”“\"]+)[”“\"]")
_TABEL_1 = re.compile(r"\s*Tabel\s+1\s.*")
_TABEL_1_ROW = re.compile(r"\s*(\S.*?)\s+(\d+)\s+(\d+)\s*")
_NEGATION = re.compile(r"\bikke\b", re.IGNORECASE)
_NOT_ACTIVE = re.compile(r"\bikke\b.*\baktiv", re.IGNORECASE)


@dataclass(frozen=True)
class Caption:
    line: int
    label: str  # "Bilagstabel 2.7"
    number: int  # 7
    name: str  # the network name quoted in the caption, "" if none


@dataclass(frozen=True)
class Network:
    number: int
    name: str
    theme: str
    kommuner: tuple[str, ...]
    inactive_kommuner: tuple[str, ...]  # members the row's remark says take no active part
    marked_inactive: bool  # the row's remark says the network itself is not active
    first_line: int
    last_line: int


@dataclass(frozen=True)
class Experiment:
    network: int
    title: str
    kommuner: tuple[str, ...]
    kommuner_raw: str
    content: str
    target_group: str
    hjemmel: str
    in_force: date | None
    implementation: str
    evaluation: str
    first_line: int
    last_line: int


@dataclass(frozen=True)
class ExperimentTable:
    caption: Caption
    experiments: tuple[Experiment, ...]


@dataclass(frozen=True)
class Tabel1Row:
    name: str
    participants: int
    approved: int
    line: int


@dataclass(frozen=True)
class Tables:
    body_end: int  # the first line of the appendices; the chapters stand before it
    network_table: str  # the label of the network overview, "Bilagstabel 1.1"
    networks: tuple[Network, ...]
    experiment_tables: tuple[ExperimentTable, ...]
    tabel_1: tuple[Tabel1Row, ...]


def _captions(lines: Sequence[NumberedLine]) -> list[Caption]:
    captions: list[Caption] = []
    for number, text in lines:
        found = _CAPTION.fullmatch(text)
        if found:
            quoted = _QUOTED.search(found[3])
            label = " ".join(found[1].split())
            captions.append(Caption(number, label, int(found[2]), quoted[1].strip() if quoted else ""))
    return captions


def _region(lines: Sequence[NumberedLine], caption: Caption, boundaries: Sequence[int]) -> list[NumberedLine]:
    """The lines of the table under ``caption``."""
    end = min((line for line in boundaries if line > caption.line), default=len(lines) + 1)
    return list(lines[caption.line : end - 1])


def _segments(blocks: Sequence[Block], columns: Sequence[str], path: Path, label: str) -> list[list[Block]]:
    """The blocks between the table's (repeated) headers; each header checked for its columns."""
    segments: list[list[Block]] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if not block.starts_with(columns[0]):
            if not segments:
                raise ExtractionError(
                    path, block.first_line, f"{label}: expected the table header ({columns[0]!r} …)"
                )
            segments[-1].append(block)
            index += 1
            continue
        end = index
        while end < len(blocks) and columns[-1].lower() not in blocks[end].text.lower():
            end += 1
        header = " ".join(b.text for b in blocks[index : end + 1]).lower()
        position = 0
        for column in columns:
            position = header.find(column.lower(), position)
            if position < 0:
                raise ExtractionError(
                    path, block.first_line, f"{label}: the table header lacks the column {column!r}"
                )
        segments.append([])
        index = end + 1
    return segments


def _table_rows(
    lines: Sequence[NumberedLine],
    caption: Caption,
    columns: Sequence[str],
    kommuner: KommuneIndex,
    path: Path,
) -> list[RawRow]:
    rows: list[RawRow] = []
    for segment in _segments(split_blocks(lines), columns, path, caption.label):
        rows.extend(split_rows(segment, kommuner, path, caption.label))
    if not rows:
        raise ExtractionError(path, caption.line, f"{caption.label}: the table has no rows")
    return rows


def _kommune_cell(cell: Cell, kommuner: KommuneIndex, path: Path) -> KommuneCell:
    found = read_kommune_cell(text_of(cell), kommuner)
    if found is None:  # match_row_start accepted this cell, so it is a list
        raise ExtractionError(path, cell[0][0], f"not a list of municipalities: {text_of(cell)!r}")
    return found


def _network(number: int, row: RawRow, kommuner: KommuneIndex, path: Path, label: str) -> Network:
    if len(row.pieces) != len(NETWORK_COLUMNS) - 2:
        raise ExtractionError(
            path,
            row.first_line,
            f"{label}: the row has {len(row.pieces) + 2} of {len(NETWORK_COLUMNS)} cells",
        )
    members = _kommune_cell(row.kommune, kommuner, path)
    named = mentioned_kommuner(members.remark, kommuner)
    inactive = tuple(named) if named and _NEGATION.search(members.remark) else ()
    return Network(
        number=number,
        name=text_of(row.title),
        theme=text_of(row.pieces[0]),
        kommuner=members.names,
        inactive_kommuner=inactive,
        marked_inactive=not named and _NOT_ACTIVE.search(members.remark) is not None,
        first_line=row.first_line,
        last_line=max(line for line, _ in row.pieces[-1]),
    )


def _experiment(
    caption: Caption, row: RawRow, cells: Sequence[Cell], kommuner: KommuneIndex, path: Path
) -> Experiment:
    content, target_group, hjemmel, implementation, evaluation = (text_of(cell) for cell in cells)
    where = _kommune_cell(row.kommune, kommuner, path)
    return Experiment(
        network=caption.number,
        title=text_of(row.title),
        kommuner=where.names,
        kommuner_raw=where.raw,
        content=content,
        target_group=target_group,
        hjemmel=hjemmel,
        in_force=in_force_date(implementation),
        implementation=implementation,
        evaluation=evaluation,
        first_line=row.first_line,
        last_line=max(line for cell in cells for line, _ in cell),
    )


def _tabel_1(lines: Sequence[NumberedLine], path: Path) -> tuple[Tabel1Row, ...]:
    """The rows "<network> <participants> <approved>" after the caption "Tabel 1 …"."""
    start = next((index for index, (_, text) in enumerate(lines) if _TABEL_1.fullmatch(text)), None)
    if start is None:
        raise ExtractionError(path, None, "Tabel 1 (networks and approved experiments) not found")
    rows: list[Tabel1Row] = []
    for number, text in lines[start + 1 :]:
        if is_blank(text):
            continue
        found = _TABEL_1_ROW.fullmatch(text)
        if found is None:
            if rows:
                break
            continue
        rows.append(Tabel1Row(" ".join(found[1].split()), int(found[2]), int(found[3]), number))
    if not rows:
        raise ExtractionError(path, lines[start][0], "Tabel 1 has no rows")
    return tuple(rows)


def read_tables(doc: SourceDocument, kommuner: KommuneIndex) -> Tables:
    """Every table of the note, each row's cells split and cleaned; bad structure raises
    :class:`~kommuneatlas.errors.ExtractionError` at the line where it shows."""
    lines: list[NumberedLine] = list(enumerate(doc.lines, start=1))
    captions = _captions(lines)
    appendices = [number for number, text in lines if _APPENDIX.fullmatch(text)]
    boundaries = sorted([*appendices, *(caption.line for caption in captions)])
    networks: list[Network] = []
    network_table = ""
    found: list[tuple[Caption, list[RawRow]]] = []
    for caption in captions:
        region = _region(lines, caption, boundaries)
        first = next((text.strip() for _, text in region if not is_blank(text)), "")
        if first.startswith(NETWORK_COLUMNS[0]):
            rows = _table_rows(region, caption, NETWORK_COLUMNS, kommuner, doc.path)
            networks = [_network(n, row, kommuner, doc.path, caption.label) for n, row in enumerate(rows, 1)]
            network_table = caption.label
        elif first.startswith(EXPERIMENT_COLUMNS[0]):
            found.append((caption, _table_rows(region, caption, EXPERIMENT_COLUMNS, kommuner, doc.path)))
        else:
            raise ExtractionError(
                doc.path, caption.line, f"{caption.label}: no table header after the caption"
            )
    if not networks:
        raise ExtractionError(
            doc.path, None, "no Bilagstabel with the networks (columns Tema, Netværkskommuner) found"
        )
    if not found:
        raise ExtractionError(
            doc.path, None, "no Bilagstabel with experiments (column 'Titel på forsøg') found"
        )
    numbers = {network.number for network in networks}
    openings = learn_openings([row for _, rows in found for row in rows], len(EXPERIMENT_COLUMNS) - 2)
    tables: list[ExperimentTable] = []
    for caption, rows in found:
        if caption.number not in numbers:
            raise ExtractionError(
                doc.path, caption.line, f"{caption.label}: there is no network {caption.number}"
            )
        experiments = tuple(
            _experiment(
                caption, row, resolve_cells(row, openings, doc.path, caption.label), kommuner, doc.path
            )
            for row in rows
        )
        tables.append(ExperimentTable(caption, experiments))
    body_end = min([*boundaries, len(lines) + 1])
    tabel_1 = _tabel_1(lines[: body_end - 1], doc.path)
    return Tables(body_end, network_table, tuple(networks), tuple(tables), tabel_1)
