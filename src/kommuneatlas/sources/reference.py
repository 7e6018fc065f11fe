"""The 98 municipalities, their KKRs, and normalisation of the names documents use for them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import KommuneatlasError, Problem
from ..store.yaml import load_fast
from ..text.slugs import slugify


@dataclass(frozen=True)
class Kommune:
    code: int
    name: str
    region: str
    kkr: str

    @property
    def id(self) -> str:
        return slugify(self.name)


def kkr_id(kkr_name: str) -> str:
    """``"KKR Nordjylland"`` → ``"nordjylland"`` (the KKR's slug in URLs and file names)."""
    return slugify(kkr_name.removeprefix("KKR "))


def _key(name: str) -> str:
    """A comparison key: lower case, hyphens and spaces folded, 'å' spelt 'aa'."""
    key = name.lower().replace("å", "aa").replace("-", " ")
    return re.sub(r"\s+", " ", key).strip()


class KommuneIndex:
    """Look up municipalities by the many forms documents use.

    Handles "Vesthimmerlands Kommune", "Nordfyns", "Høje Taastrup", "Høje Tåstrup",
    "Københavns Kommune", "Århus" and the official short names.
    """

    def __init__(self, kommuner: list[Kommune]) -> None:
        self.kommuner = kommuner
        self._by_key: dict[str, Kommune] = {}
        for kommune in kommuner:
            self._by_key[_key(kommune.name)] = kommune

    def lookup(self, name: str) -> Kommune | None:
        """The municipality a name refers to, or None. Accepts a trailing 'Kommune' and a genitive -s."""
        key = _key(name)
        key = re.sub(r"\s+kommune$", "", key)
        if key in self._by_key:
            return self._by_key[key]
        if key.endswith("s") and key[:-1] in self._by_key:
            return self._by_key[key[:-1]]
        return self._by_key.get(key + "s")  # "Vesthimmerland" for the official "Vesthimmerlands"

    def normalise(self, name: str) -> str | None:
        """The official short name for ``name`` ("Vesthimmerland Kommune" → "Vesthimmerlands"), or None."""
        kommune = self.lookup(name)
        return kommune.name if kommune else None

    def id_of(self, name: str | None) -> str | None:
        """The id of the municipality a name refers to ("Vesthimmerland Kommune" → "vesthimmerlands");
        None for no name or an unknown one."""
        kommune = self.lookup(name) if name else None
        return kommune.id if kommune else None

    def by_kkr(self, kkr: str) -> list[Kommune]:
        return [k for k in self.kommuner if k.kkr == kkr]

    @property
    def kkrs(self) -> list[str]:
        return list(dict.fromkeys(k.kkr for k in self.kommuner))


def load_kommuner(path: Path) -> KommuneIndex:
    """Read the reference list (``data/reference/kommuner.yaml``)."""
    if not path.is_file():
        raise KommuneatlasError(Problem(path, None, "kommunelisten findes ikke"))
    try:
        doc = load_fast(path)
        kommuner = [
            Kommune(code=int(k["code"]), name=str(k["name"]), region=str(r["name"]), kkr=str(r["kkr"]))
            for r in doc["regions"]
            for k in r["kommuner"]
        ]
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise KommuneatlasError(Problem(path, None, f"kommunelisten kan ikke læses: {exc}")) from exc
    return KommuneIndex(kommuner)
