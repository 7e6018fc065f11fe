"""KKR appendix bundles (kind ``kkr-appendix-bundle``) in the layout of the bundled "Bilag".

Layout, as :mod:`kommuneatlas.extract.kkr_appendix.bundle` reads it: a table of contents
("Indholdsfortegnelse - Bilag", then ``<item> <title><TAB><page>`` and ``Bilag n: <title>…<TAB><page>``
lines), then each attachment opened by a bare item-number line and the item's title. Attachments
are letters (a KL footer block "Dato: … Side n af m", "Kære …", "Med venlig hilsen" and the
signatures), notes with a footer block on every page, a note with a tab-separated table whose last
column is the legal basis (cells partly HTML, continuation rows starting with a tab), and an
agreement with the financing table ``Kommune<TAB>1.000 kr.`` and an "i alt" row. Paragraphs are
single long lines separated by blank lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ..text.slugs import slugify
from .context import Context, Document
from .prose import danish_date, thousands, upper_first

KIND = "kkr-appendix-bundle"
PARAGRAPHS_PER_PAGE = 7


@dataclass
class _Attachment:
    item: str
    item_title: str
    title: str
    lines: list[str] = field(default_factory=list)
    pages: int = 1


class _Footer:
    """The KL page furniture: one block per page, numbered "Side n af m" once the count is known."""

    def __init__(self, ctx: Context, when: date, region: str) -> None:
        rng = ctx.rng
        self.when = when
        self.case = f"SAG-{when.year}-{rng.randrange(1, 6000):05d}"
        self.doc_id = str(rng.randrange(3_000_000, 3_999_999))
        initials = "".join(rng.choice("ABCDEFGHJKLMNOPRSTV") for _ in range(4))
        self.mail = f"{initials}@kl.dk"
        self.phone = f"{rng.randrange(20, 99)}{rng.randrange(10, 99)} {rng.randrange(1000, 9999)}"
        kommune = rng.choice(ctx.kkr_members(f"KKR {region}"))
        self.address = [f"{kommune.name} Kommune", f"{ctx.prose.pick('streets')} {rng.randrange(1, 40)}"]
        self.run_together = rng.random() < 0.3  # the exporter glues some lines together

    def block(self, page: int) -> list[str]:
        doc_line = f"Dok. ID: {self.doc_id}"
        contact = [f"E-mail: {self.mail}", f"Direkte: {self.phone}"]
        head = [f"{doc_line}{contact[0]}", contact[1]] if self.run_together else [doc_line, "", *contact]
        return [
            f"Dato: {danish_date(self.when)}",
            "",
            f"Sags ID: {self.case}",
            *head,
            "",
            *self.address,
            "",
            "www.kl.dk",
            f"Side {page} af {{pages}}",
            "",
        ]


def _paragraphs(ctx: Context, count: int, footer: _Footer | None, attachment: _Attachment) -> None:
    prose = ctx.prose
    rng = ctx.rng
    for index in range(count):
        if footer and index and index % PARAGRAPHS_PER_PAGE == 0:
            attachment.lines += footer.block(attachment.pages)
            attachment.pages += 1
        roll = rng.random()
        if roll < 0.15:
            attachment.lines += [upper_first(prose.pick("topics")), ""]
        elif roll < 0.25:
            attachment.lines += [*(f"- {prose.sentence()}" for _ in range(rng.randint(2, 5))), ""]
            continue
        attachment.lines += [prose.paragraph(2, 6), ""]


def _letter(ctx: Context, attachment: _Attachment, kkr: str, when: date, footer: _Footer) -> None:
    prose = ctx.prose
    rng = ctx.rng
    recipient = prose.person()
    if rng.random() < 0.4:
        attachment.lines += [kkr, *footer.address[:-1], f"{footer.address[-1]}**{attachment.title}**", ""]
        attachment.lines += [
            f"Dato {when:%d-%m-%Y}",
            "",
            f"Sagsnr. {rng.randrange(1, 99)}-{rng.randrange(10, 99)}-{rng.randrange(10, 99)}",
            "",
        ]
    else:
        attachment.lines += [attachment.title, ""]
        attachment.lines += footer.block(1)
    attachment.lines += [f"Kære {recipient}", ""]
    attachment.lines += [
        f"{kkr} har på sit seneste møde drøftet {prose.pick('topics')}. {prose.paragraph(1, 3)}",
        "",
    ]
    for _ in range(rng.randint(2, 5)):
        attachment.lines += [prose.paragraph(2, 5), ""]
    attachment.lines += [prose.pick("letter_closings"), ""]
    for _ in range(rng.randint(1, 2)):
        attachment.lines += [f"{prose.person()}, {prose.pick('letter_roles')} {kkr}", ""]


def _note(ctx: Context, attachment: _Attachment, kkr: str, footer: _Footer) -> None:
    attachment.lines += [attachment.title, ""]
    attachment.lines += [f"Notatet er udarbejdet til {kkr}. {ctx.prose.paragraph(2, 4)}", ""]
    attachment.lines += footer.block(attachment.pages)
    attachment.pages += 1
    _paragraphs(ctx, ctx.rng.randint(8, 30), footer, attachment)


def _cell(ctx: Context, text: str) -> str:
    """A table cell, in HTML paragraphs about half the time."""
    if ctx.rng.random() < 0.5:
        return " ".join(f"<p>{sentence}</p>" for sentence in text.split(". ") if sentence)
    return text


def _bureaucracy(ctx: Context, attachment: _Attachment, footer: _Footer) -> None:
    prose = ctx.prose
    rng = ctx.rng
    attachment.lines += [attachment.title, ""]
    attachment.lines += footer.block(attachment.pages)
    attachment.pages += 1
    attachment.lines += ["Emne\tKort beskrivelse\tEvt. lovgrundlag eller lign."]
    for row in range(rng.randint(10, 40)):
        if row and row % 12 == 0:
            attachment.lines += ["", *footer.block(attachment.pages)]
            attachment.pages += 1
        subject = prose.pick("bureaucracy_subjects")
        legal = prose.pick("law_refs") if rng.random() < 0.6 else ""
        attachment.lines.append(
            f"{_cell(ctx, subject)}\t{_cell(ctx, prose.paragraph(1, 3, legal=0.0))}\t{legal}"
        )
        if rng.random() < 0.15:
            attachment.lines += ["", f"\t<p>{prose.sentence(legal=0.0)}</p>\t"]
    attachment.lines += ["", "Lokale eksempler", ""]
    for _ in range(rng.randint(2, 6)):
        attachment.lines.append(f"{prose.pick('bureaucracy_subjects')}\t{prose.paragraph(1, 2, legal=0.0)}\t")
    attachment.lines.append("")


def _agreement(ctx: Context, attachment: _Attachment, kkr: str, region: str, footer: _Footer) -> None:
    prose = ctx.prose
    rng = ctx.rng
    attachment.lines += [attachment.title, ""]
    _paragraphs(ctx, rng.randint(6, 20), None, attachment)
    members = ctx.kkr_members(kkr)
    amounts = [rng.randrange(100, 12_000) for _ in members]
    attachment.lines += [
        "Økonomi",
        "",
        f"Kommunerne i {region} finansierer samarbejdets basisbevilling på {thousands(sum(amounts))} "
        f"t.kr. Beløbet fordeles efter indbyggertal:",
        "",
        "Kommune\t1.000 kr.",
        *(f"{k.name}\t{thousands(a)}" for k, a in zip(members, amounts, strict=True)),
        f"{region} i alt\t{thousands(sum(amounts))}",
        "",
        f"For {kkr}",
        "",
        prose.person(),
        "",
        f"Formand for {kkr}",
        "",
    ]


def kkr_appendix_bundle(ctx: Context) -> Document:
    """One bundle: 3–5 agenda items with 4–7 attachments in all."""
    rng = ctx.rng
    prose = ctx.prose
    kkr = rng.choice(ctx.kommuner.kkrs)
    region = ctx.region(kkr)
    when = date(2010, 1, 1) + timedelta(days=rng.randrange(16 * 365))
    numbers = sorted(
        {f"{rng.randint(2, 4)}.{rng.randint(1, 9)}" for _ in range(rng.randint(3, 6))},
        key=lambda n: tuple(int(p) for p in n.split(".")),
    )
    attachments: list[_Attachment] = []
    kinds = ["bureaucracy", "agreement"] if rng.random() < 0.8 else []
    for number in numbers:
        item_title = prose.title()
        for _ in range(rng.randint(1, 2)):
            attachments.append(_Attachment(number, item_title, upper_first(prose.title())))
    for index, attachment in enumerate(attachments):
        footer = _Footer(ctx, when + timedelta(days=index), region)
        kind = kinds.pop() if kinds and rng.random() < 0.5 else rng.choice(("letter", "note", "note"))
        if kind == "letter":
            _letter(ctx, attachment, kkr, when, footer)
        elif kind == "note":
            _note(ctx, attachment, kkr, footer)
        elif kind == "bureaucracy":
            _bureaucracy(ctx, attachment, footer)
        else:
            _agreement(ctx, attachment, kkr, region, footer)

    toc = ["", "", "Indholdsfortegnelse - Bilag", "", "Indholdsfortegnelse - Bilag\t1"]
    body: list[str] = []
    page = 2
    previous_item = ""
    counters: dict[str, int] = {}
    for attachment in attachments:
        if attachment.item != previous_item:
            toc.append(f"{attachment.item} {attachment.item_title}\t{page}")
            previous_item = attachment.item
        counters[attachment.item] = counters.get(attachment.item, 0) + 1
        dots = "....." if rng.random() < 0.5 else ""
        toc.append(f"Bilag {counters[attachment.item]}: {attachment.title}{dots}\t{page}")
        body += ["", attachment.item, "", attachment.item_title, ""]
        body += [line.replace("{pages}", str(attachment.pages)) for line in attachment.lines]
        page += attachment.pages
    document_id = ctx.keys.draw(lambda: f"{kkr} {when.year} bilag {rng.randrange(1, 99)}")
    return Document(
        id=slugify(document_id),
        title=f"{kkr}, bilag til mødet {danish_date(when)}",
        publisher=kkr,
        date=when,
        kind=KIND,
        text="\n".join([*toc, *body]) + "\n",
        counts={"documents": 1},
    )
