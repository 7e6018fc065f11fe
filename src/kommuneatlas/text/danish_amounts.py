"""Danish numbers and kroner amounts: "1.515" (thousands point), "5,07" (decimal comma),
"900.000 kr.", "DKK 3.912.500", "1,5 mia. kr.", "200 mio. kr.".

Pure functions. Amounts are whole kroner (``int``); a scale word multiplies exactly (Decimal), and
"41.679 mio. kr." is read the Danish way, as 41 679 million.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

# A number: thousands groups of three after a point ("1.304.167"), or plain digits; optional decimals.
NUMBER = r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?"
_INTEGER = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+")

_SCALES: dict[str, int] = {
    "mio": 10**6,
    "million": 10**6,
    "millioner": 10**6,
    "mia": 10**9,
    "milliard": 10**9,
    "milliarder": 10**9,
}
_SCALE_WORDS = "|".join(sorted(_SCALES, key=len, reverse=True))
_KR = r"kr(?:oner)?(?![a-zæøå])\.?"


def _form(index: int, template: str) -> str:
    """One written form of an amount, its groups numbered so the alternatives can be told apart."""
    number = rf"(?<![0-9.,])(?P<number{index}>{NUMBER})"
    scale = rf"(?P<scale{index}>{_SCALE_WORDS})(?![a-zæøå])\.?"
    return template.format(number=number, scale=scale, kr=_KR)


_FORMS = (
    r"\bDKK\s*{number}(?:\s*{scale})?(?:\s*{kr})?",  # DKK 3.912.500 (kr.)
    r"\bkr\.\s*{number}(?:\s*{scale})?",  # kr. 900.000
    r"{number}\s*(?:{scale}\s*)?{kr}",  # 900.000 kr., 1,5 mia. kr.
)
_AMOUNT = re.compile("|".join(_form(i, form) for i, form in enumerate(_FORMS)), re.IGNORECASE)


class AmountMatch(NamedTuple):
    """An amount found in a text: whole kroner, and where it stands (``text[start:end]`` is ``raw``)."""

    amount_kr: int
    start: int
    end: int
    raw: str


def parse_danish_int(text: str) -> int | None:
    """The integer a Danish-formatted number denotes ("2.345" → 2345, "594" → 594), or None."""
    candidate = text.strip()
    if not _INTEGER.fullmatch(candidate):
        return None
    return int(candidate.replace(".", ""))


def _kroner(match: re.Match[str]) -> int:
    """Whole kroner for a match of :data:`_AMOUNT` (exactly one alternative has matched)."""
    index = next(i for i in range(len(_FORMS)) if match.group(f"number{i}") is not None)
    value = Decimal(match.group(f"number{index}").replace(".", "").replace(",", "."))
    scale = match.group(f"scale{index}")
    if scale:
        value *= _SCALES[scale.lower()]
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def find_amounts(text: str) -> list[AmountMatch]:
    """Every kroner amount written in ``text`` (with "kr." or "DKK"), in order of appearance."""
    return [AmountMatch(_kroner(m), m.start(), m.end(), m.group(0)) for m in _AMOUNT.finditer(text)]


def parse_amount(text: str) -> int | None:
    """The whole-kroner value of a text that is exactly one amount ("3.100.000 kr."), or None."""
    match = _AMOUNT.fullmatch(" ".join(text.split()))
    return _kroner(match) if match else None
