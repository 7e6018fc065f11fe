"""The cues that tell one type of source document from another: data, read by :mod:`.doc_types`.

A cue is a pattern that is either a whole line (a heading, a label: ``line=True``) or anything
in the text, counted; it is met when it occurs at least ``at_least`` times (``top``: within the
first lines only). A type is a candidate when all its ``required`` cues are met and none of its
``forbidden`` ones; its score is the weight of the cues met. The highest score wins; no candidate
gives the generic type ``document``.

Cues describe the forms of a type of document (the KL meeting template's headings, a grant's
parties, a status report's tables), never the words of one particular document: they are meant
for the next KKR, the next year and another PDF converter's layout. Patterns are matched
case-insensitively against lines with whitespace collapsed, so blank lines, indentation,
non-breaking spaces and line ends make no difference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GENERIC_DOC_TYPE = "document"
TOP_LINES = 25  # "near the top": the first non-blank lines


@dataclass(frozen=True)
class Cue:
    label: str  # Danish: how the report names what was found
    pattern: re.Pattern[str]
    line: bool = False  # the pattern must match a whole line, else it is searched in the text
    at_least: int = 1
    weight: int = 1
    top: bool = False  # only the first TOP_LINES non-blank lines count


@dataclass(frozen=True)
class DocTypeCues:
    doc_type: str
    required: tuple[Cue, ...]
    supporting: tuple[Cue, ...] = ()
    forbidden: tuple[Cue, ...] = ()


def _re(pattern: str, ignore_case: bool = True) -> re.Pattern[str]:
    return re.compile(pattern, (re.IGNORECASE if ignore_case else 0) | re.MULTILINE)


# The KL meeting template (dagsorden and referat of a KKR): headings of their own on a line.
PARTICIPANTS = Cue("en deltagerliste ('Deltagere'/'Deltagerfortegnelse')",
                   _re(r"(?:deltagerfortegnelse|deltagere|fremmødte)\s*:?"), line=True, weight=3)  # fmt: skip
DECISION = Cue(
    "'Beslutning' som overskrift", _re(r"beslutning(?:\s+i\s+[^.:]{1,40})?\s*:?"), line=True, weight=4
)
RECOMMENDATION = Cue(
    "'Indstilling' som overskrift", _re(r"indstilling\s*:?"), line=True, at_least=2, weight=2
)
BACKGROUND = Cue("'Baggrund' som overskrift", _re(r"baggrund\s*:?"), line=True)
CASE_IDS = Cue("sagsnumre ('SAG-ÅÅÅÅ-NNNNN')", _re(r"\bSAG-\d{4}-\d+"), at_least=2)
NUMBERED_ITEMS = Cue("nummererede dagsordenspunkter ('2.1. …')",
                     _re(r"\d{1,2}\.\d{1,2}\.?\s+\S.{0,150}"), line=True, at_least=3, weight=2)  # fmt: skip
KKR = Cue("et KKR (kommunekontaktråd) nævnt", _re(r"\bKKR\b|\bkommunekontaktråd"), weight=2)
MINUTES_WORD = Cue("ordet 'referat'", _re(r"\breferat\b"))
AGENDA_WORD = Cue("ordet 'dagsorden'", _re(r"\bdagsorden\b"))
ABSENT = Cue("en afbudsliste ('Afbud')", _re(r"afbud\s*:?"), line=True)

# A bundle of appendices: attachments by number, a table of contents, letters with case ids.
ATTACHMENTS = Cue("bilag nummereret på egen linje ('Bilag 1: …')",
                  _re(r"bilag\s+\d{1,2}\s*[:.]\s*\S.*"), line=True, at_least=2, weight=3)  # fmt: skip
CONTENTS = Cue("en indholdsfortegnelse", _re(r"\bindholdsfortegnelse\b"), weight=2)
LETTER_IDS = Cue("brevhoveder med sags-/dokument-id", _re(r"\b(?:sags|dok)\.?\s*id\s*:"), at_least=2)

# A region's proposal: a title that says so, a region, and what it proposes.
PROPOSAL_TITLE = Cue("'Forslag' i titlen", _re(r"\bforslag\b"), top=True, weight=3)
REGION = Cue(
    "en region nævnt", _re(r"\bRegion\s+[A-ZÆØÅ][\wæøå-]+|\b[Rr]egionsråd", ignore_case=False), weight=2
)
PROPOSES = Cue("'foreslår'/'foreslås'", _re(r"\b(?:foreslår|forslår|foreslås)\b"), weight=2)
MUNICIPALITY = Cue("en kommune nævnt", _re(r"\b[A-ZÆØÅ][\wæøå-]+\s+Kommune\b", ignore_case=False))

# A grant commitment: "tilsagn" again and again, a grant, parties with CVR numbers.
COMMITMENT = Cue("ordet 'tilsagn' flere gange", _re(r"\btilsagn"), at_least=3, weight=3)
GRANT = Cue("ordet 'tilskud'", _re(r"\btilskud"), at_least=2, weight=2)
PARTIES = Cue("parter med CVR-nummer eller '(A)'/'(B)'", _re(r"\bCVR\b|^\([AB]\)\s"), weight=2)
CONDITIONS = Cue("vilkår/betingelser", _re(r"\b(?:vilkår|betingelse|betinget)"))

# A status report on the frikommune experiments: the word throughout, networks, tables.
FRIKOMMUNE = Cue("ordet 'frikommune' mange gange", _re(r"frikommune"), at_least=5, weight=3)
TABLES = Cue("nummererede tabeller ('Tabel 1 …', 'Bilagstabel 2.1 …')",
             _re(r"(?:bilags)?tabel\s+\d+(?:\.\d+)?\b.*"), line=True, weight=2)  # fmt: skip
NETWORKS = Cue("frikommunenetværk", _re(r"frikommunenetværk"), weight=2)
EXPERIMENTS = Cue("forsøg og hjemler", _re(r"\bforsøg"), at_least=5)

DOC_TYPE_CUES: tuple[DocTypeCues, ...] = (
    DocTypeCues(
        "kkr-minutes",
        required=(PARTICIPANTS, DECISION, KKR),
        supporting=(RECOMMENDATION, NUMBERED_ITEMS, BACKGROUND, CASE_IDS, MINUTES_WORD, ABSENT),
    ),
    DocTypeCues(
        "kkr-agenda",
        required=(RECOMMENDATION, NUMBERED_ITEMS, KKR),
        supporting=(PARTICIPANTS, BACKGROUND, CASE_IDS, AGENDA_WORD),
        forbidden=(DECISION,),
    ),
    DocTypeCues(
        "kkr-appendix-bundle",
        required=(ATTACHMENTS, KKR),
        supporting=(CONTENTS, LETTER_IDS, CASE_IDS),
        forbidden=(DECISION,),
    ),
    DocTypeCues("regional-proposal", required=(PROPOSAL_TITLE, REGION, PROPOSES), supporting=(MUNICIPALITY,)),
    DocTypeCues("grant-commitment", required=(COMMITMENT, GRANT, PARTIES), supporting=(CONDITIONS,)),
    DocTypeCues("frikommune-status", required=(FRIKOMMUNE, TABLES), supporting=(NETWORKS, EXPERIMENTS)),
)
"""Every dedicated type's cues, in order of preference when two score the same."""

# Titles composed from the metadata when the text's own first lines do not make one.
TITLE_TEMPLATES: dict[str, str] = {
    "kkr-minutes": "Referat af mødet i {publisher} {date}",
    "kkr-agenda": "Dagsorden til mødet i {publisher} {date}",
    "kkr-appendix-bundle": "{publisher}, bilag til mødet {date}",
    "grant-commitment": "Tilsagn om tilskud fra {publisher}",
    "frikommune-status": "Statusnotat om frikommuneforsøg, {publisher} {date}",
}

# Which sender a type's publisher is, in order of preference (see metadata.SENDER_PATTERNS).
PUBLISHER_PREFERENCE: dict[str, tuple[str, ...]] = {
    "kkr-minutes": ("kkr",),
    "kkr-agenda": ("kkr",),
    "kkr-appendix-bundle": ("kkr",),
    "regional-proposal": ("region",),
    "grant-commitment": ("agency",),
}

# Kinds whose date is the meeting's ("… møde den 25. marts 2022").
MEETING_KINDS = frozenset({"kkr-minutes", "kkr-agenda"})
