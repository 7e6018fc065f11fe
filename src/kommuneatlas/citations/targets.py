"""Where legal references link: the site's law and provision pages, or an act on Retsinformation.

URLs are site-relative, as :mod:`kommuneatlas.model.urls` writes them: ``love/<law>/`` and
``love/<law>/<provision>/``. A bare reference the text alone cannot place may take its law from
the source document it was extracted from (:func:`resolve_from_document`). Which laws have a
page, and what it shows of them, follows from the backlinks (:func:`law_infos`); the renderer
links a text's references through a :data:`CitationFinder`.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass, replace

from .annotate import Span
from .backlinks import Backlinks
from .catalogue import LawCatalogue
from .find import find_all
from .model import Citation, LawMention
from .provisions import provision_id

CitationFinder = Callable[[str, Mapping[str, str] | None], list[Span]]
"""(text, paragraph → law fallback) → [(start, end, target URL)] for every linkable reference:
sorted, not overlapping, one span per item of a list ("§ 83" and "§ 85 i serviceloven")."""


def law_url(law: str) -> str:
    return f"love/{law}/"


def provision_url(law: str, provision: str) -> str:
    return f"love/{law}/{provision}/"


def resolve_from_document(citation: Citation, fallback: Mapping[str, str] | None) -> Citation:
    """A bare reference the text alone cannot place takes the law the whole source document
    gives the same paragraph at the entity's lines (marked inferred)."""
    if citation.law is not None or not citation.paragraphs or not fallback:
        return citation
    laws = {fallback.get(paragraph) for paragraph in citation.paragraphs}
    if len(laws) == 1 and None not in laws:
        return replace(citation, law=laws.pop(), explicit=False)
    return citation


def mention_target(mention: LawMention) -> str:
    """Where a law named without a paragraph links: an act by number and date to the act on
    Retsinformation (its ELI address), any other name to the law's page."""
    if mention.act is not None:
        return mention.act.url
    assert mention.law is not None
    return law_url(mention.law)


def link_target(citation: Citation) -> str | None:
    """Where a citation in running text links: its first paragraph's page, else the law's page."""
    if citation.law is None:
        return None
    if citation.paragraphs:
        return provision_url(citation.law, provision_id(citation.law, citation.paragraphs[0]))
    return law_url(citation.law)


def citation_finder(catalogue: LawCatalogue, backlinks: Backlinks | None = None) -> CitationFinder:
    """(text, fallback) → linkable spans: each cited provision (each item of a list), and
    laws named without a paragraph. A text whose references were collected is not searched
    again: its spans are those ``backlinks`` kept (find once, link everywhere). Without
    ``backlinks`` every catalogue law is linked; with them, only the laws that have a page."""
    known = backlinks.spans if backlinks is not None else {}
    with_pages: Container[str] = backlinks.laws() if backlinks is not None else catalogue

    def find(text: str, fallback: Mapping[str, str] | None) -> list[Span]:
        spans = known.get(text)
        if spans is not None:
            return spans
        citations, mentions = find_all(text, catalogue)
        spans = [
            (piece.start, piece.end, url)
            for citation in citations
            for piece in resolve_from_document(citation, fallback).split(text)
            if (url := link_target(piece)) and piece.law in with_pages
        ]
        taken = [(start, end) for start, end, _ in spans]
        for mention in mentions:
            linkable = mention.act or mention.law in with_pages
            if linkable and not any(s < mention.end and mention.start < e for s, e in taken):
                spans.append((mention.start, mention.end, mention_target(mention)))
        return sorted(spans)

    return find


@dataclass(frozen=True)
class LawInfo:
    """What the law pages show of a law: the catalogue's entry, or for a law it lacks
    (``known`` false) the name the texts use most and, for an act, its address."""

    id: str
    title: str
    label: str
    aliases: list[str]
    url: str | None
    known: bool


def law_infos(catalogue: LawCatalogue, backlinks: Backlinks) -> list[LawInfo]:
    """Every law with a page: the catalogue's laws the site cites or names, in catalogue order,
    then those it lacks that the texts cite, by id. A catalogue law nothing on the site refers
    to has no page (the catalogue covers the field; a site cites a few dozen of its laws)."""
    on_site = backlinks.laws()
    infos = [
        LawInfo(law.id, law.title, law.label, law.aliases, law.url, True)
        for law in catalogue
        if law.id in on_site
    ]
    for law_id, unknown in sorted(backlinks.unknown_laws.items()):
        infos.append(LawInfo(law_id, unknown.title, unknown.title, [], unknown.url, False))
    return infos
