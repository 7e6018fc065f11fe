"""Regional proposals (kind ``regional-proposal``) in the layout of the bundled proposal.

Layout, as :mod:`kommuneatlas.extract.regional_proposal` reads it: a title block of adjacent lines
naming a municipality and the region, then paragraphs whose wrapped lines are separated by blank
lines; a lead-in "Region <name> foreslår følgende:" introduces the proposals, each starting on an
indented line, with a space-only spacer line after each; an unindented paragraph after a spacer
ends the list.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..text.slugs import slugify
from .context import Context, Document
from .prose import danish_date, thousands, wrap

KIND = "regional-proposal"
WIDTH = 88


def _paragraph(text: str, ctx: Context, indent: bool = False) -> list[str]:
    lines: list[str] = []
    for index, line in enumerate(wrap(text, WIDTH, ctx.rng)):
        lines += [f"{' ' if indent and index == 0 else ''}{line} ", ""]
    return lines


def regional_proposal(ctx: Context) -> Document:
    """One proposal from a region to one of its municipalities about a facility."""
    rng = ctx.rng
    prose = ctx.prose
    kkr = rng.choice(ctx.kommuner.kkrs)
    region = ctx.region(kkr)
    kommune = rng.choice(ctx.kkr_members(kkr)).name
    facility = prose.pick("facility_names")
    when = date(2010, 1, 1) + timedelta(days=rng.randrange(16 * 365))
    decided = when - timedelta(days=rng.randrange(30, 90))
    title = (
        f"Forslag om et udbygget samarbejde mellem {kommune} Kommune og Region {region} "
        f"som alternativ til overtagelse af {facility}"
    )
    lines = [f" {line} " for line in wrap(title, 62, rng, hyphenate=0.0)]
    lines += [" ", ""]
    lines += _paragraph(
        f"{kommune} Kommunes byråd besluttede den {danish_date(decided)} at meddele regionsrådet, at "
        f"kommunen ønsker at overtage {facility} jf. {prose.pick('law_refs')}. Regionen har frist til "
        f"{danish_date(when + timedelta(days=30))} til at fremsætte alternative muligheder.",
        ctx,
    )
    for _ in range(rng.randint(3, 6)):
        lines += _paragraph(prose.paragraph(2, 5), ctx)
    lines += _paragraph(f"Region {region} foreslår følgende:", ctx)
    proposals = rng.randint(2, 5)
    for index in range(proposals):
        lines += _paragraph(
            f"Et samarbejde om {prose.pick('topics')} mellem {facility} og {kommune} Kommune. {prose.paragraph(1, 3)}",
            ctx,
            indent=True,
        )
        if index == 0:
            lines += _paragraph(
                f"Region {region} giver tilsagn om en midlertidig takstreduktion på "
                f"{thousands(rng.randrange(2, 40) * 100_000)} kr. i {when.year} og "
                f"{thousands(rng.randrange(2, 40) * 100_000)} kr. i {when.year + 1}.",
                ctx,
            )
        lines += [" ", ""]
    lines += _paragraph(
        "Det foreslås, at ovenstående konkretiseres i et nærmere samarbejde på administrativt niveau.", ctx
    )
    document_id = ctx.keys.draw(lambda: f"r{region[:1].lower()} {when.year} {facility}")
    return Document(
        id=slugify(document_id),
        title=title,
        publisher=f"Region {region}",
        date=when,
        kind=KIND,
        text="\n".join(lines) + "\n",
        counts={"documents": 1},
    )
