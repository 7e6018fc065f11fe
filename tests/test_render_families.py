"""Each page family rendered from a few in-memory records (tests/site_fixtures.py), no site build:
its pages, breadcrumbs, links between entities, search type and filters, and what it says."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kommuneatlas.site.context import BuildContext
from kommuneatlas.site.render.page import Page
from site_fixtures import (
    body,
    context,
    dataset,
    document,
    experiment,
    front_matter,
    item,
    kkr,
    kommune,
    links,
    meeting,
    network,
    person,
    render,
    text,
)

DECISION = "Godkendt, jf. servicelovens § 85."
SOURCE = "Notat om tilsyn\nEfter servicelovens § 85 skal kommunen tilbyde støtte.\n"


@pytest.fixture(scope="module")
def ctx() -> BuildContext:
    """One of each: a KKR with two kommuner, a meeting with a participant and an item that appoints
    him and cites a law, a network and its experiment in one kommune, a document with its text."""
    participant = {"name": "Jens Hansen", "person": "jens-hansen", "kommune": "aalborg", "party": "V"}
    appointment = {"body": "Rammeaftaleudvalget", "name": "Jens Hansen", "person": "jens-hansen",
                   "representing": "aalborg"}  # fmt: skip
    return context(
        dataset(
            kkr(kommuner=["aalborg", "hjoerring"]),
            kommune(),
            kommune("hjoerring", name="Hjørring"),
            meeting(participants=[participant]),
            item(title="Sag om veje", decision=DECISION, appointments=[appointment]),
            person(kommune="aalborg"),
            network(kommuner=["aalborg", "hjoerring"]),
            experiment(kommuner=["hjoerring"], hjemmel="servicelovens § 85"),
            document(kkr="nordjylland"),
        ),
        texts={"notat": SOURCE},
    )


def _meta(page: Page) -> dict[str, Any]:
    """The page's front matter (each value is JSON)."""
    return {key: json.loads(value) for key, value in (line.split(": ", 1) for line in front_matter(page))}


def test_listings_link_every_entity_and_their_data(ctx: BuildContext) -> None:
    pages = render(ctx, "listings")
    assert set(pages) >= {"kkr/", "kommuner/", "moeder/", "beslutninger/", "personer/", "frikommuner/",
                          "forsoeg/", "dokumenter/"}  # fmt: skip
    assert ("aalborg/", "Aalborg") in links(pages["kommuner/"]) and ("hjoerring/", "Hjørring") in links(
        pages["kommuner/"]
    )
    assert ("../kkr/nordjylland/2022-03-25/1/", "Sag om veje") in links(pages["beslutninger/"])
    assert ("../api/experiments.csv", "CSV") in links(pages["forsoeg/"])
    assert ("../moeder.ics", "Møderne i din kalender (iCalendar)") in links(pages["moeder/"])


def test_kkr_page_lists_its_kommuner_meetings_decisions_appointments_documents_networks(
    ctx: BuildContext,
) -> None:
    page = render(ctx, "kkr")["kkr/nordjylland/"]
    found = links(page)
    assert found[0] == ("../", "KKR'er")  # breadcrumb
    for link in [("../../kommuner/hjoerring/", "Hjørring"), ("2022-03-25/", "25. marts 2022"),
                 ("2022-03-25/1/", "Sag om veje"), ("../../personer/jens-hansen/", "Jens Hansen"),
                 ("../../dokumenter/notat/", "Notat om tilsyn"),
                 ("../../frikommuner/faerre-regler/", "Færre regler for borgerne"),
                 ("feed.xml", "Nyt fra KKR Nordjylland (Atom)")]:  # fmt: skip
        assert link in found
    meta = _meta(page)
    assert meta["search_type"] == "kkr" and "(2 kommuner)" in meta["description"]
    assert "Rammeaftaleudvalget" in text(page)


def test_kommune_page_shows_its_kkr_networks_experiments_and_people(ctx: BuildContext) -> None:
    pages = render(ctx, "kommuner")
    aalborg, hjoerring = pages["kommuner/aalborg/"], pages["kommuner/hjoerring/"]
    assert links(aalborg)[:2] == [("../", "Kommuner"), ("../../kkr/nordjylland/", "KKR Nordjylland")]
    assert ("../../personer/jens-hansen/", "Jens Hansen") in links(aalborg)
    assert ("../../forsoeg/fritagelse-for-opfoelgning/", "Fritagelse for opfølgning") in links(hjoerring)
    assert "fritagelse-for-opfoelgning" not in body(aalborg)  # the experiment is Hjørring's only
    assert _meta(aalborg)["search_filters"] == {"kkr": ["KKR Nordjylland"]}


def test_meeting_and_item_pages_link_each_other_and_the_law(ctx: BuildContext) -> None:
    meeting_page = render(ctx, "meetings")["kkr/nordjylland/2022-03-25/"]
    assert ("1/", "Sag om veje") in links(meeting_page)
    assert ("../../../personer/jens-hansen/", "Jens Hansen") in links(meeting_page)
    assert _meta(meeting_page)["title"] == "Møde i KKR Nordjylland 25. marts 2022"
    item_page = render(ctx, "items")["kkr/nordjylland/2022-03-25/1/"]
    assert links(item_page)[:3] == [
        ("../../../", "KKR'er"),
        ("../../", "KKR Nordjylland"),
        ("../", "25. marts 2022"),
    ]
    assert ("../../../../love/sel/85/", "servicelovens § 85") in links(item_page)
    assert _meta(item_page)["search_filters"] == {"kkr": ["KKR Nordjylland"], "lov": ["SEL"], "år": ["2022"]}
    assert "Sags-id" not in text(item_page)  # a fact the data lack is left out, not shown empty


def test_person_page_lists_meetings_and_appointments(ctx: BuildContext) -> None:
    page = render(ctx, "people")["personer/jens-hansen/"]
    assert ("../../kkr/nordjylland/2022-03-25/", "KKR Nordjylland 25. marts 2022") in links(page)
    assert ("../../kkr/nordjylland/2022-03-25/1/", "Sag om veje") in links(page)
    assert "1 KKR-møde og 1 udpegning" in _meta(page)["description"]


def test_network_and_experiment_pages(ctx: BuildContext) -> None:
    network_page = render(ctx, "networks")["frikommuner/faerre-regler/"]
    assert ("../../forsoeg/fritagelse-for-opfoelgning/", "Fritagelse for opfølgning") in links(network_page)
    assert ("../../kommuner/hjoerring/", "Hjørring") in links(network_page)
    page = render(ctx, "experiments")["forsoeg/fritagelse-for-opfoelgning/"]
    assert links(page)[:2] == [
        ("../../frikommuner/", "Frikommunenetværk"),
        ("../../frikommuner/faerre-regler/", "Færre regler for borgerne"),
    ]
    assert ("../../love/sel/85/", "servicelovens § 85") in links(page)


def test_document_page_and_its_source_text_with_a_link_on_the_citing_line(ctx: BuildContext) -> None:
    pages = render(ctx, "documents")
    page = pages["dokumenter/notat/"]
    assert ("tekst/1/", "Læs kildeteksten (2 linjer)") in links(page)
    source = pages["dokumenter/notat/tekst/1/"]
    assert ("../../../../love/sel/85/", "servicelovens § 85") in links(source)
    assert '<div id="L2">' in body(source)


def test_document_without_a_source_text_links_to_none() -> None:
    pages = render(context(dataset(document())), "documents")
    assert list(pages) == ["dokumenter/notat/"]
    assert "kildeteksten" not in text(pages["dokumenter/notat/"])


def test_provision_page_lists_every_citing_text(ctx: BuildContext) -> None:
    page = render(ctx, "laws")["love/sel/85/"]
    found = links(page)
    assert ("../../../kkr/nordjylland/2022-03-25/1/", "1 Sag om veje") in found
    assert ("../../../forsoeg/fritagelse-for-opfoelgning/", "Fritagelse for opfølgning") in found
    assert ("../../../dokumenter/notat/tekst/1/#L2", "Notat om tilsyn (kildetekst)") in found
    assert "Efter servicelovens § 85 skal kommunen tilbyde støtte." in text(page)
