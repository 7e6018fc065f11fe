"""Headings of generated pages: template Markdown headings become HTML; data never does."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kommuneatlas.site.render.environment import make_environment
from kommuneatlas.site.render.headings import TocEntry, outline


def _render(tmp_path: Path, source: str, **context: object) -> str:
    (tmp_path / "page.md.j2").write_text(source, encoding="utf-8")
    return make_environment(tmp_path).get_template("page.md.j2").render(**context)


def test_template_heading_lines_become_elements_with_permalinks(tmp_path: Path) -> None:
    html = _render(tmp_path, "# {{ title }}\n\n## Forsøg\n<p>x</p>\n", title="Børn & unge")
    assert '<h1 id="boern-unge">Børn &amp; unge<a class="headerlink" href="#boern-unge"' in html
    assert (
        '<h2 id="forsoeg">Forsøg<a class="headerlink" href="#forsoeg" title="Link til dette afsnit">¶</a></h2>'
        in html
    )
    assert "#" not in html.replace('href="#', "")


def test_a_hash_in_the_data_stays_text(tmp_path: Path) -> None:
    html = _render(tmp_path, "<p>{{ text }}</p>\n{{ text }}\n", text="## Ikke en overskrift\n# heller ikke")
    assert "<h2" not in html and "<h1" not in html
    assert "## Ikke en overskrift" in html


def test_outline_nests_headings_and_makes_ids_unique(tmp_path: Path) -> None:
    html = _render(tmp_path, "# Titel\n## Bilag\n### Første\n## Bilag\n### Anden\n")
    page, toc = outline(html)
    assert [e.name for e in toc] == ["Titel"]
    assert [(e.id, [c.name for c in e.children]) for e in toc[0].children] == [
        ("bilag", ["Første"]),
        ("bilag-2", ["Anden"]),
    ]
    assert page.count('id="bilag"') == 1 and 'href="#bilag-2"' in page


@given(st.lists(st.sampled_from(["Bilag", "Møder", "Bilag 1", "§ 31"]), min_size=1, max_size=8))
def test_outline_ids_are_unique_and_every_heading_is_listed(names: list[str]) -> None:
    from kommuneatlas.site.render.headings import heading

    html = "".join(str(heading(name, 2)) for name in names)
    page, toc = outline(html)
    ids = [entry.id for entry in toc]
    assert len(ids) == len(set(ids)) == len(names)
    assert [entry.name for entry in toc] == names
    assert all(f'id="{i}"' in page for i in ids)


def test_outline_of_a_page_without_headings() -> None:
    assert outline("<p>tekst</p>") == ("<p>tekst</p>", [])
    assert TocEntry(2, "x", "X").children == []
