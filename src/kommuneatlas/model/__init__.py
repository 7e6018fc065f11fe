"""The data under ``data/`` as the site sees it: the entity kinds (:mod:`.kinds`), the loaded
dataset (:mod:`.dataset`), the indexes between entities (:mod:`.graph`), URLs (:mod:`.urls`) and
``kommuneatlas validate`` (:mod:`.validate`)."""
