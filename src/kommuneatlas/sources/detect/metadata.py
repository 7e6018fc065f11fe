"""A source document's title, publisher and date, read from its text (each best-effort).

Every value comes with where it was found (``line``, 1-based in the text export) or how it was
made (``how``), so ``kommuneatlas add`` can show the editor what to check.

- Title: a subject line ("Emne: …", "Vedr.: …"), else the first heading-like lines at the top
  (short lines, no sentence, joined while a line ends mid-phrase), else a title composed from
  the kind, publisher and date (:data:`.cues.TITLE_TEMPLATES`), else the file name.
- Publisher: a known sender: a KKR, a region, a municipality from the reference list, or a
  ministry, agency, fund or board named by its form ("…ministeriet", "…styrelsen", "…fond");
  the kind says which sort is its publisher, the letterhead (the top lines) comes first.
- Date: a "Dato: …" line near the top, else a line near the top that is just a date (perhaps
  with a place: "Aarhus, 23.10.2023"), else for a meeting the date of "mødet den …".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from ...text.danish_dates import find_danish_dates, parse_danish_date
from ...text.danish_format import danish_date
from ..reference import KommuneIndex
from .cues import MEETING_KINDS, PUBLISHER_PREFERENCE, TITLE_TEMPLATES, TOP_LINES
from .text import TextLine, text_lines


@dataclass(frozen=True)
class Detected:
    """A detected value and its origin: a line of the text, or a note on how it was made."""

    value: str | date | None
    line: int | None = None
    how: str = ""

    def origin(self) -> str:
        """Danish: "linje 12: 'Vedr.: …'", or how the value was made."""
        return f"linje {self.line}" + (f": {self.how}" if self.how else "") if self.line else self.how


@dataclass(frozen=True)
class Metadata:
    title: Detected
    publisher: Detected
    date: Detected


# Lines of the letterhead and page furniture: never a title.
_FURNITURE = re.compile(
    r"""^(?:side\s+\d+(?:\s+af\s+\d+)?|\d+\s*(?:/\s*\d+)?
    |(?:dato|date|sags?\s*(?:nr|id)|j\.?\s*nr|dok\.?\s*(?:nr|id)|journal|ref|e-?mail|tlf|telefon|direkte|mobil|cvr|www|web)\b.*
    |.*\S+@\S+\.\w+.*|.*\bwww\.\S+.*|https?://\S+.*
    |.*\b\d{4}\s+[A-ZÆØÅ][\wæøå]+(?:\s+[A-ZÆØÅ]\.?)?$   # "8900 Randers", "1060 København K"
    |[A-ZÆØÅ][\wæøå.-]+\s+\d+[A-Za-z]?(?:,.*)?$            # "Nørregade 12", "Torvet 3B, 2. sal"
    |.*\d+\s*,?\s*\d*\.?\s*(?:sal|th|tv)\.?$)$""",
    re.IGNORECASE | re.VERBOSE,
)
# Generic section headings that open many documents without naming them.
_GENERIC_HEADINGS = frozenset(
    [
        "forord",
        "indhold",
        "indholdsfortegnelse",
        "indledning",
        "resumé",
        "resume",
        "sammenfatning",
        "sammendrag",
        "baggrund",
        "mission",
        "vision",
        "formål",
        "bilag",
        "notat",
        "referat",
        "dagsorden",
        "til",
        "orientering",
    ]
)
_SUBJECT = re.compile(r"^(?:emne|vedr(?:\.|ørende)?|om|titel|sag)\s*:\s*(?P<value>\S.*)$", re.IGNORECASE)
_SUBJECT_NO_COLON = re.compile(r"^vedr(?:\.|ørende)\s+(?P<value>\S.*)$", re.IGNORECASE)
# Words after which a title line goes on in the next line.
_OPEN_ENDINGS = frozenset(
    [
        "og",
        "i",
        "af",
        "til",
        "for",
        "om",
        "med",
        "mellem",
        "på",
        "ved",
        "fra",
        "samt",
        "eller",
        "en",
        "et",
        "de",
        "den",
        "det",
        "som",
        "at",
    ]
)
_SALUTATION = re.compile(r"^(?:kære|til|hej|att\.?)\b", re.IGNORECASE)
_MAX_TITLE_LINE_WORDS = 12
_MAX_TITLE_CHARS = 200
_DATE_LABEL = re.compile(r"^(?:dato|date|den)\s*:?\s*(?P<value>.+)$", re.IGNORECASE)
_MEETING_DATE = re.compile(r"\bmøde(?:t)?\b[^.]{0,60}?\bden\s+(?P<value>[^,;]{6,25})", re.IGNORECASE)
_PLACE_DATE = re.compile(r"^(?:[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ][\wæøå-]+)?,?\s+)?(?:den\s+)?(?P<value>.+)$")

# Senders by sort. KKRs and regions come from the reference list (see _senders).
_AGENCY_WORD = (
    r"(?:[A-ZÆØÅ][\wæøå-]*?(?:ministeriet|styrelsen|styrelse|fonden|fond|tilsynet|nævnet|rådet)"
    r"|Ministeriet|Styrelsen|Fonden|Tilsynet|Nævnet|Rådet|Ombudsmand(?:en)?)"
)
_AGENCY = re.compile(
    r"\b(?:(?:Den|Det|De)\s+)?(?:[A-ZÆØÅ][\wæøå]*(?:-\s+og\s+|\s+og\s+|\s+))*?"
    + _AGENCY_WORD
    # "Styrelsen for Kommunal Forvaltning", "Ministeriet for Børn, Undervisning og Ligestilling"
    + r"\b(?:\s+for\s+[A-ZÆØÅ][\wæøå-]*(?:(?:,\s+|\s+og\s+|\s+)[A-ZÆØÅ][\wæøå-]*)*)?"
)


@dataclass(frozen=True)
class _Sender:
    sort: str  # kkr, region, agency, kommune
    name: str
    line: int


def _is_heading_like(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= _MAX_TITLE_LINE_WORDS
        and not text.endswith((".", ",", ";", "-"))
        and (text[0].isupper() or text[0].isdigit())
        and not _FURNITURE.match(text)
        and not _SALUTATION.match(text)
        and parse_danish_date(text) is None
    )


def _is_generic(text: str) -> bool:
    return text.rstrip(":").lower() in _GENERIC_HEADINGS or re.fullmatch(r"[\d.\s]+", text) is not None


def _title_block(lines: list[TextLine]) -> Detected | None:
    """The first heading-like lines at the top, joined while a line ends mid-phrase."""
    for index, line in enumerate(lines[:TOP_LINES]):
        if _SALUTATION.match(line.text) or (len(line.text.split()) > _MAX_TITLE_LINE_WORDS and index):
            return None  # the body has begun
        if not _is_heading_like(line.text) or _is_generic(line.text):
            continue
        parts = [line.text]
        for following in lines[index + 1 : index + 4]:
            last_word = parts[-1].split()[-1].lower()
            continues = last_word in _OPEN_ENDINGS or following.text[:1].islower()
            if not continues or len(following.text.split()) > _MAX_TITLE_LINE_WORDS:
                break
            parts.append(following.text)
        title = " ".join(parts)
        if title.split()[-1].lower() in _OPEN_ENDINGS or len(title) > _MAX_TITLE_CHARS:
            continue  # a sentence cut off, not a title
        after = lines[index + len(parts) : index + len(parts) + 2]
        if any(_FURNITURE.match(following.text) for following in after):
            continue  # the sender's name above its address: the letterhead
        return Detected(title, line.number)
    return None


def _subject(lines: list[TextLine]) -> Detected | None:
    for line in lines[: TOP_LINES * 2]:
        match = _SUBJECT.match(line.text) or _SUBJECT_NO_COLON.match(line.text)
        if match:
            return Detected(match["value"].strip(), line.number, f"'{line.text}'")
    return None


def detect_title(
    lines: list[TextLine], kind: str, publisher: str | None, when: date | None, file_stem: str
) -> Detected:
    found = _subject(lines) if kind not in TITLE_TEMPLATES else None
    if found is None and kind not in TITLE_TEMPLATES:
        found = _title_block(lines)
    if found is not None:
        return found
    template = TITLE_TEMPLATES.get(kind)
    if template:
        title = template.format(publisher=publisher or "", date=danish_date(when) if when else "")
        return Detected(" ".join(title.split()).strip(" ,"), None, "sammensat af type, udgiver og dato")
    found = _subject(lines) or _title_block(lines)
    if found is not None:
        return found
    name = re.sub(r"^\d+_", "", file_stem).replace("_", " ").replace("-", " ").strip() or file_stem
    return Detected(name[:1].upper() + name[1:], None, "filnavnet (ingen titel fundet i teksten)")


def _senders(lines: list[TextLine], kommuner: KommuneIndex) -> list[_Sender]:
    kkrs = {kkr.removeprefix("KKR ").lower(): kkr for kkr in kommuner.kkrs}
    regions = {k.region.lower(): k.region for k in kommuner.kommuner}
    name = r"([A-ZÆØÅ][\wæøå-]+)"
    found: list[_Sender] = []
    for line in lines:
        if line.text.isupper():  # a letterhead in capitals: "STYRELSEN FOR …"
            line = TextLine(line.number, line.text.title().replace(" For ", " for ").replace(" Og ", " og "))
        for match in re.finditer(rf"\bKKR\s+{name}", line.text):
            if match[1].lower() in kkrs:
                found.append(_Sender("kkr", kkrs[match[1].lower()], line.number))
        for match in re.finditer(rf"\bRegion\s+{name}", line.text):
            key = match[1].lower().removesuffix("s")
            if key in regions:
                found.append(_Sender("region", f"Region {regions[key]}", line.number))
        for match in _AGENCY.finditer(line.text):
            found.append(_Sender("agency", " ".join(match[0].split()), line.number))
        for match in re.finditer(rf"\b{name}\s+Kommune\b", line.text):
            kommune = kommuner.lookup(match[1])
            if kommune is not None:
                found.append(_Sender("kommune", f"{kommune.name} Kommune", line.number))
    return found


def detect_publisher(lines: list[TextLine], kind: str, kommuner: KommuneIndex) -> Detected:
    senders = _senders(lines, kommuner)
    top = lines[TOP_LINES - 1].number if len(lines) >= TOP_LINES else (lines[-1].number if lines else 0)
    for sort in PUBLISHER_PREFERENCE.get(kind, ()):
        candidates = [s for s in senders if s.sort == sort]
        if not candidates:
            continue
        at_top = [s for s in candidates if s.line <= top]
        if at_top:
            return Detected(at_top[0].name, at_top[0].line, "afsender øverst i dokumentet")
        counts = Counter(s.name for s in candidates)
        name = counts.most_common(1)[0][0]
        first = next(s for s in candidates if s.name == name)
        return Detected(name, first.line, f"nævnt {counts[name]} gange")
    at_top = [s for s in senders if s.line <= top]
    if at_top:
        order = ("kkr", "region", "agency", "kommune")
        best = min(at_top, key=lambda s: (order.index(s.sort), s.line))
        return Detected(best.name, best.line, "afsender øverst i dokumentet")
    return Detected(None, None, "ingen kendt afsender fundet")


def detect_date(lines: list[TextLine], kind: str) -> Detected:
    for line in lines[: TOP_LINES * 2]:
        label = _DATE_LABEL.match(line.text)
        if label and (found := find_danish_dates(label["value"])):
            return Detected(found[0].date, line.number, f"'{line.text}'")
    for line in lines[:TOP_LINES]:
        place = _PLACE_DATE.match(line.text)
        value = parse_danish_date(place["value"]) if place else None
        if value is not None:
            return Detected(value, line.number, f"'{line.text}'")
    if kind in MEETING_KINDS:
        for line in lines:
            meeting = _MEETING_DATE.search(line.text)
            if meeting and (found := find_danish_dates(meeting["value"])):
                return Detected(found[0].date, line.number, "mødedatoen")
    return Detected(None, None, "ingen dato fundet øverst i dokumentet")


def detect_metadata(text: str, kind: str, kommuner: KommuneIndex, file_stem: str) -> Metadata:
    """Title, publisher and date of a document of ``kind`` (each may be None: not found)."""
    lines = text_lines(text)
    publisher = detect_publisher(lines, kind, kommuner)
    when = detect_date(lines, kind)
    title = detect_title(
        lines,
        kind,
        str(publisher.value) if publisher.value else None,
        when.value if isinstance(when.value, date) else None,
        file_stem,
    )
    return Metadata(title=title, publisher=publisher, date=when)
