"""A page's "Historik": the commits that changed its YAML file, with links to the repository host."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...store.history import Commit
from ...text.clean import shorten

HISTORY_ROWS = 10  # commits shown on a page; the host's history of the file has the rest
BRANCH = "main"
_ROW_BYTES = 200  # HTML around one commit's message and author: <li>, <time>, the commit link
_FRAME_BYTES = 450  # the heading, its entry in the table of contents, the link to the rest
MESSAGE_CHARACTERS = 100  # a longer commit message is shortened on the page (the commit has it whole)


@dataclass(frozen=True)
class PageHistory:
    commits: list[Commit]  # newest first, at most HISTORY_ROWS
    total: int
    repo_url: str | None  # without a trailing slash; None: no links
    path: str  # the YAML file, repository-relative

    def message(self, commit: Commit) -> str:
        """The commit's message as the page shows it: cut at a word when it is long."""
        return shorten(commit.message, MESSAGE_CHARACTERS)

    def commit_url(self, commit: Commit) -> str | None:
        """The commit on the repository host (``<repo_url>/commit/<sha>``)."""
        return f"{self.repo_url}/commit/{commit.sha}" if self.repo_url else None

    @property
    def size(self) -> int:
        """About how many bytes of HTML the history adds to its page: a page that holds shortened
        text (documents, networks) shows that much less of it, and stays under its size limit."""
        text = sum(len(self.message(c).encode()) + len(c.author.encode()) for c in self.commits)
        return _FRAME_BYTES + _ROW_BYTES * len(self.commits) + text

    @property
    def all_url(self) -> str | None:
        """The host's history of the file (``<repo_url>/commits/main/<path>``)."""
        return f"{self.repo_url}/commits/{BRANCH}/{self.path}" if self.repo_url else None


def page_history(
    history: Mapping[str, Sequence[Commit]], path: str | None, repo_url: str | None
) -> PageHistory | None:
    """The history to show for the data file at repository path ``path``; None when it has none."""
    commits = history.get(path or "")
    if not commits or path is None:
        return None
    return PageHistory(
        list(commits[:HISTORY_ROWS]), len(commits), repo_url.rstrip("/") if repo_url else None, path
    )
