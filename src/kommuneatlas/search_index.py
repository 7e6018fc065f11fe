"""The static search index: Pagefind over the built HTML (chunked, loaded per query)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pagefind_bin import get_executable

from .errors import KommuneatlasError


def index_site(site_dir: Path) -> None:
    """Run Pagefind over ``site_dir``; it writes ``site_dir/pagefind/``."""
    command = [str(get_executable()), "--site", str(site_dir), "--force-language", "da", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise KommuneatlasError(
            f"pagefind failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}"
        )
