"""Data → pages and API: the whole of our rendering, with no MkDocs in it.

The MkDocs plugin (:mod:`mkdocs_plugin`) calls :func:`generate` and hands the result over;
another static-site builder would need only another such adapter.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .api import build_api
from .model import SiteData, load_site_data
from .render.pages import Page, render_site


@dataclass
class Generated:
    site: SiteData
    pages: list[Page]
    api: dict[str, list[dict[str, Any]]]


def generate(data: Path, templates: Path, repo_root: Path | None = None) -> Generated:
    """Load ``data/`` and render every generated page and API file."""
    site = load_site_data(data)
    pages = render_site(site, templates, repo_root=repo_root)
    return Generated(site=site, pages=pages, api=build_api(site))
