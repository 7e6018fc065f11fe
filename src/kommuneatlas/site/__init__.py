"""Data → website: the pages (:mod:`.render`), the JSON API, feeds and downloads, the backlinks
from laws to the texts that cite them, the MkDocs plugin that hands it all over, and
``kommuneatlas build`` (:mod:`.build`)."""
