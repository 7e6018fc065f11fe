"""What every document generator gets (:class:`Context`) and returns (:class:`Document`)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from ..sources.reference import Kommune, KommuneIndex
from .prose import Prose, Unique

# Experiment and network ids are slugs cut at 60 characters (extract/frikommune.py).
FRIKOMMUNE_ID_LENGTH = 60


@dataclass(frozen=True)
class Document:
    """A generated source document: its manifest entry, its text, and what extraction should find."""

    id: str
    title: str
    publisher: str
    date: date
    kind: str
    text: str
    counts: dict[str, int] = field(default_factory=dict)  # entity kind → records this document yields


@dataclass
class Context:
    """Shared state of one corpus: the random source and the registers that keep ids unique."""

    rng: random.Random
    kommuner: KommuneIndex
    names: Unique = field(default_factory=Unique)  # people (ids are slugs of names)
    keys: Unique = field(default_factory=Unique)  # document ids, meeting keys
    titles: Unique = field(default_factory=lambda: Unique(FRIKOMMUNE_ID_LENGTH))  # networks, experiments
    prose: Prose = field(init=False)

    def __post_init__(self) -> None:
        self.prose = Prose(self.rng, self.names)

    def kkr_members(self, kkr: str) -> list[Kommune]:
        return self.kommuner.by_kkr(kkr)

    def region(self, kkr: str) -> str:
        """``"KKR Nordjylland"`` → ``"Nordjylland"``."""
        return kkr.removeprefix("KKR ")
