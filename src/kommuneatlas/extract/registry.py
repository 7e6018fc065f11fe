"""Which extractor reads which kind of source document (the manifest's ``kind``).

A new document kind is one line here and one module in this package.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ..errors import KommuneatlasError, Problem
from ..kommuner import KommuneIndex
from ..records import Record
from ..sources import SourceDocument

Extractor = Callable[[SourceDocument, KommuneIndex], list[Record]]

EXTRACTORS: dict[str, str] = {
    "frikommune-status": "kommuneatlas.extract.frikommune",
    "kkr-minutes": "kommuneatlas.extract.kkr_minutes",
    "kkr-appendix-bundle": "kommuneatlas.extract.kkr_appendix",
    "regional-proposal": "kommuneatlas.extract.regional_proposal",
    "grant-commitment": "kommuneatlas.extract.grant_commitment",
    "document": "kommuneatlas.extract.document",
}


def extractor_for(document: SourceDocument) -> Extractor:
    """The ``extract`` function for a document's kind."""
    module_name = EXTRACTORS.get(document.kind)
    if module_name is None:
        known = ", ".join(sorted(EXTRACTORS))
        raise KommuneatlasError(
            Problem(document.path, None, f"ukendt dokumenttype {document.kind!r} (kendte typer: {known})")
        )
    extract: Extractor = importlib.import_module(module_name).extract
    return extract
