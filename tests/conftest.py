"""Shared fixtures: the repository, the bundled sources, the gold answers in ../shared/gold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from kommuneatlas.citations import LawCatalogue, load_catalogue
from kommuneatlas.site.phases import Generated
from kommuneatlas.sources.manifest import SourceDocument, load_manifest
from kommuneatlas.sources.reference import KommuneIndex, load_kommuner

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "data" / "sources"
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def catalogue() -> LawCatalogue:
    """The packaged law catalogue (a test module that needs the project's ``data/laws.yaml`` over it
    defines its own)."""
    return load_catalogue()


@pytest.fixture(scope="session")
def kommuner() -> KommuneIndex:
    return load_kommuner(REPO / "data" / "reference" / "kommuner.yaml")


@pytest.fixture(scope="session")
def documents() -> dict[str, SourceDocument]:
    """The bundled source documents, keyed by their three-digit file prefix ("000" … "004")."""
    return {doc.file[:3]: doc for doc in load_manifest(SOURCES)}


def load_gold(name: str) -> Any:
    """A gold file from ../shared/gold (skips the test when ../shared is not beside the clone)."""
    path = GOLD / name
    if not path.is_file():
        pytest.skip(f"{path} not found: ../shared must sit beside the repository")
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def edited_copy(document: SourceDocument, text: str) -> SourceDocument:
    """The same document with other text, for edited-copy tests."""
    return SourceDocument(
        id=document.id,
        file=document.file,
        title=document.title,
        publisher=document.publisher,
        date=document.date,
        kind=document.kind,
        path=document.path,
        lines=tuple(text.splitlines()),
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the repository's data, once per session."""
    from sitebuild import build_copy

    return build_copy(tmp_path_factory.mktemp("built"))


@pytest.fixture(scope="session")
def generated() -> Generated:
    """Every page and data file of the repository's data, rendered once per session without MkDocs
    (for the tests of the seeds' pages, API and feeds; the whole built site is :func:`built_site`)."""
    from kommuneatlas.site.phases import BuildInputs, build_content

    return build_content(BuildInputs(REPO / "data", REPO / "templates", repo_root=REPO))
