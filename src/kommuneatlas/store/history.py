"""What changed each data file, from git history: one ``git log`` for the whole ``data/`` tree.

Every page rendered from a YAML file shows the commits that changed it ("Historik"), newest
first, and the date of the last one. A tree that is not a git checkout (or a machine without
git) simply has no history.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

_COMMIT = "\x00"  # starts the line that describes a commit; the names of its files follow
_FIELD = "\x1f"
LOG_FORMAT = "%x00%H%x1f%cs%x1f%an%x1f%s"


@dataclass(frozen=True)
class Commit:
    """One commit as a page's history shows it."""

    sha: str
    date: str  # ISO date the commit was made (committer date)
    author: str
    message: str  # the subject line


def parse_log(text: str) -> dict[str, list[Commit]]:
    """Repository-relative path → the commits that changed it, newest first.

    ``text`` is the output of ``git log --format=`` :data:`LOG_FORMAT` ``--name-only``: a line
    ``\\0sha\\x1fdate\\x1fauthor\\x1fsubject`` for each commit, then the paths it touched.
    """
    history: dict[str, list[Commit]] = {}
    for record in text.split(_COMMIT)[1:]:
        header, _, names = record.partition("\n")
        sha, date, author, message = [*header.split(_FIELD, 3), "", "", ""][:4]
        commit = Commit(sha, date, author, message)
        for name in names.split("\n"):
            if name:
                history.setdefault(name, []).append(commit)
    return history


def file_history(repo_root: Path, folder: str = "data") -> dict[str, list[Commit]]:
    """The history of every file under ``folder`` of the git checkout at ``repo_root`` (see
    :func:`parse_log`), paths relative to ``repo_root`` (which may lie inside a larger checkout);
    empty when there is no checkout, no git, or no commit."""
    try:
        result = subprocess.run(
            ["git", "-C", str(repo_root), "-c", "core.quotePath=false", "log", f"--format={LOG_FORMAT}",
             "--name-only", "--relative", "--no-renames", "--", folder],
            capture_output=True, text=True, encoding="utf-8", errors="replace", check=True,
        )  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return {}
    return parse_log(result.stdout)
