"""Stage 3: link what the text names to reference entities, or mint a stable new one.

The linker answers questions the extractor asks: which entity does this name stand for here, which
plant is "the Volvo plant in Ridgeville", which town is "Szeged" in Hungary. An entity that the
reference data does not know gets a key made from its name (and its context: a model's brand, a
town's country), so the same thing gets the same IRI in every build and from every article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Entity, EntityType
from .reference import Reference, fold, geonames_towns, model_slug, slug

COMPANY_TYPES = (EntityType.GROUP, EntityType.MANUFACTURER)
#: plant names that describe rather than name: a place and a plant noun ("Chennai plant")
_DESCRIPTIVE = re.compile(r"^\S+(?: \S+)? (?:plant|factory|works|facility|assembly plant|car plant)$")
#: When a name stands for several entities, the one the press most often means comes first.
PREFERENCE = (
    EntityType.PLANT,
    EntityType.MANUFACTURER,
    EntityType.GROUP,
    EntityType.BRAND,
    EntityType.SUPPLIER,
    EntityType.ORGANISATION,
    EntityType.COUNTRY,
    EntityType.REGION,
    EntityType.SUBDIVISION,
    EntityType.LOCALITY,
)


class Linker:
    """Resolves names to entities against the reference data."""

    def __init__(self, reference: Reference):
        self.reference = reference

    # -- names the gazetteer found -----------------------------------------------------------

    def resolve(self, name: str, *, countries: Iterable[str] = (), makers: Iterable[str] = ()) -> Entity | None:
        """The entity a name stands for, using the countries the article is about to settle
        place names shared by several places (Georgia the US state or the country), and the
        companies it names to settle plant names shared by several plants ("the Rayong plant")."""
        candidates = self.reference.names.get(fold(name), [])
        plants = [c for c in candidates if c.type is EntityType.PLANT]
        if len(plants) > 1 or (plants and _DESCRIPTIVE.search(fold(name))):
            # a plant name several makers use ("the Rayong plant"), or a description several makers'
            # plants fit ("the Chennai plant"), is linked only when the article names its operator
            named = set(makers)
            run_by = [p for p in plants if named & self.family(p.operator)]
            candidates = [c for c in candidates if c.type is not EntityType.PLANT] + (
                run_by if len(run_by) == 1 else [])
        if not candidates:
            return None
        if len(candidates) == 1:
            return candidates[0]
        context = set(countries)
        places = [c for c in candidates if c.type.is_place]
        if len(places) > 1 and context:
            inside = [p for p in places if p.type is not EntityType.COUNTRY and p.country in context]
            if inside:
                return inside[0]
            countries_named = [p for p in places if p.type is EntityType.COUNTRY and p.key in context]
            if countries_named:
                return countries_named[0]
        if len(places) > 1 and makers:
            # "Hyundai Nishat Motor's Punjab plant": where the places named say nothing, a
            # subdivision in the home country of a company the article names (Pakistan's Punjab)
            homes = {org.country for key in makers if (org := self.reference.org(key)) is not None}
            inside = [p for p in places if p.type is EntityType.SUBDIVISION and p.country in homes]
            if len(inside) == 1:
                return inside[0]
        return min(candidates, key=lambda e: PREFERENCE.index(e.type))

    def family(self, key: str | None) -> set[str]:
        """A company's key with its parent's and its parent's parent's."""
        keys: set[str] = set()
        while key and key not in keys:
            keys.add(key)
            org = self.reference.org(key)
            key = org.parent if org is not None else None
        return keys

    def company(self, entity: Entity) -> Entity | None:
        """The manufacturer behind an organisation, brand or model (``None`` for non-makers)."""
        if entity.type in COMPANY_TYPES:
            return entity
        if entity.type is EntityType.BRAND:
            owner = self.reference.owner(entity)
            return owner if owner.type in COMPANY_TYPES else None
        if entity.type is EntityType.MODEL and entity.operator:
            return self.reference.org(entity.operator)
        return None

    def brand_for(self, entity: Entity) -> Entity | None:
        """The brand a model name after this entity belongs to ("Polestar" -> the Polestar brand)."""
        if entity.type is EntityType.BRAND:
            return entity
        if entity.type in COMPANY_TYPES:
            same_name = self.reference.get(EntityType.BRAND, entity.key)
            if same_name is not None:
                return same_name
            brands = self.reference.brands_of(entity.key)
            named = [b for b in brands if fold(b.label) in {fold(entity.label), *map(fold, entity.aliases)}]
            if named:
                return named[0]
            if len(brands) == 1:
                return brands[0]
            if not brands and entity.parent:
                # a national company or unit with no brand of its own ("Renault Korea", "Honda Cars
                # India") builds its parent's brand whose name its own starts with
                first = fold(entity.label).split()[0]
                named = [b for b in self.reference.brands_of(entity.parent) if fold(b.label) == first]
                if len(named) == 1:
                    return named[0]
        return None

    # -- things minted from the text ---------------------------------------------------------

    def model(self, name: str, maker: Entity) -> Entity:
        """A vehicle model of a brand (or of a company without a known brand)."""
        brand = self.brand_for(maker)
        # The model's company comes from its brand when it has one, so that the model's IRI,
        # made from the brand, always carries the same company.
        company = self.company(brand or maker)
        owner = brand or maker
        marque = self.reference.marque(brand) if brand is not None else maker.label
        for label in dict.fromkeys((owner.label, marque)):
            if fold(name).startswith(fold(label) + " "):
                name = name[len(label):].strip()
        if brand is not None and (known := self.reference.model_named(name, brand)) is not None:
            return known
        if brand is not None and name.endswith("s") and len(name) > 2 and (
                known := self.reference.model_named(name[:-1], brand)) is not None:
            return known  # a plural: "BMW X1s", "Ford Fiestas"
        key = f"{owner.key}/{model_slug(name)}"
        if (same_key := self.reference.get(EntityType.MODEL, key)) is not None:
            return same_key  # another spelling of a known model ("Model-Y")
        return Entity(EntityType.MODEL, key, f"{marque} {name}",
                      parent=brand.key if brand else None,
                      operator=company.key if company else None)

    def person(self, name: str) -> Entity:
        return Entity(EntityType.PERSON, slug(name), " ".join(name.split()))

    def organisation(self, name: str, type: EntityType = EntityType.ORGANISATION) -> Entity:
        return Entity(type, slug(name), name)

    def locality(self, name: str, *, country: str | None, subdivision: str | None = None) -> Entity | None:
        """A town, from the plants' towns or GeoNames, in the given country (and US state)."""
        if country is None:
            return None
        known = [e for e in self.reference.names.get(fold(name), [])
                 if e.type is EntityType.LOCALITY and e.country == country]
        if known:
            return known[0]
        state = subdivision.split("-", 1)[1] if subdivision and country == "US" else None
        towns = [t for t in geonames_towns().get(fold(name)) if t.country == country
                 and (state is None or t.admin1 == state)]
        if not towns:
            return None
        # (a town of that name before a larger one that has it only among its other names)
        town = max(towns, key=lambda t: (fold(t.name) == fold(name), t.population))
        us_state = f"US-{town.admin1}" if country == "US" else subdivision
        return Entity(
            EntityType.LOCALITY, str(town.geonameid), town.name, linked=True,
            geonames=town.geonameid, country=country, subdivision=us_state, lat=town.lat, lon=town.lon,
        )

    def plant(self, *, locality: Entity | None, operator: Entity | None = None,
              name: str | None = None, makers: Iterable[str] | None = None) -> Entity | None:
        """The reference plant in a town (run by the operator, when given, or else by one of
        the companies the article names, when given), else a minted one."""
        if locality is not None:
            plants = [p for p in self.reference.plants_by_locality.get(fold(locality.label), [])
                      if p.country == locality.country]
            if operator is None and makers is not None:
                named = set(makers)
                plants = [p for p in plants if named & self.family(p.operator)]
            if operator is not None:
                maker = self.company(operator) or operator
                family = {maker.key, maker.parent, operator.key}
                run_by = [p for p in plants if p.operator in family
                          or (self.reference.org(p.operator or "") or p).parent in family]
                plants = run_by
            if len(plants) == 1:
                return plants[0]
        if operator is None or locality is None:
            return None
        maker = self.company(operator) or operator
        label = name or f"{maker.label} {locality.label} plant"
        return Entity(EntityType.PLANT, f"{maker.key}-{slug(locality.label)}", label,
                      operator=maker.key, locality=locality.key, country=locality.country,
                      subdivision=locality.subdivision)


def closure(linker: Linker, entities: Iterable[Entity]) -> tuple[Entity, ...]:
    """The entities plus everything their triples point to (owners, operators, towns, countries)."""
    ref = linker.reference
    found: dict[tuple[EntityType, str], Entity] = {}
    local = {e.ref: e for e in entities}
    stack = list(local.values())
    while stack:
        entity = stack.pop()
        if entity.ref in found:
            continue
        found[entity.ref] = entity
        related: list[Entity | None] = []
        if entity.type is EntityType.BRAND or entity.type in COMPANY_TYPES or entity.type in (
            EntityType.SUPPLIER, EntityType.ORGANISATION
        ):
            related.append(ref.org(entity.parent) if entity.parent else None)
        if entity.type is EntityType.MODEL:
            related.append(ref.get(EntityType.BRAND, entity.parent or ""))
            related.append(ref.org(entity.operator or ""))
        if entity.type is EntityType.PLANT:
            related.append(ref.org(entity.operator or "") or local.get((EntityType.MANUFACTURER, entity.operator or "")))
            if entity.locality:
                related.append(ref.get(EntityType.LOCALITY, entity.locality)
                               or local.get((EntityType.LOCALITY, entity.locality)))
        if entity.subdivision:
            related.append(ref.get(EntityType.SUBDIVISION, entity.subdivision))
        if entity.country:
            related.append(ref.country(entity.country))
        for member in entity.members:
            related.append(ref.country(member))
        stack.extend(e for e in related if e is not None and e.ref not in found)
    return tuple(found.values())
