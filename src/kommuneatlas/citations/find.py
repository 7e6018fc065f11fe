"""The engine's entry points: parse (:mod:`.parser`), then resolve (:mod:`.resolve`)."""

from __future__ import annotations

from .catalogue import LawCatalogue
from .model import Citation, LawMention
from .parser import scan
from .resolve import mentions, resolve, resolve_names


def find_citations(text: str, catalogue: LawCatalogue, context_law: str | None = None) -> list[Citation]:
    """Every reference to paragraphs or chapters of a law in ``text``, in text order.

    ``context_law`` is the law the caller knows the text is about (e.g. an experiment's
    hjemmel); a bare "§ 129" falls back on it when the text itself names no law nearby.
    """
    return resolve(scan(text, catalogue), catalogue, context_law)


def find_law_mentions(text: str, catalogue: LawCatalogue) -> list[LawMention]:
    """Every law named in ``text`` without a paragraph or chapter next to it."""
    found = scan(text, catalogue)
    resolve_names(found, catalogue)
    return mentions(found, catalogue)


def find_all(
    text: str, catalogue: LawCatalogue, context_law: str | None = None
) -> tuple[list[Citation], list[LawMention]]:
    """:func:`find_citations` and :func:`find_law_mentions` in one pass over ``text``."""
    found = scan(text, catalogue)
    citations = resolve(found, catalogue, context_law)
    return citations, mentions(found, catalogue)
