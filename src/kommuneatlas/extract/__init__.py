"""Extractors: one module per document kind, each a pure function ``(document, kommuner) -> list[Record]``.

A new document kind is a new module plus one line in
:data:`kommuneatlas.sources.document_types.DOCUMENT_TYPES`.
"""
