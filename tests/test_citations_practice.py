"""How practitioners cite, in sentences of our own: the kinds of error found on real text
after the engine's first version (issue 13, second round) — each with texts that must not
gain a reference from the rule (precision)."""

from __future__ import annotations

import pytest

from kommuneatlas.citations import LawCatalogue, find_citations, load_catalogue

Refs = list[tuple[str | None, list[str]]]


@pytest.fixture(scope="module")
def catalogue() -> LawCatalogue:
    return load_catalogue()


def refs(text: str, catalogue: LawCatalogue) -> Refs:
    """(law, paragraphs) of every reference, checking that each offset slices ``raw``."""
    found = find_citations(text, catalogue)
    for citation in found:
        assert text[citation.start : citation.end] == citation.raw
    return [(c.law, c.paragraphs) for c in found]


def laws(text: str, catalogue: LawCatalogue) -> list[str | None]:
    return [law for law, _ in refs(text, catalogue)]


# --- soft hyphens and no-break spaces ---------------------------------------------------------------

SOFT = [
    ("Klagen behandles efter ar\u00adbejds\u00adløsheds\u00adforsikrings\u00adlovens § 62.", [("arbejdsloeshedsforsikringsloven", ["62"])]),
    ("Sagen er oplyst efter service\u00adlovens § 8\u00ad3.", [("sel", ["83"])]),
    ("Det følger af service\u00ad\nlovens § 85 og LAB §\u00a031.", [("sel", ["85"]), ("lab", ["31"])]),
    ("Se bl.a.\u00a0§\u00a046 i serviceloven og jf.\u00a0§\u00a047 i samme lov.", [("sel", ["46"]), ("sel", ["47"])]),
    ("Hjemlen er SEL\u00a0§\u00a0107, stk.\u00a02.", [("sel", ["107"])]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SOFT, ids=[t[:30] for t, _ in SOFT])
def test_soft_hyphens_and_no_break_spaces(text: str, expected: Refs, catalogue: LawCatalogue) -> None:
    assert refs(text, catalogue) == expected


def test_a_soft_hyphen_makes_no_reference(catalogue: LawCatalogue) -> None:
    assert refs("Be\u00adtalingen sker kvartals\u00advis, jf. afsnit 4\u00ad.2.", catalogue) == []


# --- ranges with letters ---------------------------------------------------------------------------------

RANGES = [
    ("Reglerne i §§ 68 a-68 c i serviceloven gælder.", [("sel", ["68a", "68b", "68c"])]),
    ("efter §§ 33 A-33 C i ligningsloven", [("ligningsloven", ["33a", "33b", "33c"])]),
    ("jf. §§ 4-6 og §§ 68-68 b i serviceloven", [("sel", ["4", "5", "6", "68", "68a", "68b"])]),
    # kept as one string: over numbers with letters, the elliptical form, and beyond the cap
    ("LAB §§ 92-96 c", [("lab", ["92-96c"])]),
    ("§§ 27 c-k i frikommuneloven", [("frikommuneloven", ["27c-27k"])]),
    ("§§ 1-200 i LAB", [("lab", ["1-200"])]),
    ("§§ 5 c-5 a i LAB", [("lab", ["5c-5a"])]),
]


@pytest.mark.parametrize(("text", "expected"), RANGES, ids=[t[:30] for t, _ in RANGES])
def test_lettered_ranges(text: str, expected: Refs, catalogue: LawCatalogue) -> None:
    assert refs(text, catalogue) == expected


CAPITALS = [
    ("Fradraget gives efter ligningslovens § 9 A.", [("ligningsloven", ["9a"])]),
    ("jf. ligningslovens § 7 A, B og C samt § 8 A", [("ligningsloven", ["7a", "7b", "7c", "8a"])]),
    ("efter § 33 A, stk. 1, i ligningsloven", [("ligningsloven", ["33a"])]),
    ("Ligningslovens §§ 16 A-16 B og § 16 E", [("ligningsloven", ["16a", "16b", "16e"])]),
]


@pytest.mark.parametrize(("text", "expected"), CAPITALS, ids=[t[:30] for t, _ in CAPITALS])
def test_capital_letter_suffixes(text: str, expected: Refs, catalogue: LawCatalogue) -> None:
    assert refs(text, catalogue) == expected


def test_a_capital_word_after_a_number_is_no_letter(catalogue: LawCatalogue) -> None:
    assert refs("efter ligningslovens § 9 Ansøgningen skal", catalogue) == [("ligningsloven", ["9"])]
