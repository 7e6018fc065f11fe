"""The Jinja2 environment: autoescaping on, templates from ``templates/``, headings, table-row filters."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Undefined
from markupsafe import Markup, escape

from ...model.urls import source_text_url
from ...text.clean import shorten
from ...text.danish_format import as_date, danish_date, danish_number, kroner, thousand_kroner
from .headings import MarkdownHeadings, heading
from .linker import Linker


def time_element(value: object) -> Markup:
    """``<time datetime="2022-03-25">25. marts 2022</time>``; a value that is no date, escaped as it is."""
    day = as_date(value)
    if day is None:
        return escape("" if value is None else str(value))
    return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), danish_date(day))


def _line_link(links: Linker, document_id: str, line: int | None) -> Markup | str:
    return links.a(source_text_url(document_id, line), f"linje {line}") if line else ""


PARTY_ROLES = {
    "proposer": "forslagsstiller",
    "recipient": "modtager",
    "grantor": "tilskudsgiver",
    "supplier": "leverandør",
}


def _party_row(party: dict[str, Any]) -> list[Any]:
    role = party.get("role")
    return [party.get("name"), PARTY_ROLES.get(role, role), party.get("cvr"), party.get("address")]


def _amount_row(amount: dict[str, Any], links: Linker) -> list[Any]:
    return [kroner(amount.get("amount_kr")), links.text(amount.get("text"))]


def _date_row(entry: dict[str, Any], links: Linker) -> list[Any]:
    return [time_element(entry.get("date")), links.text(entry.get("text"))]


def _line_row(entry: dict[str, Any], links: Linker, document_id: str, *keys: str) -> list[Any]:
    return [entry.get(key) for key in keys] + [_line_link(links, document_id, entry.get("line"))]


def _letter_row(letter: dict[str, Any], links: Linker, document_id: str) -> list[Any]:
    title = links.a(source_text_url(document_id, letter.get("line")), letter.get("title") or "")
    return [
        letter.get("item"),
        title,
        time_element(letter.get("date")),
        letter.get("case_id"),
        letter.get("sender"),
        letter.get("recipient"),
    ]


def _bureaucracy_row(row: dict[str, Any], links: Linker) -> list[Any]:
    return [
        links.text(row.get("subject")),
        links.text(row.get("description")),
        links.text(row.get("legal_basis")),
    ]


def _flat(value: Any) -> str:
    """A running text on one line (its paragraphs and list items run together), for descriptions."""
    return " ".join(str(value).split()) if value is not None else ""


def _text_groups(paragraphs: list[Any]) -> list[Any]:
    """A list of paragraphs with each run of plain strings joined into one text (blank line between):
    the renderer then finds its references once, and a list running over several strings is one list.
    Mappings (a paragraph with its number or heading) stay as they are."""
    groups: list[Any] = []
    for paragraph in paragraphs or []:
        if isinstance(paragraph, dict):
            groups.append(paragraph)
        elif groups and isinstance(groups[-1], str):
            groups[-1] = f"{groups[-1]}\n\n{paragraph}"
        else:
            groups.append(str(paragraph))
    return groups


def _host(url: str | None) -> str:
    """The site a link leads to, as readers name it: "retsinformation.dk"."""
    return urlsplit(url).netloc.removeprefix("www.") if url else ""


def _size(value: Any) -> int:
    """Characters of text in a value: strings, and the strings inside mappings and lists."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(_size(v) for v in value.values())
    if isinstance(value, list):
        return sum(_size(v) for v in value)
    return 0


def _cut(paragraph: Any, room: int) -> Any:
    """A paragraph (a string, or a mapping with "text") shortened to ``room`` characters at a word."""
    text = paragraph.get("text") if isinstance(paragraph, dict) else paragraph
    if not isinstance(text, str):
        return paragraph
    short = shorten(text, room)
    return {**paragraph, "text": short} if isinstance(paragraph, dict) else short


class TextBudget:
    """How much long text (sections, chapters, table rows) a page still shows; past it, the
    template links to the lines in the source text instead (pages stay small at any scale)."""

    def __init__(self, characters: int) -> None:
        self.left = characters

    def take(self, value: Any) -> tuple[list[Any], bool]:
        """As many of the paragraphs in ``value`` as fit, the last one cut at a word; and whether
        anything was left out."""
        kept: list[Any] = []
        for paragraph in [value] if isinstance(value, str) else list(value or []):
            size = _size(paragraph)
            if size > self.left:
                if self.left > 200:
                    kept.append(_cut(paragraph, self.left))
                self.left = 0
                return kept, True
            kept.append(paragraph)
            self.left -= size
        return kept, False

    def take_rows(self, rows: list[Any]) -> tuple[list[Any], bool]:
        """As many whole table rows as fit; and whether any were left out."""
        for count, row in enumerate(rows or []):
            if _size(row) > self.left:
                self.left = 0
                return rows[:count], True
            self.left -= _size(row)
        return list(rows or []), False


@cache
def make_environment(templates: Path, strict: bool = False) -> Environment:
    """One environment per templates folder and process: its compiled templates are reused by
    every build of a live preview, and recompiled when a template file changes (``auto_reload``)."""
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined if strict else Undefined,
        extensions=[MarkdownHeadings],
    )
    env.filters.update(
        heading=heading,
        kr=kroner,
        tkr=thousand_kroner,
        num=danish_number,
        da_date=danish_date,
        time=time_element,
        flat=_flat,
        host=_host,
        text_groups=_text_groups,
        party_row=_party_row,
        amount_row=_amount_row,
        date_row=_date_row,
        line_row=_line_row,
        letter_row=_letter_row,
        bureaucracy_row=_bureaucracy_row,
    )
    env.globals["source_text_url"] = source_text_url
    env.globals["text_budget"] = TextBudget
    return env
