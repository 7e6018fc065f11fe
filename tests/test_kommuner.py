"""Municipality names as documents write them, normalised to the official list."""

import pytest

from kommuneatlas.sources.reference import KommuneIndex


def test_reference_list_has_98_kommuner_in_five_kkrs(kommuner: KommuneIndex) -> None:
    assert len(kommuner.kommuner) == 98
    assert len(kommuner.kkrs) == 5
    assert {k.name for k in kommuner.by_kkr("KKR Nordjylland")} >= {"Aalborg", "Læsø", "Vesthimmerlands"}


@pytest.mark.parametrize(
    ("written", "official"),
    [
        ("Vesthimmerland", "Vesthimmerlands"),
        ("Vesthimmerlands Kommune", "Vesthimmerlands"),
        ("Nordfyn", "Nordfyns"),
        ("Høje Taastrup", "Høje-Taastrup"),
        ("Høje Tåstrup", "Høje-Taastrup"),
        ("Københavns Kommune", "København"),
        ("Århus", "Aarhus"),
        ("ikast-brande", "Ikast-Brande"),
        ("Frederikshavn", "Frederikshavn"),
    ],
)
def test_normalise(kommuner: KommuneIndex, written: str, official: str) -> None:
    assert kommuner.normalise(written) == official


def test_unknown_name_is_none(kommuner: KommuneIndex) -> None:
    assert kommuner.normalise("Atlantis") is None
    assert kommuner.normalise("Region Midtjylland") is None
