"""The ``kkr-minutes`` (:mod:`.minutes`) and ``kkr-agenda`` (:mod:`.agenda`) extractors: the same KL
template, read as its lines, meeting, roster, agenda items and appointments."""
