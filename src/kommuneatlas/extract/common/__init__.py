"""What several extractors share: page furniture and layout (:mod:`.layout`) and running text as
paragraphs and lists (:mod:`.running_text`)."""
