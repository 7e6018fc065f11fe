"""Pages for the law catalogue: ``/love/``, one page per law, one per cited provision."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from ...citations import LawCatalogue, provision_id
from ...citations.backlinks import CONTENT_GROUP, SOURCE_GROUP, Backlinks, Occurrence
from ...citations.targets import law_infos, law_url, provision_url
from ...model.urls import api_url, data_file_url
from .linker import Linker
from .pages import Page, SiteRenderer
from .paging import BACKLINK_ROWS, WIDE_ROWS, Pager, chunked, page_url

GROUP_LABELS = {
    "items": "Beslutninger",
    "experiments": "Frikommuneforsøg",
    "networks": "Frikommunenetværk",
    "documents": "Dokumenter",
    "bureaucracy": "Eksempler på statsligt bureaukrati",
    SOURCE_GROUP: "Kildetekster",
    CONTENT_GROUP: "Redaktionelle sider",
}
"""The lists of a provision page, by the group of their backlinks, in the order shown."""


def _paragraph_key(paragraph: str) -> tuple[int, str]:
    digits = "".join(ch for ch in paragraph.split("-")[0] if ch.isdigit())
    return (int(digits) if digits else 0, paragraph)


def highlighted(occurrence: Occurrence) -> Markup:
    """The citing sentence with the reference in ``<mark>``."""
    start, end = occurrence.highlight
    text = occurrence.context
    return Markup("{}<mark>{}</mark>{}").format(text[:start], text[start:end], text[end:])


UNKNOWN_LAW = "ikke i lovkataloget"
"""How pages mark a law the catalogue lacks."""


def provision_label(law_short: str, paragraph: str) -> str:
    return f"{law_short} §§ {paragraph}" if "-" in paragraph else f"{law_short} § {paragraph}"


class LawPages:
    """Renders the law pages with the renderer's environment and the collected backlinks."""

    def __init__(self, renderer: SiteRenderer, catalogue: LawCatalogue, backlinks: Backlinks) -> None:
        self.renderer = renderer
        self.laws = {info.id: info for info in law_infos(catalogue, backlinks)}
        self.backlinks = backlinks
        self.by_law = backlinks.by_law()
        self.by_provision = backlinks.by_provision()
        self.together = backlinks.cited_together()

    def short(self, law: str) -> str:
        return self.laws[law].label

    def pages(self) -> Iterator[Page]:
        yield from self.index_pages()
        for law in self.laws:
            yield from self.law_page(law)
        for (law, paragraph), occurrences in self.by_provision.items():
            yield from self.provision_page(law, paragraph, occurrences)

    def index_pages(self) -> Iterator[Page]:
        """``/love/``: the laws with a page, most cited first, :data:`WIDE_ROWS` per page."""
        rows: list[list[Any]] = []
        for law in sorted(self.laws, key=lambda i: -len(self.by_law.get(i, []))):
            count = len(self.by_law.get(law, []))
            mentions = len(self.backlinks.mentions.get(law, []))
            info = self.laws[law]
            short = info.label if info.known else f"{UNKNOWN_LAW} ({law})"
            rows.append([(law_url(law), info.title), short, count, mentions])
        yield from self.renderer._listing(
            "love/", "Love", ["Lov", "Kort navn", "Henvisninger til paragraffer", "Omtaler af loven"], rows,
            "De love, sitet henviser til eller nævner, med antallet af henvisninger. Love, der ikke er i "
            "lovkataloget, er markeret. Følg en lov for at se de paragraffer, der henvises til.",
            per_page=WIDE_ROWS, data_kind="laws",
        )  # fmt: skip

    def law_page(self, law: str) -> Iterator[Page]:
        """The law's page; its mentions without a paragraph run on over pages ``side-<n>/``."""
        url = law_url(law)
        info = self.laws[law]
        title = info.title
        provisions: dict[str, int] = {}
        for o in self.by_law.get(law, []):
            if o.paragraph:
                provisions[o.paragraph] = provisions.get(o.paragraph, 0) + 1
        chapters = sorted({c for o in self.by_law.get(law, []) for c in o.chapter}, key=_paragraph_key)
        mentions = self.backlinks.mentions.get(law, [])
        parts = chunked(mentions, BACKLINK_ROWS)
        for number, part in enumerate(parts, 1):
            page = page_url(url, number)
            linker = Linker(page)
            rows = [[linker.a(provision_url(law, provision_id(law, p)), provision_label(self.short(law), p)), n]
                    for p, n in sorted(provisions.items(), key=lambda kv: _paragraph_key(kv[0]))] if number == 1 else []  # fmt: skip
            yield self.renderer._page(
                "law.md.j2", page, title if number == 1 else f"{title}, side {number}",
                crumbs=[("love/", "Love")] + ([] if number == 1 else [(url, title)]), search_type="lov",
                law=law, aliases=info.aliases, law_link=info.url, known=info.known, provisions=rows,
                chapters=chapters if number == 1 else [], mentions=[(o, highlighted(o)) for o in part],
                mention_count=len(mentions), provision_count=len(provisions), first=(number - 1) * BACKLINK_ROWS + 1,
                pager=Pager.numbered(f"Sider med omtaler af {title}", url, len(parts), number),
                search_exclude=number > 1,
                downloads=[("JSON", api_url("laws", law))]
                + ([("YAML", data_file_url("laws", law))] if info.known else []),
            )  # fmt: skip

    def provision_page(self, law: str, paragraph: str, occurrences: list[Occurrence]) -> Iterator[Page]:
        """The provision's page: its backlinks, newest first, :data:`BACKLINK_ROWS` per page."""
        url = provision_url(law, provision_id(law, paragraph))
        info = self.laws[law]
        title = provision_label(self.short(law), paragraph)
        order = list(GROUP_LABELS.values())
        ordered = sorted(occurrences, key=lambda o: (o.date or "", o.title), reverse=True)
        parts = chunked(ordered, BACKLINK_ROWS)
        for number, part in enumerate(parts, 1):
            page = page_url(url, number)
            linker = Linker(page)
            groups: dict[str, list[dict[str, Any]]] = {}
            for o in part:
                groups.setdefault(GROUP_LABELS.get(o.group, o.group), []).append(
                    {"link": linker.a(o.url, o.title), "date": o.date, "context": highlighted(o), "explicit": o.explicit,
                     "stk": ", ".join(o.stk), "nr": ", ".join(o.nr)}
                )  # fmt: skip
            together = [
                [linker.a(provision_url(other_law, provision_id(other_law, other)), provision_label(self.short(other_law), other)), n]
                for (other_law, other), n in self.together.get((law, paragraph), Counter()).most_common(10)
            ] if number == 1 else []  # fmt: skip
            yield self.renderer._page(
                "provision.md.j2", page, title if number == 1 else f"{title}, side {number}",
                crumbs=[("love/", "Love"), (law_url(law), info.title)] + ([] if number == 1 else [(url, title)]),
                search_type="bestemmelse", description=f"{title} ({info.title}): {len(occurrences)} henvisninger",
                law_title=info.title, law_link=info.url, law_url=law_url(law), known=info.known,
                groups=sorted(groups.items(), key=lambda g: order.index(g[0]) if g[0] in order else 99),
                count=len(occurrences), together=together, first=(number - 1) * BACKLINK_ROWS + 1, shown=len(part),
                pager=Pager.numbered(f"Sider med henvisninger til {title}", url, len(parts), number),
                search_exclude=number > 1,
            )  # fmt: skip
