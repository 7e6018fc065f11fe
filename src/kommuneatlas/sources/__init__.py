"""The source documents and the facts they are read against: the manifest and its documents
(:mod:`.manifest`), the document types (:mod:`.document_types`), the reference list of kommuner and
KKRs (:mod:`.reference`), PDF text (:mod:`.pdftext`), and ``kommuneatlas add`` (:mod:`.add`,
recognising a new document with :mod:`.detect`)."""
