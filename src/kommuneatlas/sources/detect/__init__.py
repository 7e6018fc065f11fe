"""What a new source document is: its kind (:mod:`.doc_types`, cues in :mod:`.cues`) and its metadata
(title, publisher, date: :mod:`.metadata`), read from its text."""
