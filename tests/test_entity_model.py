"""The declarative entity model (issue 16, point 2): the declarations agree with the schemas and
templates, and what is derived from them (reverse lists, URLs, breadcrumbs, overview rows) is what
the pages showed when all of it was written by hand."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

import site_fixtures
from kommuneatlas.model.dataset import Dataset, load_dataset
from kommuneatlas.model.graph import Graph
from kommuneatlas.model.kinds import KINDS, SCHEMAS, TEXT_FIELDS
from kommuneatlas.model.schema import Column, EntityKind, Listing, Ref, field, via
from kommuneatlas.site.phases import citing_texts, render_pages
from kommuneatlas.site.render.listings import listing_rows

REPO = Path(__file__).resolve().parents[1]
ID_REFS = ("#/$defs/id", "#/$defs/optional_id")


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph(load_dataset(REPO / "data"))


def _schema_node(schema: dict[str, Any], ref: Ref) -> dict[str, Any]:
    node = schema
    for step in ref.steps:
        node = node["properties"][step.removesuffix("[]")]
        if step.endswith("[]"):
            node = node["items"]
    return node


@pytest.mark.parametrize(
    ("kind", "ref"),
    [(kind.name, ref) for kind in KINDS.values() for ref in kind.refs if not ref.path.startswith("**")],
    ids=lambda value: value if isinstance(value, str) else value.path,
)
def test_every_reference_is_an_id_in_its_kinds_schema(kind: str, ref: Ref) -> None:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    assert _schema_node(schema, ref).get("$ref") in ID_REFS
    assert ref.target in KINDS


@pytest.mark.parametrize("kind", KINDS.values(), ids=lambda kind: kind.name)
def test_each_kind_has_its_schema_template_and_a_root_overview(kind: Any) -> None:
    assert (SCHEMAS / f"{kind.name}.schema.json").is_file()
    assert (REPO / "templates" / kind.template).is_file()
    assert any(other.listing and other.listing.url == kind.root for other in KINDS.values())
    for path in [kind.parent] if kind.parent else []:
        assert not kind.ref(path).many and kind.ref(path).target in KINDS
    for placeholder in re.findall(r"\{(\w+):url\}", kind.url):
        assert not kind.ref(placeholder).many and kind.ref(placeholder).target in KINDS


def test_lists_of_one_name_keep_one_order() -> None:
    """Refs that feed the same reverse list (a person's attendance as participant or absentee)
    declare the same order, so the merged list has one."""
    orders: dict[tuple[str, str], tuple[Any, bool]] = {}
    for kind in KINDS.values():
        for ref in kind.refs:
            if ref.reverse:
                key = (ref.target, ref.reverse)
                assert orders.setdefault(key, (ref.order, ref.descending)) == (ref.order, ref.descending), key


def test_text_fields_are_the_cited_fields() -> None:
    assert {kind.name: kind.cited_fields for kind in KINDS.values() if kind.cited_fields} == TEXT_FIELDS


def test_citing_texts_take_their_titles_and_dates_from_the_declarations(graph: Graph) -> None:
    """A backlink names its citing page by the kind's ``title_of`` and dates it by its ``date_of``:
    an item by its number and title and its meeting's date, the others by their source document's."""
    texts = {(t.kind, t.id): t for t in citing_texts(graph.dataset, graph) if t.group == t.kind}
    item = texts[("items", "kkr-nordjylland-2022-03-25-2-1")]
    assert (item.title, item.date) == ("2.1 Sundhedsklynger", "2022-03-25")
    experiment = texts[("experiments", "mikrolaan")]
    assert (experiment.title, experiment.date) == ("Mikrolån", "2019-02-01")
    assert len(texts) == sum(len(graph.all(name)) for name in TEXT_FIELDS)


def test_urls_and_breadcrumbs_follow_the_declared_patterns_and_parents(graph: Graph) -> None:
    item = graph.get("items", "kkr-nordjylland-2022-03-25-2-1")
    assert item is not None
    assert graph.url_of("items", item) == "kkr/nordjylland/2022-03-25/2-1/"
    assert graph.crumbs("items", item) == [
        ("kkr/", "KKR'er"),
        ("kkr/nordjylland/", "KKR Nordjylland"),
        ("kkr/nordjylland/2022-03-25/", "25. marts 2022"),
    ]
    experiment = graph.get("experiments", "mikrolaan")
    assert experiment is not None
    assert graph.crumbs("experiments", experiment) == [
        ("frikommuner/", "Frikommunenetværk"),
        (
            "frikommuner/en-mere-fleksibel-og-effektiv-beskaeftigelsesindsats/",
            "En mere fleksibel og effektiv beskæftigelsesindsats",
        ),
    ]
    kommune = graph.get("kommuner", "aalborg")
    assert kommune is not None
    assert graph.trail("kommuner", kommune) == [
        ("kommuner/", "Kommuner"),
        ("kommuner/aalborg/", "Aalborg Kommune"),
    ]


def _dataset(**entities: list[dict[str, Any]]) -> Dataset:
    dataset = Dataset(root=Path("."))
    dataset.entities = {kind: {e["id"]: e for e in entities.get(kind, [])} for kind in KINDS}
    return dataset


def test_attendance_is_newest_meeting_first_then_participants_before_absentees() -> None:
    graph = Graph(
        _dataset(
            kkr=[{"id": "nord", "name": "KKR Nord", "kommuner": []}],
            meetings=[
                {
                    "id": "m1",
                    "kkr": "nord",
                    "date": "2022-01-21",
                    "participants": [{"name": "A", "person": "a"}],
                },
                {
                    "id": "m2",
                    "kkr": "nord",
                    "date": "2022-03-25",
                    "absent": [{"name": "A", "person": "a"}],
                    "participants": [{"name": "A", "person": "a"}],
                },
            ],
            people=[{"id": "a", "name": "A"}],
        )
    )
    attendance = [(b.entity["id"], b.ref.path) for b in graph.reverse("people", "a", "attendance")]
    assert attendance == [
        ("m2", "participants[].person"),
        ("m2", "absent[].person"),
        ("m1", "participants[].person"),
    ]
    assert [m["id"] for m in graph.referrers("kkr", "nord", "meetings")] == ["m2", "m1"]


def test_items_follow_their_number_and_a_kommunes_networks_theirs() -> None:
    graph = Graph(
        _dataset(
            meetings=[{"id": "m", "kkr": "nord", "date": "2022-03-25"}],
            items=[{"id": f"i{n}", "meeting": "m", "number": n, "title": n} for n in ("2.10", "1.1", "2.9")],
            networks=[
                {"id": "n2", "number": 2, "name": "To", "kommuner": [], "inactive_kommuner": ["aalborg"]},
                {"id": "n1", "number": 1, "name": "Et", "kommuner": ["aalborg"]},
            ],
        )
    )
    assert [i["number"] for i in graph.referrers("meetings", "m", "items")] == ["1.1", "2.9", "2.10"]
    assert [n["id"] for n in graph.referrers("kommuner", "aalborg", "networks")] == ["n1", "n2"]
    assert graph.url("items", "i2.10") == "kkr/nord/2022-03-25/2-10/"


def test_an_item_of_no_meeting_has_no_url() -> None:
    graph = Graph(_dataset(items=[{"id": "i", "meeting": "ukendt", "number": "1.1", "title": "T"}]))
    assert graph.url("items", "i") is None


def test_overview_rows_show_names_links_and_dates(graph: Graph) -> None:
    rows = listing_rows(KINDS["experiments"], graph)
    mikrolaan = next(row for row in rows if row[0][1] == "Mikrolån")
    assert mikrolaan[0] == ("forsoeg/mikrolaan/", "Mikrolån")
    assert mikrolaan[1] == ("frikommuner/en-mere-fleksibel-og-effektiv-beskaeftigelsesindsats/", 1)
    assert mikrolaan[2] == "Aalborg"
    assert str(mikrolaan[3]) == '<time datetime="2017-07-01">1. juli 2017</time>'
    (meeting,) = listing_rows(KINDS["meetings"], graph)
    assert meeting == [("kkr/nordjylland/2022-03-25/", "25. marts 2022"), "KKR Nordjylland", 14]
    people = listing_rows(KINDS["people"], graph)
    assert [row[2] for row in people if row[0][1] == "Anna Aaen"] == ["Aalborg"]


def _guide_table() -> set[tuple[str, str, str]]:
    """(kind, field, target) of each row of the editors' guide's "Henvisninger mellem poster"."""
    section = (
        (REPO / "content" / "redaktoer.md")
        .read_text(encoding="utf-8")
        .split("## Henvisninger mellem poster")[1]
    )
    found = set()
    for row in [line for line in section.split("\n## ")[0].splitlines() if line.startswith("| ")][1:]:
        where, fields, target = (re.findall(r"`([^`]+)`", cell) for cell in row.strip("|").split(" | "))
        folders = [folder.removeprefix("data/").strip("/") for folder in where]
        kinds = [k for k in KINDS if k not in folders] if row.startswith("| alle") else folders
        for kind in kinds:
            for name in fields:
                path = "**.law" if name == "law" else name
                found.add(
                    (
                        kind,
                        path,
                        target[0].removeprefix("data/").strip("/")
                        if target[0] != "data/laws.yaml"
                        else "laws",
                    )
                )
    return found


def test_the_editors_guide_lists_every_reference() -> None:
    declared = {(kind.name, ref.path, ref.target) for kind in KINDS.values() for ref in kind.refs}
    assert _guide_table() == declared


def test_a_new_kind_is_one_declaration_and_one_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kind of entity the site did not know (bodies a KKR appoints to) gets its pages, overview,
    breadcrumbs and the reverse list on its KKR from its declaration and template alone."""
    bodies = EntityKind(
        "bodies", "organ", url="organer/{id}/", root="organer/", label_of=field("name"),
        refs=(Ref("kkr", "kkr", reverse="bodies"),),
        listing=Listing("organer/", "Organer", "Råd og udvalg, som KKR udpeger til.",
                        (Column("Organ", field("name"), link=True), Column("KKR", via("kkr", "name")))),
        template="body.md.j2", search_type="organ", facets={"kkr": via("kkr", "name")},
    )  # fmt: skip
    monkeypatch.setitem(KINDS, "bodies", bodies)
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    (templates / "body.md.j2").write_text(
        '{% extends "_base.md.j2" %}\n{% block body %}<p class="organ">{{ entity.name }}</p>{% endblock %}\n',
        encoding="utf-8",
    )
    site = _dataset(
        kkr=[{"id": "nord", "name": "KKR Nord", "region": "Nord", "kommuner": []}],
        bodies=[{"id": "rammeaftale", "name": "Rammeaftaleudvalget", "kkr": "nord"}],
    )
    ctx = site_fixtures.context(site, templates=templates, check=False)  # "bodies" has no schema
    pages = {page.url: page for page in render_pages(ctx)}
    assert ctx.graph.referrers("kkr", "nord", "bodies") == [site.get("bodies", "rammeaftale")]
    page = pages["organer/rammeaftale/"].source
    assert '<p class="organ">Rammeaftaleudvalget</p>' in page and '"kkr": ["KKR Nord"]' in page
    assert '<li><a href="../">Organer</a></li>' in page  # its breadcrumb: the overview
    overview = pages["organer/"].source
    assert '<a href="rammeaftale/">Rammeaftaleudvalget</a>' in overview and "<td>KKR Nord</td>" in overview
