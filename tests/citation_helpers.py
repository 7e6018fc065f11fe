"""What the citation tests share: the references found in a text, as (law, paragraphs)."""

from __future__ import annotations

from kommuneatlas.citations import LawCatalogue
from kommuneatlas.citations.find import find_citations

Refs = list[tuple[str | None, list[str]]]


def refs(text: str, catalogue: LawCatalogue, context_law: str | None = None) -> Refs:
    """(law, paragraphs) of every reference, checking that each offset slices ``raw``."""
    found = find_citations(text, catalogue, context_law)
    for citation in found:
        assert text[citation.start : citation.end] == citation.raw
    return [(c.law, c.paragraphs) for c in found]
