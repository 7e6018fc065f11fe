"""The ``kkr-appendix-bundle`` extractor (:mod:`.bundle`): its table of contents and attachments
(:mod:`.parts`), letters (:mod:`.letters`) and tables (:mod:`.tables`)."""
