"""Pages for the law catalogue: ``/love/``, one page per law, one per cited provision."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from ..citations import LawCatalogue, provision_id
from ..references import KIND_LABELS, Occurrence, ReferenceIndex
from ..urls import api_url, data_file_url, law_url, provision_url
from .linker import Linker
from .pages import Page, SiteRenderer
from .paging import BACKLINK_ROWS, Pager, chunked, page_url


def _paragraph_key(paragraph: str) -> tuple[int, str]:
    digits = "".join(ch for ch in paragraph.split("-")[0] if ch.isdigit())
    return (int(digits) if digits else 0, paragraph)


def highlighted(occurrence: Occurrence) -> Markup:
    """The citing sentence with the reference in ``<mark>``."""
    start, end = occurrence.highlight
    text = occurrence.context
    return Markup("{}<mark>{}</mark>{}").format(text[:start], text[start:end], text[end:])


def provision_label(law_short: str, paragraph: str) -> str:
    return f"{law_short} §§ {paragraph}" if "-" in paragraph else f"{law_short} § {paragraph}"


class LawPages:
    """Renders the law pages with the renderer's environment and the collected references."""

    def __init__(self, renderer: SiteRenderer, catalogue: LawCatalogue, references: ReferenceIndex) -> None:
        self.renderer = renderer
        self.catalogue = catalogue
        self.references = references
        self.by_law = references.by_law()
        self.by_provision = references.by_provision()
        self.together = references.cited_together()

    def short(self, law: str) -> str:
        return self.catalogue[law].label

    def pages(self) -> Iterator[Page]:
        yield self.index_page()
        for law in self.catalogue.ids():
            yield from self.law_page(law)
        for (law, paragraph), occurrences in self.by_provision.items():
            yield from self.provision_page(law, paragraph, occurrences)

    def index_page(self) -> Page:
        url = "love/"
        linker = Linker(url)
        rows = []
        for law in sorted(self.catalogue.ids(), key=lambda i: -len(self.by_law.get(i, []))):
            count = len(self.by_law.get(law, []))
            mentions = len(self.references.mentions.get(law, []))
            label = self.catalogue[law].title
            rows.append([linker.a(law_url(law), label), self.short(law), count, mentions])
        return self.renderer._page(
            "listing.md.j2", url, "Love", headers=["Lov", "Kort navn", "Henvisninger til paragraffer", "Omtaler af loven"],
            rows=rows, intro="Lovene i lovkataloget med antallet af henvisninger på sitet. Følg en lov for at se de paragraffer, der henvises til.",
            downloads=[("JSON", api_url("laws")), ("CSV", api_url("laws", extension="csv"))],
        )  # fmt: skip

    def law_page(self, law: str) -> Iterator[Page]:
        """The law's page; its mentions without a paragraph run on over pages ``side-<n>/``."""
        url = law_url(law)
        title = self.catalogue[law].title
        provisions: dict[str, int] = {}
        for o in self.by_law.get(law, []):
            if o.paragraph:
                provisions[o.paragraph] = provisions.get(o.paragraph, 0) + 1
        chapters = sorted({c for o in self.by_law.get(law, []) for c in o.chapter}, key=_paragraph_key)
        mentions = self.references.mentions.get(law, [])
        parts = chunked(mentions, BACKLINK_ROWS)
        for number, part in enumerate(parts, 1):
            page = page_url(url, number)
            linker = Linker(page)
            rows = [[linker.a(provision_url(law, provision_id(law, p)), provision_label(self.short(law), p)), n]
                    for p, n in sorted(provisions.items(), key=lambda kv: _paragraph_key(kv[0]))] if number == 1 else []  # fmt: skip
            yield self.renderer._page(
                "law.md.j2", page, title if number == 1 else f"{title}, side {number}",
                crumbs=[("love/", "Love")] + ([] if number == 1 else [(url, title)]), search_type="lov",
                law=law, aliases=self.catalogue[law].aliases, law_link=self.catalogue[law].url, provisions=rows,
                chapters=chapters if number == 1 else [], mentions=[(o, highlighted(o)) for o in part],
                mention_count=len(mentions), provision_count=len(provisions), first=(number - 1) * BACKLINK_ROWS + 1,
                pager=Pager.numbered(f"Sider med omtaler af {title}", url, len(parts), number),
                search_exclude=number > 1,
                downloads=[("JSON", api_url("laws", law)), ("YAML", data_file_url("laws", law))],
            )  # fmt: skip

    def provision_page(self, law: str, paragraph: str, occurrences: list[Occurrence]) -> Iterator[Page]:
        """The provision's page: its backlinks, newest first, :data:`BACKLINK_ROWS` per page."""
        url = provision_url(law, provision_id(law, paragraph))
        title = provision_label(self.short(law), paragraph)
        order = list(KIND_LABELS.values())
        ordered = sorted(occurrences, key=lambda o: (o.date or "", o.title), reverse=True)
        parts = chunked(ordered, BACKLINK_ROWS)
        for number, part in enumerate(parts, 1):
            page = page_url(url, number)
            linker = Linker(page)
            groups: dict[str, list[dict[str, Any]]] = {}
            for o in part:
                groups.setdefault(KIND_LABELS.get(o.group, o.group), []).append(
                    {"link": linker.a(o.url, o.title), "date": o.date, "context": highlighted(o), "explicit": o.explicit,
                     "stk": ", ".join(o.stk), "nr": ", ".join(o.nr)}
                )  # fmt: skip
            together = [
                [linker.a(provision_url(other_law, provision_id(other_law, other)), provision_label(self.short(other_law), other)), n]
                for (other_law, other), n in self.together.get((law, paragraph), Counter()).most_common(10)
            ] if number == 1 else []  # fmt: skip
            yield self.renderer._page(
                "provision.md.j2", page, title if number == 1 else f"{title}, side {number}",
                crumbs=[("love/", "Love"), (law_url(law), self.catalogue[law].title)] + ([] if number == 1 else [(url, title)]),
                search_type="bestemmelse", description=f"{title} ({self.catalogue[law].title}): {len(occurrences)} henvisninger",
                law_title=self.catalogue[law].title, law_link=self.catalogue[law].url, law_url=law_url(law),
                groups=sorted(groups.items(), key=lambda g: order.index(g[0]) if g[0] in order else 99),
                count=len(occurrences), together=together, first=(number - 1) * BACKLINK_ROWS + 1, shown=len(part),
                pager=Pager.numbered(f"Sider med henvisninger til {title}", url, len(parts), number),
                search_exclude=number > 1,
            )  # fmt: skip
