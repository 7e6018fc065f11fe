"""Permalinks: the site URL of every entity, and relative links between pages.

URLs are site-relative without a leading slash and end in ``/`` (``kkr/nordjylland/``);
the front page is ``""``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .graph import Graph
    from .schema import Entity, EntityKind

SOURCE_CHUNK = 40  # lines per page of a source document's text (some lines are long)
_PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?\}")


def fill_url(kind: EntityKind, entity: Entity, graph: Graph) -> str | None:
    """The entity's permalink from its kind's pattern (see :class:`~.schema.EntityKind`): ``{kkr}`` is
    the field's value, ``{meeting:url}`` the URL of the entity the field names, ``{number:dashed}``
    the value with "." as "-". None when a named entity is missing (validation reports it)."""
    missing = False

    def value(match: re.Match[str]) -> str:
        nonlocal missing
        name, how = match.groups()
        if how == "url":
            target = graph.follow(entity, name)
            url = graph.url_of(kind.ref(name).target, target) if target is not None else None
            missing = missing or url is None
            return url or ""
        text = str(entity.get(name))
        return text.replace(".", "-") if how == "dashed" else text

    url = _PLACEHOLDER.sub(value, kind.url)
    return None if missing else url


def source_text_url(document_id: str, line: int | None = None) -> str:
    """The page of a source document's text holding ``line``, with the line's anchor."""
    if line is None:
        return f"dokumenter/{document_id}/tekst/1/"
    chunk = (line - 1) // SOURCE_CHUNK + 1
    return f"dokumenter/{document_id}/tekst/{chunk}/#L{line}"


def api_url(kind: str, entity_id: str | None = None, extension: str = "json") -> str:
    """A download of the JSON API: ``api/<kind>.json`` or ``.csv`` (the whole list), or
    ``api/<kind>/<id>.json`` (one record)."""
    return f"api/{kind}/{entity_id}.{extension}" if entity_id else f"api/{kind}.{extension}"


def data_file_url(kind: str, entity_id: str) -> str:
    """Where the site serves a copy of the record's YAML file (``data/<kind>/<id>.yaml``)."""
    return f"data/{kind}/{entity_id}.yaml"


def feed_url(kkr: str | None = None) -> str:
    """The Atom feed of what is new: the whole site's, or one KKR's."""
    return f"kkr/{kkr}/feed.xml" if kkr else "feed.xml"


def calendar_url(kkr: str | None = None) -> str:
    """The iCalendar file of meetings: all KKRs', or one KKR's."""
    return f"kkr/{kkr}/moeder.ics" if kkr else "moeder.ics"


def relative(target: str, page: str) -> str:
    """The link from the page at URL ``page`` to ``target`` (both site-relative)."""
    path, _, fragment = target.partition("#")
    rel = _relpath(path, page) if path != page else "."
    rel = "./" if rel == "." else rel + ("/" if path.endswith("/") or not path else "")
    return rel + (f"#{fragment}" if fragment else "")


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for site-relative paths without ``..``, without its calls to ``os.getcwd``
    (a build computes a link for every row of every table)."""
    to = [part for part in path.split("/") if part and part != "."]
    origin = [part for part in start.split("/") if part and part != "."]
    common = 0
    while common < min(len(to), len(origin)) and to[common] == origin[common]:
        common += 1
    return "/".join([".."] * (len(origin) - common) + to[common:]) or "."
