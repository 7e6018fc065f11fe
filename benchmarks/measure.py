"""Running one pipeline step as a subprocess and measuring it: wall time, CPU time, peak RSS, and
when each progress line appeared on its stderr (for a breakdown by phase)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Step:
    """A finished subprocess: ``lines`` are (seconds since start, stderr line)."""

    command: list[str]
    wall: float
    cpu: float  # user + system, the process and its children
    peak_rss: int  # bytes: the largest resident set of the process or any child it waited for
    peak_tree_rss: int = (
        0  # bytes: the largest sum of the resident sets of the process and its children at one time
    )
    lines: list[tuple[float, str]] = field(default_factory=list)

    def phases(self, markers: Sequence[tuple[str, str]]) -> dict[str, float]:
        """Seconds between progress lines: ``markers`` are (name, text the phase's first line starts with);
        each phase lasts until the next marker's line (the last one until the process ended).
        ``startup`` is the time before the first marker (interpreter start and imports)."""
        starts: list[tuple[str, float]] = [("startup", 0.0)]
        for name, prefix in markers:
            at = next((t for t, line in self.lines if line.startswith(prefix)), None)
            if at is not None:
                starts.append((name, at))
        ends = [t for _, t in starts[1:]] + [self.wall]
        return {name: end - start for (name, start), end in zip(starts, ends, strict=True)}


PAGE = os.sysconf("SC_PAGE_SIZE")
SAMPLE = 0.1  # seconds between samples of the process tree's memory


def _pss(pid: int) -> int:
    """The process's proportional set size: its resident memory, with the pages it shares with
    other processes (a forked worker shares its parent's) divided among them, so that the sum
    over a process tree is the memory the tree takes. Falls back to the resident set size."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    with open(f"/proc/{pid}/statm", encoding="utf-8") as handle:
        return int(handle.read().split()[1]) * PAGE


def tree_rss(root: int) -> int:
    """Memory of process ``root`` and all its descendants now (their proportional set sizes)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            rss[int(entry)] = _pss(int(entry))
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def run_step(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Step:
    """Run ``command`` to completion; raise with its stderr tail when it fails.

    Peak RSS comes from ``wait4`` on the child: the kernel reports the maximum resident set
    of the child and of every descendant it reaped (Pagefind under the build), as
    ``getrusage(RUSAGE_CHILDREN)`` would, but for this child alone.
    """
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    lines: list[tuple[float, str]] = []

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append((time.perf_counter() - started, line.rstrip("\n")))

    peak_tree = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not done.wait(SAMPLE):
            peak_tree = max(peak_tree, tree_rss(process.pid))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    reader.join()
    if process.returncode != 0:
        tail = "\n".join(line for _, line in lines[-30:])
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{tail}")
    rss_unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    peak = usage.ru_maxrss * rss_unit
    return Step(list(command), wall, usage.ru_utime + usage.ru_stime, peak, max(peak, peak_tree), lines)
