"""Which type a source document is, from its text and the cues in :mod:`.cues`."""

from __future__ import annotations

from dataclasses import dataclass

from .cues import DOC_TYPE_CUES, GENERIC_DOC_TYPE, TOP_LINES, Cue, DocTypeCues
from .text import TextLine, text_lines


@dataclass(frozen=True)
class Found:
    """A cue met: how many times, and the first line it was met on."""

    cue: Cue
    count: int
    line: int


@dataclass(frozen=True)
class DocTypeGuess:
    """The document type detected, its score, and the cues that decided it (empty for ``document``)."""

    doc_type: str
    score: int
    evidence: tuple[Found, ...]

    def explain(self, limit: int = 4) -> str:
        """Danish: what was found (the ``limit`` first cues), with the line of each first occurrence."""
        if not self.evidence:
            return "ingen særlig dokumenttype genkendt; læses som generelt dokument"
        return "; ".join(
            f"{found.cue.label} (linje {found.line}{f', {found.count} gange' if found.count > 1 else ''})"
            for found in self.evidence[:limit]
        ) + ("; …" if len(self.evidence) > limit else "")


class _Text:
    """The lines of one document, with each cue's matches counted once."""

    def __init__(self, lines: list[TextLine]) -> None:
        self.lines = lines
        self._cache: dict[int, Found | None] = {}

    def find(self, cue: Cue) -> Found | None:
        key = id(cue)
        if key not in self._cache:
            self._cache[key] = self._count(cue)
        return self._cache[key]

    def _count(self, cue: Cue) -> Found | None:
        lines = self.lines[:TOP_LINES] if cue.top else self.lines
        count, first = 0, 0
        for line in lines:
            if cue.line:
                hits = 1 if cue.pattern.fullmatch(line.text) else 0
            else:
                hits = len(cue.pattern.findall(line.text))
            if hits and not first:
                first = line.number
            count += hits
        return Found(cue, count, first) if count >= cue.at_least else None


def _score(text: _Text, cues: DocTypeCues) -> DocTypeGuess | None:
    if any(text.find(cue) for cue in cues.forbidden):
        return None
    required = [text.find(cue) for cue in cues.required]
    if not all(required):
        return None
    evidence = [found for found in required if found]
    evidence += [found for cue in cues.supporting if (found := text.find(cue))]
    return DocTypeGuess(cues.doc_type, sum(found.cue.weight for found in evidence), tuple(evidence))


def detect_doc_type(text: str, table: tuple[DocTypeCues, ...] = DOC_TYPE_CUES) -> DocTypeGuess:
    """The best-scoring document type whose required cues the text meets, else the generic ``document``."""
    lines = _Text(text_lines(text))
    best: DocTypeGuess | None = None
    for cues in table:
        guess = _score(lines, cues)
        if guess is not None and (best is None or guess.score > best.score):
            best = guess
    return best or DocTypeGuess(GENERIC_DOC_TYPE, 0, ())
