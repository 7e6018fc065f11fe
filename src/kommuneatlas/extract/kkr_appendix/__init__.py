"""The ``kkr-appendix-bundle`` extractor (:mod:`.bundle`)."""
