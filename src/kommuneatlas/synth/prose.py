"""Danish filler text, names, dates and line wrapping for the synthetic corpus.

Everything is drawn from :data:`VOCABULARY` (``vocabulary.yaml`` beside this module) with a
caller's ``random.Random``, so a seed gives the same text every time. Sentences are assembled
from templates and word lists; no sentence of the bundled documents is reproduced.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from ..store.yaml import load_fast
from ..text.danish_format import danish_date as danish_date  # the synthetic documents write dates as pages do
from ..text.danish_format import danish_number
from ..text.slugs import slugify

# After these words a line-final hyphen is kept (textclean's elided compounds): never split a word
# so that its remainder reads as one of them.
_CONJUNCTIONS = frozenset({"og", "eller", "samt", "som", "til", "henholdsvis"})


@cache
def vocabulary() -> dict[str, Any]:
    """The word lists (loaded once)."""
    text = resources.files(__package__).joinpath("vocabulary.yaml").read_text(encoding="utf-8")
    loaded: dict[str, Any] = load_fast(text)
    return loaded


def numeric_date(value: date) -> str:
    """``date(2017, 7, 1)`` → ``"1.7. 2017"`` (the tables' short form)."""
    return f"{value.day}.{value.month}. {value.year}"


def thousands(value: int) -> str:
    """``1234567`` → ``"1.234.567"``."""
    return danish_number(value)


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the word is an abbreviation ("KKR-sekretariatet")."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def join_danish(items: Sequence[str]) -> str:
    """``["A", "B", "C"]`` → ``"A, B og C"``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} og {items[-1]}"


class Unique:
    """Draws values from a generator until one is new (compared by slug), for ids that must not repeat."""

    def __init__(self, length: int = 80) -> None:
        self.used: set[str] = set()
        self.length = length

    def draw(self, make: Callable[[], str], fallback: Callable[[str, int], str] | None = None) -> str:
        """A new value from ``make``; when 200 tries give none, ``fallback(value, n)`` (by default the
        value shortened to leave room in the slug, then a number) for n = 2, 3, …"""
        for _ in range(200):
            value = make()
            if self.take(value):
                return value
        base = make()
        for counter in range(2, 100_000):
            value = fallback(base, counter) if fallback else f"{self._shortened(base)} {counter}"
            if self.take(value):
                return value
        raise RuntimeError("no unique value left")  # pragma: no cover - 100,000 fallbacks

    def _shortened(self, text: str) -> str:
        """``text`` cut at a word so that its slug leaves room for a number within the slug length."""
        words = text.split()
        while len(words) > 1 and len(slugify(" ".join(words), 10_000)) > self.length - 8:
            words.pop()
        return " ".join(words)

    def take(self, value: str) -> bool:
        """Reserve ``value``; False when its slug is taken."""
        key = slugify(value, self.length)
        if key in self.used:
            return False
        self.used.add(key)
        return True


class Prose:
    """Sentences, paragraphs, titles, amounts and people's names from the vocabulary."""

    def __init__(self, rng: random.Random, names: Unique) -> None:
        self.rng = rng
        self.words = vocabulary()
        self.names = names
        self._templates: tuple[Callable[[], str], ...] = (
            lambda: f"{self.pick('subjects')} {self.pick('verbs')} {self.pick('topics')} {self.pick('endings')}.",
            lambda: f"{self.pick('connectors')} er der behov for {self.pick('needs')} {self.pick('topics')}, "
            f"så {self.pick('outcomes')}.",
            lambda: f"Erfaringerne viser en {self.pick('qualities')} udvikling inden for {self.pick('topics')}, "
            f"og {lower_first(self.pick('subjects'))} {self.pick('verbs')} området {self.pick('endings')}.",
            lambda: f"Der er afsat {self.amount()} til arbejdet med {self.pick('topics')} {self.pick('endings')}.",
            lambda: f"Det er vurderingen, at {self.pick('outcomes')}, hvis {lower_first(self.pick('subjects'))} "
            f"{self.pick('verbs')} {self.pick('topics')}.",
            lambda: f"I {self.rng.randrange(2012, 2025)} steg udgifterne til {self.pick('topics')} med "
            f"{self.rng.randrange(2, 40)} pct., og {lower_first(self.pick('subjects'))} "
            f"{self.pick('verbs')} området.",
            lambda: f"{self.pick('subjects')} {self.pick('verbs')} {self.pick('topics')}, og der lægges op til, "
            f"at {self.pick('outcomes')}.",
            lambda: f"{self.pick('connectors')} {self.rng.choice(('forventes', 'vurderes'))} det, at "
            f"{self.pick('outcomes')} {self.pick('endings')}.",
            lambda: f"Indsatsen sker inden for rammerne af {self.pick('law_refs')}, og "
            f"{lower_first(self.pick('subjects'))} {self.pick('verbs')} {self.pick('topics')}.",
        )

    def pick(self, key: str) -> str:
        return str(self.rng.choice(self.words[key]))

    def sentence(self, legal: float = 0.08) -> str:
        """One sentence; with probability ``legal`` it cites a provision."""
        templates = self._templates if self.rng.random() < legal else self._templates[:-1]
        return upper_first(self.rng.choice(templates)())

    def paragraph(self, low: int = 2, high: int = 5, legal: float = 0.08) -> str:
        return " ".join(self.sentence(legal) for _ in range(self.rng.randint(low, high)))

    def title(self) -> str:
        return upper_first(
            f"{self.pick('title_heads')} {self.rng.choice((self.pick('title_objects'), self.pick('topics')))}"
        )

    def amount(self) -> str:
        """An amount in kroner as documents write it: "4,3 mio. kr." or "250.000 kr."."""
        if self.rng.random() < 0.5:
            return f"{self.rng.randrange(1, 400) / 10:.1f} mio. kr.".replace(".", ",", 1)
        return f"{thousands(self.rng.randrange(5, 990) * 1000)} kr."

    def person(self) -> str:
        """A full name no other call has returned (for people, whose ids are slugs of their names)."""

        def make() -> str:
            parts = [self.pick("first_names")]
            if self.rng.random() < 0.35:
                parts.append(self.pick("middle_names"))
            parts.append(self.pick("surnames"))
            return " ".join(parts)

        return self.names.draw(
            make, lambda base, n: f"{base.split()[0]} {self.pick('middle_names')} {base.split()[-1]}"
        )


def wrap(text: str, width: int, rng: random.Random, hyphenate: float = 0.3) -> list[str]:
    """Greedy line wrapping as a PDF export shows it, splitting some long words with a soft hyphen.

    A split falls between two lower-case letters, so the extractors' hyphenation repair restores
    the word; no line begins with a digit (it could read as a numbered heading or a footnote).
    """
    lines: list[str] = []
    current = ""
    for word in text.split():
        if not current:
            current = word
            continue
        if len(current) + 1 + len(word) <= width or word[0].isdigit() or word in ("–", "-", "§"):
            current = f"{current} {word}"
            continue
        room = width - len(current) - 2
        split = _hyphen_point(word, room) if rng.random() < hyphenate or len(word) > width else None
        if split:
            lines.append(f"{current} {word[:split]}-")
            current = word[split:]
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _hyphen_point(word: str, room: int) -> int | None:
    """Where to split ``word`` so that at most ``room`` characters stay on the line, or None."""
    for split in range(min(room, len(word) - 3), 2, -1):
        head, tail = word[:split], word[split:].rstrip(".,;:)")
        lower = head[-1].islower() and tail[:1].islower()
        if head.isalpha() and tail.isalpha() and lower and tail not in _CONJUNCTIONS:
            return split
    return None


def narrow(text: str, width: int, rng: random.Random) -> list[str]:
    """Wrap into a narrow table column: words longer than the column are always split."""
    lines: list[str] = []
    for line in wrap(text, width, rng, hyphenate=0.6):
        while len(line) > width + 2 and (split := _hyphen_point(line, width)):
            lines.append(line[:split] + "-")
            line = line[split:]
        lines.append(line)
    return lines
