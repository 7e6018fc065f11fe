"""What several extractors share: page furniture and layout (:mod:`.layout`), sentences
(:mod:`.passages`), and running text as paragraphs and lists (:mod:`.running_text`)."""
