"""Stable, readable ids (slugs) for URLs and file names: ``Høje-Taastrup`` → ``hoeje-taastrup``."""

from __future__ import annotations

import re
import unicodedata

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa", "§": ""})


def slugify(text: str, max_length: int = 80) -> str:
    """Lower-case ASCII slug; Danish letters transliterated, other accents dropped."""
    text = text.translate(_DANISH)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "x"
