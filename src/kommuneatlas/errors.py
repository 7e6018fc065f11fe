"""Errors that carry a location, so every failure can be reported as ``file:line:column: message``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class Problem:
    """One located problem in an input file (YAML data, a source document, a template)."""

    path: Path | str
    line: int | None
    message: str
    column: int | None = None

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class KommuneatlasError(Exception):
    """Base class: an error the command line reports without a traceback."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem("kommuneatlas", None, problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class ExtractionError(KommuneatlasError):
    """A source document does not have the structure its extractor expects."""

    def __init__(self, document: Path | str, line: int | None, message: str) -> None:
        super().__init__(Problem(document, line, message))


class ValidationError(KommuneatlasError):
    """The YAML under ``data/`` breaks the schema or the references between entities."""
