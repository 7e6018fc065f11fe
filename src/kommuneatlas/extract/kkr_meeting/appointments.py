"""Appointments made in a decision ("Beslutning") of KKR minutes.

Two phrasings are understood:

* a list: ``<appointer> udpegede følgende til <body>:`` followed by lines that are either
  appointees (``Name (Organisation)`` or a bare ``Name``, a final full stop being punctuation) or
  group headings with a count (``<count> <group>`` or ``<count> fra <group>``); an
  appointee without an organisation represents their group. The list ends at the first other line.
* a sentence: ``<appointer> har udpeget [title] Name som repræsentant til <body>.``; the appointee
  represents the appointer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...errors import ExtractionError
from ...text.sentences import ends_sentence
from .lines import Line, passage

_WORD = r"[A-ZÆØÅ][\w’'-]*"
_PROPER = rf"{_WORD}(?:\s+{_WORD})*"  # capitalised words: an appointer or a body's owner
_NAME_PART = r"(?:[A-ZÆØÅ]\.|[A-ZÆØÅ][a-zæøåäöüé]+(?:-[A-ZÆØÅ][a-zæøåäöüé]+)*)"
_NAME = rf"{_NAME_PART}(?:\s+{_NAME_PART}){{1,4}}"

_LIST_INTRO = re.compile(rf"(?P<by>{_PROPER})\s+udpeg(?:ede|er)\s+følgende\s+til\s+(?P<body>[^:]+):")
_GROUP = re.compile(r"\d+\s+(?:fra\s+)?(?P<what>\S.*)", re.IGNORECASE)
_APPOINTEE = re.compile(rf"(?P<name>{_NAME})(?:\s*\((?P<org>[^()]+)\))?\s*\.?")
_WHO = r"(?:[^.,;:]|(?<=\s[A-ZÆØÅ])\.)+?"  # up to punctuation, but through an initial ("Jan O. Hansen")
_SENTENCE = re.compile(
    rf"(?P<by>{_PROPER})\s+(?:har\s+)?udpeg(?:et|ede)\s+(?P<who>{_WHO})\s+"
    r"som\s+(?:sin\s+|deres\s+)?repræsentant\s+(?:til|i)\s+(?P<body>[^.;:]+)"
)
# Role words that precede a name ("Regionsrådsformand <name>", "borgmester <name>").
_ROLE_SUFFIXES = ("formand", "borgmester", "direktør", "medlem", "rådmand", "chef", "læge")


@dataclass(frozen=True)
class Appointment:
    body: str
    name: str
    representing: str | None
    appointed_by: str
    group: str | None
    line: int


def _strip_role(words: str) -> str:
    """``"Regionsrådsformand Anne Berg"`` → ``"Anne Berg"``: leading role and lower-case words dropped."""
    tokens = words.split()
    while tokens and (tokens[0][0].islower() or tokens[0].lower().endswith(_ROLE_SUFFIXES)):
        tokens.pop(0)
    return " ".join(tokens)


def _read_list(lines: Sequence[Line], start: int, intro: re.Match[str]) -> tuple[list[Appointment], int]:
    """The appointees listed from ``lines[start]`` on; also the index of the first line after the list."""
    found: list[Appointment] = []
    group: re.Match[str] | None = None
    index = start
    while index < len(lines):
        line = lines[index]
        if heading := _GROUP.fullmatch(line.clean):
            group = heading
        elif appointee := _APPOINTEE.fullmatch(line.clean):
            representing = appointee["org"] or (group["what"] if group else None)
            found.append(
                Appointment(
                    body=intro["body"],
                    name=appointee["name"],
                    representing=representing,
                    appointed_by=intro["by"],
                    group=group[0] if group else None,
                    line=line.number,
                )
            )
        else:
            break
        index += 1
    return found, index


def _list_appointments(lines: Sequence[Line], path: Path) -> list[Appointment]:
    """Appointments in ``… udpegede følgende til <body>:`` lists."""
    texts = [line for line in lines if line.clean]
    found: list[Appointment] = []
    sentence: list[Line] = []
    index = 0
    while index < len(texts):
        line = texts[index]
        sentence.append(line)
        index += 1
        if line.clean.endswith(":") and (intro := _LIST_INTRO.search(passage(sentence).text)):
            listed, index = _read_list(texts, index, intro)
            if not listed:
                raise ExtractionError(path, line.number, "en liste over udpegede uden navne")
            found += listed
            sentence = []
        elif ends_sentence(line.clean):
            sentence = []
    return found


def _sentence_appointments(lines: Sequence[Line]) -> list[Appointment]:
    joined = passage(lines)
    found: list[Appointment] = []
    for match in _SENTENCE.finditer(joined.text):
        name = _strip_role(match["who"])
        if re.fullmatch(_NAME, name):
            offset = match.start("who") + match["who"].index(name)
            by = match["by"]
            found.append(Appointment(match["body"], name, by, by, None, joined.line_at(offset)))
    return found


def parse_appointments(lines: Sequence[Line], path: Path) -> list[Appointment]:
    """The appointments in a decision's lines, in the order they are written."""
    return sorted(_list_appointments(lines, path) + _sentence_appointments(lines), key=lambda a: a.line)
