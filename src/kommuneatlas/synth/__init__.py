"""``kommuneatlas synth``: a synthetic source corpus, N times the bundled one, for benchmarks.

Each copy holds one document of every bundled kind, in the bundled order (a regional proposal,
a KKR appendix bundle, KKR minutes, a grant commitment, a frikommune status note), each
generated in its seed's layout (one module per format) with names, dates, numbers and titles
drawn from :mod:`.prose`'s vocabulary. Ids are unique across the corpus, so extraction yields N
times the bundled entities. ``random.Random(seed)`` makes the output a function of (scale, seed).

``write_corpus`` lays ``out`` out as a data folder, the way the pipeline reads one::

    out/sources/manifest.yaml, out/sources/*.txt   ← kommuneatlas extract --sources out/sources --data out
    out/reference/kommuner.yaml, out/laws.yaml     ← copied from the repository's data/
"""

from __future__ import annotations

import hashlib
import random
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..sources.reference import load_kommuner
from . import appendix, frikommune, grant, minutes, proposal
from .context import Context, Document

GENERATORS: tuple[Callable[[Context], Document], ...] = (
    proposal.regional_proposal,
    appendix.kkr_appendix_bundle,
    minutes.kkr_minutes,
    grant.grant_commitment,
    frikommune.frikommune_status,
)
REFERENCE = Path("reference") / "kommuner.yaml"
LAWS = Path("laws.yaml")
MANIFEST_HEADER = """\
# Synthetic source documents written by `kommuneatlas synth --scale {scale} --seed {seed}`.
# Same format as data/sources/manifest.yaml: id, file, title, publisher, date, kind.
documents:
"""


@dataclass(frozen=True)
class Corpus:
    """What was written: the documents and the entity counts extraction should give."""

    documents: list[Document]
    counts: Counter[str]


def corpus_documents(scale: int, reference: Path, seed: int = 0) -> list[Document]:
    """``scale`` copies of the bundled mix of documents (no files written)."""
    ctx = Context(random.Random(seed), load_kommuner(reference))
    return [make(ctx) for _ in range(scale) for make in GENERATORS]


def _quote(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_corpus(out: Path, scale: int, data: Path = Path("data"), seed: int = 0) -> Corpus:
    """Write the corpus into the data folder ``out`` (see the module docstring); ``data`` is where
    the reference list and the law catalogue are copied from."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    documents = corpus_documents(scale, data / REFERENCE, seed)
    sources = out / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    entries = []
    for number, document in enumerate(documents):
        digest = hashlib.sha1(document.text.encode("utf-8")).hexdigest()[:16]
        file = f"{number:05d}_{digest}.txt"
        (sources / file).write_text(document.text, encoding="utf-8")
        entries.append(
            f"  - id: {document.id}\n    file: {file}\n    title: {_quote(document.title)}\n"
            f"    publisher: {_quote(document.publisher)}\n    date: {document.date.isoformat()}\n"
            f"    kind: {document.kind}\n"
        )
    manifest = MANIFEST_HEADER.format(scale=scale, seed=seed) + "".join(entries)
    (sources / "manifest.yaml").write_text(manifest, encoding="utf-8")
    for path in (REFERENCE, LAWS):
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(data / path, out / path)
    counts: Counter[str] = Counter(documents=len(documents))
    for document in documents:
        counts.update({kind: n for kind, n in document.counts.items() if kind != "documents"})
    return Corpus(documents, counts)
