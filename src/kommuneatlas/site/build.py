"""``kommuneatlas build``: validate, render, MkDocs build, API, search index — then swap in atomically.

The new site is built in a temporary folder beside ``site/`` and replaces it in one rename,
so a failed build leaves the previous ``site/`` untouched.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError

from ..console import Progress, to_stderr
from ..errors import KommuneatlasError
from ..model.validate import validate_data
from ..search.index import index_site
from ..store.atomic import replace_directory

_LEVELS = {logging.INFO: "info", logging.WARNING: "advarsel", logging.ERROR: "fejl", logging.CRITICAL: "fejl"}


class _BuildLog(logging.Handler):
    """Prints MkDocs' warnings, and everything our plugin reports (source inconsistencies,
    unknown law names), to stderr: outside MkDocs' own CLI nothing else would."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or record.name.startswith("mkdocs.plugins.kommuneatlas")

    def emit(self, record: logging.LogRecord) -> None:
        level = _LEVELS.get(record.levelno, record.levelname.lower())
        print(f"{level}: {record.getMessage()}", file=sys.stderr, flush=True)


def _show_build_log() -> None:
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, _BuildLog) for h in logger.handlers):
        logger.addHandler(_BuildLog())
    logger.setLevel(logging.INFO)


def _config(config_file: Path, site: Path, data: Path) -> MkDocsConfig:
    config = load_config(str(config_file), site_dir=str(site), strict=True)
    config.plugins["kommuneatlas"].config.data_dir = str(data.resolve())
    return config


def build_site(
    data: Path,
    site: Path,
    config_file: Path = Path("mkdocs.yml"),
    progress: Progress = to_stderr,
    search: bool = True,
) -> None:
    """Build the whole site into ``site`` (replaced only when everything succeeded).

    The data are validated in a second process while MkDocs builds (a 2-core machine does both
    at once); the build goes on to the search index only once they are found valid, and a build
    that fails on invalid data reports the validation's problems, which say where and what.
    """
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-build-", dir=site.parent))
    try:
        with ProcessPoolExecutor(1) as pool:
            progress("Validerer data …")
            validation = pool.submit(validate_data, data)
            progress("Bygger sider med MkDocs …")
            try:
                _show_build_log()
                mkdocs_build(_config(config_file, staging, data))  # not kept: it holds the whole site
            except Exception as exc:
                if problems := validation.result():
                    raise KommuneatlasError(problems) from exc
                if isinstance(exc, Abort | ConfigurationError):
                    raise KommuneatlasError(f"MkDocs-bygningen mislykkedes: {exc}") from exc
                raise
            if problems := validation.result():
                raise KommuneatlasError(problems)
        if search:
            progress("Bygger søgeindeks (Pagefind) …")
            index_site(staging, data / "laws.yaml")
        replace_directory(staging, site)
        progress(f"Færdig: {site}")
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
