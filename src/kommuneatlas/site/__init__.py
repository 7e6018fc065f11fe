"""Data → website: the pages (:mod:`.render`; the law pages show the backlinks that
:mod:`kommuneatlas.citations` collects from the texts :mod:`.phases` hands it), the JSON API,
feeds and downloads, the MkDocs plugin that hands it all over, and ``kommuneatlas build``
(:mod:`.build`)."""
