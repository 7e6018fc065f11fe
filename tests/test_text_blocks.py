"""Running text in light Markdown renders as paragraphs and lists, safely (issue 15, point 2)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape
from ruamel.yaml.scalarstring import LiteralScalarString

from kommuneatlas.site.render.linker import Linker
from kommuneatlas.site.render.text_blocks import render_blocks
from kommuneatlas.store.yaml import dump, load_round_trip
from kommuneatlas.text.light_markdown import group_blocks, parse_blocks
from site_fixtures import generate
from sitebuild import copy_data

REPO = Path(__file__).resolve().parents[1]
ITEM = "kkr-nordjylland-2022-03-25-2-1"
OUR_TAGS = re.compile(r"</?(?:p|ul|li|a)>|<ol start=\"\d+\">|</ol>|<a href=\"[^\"<>]*\">")


def _anchor(label: str, url: str) -> Markup:
    return Markup('<a href="{}">{}</a>').format(url, label)


_TAGS = {"paragraph": "p", "bullet": "ul", "numbered": "ol"}


def _pieces(text: str) -> list[tuple[str, list[str]]]:
    """The paragraphs and lists of ``text`` as the page shows them, each with its pieces' text."""
    return [
        (_TAGS[group[0].kind], [text[slice(*b.span)] for b in group])
        for group in group_blocks(parse_blocks(text))
    ]


def test_paragraphs_and_lists() -> None:
    text = "Rådet drøftede, herunder:\n\n- At et\n- At to\n\nDerefter:\n\n3. Tredje\n4. Fjerde\n\nSlut."
    assert _pieces(text) == [
        ("p", ["Rådet drøftede, herunder:"]),
        ("ul", ["At et", "At to"]),
        ("p", ["Derefter:"]),
        ("ol", ["Tredje", "Fjerde"]),
        ("p", ["Slut."]),
    ]
    rendered = str(render_blocks(text, [], _anchor))
    assert "<ul><li>At et</li><li>At to</li></ul>" in rendered
    assert '<ol start="3"><li>Tredje</li><li>Fjerde</li></ol>' in rendered


def test_wrapped_lines_a_list_after_its_paragraph_and_a_sentence_starting_with_a_date() -> None:
    text = "Punkter:\n- Et punkt\n  der fortsætter\n- To\n\n1. april 2022 mødes rådet."
    assert _pieces(text) == [
        ("p", ["Punkter:"]),
        ("ul", ["Et punkt\n  der fortsætter", "To"]),
        ("p", ["1. april 2022 mødes rådet."]),
    ]


def test_lists_split_over_paragraph_strings_are_one_list() -> None:
    """A list of paragraphs (``sections.baggrund``) whose strings are one list item each."""
    linker = Linker("x/")
    from kommuneatlas.site.render.environment import _text_groups

    [text] = _text_groups(["Herunder:", "- At et", "- At to"])
    assert str(linker.blocks(text)) == "<p>Herunder:</p>\n<ul><li>At et</li><li>At to</li></ul>"


def test_nothing_else_is_markdown_and_everything_is_escaped() -> None:
    rendered = str(render_blocks('**fed** <script>x()</script> [a](javascript:y) & "z"', [], _anchor))
    assert rendered == "<p>**fed** &lt;script&gt;x()&lt;/script&gt; [a](javascript:y) &amp; &#34;z&#34;</p>"
    assert str(render_blocks("Én linje", [], _anchor, tight=True)) == "Én linje"


def test_the_finder_runs_once_and_its_spans_are_clipped_to_the_pieces() -> None:
    text = "Jf. nedenfor:\n\n- Første § 83\n- anden"
    calls: list[str] = []
    start = text.index("§ 83")

    def finder(value: str, fallback: object) -> list[tuple[int, int, str]]:
        calls.append(value)
        return [(start, len(value), "love/sel/83/")]  # reaches over the end of the first item

    rendered = str(Linker("kkr/x/", finder).blocks(text))
    assert calls == [text]
    assert rendered.count('class="lovhenvisning"') == 2  # one link in each item it covers
    assert '<li>Første <a class="lovhenvisning" href="../../love/sel/83/">§ 83</a></li>' in rendered
    assert '<li><a class="lovhenvisning" href="../../love/sel/83/">anden</a></li>' in rendered


def _visible(rendered: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())


def _without_markers(text: str) -> str:
    lines = [re.sub(r"^[ \t]*(?:- |[0-9]{1,3}\. )(?=\S)", "", line) for line in text.split("\n")]
    return " ".join(" ".join(lines).split())


TEXT = st.text(alphabet="ab <>&\"'-.12\n\t", max_size=80)


@given(TEXT)
def test_rendering_escapes_every_character_and_loses_no_text(text: str) -> None:
    rendered = str(render_blocks(text, [], _anchor))
    assert "<" not in OUR_TAGS.sub("", rendered)  # no markup but the renderer's own
    assert _visible(rendered) == _without_markers(text)


@given(TEXT, st.lists(st.integers(min_value=0, max_value=80), max_size=6))
def test_every_link_lies_inside_its_span(text: str, cuts: list[int]) -> None:
    bounds = sorted({min(c, len(text)) for c in cuts})
    spans = [
        (s, e, f"u{n}") for n, (s, e) in enumerate(zip(bounds[::2], bounds[1::2], strict=False)) if s < e
    ]
    links: list[tuple[str, str]] = []

    def anchor(label: str, url: str) -> Markup:
        links.append((label, url))
        return escape(label)

    rendered = str(render_blocks(text, spans, anchor))
    by_url = {url: text[s:e] for s, e, url in spans}
    assert all(label and label in by_url[url] for label, url in links)
    assert _visible(rendered) == _without_markers(text)


def _decision_as_light_markdown(data: Path) -> Path:
    """Item 2.1's decision rewritten as extraction writes it now (contracts.md point 3): its
    paragraphs from ``sections.beslutning``, its bulleted points one per line, a reference added
    to the second point."""
    path = data / "items" / f"{ITEM}.yaml"
    item = load_round_trip(path)
    parts: list[str] = []
    for paragraph in item["sections"]["beslutning"]:
        if paragraph.startswith("- ") and parts and parts[-1].startswith("- "):
            parts[-1] += "\n" + paragraph
        else:
            parts.append(paragraph)
    text = "\n\n".join(parts)
    second = text.split("\n- ")[2].split("\n")[0]
    text = text.replace(second, f"{second} jf. servicelovens § 83")
    item["decision"] = LiteralScalarString(text)
    path.write_text(dump(item), encoding="utf-8")
    return path


def test_the_decision_of_item_2_1_shows_its_four_points_as_a_list(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = _decision_as_light_markdown(data)
    assert "decision: |" in path.read_text(encoding="utf-8")  # a block scalar an editor can read
    pages = {p.url: p for p in generate(data).pages}
    body = pages["kkr/nordjylland/2022-03-25/2-1/"].source
    decision = body.split('<div class="ka-beslutning">', 1)[1].split("</div>", 1)[0]
    [points] = re.findall(r"<ul>(.*?)</ul>", decision, re.DOTALL)
    assert points.count("<li>") == 4
    assert all(point.startswith("At ") for point in re.findall(r"<li>(.*?)</li>", points))
    assert '<a class="lovhenvisning" href="../../../../love/sel/83/">servicelovens § 83</a>' in points
    assert decision.count("<p>") == 3  # the three paragraphs before the list
