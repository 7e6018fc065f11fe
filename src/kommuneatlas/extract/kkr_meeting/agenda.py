"""KKR agendas (dagsorden): the KL template before the meeting — the cover, the
Deltagerfortegnelse, numbered items with Baggrund, Indstilling and Sagsfremstilling, and no
Beslutning — read as the meeting and its items, marked ``status: dagsorden``.

The ids are those the minutes of the same meeting give (``<kkr>-<date>``, ``<kkr>-<date>-<n>``),
so when the minutes arrive, extraction updates the same files; the minutes' records win, whatever
the order of the manifest (their precedence is higher), and an editor's changes stay (the
three-way merge of :mod:`kommuneatlas.store.merge`).
"""

from __future__ import annotations

from ...sources.manifest import SourceDocument
from ...sources.reference import KommuneIndex
from ..record import Record
from .minutes import AGENDA, read_meeting


def extract(doc: SourceDocument, kommuner: KommuneIndex) -> list[Record]:
    """The meeting, its items and the people on its Deltagerfortegnelse, as an agenda."""
    return read_meeting(doc, kommuner, AGENDA)
