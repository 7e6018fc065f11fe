"""Pages for the law catalogue: ``/love/``, one page per law, one per cited provision, made from
the backlinks (``ctx.backlinks``) of the laws that have a page (``ctx.laws``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from markupsafe import Markup

from ...citations import provision_id
from ...citations.backlinks import CONTENT_GROUP, SOURCE_GROUP, Occurrence
from ...citations.targets import law_url, provision_url
from ...model.urls import api_url, data_file_url
from ..context import BuildContext
from .linker import Linker
from .listings import render_listing
from .page import Page, SearchMeta, render_page
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

UNKNOWN_LAW = "ikke i lovkataloget"
"""How pages mark a law the catalogue lacks."""


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


def render_laws(ctx: BuildContext) -> Iterator[Page]:
    """``/love/``, then each law's pages, then each cited provision's."""
    by_law = ctx.backlinks.by_law()
    yield from laws_overview(ctx, by_law)
    for law in ctx.laws:
        yield from law_pages(ctx, law, by_law.get(law, []))
    together = ctx.backlinks.cited_together()
    for (law, paragraph), occurrences in ctx.backlinks.by_provision().items():
        yield from provision_pages(
            ctx, law, paragraph, occurrences, together.get((law, paragraph), Counter())
        )


def laws_overview(ctx: BuildContext, by_law: Mapping[str, Sequence[Occurrence]]) -> Iterator[Page]:
    """``/love/``: the laws with a page, most cited first, :data:`WIDE_ROWS` per page."""
    rows: list[list[Any]] = []
    for law in sorted(ctx.laws, key=lambda i: -len(by_law.get(i, []))):
        count = len(by_law.get(law, []))
        mentions = len(ctx.backlinks.mentions.get(law, []))
        info = ctx.laws[law]
        short = info.label if info.known else f"{UNKNOWN_LAW} ({law})"
        rows.append([(law_url(law), info.title), short, count, mentions])
    yield from render_listing(
        ctx, "love/", "Love", ["Lov", "Kort navn", "Henvisninger til paragraffer", "Omtaler af loven"], rows,
        "De love, sitet henviser til eller nævner, med antallet af henvisninger. Love, der ikke er i "
        "lovkataloget, er markeret. Følg en lov for at se de paragraffer, der henvises til.",
        per_page=WIDE_ROWS, data_kind="laws",
    )  # fmt: skip


def law_pages(ctx: BuildContext, law: str, cited: Sequence[Occurrence]) -> Iterator[Page]:
    """The law's page (``cited``: its backlinks); its mentions without a paragraph run on over
    pages ``side-<n>/``."""
    url = law_url(law)
    info = ctx.laws[law]
    title = info.title
    provisions: dict[str, int] = {}
    for o in cited:
        if o.paragraph:
            provisions[o.paragraph] = provisions.get(o.paragraph, 0) + 1
    chapters = sorted({c for o in cited for c in o.chapter}, key=_paragraph_key)
    mentions = ctx.backlinks.mentions.get(law, [])
    parts = chunked(mentions, BACKLINK_ROWS)
    for number, part in enumerate(parts, 1):
        page = page_url(url, number)
        linker = Linker(page)
        rows = [[linker.a(provision_url(law, provision_id(law, p)), provision_label(info.label, p)), n]
                for p, n in sorted(provisions.items(), key=lambda kv: _paragraph_key(kv[0]))] if number == 1 else []  # fmt: skip
        yield render_page(
            ctx, "law.md.j2", page, title if number == 1 else f"{title}, side {number}",
            crumbs=[("love/", "Love")] + ([] if number == 1 else [(url, title)]),
            search=SearchMeta("lov", exclude=number > 1),
            downloads=[("JSON", api_url("laws", law))] + ([("YAML", data_file_url("laws", law))] if info.known else []),
            law=law, aliases=info.aliases, law_link=info.url, known=info.known, provisions=rows,
            chapters=chapters if number == 1 else [], mentions=[(o, highlighted(o)) for o in part],
            mention_count=len(mentions), provision_count=len(provisions), first=(number - 1) * BACKLINK_ROWS + 1,
            pager=Pager.numbered(f"Sider med omtaler af {title}", url, len(parts), number),
        )  # fmt: skip


def provision_pages(
    ctx: BuildContext,
    law: str,
    paragraph: str,
    occurrences: Sequence[Occurrence],
    cited_with: Counter[tuple[str, str]],
) -> Iterator[Page]:
    """The provision's page: its backlinks, newest first, :data:`BACKLINK_ROWS` per page, and the
    provisions most often ``cited_with`` it."""
    url = provision_url(law, provision_id(law, paragraph))
    info = ctx.laws[law]
    title = provision_label(info.label, paragraph)
    order = list(GROUP_LABELS.values())
    ordered = sorted(occurrences, key=lambda o: (o.date or "", o.title), reverse=True)
    together = cited_with.most_common(10)
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
        together_rows = [
            [linker.a(provision_url(other_law, provision_id(other_law, other)), provision_label(ctx.laws[other_law].label, other)), n]
            for (other_law, other), n in together
        ] if number == 1 else []  # fmt: skip
        yield render_page(
            ctx, "provision.md.j2", page, title if number == 1 else f"{title}, side {number}",
            crumbs=[("love/", "Love"), (law_url(law), info.title)] + ([] if number == 1 else [(url, title)]),
            search=SearchMeta("bestemmelse", exclude=number > 1),
            description=f"{title} ({info.title}): {len(occurrences)} henvisninger",
            law_title=info.title, law_link=info.url, law_url=law_url(law), known=info.known,
            groups=sorted(groups.items(), key=lambda g: order.index(g[0]) if g[0] in order else 99),
            count=len(occurrences), together=together_rows, first=(number - 1) * BACKLINK_ROWS + 1, shown=len(part),
            pager=Pager.numbered(f"Sider med henvisninger til {title}", url, len(parts), number),
        )  # fmt: skip
