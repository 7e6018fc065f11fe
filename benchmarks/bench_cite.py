"""Speed of the citation parser: characters per second of ``find_citations`` over the five seeds.

Run ``python benchmarks/bench_cite.py [--runs N]``; prints one line of JSON. Single process,
one core; the median of N timed runs after one warm-up run (which also compiles the
catalogue's name patterns).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from kommuneatlas.citations import find_citations, load_catalogue

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "data" / "sources"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9, help="timed runs (default 9)")
    args = parser.parse_args()
    catalogue = load_catalogue(REPO / "data" / "laws.yaml")
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SOURCES.glob("00[0-4]_*.txt")))
    citations = len(find_citations(text, catalogue))
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        find_citations(text, catalogue)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(
        json.dumps(
            {
                "benchmark": "find_citations",
                "input": "seeds 000-004 concatenated",
                "chars": len(text),
                "citations": citations,
                "runs": args.runs,
                "median_seconds": round(median, 5),
                "chars_per_second": round(len(text) / median),
            }
        )
    )


if __name__ == "__main__":
    main()
