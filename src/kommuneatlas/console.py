"""What the commands report while they work: the one ``Progress`` callback type and its stderr printer."""

from __future__ import annotations

import sys
from collections.abc import Callable

Progress = Callable[[str], None]
"""Receives one Danish progress line at a time ("Bygger søgeindeks (Pagefind) …")."""


def to_stderr(message: str) -> None:
    """The default :data:`Progress`: the line on stderr, flushed at once."""
    print(message, file=sys.stderr, flush=True)
