"""The ``grant-commitment`` extractor (:mod:`.commitment`), its numbered clauses (:mod:`.clauses`)
and its plain-text tables (:mod:`.tables`)."""
