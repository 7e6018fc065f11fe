"""The source documents and their manifest (``data/sources/manifest.yaml``).

Each manifest entry names the text a document is read from (``file``) and, for a document
added as a PDF, the original beside it (``original``). The manifest is read entry by entry, so
one entry with a missing or unreadable file can be reported and skipped while the others are
extracted (:func:`read_manifest`, :func:`load_document`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from ..errors import KommuneatlasError, Problem
from ..store.yaml import load_round_trip
from ..text.lines import LineIndex, source_lines

MANIFEST = "manifest.yaml"
REQUIRED = ("id", "file", "title", "publisher", "kind")


@dataclass(frozen=True)
class SourceDocument:
    """A source document: its manifest entry and its text as physical lines (1-based via ``line``).

    ``file`` is the text the lines come from (provenance line numbers refer to it); ``original``
    the file it was converted from (a PDF), if any.
    """

    id: str
    file: str
    title: str
    publisher: str
    date: date | None
    kind: str
    path: Path
    lines: tuple[str, ...]
    original: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def line(self, number: int) -> str:
        """Physical line ``number`` (1-based)."""
        return self.lines[number - 1]


@dataclass(frozen=True)
class ManifestEntry:
    """One entry of the manifest as written, with its line in ``manifest.yaml``."""

    index: int  # 1-based position in the list
    line: int | None
    fields: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.fields.get("id") or "")

    @property
    def files(self) -> list[str]:
        """The files in the sources folder this entry accounts for (text and original)."""
        return [str(self.fields[k]) for k in ("file", "original") if self.fields.get(k)]


def read_text_document(path: Path) -> str:
    """Read a source text file, refusing empty and binary files with a clear message."""
    data = path.read_bytes()
    return decode_text(data, path)


def decode_text(data: bytes, path: Path) -> str:
    """The UTF-8 text of a source document's bytes; empty and binary content are errors."""
    if not data.strip():
        raise KommuneatlasError(Problem(path, None, "kildedokumentet er tomt"))
    if b"\x00" in data:
        raise KommuneatlasError(
            Problem(
                path,
                None,
                "kildedokumentet er binært; der forventes UTF-8-tekst (en PDF tilføjes med 'kommuneatlas add')",
            )
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        lines = LineIndex(data.decode("utf-8", errors="replace"))
        line = lines.line_of(len(data[: exc.start].decode("utf-8")))
        raise KommuneatlasError(
            Problem(path, line, "kildedokumentet er ikke gyldig UTF-8-tekst (gem det som UTF-8)")
        ) from exc


def read_manifest(sources: Path) -> list[ManifestEntry]:
    """The manifest's entries; a missing or unreadable manifest is an error for all of them."""
    manifest = sources / MANIFEST
    if not manifest.is_file():
        raise KommuneatlasError(Problem(manifest, None, "manifestet over kildedokumenter findes ikke"))
    document = load_round_trip(manifest)
    if document is None:
        return []
    if not isinstance(document, dict) or not isinstance(document.get("documents", []), list):
        raise KommuneatlasError(
            Problem(manifest, 1, "forventede en liste 'documents:' med ét punkt pr. kildedokument")
        )
    entries = []
    for index, entry in enumerate(document.get("documents") or [], 1):
        line = entry.lc.line + 1 if isinstance(entry, CommentedMap) else None
        fields = dict(entry) if isinstance(entry, dict) else {}
        entries.append(ManifestEntry(index, line, fields))
    return entries


def load_document(sources: Path, entry: ManifestEntry) -> SourceDocument:
    """The document an entry describes, with its text; a problem with this entry alone is an error."""
    manifest = sources / MANIFEST
    fields = entry.fields
    if not fields:
        raise KommuneatlasError(
            Problem(
                manifest, entry.line, f"dokument {entry.index}: forventede felterne {', '.join(REQUIRED)}"
            )
        )
    missing = [key for key in REQUIRED if not fields.get(key)]
    if missing:
        raise KommuneatlasError(
            Problem(manifest, entry.line, f"dokument {entry.index} mangler {', '.join(missing)}")
        )
    path = sources / str(fields["file"])
    if not path.is_file():
        raise KommuneatlasError(
            Problem(manifest, entry.line, f"filen {fields['file']!r} findes ikke i {sources}")
        )
    value = fields.get("date")
    if value is not None and not isinstance(value, date):
        raise KommuneatlasError(
            Problem(manifest, entry.line, f"date: forventede en ISO-dato (ÅÅÅÅ-MM-DD), fandt {value!r}")
        )
    text = read_text_document(path)
    return SourceDocument(
        id=str(fields["id"]),
        file=str(fields["file"]),
        title=str(fields["title"]),
        publisher=str(fields["publisher"]),
        date=value,
        kind=str(fields["kind"]),
        path=path,
        lines=source_lines(text),
        original=str(fields["original"]) if fields.get("original") else None,
    )


def duplicate_ids(entries: list[ManifestEntry]) -> dict[int, int]:
    """Entries whose id an earlier entry already has: their index → the earlier entry's index."""
    first: dict[str, int] = {}
    duplicates: dict[int, int] = {}
    for entry in entries:
        if not entry.id:
            continue
        if entry.id in first:
            duplicates[entry.index] = first[entry.id]
        else:
            first[entry.id] = entry.index
    return duplicates


def load_manifest(sources: Path) -> list[SourceDocument]:
    """Every document the manifest lists; the first problem with any of them is an error."""
    entries = read_manifest(sources)
    for index, earlier in duplicate_ids(entries).items():
        entry = entries[index - 1]
        raise KommuneatlasError(
            Problem(sources / MANIFEST, entry.line, f"id {entry.id!r} står også i dokument {earlier}")
        )
    return [load_document(sources, entry) for entry in entries]
