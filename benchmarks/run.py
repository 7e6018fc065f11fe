"""``nox -s bench``: extract and build the synthetic corpus at several scales, measure, report.

For each scale N (default 1, 10, 100): ``kommuneatlas synth --scale N``, then ``kommuneatlas
extract`` and ``kommuneatlas build`` as subprocesses (wall time, CPU time, peak RSS, and the
build's phases from its progress lines), the built site's sizes, the bytes of a first search
query (Chromium), and a plain mkdocs-material build of the same Markdown for comparison. At the
bundled scale also the live preview's latency after a one-file edit. Results, with the machine
and every target, go to ``benchmarks/results.md`` (and the raw figures to ``results.json``).

    python benchmarks/run.py [--scales 1,10] [--work DIR] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline import write_config
from measure import Step, run_step
from preview import measure_preview
from search_bytes import first_query_bytes
from site_stats import site_stats

REPO = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "kommuneatlas.cli"]
BUILD_PHASES = (  # validation runs beside rendering + MkDocs, in a second process
    ("validate ‖ render + MkDocs", "Validerer data"),
    ("search index", "Bygger søgeindeks"),
    ("swap", "Færdig"),
)
QUERY = "kommune"  # a common word: its index chunk is among the largest
KB = 1000
MB = 1000**2
GB = 1000**3

# The targets (issue 8) on a 2-core, 24 GB machine.
MIN_PAGES_100 = 10_000
MIN_PAGES_PER_SECOND = 200
MAX_RSS = 2 * GB
MAX_GROWTH_10_TO_100 = 11
MAX_ENTITY_HTML = 40 * KB
MAX_PREVIEW_SECONDS = 2.0
MAX_BASELINE_RATIO = 1.5


@dataclass
class ScaleResult:
    scale: int
    synth_seconds: float
    extract: dict[str, Any]
    build: dict[str, Any]
    build_phases: dict[str, float]
    pages: int
    html: dict[str, dict[str, Any]]  # category → count, median, max, largest page
    site_bytes: int
    search_bytes: int
    search_files: int
    first_query: dict[str, int] | None
    baseline_pages: int
    baseline: dict[str, Any]
    preview: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.build["wall"]

    @property
    def baseline_ratio(self) -> float:
        return self.build["wall"] / self.baseline["wall"]


def _step(step: Step) -> dict[str, Any]:
    return {"wall": step.wall, "cpu": step.cpu, "peak_rss": step.peak_tree_rss}


def run_scale(scale: int, work: Path, seed: int, preview_rounds: int) -> ScaleResult:
    data, site = work / "data", work / "site"
    print(f"[{scale}×] synth", file=sys.stderr, flush=True)
    started = time.perf_counter()
    subprocess.run(
        [*CLI, "synth", "--scale", str(scale), "--out", str(data), "--seed", str(seed)],
        cwd=REPO,
        check=True,
        stderr=subprocess.DEVNULL,
    )
    synth_seconds = time.perf_counter() - started
    print(f"[{scale}×] extract", file=sys.stderr, flush=True)
    extract = run_step([*CLI, "extract", "--sources", str(data / "sources"), "--data", str(data)], REPO)
    print(f"[{scale}×] build", file=sys.stderr, flush=True)
    build = run_step(
        [*CLI, "build", "--data", str(data), "--site", str(site), "--config", str(REPO / "mkdocs.yml")], REPO
    )
    stats = site_stats(site)
    print(f"[{scale}×] first search query", file=sys.stderr, flush=True)
    query = first_query_bytes(site, QUERY)
    print(f"[{scale}×] plain mkdocs-material build of the same Markdown", file=sys.stderr, flush=True)
    docs, plain_site, config = work / "plain-docs", work / "plain-site", work / "plain-mkdocs.yml"
    exported = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "baseline.py"), str(data), str(docs)],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    write_config(docs, plain_site, config)
    plain = run_step([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)], REPO)
    preview = None
    if preview_rounds and scale == 1:
        print(f"[{scale}×] live preview", file=sys.stderr, flush=True)
        measured = measure_preview(data, work / "preview", rounds=preview_rounds)
        preview = {"startup": measured.startup, "latencies": measured.latencies, "median": measured.median}
    return ScaleResult(
        scale=scale,
        synth_seconds=synth_seconds,
        extract=_step(extract),
        build=_step(build),
        build_phases=build.phases(BUILD_PHASES),
        pages=stats.pages,
        html={
            name: {"count": len(s.sizes), "median": s.median, "max": s.max, "largest": s.largest}
            for name, s in sorted(stats.by_category.items())
        },
        site_bytes=stats.total_bytes,
        search_bytes=stats.search_bytes,
        search_files=stats.search_files,
        first_query=dict(query) if query is not None else None,
        baseline_pages=int(exported.stdout.strip() or 0),
        baseline=_step(plain),
        preview=preview,
    )


# -- the machine ---------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = "unknown"
    memory = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024**2:.1f} GiB"
                break
    commit = subprocess.run(
        ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "cores (nproc)": str(os.cpu_count()),
        "memory": memory,
        "CPU": cpu,
        "Python": platform.python_version(),
        "OS": f"{platform.system()} {platform.release()}",
        "commit": commit or "unknown",
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


# -- the report ------------------------------------------------------------------------------------


def _s(seconds: float) -> str:
    return f"{seconds:.1f} s" if seconds >= 10 else f"{seconds:.2f} s"


def _b(size: float) -> str:
    if size >= GB:
        return f"{size / GB:.2f} GB"
    if size >= MB:
        return f"{size / MB:.1f} MB"
    return f"{size / KB:.1f} KB"


def _check(ok: bool | None) -> str:
    return "–" if ok is None else ("✅ met" if ok else "❌ missed")


def targets(results: dict[int, ScaleResult]) -> list[tuple[str, str, str, bool | None]]:
    """(figure, target, measured, met) for every target; None where the scale was not run."""
    r1, r10, r100 = results.get(1), results.get(10), results.get(100)
    rows: list[tuple[str, str, str, bool | None]] = []
    rows.append(
        ("pages of the 100× site", f"≥ {MIN_PAGES_100:,}", f"{r100.pages:,}" if r100 else "not run",
         r100.pages >= MIN_PAGES_100 if r100 else None)
    )  # fmt: skip
    rows.append(
        ("100× build, pages per second (end to end)", f"≥ {MIN_PAGES_PER_SECOND}",
         f"{r100.pages_per_second:.0f}" if r100 else "not run",
         r100.pages_per_second >= MIN_PAGES_PER_SECOND if r100 else None)
    )  # fmt: skip
    rows.append(
        ("100× build, peak RSS", f"< {_b(MAX_RSS)}", _b(r100.build["peak_rss"]) if r100 else "not run",
         r100.build["peak_rss"] < MAX_RSS if r100 else None)
    )  # fmt: skip
    growth = r100.build["wall"] / r10.build["wall"] if r100 and r10 else None
    rows.append(
        ("build time 100× ÷ 10×", f"≤ {MAX_GROWTH_10_TO_100}", f"{growth:.1f}" if growth else "not run",
         growth <= MAX_GROWTH_10_TO_100 if growth else None)
    )  # fmt: skip
    for scale, result in sorted(results.items()):
        entity = result.html.get("entity", {"max": 0, "largest": ""})
        rows.append(
            (f"{scale}×: largest entity page (HTML)", f"< {_b(MAX_ENTITY_HTML)}",
             f"{_b(entity['max'])} (`{entity['largest']}`)", entity["max"] < MAX_ENTITY_HTML)
        )  # fmt: skip
    preview = r1.preview if r1 else None
    rows.append(
        ("1×: one-file edit → refreshed page in the live preview (median)", f"< {MAX_PREVIEW_SECONDS:.0f} s",
         _s(preview["median"]) if preview else "not run",
         preview["median"] < MAX_PREVIEW_SECONDS if preview else None)
    )  # fmt: skip
    for scale, result in sorted(results.items()):
        rows.append(
            (f"{scale}×: our build ÷ plain mkdocs-material build", f"≤ {MAX_BASELINE_RATIO}",
             f"{result.baseline_ratio:.2f} ({_s(result.build['wall'])} vs {_s(result.baseline['wall'])})",
             result.baseline_ratio <= MAX_BASELINE_RATIO)
        )  # fmt: skip
    return rows


def _query(r: ScaleResult, *kinds: str) -> str:
    if r.first_query is None:
        return "no Chromium"
    return " / ".join(_b(r.first_query.get(k, 0) if k else sum(r.first_query.values())) for k in kinds)


def _html(r: ScaleResult, name: str) -> str:
    sizes = r.html.get(name)
    return f"{_b(sizes['median'])} / {_b(sizes['max'])}" if sizes else "–"


# The rows of the figures table: label, and the cell for one scale's result.
FIGURES: list[tuple[str, Callable[[ScaleResult], str]]] = [
    ("source documents", lambda r: f"{5 * r.scale:,}"),
    ("HTML pages", lambda r: f"{r.pages:,}"),
    ("extract: wall (CPU)", lambda r: f"{_s(r.extract['wall'])} ({_s(r.extract['cpu'])})"),
    ("extract: peak RSS", lambda r: _b(r.extract["peak_rss"])),
    ("build: wall (CPU)", lambda r: f"{_s(r.build['wall'])} ({_s(r.build['cpu'])})"),
    *(
        (f"… {name}", lambda r, name=name: _s(r.build_phases.get(name, 0.0)))
        for name in ("startup", *(name for name, _ in BUILD_PHASES[:-1]))
    ),
    ("build: peak RSS", lambda r: _b(r.build["peak_rss"])),
    ("build: pages per second", lambda r: f"{r.pages_per_second:.0f}"),
    ("extract + build: pages per second", lambda r: f"{r.pages / (r.build['wall'] + r.extract['wall']):.0f}"),
    *(
        (f"HTML bytes per {name} page: median / max", lambda r, name=name: _html(r, name))
        for name in ("entity", "law", "source", "listing")
    ),
    ("total site size", lambda r: _b(r.site_bytes)),
    ("search index (pagefind/)", lambda r: f"{_b(r.search_bytes)} in {r.search_files:,} files"),
    (f"first query «{QUERY}»: bytes fetched", lambda r: _query(r, "")),
    ("… code (JS, WASM) / metadata / filters", lambda r: _query(r, "code", "metadata", "filters")),
    ("… index chunks / fragments", lambda r: _query(r, "index chunks", "fragments")),
    (
        "plain mkdocs-material build: pages, wall (CPU)",
        lambda r: f"{r.baseline_pages:,}, {_s(r.baseline['wall'])} ({_s(r.baseline['cpu'])})",
    ),
    ("our build ÷ plain build", lambda r: f"{r.baseline_ratio:.2f}"),
    (
        "live preview: first build / edit → page (median)",
        lambda r: f"{_s(r.preview['startup'])} / {_s(r.preview['median'])}" if r.preview else "–",
    ),
]

EXPLANATION = """\
Page categories: *entity* is one page per YAML record (KKR, kommune, møde, beslutning, person,
netværk, forsøg, dokument); *law* the law and provision pages; *source* the pages of the source
texts (40 lines each); *listing* the front page, the overviews and the hand-written pages. The
plain build is MkDocs with the stock Material theme, our Markdown extensions and navigation and
MkDocs' built-in search, over the very Markdown our plugin generates (`benchmarks/baseline.py`).
Peak RSS is the largest memory of the step's process and its children together at one time
(the build's validation process, its search-preparation processes and Pagefind), as the sum of
their proportional set sizes (shared pages counted once), sampled every 0.1 s, or the largest
single process's peak RSS if that is higher (`benchmarks/measure.py`). The live preview adds an editor's description to one agenda item's YAML file and polls the
item's page until it shows (`benchmarks/preview.py`); the median of the rounds is reported.
"""


def report(results: dict[int, ScaleResult], about: dict[str, str], command: str) -> str:
    scales = sorted(results)
    figures = "| | " + " | ".join(f"{s}×" for s in scales) + " |\n|---|" + "---:|" * len(scales) + "\n"
    figures += "".join(
        f"| {label} | " + " | ".join(cell(results[s]) for s in scales) + " |\n" for label, cell in FIGURES
    )
    largest = "".join(
        f"- {s}×: largest {name} page `{r.html[name]['largest']}` ({_b(r.html[name]['max'])})\n"
        for s, r in sorted(results.items())
        for name in ("entity", "law", "listing")
        if name in r.html
    )
    return "\n".join(
        [
            "# Benchmarks\n",
            f"Written by `{command}` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. The corpus is "
            "`kommuneatlas synth --scale N` (N copies of the bundled mix of five documents, see "
            "`src/kommuneatlas/synth/`); extract and build run as subprocesses, one at a time. "
            "Wall times are single runs; CPU time (user + system, the process and its children) "
            "shows how much of the wall time other load on the machine may have taken.\n",
            "## Machine\n",
            "| | |\n|---|---|\n" + "".join(f"| {k} | {v} |\n" for k, v in about.items()),
            "## Targets\n",
            "| figure | target | measured | |\n|---|---|---|---|\n"
            + "".join(f"| {f} | {t} | {m} | {_check(ok)} |\n" for f, t, m, ok in targets(results)),
            "## Figures\n",
            figures,
            EXPLANATION,
            "## Largest pages\n",
            largest,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scales", default="1,10,100", help="comma-separated (default 1,10,100)")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one, removed after)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and sites")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--preview-rounds", type=int, default=5, help="one-file edits to time at 1× (0: skip)"
    )
    parser.add_argument("--results", type=Path, default=REPO / "benchmarks" / "results.md")
    args = parser.parse_args()
    scales = sorted({int(s) for s in args.scales.split(",")})
    work = args.work or Path(tempfile.mkdtemp(prefix="kommuneatlas-bench-"))
    about = machine()
    results: dict[int, ScaleResult] = {}
    try:
        for scale in scales:
            folder = work / f"{scale}x"
            shutil.rmtree(folder, ignore_errors=True)
            results[scale] = run_scale(scale, folder, args.seed, args.preview_rounds)
            if not args.keep:
                shutil.rmtree(folder, ignore_errors=True)
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)
    about["load average at end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    command = "nox -s bench" + (f" -- --scales {args.scales}" if args.scales != "1,10,100" else "")
    args.results.write_text(report(results, about, command), encoding="utf-8")
    raw = {
        "machine": about,
        "results": {s: {**asdict(r), "pages_per_second": r.pages_per_second} for s, r in results.items()},
    }
    args.results.with_suffix(".json").write_text(
        json.dumps(raw, indent=2, default=str) + "\n", encoding="utf-8"
    )
    for figure, target, measured, ok in targets(results):
        print(f"{_check(ok):10} {figure}: {measured} (target {target})", file=sys.stderr)
    print(f"results: {args.results}", file=sys.stderr)


if __name__ == "__main__":
    main()
