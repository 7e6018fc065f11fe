"""The document types: the manifest's ``kind`` values, their Danish labels and their extractors.

One table for everything that depends on a source document's type: ``kommuneatlas add --kind``
and the CLI accept its names, the pages and feeds show its labels, and
:mod:`kommuneatlas.extract.registry` imports a type's extractor module (named here as a string,
so this module sits below the extractors and imports none of them). A new type is one line here,
its extractor module, and its cues in :mod:`.detect.cues`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentType:
    name: str  # the manifest's `kind`
    label: str  # Danish, on pages and in feeds
    extractor: str  # the module whose `extract(document, kommuner)` reads it


DOCUMENT_TYPES: dict[str, DocumentType] = {
    doc_type.name: doc_type
    for doc_type in (
        DocumentType(
            "frikommune-status", "Statusnotat om frikommuneforsøg", "kommuneatlas.extract.frikommune.status"
        ),
        DocumentType("kkr-minutes", "Referat af KKR-møde", "kommuneatlas.extract.kkr_meeting.minutes"),
        DocumentType("kkr-agenda", "Dagsorden til KKR-møde", "kommuneatlas.extract.kkr_meeting.agenda"),
        DocumentType("kkr-appendix-bundle", "Bilag til KKR-møde", "kommuneatlas.extract.kkr_appendix.bundle"),
        DocumentType("regional-proposal", "Forslag fra region", "kommuneatlas.extract.regional_proposal"),
        DocumentType("grant-commitment", "Tilsagn om tilskud", "kommuneatlas.extract.grant.commitment"),
        DocumentType("document", "Dokument", "kommuneatlas.extract.document"),
    )
}


def type_label(name: str, default: str | None = None) -> str:
    """The Danish label of document type ``name``; ``default`` (or the name itself) if unknown."""
    doc_type = DOCUMENT_TYPES.get(name)
    if doc_type is not None:
        return doc_type.label
    return name if default is None else default
