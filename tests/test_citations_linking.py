"""Find once, link everywhere: source-text lines, list items, citing sentences, laws the
catalogue lacks, ``cite``'s fields and the unknown-law report. Unit tests on a tiny site
(no MkDocs build)."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from kommuneatlas.citations import (
    LawCatalogue,
    annotate_markdown,
    find_citations,
    link_markdown,
    load_catalogue,
    markdown_citations,
    run_cite,
)
from kommuneatlas.citations.backlinks import Backlinks
from kommuneatlas.citations.collect import CitingText, SourceLines, SourceText, collect
from kommuneatlas.citations.context import context_of
from kommuneatlas.citations.report import report_lines, unknown_laws
from kommuneatlas.citations.targets import citation_finder, link_target
from kommuneatlas.cli import main
from kommuneatlas.site.context import BuildContext
from kommuneatlas.site.render.documents import source_text_pages
from kommuneatlas.site.render.linker import Linker
from site_fixtures import context, dataset, document, render
from sitebuild import copy_data

SOURCE = (
    "Rapport om forsøg\n"
    "Kommunen gav hjælp efter § 83 i ser-\n"
    "viceloven og efter §§ 76, 77 og\n"
    "82 i lov om hold af dyr.\n"
    "<p>Der er an-\n"
    "vendelse af servicelovens § 85.</p>\n"
)


@pytest.fixture(scope="module")
def tiny(catalogue: LawCatalogue) -> BuildContext:
    """A site of one document and its source text, its backlinks collected."""
    return context(
        dataset(document("rapport", title="Rapport")), catalogue=catalogue, texts={"rapport": SOURCE}
    )


def _links(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a class="lovhenvisning" href="([^"]+)">([^<]*)</a>', html)


def test_a_wrapped_reference_is_linked_on_both_lines_of_the_source_text(
    tiny: BuildContext,
) -> None:
    (page,) = source_text_pages(tiny, tiny.dataset.entities["documents"]["rapport"])
    lines = dict(
        re.findall(r'<div id="L(\d+)"><a class="ka-nr" href="#L\d+">\d+</a>(.*?)</div>', page.source)
    )
    assert _links(lines["2"]) == [("../../../../love/sel/83/", "§ 83 i ser-")]
    assert _links(lines["3"]) == [
        ("../../../../love/sel/83/", "viceloven"),
        ("../../../../love/lov-om-hold-af-dyr/76/", "§§ 76"),
        ("../../../../love/lov-om-hold-af-dyr/77/", "77"),
    ]
    assert _links(lines["4"]) == [("../../../../love/lov-om-hold-af-dyr/82/", "82 i lov om hold af dyr")]
    assert "&lt;p&gt;Der er an-" in lines["5"]  # the source text is shown as it is, escaped


def test_every_line_a_provision_page_points_to_links_that_provision(
    tiny: BuildContext,
) -> None:
    backlinks = tiny.backlinks
    (page,) = source_text_pages(tiny, tiny.dataset.entities["documents"]["rapport"])
    lines = dict(re.findall(r'<div id="L(\d+)">(.*?)</div>', page.source))
    sources = [o for o in backlinks.occurrences if o.group == "source"]
    assert len(sources) == 5
    for occurrence in sources:
        line = occurrence.url.split("#L")[1]
        assert f"love/{occurrence.law}/{occurrence.paragraph}/" in lines[line], occurrence


def test_citing_sentences_are_plain_dehyphenated_text(tiny: BuildContext) -> None:
    backlinks = tiny.backlinks
    contexts = {(o.law, o.paragraph): o for o in backlinks.occurrences}
    occurrence = contexts[("sel", "85")]
    assert occurrence.context == "Der er anvendelse af servicelovens § 85."
    start, end = occurrence.highlight
    assert occurrence.context[start:end] == "servicelovens § 85"
    wrapped = contexts[("sel", "83")]
    assert "serviceloven" in wrapped.context and "ser- viceloven" not in wrapped.context
    assert wrapped.context[slice(*wrapped.highlight)] == "§ 83 i serviceloven"


def test_backlinks_are_collected_from_plain_texts(catalogue: LawCatalogue) -> None:
    """collect needs no dataset: the site hands it the citing texts and the source texts."""
    source = SourceText(
        "documents", "notat", "Notat (kildetekst)", "2024-03-01",
        "Indledning\nHjælpen ydes efter § 83 i serviceloven.\n", lambda line: f"dokumenter/notat/tekst/1/#L{line}",
    )  # fmt: skip
    item = CitingText(
        "items", "items", "punkt-2", "kkr/x/2024-03-08/2/", "2 Hjælp", "2024-03-08",
        ("Udvalget drøftede hjælpen efter § 83.", "Sagen er uden henvisninger."), SourceLines("notat", 2, 2),
    )  # fmt: skip
    row = CitingText(
        "bureaucracy", "documents", "notat", "dokumenter/notat/", "Tilsyn", "2024-03-01",
        ("LAB § 31 Tilsynet er tungt",), shown=False,
    )  # fmt: skip
    backlinks = collect([item, row], [source], catalogue)
    found = {(o.group, o.entity_id): o for o in backlinks.occurrences}
    assert list(found) == [("source", "notat"), ("items", "punkt-2"), ("bureaucracy", "notat")]
    assert found[("source", "notat")].url == "dokumenter/notat/tekst/1/#L2"
    bare = found[("items", "punkt-2")]  # its law comes from the source document's line 2
    assert (bare.law, bare.paragraph, bare.explicit, bare.url, bare.title, bare.date) == (
        "sel", "83", False, "kkr/x/2024-03-08/2/", "2 Hjælp", "2024-03-08",
    )  # fmt: skip
    assert bare.context == "Udvalget drøftede hjælpen efter § 83."
    assert backlinks.fallbacks == {("items", "punkt-2"): {"83": "sel"}}
    assert found[("bureaucracy", "notat")].law == "lab"
    assert set(backlinks.spans) == {"Udvalget drøftede hjælpen efter § 83.", "Sagen er uden henvisninger."}
    text = item.texts[0]
    assert backlinks.spans[text] == [(text.index("§ 83"), len(text) - 1, "love/sel/83/")]


def test_context_of_markdown_leaves_out_marks() -> None:
    text = "Se <em>LAB § 31</em> og **servicelovens § 129** i [vejledningen](x.md)."
    sentence, (start, end) = context_of(text, text.index("servicelovens"), text.index(" i ["), markdown=True)
    assert sentence == "Se LAB § 31 og servicelovens § 129 i vejledningen."
    assert sentence[start:end] == "servicelovens § 129"


def test_the_citing_sentence_runs_past_abbreviations_and_ends_after_a_provision_letter() -> None:
    text = (
        "Hjælpen ydes jf. § 85 i serviceloven, bl.a. Ankestyrelsens praksis (jf. § 86) viser det. "
        "Se også § 4 a. Kommunen skal efter § 5 i serviceloven høre borgeren.<p>Ny del."
    )
    sentence, highlight = context_of(text, text.index("§ 85"), text.index(", bl.a."))
    assert (
        sentence == "Hjælpen ydes jf. § 85 i serviceloven, bl.a. Ankestyrelsens praksis (jf. § 86) viser det."
    )
    assert sentence[slice(*highlight)] == "§ 85 i serviceloven"
    sentence, _ = context_of(text, text.index("§ 5"), text.index(" høre"))
    assert sentence == "Kommunen skal efter § 5 i serviceloven høre borgeren."


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_markdown_with_any_line_ending_is_linked(newline: str, catalogue: LawCatalogue) -> None:
    source = newline.join(
        ["# Hjælp", "", "Efter servicelovens § 83 gives hjælp.", "", "> Se også § 85 i serviceloven."]
    )
    found = markdown_citations(source, catalogue)
    assert [source[c.start : c.end] for c in found] == ["servicelovens § 83", "§ 85 i serviceloven"]


def test_each_paragraph_of_a_list_gets_its_own_link(catalogue: LawCatalogue) -> None:
    linker = Linker("sider/x/", citation_finder(catalogue))
    html = str(linker.text("Efter § 83 og § 85 i serviceloven & §§ 41-42 i LAB."))
    assert _links(html) == [
        ("../../love/sel/83/", "§ 83"),
        ("../../love/sel/85/", "§ 85 i serviceloven"),
        ("../../love/lab/41/", "§§ 41-42 i LAB"),
    ]
    assert "&amp;" in html


def test_an_act_cited_without_paragraph_links_to_retsinformation(catalogue: LawCatalogue) -> None:
    linker = Linker("sider/x/", citation_finder(catalogue))
    html = str(linker.text("Se LBK nr. 265 af 25/02/2022 og lov nr. 1482 af 23. december 2014."))
    assert re.findall(r'<a class="lovhenvisning" href="([^"]+)" rel="external">([^<]*)</a>', html) == [
        ("https://www.retsinformation.dk/eli/lta/2022/265", "LBK nr. 265 af 25/02/2022"),
        ("https://www.retsinformation.dk/eli/lta/2014/1482", "lov nr. 1482 af 23. december 2014"),
    ]


def test_linker_text_uses_the_spans_found_once(catalogue: LawCatalogue, tiny: BuildContext) -> None:
    backlinks = tiny.backlinks
    text = "Efter servicelovens § 4."
    backlinks.spans[text] = [(0, 5, "love/x/")]
    linker = Linker("", citation_finder(catalogue, backlinks))
    assert _links(str(linker.text(text))) == [("love/x/", "Efter")]


def test_laws_the_catalogue_lacks_get_pages(catalogue: LawCatalogue, tiny: BuildContext) -> None:
    pages = render(tiny, "laws")
    law = pages["love/lov-om-hold-af-dyr/"]
    assert law.title == "Lov om hold af dyr" and "Ikke i lovkataloget" in law.source
    provision = pages["love/lov-om-hold-af-dyr/82/"]
    assert "(ikke i lovkataloget)" in provision.source
    assert "ikke i lovkataloget" not in pages["love/sel/85/"].source
    assert "ikke i lovkataloget (lov-om-hold-af-dyr)" in pages["love/"].source


def _law_pages(catalogue: LawCatalogue, text: str) -> tuple[dict[str, str], Backlinks]:
    ctx = context(dataset(document("notat", title="Notat")), catalogue=catalogue, texts={"notat": text})
    return {url: page.source for url, page in render(ctx, "laws").items()}, ctx.backlinks


def test_only_the_laws_the_site_cites_or_names_get_pages(catalogue: LawCatalogue) -> None:
    pages, backlinks = _law_pages(catalogue, "Efter LAB § 31.\nForvaltningsloven gælder også.\n")
    laws = {url for url in pages if url.count("/") == 2}
    assert laws == {"love/lab/", "love/forvaltningsloven/"}
    assert "love/sel/" not in pages and len(catalogue) > 150
    assert 'href="lab/"' in pages["love/"] and 'href="forvaltningsloven/"' in pages["love/"]
    assert 'href="sel/"' not in pages["love/"]
    # a text rendered later links only laws that have a page
    linker = Linker("x/", citation_finder(catalogue, backlinks))
    assert _links(str(linker.text("Se LAB § 31 og servicelovens § 83."))) == [("../love/lab/31/", "LAB § 31")]


def test_the_list_of_laws_runs_on_over_pages(catalogue: LawCatalogue) -> None:
    titles = [law.title for law in catalogue if law.title.lower().startswith("lov om")][:45]
    pages, _ = _law_pages(catalogue, "".join(f"§ 2 i {title}.\n" for title in titles))
    assert "love/side-2/" in pages and "love/side-3/" not in pages
    assert sum(pages[url].count("<tr>") - 1 for url in ("love/", "love/side-2/")) == len(titles)


def test_markdown_references_are_found_once_and_linked_from_what_was_found(catalogue: LawCatalogue) -> None:
    source = "Efter servicelovens § 83\nog § 85 og `LAB § 1` samt §§ 76, 77 i lov om hold af dyr.\n"
    found = markdown_citations(source, catalogue)
    assert [c.raw for c in found] == ["servicelovens § 83", "§ 85", "§§ 76", "77 i lov om hold af dyr"]
    assert annotate_markdown(source, found, link_target) == link_markdown(source, catalogue, link_target)
    assert "[77 i lov om hold af dyr](love/lov-om-hold-af-dyr/77/)" in link_markdown(
        source, catalogue, link_target
    )


# --- cite ----------------------------------------------------------------------------------------------------


def test_cite_adds_law_title_law_known_and_act(catalogue: LawCatalogue) -> None:
    text = "Jf. § 16 i lov nr. 551 af 7. maj 2019 og Ophavsretslovens § 4 samt LAB § 31."
    out = io.StringIO()
    assert run_cite(io.StringIO(text), out, catalogue) == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["law"], r["law_title"], r["law_known"], r["act"]) for r in rows] == [
        (
            "lov-2019-551",
            "Lov nr. 551 af 7. maj 2019",
            False,
            {
                "type": "LOV",
                "number": 551,
                "date": "2019-05-07",
                "url": "https://www.retsinformation.dk/eli/lta/2019/551",
            },
        ),
        ("ophavsretsloven", "Ophavsretsloven", False, None),
        ("lab", "Lov om en aktiv beskæftigelsesindsats", True, None),
    ]


def test_cite_works_in_any_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kommuneatlas.cli", "cite"],
        input="servicelovens § 102 og straffelovens § 245",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["law"] for line in result.stdout.splitlines()] == ["sel", "straffeloven"]


# --- the report of laws the catalogue lacks -----------------------------------------------------------------


def test_report_names_each_missing_law_with_its_count_and_the_line_that_adds_it(
    catalogue: LawCatalogue, tmp_path: Path
) -> None:
    texts = [
        "Efter dyreværnslovens § 24 og dyreværnsloven § 25, jf. lov om sikkerhed til søs § 3.",
        "Se § 16 i lov nr. 551 af 7. maj 2019 og servicelovens § 5. Søfartsloven nævnes blot.",
    ]
    lines = report_lines(unknown_laws(texts, catalogue), "data/laws.yaml")
    assert lines == [
        "data/laws.yaml: ikke i lovkataloget: Dyreværnsloven (2 henvisninger, id dyrevaernsloven); tilføj under "
        'laws: - {id: dyrevaernsloven, title: "Dyreværnsloven", short_names: ["dyreværnsloven"]}',
        "data/laws.yaml: ikke i lovkataloget: Lov nr. 551 af 7. maj 2019 (1 henvisning, id lov-2019-551); tilføj "
        'under laws: - {id: lov-2019-551, title: "Lov nr. 551 af 7. maj 2019", '
        'url: "https://www.retsinformation.dk/eli/lta/2019/551"}',
        "data/laws.yaml: ikke i lovkataloget: Lov om sikkerhed til søs (1 henvisning, id lov-om-sikkerhed-til-soes); "
        'tilføj under laws: - {id: lov-om-sikkerhed-til-soes, title: "Lov om sikkerhed til søs"}',
    ]
    # the suggested line is a catalogue entry as it stands: with it, the laws are known
    entries = "".join(f"  {line.split('tilføj under laws: ')[1]}\n" for line in lines)
    path = tmp_path / "laws.yaml"
    path.write_text(f"laws:\n{entries}", encoding="utf-8")
    YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    extended = load_catalogue(path)
    assert unknown_laws(texts, extended) == {}
    found = find_citations(texts[0], extended)
    assert [(c.law, c.law_known) for c in found] == [("dyrevaernsloven", True)] * 2 + [
        ("lov-om-sikkerhed-til-soes", True)
    ]


def test_validate_names_the_laws_the_catalogue_lacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = copy_data(tmp_path)
    item = data / "items" / "kkr-nordjylland-2022-03-25-1-1.yaml"
    text = item.read_text(encoding="utf-8")
    assert "\ndecision:\n" in text
    item.write_text(
        text.replace("\ndecision:\n", "\ndecision: Godkendt, jf. dyreværnslovens § 24 og § 25.\n"),
        encoding="utf-8",
    )
    assert main(["validate", "--data", str(data)]) == 0  # a law the catalogue lacks is no error
    err = capsys.readouterr().err
    assert (
        f"{data / 'laws.yaml'}: ikke i lovkataloget: Dyreværnsloven (2 henvisninger, id dyrevaernsloven)"
        in err
    )
