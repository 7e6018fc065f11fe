"""``kommuneatlas cite``: the references in a text as JSON lines."""

from __future__ import annotations

import json
from typing import TextIO

from .catalogue import LawCatalogue
from .find import find_citations


def run_cite(stdin: TextIO, stdout: TextIO, catalogue: LawCatalogue) -> int:
    """Read all of ``stdin`` and print one JSON object per reference (see :data:`.model.JSON_KEYS`).

    Offsets are character offsets into the text as read. Returns the exit status (0).
    """
    text = stdin.read()
    for citation in find_citations(text, catalogue):
        stdout.write(json.dumps(citation.as_json(), ensure_ascii=False) + "\n")
    return 0
