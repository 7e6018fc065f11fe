"""The backlinks of the law and provision pages: every legal reference on the site, placed.

:func:`.collect.collect` finds them; this is what it found. Each cited paragraph (or chapter,
or whole law) at each citing place is one :class:`Occurrence`, with the citing page, the
sentence around the reference (plain text) and its date. :class:`Backlinks` also keeps the
link spans of every text, so that the pages are annotated from what was found (find once, link
everywhere). The law pages, the JSON API and the search read it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from .annotate import Span
from .model import Citation
from .report import UnknownLaw

SOURCE_GROUP = "source"
"""The group of the backlinks from a source document's full text (its pages of lines)."""

CONTENT_GROUP = "content"
"""The group (and kind) of the backlinks from the hand-written pages."""


@dataclass(frozen=True)
class Occurrence:
    """One cited paragraph (or chapter, or whole law) at one place on the site."""

    law: str
    paragraph: str | None
    stk: tuple[str, ...]
    nr: tuple[str, ...]
    chapter: tuple[str, ...]
    raw: str
    explicit: bool
    group: str  # the list of a provision page it is in: a CitingText's group, SOURCE_GROUP or CONTENT_GROUP
    entity_kind: str
    entity_id: str
    url: str  # the citing page (with an anchor where it helps)
    title: str  # the citing page's title
    context: str  # the sentence around the reference
    highlight: tuple[int, int]  # the reference's span within ``context``
    date: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "law": self.law, "paragraph": self.paragraph, "stk": list(self.stk), "nr": list(self.nr),
            "chapter": list(self.chapter), "raw": self.raw, "explicit": self.explicit, "url": f"/{self.url}",
            "entity_kind": self.entity_kind, "entity_id": self.entity_id, "context": self.context, "date": self.date,
        }  # fmt: skip


@dataclass
class Backlinks:
    occurrences: list[Occurrence] = field(default_factory=list)
    mentions: dict[str, list[Occurrence]] = field(default_factory=lambda: defaultdict(list))
    # Laws cited that the catalogue lacks, by their derived id (they get pages of their own).
    unknown_laws: dict[str, UnknownLaw] = field(default_factory=dict)
    # What was found, to annotate the pages from: the link spans of each text field (by
    # text), of each source document's full text (by document id), and the references of
    # each hand-written page (by URL: its Markdown and what markdown_citations found in it).
    spans: dict[str, list[Span]] = field(default_factory=dict)
    source_spans: dict[str, list[Span]] = field(default_factory=dict)
    content: dict[str, tuple[str, list[Citation]]] = field(default_factory=dict)
    # Per source document: (line, paragraph, law) of every resolved reference in its full text.
    document_laws: dict[str, list[tuple[int, str, str]]] = field(default_factory=lambda: defaultdict(list))
    # Per citing entity (kind, id): paragraph → law, for bare references (see resolve_from_document).
    fallbacks: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    # Laws named without a paragraph in a source document's full text (linked there, not listed
    # as mentions: the text's entities list them).
    named_in_sources: set[str] = field(default_factory=set)

    def laws(self) -> set[str]:
        """The laws the site cites or names: those that get a law page."""
        return {o.law for o in self.occurrences} | set(self.mentions) | self.named_in_sources

    def fallback(self, document: str, first: int, last: int) -> dict[str, str]:
        """paragraph → law for the references the source document makes within its lines
        ``first``–``last`` (only paragraphs with one law there)."""
        laws: dict[str, set[str]] = defaultdict(set)
        for line, paragraph, law in self.document_laws.get(document, []):
            if first <= line <= last:
                laws[paragraph].add(law)
        return {paragraph: next(iter(found)) for paragraph, found in laws.items() if len(found) == 1}

    def by_provision(self) -> dict[tuple[str, str], list[Occurrence]]:
        groups: dict[tuple[str, str], list[Occurrence]] = defaultdict(list)
        for occurrence in self.occurrences:
            if occurrence.paragraph:
                groups[(occurrence.law, occurrence.paragraph)].append(occurrence)
        return groups

    def by_law(self) -> dict[str, list[Occurrence]]:
        groups: dict[str, list[Occurrence]] = defaultdict(list)
        for occurrence in self.occurrences:
            groups[occurrence.law].append(occurrence)
        return groups

    def cited_together(self) -> dict[tuple[str, str], Counter[tuple[str, str]]]:
        """For each provision, how often each other provision is cited on the same page."""
        per_page: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        for o in self.occurrences:
            if o.paragraph and o.group != SOURCE_GROUP:
                per_page[(o.entity_kind, o.entity_id)].add((o.law, o.paragraph))
        together: dict[tuple[str, str], Counter[tuple[str, str]]] = defaultdict(Counter)
        for provisions in per_page.values():
            for a, b in combinations(sorted(provisions), 2):
                together[a][b] += 1
                together[b][a] += 1
        return together
