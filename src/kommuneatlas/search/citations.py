"""The citation lookup of the search: which query names which provision page, decided by the parser.

A query such as "LAB § 31", "§ 31 i LAB" or "servicelovens § 129" should offer the provision
page first. The browser cannot run :mod:`kommuneatlas.citations`, so at build time we run it
over every name form of every law that has a page: a form goes into the table only if the
parser resolves "<form> § 1", "§ 1 <form>" and "§ 1 i <form>" to that law. The browser then
needs only a small normalisation (assets/search.js: find "§ <number>", strip "stk."/"nr."
details and a leading "i"/"jf.", lower-case) and two lookups: name → law, paragraph → page.

Names are matched case-insensitively in the browser (people type "lab § 31"), where the
parser is strict about abbreviations in running text; a folded name that would denote two
laws is left out.

``search/citations.json``::

    {"names": {"lab": "lab", "servicelovens": "sel", …},
     "laws": {"lab": {"short": "LAB", "title": "Lov om en aktiv beskæftigelsesindsats",
                      "provisions": ["31", "31a"]}, …}}
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..citations import Law, LawCatalogue, find_citations
from ..citations.lawnames import name_key
from ..store.json import compact_json

CITATIONS_FILE = Path("search") / "citations.json"
_PROBE = "1"  # the paragraph used to ask the parser about a name


def _resolves(text: str, catalogue: LawCatalogue, law: str) -> bool:
    found = find_citations(text, catalogue)
    return len(found) == 1 and found[0].law == law and found[0].paragraphs == [_PROBE]


def query_names(law: Law, catalogue: LawCatalogue) -> set[str]:
    """The folded name forms of ``law`` that the parser resolves to it before and after a "§"."""
    names = set()
    for form in [*law.name_forms(), *law.abbreviation_forms()]:
        forms = (f"{form} § {_PROBE}", f"§ {_PROBE} {form}", f"§ {_PROBE} i {form}")
        if all(_resolves(text, catalogue, law.id) for text in forms):
            names.add(name_key(form))
    return names


def citation_table(site: Path, catalogue: LawCatalogue) -> dict[str, Any]:
    """The lookup for the laws with a page in ``site`` (``love/<law>/``) and their provision pages."""
    names: dict[str, str] = {}
    ambiguous: set[str] = set()
    laws: dict[str, dict[str, Any]] = {}
    for law in catalogue:
        folder = site / "love" / law.id
        if not (folder / "index.html").is_file():
            continue
        provisions = sorted(
            (page.parent.name for page in folder.glob("*/index.html")),
            key=lambda slug: (int("".join(ch for ch in slug.split("-")[0] if ch.isdigit()) or 0), slug),
        )
        laws[law.id] = {"short": law.label, "title": law.title, "provisions": provisions}
        for name in query_names(law, catalogue):
            if names.setdefault(name, law.id) != law.id:
                ambiguous.add(name)
    for name in ambiguous:
        del names[name]
    return {"names": dict(sorted(names.items())), "laws": laws}


def write_citation_table(site: Path, catalogue: LawCatalogue) -> Path:
    """Write ``search/citations.json`` into ``site`` (compact JSON); returns its path."""
    path = site / CITATIONS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    table = citation_table(site, catalogue)
    path.write_text(compact_json(table), encoding="utf-8")
    return path
