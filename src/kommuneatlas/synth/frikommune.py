"""Frikommune status notes (kind ``frikommune-status``) in the layout of the bundled VIVE note.

Layout, as :mod:`kommuneatlas.extract.frikommune.status` reads it: front matter (Forord, Overordnet
status with the application rounds and "Tabel 1": one line per network with its number of
municipalities and of approved experiments), one chapter per active network (" N <name>" on a
new page, an introduction, data sources as glyph bullets, "N.1" status and "N.2" experiences),
then "Bilag 1" with Bilagstabel 1.1 (Tema, Netværkskommuner, Indhold; the last network inactive)
and "Bilag 2" with Bilagstabel 2.N per active network: seven narrow columns serialised cell by
cell with blank lines between, words hyphenated at the column edge, the header repeated at the
top of every page. Running text is wrapped at about 100 characters; a page's first line starts
with a space.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..text.slugs import slugify
from .context import Context, Document
from .prose import danish_date, join_danish, narrow, numeric_date, upper_first, wrap

KIND = "frikommune-status"
NETWORKS = 8  # the last one has no approved experiments
EXPERIMENTS = 79
WIDTH = 100
PAGE_LINES = 44
ROWS_PER_PAGE = 3
GLYPH = "\uf0b7"  # the bullet as the PDF export writes it (a private-use character)
EXPERIMENT_HEADER = [
    "Titel på ",
    "forsøg ",
    "",
    "Forsøgskom-",
    "mune ",
    "",
    "Indhold af forsøget Målgruppe Hjemmel Ikrafttrædelse og im-",
    "plementering ",
    "",
    "Beskrivelse af evaluering ",
    "",
]
COLUMN_WIDTHS = (
    12,
    14,
    46,
    24,
    16,
    22,
    32,
)  # title, kommuner, content, target, hjemmel, in force, evaluation


@dataclass(frozen=True)
class _Experiment:
    title: str
    kommuner: list[str]
    in_force: date


@dataclass(frozen=True)
class _Network:
    number: int
    name: str
    kommuner: list[str]
    theme: str
    experiments: list[_Experiment]


class _Pages:
    """Running text with page starts (a leading space) every :data:`PAGE_LINES` lines."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.on_page = 0

    def new_page(self, first: str) -> None:
        self.lines.append(f" {first}")
        self.on_page = 1

    def add(self, text: str) -> None:
        if text and self.on_page >= PAGE_LINES:
            self.new_page(text)
            return
        self.lines.append(text)
        self.on_page += 1

    def paragraph(self, text: str, ctx: Context) -> None:
        for line in wrap(text, WIDTH, ctx.rng):
            self.add(f"{line} ")
        self.add("")


def _split(total: int, parts: int, ctx: Context) -> list[int]:
    """``total`` experiments over ``parts`` networks, each at least one, unevenly like the real note."""
    weights = [ctx.rng.random() ** 2 + 0.05 for _ in range(parts)]
    counts = [1 + int((total - parts) * w / sum(weights)) for w in weights]
    for index in range(total - sum(counts)):
        counts[index % parts] += 1
    return counts


def _networks(ctx: Context, rounds: list[date]) -> list[_Network]:
    rng = ctx.rng
    words = ctx.prose.words
    counts = _split(EXPERIMENTS, NETWORKS - 1, ctx)
    networks: list[_Network] = []
    for number in range(1, NETWORKS + 1):
        kkr = rng.choice(ctx.kommuner.kkrs)
        pool = [k.name for k in ctx.kkr_members(kkr)]
        members = rng.sample(pool, rng.randint(3, min(11, len(pool))))
        name = ctx.titles.draw(
            lambda: upper_first(f"{ctx.prose.pick('network_name_heads')} {ctx.prose.pick('network_themes')}"),
            lambda base, n, members=members: f"{rng.choice(members)}-netværket: {base}",
        )
        experiments = [
            _Experiment(
                title=ctx.titles.draw(lambda: _experiment_title(ctx)),
                kommuner=rng.sample(members, rng.randint(1, len(members))),
                in_force=rng.choice(rounds),
            )
            for _ in range(counts[number - 1] if number < NETWORKS else 0)
        ]
        theme = f"Netværket vil arbejde med {rng.choice(words['topics'])} og {rng.choice(words['needs'])} {rng.choice(words['topics'])}."
        networks.append(_Network(number, name, members, theme, experiments))
    return networks


def _experiment_title(ctx: Context) -> str:
    prose = ctx.prose
    title = f"{prose.pick('experiment_measures')} {prose.pick('experiment_areas')}"
    roll = ctx.rng.random()
    if roll < 0.45:
        title += f" for {prose.pick('target_groups')}"
    elif roll < 0.75:
        title += f" i {prose.pick('network_themes')}"
    return title


def _front(out: _Pages, ctx: Context, networks: list[_Network], year: int, rounds: list[date]) -> None:
    prose = ctx.prose
    rng = ctx.rng
    active = [n for n in networks if n.experiments]
    total = sum(len(n.experiments) for n in networks)
    out.new_page("Forord ")
    out.add("")
    for _ in range(rng.randint(3, 5)):
        out.paragraph(prose.paragraph(3, 5), ctx)
    out.add(f"{prose.person()} ")
    out.add("Forsknings- og analysechef ")
    out.add(f"{rng.choice(('Januar', 'Februar', 'Marts', 'September'))} {year} ")
    out.new_page("Overordnet status ")
    out.add("")
    out.add("Ansøgte og godkendte forsøg ")
    out.add("")
    out.paragraph(
        f"I alt er der blevet ansøgt om {total + rng.randint(5, 40)} frikommuneforsøg, og regeringen har "
        f"imødekommet {total} af dem. {prose.paragraph(1, 2)}",
        ctx,
    )
    out.paragraph(
        "Ansøgningerne om forsøg er indsendt i tre runder. "
        f"Godkendte forsøg fra ansøgningsrunde 1 er trådt i kraft {danish_date(rounds[0])}, "
        f"forsøg fra ansøgningsrunde 2 er trådt i kraft {danish_date(rounds[1])}, og forsøg fra "
        f"ansøgningsrunde 3 er trådt i kraft {danish_date(rounds[2])}.",
        ctx,
    )
    out.paragraph(prose.paragraph(3, 5), ctx)
    out.add("Tabel 1 Netværkene, deres kommuner og de godkendte forsøg ")
    out.add("")
    out.add("Frikommunenetværk Antal ")
    out.add("deltagende ")
    out.add("kommuner ")
    out.add("")
    out.add("Antal ")
    out.add("godkendte ")
    out.add("forsøg ")
    out.add("")
    for network in active:
        out.add(f"{network.name} {len(network.kommuner)} {len(network.experiments)} ")
        out.add("")
    out.add("Note: Nogle kommuner deltager i flere netværk. ")
    out.add("")
    for _ in range(rng.randint(2, 4)):
        out.paragraph(prose.paragraph(3, 6), ctx)
    quoted = rng.choice(active)
    out.paragraph(
        f"Frikommunenetværket ”{quoted.name}” har {len(quoted.experiments)} godkendte forsøg. {prose.sentence()}",
        ctx,
    )
    out.add(" ")
    out.add(f"1  {prose.sentence()} ")
    out.add("")


def _chapter(out: _Pages, ctx: Context, network: _Network) -> None:
    prose = ctx.prose
    rng = ctx.rng
    heading = wrap(f"{network.number} {network.name}", 48, rng, hyphenate=0.0)
    out.new_page(f"{heading[0]} ")
    for line in heading[1:]:
        out.add(f"{line} ")
    out.add("")
    out.paragraph(
        f"Frikommunenetværket ”{network.name}” består af {len(network.kommuner)} kommuner: "
        f"{join_danish(network.kommuner)}. {prose.paragraph(2, 4)}",
        ctx,
    )
    out.paragraph(prose.paragraph(2, 4), ctx)
    out.paragraph("Statusnotatet bygger på følgende datakilder:", ctx)
    for source in rng.sample(prose.words["data_sources"], rng.randint(3, 5)):
        out.add(f"{GLYPH} {source} ")
    out.add("")
    out.add(f"{network.number}.1 Status for forsøgene ")
    out.add("")
    out.paragraph(
        f"Der er i alt {len(network.experiments)} forsøg i frikommunenetværket. {prose.paragraph(2, 4)}", ctx
    )
    for _ in range(rng.randint(1, 3)):
        out.paragraph(prose.paragraph(3, 6), ctx)
    out.add(f"{network.number}.2 Hvad forsøgene har vist indtil nu ")
    out.add("")
    for _ in range(rng.randint(2, 4)):
        out.paragraph(prose.paragraph(3, 6), ctx)


def _cell(text: str, width: int, ctx: Context) -> list[str]:
    return [*(f"{line} " for line in narrow(text, width, ctx.rng)), ""]


def _network_row(network: _Network, ctx: Context) -> list[str]:
    kommuner = ", ".join(network.kommuner)
    if not network.experiments:
        kommuner += " (Netværket er inaktivt: ingen af dets forsøg er godkendt)"
    return [
        *_cell(network.name, 26, ctx),
        *_cell(kommuner, 28, ctx),
        *_cell(network.theme, 52, ctx),
    ]


def _experiment_row(experiment: _Experiment, ctx: Context) -> list[str]:
    prose = ctx.prose
    rng = ctx.rng
    area = prose.pick("experiment_areas")
    hjemmel = prose.pick("hjemmel_refs").format(n=rng.randint(2, 40), area=area)
    involved = rng.choice(experiment.kommuner)
    cells = (
        experiment.title,
        ", ".join(experiment.kommuner),
        f"Med forsøget gives der mulighed for {lower(experiment.title)}. {prose.paragraph(2, 4, legal=0.0)}",
        f"Målgruppen er {prose.pick('target_groups')}, herunder {prose.pick('target_groups')}.",
        hjemmel,
        f"Lovmæssig ikrafttrædelse pr. {numeric_date(experiment.in_force)}. I {involved} har "
        f"{rng.randint(3, 300)} borgere deltaget i forsøget.",
        f"Evalueringen bygger på {prose.pick('evaluation_methods')} og {prose.pick('evaluation_methods')}. "
        f"{prose.sentence(legal=0.0)}",
    )
    return [
        line for text, width in zip(cells, COLUMN_WIDTHS, strict=True) for line in _cell(text, width, ctx)
    ]


def lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _appendices(out: list[str], ctx: Context, networks: list[_Network], total: int) -> None:
    out += [
        " Bilag 1 Netværkene i overblik ",
        "",
        "Bilagstabel 1.1 Netværkene i overblik ",
    ]
    out += [" ", "", "Tema Netværkskommuner Indhold ", ""]
    for network in networks:
        out += _network_row(network, ctx)
    out += [f" Bilag 2 Oversigt over de {total} frikommuneforsøg ", ""]
    for network in networks:
        if not network.experiments:
            continue
        out += [
            f" Bilagstabel 2.{network.number} Status på forsøg i frikommunenetværket ”{network.name}” ",
            " ",
            "",
            *EXPERIMENT_HEADER,
        ]
        for index, experiment in enumerate(network.experiments):
            if index and index % ROWS_PER_PAGE == 0:
                out.pop()  # the header of the next page follows the last cell directly
                out += [f" {EXPERIMENT_HEADER[0]}", *EXPERIMENT_HEADER[1:]]
            out += _experiment_row(experiment, ctx)


def frikommune_status(ctx: Context) -> Document:
    """One status note: eight networks (seven active) and :data:`EXPERIMENTS` experiments."""
    rng = ctx.rng
    year = rng.randrange(2008, 2026)
    rounds = [date(year - 2, 7, 1), date(year - 1, 1, 1), date(year - 1, 7, 1)]
    networks = _networks(ctx, rounds)
    total = sum(len(n.experiments) for n in networks)
    body = _Pages()
    _front(body, ctx, networks, year, rounds)
    for network in networks:
        if network.experiments:
            _chapter(body, ctx, network)
    lines = body.lines
    _appendices(lines, ctx, networks, total)
    title = f"Frikommuneforsøg {year - 3}–{year + 1}. Statusnotat"
    document_id = ctx.keys.draw(lambda: f"vive {year} frikommuneforsoeg {slugify(networks[0].name, 30)}")
    return Document(
        id=slugify(document_id),
        title=title,
        publisher="VIVE",
        date=date(year, rng.randint(1, 12), 1),
        kind=KIND,
        text="\n".join(lines) + "\n",
        counts={"networks": NETWORKS, "experiments": total},
    )
