"""Speed of the page-history parser on a git log the size of the 100× corpus's.

The synthetic corpus has no git history, so this writes a fake ``git log`` output in the form
:func:`kommuneatlas.store.history.file_history` reads: one commit that adds every file of a 100× data
tree (``--files``, 48,600 by default: 100 times the bundled ~486), then ``--commits`` editors'
commits of one to three files each. Run ``python benchmarks/bench_history.py``; prints one line
of JSON with the median of ``--runs`` timed parses.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time

from kommuneatlas.store.history import parse_log

KINDS = ("items", "experiments", "meetings", "people", "documents", "networks", "kommuner", "kkr")


def fake_log(files: int, commits: int, seed: int = 15) -> str:
    """A ``git log --format=... --name-only`` output, newest commit first."""
    rng = random.Random(seed)
    paths = [f"data/{KINDS[n % len(KINDS)]}/record-{n:06d}.yaml" for n in range(files)]
    parts = []
    for number in range(commits, 0, -1):
        touched = rng.sample(paths, rng.randint(1, 3))
        header = (
            f"\x00{number:040x}\x1f2026-{1 + number % 12:02d}-{1 + number % 28:02d}\x1fRedaktør {number % 40}"
        )
        parts.append(f"{header}\x1fRet oplysning nr. {number} i {touched[0]}\n\n" + "\n".join(touched) + "\n")
    parts.append(
        f"\x00{0:040x}\x1f2026-01-01\x1fUdtræk\x1fUdtræk af alle kilder\n\n" + "\n".join(paths) + "\n"
    )
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=48_600, help="data files (default 48,600)")
    parser.add_argument("--commits", type=int, default=20_000, help="editors' commits (default 20,000)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs (default 5)")
    args = parser.parse_args()
    log = fake_log(args.files, args.commits)
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        history = parse_log(log)
        times.append(time.perf_counter() - start)
    print(
        json.dumps(
            {
                "benchmark": "parse_log",
                "files": len(history),
                "commits": args.commits + 1,
                "log_bytes": len(log.encode("utf-8")),
                "runs": args.runs,
                "median_seconds": round(statistics.median(times), 4),
            }
        )
    )


if __name__ == "__main__":
    main()
