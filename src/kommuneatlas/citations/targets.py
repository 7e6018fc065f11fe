"""Where legal references link: the site's law and provision pages, or an act on Retsinformation.

URLs are site-relative, as :mod:`kommuneatlas.model.urls` writes them: ``love/<law>/`` and
``love/<law>/<provision>/``. A bare reference the text alone cannot place may take its law from
the source document it was extracted from (:func:`resolve_from_document`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from .annotate import Span
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
