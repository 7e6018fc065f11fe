"""KKR appendix bundles ("Indholdsfortegnelse - Bilag"): the attachments to a KKR meeting in one export.

The bundle opens with a table of contents (agenda items ``2.1 Orientering<TAB>2`` and their
attachments ``Bilag 1: …<TAB>2``). Each attachment then starts with a bare agenda-item number line
("2.1") followed by the item title. Attachments are letters and KL notes with page furniture
("Dato:", "Sags ID:", "Dok. ID:", addresses, "Side 3 af 9") on every page, tab-separated tables
whose cells may hold HTML, and a financing table ``Kommune<TAB>1.000 kr.`` with a total row.

The table of contents, the attachments' spans and the page furniture are read in :mod:`.parts`,
each attachment as a letter in :mod:`.letters`, the tables in :mod:`.tables`.
"""

from __future__ import annotations

import re
from typing import Any

from ...errors import ExtractionError
from ...sources.manifest import SourceDocument
from ...sources.reference import KommuneIndex, kkr_id
from ...text.clean import collapse_ws
from ..common.layout import cleaned, normalised
from ..record import Record, provenance
from .letters import parse_letter
from .parts import furniture_lines, parse_toc, split_parts
from .tables import parse_bureaucracy_rows, parse_financing


def extract(doc: SourceDocument, kommuner: KommuneIndex) -> list[Record]:
    """The bundle as one ``documents`` record (see the module docstring for the layout)."""
    # The letters' footer blocks end with their page numbers, and an attachment's text runs to its
    # last line of furniture: both are read before the page furniture is blanked.
    clean = cleaned(doc)
    furniture = furniture_lines(clean)
    doc = normalised(doc)
    items, attachments, toc_end = parse_toc(doc)
    parts = split_parts(clean, items, attachments, toc_end)
    first, last = _content_span(clean)
    data: dict[str, Any] = {
        "kkr": kkr_id(find_kkr(doc, kommuner)),
        "agenda_items": [
            {
                "number": entry.item,
                "title": entry.title,
                "page": entry.page,
                "line": entry.line,
                "first_line": next((p.first_line for p in parts if p.item == entry.item), None),
            }
            for entry in items
        ],
        "attachments": [
            {"item": a.item, "number": a.number, "title": a.title, "page": a.page, "line": a.line}
            for a in attachments
        ],
        "letters": [parse_letter(doc, part, furniture) for part in parts],
        "bureaucracy_rows": parse_bureaucracy_rows(doc, parts, furniture),
        "financing": parse_financing(doc, kommuner),
        "source": provenance(doc.id, first, last),
    }
    return [Record(kind="documents", id=doc.id, data=data)]


def _content_span(doc: SourceDocument) -> tuple[int, int]:
    numbers = [n for n, line in enumerate(doc.lines, 1) if line.strip()]
    if not numbers:
        raise ExtractionError(doc.path, None, "dokumentet er tomt")
    return numbers[0], numbers[-1]


def find_kkr(doc: SourceDocument, kommuner: KommuneIndex) -> str:
    """The KKR the bundle belongs to: the KKR named most often in the text (first named wins ties)."""
    text = collapse_ws(doc.text)
    counts = {kkr: len(re.findall(rf"\b{re.escape(kkr)}\b", text)) for kkr in kommuner.kkrs}
    named = [kkr for kkr, count in counts.items() if count]
    if not named:
        raise ExtractionError(doc.path, None, "teksten nævner intet KKR")
    return max(named, key=lambda kkr: (counts[kkr], -text.index(kkr)))
