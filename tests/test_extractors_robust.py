"""Damaged copies of the source documents give a result or a located ExtractionError, never a crash."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import edited_copy
from kommuneatlas.errors import ExtractionError
from kommuneatlas.extract.registry import extractor_for
from kommuneatlas.sources.manifest import SourceDocument
from kommuneatlas.sources.reference import KommuneIndex


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_damaged_copies_fail_only_with_extraction_errors(
    documents: dict[str, SourceDocument], kommuner: KommuneIndex, prefix: str, data: st.DataObject
) -> None:
    """Deleting, duplicating or inserting lines gives a result or an ExtractionError, nothing else."""
    document = documents[prefix]
    lines = list(document.lines)
    start = data.draw(st.integers(0, len(lines) - 1))
    end = data.draw(st.integers(start, min(len(lines), start + 60)))
    action = data.draw(st.sampled_from(["delete", "duplicate", "insert"]))
    if action == "delete":
        del lines[start:end]
    elif action == "duplicate":
        lines[start:start] = lines[start:end]
    else:
        lines.insert(start, data.draw(st.text(alphabet="abcÆ .:()\t§1-", max_size=30)))
    with contextlib.suppress(ExtractionError):
        extractor_for(document)(edited_copy(document, "\n".join(lines)), kommuner)
