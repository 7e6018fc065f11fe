"""The bundled source documents and their manifest (``data/sources/manifest.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .errors import KommuneatlasError, Problem

MANIFEST = "manifest.yaml"


@dataclass(frozen=True)
class SourceDocument:
    """A source document: its manifest entry and its text as physical lines (1-based via ``line``)."""

    id: str
    file: str
    title: str
    publisher: str
    date: date | None
    kind: str
    path: Path
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def line(self, number: int) -> str:
        """Physical line ``number`` (1-based)."""
        return self.lines[number - 1]


def read_text_document(path: Path) -> str:
    """Read a source text file, refusing empty and binary files with a clear message."""
    data = path.read_bytes()
    if not data.strip():
        raise KommuneatlasError(Problem(path, None, "source document is empty"))
    if b"\x00" in data:
        raise KommuneatlasError(Problem(path, None, "source document is binary, expected UTF-8 text"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise KommuneatlasError(Problem(path, line, "source document is not valid UTF-8 text")) from exc


def load_manifest(sources: Path) -> list[SourceDocument]:
    """Read the manifest and every document it lists."""
    manifest = sources / MANIFEST
    try:
        entries = YAML(typ="rt").load(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise KommuneatlasError(Problem(manifest, None, "no manifest of source documents")) from exc
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise KommuneatlasError(
            Problem(manifest, mark.line + 1 if mark else None, f"YAML syntax error: {exc}")
        ) from exc
    documents: list[SourceDocument] = []
    for index, entry in enumerate(entries.get("documents", []) if entries else []):
        line = entry.lc.line + 1 if hasattr(entry, "lc") else None
        missing = [k for k in ("id", "file", "title", "publisher", "kind") if not entry.get(k)]
        if missing:
            raise KommuneatlasError(
                Problem(manifest, line, f"document {index + 1} lacks {', '.join(missing)}")
            )
        path = sources / str(entry["file"])
        if not path.is_file():
            raise KommuneatlasError(Problem(manifest, line, f"file {entry['file']!r} not found in {sources}"))
        text = read_text_document(path)
        documents.append(
            SourceDocument(
                id=str(entry["id"]),
                file=str(entry["file"]),
                title=str(entry["title"]),
                publisher=str(entry["publisher"]),
                date=entry.get("date"),
                kind=str(entry["kind"]),
                path=path,
                lines=tuple(text.splitlines()),
            )
        )
    return documents
