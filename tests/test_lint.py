"""The code is ruff clean (part of the test suite, so CI checks it)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PATHS = ["src", "tests", "scripts", "benchmarks", "noxfile.py"]


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff not installed")
    existing = [p for p in PATHS if (REPO / p).exists()]
    return subprocess.run([ruff, *args, *existing], cwd=REPO, capture_output=True, text=True, check=False)


def test_ruff_check() -> None:
    result = _ruff("check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = _ruff("format", "--check")
    assert result.returncode == 0, result.stdout + result.stderr
