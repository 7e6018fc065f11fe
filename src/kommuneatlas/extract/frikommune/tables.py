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
from itertools import pairwise
from pathlib import Path

from ...errors import ExtractionError
from ...sources.manifest import SourceDocument
from ...sources.reference import KommuneIndex
from ...text.clean import collapse_ws
from ...text.lines import NumberedLine
from ..common.layout import is_page_start
from .cuts import Spacing
from .dates import in_force_date
from .kommuner import KommuneCell, mentioned_kommuner, read_kommune_cell
from .rows import Row, TableReader
from .text import Cell, is_blank, is_page_number, text_of

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
_HEADER_LINES = 12  # a table header wraps onto at most this many lines
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


def _content(
    lines: Sequence[NumberedLine], columns: Sequence[str], path: Path, label: str
) -> list[NumberedLine]:
    """The table's text lines without its (repeated) headers, each checked for its columns, and
    without page numbers (a lone number that no "§", "og" … before it asks for)."""
    text = [(number, line) for number, line in lines if not is_blank(line)]
    content: list[NumberedLine] = []
    index = 0
    while index < len(text):
        number, line = text[index]
        if not line.strip().lower().startswith(columns[0].lower()):
            if index == 0:
                raise ExtractionError(
                    path, number, f"{label}: her skulle tabellens overskrift stå ({columns[0]!r} …)"
                )
            if not is_page_number(line, collapse_ws(content[-1][1]) if content else ""):
                content.append((number, line))
            index += 1
            continue
        end = index
        while (
            end + 1 < len(text)
            and end - index < _HEADER_LINES
            and columns[-1].lower() not in text_of(text[index : end + 1]).lower()
        ):
            end += 1
        header = text_of(text[index : end + 1]).lower()
        position = 0
        for column in columns:
            position = header.find(column.lower(), position)
            if position < 0:
                raise ExtractionError(
                    path, number, f"{label}: tabellens overskrift mangler kolonnen {column!r}"
                )
        index = end + 1
    return content


def _spacing(region: Sequence[NumberedLine], content: Sequence[NumberedLine]) -> Spacing:
    """Which content lines follow a blank line, and which follow the line before directly (neither,
    where a page break, a page number or a header stands between: those say nothing). A table
    without blank lines (another converter's) has no spacing to tell."""
    after_blank: set[int] = set()
    after_text: set[int] = set()
    numbers = {number: text for number, text in region}
    for (before, _), (number, text) in pairwise(content):
        between = [numbers[n] for n in range(before + 1, number)]
        if is_page_start(text) or any(not is_blank(line) for line in between):
            continue
        (after_blank if between else after_text).add(number)
    if not after_blank:
        return Spacing()
    return Spacing(frozenset(after_blank), frozenset(after_text))


def _kommune_cell(cell: Cell, kommuner: KommuneIndex, path: Path) -> KommuneCell:
    found = read_kommune_cell(text_of(cell), kommuner)
    if found is None:  # the row reader anchored the row on this cell, so it is a list
        raise ExtractionError(path, cell[0][0], f"ikke en liste af kommuner: {text_of(cell)!r}")
    return found


def _network(number: int, row: Row, kommuner: KommuneIndex, path: Path) -> Network:
    members = _kommune_cell(row.kommune, kommuner, path)
    named = mentioned_kommuner(members.remark, kommuner)
    inactive = tuple(named) if named and _NEGATION.search(members.remark) else ()
    return Network(
        number=number,
        name=text_of(row.title),
        theme=text_of(row.cells[2]),
        kommuner=members.names,
        inactive_kommuner=inactive,
        marked_inactive=not named and _NOT_ACTIVE.search(members.remark) is not None,
        first_line=row.first_line,
        last_line=row.last_line,
    )


def _experiment(caption: Caption, row: Row, kommuner: KommuneIndex, path: Path) -> Experiment:
    content, target_group, hjemmel, implementation, evaluation = (text_of(cell) for cell in row.cells[2:])
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
        last_line=max(line for cell in row.cells[2:] for line, _ in cell),
    )


def _tabel_1(lines: Sequence[NumberedLine], path: Path) -> tuple[Tabel1Row, ...]:
    """The rows "<network> <participants> <approved>" after the caption "Tabel 1 …"."""
    start = next((index for index, (_, text) in enumerate(lines) if _TABEL_1.fullmatch(text)), None)
    if start is None:
        raise ExtractionError(path, None, "Tabel 1 (netværkene og deres godkendte forsøg) findes ikke")
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
        raise ExtractionError(path, lines[start][0], "Tabel 1 har ingen rækker")
    return tuple(rows)


def read_tables(doc: SourceDocument, kommuner: KommuneIndex) -> Tables:
    """Every table of the note, each row's cells split and cleaned; bad structure raises
    :class:`~kommuneatlas.errors.ExtractionError` at the line where it shows."""
    lines: list[NumberedLine] = list(enumerate(doc.lines, start=1))
    captions = _captions(lines)
    appendices = [number for number, text in lines if _APPENDIX.fullmatch(text)]
    boundaries = sorted([*appendices, *(caption.line for caption in captions)])
    reader = TableReader(kommuner, doc.path)
    network_table: Caption | None = None
    experiment_tables: list[Caption] = []
    for caption in captions:
        region = _region(lines, caption, boundaries)
        first = next((text.strip() for _, text in region if not is_blank(text)), "")
        if first.startswith(NETWORK_COLUMNS[0]):
            content = _content(region, NETWORK_COLUMNS, doc.path, caption.label)
            reader.add(content, NETWORK_COLUMNS, caption.label, caption.line, _spacing(region, content))
            network_table = caption
        elif first.startswith(EXPERIMENT_COLUMNS[0]):
            content = _content(region, EXPERIMENT_COLUMNS, doc.path, caption.label)
            reader.add(content, EXPERIMENT_COLUMNS, caption.label, caption.line, _spacing(region, content))
            experiment_tables.append(caption)
        else:
            raise ExtractionError(
                doc.path, caption.line, f"{caption.label}: ingen tabeloverskrift efter billedteksten"
            )
    if network_table is None:
        raise ExtractionError(
            doc.path, None, "ingen bilagstabel med netværkene (kolonnerne Tema, Netværkskommuner) fundet"
        )
    if not experiment_tables:
        raise ExtractionError(
            doc.path, None, "ingen bilagstabel med forsøg (kolonnen 'Titel på forsøg') fundet"
        )
    read = iter(reader.read())
    networks: list[Network] = []
    tables: list[ExperimentTable] = []
    for caption in captions:
        if caption is network_table:
            networks = [_network(n, row, kommuner, doc.path) for n, row in enumerate(next(read), 1)]
        elif caption in experiment_tables:
            rows = next(read)
            tables.append(
                ExperimentTable(caption, tuple(_experiment(caption, row, kommuner, doc.path) for row in rows))
            )
    numbers = {network.number for network in networks}
    for table in tables:
        if table.caption.number not in numbers:
            raise ExtractionError(
                doc.path,
                table.caption.line,
                f"{table.caption.label}: der er intet netværk {table.caption.number}",
            )
    body_end = min([*boundaries, len(lines) + 1])
    tabel_1 = _tabel_1(lines[: body_end - 1], doc.path)
    return Tables(body_end, network_table.label, tuple(networks), tuple(tables), tabel_1)
