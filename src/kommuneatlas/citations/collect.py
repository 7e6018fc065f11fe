"""Collect the backlinks: every legal reference in the texts the site shows, resolved and placed.

The site gives what may cite laws as plain values: a :class:`CitingText` per citing page (or
table row) with its texts, a :class:`SourceText` per source document's full text, and the
hand-written pages' Markdown. Collection runs the citation parser once per text and records
one :class:`~.backlinks.Occurrence` per cited paragraph with the citing page, the sentence
around the reference (:mod:`.context`) and the date of the citing source. It keeps what it
found: the link spans of every text (``spans``, ``source_spans``) and the references of every
hand-written page (``content``), from which the pages are annotated (find once, link
everywhere). A pure function of its inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from ..text.lines import LineIndex
from .annotate import Span
from .backlinks import CONTENT_GROUP, SOURCE_GROUP, Backlinks, Occurrence
from .catalogue import LawCatalogue
from .context import context_of
from .find import find_all
from .markdown_links import markdown_citations
from .model import LawMention
from .report import record
from .targets import law_url, link_target, mention_target, resolve_from_document
from .textmap import TextMap


@dataclass(frozen=True)
class SourceLines:
    """Where a record was extracted from: lines ``first``–``last`` of a source document."""

    document: str
    first: int
    last: int


@dataclass(frozen=True)
class CitingText:
    """A citing page's texts, and what each backlink from them shows: the page (its entity's
    kind and id, URL and title), the date of its source, and the list of a provision page it
    goes in (``group``: its kind, or for example the rows of a document's table)."""

    group: str
    kind: str
    id: str
    url: str
    title: str
    date: str | None
    texts: tuple[str, ...]
    # The source lines the record was extracted from: a bare reference there takes the law the
    # whole source document gives its paragraph (see targets.resolve_from_document).
    lines: SourceLines | None = None
    # False for a text made for finding only (a table row's cells joined), which no page shows
    # as it is: its link spans are not kept for the renderer.
    shown: bool = True


@dataclass(frozen=True)
class SourceText:
    """A source document's full text, shown line by line on pages of its own (``line_url``)."""

    kind: str
    id: str
    title: str
    date: str | None
    text: str
    line_url: Callable[[int], str]


def collect(
    texts: Iterable[CitingText],
    sources: Iterable[SourceText],
    catalogue: LawCatalogue,
    content: Mapping[str, tuple[str, str]] | None = None,
) -> Backlinks:
    """Every reference in the source documents' full text, the hand-written pages (``content``:
    URL → (title, Markdown)) and the citing texts, in this order (the order of the backlinks)."""
    backlinks = Backlinks()
    for source in sources:
        citing = CitingText(
            SOURCE_GROUP, source.kind, source.id, "", source.title, source.date, (source.text,)
        )
        backlinks.source_spans[source.id] = _occurrences(
            source.text, citing, catalogue, backlinks, line_url=source.line_url
        )
    for url, (title, markdown) in (content or {}).items():
        _content_occurrences(url, title, markdown, catalogue, backlinks)
    for citing in texts:
        lines = citing.lines
        fallback = backlinks.fallback(lines.document, lines.first, lines.last) if lines is not None else {}
        if fallback:
            backlinks.fallbacks[(citing.kind, citing.id)] = fallback
        for text in citing.texts:
            spans = _occurrences(text, citing, catalogue, backlinks, fallback)
            if citing.shown:
                backlinks.spans.setdefault(text, spans)
    cited = {law: entry for law, entry in backlinks.unknown_laws.items() if entry.references}
    _drop_links_to_missing_pages(backlinks, set(backlinks.unknown_laws) - set(cited))
    backlinks.unknown_laws = cited
    return backlinks


def _occurrences(
    text: str,
    citing: CitingText,
    catalogue: LawCatalogue,
    backlinks: Backlinks,
    fallback: Mapping[str, str] | None = None,
    line_url: Callable[[int], str] | None = None,
) -> list[Span]:
    """Record the references and law mentions of ``text``; return its link spans. A source
    document's full text (``line_url``) is cited from its lines' pages."""
    line_of = LineIndex(text).line_of if line_url is not None else None
    found, mentions = find_all(text, catalogue)
    spans: list[Span] = []
    mapped: TextMap | None = None
    for whole in found:
        citation = resolve_from_document(whole, fallback)
        record(backlinks.unknown_laws, citation, catalogue)
        if citation.law is None:
            continue
        mapped = mapped or TextMap(text)
        for piece in citation.split(text):
            target = link_target(piece)
            if target:
                spans.append((piece.start, piece.end, target))
            url = citing.url
            if line_of is not None and line_url is not None:
                line = line_of(piece.start)
                for paragraph in piece.paragraphs:
                    backlinks.document_laws[citing.id].append((line, paragraph, citation.law))
                url = line_url(line)
            context, highlight = context_of(text, piece.start, piece.end, mapped=mapped)
            paragraphs: Iterable[str | None] = piece.paragraphs or [None]
            for paragraph in paragraphs:
                backlinks.occurrences.append(Occurrence(
                    law=citation.law, paragraph=paragraph, stk=tuple(piece.stk), nr=tuple(piece.nr),
                    chapter=tuple(piece.chapter), raw=piece.raw, explicit=citation.explicit, group=citing.group,
                    entity_kind=citing.kind, entity_id=citing.id, url=url, title=citing.title, context=context,
                    highlight=highlight, date=citing.date,
                ))  # fmt: skip
    for mention in mentions:
        if mention.law is None:
            continue
        record(backlinks.unknown_laws, mention, catalogue)
        spans.append((mention.start, mention.end, mention_target(mention)))
        if line_of is None:
            mapped = mapped or TextMap(text)
            _mention(backlinks, citing, text, mention, mapped)
        else:
            backlinks.named_in_sources.add(mention.law)
    spans.sort()
    return spans


def _mention(
    backlinks: Backlinks, citing: CitingText, text: str, mention: LawMention, mapped: TextMap
) -> None:
    assert mention.law is not None
    context, highlight = context_of(text, mention.start, mention.end, mapped=mapped)
    backlinks.mentions[mention.law].append(Occurrence(
        law=mention.law, paragraph=None, stk=(), nr=(), chapter=(), raw=mention.raw, explicit=True,
        group=citing.group, entity_kind=citing.kind, entity_id=citing.id, url=citing.url,
        title=citing.title, context=context, highlight=highlight, date=citing.date,
    ))  # fmt: skip


def _content_occurrences(
    url: str, title: str, markdown: str, catalogue: LawCatalogue, backlinks: Backlinks
) -> None:
    """References in a hand-written page's prose (not in code or existing links: see
    markdown_citations), kept for the page's own links."""
    found = markdown_citations(markdown, catalogue)
    backlinks.content[url] = (markdown, found)
    citing = CitingText(
        CONTENT_GROUP, CONTENT_GROUP, url.strip("/") or "index", url, title, None, (markdown,)
    )
    mapped = TextMap(markdown) if found else None
    for citation in found:
        record(backlinks.unknown_laws, citation, catalogue)
        if citation.law is None:
            continue
        context, highlight = context_of(markdown, citation.start, citation.end, mapped=mapped, markdown=True)
        for paragraph in citation.paragraphs or [None]:
            backlinks.occurrences.append(Occurrence(
                law=citation.law, paragraph=paragraph, stk=tuple(citation.stk), nr=tuple(citation.nr),
                chapter=tuple(citation.chapter), raw=citation.raw, explicit=citation.explicit, group=citing.group,
                entity_kind=citing.kind, entity_id=citing.id, url=url, title=title, context=context,
                highlight=highlight, date=None,
            ))  # fmt: skip


def _drop_links_to_missing_pages(backlinks: Backlinks, missing: set[str]) -> None:
    """A law the catalogue lacks has a page only if it is cited with a § or chapter: links
    to the others' pages (from mere mentions) are left out, and so are their mentions."""
    if not missing:
        return
    urls = {law_url(law) for law in missing}
    for key, spans in [*backlinks.spans.items()]:
        backlinks.spans[key] = [span for span in spans if span[2] not in urls]
    for key, spans in [*backlinks.source_spans.items()]:
        backlinks.source_spans[key] = [span for span in spans if span[2] not in urls]
    for law in missing:
        backlinks.mentions.pop(law, None)
    backlinks.named_in_sources -= missing
