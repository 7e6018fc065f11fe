"""The typed results of the citation engine (in the manner of eyecite's citation objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

JSON_KEYS = ("raw", "start", "end", "law", "paragraphs", "stk", "nr", "chapter", "explicit")
"""The keys of one ``kommuneatlas cite`` output line, in order."""


@dataclass
class Citation:
    """A reference to paragraphs and/or chapters of a law.

    ``start``/``end`` are offsets (Python ``str`` indices) into the text as given, and
    ``raw == text[start:end]`` — line breaks and soft hyphens included. ``paragraphs`` are
    normalised ("31 a" → "31a"; "§§ 4-6" → "4", "5", "6"; a range with a letter stays one
    string, "92-96c"); ``stk``, ``nr`` and ``chapter`` keep ranges as one string ("3-5").
    They are flat lists: in "§ 83, stk. 2, og § 85" the stk. belongs to § 83 only.
    ``explicit`` is true when the law is named next to the reference (``law_raw`` is then
    that name as written); otherwise ``law`` was inferred from context, or is ``None``.
    A named law that the catalogue cannot tell apart leaves ``law`` ``None`` and lists the
    ``candidates``.
    """

    raw: str
    start: int
    end: int
    law: str | None
    paragraphs: list[str]
    stk: list[str]
    nr: list[str]
    chapter: list[str]
    explicit: bool
    law_raw: str | None = None
    pkt: list[str] = field(default_factory=list)
    candidates: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The object printed by ``kommuneatlas cite`` (exactly :data:`JSON_KEYS`)."""
        return {key: getattr(self, key) for key in JSON_KEYS}


@dataclass
class LawMention:
    """A law named without a paragraph or chapter ("efter serviceloven", "LAB")."""

    raw: str
    start: int
    end: int
    law: str | None
