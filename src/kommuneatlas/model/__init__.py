"""The data under ``data/`` as the site sees it: the entity kinds, declared once (:mod:`.doc_types`,
in the vocabulary of :mod:`.schema`), the loaded dataset (:mod:`.dataset`), the graph of references
between entities (:mod:`.graph`), URLs (:mod:`.urls`), ``kommuneatlas validate`` (:mod:`.validate`),
the conversion of old files to ids (:mod:`.upgrade`) and the financing sum check (:mod:`.financing`)."""
