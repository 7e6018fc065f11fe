"""Turn the legal references in Markdown or plain text into links.

:func:`markdown_citations` parses the Markdown with markdown-it-py and locates, from each
inline token's ``.map`` line range and its children, the source ranges that are plain prose.
It finds the references in the document with everything else blanked out (so code and link
targets neither produce references nor serve as context, and offsets stay those of the
source), and keeps only references lying in prose outside links and headings, one per list
item ("§ 83" and "§ 85 i serviceloven"). :func:`annotate_markdown` links them (by
:func:`.annotate.annotate`): fenced and indented code, code spans, raw HTML (and text inside a
raw ``<a>``), existing links, images and headings come back byte for byte. The two steps are
apart so that a page's references are found once and linked from what was found.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from urllib.parse import quote

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

from ..text.lines import line_bounds
from .annotate import annotate
from .catalogue import LawCatalogue
from .find import find_citations
from .model import Citation

Href = Callable[[Citation], str | None]
"""Where a citation links to (``None``: leave it as text)."""

_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")
_BACKTICKS = re.compile(r"`+")
_RAW_LINK_OPEN = re.compile(r"<a[\s>]", re.IGNORECASE)
_RAW_LINK_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
_ANCHOR = re.compile(r"§|[Kk]ap(?:itel|\.)")
_URL_SAFE = "/:#?&=%+~.,;@!$'*-_"
_LINE_JOIN = re.compile(r"[ \t\r]*(?:\n[ \t>]*)?")
"""What may separate two runs of prose in one link: a line break with its block markers."""


@dataclass
class _Prose:
    """Source ranges of one inline token: ``visible`` text, and the part that may be linked."""

    visible: list[tuple[int, int]]
    linkable: list[tuple[int, int]]


def markdown_citations(source: str, catalogue: LawCatalogue) -> list[Citation]:
    """Every reference in the prose of the Markdown ``source`` that may be linked, one per
    list item, with ``start``/``end`` narrowed to the linkable part ("**LAB** § 5": "§ 5")."""
    prose = _prose(source)
    linkable = _merge(source, (span for p in prose for span in p.linkable))
    masked = _mask(source, [p.visible for p in prose], _heading_markers(source))
    starts = [start for start, _ in linkable]
    found: list[Citation] = []
    for citation in find_citations(masked, catalogue):
        for piece in citation.split(masked):
            span = _linkable_span(piece, linkable, starts)
            if span is not None and (not found or span[0] >= found[-1].end):
                found.append(replace(piece, start=span[0], end=span[1], raw=source[span[0] : span[1]]))
    return found


def annotate_markdown(source: str, citations: list[Citation], href: Href) -> str:
    """``source`` with each of ``citations`` (from :func:`markdown_citations`) that ``href``
    gives a target turned into ``[raw](href)``."""
    spans = [(c.start, c.end, target) for c in citations if (target := href(c))]
    return annotate(source, spans, lambda raw, target: f"[{raw}]({quote(target, safe=_URL_SAFE)})")


def link_markdown(source: str, catalogue: LawCatalogue, href: Href) -> str:
    """``source`` with every resolved reference in its prose turned into ``[raw](href)``."""
    return annotate_markdown(source, markdown_citations(source, catalogue), href)


def link_text_html(text: str, catalogue: LawCatalogue, href: Href, context_law: str | None = None) -> str:
    """``text`` HTML-escaped, with each reference (each item of a list) wrapped in
    ``<a class="lovhenvisning">``."""
    spans = [
        (piece.start, piece.end, target)
        for citation in find_citations(text, catalogue, context_law)
        for piece in citation.split(text)
        if (target := href(piece))
    ]
    return annotate(text, spans, html_link, html.escape)


def html_link(raw: str, target: str) -> str:
    """A reference as an HTML link (both escaped)."""
    return f'<a class="lovhenvisning" href="{html.escape(target)}">{html.escape(raw)}</a>'


def _linkable_span(
    citation: Citation, linkable: list[tuple[int, int]], starts: list[int]
) -> tuple[int, int] | None:
    """The citation's span if it lies in linkable prose; else the part of it that does and
    holds its § sign ("**LAB** § 5" links "§ 5"); else ``None``."""
    i = bisect_right(starts, citation.start) - 1
    if i >= 0 and citation.end <= linkable[i][1]:
        return citation.start, citation.end
    anchor = _ANCHOR.search(citation.raw)
    if anchor is None:
        return None
    sign = citation.start + anchor.start()
    i = bisect_right(starts, sign) - 1
    if i < 0 or sign >= linkable[i][1]:
        return None
    start, end = max(citation.start, linkable[i][0]), min(citation.end, linkable[i][1])
    text = citation.raw[start - citation.start : end - citation.start]
    start += len(text) - len(text.lstrip())
    end -= len(text) - len(text.rstrip())
    return (start, end) if start < end else None


def _merge(source: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans, joined where only a line break (with its "> " or indentation) or other
    whitespace separates them: the lines of one paragraph are one run of prose."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and (start <= merged[-1][1] or _LINE_JOIN.fullmatch(source, merged[-1][1], start)):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _mask(source: str, tokens: list[list[tuple[int, int]]], keep: list[tuple[int, int]]) -> str:
    """``source`` with everything outside the tokens' visible spans and ``keep`` blanked
    (line breaks kept). After a token's last span a tab stands for the cell boundary, so
    "| SEL § 4 | x |" does not read as "SEL § 4 x"."""
    token_ends = {spans[-1][1] for spans in tokens if spans}
    parts: list[str] = []
    position = 0
    for start, end in sorted([*(span for spans in tokens for span in spans), *keep]):
        start = max(start, position)
        if start >= end:
            continue
        parts.append(_blank(source[position:start], position in token_ends))
        parts.append(source[start:end])
        position = end
    parts.append(_blank(source[position:], False))
    return "".join(parts)


def _blank(text: str, boundary: bool) -> str:
    blank = re.sub(r"[^\n]", " ", text)
    return "\t" + blank[1:] if boundary and blank.startswith(" ") else blank


def _heading_markers(source: str) -> list[tuple[int, int]]:
    """The "#" marks of ATX headings: kept so context stops at headings (see ``HEADING``)."""
    return [match.span() for match in re.finditer(r"(?m)^ {0,3}#{1,6}(?=[ \t])", source)]


def _prose(source: str) -> list[_Prose]:
    """The prose ranges of every inline token of ``source`` that could be located."""
    # markdown-it numbers lines as line_bounds does (CommonMark: "\r\n", "\r" or "\n" ends a line)
    bounds = line_bounds(source)
    lines = [source[start:end] for start, end in bounds]
    line_starts = [start for start, _ in bounds]
    cursors: dict[int, int] = {}
    result: list[_Prose] = []
    in_heading = False
    previous = ""
    for token in _MARKDOWN.parse(source):
        if token.type in ("heading_open", "heading_close"):
            in_heading = token.type == "heading_open"
        in_cell, previous = previous in ("td_open", "th_open"), token.type
        if token.type != "inline" or token.map is None:
            continue
        located = _locate(token, lines, line_starts, cursors, in_cell)
        if located is None:
            continue
        walked = _walk(token.content, token.children or [])
        if walked is None:
            continue
        visible, linkable = walked
        result.append(
            _Prose(
                [span for a, b in visible for span in located(a, b)],
                [] if in_heading else [span for a, b in linkable for span in located(a, b)],
            )
        )
    return result


def _locate(
    token: Token, lines: list[str], line_starts: list[int], cursors: dict[int, int], in_cell: bool
) -> Callable[[int, int], list[tuple[int, int]]] | None:
    """A function mapping a range of ``token.content`` to source ranges (one per line).

    Content line ``i`` of an inline token is the tail of source line ``map[0] + i`` after
    its block markers ("> ", list indentation, "## "); in a heading with closing "#"s it is
    found in the line, and in a table cell after the previous cell of the row.
    """
    assert token.map is not None
    first = token.map[0]
    content_starts: list[int] = []
    source_starts: list[int] = []
    offset = 0
    for i, line in enumerate(token.content.split("\n")):
        text = line.strip()
        number = first + i
        if number >= len(lines):
            return None
        source_line = lines[number].rstrip()
        if text and source_line.endswith(text) and not in_cell:
            column = len(source_line) - len(text)
        else:
            column = source_line.find(text, cursors.get(number, 0))
            if column < 0:
                return None
        cursors[number] = column + len(text)
        content_starts.append(offset + len(line) - len(line.lstrip()))
        source_starts.append(line_starts[number] + column)
        offset += len(line) + 1

    def located(a: int, b: int) -> list[tuple[int, int]]:
        spans = []
        i = bisect_right(content_starts, a) - 1
        while a < b:
            i = max(i, 0)
            line_end = content_starts[i + 1] if i + 1 < len(content_starts) else len(token.content) + 1
            piece_end = min(b, line_end)
            start = source_starts[i] + max(a - content_starts[i], 0)
            end = source_starts[i] + (piece_end - content_starts[i])
            if end > start:
                spans.append((start, end))
            a = piece_end
            i += 1
        return spans

    return located


def _walk(content: str, children: list[Token]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
    """(visible, linkable) ranges of ``content`` by its inline children; ``None`` if the
    children cannot be matched to the content (then nothing in the token is linked)."""
    visible: list[tuple[int, int]] = []
    linkable: list[tuple[int, int]] = []
    cursor = 0
    in_link = 0
    raw_link = 0
    in_autolink = False
    for child in children:
        kind = child.type
        if in_autolink:  # its text is a normalised copy of the address: nothing to locate
            in_autolink = kind != "link_close"
        elif kind in ("text", "text_special", "softbreak"):
            needle = (
                child.markup if kind == "text_special" else ("\n" if kind == "softbreak" else child.content)
            )
            at = content.find(needle, cursor)
            if at < 0:
                return None
            cursor = at + len(needle)
            visible.append((at, cursor))
            if not in_link and not raw_link:
                linkable.append((at, cursor))
        elif kind == "code_inline":
            end = _code_span_end(content, cursor, child.markup)
            if end is None:
                return None
            cursor = end
        elif kind == "html_inline":
            at = content.find(child.content, cursor)
            if at < 0:
                return None
            cursor = at + len(child.content)
            if _RAW_LINK_OPEN.match(child.content):
                raw_link += 1
            elif _RAW_LINK_CLOSE.match(child.content):
                raw_link = max(0, raw_link - 1)
        elif kind == "link_open" and child.markup == "autolink":
            at = content.find("<", cursor)
            end = content.find(">", at + 1) if at >= 0 else -1
            if end < 0:
                return None
            cursor = end + 1
            in_autolink = True
        elif kind == "link_open":
            at = content.find("[", cursor)
            if at < 0:
                return None
            cursor = at + 1
            in_link += 1
        elif kind == "link_close":
            end = _link_end(content, cursor)
            if end is None:
                return None
            cursor = end
            in_link -= 1
        elif kind == "image":
            end = _image_end(content, cursor)
            if end is None:
                return None
            cursor = end
        elif child.markup:  # emphasis, strikethrough, hard break
            at = content.find(child.markup, cursor)
            if at < 0:
                return None
            cursor = at + len(child.markup)
    return visible, linkable


def _code_span_end(content: str, cursor: int, markup: str) -> int | None:
    """End of the code span whose opening backticks (``markup``) come next after ``cursor``."""
    opening = None
    for run in _BACKTICKS.finditer(content, cursor):
        if opening is None:
            if run.group() == markup:
                opening = run
        elif run.group() == markup:
            return run.end()
    return None


def _link_end(content: str, cursor: int) -> int | None:
    """End of a link's "](destination "title")", "][label]" or "]" after its text."""
    close = content.find("]", cursor)
    if close < 0:
        return None
    position = close + 1
    if content.startswith("(", position):
        position = _skip_space(content, position + 1)
        destination = parseLinkDestination(content, position, len(content))
        if destination.ok:
            position = _skip_space(content, destination.pos)
            title = parseLinkTitle(content, position, len(content))
            if title.ok:
                position = _skip_space(content, title.pos)
        if not content.startswith(")", position):
            return None
        return position + 1
    if content.startswith("[", position):
        end = content.find("]", position)
        return end + 1 if end >= 0 else None
    return position


def _image_end(content: str, cursor: int) -> int | None:
    """End of the image "![alt](src)" that starts next after ``cursor``."""
    start = content.find("![", cursor)
    if start < 0:
        return None
    depth = 0
    position = start + 2
    while position < len(content):
        char = content[position]
        if char == "\\":
            position += 1
        elif char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                return _link_end(content, position)
            depth -= 1
        position += 1
    return None


def _skip_space(content: str, position: int) -> int:
    while position < len(content) and content[position] in " \t\n":
        position += 1
    return position
