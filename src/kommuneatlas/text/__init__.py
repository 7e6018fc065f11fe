"""Pure text functions (``str`` in, ``str`` or values out): cleaning, lines and offsets, sentences,
Danish dates, amounts and formats, slugs, HTML to text. The bottom of the pipeline: imports nothing
else of the package but :mod:`kommuneatlas.errors`."""
