"""The static search index: Pagefind over the built HTML (chunked, loaded per query).

:func:`index_site` prepares the built pages and runs Pagefind:

1. decompounding (:mod:`.search_compounds`): the parts of compound words, hidden, beside them;
2. the citation lookup (:mod:`.search_citations`): ``search/citations.json``, so that a query
   such as "LAB § 31" offers the provision page, as decided by the extraction's parser;
3. Pagefind, forced to Danish (Snowball stemming), which writes ``pagefind/``: an index split
   into chunks by word, one fragment per page, and the filter index; a query loads only the
   chunks for its words and the fragments of the results it shows.

The browser side is ``content/assets/search.js``.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from pagefind_bin import get_executable

from .citations import load_catalogue
from .errors import KommuneatlasError
from .search_citations import write_citation_table
from .search_compounds import CompoundReport, decompound_site


def run_pagefind(site_dir: Path) -> None:
    """Run Pagefind over ``site_dir``; it writes ``site_dir/pagefind/``."""
    command = [str(get_executable()), "--site", str(site_dir), "--force-language", "da", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise KommuneatlasError(
            f"pagefind failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}"
        )


def index_site(site_dir: Path, laws: Path | None = None) -> CompoundReport:
    """Decompound, write the citation lookup (when ``laws``, the law catalogue, is given), run Pagefind."""
    report = decompound_site(site_dir)
    if laws is not None:
        write_citation_table(site_dir, load_catalogue(laws))
    run_pagefind(site_dir)
    return report
