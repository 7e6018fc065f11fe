"""Compare two built sites, for a refactoring that must not change the output.

``python scripts/compare_sites.py BEFORE AFTER`` walks both folders and prints every difference,
compactly, then exits 1 if there was any (0 if none):

* files that exist on one side only;
* ``.json`` files are parsed: each changed value is one line ``file: path old → new (n×)``, the
  same change at the same place in n list elements counted once (``[*]`` stands for any index);
  equal data written with other bytes (key order, spacing) is a difference too;
* ``.gz`` files are compared decompressed (gzip stores a time stamp);
* every other file (HTML, XML, ICS, CSV, YAML, scripts, styles, images …) byte for byte, a text
  file showing its first differing lines;
* ``pagefind/`` is not compared file by file (its chunks are content-hashed): only the number of
  pages it indexed per language (``pagefind-entry.json``).

Build both sides alike, e.g. ``SOURCE_DATE_EPOCH=0 kommuneatlas build --site /tmp/site-before``
from a ``git archive`` of each revision (no ``.git``: no page history that differs by commit).
"""

from __future__ import annotations

import difflib
import gzip
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SKIPPED = "pagefind"
SHOWN = 6  # differences shown per file; the rest are counted
_MISSING = object()


def files(root: Path) -> set[str]:
    """The site's files, as paths relative to ``root``, outside ``pagefind/``."""
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and path.relative_to(root).parts[0] != SKIPPED
    }


def _show(value: Any) -> str:
    if value is _MISSING:
        return "(absent)"
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= 60 else text[:57] + "…"


def json_changes(old: Any, new: Any, path: str = "") -> Iterator[tuple[str, str, str]]:
    """(path, old, new) for every place where the two JSON values differ; list indices as ``[*]``."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(old.keys() | new.keys()):
            yield from json_changes(old.get(key, _MISSING), new.get(key, _MISSING), f"{path}.{key}")
    elif isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            yield f"{path}[]", f"{len(old)} elements", f"{len(new)} elements"
        for a, b in zip(old, new, strict=False):
            yield from json_changes(a, b, f"{path}[*]")
    elif old != new or type(old) is not type(new):
        yield path or ".", _show(old), _show(new)


def compare_json(name: str, old_bytes: bytes, new_bytes: bytes) -> list[str]:
    try:
        old, new = json.loads(old_bytes), json.loads(new_bytes)
    except ValueError as exc:
        return [f"{name}: not JSON ({exc})"]
    changes = Counter(json_changes(old, new))
    if not changes:
        return [f"{name}: same data, other bytes (key order or formatting)"]
    return [f"{name}: {path} {a} → {b} ({n}×)" for (path, a, b), n in changes.items()]


def compare_text(name: str, old_bytes: bytes, new_bytes: bytes) -> list[str]:
    try:
        old, new = old_bytes.decode("utf-8").splitlines(), new_bytes.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return [f"{name}: {len(old_bytes)} → {len(new_bytes)} bytes (binary)"]
    if old == new:
        return [f"{name}: same lines, other line ends"]
    lines = [
        line
        for line in difflib.unified_diff(old, new, lineterm="", n=0)
        if not line.startswith(("---", "+++"))
    ]
    return [f"{name}: {line[:160]}" for line in lines]


def compare_file(name: str, before: Path, after: Path) -> list[str]:
    old_bytes, new_bytes = (before / name).read_bytes(), (after / name).read_bytes()
    if name.endswith(".gz"):
        old_bytes, new_bytes = gzip.decompress(old_bytes), gzip.decompress(new_bytes)
    if old_bytes == new_bytes:
        return []
    if name.endswith(".json"):
        return compare_json(name, old_bytes, new_bytes)
    return compare_text(name, old_bytes, new_bytes)


def pagefind_pages(root: Path) -> dict[str, int] | None:
    """Pages indexed per language, from ``pagefind/pagefind-entry.json`` (None: no search index)."""
    entry = root / SKIPPED / "pagefind-entry.json"
    if not entry.is_file():
        return None
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    return {language: int(meta.get("page_count", 0)) for language, meta in sorted(languages.items())}


def compare_sites(before: Path, after: Path) -> tuple[list[str], int]:
    """The differences, one line each, and how many files were compared."""
    old, new = files(before), files(after)
    report = [f"only in {before}: {name}" for name in sorted(old - new)]
    report += [f"only in {after}: {name}" for name in sorted(new - old)]
    for name in sorted(old & new):
        lines = compare_file(name, before, after)
        report += lines[:SHOWN]
        if len(lines) > SHOWN:
            report.append(f"{name}: … {len(lines) - SHOWN} more differences")
    pages = pagefind_pages(before), pagefind_pages(after)
    if pages[0] != pages[1]:
        report.append(f"{SKIPPED}/: pages indexed {pages[0]} → {pages[1]}")
    return report, len(old & new)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: compare_sites.py BEFORE AFTER", file=sys.stderr)
        return 2
    before, after = (Path(arg) for arg in argv)
    for root in (before, after):
        if not root.is_dir():
            print(f"{root}: not a folder", file=sys.stderr)
            return 2
    report, compared = compare_sites(before, after)
    for line in report:
        print(line)
    pages = pagefind_pages(after)
    indexed = f"; pagefind: {pages}" if pages is not None else ""
    print(
        f"{compared} files compared{indexed}: {'no difference' if not report else f'{len(report)} differences'}"
    )
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
