"""The law catalogue: derived forms, data/laws.yaml itself, errors with file:line, provision keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import REPO
from kommuneatlas.citations import Law, LawCatalogue, find_citations, load_catalogue, provision_id
from kommuneatlas.citations.catalogue import PACKAGED
from kommuneatlas.errors import KommuneatlasError

LAWS = REPO / "data" / "laws.yaml"


@pytest.fixture(scope="module")
def catalogue() -> LawCatalogue:
    return load_catalogue(LAWS)


def test_forms_are_derived(catalogue: LawCatalogue) -> None:
    assert catalogue.lookup("servicelovens") == ("sel",)
    assert catalogue.lookup("Servicelov") == ("sel",)
    assert catalogue.lookup("SERVICELOVEN") == ("sel",)
    assert catalogue.lookup("Lov om Social Service") == ("sel",)
    assert catalogue.lookup("LAB-lovens") == ("lab",)
    assert catalogue.lookup("lab") == ()  # abbreviations are case-sensitive
    assert catalogue.lookup("lov om almene boliger") == ("abl",)
    assert catalogue.lookup("lov om almene boliger mv.") == ("abl",)
    assert catalogue.lookup("Lov om almene boliger m.v.") == ("abl",)
    assert catalogue.lookup("integrationslovens") == ("integrationsloven",)
    assert catalogue.lookup("Lov om integration af udlændinge i  Danmark") == ("integrationsloven",)
    assert catalogue.lookup("bygningsreglement") == ("bygningsreglementet",)
    assert catalogue.lookup("frikommunelov") == ("frikommuneloven",)
    assert catalogue.lookup("lovforslag nr. L 200 om frikommunenetværk") == ("frikommuneloven",)
    assert catalogue.lookup("BAB-loven") == ()  # "-loven" only for acts titled "Lov …"


def test_data_file_starts_with_schema_comment_and_matches_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    text = LAWS.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/laws.schema.json\n")
    schema = json.loads((REPO / "schemas" / "laws.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(YAML(typ="safe").load(text), schema)


def test_common_municipal_laws_are_covered(catalogue: LawCatalogue) -> None:
    for name in (
        "forvaltningsloven",
        "offentlighedsloven",
        "retssikkerhedsloven",
        "barnets lov",
        "sundhedsloven",
        "planloven",
        "byggeloven",
        "lejeloven",
        "sygedagpengeloven",
        "kommunestyrelsesloven",
        "persondataloven",
        "databeskyttelsesloven",
    ):
        assert catalogue.lookup(name), name
    assert catalogue.ids()[:2] == ["sel", "barnets-lov"]


def test_a_new_alias_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "laws.yaml"
    path.write_text(
        "laws:\n  - id: lab\n    title: Lov om en aktiv beskæftigelsesindsats\n    abbreviations: [LAB]\n"
        "    short_names: [beskæftigelsesloven]\n",
        encoding="utf-8",
    )
    citation = find_citations("jf. beskæftigelseslovens § 85", load_catalogue(path))[0]
    assert (citation.law, citation.paragraphs) == ("lab", ["85"])


def test_shared_names_must_be_declared_by_both_laws() -> None:
    first = Law("aa", "Lov om a", abbreviations=("XL",), shared=("XL",))
    second = Law("bb", "Lov om b", abbreviations=("XL",), shared=("XL",), context_words=("bygning",))
    catalogue = LawCatalogue([first, second])
    assert catalogue.lookup("XL") == ("aa", "bb")
    assert find_citations("Efter XL § 3 om bygning", catalogue)[0].law == "bb"
    assert find_citations("Efter XL § 3", catalogue)[0].law == "aa"  # no context word: the first listed
    with pytest.raises(KommuneatlasError, match="er også navn på loven 'aa'"):
        LawCatalogue([first, Law("bb", "Lov om b", abbreviations=("XL",))])


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "laws.yaml"
    path.write_text(text, encoding="utf-8")
    return path


ERRORS = [
    ("laws:\n  - id: sel\n    title: [unclosed\n", 4, "YAML-syntaksfejl: forventede ',' eller ']'"),
    ("laws:\n  - id: sel\n    short_names: [serviceloven]\n", 2, "mangler 'title'"),
    ("laws:\n  - id: sel\n    title: A\n  - id: sel\n    title: B\n", 4, "lov-id'et 'sel' findes to gange"),
    (
        "laws:\n  - id: sel\n    title: A\n    short_names: [serviceloven]\n"
        "  - id: sl\n    title: B\n    short_names: [Serviceloven]\n",
        5,
        "er også navn på loven 'sel' (linje 2)",
    ),
    ("laws:\n  - id: sel\n    title: A\n    aliases: [x]\n", 4, "ukendt felt 'aliases'"),
    ("laws:\n  - id: Sel\n    title: A\n", 2, "må kun bestå af små bogstaver"),
    ("laws:\n  - id: sel\n    title: A\n    abbreviations: SEL\n", 4, "skal være en liste af tekster"),
    ("laws:\n  - id: sel\n    title: A\n    shared: [SEL]\n", 4, "er ikke et af lovens navne"),
    ("laws:\n  - id: sel\n    title: A\n    url: www.x.dk\n", 4, "http(s)-adresse"),
    ("- id: sel\n  title: A\n", 1, "forventede en mapping med en liste under 'laws:'"),
    ("laws: []\nlove: []\n", 2, "ukendt nøgle 'love'"),
]


@pytest.mark.parametrize(("text", "line", "message"), ERRORS, ids=[e[2] for e in ERRORS])
def test_catalogue_errors_carry_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(KommuneatlasError) as caught:
        load_catalogue(path)
    assert f"{path}:{line}" in str(caught.value)
    assert message in str(caught.value)


def test_a_catalogue_not_in_utf8_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "laws.yaml"
    path.write_bytes(
        "laws:\n  - id: sel\n    title: Lov om social service\n".encode("latin-1").replace(b"o", b"\xf8")
    )
    with pytest.raises(KommuneatlasError, match="ikke UTF-8-tekst"):
        load_catalogue(path)


def test_missing_project_catalogue_leaves_the_packaged_one(tmp_path: Path) -> None:
    catalogue = load_catalogue(tmp_path / "missing.yaml")
    assert catalogue.ids() == load_catalogue().ids()
    assert find_citations("servicelovens § 102", catalogue)[0].law == "sel"


def test_project_catalogue_extends_and_overrides(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "laws:\n  - id: sel\n    title: Lov om social service\n    short_names: [sociallovgivningen]\n"
        "  - id: ny-lov\n    title: Lov om noget nyt\n",
    )
    catalogue = load_catalogue(path)
    assert catalogue.ids()[-1] == "ny-lov" and "sel" in catalogue
    assert find_citations("§ 3 i lov om noget nyt", catalogue)[0].law == "ny-lov"
    assert find_citations("sociallovgivningens § 4", catalogue)[0].law == "sel"
    replaced = find_citations("servicelovens § 4", catalogue)[0]  # no longer a name of sel
    assert (replaced.law, replaced.law_known) == ("serviceloven", False)


@pytest.mark.parametrize(
    ("paragraph", "slug"),
    [("129", "129"), ("31a", "31a"), ("31 A", "31a"), ("92-96c", "92-96c"), ("27c-27k", "27c-27k")],
)
def test_provision_id(paragraph: str, slug: str) -> None:
    assert provision_id("sel", paragraph) == slug


@pytest.mark.parametrize(("law", "paragraph"), [("SEL", "129"), ("sel", "kap. 2"), ("sel", "")])
def test_provision_id_rejects_what_is_no_provision(law: str, paragraph: str) -> None:
    with pytest.raises(ValueError):
        provision_id(law, paragraph)


def test_a_clash_names_the_file_of_each_law(tmp_path: Path) -> None:
    """A project entry that takes a name of a later packaged law: the message points at the packaged
    law's line in the packaged file and names the project file's line of the other."""
    path = write(
        tmp_path, "laws:\n  - id: sel\n    title: Lov om social service\n    short_names: [sundhedsloven]\n"
    )
    with pytest.raises(KommuneatlasError) as caught:
        load_catalogue(path)
    message = str(caught.value)
    packaged_line = next(
        n
        for n, line in enumerate(PACKAGED.read_text(encoding="utf-8").splitlines(), 1)
        if "id: sundhedsloven" in line
    )
    assert f"{PACKAGED}:{packaged_line}: loven 'sundhedsloven'" in message
    assert f"er også navn på loven 'sel' ({path}, linje 2)" in message
