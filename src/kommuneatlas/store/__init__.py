"""Files on disk: the YAML store (:mod:`.yaml`), JSON of the data (:mod:`.json`), the three-way merge
of re-extracted records (:mod:`.merge`), atomic writes (:mod:`.atomic`) and the git history of the
data files (:mod:`.history`)."""
