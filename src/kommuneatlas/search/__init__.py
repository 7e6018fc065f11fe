"""The search index: Pagefind over the built site (:mod:`.index`), the parts of compound words
(:mod:`.compounds`) and the table of law citations the search box understands (:mod:`.citations`)."""
