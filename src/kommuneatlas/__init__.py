"""Kommuneatlas: Danish inter-municipal cooperation as a static knowledge site.

Data flows one way: sources → extract → YAML → validate → model → render → site.
"""

__version__ = "0.1.0"
