"""The ``frikommune-status`` extractor (:mod:`.status`): the report's chapters, tables and rows, its
kommuner, dates and consistency notes."""
