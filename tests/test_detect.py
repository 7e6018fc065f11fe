"""Kind and metadata detection: the seeds, the synthetic corpus, other layouts, other documents."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kommuneatlas.sources.detect.doc_types import detect_doc_type
from kommuneatlas.sources.detect.metadata import detect_metadata
from kommuneatlas.sources.manifest import SourceDocument, load_manifest
from kommuneatlas.sources.reference import KommuneIndex
from kommuneatlas.synth import write_corpus

REPO = Path(__file__).resolve().parents[1]

LAYOUTS: dict[str, Callable[[str], str]] = {
    "as bundled": lambda text: text,
    "no blank lines": lambda text: "\n".join(line for line in text.splitlines() if line.strip()),
    "CRLF and trailing spaces": lambda text: "\r\n".join(f"{line}   " for line in text.splitlines()),
    "non-breaking spaces": lambda text: text.replace(" ", "\u00a0"),
    "form feeds between pages": lambda text: "\n".join(
        ("\f" if n % 50 == 0 else "") + line for n, line in enumerate(text.splitlines())
    ),
}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> list[SourceDocument]:
    out = tmp_path_factory.mktemp("synth")
    write_corpus(out, 1, data=REPO / "data", seed=3)
    return load_manifest(out / "sources")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_bundled_documents_are_recognised_in_every_layout(
    documents: dict[str, SourceDocument], layout: str
) -> None:
    for document in documents.values():
        guess = detect_doc_type(LAYOUTS[layout](document.text))
        assert guess.doc_type == document.kind, (document.file, guess.explain())


@pytest.mark.parametrize("layout", ["as bundled", "no blank lines"])
def test_synthetic_documents_are_recognised(synthetic: list[SourceDocument], layout: str) -> None:
    assert {d.kind for d in synthetic} >= {"kkr-minutes", "kkr-appendix-bundle", "regional-proposal"}
    for document in synthetic:
        assert detect_doc_type(LAYOUTS[layout](document.text)).doc_type == document.kind, document.file


def _without_decisions(text: str) -> str:
    """The minutes as an agenda would read: every 'Beslutning' heading and its paragraph gone."""
    lines = [line for line in text.splitlines() if line.strip()]
    kept, skipping = [], False
    for line in lines:
        if line.strip() == "Beslutning":
            skipping = True
            continue
        if skipping and (re.match(r"\s*\d+\.\d+\.?\s", line) or re.match(r"\s*\d+\.\s", line)):
            skipping = False
        if not skipping:
            kept.append(line.replace("Referat", "Dagsorden"))
    return "\n".join(kept)


def test_a_kkr_agenda_is_not_minutes(documents: dict[str, SourceDocument]) -> None:
    guess = detect_doc_type(_without_decisions(documents["002"].text))
    assert guess.doc_type == "kkr-agenda", guess.explain()


def test_another_committees_minutes_are_a_generic_document(documents: dict[str, SourceDocument]) -> None:
    """The KL template without any KKR: not something the KKR extractor can read."""
    text = re.sub(r"\bKKR\b", "Udvalget", documents["002"].text)
    assert detect_doc_type(text).doc_type == "document"


LETTER = """\
FOLKETINGETS OMBUDSMAND
Gammel Vej 4
1000 København K
Aarhus, 23.10.2023
Sagsnr. 23/01234
Om aktindsigt i sager om tilskud
Ombudsmanden har behandlet en klage over afslag på aktindsigt efter offentlighedslovens § 7.
Kommunen har henvist til, at sagen indeholder oplysninger om tilsagn om tilskud, og at § 30
i offentlighedsloven derfor finder anvendelse. Det kan jeg ikke tilslutte mig.
"""


def test_a_letter_is_a_document_with_its_date_and_title(kommuner: KommuneIndex) -> None:
    guess = detect_doc_type(LETTER)
    assert guess.doc_type == "document" and "ingen særlig dokumenttype" in guess.explain()
    metadata = detect_metadata(LETTER, guess.doc_type, kommuner, "brev")
    assert metadata.date.value == date(2023, 10, 23) and metadata.date.line == 4
    assert metadata.title.value == "Om aktindsigt i sager om tilskud" and metadata.title.line == 6


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("Dato: 3. maj 2023", date(2023, 5, 3)),
        ("Den 17. januar 2024", date(2024, 1, 17)),
        ("Vejle, 1.2.2021", date(2021, 2, 1)),
        ("14-12-2023", date(2023, 12, 14)),
    ],
)
def test_dates_near_the_top(kommuner: KommuneIndex, top: str, expected: date) -> None:
    text = f"Notat om affaldssortering\n{top}\nKommunerne har drøftet sorteringen den 9. marts 2020.\n"
    assert detect_metadata(text, "document", kommuner, "notat").date.value == expected


def test_subject_line_gives_the_title(kommuner: KommuneIndex) -> None:
    text = "Sundhedsstyrelsen\nDato: 2. juni 2022\nEmne: Vejledning om genoptræning\n\nBrødtekst her.\n"
    metadata = detect_metadata(text, "document", kommuner, "x")
    assert (metadata.title.value, metadata.title.line) == ("Vejledning om genoptræning", 3)
    assert (metadata.publisher.value, metadata.publisher.line) == ("Sundhedsstyrelsen", 1)


def test_metadata_of_the_bundled_documents(
    documents: dict[str, SourceDocument], kommuner: KommuneIndex
) -> None:
    def detect(prefix: str) -> tuple[object, object, object]:
        document = documents[prefix]
        found = detect_metadata(document.text, document.kind, kommuner, Path(document.file).stem)
        return found.title.value, found.publisher.value, found.date.value

    assert detect("000")[:2] == (documents["000"].title, "Region Midtjylland")
    assert detect("002") == (
        "Referat af mødet i KKR Nordjylland 25. marts 2022",
        "KKR Nordjylland",
        date(2022, 3, 25),
    )
    assert detect("003")[1] == "Den Sociale Investeringsfond"
    assert detect("001")[1] == "KKR Midtjylland"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400))
def test_detection_never_fails_on_any_text(text: str) -> None:
    index = KommuneIndex([])
    guess = detect_doc_type(text)
    metadata = detect_metadata(text, guess.doc_type, index, "fil")
    assert metadata.title.value
