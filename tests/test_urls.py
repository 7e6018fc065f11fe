"""Relative links between site URLs."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from kommuneatlas.model.urls import relative

_SEGMENT = st.sampled_from(["kommuner", "aalborg", "forsoeg", "side-2", "love", "sel", "184", "tekst", "3"])
_URL = st.lists(_SEGMENT, max_size=4).map(lambda parts: "".join(f"{p}/" for p in parts))


@given(_URL, _URL, st.sampled_from(["", "#L12"]))
def test_relative_agrees_with_posixpath(target: str, page: str, fragment: str) -> None:
    rel = posixpath.relpath(target or ".", page or ".")  # every URL here ends with "/" or is ""
    expected = "./" if target == page or rel == "." else rel + "/"
    assert relative(target + fragment, page) == expected + fragment


def test_relative_examples() -> None:
    assert relative("kommuner/aalborg/", "forsoeg/mikrolaan/") == "../../kommuner/aalborg/"
    assert (
        relative("dokumenter/x/tekst/6/#L1440", "forsoeg/mikrolaan/") == "../../dokumenter/x/tekst/6/#L1440"
    )
    assert relative("forsoeg/", "forsoeg/") == "./"
    assert relative("", "kkr/") == "../"
    assert relative("assets/a.css", "") == "assets/a.css"
