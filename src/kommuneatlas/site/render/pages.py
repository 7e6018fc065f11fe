"""Every generated page of the site, as Markdown, from the data (see :class:`SiteRenderer`)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment

from ...citations.targets import CitationFinder
from ...model.dataset import Entity, SiteData
from ...model.financing import check_financing
from ...model.graph import Graph
from ...model.kinds import KINDS, MEETINGS
from ...model.urls import SOURCE_CHUNK, api_url, calendar_url, data_file_url, feed_url, source_text_url
from ...sources.document_types import type_label
from ...store.history import Commit
from ...text.danish_format import danish_date, danish_number
from ...text.lines import line_bounds
from .environment import make_environment, time_element
from .headings import TocEntry, outline
from .history import page_history
from .linker import Linker
from .listings import listing_rows
from .paging import LISTING_ROWS, PREVIEW_ROWS, WIDE_ROWS, Pager, Related, chunked, page_url
from .safe_markdown import render_markdown

ITEM_SECTIONS = [
    ("baggrund", "Baggrund"),
    ("indstilling", "Indstilling"),
    ("sagsfremstilling", "Sagsfremstilling"),
    ("beslutning", "Beslutning"),
]
NETWORK_CHAPTERS = [
    ("introduction", "Introduktion"),
    ("data_sources", "Datagrundlag"),
    ("status", "Status"),
    ("experiences", "Foreløbige erfaringer"),
]


@dataclass(frozen=True)
class Page:
    """One generated page: its URL, title, document and headings, and the YAML file it comes from.

    ``markdown`` is a Markdown document whose body is finished HTML (see :mod:`.headings`):
    YAML front matter (title, description, edit path, search metadata), then the page's content.
    """

    url: str
    title: str
    markdown: str
    edit_path: str | None = None
    toc: tuple[TocEntry, ...] = ()

    @property
    def src_path(self) -> str:
        """The page's path among MkDocs' documentation files."""
        return f"{self.url}index.md"


class SiteRenderer:
    """Renders the pages of one build. Construct once; :meth:`pages` yields them lazily."""

    def __init__(
        self,
        site: SiteData,
        templates: Path,
        find_citations: CitationFinder | None = None,
        repo_root: Path | None = None,
        source_texts: dict[str, str] | None = None,
    ) -> None:
        self.site = site
        self.ix = Graph(site)  # the entities' URLs, labels, breadcrumbs and reverse references
        self.env: Environment = make_environment(templates)
        self.find = find_citations
        self.repo_root = repo_root
        self.documents = site.entities.get("documents", {})
        self.source_texts = source_texts or {}
        # Short names of the laws each entity cites, for the search filter "lov" (set by generate).
        self.laws_by_entity: dict[tuple[str, str], set[str]] = {}
        # Entity (kind, id) → paragraph → law for its bare references (set by generate).
        self.fallbacks: dict[tuple[str, str], dict[str, str]] = {}
        # Document id → the link spans of its whole source text (set by generate).
        self.source_spans: dict[str, list[tuple[int, int, str]]] = {}
        # Repository path of a data file → the commits that changed it, newest first (set by generate).
        self.history: dict[str, list[Commit]] = {}
        self.repo_url: str | None = None  # the repository host's address of the project (set by generate)

    # -- helpers ---------------------------------------------------------------------------
    def _edit_path(self, kind: str, entity_id: str) -> str | None:
        path = self.site.paths.get((kind, entity_id))
        if path is None:
            return None
        if self.repo_root:
            try:
                return path.resolve().relative_to(self.repo_root.resolve()).as_posix()
            except ValueError:
                return None
        return path.as_posix()

    def _page(
        self,
        template: str,
        url: str,
        title: str,
        edit: tuple[str, str] | None = None,
        crumbs: list[tuple[str, str]] | None = None,
        search_type: str | None = None,
        description: str | None = None,
        search_filters: dict[str, list[str]] | None = None,
        downloads: list[tuple[str, str]] | None = None,
        feeds: list[dict[str, str]] | None = None,
        **context: Any,
    ) -> Page:
        """``downloads``: (label, site URL) of the page's data files ("Hent data"); ``feeds``: the
        page's own feeds and calendars (``title``, ``url``, ``type``) for its ``<link rel=alternate>``."""
        linker = Linker(url, self.find, self.fallbacks.get(edit) if edit else None)
        edit_path = self._edit_path(*edit) if edit else None
        entity = self.site.get(*edit) if edit else None
        history = page_history(self.history, edit_path, self.repo_url)
        if edit and downloads is None:
            downloads = [("JSON", api_url(edit[0], edit[1])), ("YAML", data_file_url(*edit))]
        markdown = self.env.get_template(template).render(
            L=linker,
            title=title,
            crumbs=crumbs or [],
            edit_path=edit_path,
            last_changed=history.commits[0].date if history else None,
            history=history,
            history_size=history.size if history else 0,
            downloads=downloads or [],
            feeds=feeds or [],
            editor_description=render_markdown((entity or {}).get("description")),
            search_type=search_type,
            description=description,
            search_filters={k: sorted(set(v)) for k, v in (search_filters or {}).items() if v},
            documents=self.documents,
            **context,
        )
        markdown, toc = outline(markdown)
        return Page(url=url, title=title, markdown=markdown, edit_path=edit_path, toc=tuple(toc))

    def _entity_page(self, kind: str, entity: Entity, /, **context: Any) -> Page:
        """The page of ``entity``, as its kind declares it: template, URL, title, breadcrumbs, search
        type and filters (the kind's facets, and the laws it cites for a kind with cited text)."""
        declared = KINDS[kind]
        facets = {name: [value] for name, get in declared.facets.items() if (value := get(entity, self.ix))}
        if declared.cited_fields:
            facets["lov"] = sorted(self.laws_by_entity.get((kind, entity["id"]), set()))
        return self._page(
            declared.template,
            self.ix.url_of(kind, entity) or "",
            declared.title(entity, self.ix),
            edit=(kind, entity["id"]),
            crumbs=self.ix.crumbs(kind, entity),
            search_type=declared.search_type,
            search_filters=facets,
            **context,
        )

    def _links(self, kind: str, ids: list[str] | None) -> list[tuple[str | None, Any]]:
        """(URL, label) of each entity of ``kind`` named by id (an id that names none: no link)."""
        return [(self.ix.url(kind, entity_id), self.ix.label(kind, entity_id)) for entity_id in ids or []]

    # -- all pages -------------------------------------------------------------------------
    def pages(self) -> Iterator[Page]:
        """The overviews, then every entity's pages, kind by kind (:data:`~kommuneatlas.model.kinds.KINDS`).
        A kind without a page method of its own renders its template with the ``entity``."""
        own: dict[str, Callable[[Entity], Iterable[Page]]] = {
            "kkr": self.kkr_page,
            "kommuner": self.kommune_page,
            "meetings": lambda meeting: [self.meeting_page(meeting)],
            "items": lambda item: [self.item_page(item)],
            "people": self.person_page,
            "networks": self.network_page,
            "experiments": lambda experiment: [self.experiment_page(experiment)],
            "documents": lambda document: [self.document_page(document), *self.source_text_pages(document)],
        }
        yield from self.index_pages()
        for kind in KINDS:
            render = own.get(kind) or partial(self._plain_page, kind)
            for entity in self.site.all(kind):
                if self.ix.url_of(kind, entity) is not None:  # else its parent is missing: validate says so
                    yield from render(entity)

    def _plain_page(self, kind: str, entity: Entity) -> list[Page]:
        return [self._entity_page(kind, entity, entity=entity)]

    # -- index pages -----------------------------------------------------------------------
    def _resolve(self, linker: Linker, rows: list[list[Any]]) -> list[list[Any]]:
        """Table rows with each (url, label) cell made a link from the linker's page."""
        return [[linker.a(*cell) if isinstance(cell, tuple) else cell for cell in row] for row in rows]

    def _listing(
        self,
        url: str,
        title: str,
        headers: list[str],
        rows: list[list[Any]],
        intro: str | None,
        crumbs: list[tuple[str, str]] | None = None,
        searchable: bool = True,
        per_page: int = LISTING_ROWS,
        data_kind: str | None = None,
        subscribe: list[tuple[str, str]] | None = None,
    ) -> Iterator[Page]:
        """A table of ``rows`` (cells: text, or (url, label) for a link) on pages of ``per_page``
        rows: the first at ``url``, the others at ``url/side-<n>/``. ``data_kind`` names the API
        list the rows come from (its JSON and CSV are linked); ``subscribe``: (label, URL) of feeds."""
        downloads = (
            [("JSON", api_url(data_kind)), ("CSV", api_url(data_kind, extension="csv"))]
            if data_kind
            else None
        )
        parts = chunked(rows, per_page)
        for number, part in enumerate(parts, 1):
            page = page_url(url, number)
            page_title = title if number == 1 else f"{title}, side {number}"
            first = (number - 1) * per_page + 1
            yield self._page(
                "listing.md.j2",
                page,
                page_title,
                description=f"{page_title}: række {first}–{first + len(part) - 1} af {danish_number(len(rows))} i Kommuneatlas.",
                crumbs=(crumbs or []) if number == 1 else [*(crumbs or []), (url, title)],
                headers=headers,
                rows=self._resolve(Linker(page, self.find), part),
                intro=intro if number == 1 else None,
                first=first,
                total=len(rows),
                pager=Pager.numbered(f"Sider i {title}", url, len(parts), number),
                search_exclude=number > 1 or not searchable,
                downloads=downloads,
                subscribe=subscribe if number == 1 else None,
            )

    def _related(
        self,
        owner: tuple[str, Entity],
        slug: str,
        title: str,
        headers: list[str],
        rows: list[list[Any]],
        sub_pages: list[Page],
        preview: int = PREVIEW_ROWS,
    ) -> Related:
        """A list on the page of ``owner`` (kind, entity): the first ``preview`` rows there; when
        there are more, the whole list goes to ``sub_pages`` at ``<url><slug>/``."""
        kind, entity = owner
        url = self.ix.url_of(kind, entity) or ""
        shown = self._resolve(Linker(url, self.find), rows[:preview])
        if len(rows) <= preview:
            return Related(shown, len(rows), None)
        full = f"{url}{slug}/"
        heading = f"{title} – {self.ix.title(kind, entity)}"
        trail = self.ix.trail(kind, entity)
        sub_pages.extend(
            self._listing(full, heading, headers, rows, None, trail, searchable=False, per_page=WIDE_ROWS)
        )
        return Related(shown, len(rows), full)

    def index_pages(self) -> Iterator[Page]:
        """The overview of every kind that declares one (:func:`.listings.listing_rows`)."""
        for kind in KINDS.values():
            if (listing := kind.listing) is not None:
                yield from self._listing(
                    listing.url,
                    listing.title,
                    [column.header for column in listing.columns],
                    listing_rows(kind, self.ix),
                    listing.intro,
                    per_page=WIDE_ROWS if listing.wide else LISTING_ROWS,
                    data_kind=kind.name,
                    subscribe=list(listing.subscribe),
                )

    # -- entity pages ----------------------------------------------------------------------
    def kkr_page(self, kkr: Entity) -> Iterator[Page]:
        ix = self.ix
        meetings = ix.referrers("kkr", kkr["id"], "meetings")
        items = [(m, i) for m in meetings for i in ix.referrers("meetings", m["id"], "items")]
        members = set(kkr["kommuner"])
        sub_pages: list[Page] = []

        def related(slug: str, title: str, headers: list[str], rows: list[list[Any]]) -> Related:
            # Six lists on one page: a shorter preview of each.
            return self._related(("kkr", kkr), slug, title, headers, rows, sub_pages, PREVIEW_ROWS // 2)

        yield self._entity_page(
            "kkr",
            kkr,
            feeds=[
                {
                    "title": f"Nyt fra {kkr['name']}",
                    "url": feed_url(kkr["id"]),
                    "type": "application/atom+xml",
                },
                {"title": f"Møder i {kkr['name']}", "url": calendar_url(kkr["id"]), "type": "text/calendar"},
            ],
            subscribe=[
                (f"Nyt fra {kkr['name']} (Atom)", feed_url(kkr["id"])),
                ("Møderne i din kalender (iCalendar)", calendar_url(kkr["id"])),
            ],
            kkr=kkr,
            kommuner=self._links("kommuner", kkr["kommuner"]),
            meetings=related(
                "moeder",
                "Møder",
                ["Dato", "Dagsordenspunkter"],
                [
                    [
                        (ix.url("meetings", m["id"]), danish_date(m["date"])),
                        len(ix.referrers("meetings", m["id"], "items")),
                    ]
                    for m in meetings
                ],
            ),
            decisions=related(
                "beslutninger",
                "Beslutninger",
                ["Møde", "Punkt", "Titel"],
                [
                    [time_element(m["date"]), i["number"], (ix.url("items", i["id"]), i["title"])]
                    for m, i in items
                ],
            ),
            appointments=related(
                "udpegninger",
                "Udpegninger",
                ["Organ", "Person", "Repræsenterer", "Punkt"],
                [
                    [
                        a.get("body"),
                        (ix.url("people", a.get("person")), a.get("name")),
                        a.get("representing"),
                        (ix.url("items", i["id"]), i["number"]),
                    ]
                    for _, i in items
                    for a in i.get("appointments") or []
                ],
            ),
            kkr_documents=related(
                "dokumenter",
                "Dokumenter",
                ["Dokument"],
                [
                    [(ix.url("documents", d["id"]), d["title"])]
                    for d in ix.referrers("kkr", kkr["id"], "documents")
                ],
            ),
            networks=related(
                "frikommunenetvaerk",
                "Frikommunenetværk",
                ["Netværk", f"Kommuner fra {kkr['name']}"],
                [
                    [
                        (ix.url("networks", n["id"]), n["name"]),
                        ", ".join(
                            str(ix.label("kommuner", k)) for k in n.get("kommuner", []) if k in members
                        ),
                    ]
                    for n in sorted(self.site.all("networks"), key=lambda n: n["number"])
                    if members & set(n.get("kommuner") or [])
                ],
            ),
        )
        yield from sub_pages

    def kommune_page(self, kommune: Entity) -> Iterator[Page]:
        ix = self.ix
        kkr = ix.follow(kommune, "kkr") or {}
        sub_pages: list[Page] = []

        def related(slug: str, heading: str, headers: list[str], rows: list[list[Any]]) -> Related:
            return self._related(("kommuner", kommune), slug, heading, headers, rows, sub_pages)

        yield self._entity_page(
            "kommuner",
            kommune,
            kommune=kommune,
            kkr_url=ix.url("kkr", kommune["kkr"]),
            kkr_name=kkr.get("name", kommune["kkr"]),
            networks=related(
                "frikommunenetvaerk",
                "Frikommunenetværk",
                ["Netværk"],
                [
                    [(ix.url("networks", n["id"]), n["name"])]
                    for n in ix.referrers("kommuner", kommune["id"], "networks")
                ],
            ),
            experiments=related(
                "forsoeg",
                "Frikommuneforsøg",
                ["Forsøg", "Netværk", "Ikrafttrædelse"],
                [
                    [
                        (ix.url("experiments", e["id"]), e["title"]),
                        (ix.url("networks", e.get("network")), self._network_number(e)),
                        time_element(e.get("in_force")),
                    ]
                    for e in ix.referrers("kommuner", kommune["id"], "experiments")
                ],
            ),
            people=related(
                "personer",
                "Personer",
                ["Navn"],
                [
                    [(ix.url("people", p["id"]), p["name"])]
                    for p in ix.referrers("kommuner", kommune["id"], "people")
                ],
            ),
        )
        yield from sub_pages

    def _network_number(self, experiment: Entity) -> Any:
        network = self.ix.follow(experiment, "network")
        return network["number"] if network else experiment.get("network")

    def _people_rows(self, linker: Linker, people: list[dict[str, Any]]) -> list[list[Any]]:
        return [
            [
                linker.a(self.ix.url("people", p.get("person")), p.get("name")),
                p.get("party"),
                linker.a(self.ix.url("kommuner", p["kommune"]), self.ix.label("kommuner", p["kommune"]))
                if p.get("kommune")
                else "",
            ]
            for p in people
        ]

    def meeting_page(self, meeting: Entity) -> Page:
        ix = self.ix
        linker = Linker(ix.url_of("meetings", meeting) or "", self.find)
        return self._entity_page(
            "meetings",
            meeting,
            meeting=meeting,
            kkr_url=ix.url("kkr", meeting["kkr"]),
            kkr_name=ix.label("kkr", meeting["kkr"]),
            items=[
                [i["number"], linker.a(ix.url("items", i["id"]), i["title"]), i.get("case_id")]
                for i in ix.referrers("meetings", meeting["id"], "items")
            ],
            participants=self._people_rows(linker, meeting.get("participants") or []),
            absent=self._people_rows(linker, meeting.get("absent") or []),
        )

    def item_page(self, item: Entity) -> Page:
        ix = self.ix
        linker = Linker(ix.url_of("items", item) or "", self.find)
        meeting = ix.follow(item, "meeting")
        assert meeting is not None  # pages() renders only the items of a meeting
        meeting_label = MEETINGS.label_of(meeting, ix)
        return self._entity_page(
            "items",
            item,
            item=item,
            section_labels=ITEM_SECTIONS,
            meeting_url=ix.url_of("meetings", meeting),
            meeting_label=meeting_label,
            description=f"{meeting_label}, punkt {item['number']}: {item['title']}",
            appointments=[
                [
                    a.get("body"),
                    linker.a(ix.url("people", a.get("person")), a.get("name")),
                    a.get("representing"),
                    a.get("appointed_by"),
                ]
                for a in item.get("appointments") or []
            ],
        )

    def person_page(self, person: Entity) -> Iterator[Page]:
        ix = self.ix
        roles = {"participants[].person": "deltager", "absent[].person": "afbud"}
        sub_pages: list[Page] = []
        yield self._entity_page(
            "people",
            person,
            person=person,
            kommune_url=ix.url("kommuner", person.get("kommune")),
            kommune_name=ix.label("kommuner", person.get("kommune")),
            meetings=self._related(
                ("people", person),
                "moeder",
                "Møder",
                ["Møde", "Rolle"],
                [
                    [
                        (ix.url("meetings", b.entity["id"]), ix.label("meetings", b.entity["id"])),
                        roles[b.ref.path],
                    ]
                    for b in ix.reverse("people", person["id"], "attendance")
                ],
                sub_pages,
            ),
            appointments=self._related(
                ("people", person),
                "udpegninger",
                "Udpegninger",
                ["Organ", "Repræsenterer", "Beslutning"],
                [
                    [
                        b.holder.get("body"),
                        b.holder.get("representing"),
                        (ix.url("items", b.entity["id"]), b.entity["title"]),
                    ]
                    for b in ix.reverse("people", person["id"], "appointments")
                ],
                sub_pages,
            ),
        )
        yield from sub_pages

    def network_page(self, network: Entity) -> Iterator[Page]:
        ix = self.ix
        sub_pages: list[Page] = []
        yield self._entity_page(
            "networks",
            network,
            network=network,
            kommuner=self._links("kommuner", network.get("kommuner")),
            inactive=self._links("kommuner", network.get("inactive_kommuner")),
            experiments=self._related(
                ("networks", network),
                "forsoeg",
                "Forsøg",
                ["Forsøg", "Kommuner", "Ikrafttrædelse"],
                [
                    [
                        (ix.url("experiments", e["id"]), e["title"]),
                        ", ".join(str(label) for label in ix.labels("kommuner", e.get("kommuner"))),
                        time_element(e.get("in_force")),
                    ]
                    for e in ix.referrers("networks", network["id"], "experiments")
                ],
                sub_pages,
            ),
            chapter_labels=NETWORK_CHAPTERS,
        )
        yield from sub_pages

    def experiment_page(self, experiment: Entity) -> Page:
        ix = self.ix
        network = ix.follow(experiment, "network")
        return self._entity_page(
            "experiments",
            experiment,
            experiment=experiment,
            network_url=ix.url_of("networks", network) if network else None,
            network_label=f"{network['number']}. {network['name']}" if network else experiment.get("network"),
            kommuner=self._links("kommuner", experiment.get("kommuner")),
        )

    def document_page(self, document: Entity) -> Page:
        ix = self.ix
        derived = [
            (
                ix.url(b.kind, b.entity["id"]),
                ix.title(b.kind, b.entity) if b.kind == "meetings" else ix.label(b.kind, b.entity["id"]),
            )
            for b in ix.reverse("documents", document["id"], "derived")
            if b.kind in ("meetings", "networks", "items")
        ]
        financing = document.get("financing")
        return self._entity_page(
            "documents",
            document,
            document=document,
            kind_label=type_label(document["kind"]),
            text_url=source_text_url(document["id"]),
            derived=derived,
            financing_rows=[
                [ix.label("kommuner", row.get("kommune")), danish_number(row.get("amount_tkr"))]
                for row in financing.get("rows") or []
            ]
            if isinstance(financing, dict)
            else [],
            financing_check=check_financing(financing) if isinstance(financing, dict) else None,
        )

    def source_text_pages(self, document: Entity) -> Iterator[Page]:
        """The document's text in pages of :data:`SOURCE_CHUNK` lines, each line with an anchor.

        The references are found once in the whole text (:attr:`source_spans`) and each line
        shows its part of them, so a reference that wraps is linked on every line it covers.
        """
        text = self.source_texts.get(document["id"])
        if text is None:
            return
        bounds = line_bounds(text)
        spans = self.source_spans.get(document["id"], [])
        chunks = max(1, (len(bounds) + SOURCE_CHUNK - 1) // SOURCE_CHUNK)
        doc_url = self.ix.url("documents", document["id"]) or ""
        crumbs = self.ix.trail("documents", document)
        urls = tuple(f"{doc_url}tekst/{n}/" for n in range(1, chunks + 1))
        ranges = tuple(
            f"{(n - 1) * SOURCE_CHUNK + 1}–{min(len(bounds), n * SOURCE_CHUNK)}" for n in range(1, chunks + 1)
        )
        for chunk in range(1, chunks + 1):
            first = (chunk - 1) * SOURCE_CHUNK + 1
            last = min(len(bounds), chunk * SOURCE_CHUNK)
            linker = Linker(urls[chunk - 1])
            lines = [
                (n, linker.piece(text, *bounds[n - 1], _within(spans, *bounds[n - 1])))
                for n in range(first, last + 1)
            ]
            yield self._page(
                "source_text.md.j2",
                urls[chunk - 1],
                f"{document['title']}, linje {first}–{last}",
                crumbs=crumbs,
                search_type="kildetekst",
                lines=lines,
                pager=Pager("Sider i kildeteksten", urls, ranges, chunk),
            )


def _within(spans: list[tuple[int, int, str]], start: int, end: int) -> list[tuple[int, int, str]]:
    """The spans (sorted) that reach into ``[start, end)``."""
    i = bisect_left(spans, (start,))
    while i > 0 and spans[i - 1][1] > start:
        i -= 1
    found = []
    while i < len(spans) and spans[i][0] < end:
        if spans[i][1] > start:
            found.append(spans[i])
        i += 1
    return found
