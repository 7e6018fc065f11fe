"""Live-preview latency: from saving a YAML file to the refreshed page being served.

``kommuneatlas serve`` runs (in a subprocess) on a copy of ``mkdocs.yml`` that points at the
benchmark's data folder; each round adds an editor's ``description`` to one agenda item's YAML
file and polls the item's page over HTTP until the text appears. The file is restored afterwards.
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ruamel.yaml import YAML

from kommuneatlas.model.dataset import load_dataset
from kommuneatlas.model.graph import Graph

REPO = Path(__file__).resolve().parents[1]
POLL = 0.02  # seconds between requests while waiting


@dataclass
class Preview:
    startup: float  # seconds until the first page was served
    latencies: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.latencies)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _serve_config(data: Path, work: Path) -> tuple[Path, str]:
    """``mkdocs.yml`` with every path absolute and the plugin reading ``data``; also the path the
    site is served under (that of ``site_url``, as ``mkdocs serve`` does)."""
    yaml = YAML(typ="safe")
    config: dict[str, Any] = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(REPO / config.get("docs_dir", "docs"))
    config["site_dir"] = str(work / "site")
    config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "kommuneatlas" in plugin:
            plugin["kommuneatlas"]["data_dir"] = str(data.resolve())
            plugin["kommuneatlas"]["templates_dir"] = str(REPO / "templates")
    config["watch"] = [str(data.resolve()), str(REPO / "templates")]
    path = work / "mkdocs.yml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(config, handle)
    return path, urlsplit(config.get("site_url") or "/").path.rstrip("/")


def _item(data: Path) -> tuple[Path, str]:
    """An agenda item's YAML file and its page's URL path."""
    path = sorted((data / "items").glob("*.yaml"))[0]
    return path, Graph(load_dataset(data)).url("items", path.stem) or ""


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until ``url`` serves a page containing ``text``."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        body = _get(url)
        if body is not None and text in body:
            return time.perf_counter() - started
        time.sleep(POLL)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout} s")


def measure_preview(data: Path, work: Path, rounds: int = 5, log: Path | None = None) -> Preview:
    """Start the live preview on ``data``; time ``rounds`` one-file edits."""
    work.mkdir(parents=True, exist_ok=True)
    config, mount = _serve_config(data, work)
    port = _free_port()
    path, page = _item(data)
    url = f"http://127.0.0.1:{port}{mount}/{page}"
    original = path.read_text(encoding="utf-8")
    output = (log or work / "serve.log").open("w", encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "kommuneatlas.cli",
        "serve",
        "--config",
        str(config),
        "--port",
        str(port),
    ]
    server = subprocess.Popen(
        command, cwd=REPO, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        startup = _wait_for(url, "<html", timeout=1800)
        latencies = []
        for round_ in range(1, rounds + 1):
            marker = f"Forhåndsvisningsmåling nummer {round_}"
            time.sleep(1.0)  # let the watcher settle between rounds
            path.write_text(f"{original.rstrip()}\ndescription: {marker}\n", encoding="utf-8")
            latencies.append(_wait_for(url, marker, timeout=600))
        return Preview(startup, latencies)
    finally:
        path.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        output.close()
