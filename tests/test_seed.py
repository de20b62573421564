"""What must come out of the seed listing (../shared/seed), checked through the stored queries."""

from __future__ import annotations

import pytest

from autokg.queries import find_query, run_query
from autokg.store import load_graph


@pytest.fixture(scope="module")
def seed(seed_build):
    summary, path = seed_build
    store = load_graph([path])

    def rows(name, **params):
        table = run_query(store, find_query(name), params)
        return [dict(zip(table.columns, row)) for row in table.values()]

    return summary, rows


def _titles(rows, words):
    return [r for r in rows if words in r["title"]]


def test_seed_builds_and_conforms(seed):
    summary, _ = seed
    assert summary.articles == 12 and summary.ok


def test_polestar_3_active_at_volvo_ridgeville(seed):
    _, rows = seed
    hits = [r for r in rows("production-sites") if r["model"] == "Polestar 3"]
    assert hits, "no Polestar 3 production"
    assert all(r["manufacturer"] == "Polestar" and r["status"] == "active" for r in hits)
    assert {(r["locality"], r["country"]) for r in hits} == {("Ridgeville", "US")}
    plants = rows("plants-by-country", country="US")
    ridgeville = [p for p in plants if p["locality"] == "Ridgeville"]
    assert ridgeville and ridgeville[0]["operator"] == "Volvo Cars"
    assert ridgeville[0]["subdivision"] == "South Carolina"


def test_polestar_4_planned_in_korea_from_second_half_2025(seed):
    _, rows = seed
    hits = [r for r in rows("production-sites") if r["model"] == "Polestar 4"]
    assert [(r["country"], r["status"], r["start"]) for r in hits] == [("KR", "planned", "2025-07")]


def test_polestar_7_planned_in_europe_and_leaving_china(seed):
    _, rows = seed
    article = _titles(rows("production-sites"), "Polestar 7")
    europe = [r for r in article if r["model"] == "Polestar 7"]
    assert [(r["region"], r["country"], r["status"]) for r in europe] == [("Europe", "", "planned")]
    china = [r for r in article if r["country"] == "CN"]
    assert [(r["manufacturer"], r["status"]) for r in china] == [("Polestar", "ended")]


def test_chinese_manufacturers(seed):
    _, rows = seed
    mentions = _titles(rows("mentions"), "Chinese vehicle makers")
    makers = {r["label"].split()[0]: r["type"] for r in mentions if r["type"] in ("Manufacturer", "ManufacturerGroup")}
    assert {"BYD", "Chery"} <= set(makers)
    assert any(label.startswith("Geely") or label == "Zhejiang" for label in makers)


def test_suppliers_are_not_car_makers(seed):
    _, rows = seed
    types = {r["label"]: r["type"] for r in rows("mentions")}
    assert types["SSAB"] == "Supplier" and types["Atlas Copco"] == "Supplier"
    assert not [r for r in rows("production-sites") if r["manufacturer"] in ("SSAB", "Atlas Copco")]


def test_people_with_their_affiliations(seed):
    _, rows = seed
    people = {(r["person"], r["organisation"]) for r in rows("people")}
    assert {("Dennis Nobelius", "Polestar"), ("Lars Eklof", "Atlas Copco")} <= people


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Polestar 7", {"regionalisation", "supply-chain-resilience"}),
        ("bio-materials", {"bio-based-materials", "decarbonisation"}),
        ("Korea: the switch", {"powertrain-flexibility", "electrification"}),
        ("changing shape of Europe", {"powertrain-flexibility"}),
        ("CO2 purge", {"decarbonisation"}),
        ("Partnering for power", {"partnership", "battery-production"}),
    ],
)
def test_strategies_each_article_discusses(seed, headline, expected):
    _, rows = seed
    found = {r["strategy"] for r in _titles(rows("strategies"), headline)}
    assert expected <= found


def test_polestar_7_strategies_are_polestars(seed):
    _, rows = seed
    found = _titles(rows("strategies"), "Polestar 7")
    assert {r["manufacturer"] for r in found if r["strategy"] == "regionalisation"} == {"Polestar"}
