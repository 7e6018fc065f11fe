"""The legal citation engine: law catalogue, parser, resolver, Markdown linker, ``cite``.

Typical use::

    catalogue = load_catalogue(Path("data/laws.yaml"))
    for citation in find_citations("jf. servicelovens § 83 og § 85", catalogue):
        citation.law, citation.paragraphs  # "sel", ["83", "85"]
"""

from __future__ import annotations

from .catalogue import Law, LawCatalogue, load_catalogue
from .cli import run_cite
from .find import find_all, find_citations, find_law_mentions
from .markdown_links import link_markdown, link_text_html
from .model import JSON_KEYS, Citation, LawMention
from .provisions import provision_id

__all__ = [
    "JSON_KEYS",
    "Citation",
    "Law",
    "LawCatalogue",
    "LawMention",
    "find_all",
    "find_citations",
    "find_law_mentions",
    "link_markdown",
    "link_text_html",
    "load_catalogue",
    "provision_id",
    "run_cite",
]
