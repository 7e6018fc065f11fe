"""Text from YAML and from source documents is escaped where it is rendered; editors' Markdown is safe."""

from __future__ import annotations

import pytest

from kommuneatlas.site.context import BuildContext
from kommuneatlas.site.render.safe_markdown import render_markdown
from site_fixtures import (
    body,
    context,
    dataset,
    document,
    experiment,
    front_matter,
    item,
    kkr,
    kommune,
    meeting,
    network,
    person,
    render,
)

PAYLOADS = ['<script>alert("x")</script>', "<img src=x onerror=alert(1)>"]


FAMILIES = [
    "listings",
    "kkr",
    "kommuner",
    "meetings",
    "items",
    "people",
    "networks",
    "experiments",
    "documents",
]


@pytest.fixture(scope="module")
def hostile() -> BuildContext:
    """Data whose names, titles, texts and an editor's description carry script payloads."""
    script, image = PAYLOADS
    return context(
        dataset(
            kkr(name=f"KKR {script}"),
            kommune(name=script, description=f"Se **her** {image} [klik](javascript:alert(2))"),
            meeting(participants=[{"name": script, "person": "jens-hansen", "kommune": "aalborg"}]),
            item(title=script, sections={"baggrund": [image], "beslutning": [script]}),
            person(name=script, kommune="aalborg"),
            network(name=script, theme=image),
            experiment(title=script, content=image),
            document(title=script, publisher=image),
        ),
        texts={"notat": f"{script}\n{image}\n"},
    )


@pytest.mark.parametrize("family", FAMILIES)
def test_payloads_in_yaml_are_shown_as_text(hostile: BuildContext, family: str) -> None:
    pages = render(hostile, family)
    assert pages
    for url, page in pages.items():
        html = body(page)
        assert "<script>" not in html and "<img src=x" not in html and '<img src="x"' not in html, url
        assert 'href="javascript' not in html, url
        assert "<script>" not in "\n".join(front_matter(page)), url  # JSON-escaped (\u003c)
    if family == "kommuner":
        html = body(pages["kommuner/aalborg/"])
        assert "&lt;script&gt;alert" in html
        assert "<strong>her</strong>" in html  # the Markdown itself is rendered


def test_editor_markdown_drops_raw_html_and_script_links() -> None:
    html = str(
        render_markdown("**fed** <script>x()</script> [a](javascript:alert(1)) [b](https://example.org)")
    )
    assert "<strong>fed</strong>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html
    assert 'href="https://example.org"' in html
