"""YAML data → Markdown pages through Jinja2 templates, independent of MkDocs.

:func:`kommuneatlas.site.phases.generate` returns every generated page as Markdown; the MkDocs plugin only
hands them over. Another builder would need only another thin adapter.
"""
