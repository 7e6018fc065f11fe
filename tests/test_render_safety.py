"""Text from YAML and from source documents is escaped where it is rendered; editors' Markdown is safe."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommuneatlas.site.render.safe_markdown import render_markdown
from sitebuild import build_copy, copy_data

PAYLOADS = ['<script>alert("x")</script>', "<img src=x onerror=alert(1)>"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site whose data carries script payloads in a name, a field and an editor's description."""
    root = tmp_path_factory.mktemp("hostile")
    data = copy_data(root)
    kommune = data / "kommuner" / "dragoer.yaml"
    text = kommune.read_text(encoding="utf-8").replace("name: Dragør", f"name: '{PAYLOADS[0]}'")
    kommune.write_text(
        text + f"description: 'Se **her** {PAYLOADS[1]} [klik](javascript:alert(2))'\n", encoding="utf-8"
    )
    kkr = data / "kkr" / "hovedstaden.yaml"
    kkr.write_text(
        kkr.read_text(encoding="utf-8").replace("- Dragør", f"- '{PAYLOADS[0]}'"), encoding="utf-8"
    )
    (data / "reference" / "kommuner.yaml").write_text(
        (data / "reference" / "kommuner.yaml")
        .read_text(encoding="utf-8")
        .replace("name: Dragør}", f"name: '{PAYLOADS[0]}'}}"),
        encoding="utf-8",
    )
    return build_copy(root, data, search=False)


def test_payloads_in_yaml_are_shown_as_text(hostile_site: Path) -> None:
    html = (hostile_site / "kommuner" / "dragoer" / "index.html").read_text(encoding="utf-8")
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert" in html
    assert "<img src=x onerror" not in html and '<img src="x" onerror' not in html
    assert 'href="javascript' not in html
    assert "<strong>her</strong>" in html  # the Markdown itself is rendered


def test_editor_markdown_drops_raw_html_and_script_links() -> None:
    html = str(
        render_markdown("**fed** <script>x()</script> [a](javascript:alert(1)) [b](https://example.org)")
    )
    assert "<strong>fed</strong>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html
    assert 'href="https://example.org"' in html
