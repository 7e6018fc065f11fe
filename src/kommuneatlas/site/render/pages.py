"""Every generated page of the site, as Markdown, from the data (see :class:`SiteRenderer`)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment

from ...citations.targets import CitationFinder
from ...model.dataset import Entity, SiteData
from ...model.graph import Indexes, build_indexes
from ...model.urls import SOURCE_CHUNK, api_url, calendar_url, data_file_url, feed_url, source_text_url
from ...sources.document_types import type_label
from ...sources.reference import kkr_id
from ...store.history import Commit
from ...text.danish_format import danish_date, danish_number, year_of
from ...text.lines import line_bounds
from .environment import make_environment, time_element
from .headings import TocEntry, outline
from .history import page_history
from .linker import Linker
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
        self.ix: Indexes = build_indexes(site)
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

    def _laws(self, kind: str, entity_id: str) -> list[str]:
        return sorted(self.laws_by_entity.get((kind, entity_id), set()))

    def _url(self, kind: str, entity_id: str | None) -> str | None:
        return self.ix.url(kind, entity_id)

    def _kommune_link(self, name: str) -> tuple[str | None, str]:
        kommune = self.ix.kommune_by_name.get(name)
        return (self._url("kommuner", kommune["id"]) if kommune else None, name)

    def _meeting_label(self, meeting: Entity) -> str:
        return f"{meeting['kkr']} {danish_date(meeting['date'])}"

    # -- all pages -------------------------------------------------------------------------
    def pages(self) -> Iterator[Page]:
        yield from self.index_pages()
        for kkr in self.site.all("kkr"):
            yield from self.kkr_page(kkr)
        for kommune in self.site.all("kommuner"):
            yield from self.kommune_page(kommune)
        for meeting in self.site.all("meetings"):
            yield self.meeting_page(meeting)
        for item in self.site.all("items"):
            yield self.item_page(item)
        for person in self.site.all("people"):
            yield from self.person_page(person)
        for network in self.site.all("networks"):
            yield from self.network_page(network)
        for experiment in self.site.all("experiments"):
            yield self.experiment_page(experiment)
        for document in self.site.all("documents"):
            yield self.document_page(document)
            yield from self.source_text_pages(document)

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
        owner: tuple[str, str],
        crumbs: list[tuple[str, str]],
        slug: str,
        title: str,
        headers: list[str],
        rows: list[list[Any]],
        sub_pages: list[Page],
        preview: int = PREVIEW_ROWS,
    ) -> Related:
        """A list on the entity page ``owner`` (url, title): the first ``preview`` rows there;
        when there are more, the whole list goes to ``sub_pages`` at ``<url><slug>/``."""
        url, owner_title = owner
        shown = self._resolve(Linker(url, self.find), rows[:preview])
        if len(rows) <= preview:
            return Related(shown, len(rows), None)
        full = f"{url}{slug}/"
        sub_pages.extend(
            self._listing(
                full,
                f"{title} – {owner_title}",
                headers,
                rows,
                None,
                [*crumbs, (url, owner_title)],
                searchable=False,
                per_page=WIDE_ROWS,
            )
        )
        return Related(shown, len(rows), full)

    def index_pages(self) -> Iterator[Page]:
        ix = self.ix
        yield from self._listing(
            "kkr/",
            "KKR'er",
            ["KKR", "Region", "Kommuner", "Møder"],
            [
                [
                    (ix.url("kkr", k["id"]), k["name"]),
                    k["region"],
                    len(k["kommuner"]),
                    len(ix.meetings_by_kkr[k["id"]]),
                ]
                for k in self.site.all("kkr")
            ],
            "De fem kommunekontaktråd (KKR) samler kommunerne i hver region.",
            data_kind="kkr",
        )
        yield from self._listing(
            "kommuner/",
            "Kommuner",
            ["Kommune", "Kode", "Region", "Frikommunenetværk", "Forsøg"],
            [
                [
                    (ix.url("kommuner", k["id"]), k["name"]),
                    k["code"],
                    k["region"],
                    len(ix.networks_by_kommune[k["name"]]),
                    len(ix.experiments_by_kommune[k["name"]]),
                ]
                for k in sorted(self.site.all("kommuner"), key=lambda k: k["name"])
            ],
            "Alle 98 kommuner med deres region, KKR og frikommuneforsøg.",
            data_kind="kommuner",
        )
        meetings = sorted(self.site.all("meetings"), key=lambda m: str(m["date"]), reverse=True)
        yield from self._listing(
            "moeder/",
            "Møder",
            ["Dato", "KKR", "Dagsordenspunkter"],
            [
                [
                    (ix.url("meetings", m["id"]), danish_date(m["date"])),
                    m["kkr"],
                    len(ix.items_by_meeting[m["id"]]),
                ]
                for m in meetings
            ],
            "KKR-møder med dagsorden, deltagere og beslutninger.",
            data_kind="meetings",
            subscribe=[
                ("Møderne i din kalender (iCalendar)", calendar_url()),
                ("Nyt i Kommuneatlas (Atom)", feed_url()),
            ],
        )
        yield from self._listing(
            "beslutninger/",
            "Beslutninger",
            ["Møde", "Punkt", "Titel", "Sags-id"],
            [
                [
                    (ix.url("meetings", m["id"]), self._meeting_label(m)),
                    i["number"],
                    (ix.url("items", i["id"]), i["title"]),
                    i.get("case_id"),
                ]
                for m in meetings
                for i in ix.items_by_meeting[m["id"]]
            ],
            "Alle dagsordenspunkter med beslutninger, nyeste møde først.",
            per_page=WIDE_ROWS,
            data_kind="items",
        )
        yield from self._listing(
            "personer/",
            "Personer",
            ["Navn", "Parti", "Kommune"],
            [
                [(ix.url("people", p["id"]), p["name"]), p.get("party"), p.get("kommune")]
                for p in sorted(self.site.all("people"), key=lambda p: p["name"])
            ],
            "Politikere nævnt som deltagere eller udpegede i KKR-referaterne.",
            data_kind="people",
        )
        yield from self._listing(
            "frikommuner/",
            "Frikommunenetværk",
            ["Nr.", "Netværk", "Kommuner", "Godkendte forsøg", "Status"],
            [
                [
                    n["number"],
                    (ix.url("networks", n["id"]), n["name"]),
                    ", ".join(n.get("kommuner") or []),
                    n.get("approved_count"),
                    "aktivt" if n.get("active", True) else "inaktivt",
                ]
                for n in sorted(self.site.all("networks"), key=lambda n: n["number"])
            ],
            "Frikommuneforsøg II 2016–2020: de otte netværk, deres kommuner og godkendte forsøg.",
            per_page=WIDE_ROWS,
            data_kind="networks",
        )
        yield from self._listing(
            "forsoeg/",
            "Frikommuneforsøg",
            ["Forsøg", "Netværk", "Kommuner", "Ikrafttrædelse"],
            [
                [
                    (ix.url("experiments", e["id"]), e["title"]),
                    (self._network_url(e), e.get("network")),
                    ", ".join(e.get("kommuner") or []),
                    time_element(e.get("in_force")),
                ]
                for e in self.site.all("experiments")
            ],
            "Alle godkendte forsøg i Frikommuneforsøg II.",
            per_page=WIDE_ROWS,
            data_kind="experiments",
        )
        yield from self._listing(
            "dokumenter/",
            "Dokumenter",
            ["Dokument", "Udgiver", "Dato", "Type"],
            [
                [
                    (ix.url("documents", d["id"]), d["title"]),
                    d["publisher"],
                    time_element(d.get("date")),
                    type_label(d["kind"]),
                ]
                for d in sorted(self.site.all("documents"), key=lambda d: str(d.get("date")), reverse=True)
            ],
            "Kildedokumenterne, som sitets data er udtrukket fra. Hvert dokument kan læses linje for linje.",
            per_page=WIDE_ROWS,
            data_kind="documents",
        )

    # -- entity pages ----------------------------------------------------------------------
    def kkr_page(self, kkr: Entity) -> Iterator[Page]:
        ix = self.ix
        meetings = ix.meetings_by_kkr[kkr["id"]]
        items = [(m, i) for m in meetings for i in ix.items_by_meeting[m["id"]]]
        url = ix.url("kkr", kkr["id"]) or ""
        member_names = set(kkr["kommuner"])
        crumbs = [("kkr/", "KKR'er")]
        sub_pages: list[Page] = []

        def related(slug: str, title: str, headers: list[str], rows: list[list[Any]]) -> Related:
            # Six lists on one page: a shorter preview of each.
            return self._related(
                (url, kkr["name"]), crumbs, slug, title, headers, rows, sub_pages, PREVIEW_ROWS // 2
            )

        yield self._page(
            "kkr.md.j2",
            url,
            kkr["name"],
            edit=("kkr", kkr["id"]),
            crumbs=crumbs,
            search_type="kkr",
            search_filters={"kkr": [kkr["name"]]},
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
            kommuner=[self._kommune_link(name) for name in kkr["kommuner"]],
            meetings=related(
                "moeder",
                "Møder",
                ["Dato", "Dagsordenspunkter"],
                [
                    [(ix.url("meetings", m["id"]), danish_date(m["date"])), len(ix.items_by_meeting[m["id"]])]
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
                [[(ix.url("documents", d["id"]), d["title"])] for d in ix.documents_by_kkr[kkr["id"]]],
            ),
            networks=related(
                "frikommunenetvaerk",
                "Frikommunenetværk",
                ["Netværk", f"Kommuner fra {kkr['name']}"],
                [
                    [
                        (ix.url("networks", n["id"]), n["name"]),
                        ", ".join(k for k in n.get("kommuner", []) if k in member_names),
                    ]
                    for n in sorted(self.site.all("networks"), key=lambda n: n["number"])
                    if member_names & set(n.get("kommuner") or [])
                ],
            ),
        )
        yield from sub_pages

    def kommune_page(self, kommune: Entity) -> Iterator[Page]:
        ix = self.ix
        url = ix.url("kommuner", kommune["id"]) or ""
        title = f"{kommune['name']} Kommune"
        kkr = self.site.get("kkr", kommune["kkr"]) or {}
        crumbs = [("kommuner/", "Kommuner")]
        sub_pages: list[Page] = []

        def related(slug: str, heading: str, headers: list[str], rows: list[list[Any]]) -> Related:
            return self._related((url, title), crumbs, slug, heading, headers, rows, sub_pages)

        yield self._page(
            "kommune.md.j2",
            url,
            title,
            edit=("kommuner", kommune["id"]),
            crumbs=crumbs,
            search_type="kommune",
            search_filters={"kkr": [kkr.get("name", kommune["kkr"])]},
            kommune=kommune,
            kkr_url=ix.url("kkr", kommune["kkr"]),
            kkr_name=kkr.get("name", kommune["kkr"]),
            networks=related(
                "frikommunenetvaerk",
                "Frikommunenetværk",
                ["Netværk"],
                [[(ix.url("networks", n["id"]), n["name"])] for n in ix.networks_by_kommune[kommune["name"]]],
            ),
            experiments=related(
                "forsoeg",
                "Frikommuneforsøg",
                ["Forsøg", "Netværk", "Ikrafttrædelse"],
                [
                    [
                        (ix.url("experiments", e["id"]), e["title"]),
                        (self._network_url(e), e.get("network")),
                        time_element(e.get("in_force")),
                    ]
                    for e in ix.experiments_by_kommune[kommune["name"]]
                ],
            ),
            people=related(
                "personer",
                "Personer",
                ["Navn"],
                [[(ix.url("people", p["id"]), p["name"])] for p in ix.people_by_kommune[kommune["name"]]],
            ),
        )
        yield from sub_pages

    def _network_url(self, experiment: Entity) -> str | None:
        network = self.ix.network(experiment)
        return self.ix.url("networks", network["id"]) if network else None

    def _people_rows(self, linker: Linker, people: list[dict[str, Any]]) -> list[list[Any]]:
        return [
            [
                linker.a(self.ix.url("people", p.get("person")), p.get("name")),
                p.get("party"),
                linker.a(*self._kommune_link(p["kommune"])) if p.get("kommune") else "",
            ]
            for p in people
        ]

    def meeting_page(self, meeting: Entity) -> Page:
        ix = self.ix
        url = ix.url("meetings", meeting["id"]) or ""
        linker = Linker(url, self.find)
        kkr = kkr_id(meeting["kkr"])
        return self._page(
            "meeting.md.j2",
            url,
            f"Møde i {self._meeting_label(meeting)}",
            edit=("meetings", meeting["id"]),
            crumbs=[("kkr/", "KKR'er"), (f"kkr/{kkr}/", meeting["kkr"])],
            search_type="møde",
            search_filters={"kkr": [meeting["kkr"]], "år": [year_of(meeting["date"])]},
            meeting=meeting,
            kkr_url=ix.url("kkr", kkr),
            items=[
                [i["number"], linker.a(ix.url("items", i["id"]), i["title"]), i.get("case_id")]
                for i in ix.items_by_meeting[meeting["id"]]
            ],
            participants=self._people_rows(linker, meeting.get("participants") or []),
            absent=self._people_rows(linker, meeting.get("absent") or []),
        )

    def item_page(self, item: Entity) -> Page:
        ix = self.ix
        url = ix.url("items", item["id"]) or ""
        linker = Linker(url, self.find)
        meeting = self.site.get("meetings", item["meeting"]) or {"kkr": "", "date": "", "id": item["meeting"]}
        kkr = kkr_id(meeting["kkr"]) if meeting["kkr"] else ""
        return self._page(
            "item.md.j2",
            url,
            f"{item['number']} {item['title']}",
            edit=("items", item["id"]),
            crumbs=[
                ("kkr/", "KKR'er"),
                (f"kkr/{kkr}/", meeting["kkr"]),
                (ix.url("meetings", meeting["id"]) or "", danish_date(meeting["date"])),
            ],
            search_type="beslutning",
            search_filters={
                "kkr": [meeting["kkr"]],
                "år": [year_of(meeting["date"])],
                "lov": self._laws("items", item["id"]),
            },
            item=item,
            section_labels=ITEM_SECTIONS,
            meeting_url=ix.url("meetings", meeting["id"]),
            meeting_label=self._meeting_label(meeting),
            description=f"{self._meeting_label(meeting)}, punkt {item['number']}: {item['title']}",
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
        url = ix.url("people", person["id"]) or ""
        roles = {"participants": "deltager", "absent": "afbud"}
        crumbs = [("personer/", "Personer")]
        sub_pages: list[Page] = []
        yield self._page(
            "person.md.j2",
            url,
            person["name"],
            edit=("people", person["id"]),
            crumbs=crumbs,
            search_type="person",
            person=person,
            kommune_url=self._kommune_link(person["kommune"])[0] if person.get("kommune") else None,
            meetings=self._related(
                (url, person["name"]),
                crumbs,
                "moeder",
                "Møder",
                ["Møde", "Rolle"],
                [
                    [(ix.url("meetings", m["id"]), self._meeting_label(m)), roles[role]]
                    for m, role in ix.attendance[person["id"]]
                ],
                sub_pages,
            ),
            appointments=self._related(
                (url, person["name"]),
                crumbs,
                "udpegninger",
                "Udpegninger",
                ["Organ", "Repræsenterer", "Beslutning"],
                [
                    [a.get("body"), a.get("representing"), (ix.url("items", i["id"]), i["title"])]
                    for i, a in ix.appointments_by_person[person["id"]]
                ],
                sub_pages,
            ),
        )
        yield from sub_pages

    def network_page(self, network: Entity) -> Iterator[Page]:
        ix = self.ix
        url = ix.url("networks", network["id"]) or ""
        crumbs = [("frikommuner/", "Frikommunenetværk")]
        sub_pages: list[Page] = []
        yield self._page(
            "network.md.j2",
            url,
            network["name"],
            edit=("networks", network["id"]),
            crumbs=crumbs,
            search_type="netværk",
            search_filters={"netværk": [network["name"]], "lov": self._laws("networks", network["id"])},
            network=network,
            kommuner=[self._kommune_link(k) for k in network.get("kommuner") or []],
            inactive=[self._kommune_link(k) for k in network.get("inactive_kommuner") or []],
            experiments=self._related(
                (url, network["name"]),
                crumbs,
                "forsoeg",
                "Forsøg",
                ["Forsøg", "Kommuner", "Ikrafttrædelse"],
                [
                    [
                        (ix.url("experiments", e["id"]), e["title"]),
                        ", ".join(e.get("kommuner") or []),
                        time_element(e.get("in_force")),
                    ]
                    for e in ix.experiments_by_network[network["id"]]
                ],
                sub_pages,
            ),
            chapter_labels=NETWORK_CHAPTERS,
        )
        yield from sub_pages

    def experiment_page(self, experiment: Entity) -> Page:
        ix = self.ix
        url = ix.url("experiments", experiment["id"]) or ""
        network = ix.network(experiment)
        crumbs = [("frikommuner/", "Frikommunenetværk")]
        if network:
            crumbs.append((ix.url("networks", network["id"]) or "", network["name"]))
        return self._page(
            "experiment.md.j2",
            url,
            experiment["title"],
            edit=("experiments", experiment["id"]),
            crumbs=crumbs,
            search_type="forsøg",
            search_filters={
                "netværk": [network["name"]] if network else [],
                "år": [year_of(experiment["in_force"])] if experiment.get("in_force") else [],
                "lov": self._laws("experiments", experiment["id"]),
            },
            experiment=experiment,
            network_url=ix.url("networks", network["id"]) if network else None,
            network_label=f"{network['number']}. {network['name']}" if network else experiment.get("network"),
            kommuner=[self._kommune_link(k) for k in experiment.get("kommuner") or []],
        )

    def document_page(self, document: Entity) -> Page:
        ix = self.ix
        url = ix.url("documents", document["id"]) or ""
        derived = [
            (
                ix.url(kind, e["id"]),
                f"Møde i {self._meeting_label(e)}"
                if kind == "meetings"
                else e.get("title") or e.get("name") or e["id"],
            )
            for kind, e in ix.derived_from_document.get(document["id"], [])
            if kind in ("meetings", "networks", "items")
        ]
        return self._page(
            "document.md.j2",
            url,
            document["title"],
            edit=("documents", document["id"]),
            crumbs=[("dokumenter/", "Dokumenter")],
            search_type="dokument",
            search_filters={
                "år": [year_of(document["date"])] if document.get("date") else [],
                "lov": self._laws("documents", document["id"]),
            },
            document=document,
            kind_label=type_label(document["kind"]),
            text_url=source_text_url(document["id"]),
            derived=derived,
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
                crumbs=[("dokumenter/", "Dokumenter"), (doc_url, document["title"])],
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
