"""Index-time decompounding, so that the Danish search finds "beskæftigelsesindsats" for "indsats".

Pagefind stems Danish words but does not split compounds. Before it runs, we put the parts of
each long compound word right after it, in a hidden element::

    beskæftigelsesindsats<span hidden data-ka-parts data-pagefind-weight="0.5"> ⁣ beskæftigelse indsats ⁣ </span>

Pagefind indexes hidden text inside ``data-pagefind-body`` like any other, so the page is found
by the parts (at half weight: a page that has the word itself ranks higher), the excerpt shows
the compound in its sentence, and the sub-result links to the heading above it. (The parts of
a word in a heading go after the heading, which Pagefind uses as a sub-result's title.)
Browsers neither display nor read out hidden elements, and they are left out when text is copied.
The parts are enclosed in invisible marks (:data:`WORD_PARTS`, :data:`HEADING_PARTS`) that
Pagefind keeps in its excerpts: the search page drops the parts from an excerpt and, where
the query matched a part, highlights the compound instead.

Parts are added only where they add recall: not when the page has the part as a word anyway
(or an inflection of it), and once per page (see :func:`annotate`); on a large site a frequent
part would otherwise add a position to the index for every compound on every page.

Splitting uses a lexicon of the words that occur on their own (at least :data:`MIN_COUNT`
times) in the site's indexed text (pages of type "kildetekst" excepted: their PDF line breaks
leave word fragments). A word of at least :data:`MIN_WORD` letters is split into head + tail:
the tail must be a lexicon word of at least :data:`MIN_TAIL` letters that is not also a
common ending (:data:`ENDINGS`); the head must be a lexicon word of at least :data:`MIN_HEAD`
letters, possibly joined by a linking -s or -e ("beskæftigelse-s-indsats", "børn-e-have") or
with its final -e dropped before -s ("arbejd-s-marked" ← "arbejde"), or must itself split. A
tail that splits again adds its parts. Of several splits, :class:`Splitter` takes the one with
the fewest and most frequent parts.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

MIN_WORD = 8
MIN_HEAD = 4
MIN_TAIL = 3
MIN_COUNT = 2  # a part must occur on its own at least this often (one-off PDF fragments do not count)
MIN_SHORT_TAIL_COUNT = 10  # … and a tail shorter than MIN_HEAD this often ("råd", "lån", not "sen")
PARTS_WEIGHT = "0.5"
INFLECTION = 3  # a page with "kommunens" has the part "kommune" already ("-n", "-ns", "-ne", "-rne")
WORD_PARTS = "\u2063"  # INVISIBLE SEPARATOR around the parts of the word before them
HEADING_PARTS = "\u2064"  # INVISIBLE PLUS around the parts of the words of the heading before them
ENDINGS = frozenset(
    [
        "ende",
        "ene",
        "ens",
        "er",
        "ere",
        "erne",
        "ernes",
        "ers",
        "else",
        "elser",
        "hed",
        "heder",
        "ing",
        "inger",
        "isk",
        "iske",
        "lig",
        "lige",
        "ligt",
        "ning",
        "ninger",
        "ske",
    ]
)
"""Words that are also inflectional or derivational endings: never a tail ("lovforslag-ene")."""

BODY_ATTRIBUTE = "data-pagefind-body"
CONTENT_END = "</article>"
_TAG = re.compile(r"(<[^>]*>)")
_SKIP = re.compile(r"<(/?)(script|style|pre|code|textarea)\b", re.IGNORECASE)
_HEADING = re.compile(r"<(/?)h[1-6]\b", re.IGNORECASE)
_WORD = re.compile(r"(?<![&\w])[^\W\d_]+")  # letters only; not an entity name such as &shy;
_PARTS = re.compile(r"<span hidden data-ka-parts[^>]*>[^<]*</span>")  # ours, from an earlier run
_UNINDEXED_TYPE = 'data-pagefind-filter="type[data-value]" data-value="kildetekst"'


class Splitter:
    """Splits words into parts found in a lexicon (lower-case word → count); see the module docstring.

    Of the possible splits, the one with the fewest parts wins, and among those the one whose
    parts are most frequent (the geometric mean of their counts, after Koehn and Knight 2003):
    "beskæftigelse-s-indsats" beats the PDF fragments "beskæftigel" + "sesindsats", and
    "ansvar-s-områder" beats "ansvar" + "som" + "råder".
    """

    def __init__(self, lexicon: Mapping[str, int]) -> None:
        self.counts = {word: count for word, count in lexicon.items() if count >= MIN_COUNT}
        self.parts = cache(self._parts)

    def _parts(self, word: str) -> tuple[str, ...]:
        """The parts of ``word`` (lower case), or ``()`` when it is no compound the lexicon explains."""
        best: tuple[str, ...] = ()
        best_score = (-len(word), 0.0)
        for cut in range(MIN_HEAD, len(word) - MIN_TAIL + 1):
            tail = word[cut:]
            count = self.counts.get(tail, 0)
            if not count or tail in ENDINGS or (len(tail) < MIN_HEAD and count < MIN_SHORT_TAIL_COUNT):
                continue
            for head in self._heads(word[:cut]):
                parts = (*head, tail)
                score = (-len(parts), math.prod(self.counts[part] for part in parts) ** (1 / len(parts)))
                if score > best_score:
                    best, best_score = parts, score
        if best and len(best[-1]) >= MIN_WORD:
            best = (*best, *self.parts(best[-1]))
        return best

    def _heads(self, head: str) -> Iterator[tuple[str, ...]]:
        """The ways ``head`` can start a compound: a word (perhaps with a linking -s/-e), or a compound."""
        candidates = {head}
        if head[-1] in "se":
            candidates.add(head[:-1])
        if head[-1] == "s":
            candidates.add(head[:-1] + "e")
        for candidate in candidates:
            if len(candidate) >= MIN_HEAD and candidate in self.counts:
                yield (candidate,)
            if len(candidate) >= MIN_WORD and (parts := self.parts(candidate)):
                yield parts


@dataclass
class CompoundReport:
    """What decompounding did to a site: pages changed, compound words annotated, examples."""

    pages: int = 0
    words: int = 0
    compounds: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _region(html: str) -> tuple[int, int] | None:
    """Where the indexed content of a page is: from the data-pagefind-body element to </article>."""
    at = html.find(BODY_ATTRIBUTE)
    if at < 0:
        return None
    start = html.index(">", at) + 1
    end = html.rfind(CONTENT_END)
    return start, end if end > start else len(html)


def _texts(region: str) -> Iterator[tuple[int, str]]:
    """The text between tags in ``region`` (offset, text), outside script, style, pre and code."""
    depth = 0
    offset = 0
    for piece in _TAG.split(region):
        if piece.startswith("<"):
            if skip := _SKIP.match(piece):
                depth = max(0, depth + (-1 if skip.group(1) else 1))
        elif depth == 0 and piece:
            yield offset, piece
        offset += len(piece)


def indexed_pages(site: Path | Iterable[Path]) -> Iterator[tuple[Path, str, str]]:
    """The pages Pagefind will index (of a site folder, or of the given HTML files): path, file
    text, and that text without our earlier annotations."""
    for path in sorted(site.rglob("*.html")) if isinstance(site, Path) else site:
        original = path.read_text(encoding="utf-8")
        if BODY_ATTRIBUTE in original:
            yield path, original, _PARTS.sub("", original)


def build_lexicon(site: Path | Iterable[Path]) -> Counter[str]:
    """Every word (lower case) in the indexed text of the site's pages, with its count."""
    lexicon: Counter[str] = Counter()
    for _path, _original, html in indexed_pages(site):
        if _UNINDEXED_TYPE in html:
            continue
        start, end = _region(html) or (0, 0)
        for _offset, text in _texts(html[start:end]):
            lexicon.update(word.lower() for word in _WORD.findall(text))
    return lexicon


def _span(parts: Iterable[str], mark: str = WORD_PARTS) -> str:
    return f'<span hidden data-ka-parts data-pagefind-weight="{PARTS_WEIGHT}"> {mark} {" ".join(parts)} {mark} </span>'


def annotate(html: str, splitter: Splitter, found: dict[str, tuple[str, ...]]) -> tuple[str, int]:
    """``html`` with the parts of its compounds in its indexed region, and how many compounds got them.

    A part is added only where it helps recall: not when the page has the word anyway (or an
    inflection of it, up to :data:`INFLECTION` more letters: "kommune" on a page with
    "kommunen"), and only once per page. That keeps the index small: a frequent part would
    otherwise add a position on every page for every compound it is in. The parts go right
    after the word, except in a heading, whose text Pagefind uses as the title of a
    sub-result: there they go right after the heading.
    """
    region = _region(html)
    if region is None:
        return html, 0
    start, end = region
    body = html[start:end]
    present: set[str] = set()  # the page's simple words, and each with up to INFLECTION letters cut off
    for _offset, text in _texts(body):
        for word in _WORD.findall(text):
            word = word.lower()
            if len(word) < MIN_WORD or not splitter.parts(word):
                present.update(word[: len(word) - cut] for cut in range(min(INFLECTION, len(word) - 1) + 1))
    out: list[str] = []
    count = 0
    skip = 0
    in_heading = False
    pending: list[str] = []

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        word = match.group()
        if len(word) < MIN_WORD or not (parts := splitter.parts(word.lower())):
            return word
        found.setdefault(word.lower(), parts)
        missing = [part for part in parts if part not in present]
        if not missing:
            return word
        present.update(missing)
        count += 1
        if in_heading:
            pending.extend(missing)
            return word
        return word + _span(missing)

    for piece in _TAG.split(body):
        if piece.startswith("<"):
            out.append(piece)
            if tag := _SKIP.match(piece):
                skip = max(0, skip + (-1 if tag.group(1) else 1))
            elif tag := _HEADING.match(piece):
                in_heading = not tag.group(1)
                if not in_heading and pending:
                    out.append(_span(pending, HEADING_PARTS))
                    pending.clear()
        else:
            out.append(piece if skip else _WORD.sub(replace, piece))
    return html[:start] + "".join(out) + html[end:], count
