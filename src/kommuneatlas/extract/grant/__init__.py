"""The ``grant-commitment`` extractor (:mod:`.commitment`): its parties (:mod:`.parties`), numbered
clauses (:mod:`.clauses`), the terms they set (:mod:`.terms`) and its plain-text tables (:mod:`.tables`)."""
