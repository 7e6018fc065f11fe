"""The legal citation engine: law catalogue, parser, resolver, Markdown linker, ``cite``; and
the backlinks of the site's law pages (:mod:`.collect`, :mod:`.backlinks`) with the targets
references link to (:mod:`.targets`).

Typical use::

    catalogue = load_catalogue(Path("data/laws.yaml"))  # the packaged one, and the project's
    text = "jf. servicelovens § 83 og § 85"
    for citation in find_citations(text, catalogue):
        citation.law, citation.paragraphs  # "sel", ["83", "85"]
        citation.split(text)  # "servicelovens § 83" and "§ 85": one per item, to link
"""

from __future__ import annotations

from .acts import Act
from .annotate import Span, annotate, clip
from .catalogue import Law, LawCatalogue, load_catalogue
from .cli import run_cite
from .find import find_all, find_citations, find_law_mentions
from .markdown_links import annotate_markdown, html_link, link_markdown, link_text_html, markdown_citations
from .model import JSON_KEYS, Citation, LawMention, Piece
from .provisions import provision_id

__all__ = [
    "JSON_KEYS",
    "Act",
    "Citation",
    "Law",
    "LawCatalogue",
    "LawMention",
    "Piece",
    "Span",
    "annotate",
    "annotate_markdown",
    "clip",
    "find_all",
    "find_citations",
    "find_law_mentions",
    "html_link",
    "link_markdown",
    "link_text_html",
    "load_catalogue",
    "markdown_citations",
    "provision_id",
    "run_cite",
]
