"""Which extractor reads which kind of source document (the manifest's ``kind``).

The modules are named in :data:`kommuneatlas.sources.document_types.DOCUMENT_TYPES` and imported
only when a document of their type is read. A new document kind is one line there and one module
(or package) in this package.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ..errors import KommuneatlasError, Problem
from ..sources.document_types import DOCUMENT_TYPES
from ..sources.manifest import SourceDocument
from ..sources.reference import KommuneIndex
from .record import Record

Extractor = Callable[[SourceDocument, KommuneIndex], list[Record]]


def extractor_for(document: SourceDocument) -> Extractor:
    """The ``extract`` function for a document's kind."""
    doc_type = DOCUMENT_TYPES.get(document.kind)
    if doc_type is None:
        known = ", ".join(sorted(DOCUMENT_TYPES))
        raise KommuneatlasError(
            Problem(document.path, None, f"ukendt dokumenttype {document.kind!r} (kendte typer: {known})")
        )
    extract: Extractor = importlib.import_module(doc_type.extractor).extract
    return extract
