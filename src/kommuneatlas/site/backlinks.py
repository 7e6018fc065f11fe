"""Every legal reference in the data, resolved and placed: the backlinks of the provision pages.

Collection walks the text fields of each entity (and the full text of each source document,
and the hand-written pages), runs the citation parser once per text, and records one
:class:`Occurrence` per cited paragraph with the citing page, the sentence around the
reference (plain text: de-hyphenated, without markup) and the date of the citing source. It
keeps what it found: the link spans of every text (``spans``, ``source_spans``) and the
references of every hand-written page (``content``), from which the pages are annotated
(find once, link everywhere). Pure functions of the data; the renderer and the JSON API
read the result.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from ..citations import (
    Citation,
    LawCatalogue,
    LawMention,
    Span,
    find_all,
    markdown_citations,
)
from ..citations.report import UnknownLaw, record
from ..citations.targets import law_url, link_target, mention_target, resolve_from_document
from ..citations.textmap import TextMap
from ..model.dataset import Entity, SiteData, field_texts
from ..model.graph import Indexes
from ..model.kinds import TEXT_FIELDS
from ..model.urls import source_text_url
from ..sources.manifest import line_bounds

KIND_LABELS = {
    "items": "Beslutninger",
    "experiments": "Frikommuneforsøg",
    "networks": "Frikommunenetværk",
    "documents": "Dokumenter",
    "bureaucracy": "Eksempler på statsligt bureaukrati",
    "source": "Kildetekster",
    "content": "Redaktionelle sider",
}
_SENTENCE_END = re.compile(r"(?<=[.!?])(?:\s+|</?[A-Za-z][^<>]*>)+(?=[A-ZÆØÅ§(])|\n\s*\n")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARK = re.compile(r"\*\*|__|(?<!\w)[*_`]|[*_`](?!\w)|^#+ |^> ", re.MULTILINE)


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
    group: str  # key of KIND_LABELS
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
class ReferenceIndex:
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
    # Per entity (kind, id): paragraph → law, for bare references (see resolve_from_document).
    fallbacks: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    # Laws named without a paragraph in a source document's full text (linked there, not listed
    # as mentions: the text's entities list them).
    named_in_sources: set[str] = field(default_factory=set)

    def laws(self) -> set[str]:
        """The laws the site cites or names: those that get a law page."""
        return {o.law for o in self.occurrences} | set(self.mentions) | self.named_in_sources

    def fallback(self, entity: Entity) -> dict[str, str]:
        """paragraph → law for the references the source document makes within the entity's lines
        (only paragraphs with one law there)."""
        source = entity.get("source")
        if not isinstance(source, dict) or not source.get("first_line"):
            return {}
        first, last = source["first_line"], source.get("last_line") or source["first_line"]
        laws: dict[str, set[str]] = defaultdict(set)
        for line, paragraph, law in self.document_laws.get(source.get("document", ""), []):
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
            if o.paragraph and o.group != "source":
                per_page[(o.entity_kind, o.entity_id)].add((o.law, o.paragraph))
        together: dict[tuple[str, str], Counter[tuple[str, str]]] = defaultdict(Counter)
        for provisions in per_page.values():
            for a, b in combinations(sorted(provisions), 2):
                together[a][b] += 1
                together[b][a] += 1
        return together


def context_of(
    text: str, start: int, end: int, limit: int = 320, mapped: TextMap | None = None, markdown: bool = False
) -> tuple[str, tuple[int, int]]:
    """The sentence around ``text[start:end]`` as plain text, and the span's place in it.

    Plain: whitespace collapsed, words hyphenated across lines joined ("anvendelse", not
    "an- vendelse"; ``mapped`` is the text's :class:`TextMap`, made here if not given), HTML
    tags left out (PDF exports carry "<p>…</p>" in table cells) and, for ``markdown``, the
    Markdown marks and link targets.
    """
    window = max(0, start - limit // 2)  # never look further back than the context can reach
    left = window
    for match in _SENTENCE_END.finditer(text, window, start):
        left = match.end()
    right_match = _SENTENCE_END.search(text, end, end + limit // 2)
    right = right_match.start() if right_match else min(len(text), end + limit // 2)
    mapped = mapped or TextMap(text)
    a, b, c, d = (mapped.to_norm(offset) for offset in (left, start, end, right))
    norm = mapped.norm
    marked = _plain(f"{norm[a:b]}{_MARK}{norm[b:c]}{_MARK}{norm[c:d]}", markdown)
    first = marked.index(_MARK)
    second = marked.index(_MARK, first + 1)
    prefix = "… " if left > 0 and left == window else ""
    sentence = prefix + marked.replace(_MARK, "")
    return sentence, (len(prefix) + first, len(prefix) + second - 1)


_MARK = "\x00"
"""Where the reference starts and ends in the sentence while it is cleaned."""


def _plain(text: str, markdown: bool) -> str:
    """``text`` without HTML tags (and Markdown marks), whitespace collapsed."""
    text = _TAG.sub(" ", text)
    if markdown:
        text = _MARKDOWN_MARK.sub("", _MARKDOWN_LINK.sub(r"\1", text))
    return " ".join(text.split())


@dataclass
class _Place:
    group: str
    kind: str
    entity_id: str
    url: str
    title: str
    date: str | None


def _occurrences(text: str, place: _Place, catalogue: LawCatalogue, index: ReferenceIndex,
                 fallback: Mapping[str, str] | None = None, line_of: list[int] | None = None) -> list[Span]:  # fmt: skip
    """Record the references and law mentions of ``text``; return its link spans."""
    found, mentions = find_all(text, catalogue)
    spans: list[Span] = []
    mapped: TextMap | None = None
    for whole in found:
        citation = resolve_from_document(whole, fallback)
        record(index.unknown_laws, citation, catalogue)
        if citation.law is None:
            continue
        mapped = mapped or TextMap(text)
        for piece in citation.split(text):
            target = link_target(piece)
            if target:
                spans.append((piece.start, piece.end, target))
            line = line_of[piece.start] if line_of is not None else None
            if line is not None:
                for paragraph in piece.paragraphs:
                    index.document_laws[place.entity_id].append((line, paragraph, citation.law))
            context, highlight = context_of(text, piece.start, piece.end, mapped=mapped)
            url = source_text_url(place.entity_id, line) if line is not None else place.url
            paragraphs: Iterable[str | None] = piece.paragraphs or [None]
            for paragraph in paragraphs:
                index.occurrences.append(Occurrence(
                    law=citation.law, paragraph=paragraph, stk=tuple(piece.stk), nr=tuple(piece.nr),
                    chapter=tuple(piece.chapter), raw=piece.raw, explicit=citation.explicit, group=place.group,
                    entity_kind=place.kind, entity_id=place.entity_id, url=url, title=place.title, context=context,
                    highlight=highlight, date=place.date,
                ))  # fmt: skip
    for mention in mentions:
        if mention.law is None:
            continue
        record(index.unknown_laws, mention, catalogue)
        spans.append((mention.start, mention.end, mention_target(mention)))
        if line_of is None:
            mapped = mapped or TextMap(text)
            _mention(index, place, text, mention, mapped)
        else:
            index.named_in_sources.add(mention.law)
    spans.sort()
    return spans


def _mention(index: ReferenceIndex, place: _Place, text: str, mention: LawMention, mapped: TextMap) -> None:
    assert mention.law is not None
    context, highlight = context_of(text, mention.start, mention.end, mapped=mapped)
    index.mentions[mention.law].append(Occurrence(
        law=mention.law, paragraph=None, stk=(), nr=(), chapter=(), raw=mention.raw, explicit=True,
        group=place.group, entity_kind=place.kind, entity_id=place.entity_id, url=place.url,
        title=place.title, context=context, highlight=highlight, date=place.date,
    ))  # fmt: skip


def _title(kind: str, entity: Entity) -> str:
    if kind == "items":
        return f"{entity.get('number')} {entity.get('title')}"
    return str(entity.get("title") or entity.get("name") or entity["id"])


def _date(site: SiteData, kind: str, entity: Entity) -> str | None:
    if kind == "items":
        meeting = site.get("meetings", entity.get("meeting", "")) or {}
        return str(meeting["date"]) if meeting.get("date") else None
    source = entity.get("source") or {}
    document = site.get("documents", source.get("document", "")) if kind != "documents" else entity
    return str(document["date"]) if document and document.get("date") else None


def _content_occurrences(
    url: str, title: str, markdown: str, catalogue: LawCatalogue, index: ReferenceIndex
) -> None:
    """References in a hand-written page's prose (not in code or existing links: see
    markdown_citations), kept for the page's own links."""
    found = markdown_citations(markdown, catalogue)
    index.content[url] = (markdown, found)
    place = _Place("content", "content", url.strip("/") or "index", url, title, None)
    mapped = TextMap(markdown) if found else None
    for citation in found:
        record(index.unknown_laws, citation, catalogue)
        if citation.law is None:
            continue
        context, highlight = context_of(markdown, citation.start, citation.end, mapped=mapped, markdown=True)
        for paragraph in citation.paragraphs or [None]:
            index.occurrences.append(Occurrence(
                law=citation.law, paragraph=paragraph, stk=tuple(citation.stk), nr=tuple(citation.nr),
                chapter=tuple(citation.chapter), raw=citation.raw, explicit=citation.explicit, group=place.group,
                entity_kind=place.kind, entity_id=place.entity_id, url=url, title=title, context=context,
                highlight=highlight, date=None,
            ))  # fmt: skip


def collect(
    site: SiteData,
    ix: Indexes,
    catalogue: LawCatalogue,
    source_texts: dict[str, str],
    content: dict[str, tuple[str, str]] | None = None,
) -> ReferenceIndex:
    """Every reference in the entities' text fields, the source documents' full text and the
    hand-written pages (``content``: URL → (title, Markdown))."""
    index = ReferenceIndex()
    for document_id, text in source_texts.items():
        document = site.get("documents", document_id) or {"id": document_id}
        line_of = _line_numbers(text)
        place = _Place("source", "documents", document_id, "", f"{document.get('title', document_id)} (kildetekst)",
                       _date(site, "documents", document))  # fmt: skip
        index.source_spans[document_id] = _occurrences(text, place, catalogue, index, line_of=line_of)
    for url, (title, markdown) in (content or {}).items():
        _content_occurrences(url, title, markdown, catalogue, index)
    for kind, fields in TEXT_FIELDS.items():
        for entity in site.all(kind):
            place = _Place(kind, kind, entity["id"], ix.url(kind, entity["id"]) or "", _title(kind, entity),
                           _date(site, kind, entity))  # fmt: skip
            fallback = index.fallback(entity)
            if fallback:
                index.fallbacks[(kind, entity["id"])] = fallback
            for name in fields:
                for text in field_texts(entity.get(name)):
                    spans = _occurrences(text, place, catalogue, index, fallback)
                    index.spans.setdefault(text, spans)
            if kind == "documents":
                for row in entity.get("bureaucracy_rows") or []:
                    row_place = _Place(
                        "bureaucracy", kind, entity["id"], place.url, str(row.get("subject")), place.date
                    )
                    cell = " ".join(str(row.get(k) or "") for k in ("legal_basis", "description"))
                    _occurrences(cell, row_place, catalogue, index)
    cited = {law: entry for law, entry in index.unknown_laws.items() if entry.references}
    _drop_links_to_missing_pages(index, set(index.unknown_laws) - set(cited))
    index.unknown_laws = cited
    return index


def _drop_links_to_missing_pages(index: ReferenceIndex, missing: set[str]) -> None:
    """A law the catalogue lacks has a page only if it is cited with a § or chapter: links
    to the others' pages (from mere mentions) are left out, and so are their mentions."""
    if not missing:
        return
    urls = {law_url(law) for law in missing}
    for key, spans in [*index.spans.items()]:
        index.spans[key] = [span for span in spans if span[2] not in urls]
    for key, spans in [*index.source_spans.items()]:
        index.source_spans[key] = [span for span in spans if span[2] not in urls]
    for law in missing:
        index.mentions.pop(law, None)
    index.named_in_sources -= missing


def _line_numbers(text: str) -> list[int]:
    """For each character offset, its 1-based line number as provenance counts lines (see
    :func:`~kommuneatlas.sources.manifest.line_bounds`); a line break belongs to the line it ends, and
    there is one entry past the end too."""
    bounds = line_bounds(text)
    numbers: list[int] = []
    for number, (start, _) in enumerate(bounds, 1):
        following = bounds[number][0] if number < len(bounds) else len(text)
        numbers.extend([number] * (following - start))
    numbers.append(len(bounds) or 1)
    return numbers
