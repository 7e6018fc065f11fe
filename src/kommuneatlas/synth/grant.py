"""Grant commitments (kind ``grant-commitment``) in the layout of the bundled "Tilsagn".

Layout, as :mod:`kommuneatlas.extract.grant.commitment` reads it: a preamble naming the grantor
("(A) Name, CVR-nr. …, address (”Short”)" after "… er afgivet af") and the municipality ("(B) …"
after "og accepteret af"); upper-case numbered sections with clauses "N.k" (wrapped lines
separated by blank lines, some with "(i)" items), the last one listing the appendices
("Bilag 3.2 Udbetalingsplan"); a signature page ("Underskriftside …", "Dato: …", "For <party>:"
with a name and a title); then the appendices, each opened by a line such as "BILAG 3.2 - PLAN FOR UDBETALING", with
clauses, a supplier ("CVR-nr." under its name) and flattened tables of figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..text.slugs import slugify
from .context import Context, Document
from .prose import danish_date, thousands, upper_first, wrap

KIND = "grant-commitment"
WIDTH = 110

_OBLIGATIONS = (
    "afrapportere på Indsatsens fremdrift hvert halve år",
    "stille de nødvendige data til rådighed for evalueringen",
    "sikre en forsvarlig økonomistyring af Tilskuddet",
    "informere {abbr} om væsentlige ændringer i Indsatsen",
    "opbevare regnskabsmateriale i mindst fem år efter Tilsagnsperiodens ophør",
    "udpege en ansvarlig projektleder for Indsatsen",
)
_RIGHTS = (
    "tilbageholde udbetalinger",
    "kræve Tilskuddet tilbagebetalt helt eller delvist",
    "tilbagekalde Tilsagnet med et varsel på en måned",
    "iværksætte en ekstern gennemgang af Indsatsen",
)
_JOINT = (
    "afholde et årsmøde om Indsatsens resultater",
    "aftale en plan for afrapportering",
    "gennemgå budgettet for det kommende år",
    "drøfte behovet for justeringer af Indsatsen",
)
_EVENTS = (
    "Indsatsens opstart",
    "hvert regnskabsårs afslutning",
    "modtagelsen af evaluators rapport",
    "underskrivelsen af dette Tilsagn",
)
_SECTIONS = (
    "AFRAPPORTERING",
    "MISLIGHOLDELSE",
    "ÆNDRINGER OG OVERDRAGELSE",
    "FORTROLIGHED",
    "EVALUERING",
    "MEDDELELSER",
    "TVISTER OG LOVVALG",
)


def _clause(number: str, text: str, ctx: Context) -> list[str]:
    return [part for line in wrap(f"{number} {text}", WIDTH, ctx.rng) for part in (f"{line} ", "")]


def _contract_sentence(ctx: Context, abbr: str) -> str:
    rng = ctx.rng
    return rng.choice(
        (
            f"Kommunen er forpligtet til at {rng.choice(_OBLIGATIONS).format(abbr=abbr)} i hele Tilsagnsperioden.",
            f"{abbr} kan {rng.choice(_RIGHTS)}, såfremt Kommunen ikke overholder sine forpligtelser efter dette Tilsagn.",
            f"Parterne skal {rng.choice(_JOINT)} senest {rng.randint(1, 6)} måneder efter {rng.choice(_EVENTS)}.",
            f"Ændringer i Indsatsen kræver skriftlig godkendelse fra {abbr}. {ctx.prose.sentence(legal=0.0)}",
        )
    )


def _party(label: str, name: str, ctx: Context, short: str) -> str:
    rng = ctx.rng
    street = f"{ctx.prose.pick('streets')} {rng.randint(1, 80)}"
    return f"({label}) {name}, CVR-nr. {rng.randrange(10_000_000, 99_999_999)}, {street}, {rng.randrange(1000, 9990)} {name.split()[0]} (”{short}”) "


@dataclass(frozen=True)
class _Grant:
    """What one commitment is about, drawn before its text: the fund, the municipality, the
    facility, the date, the period and the yearly rates."""

    fund: str
    abbr: str
    kommune: str
    facility: str
    when: date
    start: date
    end: date
    rates: tuple[int, ...]
    target: str

    @property
    def total(self) -> int:
        return sum(self.rates)

    @classmethod
    def draw(cls, ctx: Context) -> _Grant:
        rng = ctx.rng
        prose = ctx.prose
        fund = prose.pick("fund_names")
        abbr = "".join(word[0] for word in fund.split() if word[0].isupper())
        kommune = rng.choice(ctx.kommuner.kommuner).name
        facility = prose.pick("facility_names")
        when = date(2012, 1, 2) + timedelta(days=rng.randrange(13 * 365))
        start = date(when.year + 1, 1, 1)
        end = date(when.year + 3, 12, 31)
        rates = tuple(rng.randrange(400, 2000) * 1000 for _ in range(3))
        target = prose.pick("target_groups")
        return cls(fund, abbr, kommune, facility, when, start, end, rates, target)


def grant_commitment(ctx: Context) -> Document:
    """One commitment from a fund to a municipality, with five appendices."""
    g = _Grant.draw(ctx)
    lines = _front(g, ctx) + _terms(g, ctx) + _appendices(g, ctx)
    document_id = ctx.keys.draw(lambda: f"{g.abbr} {g.when.year} {g.kommune} tilsagn")
    return Document(
        id=slugify(document_id),
        title=f"Tilsagn om betinget tilskud fra {g.fund} til {g.kommune} Kommune",
        publisher=g.fund,
        date=g.when,
        kind=KIND,
        text="\n".join(lines) + "\n",
        counts={"documents": 1},
    )


def _front(g: _Grant, ctx: Context) -> list[str]:
    """The preamble: who gives the grant and who accepts it."""
    lines = [" Tilsagnet om tilskud er afgivet af ", "", " ", ""]
    lines += [_party("A", f"{g.fund} S/I", ctx, g.abbr), "", "og accepteret af ", "", " ", ""]
    lines += [_party("B", f"{g.kommune} Kommune", ctx, "Kommunen"), "", " ", ""]
    lines += [f"({g.abbr} og Kommunen er individuelt en ”Part” og kollektivt ”Parterne”). ", ""]
    return lines


def _terms(g: _Grant, ctx: Context) -> list[str]:
    """The numbered sections, the list of appendices and the signature page."""
    rng = ctx.rng
    prose = ctx.prose
    abbr, kommune, facility, target = g.abbr, g.kommune, g.facility, g.target
    sections: list[tuple[str, list[str]]] = [
        (
            "INDLEDNING",
            [
                f"{kommune} Kommune ønsker at styrke indsatsen for {target} med udgangspunkt i {facility}. "
                f"{prose.paragraph(2, 3, legal=0.2)}",
                f"Formålet med dette Tilsagn er at yde et betinget tilskud fra {abbr} til Kommunen til finansiering "
                f"af velfærdsindsatsen {facility} (”Indsatsen”), som er nærmere beskrevet i bilag 1.4.",
                f"Målgruppen for Indsatsen er {target}. {prose.sentence(legal=0.0)}",
            ],
        ),
        (
            "TILSAGNETS VARIGHED",
            [
                f"Indsatsen løber fra den {danish_date(g.start)} til og med den {danish_date(g.end)} (”Indsatsperioden”).",
                _contract_sentence(ctx, abbr),
            ],
        ),
        (
            "UDBETALING AF TILSKUDDET",
            [
                f"{abbr} afgiver hermed tilsagn om at yde et samlet betinget tilskud til Kommunen på i alt "
                f"DKK {thousands(g.total)} (”Tilskuddet”) på de vilkår, der er anført i dette Tilsagn.",
                f"Udbetaling af Tilskuddet er betinget af, (1) at Kommunen medfinansierer Indsatsen med "
                f"DKK {thousands(rng.randrange(100, 900) * 1000)}, og (2) at Indsatsen er igangsat senest "
                f"{danish_date(g.start + timedelta(days=rng.randrange(30, 120)))}.",
                _contract_sentence(ctx, abbr),
            ],
        ),
    ]
    for heading in rng.sample(_SECTIONS, rng.randint(3, 6)):
        clauses = [
            " ".join(_contract_sentence(ctx, abbr) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(3, 7))
        ]
        sections.append((heading, clauses))
    appendices = (
        ("1.4", "Projektbeskrivelse"),
        ("3.2", "Udbetalingsplan for Indsatsen"),
        ("4.1", "Budget for Indsatsen"),
        ("5.1", "Tilbagebetalingsplan for Indsatsen"),
    )
    lines: list[str] = []
    for number, (heading, clauses) in enumerate(sections, 1):
        lines += [f"{number}. {heading} ", ""]
        for index, text in enumerate(clauses, 1):
            lines += _clause(f"{number}.{index}", text, ctx)
    lines += [f"{len(sections) + 1}. BILAG ", ""]
    for number, title in appendices:
        lines += [f"Bilag {number} {title} ", ""]
    lines += [
        " ",
        "",
        f"Underskriftside til Tilsagn vedrørende {facility.upper()}",
        "",
        f"Dato: {danish_date(g.when)}",
        "",
    ]
    for party, role in ((f"{kommune} Kommune", "Direktør"), (f"{g.fund} S/I", "Bestyrelsesformand")):
        lines += [f"For {party}:", "", prose.person(), "", role, ""]
    return lines


def _appendices(g: _Grant, ctx: Context) -> list[str]:
    """The project description, the payment plan, the budget and the repayment plan."""
    rng = ctx.rng
    prose = ctx.prose
    start = g.start
    lines = [" BILAG 1.4 - PROJEKTBESKRIVELSE ", "", "1. INDSATSEN ", ""]
    for index in range(1, rng.randint(10, 24)):
        lines += _clause(f"1.{index}", prose.paragraph(3, 6, legal=0.15), ctx)
    lines += ["2. LEVERANDØRER ", "", "Indsatsen gennemføres med støtte fra følgende leverandør:", ""]
    lines += [
        f"{upper_first(prose.pick('surnames'))} Rådgivning ApS",
        f"CVR-nr. {rng.randrange(10_000_000, 99_999_999)}",
    ]
    lines += [f"{prose.pick('streets')} {rng.randint(1, 80)}", f"{rng.randrange(1000, 9990)} {g.kommune}", ""]

    lines += [
        "BILAG 3.2 - PLAN FOR UDBETALING AF TILSKUDDET ",
        "",
        " ",
        "",
        "Udbetalingsrate Periode Beløb (DKK) ",
        "",
    ]
    for name, year, amount in zip(
        ("Første rate", "Anden rate", "Tredje rate"), range(start.year, start.year + 3), g.rates, strict=True
    ):
        lines += [f"{name} {year} {thousands(amount)} ", ""]
    lines += [f"Total {thousands(g.total)} ", ""]

    lines += [
        "BILAG 4.1 - BUDGET FOR INDSATSEN ",
        "",
        f" {start.year} {start.year + 1} {start.year + 2} TOTAL ",
        "",
    ]
    for post in ("Personale", "Lokaler", "Kompetenceudvikling", "Kørsel", "Materialer", "Evaluering"):
        shares = [rng.randrange(10, 900) * 1000 for _ in range(3)]
        lines += [f"{post} {' '.join(thousands(s) for s in shares)} {thousands(sum(shares))} ", ""]

    lines += ["BILAG 5.1 - PLAN FOR TILBAGEBETALING ", "", "1. PRINCIPPER ", ""]
    for index in range(1, rng.randint(5, 12)):
        lines += _clause(f"1.{index}", f"{_contract_sentence(ctx, g.abbr)} {prose.paragraph(1, 3)}", ctx)
    return lines
