"""The law catalogue (``data/laws.yaml``): every law the site knows and the names texts use for it.

Editors write the few names a law goes by; the inflected forms are derived here:

* the title ("Lov om social service"), matched in any case, without trailing
  parentheticals ("(integrationsloven)", "(VVM)"), and "m.v." also as "mv." or left out;
* each short name ("serviceloven") with its genitive ("servicelovens") and, for names
  ending in -loven, -elsen or -mentet, the indefinite form ("servicelov",
  "bekendtgørelse", "bygningsreglement"), in any case;
* each abbreviation ("LAB") exactly as written, and for an act whose title starts "Lov"
  also "LAB-loven" and "LAB-lovens";
* ``forms``: further spellings taken as they are (in any case), e.g. a common misspelling.

A name may denote two laws only if both list it under ``shared``; a law may also list a name
there that means something else too ("ML"). The resolver picks by the laws' ``context_words``,
else the law listed first; a name that one law lists alone counts only next to a § or with one
of its context words near (see :mod:`.resolve`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..errors import KommuneatlasError, Problem
from ..store.yaml import load_round_trip
from .lawnames import lookup_key, name_key
from .name_patterns import BILL_PREFIX, LAW_PREFIX, TITLE_ETC, TITLE_PARENTHETICAL, law_name_patterns

INDEFINITE_ENDINGS = (("loven", "lov"), ("elsen", "else"), ("mentet", "ment"))
"""Definite ending → indefinite ending of a one-word short name ("frikommuneloven" → "frikommunelov")."""

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_BILL = re.compile(BILL_PREFIX, re.IGNORECASE)
_LIST_FIELDS = ("short_names", "abbreviations", "forms", "shared", "context_words")
_FIELDS = frozenset({"id", "title", "url", *_LIST_FIELDS})


@dataclass(frozen=True)
class Law:
    """One act in the catalogue; see the module docstring for how its names are matched."""

    id: str
    title: str
    short_names: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    url: str | None = None
    shared: tuple[str, ...] = ()
    context_words: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How pages name the act briefly: its abbreviation, else its short name, else its title."""
        if self.abbreviations:
            return self.abbreviations[0]
        if self.short_names:
            return self.short_names[0][:1].upper() + self.short_names[0][1:]
        return self.title

    @property
    def is_eu(self) -> bool:
        """Whether the act is an EU regulation or directive (articles, no §§)."""
        return bool(self.url and "eur-lex.europa.eu" in self.url) or "(EU)" in self.title

    @property
    def aliases(self) -> list[str]:
        """The names the act goes by besides its title."""
        return list(dict.fromkeys([*self.abbreviations, *self.short_names, *self.forms]))

    def name_forms(self) -> dict[str, str]:
        """Every case-insensitive form (folded) → the name in the catalogue it derives from."""
        derived: dict[str, str] = {}
        base = self.title
        while TITLE_PARENTHETICAL.search(base):
            base = TITLE_PARENTHETICAL.sub("", base)
        title = name_key(base)
        derived[title] = self.title
        if " m.v. " in title:
            derived[title.replace(" m.v. ", " mv. ")] = self.title
        if TITLE_ETC.search(title):
            stem = TITLE_ETC.sub("", title)
            derived[stem] = derived[stem + " mv."] = self.title
        for name in self.short_names:
            folded = name_key(name)
            derived[folded] = derived[folded + "s"] = name
            if " " not in folded:
                for definite, indefinite in INDEFINITE_ENDINGS:
                    if folded.endswith(definite):
                        derived[folded[: -len(definite)] + indefinite] = name
        for form in self.forms:
            derived[name_key(form)] = form
        return derived

    def abbreviation_forms(self) -> dict[str, str]:
        """Every case-sensitive form → the abbreviation it derives from."""
        derived: dict[str, str] = {}
        is_act = name_key(self.title).startswith("lov")
        for abbreviation in self.abbreviations:
            derived[abbreviation] = abbreviation
            if is_act:
                derived[abbreviation + "-loven"] = derived[abbreviation + "-lovens"] = abbreviation
        return derived


class LawCatalogue:
    """The laws by id, with an index from every name form to the ids it may denote.

    Raises :class:`KommuneatlasError` when two laws share a name neither declared as
    ``shared``. ``lines`` (law id → line in ``source``) only improves the messages.
    """

    def __init__(
        self,
        laws: Iterable[Law],
        source: Path | str = "laws",
        lines: Mapping[str, int] | None = None,
        origins: Mapping[str, Path | str] | None = None,
    ) -> None:
        self.laws: dict[str, Law] = {}
        self.source = source
        lines = lines or {}
        origins = origins or {}
        problems: list[Problem] = []
        self._names: dict[str, tuple[str, ...]] = {}
        self._abbreviations: dict[str, tuple[str, ...]] = {}
        self._shared: set[str] = set()  # the forms of names listed under ``shared``
        form_origins: dict[tuple[str, str], str] = {}  # (law id, name form) → the name it derives from
        for law in laws:
            if law.id in self.laws:
                problems.append(
                    Problem(
                        origins.get(law.id, source),
                        lines.get(law.id),
                        f"lov-id'et {law.id!r} findes to gange",
                    )
                )
                continue
            self.laws[law.id] = law
            for index, forms in (
                (self._names, law.name_forms()),
                (self._abbreviations, law.abbreviation_forms()),
            ):
                for form, origin in forms.items():
                    others = index.get(form, ())
                    clash = [
                        other
                        for other in others
                        if not self._may_share(law, origin, other, form, form_origins)
                    ]
                    if clash:
                        other = clash[0]
                        where = origins.get(law.id, source)
                        elsewhere = origins.get(other, source)
                        if other not in lines:
                            other_place = ""
                        elif str(elsewhere) == str(where):
                            other_place = f" (linje {lines[other]})"
                        else:
                            other_place = f" ({elsewhere}, linje {lines[other]})"
                        problems.append(
                            Problem(
                                where,
                                lines.get(law.id),
                                f"loven {law.id!r}: navnet {form!r} (fra {origin!r}) er også navn på loven "
                                f"{other!r}{other_place}; skriv det under 'shared' i begge love, hvis det "
                                "virkelig betegner begge",
                            )
                        )
                        continue
                    index[form] = (*others, law.id)
                    form_origins[(law.id, form)] = origin
                    if origin in law.shared:
                        self._shared.add(form)
        if problems:
            raise KommuneatlasError(problems)
        self._title_keys: dict[str, tuple[str, ...]] = {}
        self._urls: dict[str, str] = {}
        for law in self.laws.values():
            for form in [law.title, *law.forms]:
                key = lookup_key(form)
                if " " in key and law.id not in self._title_keys.get(key, ()):
                    self._title_keys[key] = (*self._title_keys.get(key, ()), law.id)
            if law.url:
                self._urls.setdefault(law.url.rstrip("/"), law.id)

    def _may_share(
        self, law: Law, origin: str, other: str, form: str, origins: Mapping[tuple[str, str], str]
    ) -> bool:
        """Whether ``form`` (from ``origin``) may denote both ``law`` and ``other``: both declared it."""
        return origin in law.shared and origins[(other, form)] in self.laws[other].shared

    def __iter__(self) -> Iterator[Law]:
        return iter(self.laws.values())

    def __len__(self) -> int:
        return len(self.laws)

    def __contains__(self, law_id: object) -> bool:
        return law_id in self.laws

    def __getitem__(self, law_id: str) -> Law:
        return self.laws[law_id]

    def ids(self) -> list[str]:
        """The law ids in catalogue order."""
        return list(self.laws)

    def lookup(self, name: str) -> tuple[str, ...]:
        """The ids a law name (as written, whitespace aside) may denote; empty if unknown."""
        text = " ".join(name.split())
        if text in self._abbreviations:
            return self._abbreviations[text]
        folded = text.lower()
        bill = _BILL.match(folded)
        if bill:
            folded = LAW_PREFIX + folded[bill.end() :]
        return self._names.get(folded, ()) or self._title_keys.get(lookup_key(folded), ())

    def abbreviation(self, name: str) -> tuple[str, ...]:
        """The ids an abbreviation exactly as given ("SEL") may denote; empty if it is none."""
        return self._abbreviations.get(name, ())

    def is_shared(self, name: str) -> bool:
        """Whether the name (as written) is one a law lists under ``shared``: it may denote
        another law, or something that is no law, and context decides (see :mod:`.resolve`)."""
        text = " ".join(name.split())
        return text in self._shared if text in self._abbreviations else text.lower() in self._shared

    def by_url(self, url: str) -> str | None:
        """The id of the law whose ``url`` is ``url`` (an act's ELI address), if any."""
        return self._urls.get(url.rstrip("/"))

    def knows_title(self, title: str) -> tuple[str, ...]:
        """The ids of the laws whose title (or a title-like form) has the key of ``title``."""
        return self._title_keys.get(lookup_key(title), ())

    @cached_property
    def patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """The compiled patterns for abbreviations and for (lower-case) names, see
        :func:`.name_patterns.law_name_patterns`."""
        tails = [form[len(LAW_PREFIX) :] for form in self._names if form.startswith(LAW_PREFIX)]
        return law_name_patterns(self._abbreviations, self._names, tails)


PACKAGED = Path(__file__).with_name("laws.yaml")
"""The catalogue shipped with the package (as eyecite ships its reporters): ``cite`` works anywhere."""


def load_catalogue(path: Path | None = None) -> LawCatalogue:
    """The packaged catalogue, extended and overridden by ``path`` (a project's ``data/laws.yaml``).

    An entry in ``path`` whose id the packaged catalogue has replaces that law entirely; any
    other entry adds a law. A missing ``path`` adds nothing. Every problem is reported as
    ``file:line: message``.
    """
    packaged, packaged_lines = _packaged()
    laws, lines = list(packaged), dict(packaged_lines)
    origin = {law_id: PACKAGED for law_id in lines}
    if path is not None and path.is_file():
        extra, extra_lines = read_catalogue_file(path)
        replaced = {law.id: law for law in extra if law.id in lines}
        laws = [replaced.get(law.id, law) for law in laws] + [law for law in extra if law.id not in lines]
        lines.update(extra_lines)
        origin.update(dict.fromkeys(extra_lines, path))
    source = path if path is not None and path.is_file() else PACKAGED
    return LawCatalogue(laws, source=source, lines=lines, origins=origin)


@cache
def _packaged() -> tuple[tuple[Law, ...], dict[str, int]]:
    """The packaged catalogue, read once per process (it is part of the installed package)."""
    laws, lines = read_catalogue_file(PACKAGED)
    return tuple(laws), lines


def read_catalogue_file(path: Path) -> tuple[list[Law], dict[str, int]]:
    """The laws of one catalogue file and the line of each entry; raises with every problem."""
    try:
        data = load_round_trip(path)  # a syntax error or a file not in UTF-8: file:line:column
    except OSError as exc:
        raise KommuneatlasError(Problem(path, None, f"kan ikke læse lovkataloget: {exc.strerror}")) from exc
    if not isinstance(data, CommentedMap) or not isinstance(data.get("laws"), CommentedSeq):
        raise KommuneatlasError(Problem(path, 1, "forventede en mapping med en liste under 'laws:'"))
    problems = [
        Problem(
            path, data.lc.key(key)[0] + 1, f"ukendt nøgle {key!r} på øverste niveau (kun 'laws' er tilladt)"
        )
        for key in data
        if key != "laws"
    ]
    laws: list[Law] = []
    lines: dict[str, int] = {}
    entries: CommentedSeq = data["laws"]
    for index, entry in enumerate(entries):
        line = entries.lc.item(index)[0] + 1
        law = _read_law(path, line, entry, problems)
        if law is None:
            continue
        if law.id in lines:
            problems.append(
                Problem(path, line, f"lov-id'et {law.id!r} findes to gange (også på linje {lines[law.id]})")
            )
            continue
        laws.append(law)
        lines[law.id] = line
    if problems:
        raise KommuneatlasError(problems)
    return laws, lines


def _read_law(path: Path, line: int, entry: Any, problems: list[Problem]) -> Law | None:
    if not isinstance(entry, CommentedMap):
        problems.append(Problem(path, line, "hver lov skal være en mapping med mindst id og title"))
        return None

    def key_line(key: str) -> int:
        return entry.lc.key(key)[0] + 1 if key in entry else line

    before = len(problems)
    for key in entry:
        if key not in _FIELDS:
            problems.append(
                Problem(
                    path, key_line(key), f"ukendt felt {key!r} (kendte felter: {', '.join(sorted(_FIELDS))})"
                )
            )
    for key in ("id", "title"):
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(
                Problem(path, key_line(key), f"loven mangler {key!r} (en tekst, der ikke er tom)")
            )
    law_id = entry.get("id")
    if isinstance(law_id, str) and law_id and not _ID.match(law_id):
        problems.append(
            Problem(path, key_line("id"), f"id'et {law_id!r} må kun bestå af små bogstaver, cifre og '-'")
        )
    url = entry.get("url")
    if url is not None and not (isinstance(url, str) and url.startswith(("https://", "http://"))):
        problems.append(Problem(path, key_line("url"), "url skal være en http(s)-adresse"))
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_FIELDS:
        value = entry.get(key) or []
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            problems.append(
                Problem(path, key_line(key), f"{key!r} skal være en liste af tekster, der ikke er tomme")
            )
            continue
        lists[key] = tuple(item.strip() for item in value)
    names = {*lists.get("short_names", ()), *lists.get("abbreviations", ()), *lists.get("forms", ())}
    for name in lists.get("shared", ()):
        if name not in names:
            problems.append(
                Problem(path, key_line("shared"), f"det delte navn {name!r} er ikke et af lovens navne")
            )
    if len(problems) > before:
        return None
    return Law(
        id=str(law_id),
        title=str(entry["title"]).strip(),
        url=url,
        **lists,
    )
