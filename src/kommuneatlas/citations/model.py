"""The typed results of the citation engine (in the manner of eyecite's citation objects)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from .acts import Act

JSON_KEYS = (
    "raw", "start", "end", "law", "paragraphs", "stk", "nr", "chapter", "explicit",
    "law_title", "law_known", "act",
)  # fmt: skip
"""The keys of one ``kommuneatlas cite`` output line, in order."""


@dataclass(frozen=True)
class Piece:
    """The part of a citation that links to one item of its list: "§ 83" and "§ 85 i
    serviceloven" of "§ 83 og § 85 i serviceloven" (offsets into the text as given).

    ``paragraphs`` are the item's paragraphs (several for an expanded range, "§§ 4-6"), or
    ``chapter`` its chapter; ``stk`` and ``nr`` are the item's own.
    """

    start: int
    end: int
    paragraphs: tuple[str, ...] = ()
    chapter: str | None = None
    stk: tuple[str, ...] = ()
    nr: tuple[str, ...] = ()


@dataclass
class Citation:
    """A reference to paragraphs and/or chapters of a law.

    ``start``/``end`` are offsets (Python ``str`` indices) into the text as given, and
    ``raw == text[start:end]`` — line breaks and soft hyphens included. ``paragraphs`` are
    normalised ("31 a" → "31a"; "§§ 4-6" → "4", "5", "6"; a range with a letter stays one
    string, "92-96c"); ``stk``, ``nr`` and ``chapter`` keep ranges as one string ("3-5").
    They are flat lists: in "§ 83, stk. 2, og § 85" the stk. belongs to § 83 only, which
    ``pieces`` (one per list item) tell.
    ``explicit`` is true when the law is named next to the reference (``law_raw`` is then
    that name as written); otherwise ``law`` was inferred from context, or is ``None``.
    A named law that the catalogue cannot tell apart leaves ``law`` ``None`` and lists the
    ``candidates``. ``law_title`` is the catalogue's title, or for a law it lacks the name as
    written (``law_known`` false); ``act`` is the act cited by number and date, if any.
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
    law_title: str | None = None
    law_known: bool = False
    act: Act | None = None
    pieces: tuple[Piece, ...] = ()

    def split(self, text: str) -> list[Citation]:
        """One citation per list item (see :class:`Piece`), each with its own span, raw,
        paragraphs, stk. and nr.; ``text`` is the text the citation was found in."""
        if len(self.pieces) <= 1:
            return [self]
        return [
            replace(
                self,
                raw=text[piece.start : piece.end],
                start=piece.start,
                end=piece.end,
                paragraphs=list(piece.paragraphs),
                chapter=[piece.chapter] if piece.chapter else [],
                stk=list(piece.stk),
                nr=list(piece.nr),
                pieces=(piece,),
            )
            for piece in self.pieces
        ]

    def as_json(self) -> dict[str, Any]:
        """The object printed by ``kommuneatlas cite`` (exactly :data:`JSON_KEYS`)."""
        values = {key: getattr(self, key) for key in JSON_KEYS}
        values["act"] = self.act.as_json() if self.act is not None else None
        return values


@dataclass
class LawMention:
    """A law named without a paragraph or chapter ("efter serviceloven", "LAB")."""

    raw: str
    start: int
    end: int
    law: str | None
    law_title: str | None = None
    law_known: bool = False
    act: Act | None = None  # an act by number and date ("LBK nr. 265 af 25/02/2022")
