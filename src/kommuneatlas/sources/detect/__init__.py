"""What a new source document is: its kind (:mod:`.kinds`, cues in :mod:`.cues`) and its metadata
(title, publisher, date: :mod:`.metadata`), read from its text."""
