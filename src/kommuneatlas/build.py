"""``kommuneatlas build``: validate, render, MkDocs build, API, search index — then swap in atomically.

The new site is built in a temporary folder beside ``site/`` and replaces it in one rename,
so a failed build leaves the previous ``site/`` untouched.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from .atomic import replace_directory
from .errors import KommuneatlasError
from .search_index import index_site
from .validate import validate_data

Progress = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _show_mkdocs_warnings() -> None:
    """MkDocs logs through ``logging``; outside its own CLI nothing prints its warnings."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_kommuneatlas", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        handler._kommuneatlas = True  # type: ignore[attr-defined]
        handler.setLevel(logging.WARNING)
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def build_site(
    data: Path,
    site: Path,
    config_file: Path = Path("mkdocs.yml"),
    progress: Progress = _stderr,
    search: bool = True,
) -> None:
    """Build the whole site into ``site`` (replaced only when everything succeeded)."""
    progress("Validerer data …")
    problems = validate_data(data)
    if problems:
        raise KommuneatlasError(problems)
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-build-", dir=site.parent))
    try:
        progress("Bygger sider med MkDocs …")
        try:
            config = load_config(str(config_file), site_dir=str(staging), strict=True)
            config.plugins["kommuneatlas"].config.data_dir = str(data.resolve())
            _show_mkdocs_warnings()
            mkdocs_build(config)
        except (Abort, ConfigurationError) as exc:
            raise KommuneatlasError(f"MkDocs build failed: {exc}") from exc
        if search:
            progress("Bygger søgeindeks (Pagefind) …")
            index_site(staging)
        replace_directory(staging, site)
        progress(f"Færdig: {site}")
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
