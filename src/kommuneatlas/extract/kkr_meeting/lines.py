"""The physical lines of a KKR minutes export with everything that is not content taken out.

Page furniture (``<KKR> | dd-mm-yyyy``, ``SIDE | <n>``), hyperlink targets exported
as bare URL lines, the attachment marker ``./.`` in the margin, template placeholders
(``Her skrives baggrunden``) and repeats of the cover text (KL's mission and vision) are
dropped. Blank lines stay, with their line numbers, but nothing reads meaning into them (see
:mod:`..common.running_text`): converters differ in where they put them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...text.clean import collapse_ws
from ...text.lines import Joined, join_numbered

# The sub-headings of an agenda item, in their usual order.
SUBSECTIONS = ("Baggrund", "Indstilling", "Sagsfremstilling", "Beslutning")

_PAGE_HEADER = re.compile(r"\s*(?P<name>[^|]*?\S)\s*\|\s*(?P<date>\d{1,2}-\d{1,2}-\d{4})\s*")
_PAGE_NUMBER = re.compile(r"\s*side\s*\|\s*\d+\s*", re.IGNORECASE)
_URL = re.compile(r"\s*https?://\S+\s*")
_ATTACHMENT_MARKER = re.compile(r"^\s*\./\.\s*")
# The template's "Her skrives baggrunden" (… indstillingen, sagsfremstillingen, beslutningen).
_PLACEHOLDER = re.compile(
    rf"\s*her skrives (?:{'|'.join(name.lower() + 'en' for name in SUBSECTIONS)})\.?\s*", re.IGNORECASE
)


@dataclass(frozen=True)
class Line:
    """One physical line of the source: its 1-based number and its text."""

    number: int
    text: str

    @property
    def clean(self) -> str:
        return collapse_ws(self.text)


@dataclass(frozen=True)
class PageHeader:
    """A page-furniture header line: the publisher's name and the meeting date as printed."""

    line: int
    name: str
    date: str


def page_headers(raw: Sequence[str]) -> list[PageHeader]:
    """Every ``<name> | dd-mm-yyyy`` furniture line of the document."""
    return [
        PageHeader(number, collapse_ws(match["name"]), match["date"])
        for number, text in enumerate(raw, 1)
        if (match := _PAGE_HEADER.fullmatch(text))
    ]


def _is_furniture(text: str) -> bool:
    return any(pattern.fullmatch(text) for pattern in (_PAGE_HEADER, _PAGE_NUMBER, _URL, _PLACEHOLDER))


def _cover_repeats(lines: Sequence[Line], cover: Iterable[str]) -> set[int]:
    """Numbers of lines that repeat the cover text: runs of at least two non-blank cover lines."""
    cover_texts = {text for text in map(collapse_ws, cover) if text}
    runs: list[list[int]] = [[]]
    for line in lines:
        if text := line.clean:
            if text in cover_texts:
                runs[-1].append(line.number)
            elif runs[-1]:
                runs.append([])
    return {number for run in runs if len(run) >= 2 for number in run}


def content_lines(raw: Sequence[str], first: int) -> list[Line]:
    """Lines ``first`` … end (1-based) without furniture, markers, placeholders and cover repeats.

    Everything before ``first`` is the cover; its text is not content wherever it recurs.
    """
    lines = [
        Line(number, _ATTACHMENT_MARKER.sub("", text))
        for number, text in enumerate(raw[first - 1 :], first)
        if not _is_furniture(text)
    ]
    repeats = _cover_repeats(lines, raw[: first - 1])
    return [line for line in lines if line.number not in repeats]


def passage(lines: Iterable[Line]) -> Joined:
    """The lines joined (see :func:`kommuneatlas.text.lines.join_numbered`); empty if all are blank."""
    return join_numbered((line.number, line.text) for line in lines) or Joined("", (), ())
