"""What a grant commitment's clauses set: conditions, amounts and the total, the period, the
target group; and the sections and paragraphs as the record holds them."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from ...text.danish_amounts import find_amounts
from ...text.danish_dates import find_danish_dates
from ...text.lines import Joined
from ...text.sentences import sentence_at, sentence_bounds, sentence_span
from .clauses import Clause, Section, inline_items
from .parties import DEFINED_TERM

_CONDITION = re.compile(r"\bbetinget af\b", re.IGNORECASE)
_CONDITION_LIST = re.compile(r"\b(?:såfremt|i tilfælde af)\b", re.IGNORECASE)
_TOTAL_BEFORE = re.compile(r"\bi alt\s*$")
_RANGE_FROM = re.compile(r"\bfra\s+(?:den\s+)?$")
_RANGE_TO = re.compile(r"\s+til\s+(?:og\s+med\s+)?(?:den\s+)?")
_TARGET_GROUP = re.compile(r"^Målgruppen?\b")

# A clause with the appendix it belongs to (None: the commitment itself).
PlacedClause = tuple[str | None, Clause]


def section_record(section: Section) -> dict[str, Any]:
    return {
        "number": section.number,
        "heading": section.heading,
        "line": section.line,
        "paragraphs": [paragraph_record(clause) for clause in section.clauses],
    }


def paragraph_record(clause: Clause) -> dict[str, Any]:
    joined = clause.passage
    if clause.items:
        items = [{"label": i.label, "text": i.passage.text, "line": i.line} for i in clause.items]
    elif joined:
        items = [
            {"label": label, "text": text, "line": joined.line_at(offset)}
            for label, offset, text in inline_items(joined.text)
        ]
    else:
        items = []
    return {
        "number": clause.number,
        "heading": clause.heading,
        "text": joined.text if joined else None,
        "items": items,
        "line": clause.line,
        "last_line": clause.last_line,
    }


def is_condition(clause: Clause) -> bool:
    """A clause that makes the grant conditional ("betinget af"), or lists the cases in which it
    applies ("såfremt:", "i tilfælde af:")."""
    joined = clause.passage
    if joined is None:
        return False
    return bool(_CONDITION.search(joined.text)) or bool(clause.items and _CONDITION_LIST.search(joined.text))


def _passages(clauses: list[PlacedClause]) -> Iterator[tuple[str | None, Clause, Joined]]:
    """Every clause's own text and its items' texts, in document order."""
    for appendix, clause in clauses:
        if (joined := clause.passage) is not None:
            yield appendix, clause, joined
        for item in clause.items:
            yield appendix, clause, item.passage


def amounts_of(clauses: list[PlacedClause]) -> Iterator[dict[str, Any]]:
    for appendix, clause, joined in _passages(clauses):
        for found in find_amounts(joined.text):
            yield {
                "amount_kr": found.amount_kr,
                "text": sentence_at(joined.text, found.start),
                "line": joined.line_at(found.start),
                "clause": clause.number,
                "appendix": appendix,
            }


def total_of(clauses: list[PlacedClause]) -> dict[str, Any] | None:
    """The first amount in the commitment itself (not an appendix) written after "i alt"."""
    for appendix, _, joined in _passages(clauses):
        for found in find_amounts(joined.text):
            if appendix is None and _TOTAL_BEFORE.search(joined.text[: found.start]):
                return {"amount_kr": found.amount_kr, "line": joined.line_at(found.start)}
    return None


def period_of(clauses: list[PlacedClause]) -> dict[str, Any] | None:
    """The first "fra (den) <date> til (og med) (den) <date>" range that defines a term
    ((”Indsatsperioden”)), else the first range, else None."""
    ranges = []
    for _, _, joined in _passages(clauses):
        found = find_danish_dates(joined.text)
        for start, end in itertools.pairwise(found):
            between = joined.text[start.end : end.start]
            if _RANGE_TO.fullmatch(between) and _RANGE_FROM.search(joined.text[: start.start]):
                sentence_start, sentence_end = sentence_span(joined.text, start.start)
                term = DEFINED_TERM.search(joined.text, end.end, sentence_end)
                ranges.append(
                    {
                        "start": start.date,
                        "end": end.date,
                        "term": term.group("term") if term else None,
                        "text": joined.text[sentence_start:sentence_end].strip(),
                        "line": joined.line_at(start.start),
                    }
                )
    return next((r for r in ranges if r["term"]), ranges[0] if ranges else None)


def target_group_of(clauses: list[PlacedClause]) -> dict[str, Any]:
    """The first sentence that starts with "Målgruppen": the target group, and its line."""
    for _, _, joined in _passages(clauses):
        for start, end in sentence_bounds(joined.text):
            sentence = joined.text[start:end].strip()
            if _TARGET_GROUP.match(sentence):
                return {"target_group": sentence, "target_group_line": joined.line_at(start)}
    return {"target_group": None, "target_group_line": None}
