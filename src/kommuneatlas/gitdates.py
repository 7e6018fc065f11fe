"""When each data file last changed, from git history (one ``git log`` for the whole tree)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def last_changed(repo_root: Path, folder: str = "data") -> dict[str, str]:
    """Repository-relative path → ISO date of the last commit touching it.

    Files git does not know (or a tree that is not a git checkout) are simply absent.
    """
    try:
        result = subprocess.run(
            ["git", "-C", str(repo_root), "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", folder],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, str] = {}
    current = ""
    for line in result.stdout.splitlines():
        if line.startswith("\x00"):
            current = line[1:]
        elif line and current:
            dates.setdefault(line, current)  # newest commit comes first
    return dates
