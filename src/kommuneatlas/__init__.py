"""Kommuneatlas: Danish inter-municipal cooperation as a static knowledge site.

Data flows one way: sources → extract → YAML → validate → model → render → site. The packages,
from the top down (each imports only those below it; ``lint-imports`` checks it):

- :mod:`.site` (pages, API, feeds, ``build``), :mod:`.extract` (``extract``, one extractor per
  document kind) and :mod:`.synth` (the synthetic corpus), independent of each other;
- :mod:`.search`: the search index;
- :mod:`.model`: the data as entities, their indexes and URLs, ``validate``;
- :mod:`.citations`: the legal citation engine and the law catalogue;
- :mod:`.sources`: the manifest, document types, the kommune/KKR reference list, ``add``;
- :mod:`.store`: YAML files, the three-way merge, atomic writes, git history;
- :mod:`.text`: pure text functions.

At the top level only the command line (:mod:`.cli`, :mod:`.cli_parser`), :mod:`.console` and
:mod:`.errors`.
"""

__version__ = "0.1.0"
