"""Sessions: build, serve, tests, lint, bench. Every install step is here, pinned (constraints.txt)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox

nox.options.sessions = ["build"]
nox.options.reuse_existing_virtualenvs = True
nox.options.default_venv_backend = "venv"

PYTHON = "3.11"
CONSTRAINTS = ("-c", "constraints.txt")
CHROMIUM = Path("/usr/bin/chromium")


def _install(session: nox.Session, extras: str = "") -> None:
    session.install(*CONSTRAINTS, "-e", f".{extras}")


def _ensure_chromium(session: nox.Session) -> None:
    """Debian's Chromium for the browser tests (Playwright cannot download browsers here)."""
    if CHROMIUM.exists():
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        session.run("apt-get", "update", "-qq", external=True)
        session.run(
            "apt-get",
            "install",
            "-y",
            "-qq",
            "chromium",
            external=True,
            env={"DEBIAN_FRONTEND": "noninteractive"},
        )
    else:
        session.warn("Chromium not found at /usr/bin/chromium: browser tests will be skipped")


def _install_node_modules(session: nox.Session) -> None:
    """axe-core for the accessibility tests, pinned in package.json and package-lock.json."""
    if shutil.which("npm") is None:
        session.warn("npm not found: the accessibility tests will be skipped")
        return
    session.run("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", external=True)


@nox.session(python=PYTHON)
def build(session: nox.Session) -> None:
    """Build site/ from the bundled sources (extract, validate, render, MkDocs, API, search index)."""
    _install(session)
    session.run("kommuneatlas", "extract")
    session.run("kommuneatlas", "build", *session.posargs)


@nox.session(python=PYTHON)
def serve(session: nox.Session) -> None:
    """Live preview on http://127.0.0.1:8000: edits to data/ or templates/ re-render."""
    _install(session)
    session.run("kommuneatlas", "serve", *session.posargs)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The whole test suite, browser tests included."""
    _install(session, "[test]")
    _ensure_chromium(session)
    _install_node_modules(session)
    session.run("pytest", *(session.posargs or ["-q"]))


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff check and format check, and the import contracts of pyproject.toml (lint-imports)."""
    session.install(*CONSTRAINTS, "ruff", "import-linter")
    session.install("--no-deps", "-e", ".")  # lint-imports reads the installed package's source
    session.run("ruff", "check", "src", "tests", "scripts", "benchmarks", "noxfile.py")
    session.run("ruff", "format", "--check", "src", "tests", "scripts", "benchmarks", "noxfile.py")
    session.run("lint-imports")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks (results in benchmarks/results.md)."""
    _install(session, "[test]")
    session.run("python", "benchmarks/run.py", *session.posargs)
