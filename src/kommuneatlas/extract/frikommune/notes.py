"""Consistency notes: where the status note contradicts itself, as Danish sentences per network.

Checked, each against what the tables hold:
- Tabel 1's count of approved experiments and of participating municipalities;
- the network's name in Tabel 1, its chapter and its Bilagstabel 2.N caption;
- counts the text states ("… har godkendt i alt N forsøg …", "… forsøgsbevillinger (i alt N)",
  "… har ét godkendt forsøg"), in the network's chapter or in a sentence quoting the network's
  name;
- how many experiments the text says took effect on a date ("N forsøg trådte i kraft pr. <dato>"),
  and how many it says were met by a general hjemmel ("N af forsøgene er … imødekommet ved en
  generel hjemmel");
- in-force dates before the first, or after the last, application round's date, as the text gives
  them ("ansøgningsrunde N … trådt i kraft <dato>");
- municipalities an Ikrafttrædelse cell reports on but the Forsøgskommune cell does not list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ...sources.reference import KommuneIndex
from ...text.clean import fold
from ...text.danish_dates import find_danish_dates
from ...text.danish_format import danish_date
from .chapters import Body, Chapter, Paragraph
from .kommuner import mentioned_kommuner
from .tables import Experiment, ExperimentTable, Network, Tabel1Row, Tables

NUMBER_WORDS = {
    "en": 1,
    "én": 1,
    "et": 1,
    "ét": 1,
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    "syv": 7,
    "otte": 8,
    "ni": 9,
    "ti": 10,
    "elleve": 11,
    "tolv": 12,
}
_N = rf"(?P<n>\d+|{'|'.join(NUMBER_WORDS)})"
_TOTAL_CLAIMS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\bi alt {_N}\s+(?:godkendte\s+)?(?:frikommune)?forsøg\b",
        rf"\bforsøg\w*\s+\(i alt {_N}\)",
        rf"\bhar\s+{_N}\s+godkendte?\s+(?:frikommune)?forsøg\b",
    )
)
_DATE_CLAIM = re.compile(
    rf"\b{_N}\s+forsøg\s+(?:trådte|er\s+trådt)\s+i\s+kraft\s+(?:pr\.\s*)?", re.IGNORECASE
)
_GENERAL_CLAIM = re.compile(
    rf"\b{_N}\s+(?:af\s+(?:de\s+\d+\s+)?\w*forsøgene?\s+)?(?:forsøg\s+)?(?:er\s+)?(?:blevet\s+)?"
    r"imødekommet\s+ved\s+en\s+generel\s+(?:lov)?hjemmel",
    re.IGNORECASE,
)
_GENERAL_HJEMMEL = re.compile(r"\bgenerel", re.IGNORECASE)
_ROUND = re.compile(r"\bansøgningsrunde\s+(\d+)\b", re.IGNORECASE)
_IN_FORCE = re.compile(r"\bi\s+kraft\b", re.IGNORECASE)
_QUOTED = re.compile(r"[”“\"]([^”“\"]+)[”“\"]")


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _and(items: Sequence[str]) -> str:
    """The items as a Danish enumeration: "A, B og C"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} og {items[-1]}"


def _quote(items: Iterable[str]) -> list[str]:
    return [f"»{item}«" for item in items]


def _rows(count: int) -> str:
    return f"{count} række" if count == 1 else f"{count} rækker"


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int
    next_text: str  # the sentence after it in the same paragraph, "" if none
    chapter: int | None  # the chapter it stands in; None for the front matter


@dataclass(frozen=True)
class NetworkFacts:
    """What the document says about one network, gathered from its tables and text."""

    network: Network
    table: ExperimentTable | None
    tabel_1: Tabel1Row | None
    chapter: Chapter | None

    @property
    def experiments(self) -> tuple[Experiment, ...]:
        return self.table.experiments if self.table else ()

    @property
    def label(self) -> str:
        return self.table.caption.label if self.table else "bilagstabellerne"

    def names(self) -> set[str]:
        """The folded names the document gives the network."""
        found = [self.network.name, self.chapter.name if self.chapter else ""]
        found += [self.tabel_1.name if self.tabel_1 else "", self.table.caption.name if self.table else ""]
        return {fold(name) for name in found if name}


def _sentences(body: Body) -> list[Sentence]:
    def of(paragraphs: Iterable[Paragraph], chapter: int | None) -> list[Sentence]:
        found: list[Sentence] = []
        for paragraph in paragraphs:
            parts = paragraph.sentences()
            for index, (text, line) in enumerate(parts):
                following = parts[index + 1][0] if index + 1 < len(parts) else ""
                found.append(Sentence(text, line, following, chapter))
        return found

    sentences = of(body.front, None)
    for chapter in body.chapters:
        sentences += of(chapter.paragraphs, chapter.number)
    return sentences


def _about(sentence: Sentence, facts: Sequence[NetworkFacts]) -> list[NetworkFacts]:
    """The networks a sentence is about: those it quotes by name, else its chapter's network."""
    quoted = {fold(name) for name in _QUOTED.findall(sentence.text)}
    named = [f for f in facts if quoted and quoted & f.names()]
    if named:
        return named
    return [f for f in facts if f.network.number == sentence.chapter]


def _where(sentence: Sentence) -> str:
    place = f"Kapitel {sentence.chapter}" if sentence.chapter else "Notatet"
    return f"{place} (linje {sentence.line})"


def _table_notes(f: NetworkFacts, network_table: str) -> list[str]:
    notes: list[str] = []
    n = f.network
    variants: dict[str, list[str]] = {}
    for place, name in (
        ("Tabel 1", f.tabel_1.name if f.tabel_1 else ""),
        (f"kapitel {n.number}", f.chapter.name if f.chapter else ""),
        (f.label, f.table.caption.name if f.table else ""),
    ):
        if name and name != n.name:
            variants.setdefault(name, []).append(place)
    for name, places in variants.items():
        where = _and(places)
        notes.append(
            f"{where[0].upper()}{where[1:]} kalder netværket »{name}«, mens {network_table} kalder det »{n.name}«."
        )
    rows = len(f.experiments)
    if f.tabel_1 and f.table and rows != f.tabel_1.approved:
        notes.append(
            f"{f.label} har {_rows(rows)}, men Tabel 1 (linje {f.tabel_1.line}) angiver "
            f"{f.tabel_1.approved} godkendte forsøg."
        )
    if f.tabel_1 and not f.table:
        notes.append(
            f"Tabel 1 angiver {f.tabel_1.approved} godkendte forsøg, men der er ingen bilagstabel med netværkets forsøg."
        )
    if f.table and not f.tabel_1:
        notes.append(f"{f.label} har {_rows(rows)}, men netværket står ikke i Tabel 1.")
    active = len(n.kommuner) - len(n.inactive_kommuner)
    if f.tabel_1 and f.tabel_1.participants != active:
        notes.append(
            f"Tabel 1 angiver {f.tabel_1.participants} deltagende kommuner, men {network_table} har "
            f"{active} aktive netværkskommuner."
        )
    if n.marked_inactive and rows:
        notes.append(f"{network_table} kalder netværket ikke aktivt, men {f.label} har {_rows(rows)}.")
    return notes


def _claim_notes(sentence: Sentence, f: NetworkFacts) -> list[str]:
    notes: list[str] = []
    rows = len(f.experiments)
    for pattern in _TOTAL_CLAIMS:
        for claim in pattern.finditer(sentence.text):
            if _count(claim["n"]) != rows:
                also = f" og Tabel 1 angiver {f.tabel_1.approved} godkendte forsøg" if f.tabel_1 else ""
                notes.append(
                    f"{_where(sentence)} siger »{sentence.text}«, men {f.label} har {_rows(rows)}{also}."
                )
    for claim in _DATE_CLAIM.finditer(sentence.text):
        dates = find_danish_dates(sentence.text[claim.end() :])
        if not dates or dates[0].start:
            continue
        stated, when = _count(claim["n"]), dates[0].date
        spread = Counter(e.in_force for e in f.experiments if e.in_force)
        if spread[when] != stated:
            listing = ", ".join(f"{danish_date(d)}: {_rows(c)}" for d, c in sorted(spread.items()))
            notes.append(
                f"{_where(sentence)} siger, at {stated} forsøg trådte i kraft {danish_date(when)}, men "
                f"{_rows(spread[when])} i {f.label} har den dato (tabellens datoer: {listing})."
            )
    return notes


def _general_hjemmel_notes(
    sentences: Sequence[Sentence], facts: Sequence[NetworkFacts]
) -> dict[int, list[str]]:
    """Claims that some experiments were met by a general hjemmel, against the Hjemmel cells."""
    general = {
        f.network.number: [e for e in f.experiments if _GENERAL_HJEMMEL.search(e.hjemmel)] for f in facts
    }
    total = sum(len(rows) for rows in general.values())
    labels = [f.label for f in facts if f.table]
    span = f"{labels[0]}–{labels[-1].split()[-1]}" if labels else ""
    notes: dict[int, list[str]] = {}
    for sentence in sentences:
        for claim in _GENERAL_CLAIM.finditer(sentence.text):
            stated = _count(claim["n"])
            if sentence.chapter is None:
                if stated == total:
                    continue
                for f in facts:
                    if general[f.network.number]:
                        notes.setdefault(f.network.number, []).append(
                            f"{_where(sentence)} siger, at {stated} af forsøgene er imødekommet ved en generel "
                            f"hjemmel, men Hjemmel-cellen angiver en generel hjemmel eller regelændring for "
                            f"{_rows(total)} i {span}, heraf {len(general[f.network.number])} "
                            f"i {f.label}."
                        )
                continue
            for f in _about(sentence, facts):
                rows = general[f.network.number]
                if stated == len(rows):
                    continue
                named = _QUOTED.findall(sentence.next_text)
                which = f" ({_and(_quote(named))})" if named else ""
                listed = f" ({_and(_quote(e.title for e in rows))})" if rows else ""
                notes.setdefault(f.network.number, []).append(
                    f"{_where(sentence)} siger, at {stated} af forsøgene er imødekommet ved en generel hjemmel"
                    f"{which}, men kun {_rows(len(rows))} i {f.label} har en generel hjemmel i Hjemmel-cellen"
                    f"{listed}."
                )
    return notes


def round_dates(body: Body) -> dict[int, tuple[date, int]]:
    """The date each application round took effect, as the text gives it, with the line."""
    rounds: dict[int, tuple[date, int]] = {}
    for paragraph in (*body.front, *(p for chapter in body.chapters for p in chapter.paragraphs)):
        mentions = list(_ROUND.finditer(paragraph.text))
        for mention, following in zip(mentions, [*mentions[1:], None], strict=False):
            stretch = paragraph.text[mention.end() : following.start() if following else len(paragraph.text)]
            dates = find_danish_dates(stretch)
            if dates and _IN_FORCE.search(stretch[: dates[0].start]):
                rounds.setdefault(int(mention[1]), (dates[0].date, paragraph.line_at(mention.start())))
    return rounds


def _date_notes(f: NetworkFacts, rounds: dict[int, tuple[date, int]]) -> list[str]:
    if not rounds:
        return []
    first_round, last_round = min(rounds), max(rounds)
    (first, first_line), (last, last_line) = rounds[first_round], rounds[last_round]
    notes: list[str] = []
    for e in f.experiments:
        if e.in_force and e.in_force < first:
            notes.append(
                f"»{e.title}« ({f.label}, linje {e.first_line}) har ikrafttrædelse {danish_date(e.in_force)}, før "
                f"ansøgningsrunde {first_round} trådte i kraft {danish_date(first)} (linje {first_line})."
            )
        if e.in_force and e.in_force > last:
            notes.append(
                f"»{e.title}« ({f.label}, linje {e.first_line}) har ikrafttrædelse {danish_date(e.in_force)}, efter at "
                f"den sidste ansøgningsrunde, {last_round}, trådte i kraft {danish_date(last)} (linje {last_line})."
            )
    return notes


def _kommune_notes(f: NetworkFacts, kommuner: KommuneIndex) -> list[str]:
    notes: list[str] = []
    for e in f.experiments:
        others = [name for name in mentioned_kommuner(e.implementation, kommuner) if name not in e.kommuner]
        if others:
            notes.append(
                f"Ikrafttrædelse-cellen for »{e.title}« (linje {e.first_line}) nævner {_and(others)}, som ikke "
                f"står i cellen Forsøgskommune (»{e.kommuner_raw}«)."
            )
    return notes


def consistency_notes(
    tables: Tables, body: Body, tabel_1: dict[int, Tabel1Row], kommuner: KommuneIndex
) -> dict[int, list[str]]:
    """The notes for each network number."""
    by_number = {table.caption.number: table for table in tables.experiment_tables}
    facts = [
        NetworkFacts(n, by_number.get(n.number), tabel_1.get(n.number), body.chapter(n.number))
        for n in tables.networks
    ]
    sentences = _sentences(body)
    rounds = round_dates(body)
    general = _general_hjemmel_notes(sentences, facts)
    claims: dict[int, list[str]] = {}
    for sentence in sentences:
        for f in _about(sentence, facts):
            claims.setdefault(f.network.number, []).extend(_claim_notes(sentence, f))
    notes: dict[int, list[str]] = {}
    for f in facts:
        found = _table_notes(f, tables.network_table)
        found += claims.get(f.network.number, [])
        found += general.get(f.network.number, [])
        found += _date_notes(f, rounds)
        found += _kommune_notes(f, kommuner)
        notes[f.network.number] = list(dict.fromkeys(found))
    return notes
