"""Pages rendered from small in-memory data, without MkDocs (as MkDocs' own ``tests/base.py``).

A test builds a :class:`~kommuneatlas.model.dataset.Dataset` from a few records, each filled with
small Danish defaults for the fields it does not care about, makes the build context through the
same phases a real build runs, and renders only the page family it tests::

    ctx = context(dataset(kkr(), meeting(), item(title="Sag om veje")))
    pages = render(ctx, "meetings")

``context`` validates the dataset against the schemas and the declared references first, so a
fixture cannot drift from what real data may hold.
"""

from __future__ import annotations

import html
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from kommuneatlas.citations import LawCatalogue, load_catalogue
from kommuneatlas.errors import Problem
from kommuneatlas.model.dataset import Dataset, Entity
from kommuneatlas.model.validate import validate_data
from kommuneatlas.site.context import BuildContext
from kommuneatlas.site.phases import (
    BuildInputs,
    Generated,
    Loaded,
    build_content,
    collect_references,
    index,
    render_entities,
)
from kommuneatlas.site.phases import context as make_context
from kommuneatlas.site.render.laws import render_laws
from kommuneatlas.site.render.listings import render_listings
from kommuneatlas.site.render.page import Page
from kommuneatlas.store.yaml import dump

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = REPO / "templates"

Record = tuple[str, Entity]


def kkr(id: str = "nordjylland", **fields: Any) -> Record:
    return "kkr", {"id": id, "name": f"KKR {id.capitalize()}", "region": id.capitalize(),
                   "kommuner": ["aalborg"], **fields}  # fmt: skip


def kommune(id: str = "aalborg", kkr: str = "nordjylland", **fields: Any) -> Record:
    return "kommuner", {"id": id, "name": id.capitalize(), "code": 851, "region": kkr.capitalize(),
                        "kkr": kkr, **fields}  # fmt: skip


def meeting(id: str = "kkr-nordjylland-2022-03-25", kkr: str = "nordjylland", **fields: Any) -> Record:
    return "meetings", {"id": id, "kkr": kkr, "date": date(2022, 3, 25), "participants": [], **fields}


def item(id: str = "kkr-nordjylland-2022-03-25-1", meeting: str = "kkr-nordjylland-2022-03-25",
         **fields: Any) -> Record:  # fmt: skip
    return "items", {"id": id, "meeting": meeting, "number": "1", "title": "Orientering om rammeaftalen",
                     **fields}  # fmt: skip


def person(id: str = "jens-hansen", **fields: Any) -> Record:
    return "people", {"id": id, "name": " ".join(part.capitalize() for part in id.split("-")), **fields}


def network(id: str = "faerre-regler", **fields: Any) -> Record:
    return "networks", {"id": id, "number": 1, "name": "Færre regler for borgerne", "kommuner": ["aalborg"],
                        **fields}  # fmt: skip


def experiment(
    id: str = "fritagelse-for-opfoelgning", network: str = "faerre-regler", **fields: Any
) -> Record:
    return "experiments", {"id": id, "network": network, "title": "Fritagelse for opfølgning",
                           "kommuner": ["aalborg"], **fields}  # fmt: skip


def document(id: str = "notat", **fields: Any) -> Record:
    return "documents", {"id": id, "title": "Notat om tilsyn", "kind": "document", "file": f"{id}.txt",
                         "publisher": "Ankestyrelsen", "date": date(2024, 5, 2), **fields}  # fmt: skip


def dataset(*records: Record) -> Dataset:
    """The records in memory: no files, so no edit paths."""
    data = Dataset(root=Path("."))
    for kind, entity in records:
        data.entities.setdefault(kind, {})[entity["id"]] = entity
    return data


def validate(data: Dataset) -> list[Problem]:
    """What ``kommuneatlas validate`` says of ``data`` written out as YAML files (with the
    repository's reference list of kommuner)."""
    with tempfile.TemporaryDirectory() as folder:
        return validate_data(write(data, Path(folder) / "data"))


def write(data: Dataset, folder: Path) -> Path:
    """``data`` as a data folder of YAML files (with the repository's reference list of kommuner)."""
    shutil.copytree(REPO / "data" / "reference", folder / "reference")
    for kind, entities in data.entities.items():
        (folder / kind).mkdir()
        for entity_id, entity in entities.items():
            (folder / kind / f"{entity_id}.yaml").write_text(dump(entity), encoding="utf-8")
    return folder


def context(
    data: Dataset,
    *,
    catalogue: LawCatalogue | None = None,
    texts: Mapping[str, str] | None = None,
    content: Mapping[str, tuple[str, str]] | None = None,
    templates: Path = TEMPLATES,
    check: bool = True,
) -> BuildContext:
    """The build context of ``data``, through the build's own phases (index, references, context).
    ``texts``: document id → source text; ``content``: URL → (title, Markdown) of hand-written pages."""
    if check:
        problems = validate(data)
        assert not problems, "\n".join(map(str, problems))
    inputs = BuildInputs(data.root, templates, content=dict(content or {}))
    loaded = Loaded(data, catalogue or load_catalogue(), dict(texts or {}), {})
    graph = index(loaded)
    return make_context(inputs, loaded, graph, collect_references(loaded, graph, inputs))


FAMILIES: dict[str, Callable[[BuildContext], Iterable[Page]]] = {
    "listings": render_listings,
    "laws": render_laws,
}


def render(ctx: BuildContext, family: str) -> dict[str, Page]:
    """The pages of one family, by URL: ``"listings"``, ``"laws"`` or an entity kind (``"kkr"`` …)."""
    pages = FAMILIES[family](ctx) if family in FAMILIES else render_entities(ctx, [family])
    return {page.url: page for page in pages}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href, self._text = dict(attrs).get("href") or "", []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text).strip()))
            self._href = None


def links(page: Page) -> list[tuple[str, str]]:
    """(href, text) of every link in the page's HTML to another page or file (not the headings'
    permalinks within the page)."""
    parser = _Links()
    parser.feed(body(page))
    return [(href, label) for href, label in parser.links if not href.startswith("#")]


def body(page: Page) -> str:
    """The page's HTML, without its front matter."""
    return re.sub(r"\A---\n.*?\n---\n", "", page.source, flags=re.S)


def text(page: Page) -> str:
    """The page's visible text, tags removed and white space folded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body(page))).split())


def front_matter(page: Page) -> Iterator[str]:
    """The lines of the page's front matter."""
    match = re.match(r"\A---\n(.*?)\n---\n", page.source, flags=re.S)
    yield from (match.group(1).splitlines() if match else [])


def generate(data: Path, repo_root: Path | None = None, repo_url: str | None = None) -> Generated:
    """Every page and data file of the data folder ``data``, rendered without MkDocs."""
    return build_content(BuildInputs(data, TEMPLATES, repo_root=repo_root, repo_url=repo_url))
