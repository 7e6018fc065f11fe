"""A page's "Historik": the commits that changed its YAML file, with links to the repository host."""

from __future__ import annotations

from dataclasses import dataclass

from ..gitdates import Commit

HISTORY_ROWS = 10  # commits shown on a page; the host's history of the file has the rest
BRANCH = "main"


@dataclass(frozen=True)
class PageHistory:
    commits: list[Commit]  # newest first, at most HISTORY_ROWS
    total: int
    repo_url: str | None  # without a trailing slash; None: no links
    path: str  # the YAML file, repository-relative

    def commit_url(self, commit: Commit) -> str | None:
        """The commit on the repository host (``<repo_url>/commit/<sha>``)."""
        return f"{self.repo_url}/commit/{commit.sha}" if self.repo_url else None

    @property
    def all_url(self) -> str | None:
        """The host's history of the file (``<repo_url>/commits/main/<path>``)."""
        return f"{self.repo_url}/commits/{BRANCH}/{self.path}" if self.repo_url else None


def page_history(
    history: dict[str, list[Commit]], path: str | None, repo_url: str | None
) -> PageHistory | None:
    """The history to show for the data file at repository path ``path``; None when it has none."""
    commits = history.get(path or "")
    if not commits or path is None:
        return None
    return PageHistory(commits[:HISTORY_ROWS], len(commits), repo_url.rstrip("/") if repo_url else None, path)
