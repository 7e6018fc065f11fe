"""What every page of one build is rendered from: made once (:func:`kommuneatlas.site.phases.context`)
and passed down, never changed afterwards."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from ..citations import LawCatalogue
from ..citations.backlinks import Backlinks
from ..citations.targets import CitationFinder, LawInfo
from ..model.dataset import Dataset
from ..model.graph import Graph
from ..store.history import Commit


@dataclass(frozen=True)
class BuildContext:
    """The data, what was derived from them, and where the build sits.

    ``backlinks`` holds every legal reference found, with what the renderers link from: the spans
    of each text (``spans``, through ``finder``), of each source text (``source_spans``) and each
    entity's paragraph → law fallbacks (``fallbacks``). ``laws`` are the laws that have a page, in
    the order of ``/love/``'s catalogue (:func:`~kommuneatlas.citations.targets.law_infos`);
    ``laws_by_entity`` the short names of those an entity cites (its search filter "lov").
    ``history`` maps a data file's repository path to the commits that changed it, newest first.
    ``repo_root`` is the git checkout the edit paths are relative to, ``repo_url`` the repository
    host's address of it (links to commits), ``site_url`` the published site's address.
    """

    dataset: Dataset
    graph: Graph
    catalogue: LawCatalogue
    source_texts: Mapping[str, str]
    backlinks: Backlinks
    finder: CitationFinder
    laws: Mapping[str, LawInfo]
    laws_by_entity: Mapping[tuple[str, str], frozenset[str]]
    history: Mapping[str, Sequence[Commit]]
    env: Environment
    repo_root: Path | None = None
    repo_url: str | None = None
    site_url: str | None = None
