"""What the engine writes: ``cite`` JSON lines, Markdown links, escaped HTML."""

from __future__ import annotations

import io
import json

import pytest

from conftest import REPO
from kommuneatlas.citations import (
    JSON_KEYS,
    Citation,
    LawCatalogue,
    link_markdown,
    link_text_html,
    load_catalogue,
    provision_id,
    run_cite,
)
from kommuneatlas.sources.manifest import SourceDocument


@pytest.fixture(scope="module")
def catalogue() -> LawCatalogue:
    return load_catalogue(REPO / "data" / "laws.yaml")


def href(citation: Citation) -> str | None:
    if citation.law is None:
        return None
    if citation.paragraphs:
        return f"/love/{citation.law}/{provision_id(citation.law, citation.paragraphs[0])}/"
    return f"/love/{citation.law}/"


# --- cite ---------------------------------------------------------------------------------------


def cite(text: str, catalogue: LawCatalogue) -> tuple[int, str]:
    out = io.StringIO()
    status = run_cite(io.StringIO(text), out, catalogue)
    return status, out.getvalue()


def test_cite_prints_one_json_object_per_reference(catalogue: LawCatalogue) -> None:
    text = "Æ jf. servicelovens §\n83 og § 85; bostøtte (§ 129).\n"
    status, output = cite(text, catalogue)
    assert status == 0
    lines = output.splitlines()
    assert "§" in output and "\\u00a7" not in output  # ensure_ascii=False
    objects = [json.loads(line) for line in lines]
    assert [tuple(obj) for obj in objects] == [JSON_KEYS, JSON_KEYS]
    assert objects == [
        {
            "raw": "servicelovens §\n83 og § 85",
            "start": text.index("servicelovens"),
            "end": text.index(";"),
            "law": "sel",
            "paragraphs": ["83", "85"],
            "stk": [],
            "nr": [],
            "chapter": [],
            "explicit": True,
            "law_title": "Lov om social service",
            "law_known": True,
            "act": None,
        },
        {
            "raw": "§ 129",
            "start": text.index("§ 129"),
            "end": text.index(")."),
            "law": "sel",
            "paragraphs": ["129"],
            "stk": [],
            "nr": [],
            "chapter": [],
            "explicit": False,
            "law_title": "Lov om social service",
            "law_known": True,
            "act": None,
        },
    ]
    for obj in objects:
        assert text[obj["start"] : obj["end"]] == obj["raw"]


def test_cite_on_a_raw_seed(documents: dict[str, SourceDocument], catalogue: LawCatalogue) -> None:
    text = documents["004"].path.read_text(encoding="utf-8")
    _, output = cite(text, catalogue)
    objects = [json.loads(line) for line in output.splitlines()]
    assert len(objects) > 100
    for obj in objects:
        assert text[obj["start"] : obj["end"]] == obj["raw"]
    ranged = [obj for obj in objects if obj["raw"] == "LAB §§ 92-96c"]
    assert [(obj["law"], obj["paragraphs"], obj["explicit"]) for obj in ranged] == [("lab", ["92-96c"], True)]


def test_cite_on_empty_input(catalogue: LawCatalogue) -> None:
    assert cite("", catalogue) == (0, "")


# --- Markdown ------------------------------------------------------------------------------------

UNTOUCHED = [
    "Se `LAB § 31` i koden.",
    "Se ``SEL § 5 ` og`` her.",
    "```\nLAB § 31\n```\n",
    "~~~python\nx = 'SEL § 5'\n~~~\n",
    "    LAB § 31 (indrykket kode)\n",
    "Se [LAB § 31](https://example.org/lab).",
    "Se [LAB § 31][ref].\n\n[ref]: https://example.org/lab\n",
    "Se <https://example.org/SEL§5>.",
    '<div class="x">\nLAB § 31\n</div>\n',
    'Tekst <a href="https://example.org">LAB § 31</a> slut.',
    "# Overskrift om LAB § 31\n",
    "Overskrift om LAB § 31\n======================\n",
    "![LAB § 31](figur.png)",
    "Se § 129 uden lov.",
]


@pytest.mark.parametrize("source", UNTOUCHED)
def test_markdown_left_untouched(source: str, catalogue: LawCatalogue) -> None:
    assert link_markdown(source, catalogue, href) == source


LINKED = [
    ("Efter LAB § 31 skal", "Efter [LAB § 31](/love/lab/31/) skal"),
    (
        "Efter servicelovens § 83\nog § 85 kan `kode` og [SEL § 1](x) samt SEL § 2.",
        "Efter [servicelovens § 83](/love/sel/83/)\nog [§ 85](/love/sel/85/) kan `kode` og [SEL § 1](x) samt "
        "[SEL § 2](/love/sel/2/).",
    ),
    ("> citat: jf. SEL § 107\n> og mere", "> citat: jf. [SEL § 107](/love/sel/107/)\n> og mere"),
    ("- punkt om LAB § 2,\n  nr. 1 her", "- punkt om [LAB § 2,\n  nr. 1](/love/lab/2/) her"),
    (
        "| a | b |\n|---|---|\n| SEL § 4 | x SEL § 4 |\n",
        "| a | b |\n|---|---|\n| [SEL § 4](/love/sel/4/) | x [SEL § 4](/love/sel/4/) |\n",
    ),
    ("Om **LAB** § 31 a.", "Om **LAB** [§ 31 a](/love/lab/31a/)."),
    ("Se *LAB § 31* \\* &amp; mere.", "Se *[LAB § 31](/love/lab/31/)* \\* &amp; mere."),
    (
        "## Serviceloven\n\nEfter § 85 ydes bostøtte.",
        "## Serviceloven\n\nEfter [§ 85](/love/sel/85/) ydes bostøtte.",
    ),
    (
        "Efter BR, kap. 23 og LAS kapitel 4.",
        "Efter [BR, kap. 23](/love/bygningsreglementet/) og [LAS kapitel 4](/love/las/).",
    ),
]


@pytest.mark.parametrize(("source", "expected"), LINKED)
def test_markdown_linked(source: str, expected: str, catalogue: LawCatalogue) -> None:
    assert link_markdown(source, catalogue, href) == expected


def test_markdown_linking_twice_changes_nothing(catalogue: LawCatalogue) -> None:
    once = link_markdown("Efter LAB § 31 og `SEL § 2`.", catalogue, href)
    assert link_markdown(once, catalogue, href) == once


def test_markdown_href_with_spaces_is_encoded(catalogue: LawCatalogue) -> None:
    assert (
        link_markdown("LAB § 31", catalogue, lambda c: "/love/lab/31 a (x)/")
        == "[LAB § 31](/love/lab/31%20a%20%28x%29/)"
    )


# --- HTML -------------------------------------------------------------------------------------------


def test_link_text_html_escapes_and_links(catalogue: LawCatalogue) -> None:
    text = 'Efter <SEL> "§ 83" & servicelovens § 85. Se § 86'
    assert link_text_html(text, catalogue, href) == (
        "Efter &lt;SEL&gt; &quot;"
        '<a class="lovhenvisning" href="/love/sel/83/">§ 83</a>'
        "&quot; &amp; "
        '<a class="lovhenvisning" href="/love/sel/85/">servicelovens § 85</a>'
        '. Se <a class="lovhenvisning" href="/love/sel/86/">§ 86</a>'
    )


def test_link_text_html_uses_context_law(catalogue: LawCatalogue) -> None:
    assert link_text_html("Efter § 5.", catalogue, href) == "Efter § 5."
    assert link_text_html("Efter § 5.", catalogue, href, context_law="lab") == (
        'Efter <a class="lovhenvisning" href="/love/lab/5/">§ 5</a>.'
    )
