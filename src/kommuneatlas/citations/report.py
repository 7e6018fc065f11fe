"""The laws the texts cite that the catalogue lacks: counted, and told to the editor in Danish.

``kommuneatlas validate`` and the build log print one line per such law, most cited first,
with the entry that adds it to ``data/laws.yaml`` in one line (see :func:`report_lines`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import LawCatalogue
from .find import find_all
from .model import Citation, LawMention


@dataclass
class UnknownLaw:
    """A law cited in the texts but missing from the catalogue."""

    id: str
    titles: Counter[str] = field(default_factory=Counter)
    references: int = 0  # cited paragraphs (or chapters)
    mentions: int = 0
    url: str | None = None  # the act's address, for a law cited by number and date

    @property
    def title(self) -> str:
        """The name the texts use most often (the first of equals, alphabetically)."""
        return min(self.titles.items(), key=lambda kv: (-kv[1], kv[0]))[0] if self.titles else self.id

    def entry(self) -> str:
        """The catalogue entry that adds the law, as one line of YAML."""
        fields = [f"id: {self.id}", f"title: {json.dumps(self.title, ensure_ascii=False)}"]
        if " " not in self.title:
            fields.append(f"short_names: [{json.dumps(self.title.lower(), ensure_ascii=False)}]")
        if self.url:
            fields.append(f"url: {json.dumps(self.url)}")
        return "- {" + ", ".join(fields) + "}"


def record(unknown: dict[str, UnknownLaw], found: Citation | LawMention, catalogue: LawCatalogue) -> None:
    """Count ``found`` if it names a law the catalogue lacks."""
    law = found.law
    if law is None or law in catalogue:
        return
    entry = unknown.setdefault(law, UnknownLaw(law))
    if found.law_title:
        entry.titles[found.law_title] += 1
    if isinstance(found, Citation):
        entry.references += max(1, len(found.paragraphs))
        if found.act is not None and found.act.id == law:
            entry.url = found.act.url
    else:
        entry.mentions += 1


def unknown_laws(texts: Iterable[str], catalogue: LawCatalogue) -> dict[str, UnknownLaw]:
    """The laws the catalogue lacks that ``texts`` cite (with a § or chapter), by id."""
    unknown: dict[str, UnknownLaw] = {}
    for text in texts:
        citations, mentions = find_all(text, catalogue)
        for found in [*citations, *mentions]:
            record(unknown, found, catalogue)
    return {law: entry for law, entry in unknown.items() if entry.references}


def report_lines(unknown: dict[str, UnknownLaw], catalogue_path: Path | str) -> list[str]:
    """One Danish line per law, most cited first: what it is called, how often it is cited,
    and the line that adds it to the catalogue."""
    lines = []
    for entry in sorted(unknown.values(), key=lambda e: (-e.references, e.id)):
        times = "henvisning" if entry.references == 1 else "henvisninger"
        lines.append(
            f"{catalogue_path}: ikke i lovkataloget: {entry.title} ({entry.references} {times}, "
            f"id {entry.id}); tilføj under laws: {entry.entry()}"
        )
    return lines
