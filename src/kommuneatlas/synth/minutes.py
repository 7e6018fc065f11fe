"""KKR minutes (kind ``kkr-minutes``) in the layout of the bundled referat, and the agenda
(kind ``kkr-agenda``) of the same meeting: :func:`compose` draws a meeting, :func:`write` lays it
out as the referat or, without decisions and with every member under "Deltagere", as the dagsorden.

Layout, as :mod:`kommuneatlas.extract.kkr_meeting.minutes` reads it: a cover (two short headed
paragraphs), "Deltagerfortegnelse" with "Deltagere" and "Afbud" (``Name (Party) <kommune>
Kommune``), then numbered sections ("2. …") with items ("2.3. <title>", a case line
"SAG-<year>-<number> <initials>", and the sub-headings Baggrund, Indstilling, Sagsfremstilling,
Beslutning). Every physical line is followed by a blank line, paragraphs end with a line holding
one space, and the first line of each page starts with a space; some pages carry the furniture
``KKR <region> | dd-mm-yyyy`` and ``SIDE | n``. Item 1.1 states the meeting date, 1.2 the previous
meeting, the last item the next one; one item appoints people to a body.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ..text.slugs import slugify
from .context import Context, Document
from .prose import danish_date, upper_first, wrap

KIND = "kkr-minutes"
AGENDA_KIND = "kkr-agenda"
WIDTH = 74
PAGE_LINES = 46  # text lines per page


@dataclass
class _Writer:
    """Physical lines with the export's double spacing and page breaks."""

    kkr: str
    when: date
    lines: list[str] = field(default_factory=list)
    on_page: int = 0
    page: int = 1

    def line(self, text: str) -> None:
        """One text line and the blank line the export puts after it; a new page starts with a space."""
        if self.on_page >= PAGE_LINES:
            self.page += 1
            self.on_page = 0
            if self.page % 3 == 0:
                self.lines += [f"{self.kkr}  | {self.when:%d-%m-%Y} ", "", f" SIDE  |  {self.page} ", ""]
            text = f" {text}"
        self.lines += [f"{text} ", ""]
        self.on_page += 1

    def spacer(self) -> None:
        """The space-only line that ends a paragraph."""
        self.lines += [" ", ""]

    def paragraph(self, text: str, ctx: Context) -> None:
        for line in wrap(text, WIDTH, ctx.rng):
            self.line(line)
        self.spacer()


def _genitive(kkr: str) -> str:
    return kkr if kkr.endswith("s") else f"{kkr}s"


@dataclass
class _Item:
    title: str
    baggrund: list[str]
    indstilling: list[str]
    sagsfremstilling: list[str]
    beslutning: list[str]
    appointees: int = 0
    bullets: list[str] = field(default_factory=list)  # an indstilling given as a list
    case: str = ""


@dataclass
class Meeting:
    """A drawn meeting: what its agenda and its minutes say."""

    kkr: str
    when: date
    cover: list[tuple[str, str]]  # headed paragraphs
    present: list[str]  # roster lines
    absent: list[str]
    sections: list[tuple[str, list[_Item]]]
    appointees: int


def _case_line(ctx: Context, when: date) -> str:
    return f"SAG-{when.year}-{ctx.rng.randrange(1, 6000):05d} {ctx.prose.pick('case_initials')}"


def _ordinary_item(ctx: Context, kkr: str) -> _Item:
    prose = ctx.prose
    rng = ctx.rng
    background = [prose.paragraph(2, 4) for _ in range(rng.randint(1, 2))]
    presentation: list[str] = []
    for _ in range(rng.randint(2, 6)):
        if rng.random() < 0.25:
            presentation.append(upper_first(prose.pick("topics")))  # a sub-heading
        presentation.append(prose.paragraph(2, 5))
    if rng.random() < 0.3:
        presentation.append(f"./. {prose.paragraph(1, 3)}")
    item = _Item(
        title=prose.title(),
        baggrund=background,
        indstilling=[f"Det indstilles, at {kkr} {prose.pick('recommendations')}."],
        sagsfremstilling=presentation,
        beslutning=[f"{kkr} {prose.pick('decisions')}."],
    )
    if rng.random() < 0.3:
        item.indstilling = [f"Det indstilles, at {kkr}"]
        item.bullets = [f"– {prose.pick('recommendations')}" for _ in range(rng.randint(2, 3))]
    if rng.random() < 0.5:
        item.beslutning.insert(0, prose.paragraph(1, 3))
    return item


def _appointment_item(ctx: Context, kkr: str, region: str) -> tuple[_Item, int]:
    prose = ctx.prose
    rng = ctx.rng
    body = prose.pick("appointment_bodies").format(region=region)
    groups = rng.sample(ctx.prose.words["appointment_groups"], rng.randint(1, 3))
    decision = [f"{kkr} udpegede følgende til {body}:"]
    appointees = 0
    for group in groups:
        count = rng.randint(1, 3)
        decision.append(f"{count} {group}")
        for _ in range(count):
            name = prose.person()
            decision.append(f"{name} ({prose.pick('organisations')})" if rng.random() < 0.7 else name)
        appointees += count
    if rng.random() < 0.6:
        name = prose.person()
        decision.append(
            f"{kkr} tog desuden til efterretning, at Region {region} har udpeget "
            f"{prose.pick('roles')} {name} som repræsentant til {body}."
        )
        appointees += 1
    start = rng.randrange(2014, 2026)
    item = _Item(
        title=upper_first(f"udpegning til {body}"),
        baggrund=[
            f"{kkr} skal udpege medlemmer til {body} for perioden {start}-{start + 4}. {prose.sentence()}"
        ],
        indstilling=[f"Det indstilles, at {kkr} udpeger medlemmer til {body}."],
        sagsfremstilling=[prose.paragraph(2, 4) for _ in range(rng.randint(1, 3))],
        beslutning=decision,
    )
    return item, appointees


def _write_item(out: _Writer, ctx: Context, number: str, item: _Item, agenda: bool) -> None:
    title = wrap(f"{number}. {item.title}", WIDTH, ctx.rng, hyphenate=0.0)
    for index, text in enumerate(title):  # a wrapped title continues on the directly following line
        out.lines += [f"{text} "] if index < len(title) - 1 else [f"{text} ", ""]
    out.line(item.case)
    out.spacer()
    for heading, paragraphs in (
        ("Baggrund", item.baggrund),
        ("Indstilling", item.indstilling),
        ("Sagsfremstilling", item.sagsfremstilling),
        ("Beslutning", [] if agenda else item.beslutning),
    ):
        if not paragraphs:
            continue
        out.line(heading)
        for text in paragraphs:
            if heading == "Beslutning" and (text.endswith(":") or not text.endswith(".")):
                out.line(text)  # appointment list lines stand alone
                continue
            out.paragraph(text, ctx)
        if heading == "Indstilling" and item.bullets:
            for bullet in item.bullets:
                out.line(bullet)
            out.spacer()
    out.spacer()
    out.spacer()


def compose(ctx: Context) -> Meeting:
    """A meeting of a random KKR on a date no other generated meeting has."""
    rng = ctx.rng
    prose = ctx.prose
    while True:
        kkr = rng.choice(ctx.kommuner.kkrs)
        when = _weekday(date(2010, 1, 4) + timedelta(days=rng.randrange(16 * 365)))
        if ctx.keys.take(f"meeting {kkr} {when}"):
            break
    previous = _weekday(when - timedelta(days=rng.randrange(35, 80)))
    following = _weekday(when + timedelta(days=rng.randrange(35, 100)))
    region = ctx.region(kkr)
    members = ctx.kkr_members(kkr)
    cover = [(heading, prose.paragraph(1, 2)) for heading in rng.sample(prose.words["cover_headings"], 2)]
    roster = []
    for _ in range(rng.randint(12, 20) + rng.randint(1, 5)):
        kommune = rng.choice(members).name
        comma = "," if rng.random() < 0.05 else ""
        roster.append(f"{prose.person()} ({prose.pick('parties')}){comma} {kommune} Kommune ")
    absent = rng.randint(1, 5)

    genitive = _genitive(kkr)
    opening = [
        _Item(
            "Godkendelse af dagsorden",
            [f"Godkendelse af dagsorden til {genitive} møde den {danish_date(when)}."],
            [f"Det indstilles, at dagsorden til {genitive} møde den {danish_date(when)} godkendes."],
            [f"Dagsordenen er udsendt den {danish_date(when - timedelta(days=7))}."],
            [],
        ),
        _Item(
            "Godkendelse af referat",
            [f"Godkendelse af referat fra møde i {kkr} den {danish_date(previous)}."],
            [f"Det indstilles, at referat fra møde i {kkr} den {danish_date(previous)} godkendes."],
            [
                f"Referatet er udsendt den {danish_date(previous + timedelta(days=3))}. "
                "Der er ikke indkommet bemærkninger."
            ],
            [],
        ),
    ]
    appointment, appointees = _appointment_item(ctx, kkr, region)
    closing = _Item(
        "Punkter til kommende møder",
        [f"Næste møde i {kkr} er planlagt til den {danish_date(following)}."],
        [f"Det indstilles, at {kkr} tager listen over kommende sager til efterretning."],
        ["Den foreløbige liste over sager er:", *(f"– {prose.title()}" for _ in range(rng.randint(1, 3)))],
        [f"{kkr} tog listen over kommende sager til efterretning."],
    )
    sections: list[tuple[str, list[_Item]]] = [
        (rng.choice(prose.words["section_titles"][0]), opening),
        (
            rng.choice(prose.words["section_titles"][1]),
            [_ordinary_item(ctx, kkr) for _ in range(rng.randint(3, 7))],
        ),
        (
            rng.choice(prose.words["section_titles"][2]),
            [_ordinary_item(ctx, kkr) for _ in range(rng.randint(1, 4))],
        ),
        (rng.choice(prose.words["section_titles"][3]), [appointment]),
        (rng.choice(prose.words["section_titles"][4]), [_ordinary_item(ctx, kkr)]),
        (rng.choice(prose.words["section_titles"][5]), [closing]),
        (rng.choice(prose.words["section_titles"][6]), []),
    ]
    case = _case_line(ctx, when)
    for _, section_items in sections:
        for item in section_items:
            item.case = case if rng.random() < 0.7 else _case_line(ctx, when)
    return Meeting(
        kkr, when, cover, roster[: len(roster) - absent], roster[len(roster) - absent :], sections, appointees
    )


def write(meeting: Meeting, ctx: Context, agenda: bool = False) -> Document:
    """The meeting's minutes, or (``agenda``) its agenda: no decisions, every member a participant."""
    rng = ctx.rng
    kkr, when = meeting.kkr, meeting.when
    out = _Writer(kkr, when)
    out.lines += ["", " ", ""]
    for heading, paragraph in meeting.cover:
        out.lines += [f"{heading} ", ""]
        for line in wrap(paragraph, 56, rng, hyphenate=0.0):
            out.lines += [f"{line} ", ""]
        out.lines += [" ", ""]
    out.lines += [" Deltagerfortegnelse ", "", "Deltagere ", ""]
    listed = [*meeting.present, *meeting.absent]
    for index, line in enumerate(listed):
        if index == len(meeting.present) and not agenda:
            out.lines += [" ", "", "Afbud ", ""]
        out.lines += [line, ""]
    items = 0
    for number, (title, section_items) in enumerate(meeting.sections, 1):
        out.lines += [f" {number}. {title} ", "", " ", "", " ", ""]
        for index, item in enumerate(section_items, 1):
            _write_item(out, ctx, f"{number}.{index}", item, agenda)
            items += 1
    kind, what, word = (
        (AGENDA_KIND, "dagsorden", "Dagsorden til mødet") if agenda else (KIND, "referat", "Referat af mødet")
    )
    return Document(
        id=slugify(f"{kkr} {when.isoformat()} {what}"),
        title=f"{word} i {kkr} {danish_date(when)}",
        publisher=kkr,
        date=when,
        kind=kind,
        text="\n".join(out.lines) + "\n",
        counts={
            "meetings": 1,
            "items": items,
            "people": len(listed) + (0 if agenda else meeting.appointees),
        },
    )


def kkr_minutes(ctx: Context) -> Document:
    """One set of minutes (see :func:`compose`)."""
    return write(compose(ctx), ctx)


def _weekday(day: date) -> date:
    """``day``, or the Monday after it when it falls on a weekend."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day
