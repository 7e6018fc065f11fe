"""Build the site once per test session (shared by the build, API and browser tests)."""

from __future__ import annotations

import shutil
from pathlib import Path

from kommuneatlas.site.build import build_site

REPO = Path(__file__).resolve().parents[1]


def build_copy(target: Path, data: Path | None = None, search: bool = True) -> Path:
    """Build the repository's site from ``data`` (default: the repository's ``data/``) into ``target/site``."""
    site = target / "site"
    build_site(
        data or REPO / "data", site, config_file=REPO / "mkdocs.yml", progress=lambda _: None, search=search
    )
    return site


def copy_data(target: Path) -> Path:
    """A scratch copy of ``data/`` to edit in a test."""
    copy = target / "data"
    shutil.copytree(REPO / "data", copy)
    return copy
