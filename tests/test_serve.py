"""The live preview: ``kommuneatlas serve`` shows a YAML edit, and re-renders only what changed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from ruamel.yaml import YAML

from kommuneatlas.model.dataset import load_dataset
from kommuneatlas.model.graph import Graph
from kommuneatlas.model.urls import source_text_url
from sitebuild import REPO, copy_data


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _config(data: Path, work: Path) -> Path:
    """``mkdocs.yml`` with absolute paths, reading ``data`` and watching it."""
    yaml = YAML(typ="safe")
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(REPO / config["docs_dir"])
    config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    config["site_url"] = ""
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "kommuneatlas" in plugin:
            plugin["kommuneatlas"]["data_dir"] = str(data)
            plugin["kommuneatlas"]["templates_dir"] = str(REPO / "templates")
    config["watch"] = [str(data)]
    path = work / "mkdocs.yml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(config, handle)
    return path


def _wait_for(url: str, text: str, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body: str = response.read().decode("utf-8")
                if text in body:
                    return body
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} did not show {text!r} within {timeout} s")


def test_an_edit_shows_in_the_preview_and_only_changed_pages_are_rebuilt(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    item_file = sorted((data / "items").glob("*.yaml"))[0]
    page = Graph(load_dataset(data)).url("items", item_file.stem)
    port = _free_port()
    temp = tmp_path / "tmp"  # where MkDocs puts the served site
    temp.mkdir()
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kommuneatlas.cli",
            "serve",
            "--config",
            str(_config(data, tmp_path)),
            "--port",
            str(port),
        ],
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env={**os.environ, "TMPDIR": str(temp)},
    )
    try:
        url = f"http://127.0.0.1:{port}/{page}"
        _wait_for(url, "<html")
        (served,) = temp.glob("mkdocs_*")
        unrelated = served / source_text_url("vive-2019-frikommuneforsoeg-ii") / "index.html"
        written = unrelated.stat().st_mtime_ns
        original = item_file.read_text(encoding="utf-8")
        for round_ in (1, 2):
            marker = f"Redaktørens tilføjelse nummer {round_}"
            item_file.write_text(f"{original.rstrip()}\ndescription: {marker}\n", encoding="utf-8")
            assert marker in _wait_for(url, marker)
        assert unrelated.stat().st_mtime_ns == written  # a dirty build: not rendered again
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
    output = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert output.count("Building documentation") >= 3
    assert "Traceback" not in output
