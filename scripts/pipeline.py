"""The whole pipeline from the bundled sources: extract → validate → build.

``python scripts/pipeline.py`` does what ``nox -s build`` does, in the current environment;
each step is also a ``kommuneatlas`` subcommand. Stops at the first step that fails.
"""

import sys

from kommuneatlas.cli import main

STEPS = (["extract"], ["validate"], ["build"])

if __name__ == "__main__":
    for step in STEPS:
        code = main(step)
        if code:
            sys.exit(code)
