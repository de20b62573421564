"""Typed, frozen values passed between the pipeline stages.

articles -> :class:`Article`; extract -> :class:`Extraction` (mentions and facts);
link -> :class:`Entity` for each mention; mapping turns them into triples.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date


class EntityType(enum.Enum):
    """The kinds of thing the graph holds; the value is the ontology class's local name."""

    GROUP = "ManufacturerGroup"
    MANUFACTURER = "Manufacturer"
    BRAND = "Brand"
    MODEL = "VehicleModel"
    PLANT = "Plant"
    LOCALITY = "Locality"
    SUBDIVISION = "Subdivision"
    COUNTRY = "Country"
    REGION = "Region"
    SUPPLIER = "Supplier"
    ORGANISATION = "Organisation"
    PERSON = "Person"

    # members are singletons: hashing by identity (in C) instead of by name (in Python) makes
    # the many sets and dicts keyed by entities cheaper
    __hash__ = object.__hash__

    @property
    def is_company(self) -> bool:
        return self in (EntityType.GROUP, EntityType.MANUFACTURER)

    @property
    def is_place(self) -> bool:
        return self in (EntityType.LOCALITY, EntityType.SUBDIVISION, EntityType.COUNTRY, EntityType.REGION)


class Status(enum.Enum):
    """Status of a production fact, as the text reports it."""

    PLANNED = "planned"
    ACTIVE = "active"
    ENDED = "ended"
    CANCELLED = "cancelled"

    __hash__ = object.__hash__


@dataclass(frozen=True)
class Article:
    """One article as read from a listing, JSON Lines or CSV file.

    ``source`` is ``file:line`` of the first place the article was read from.
    """

    key: str
    title: str
    source: str
    summary: str | None = None
    text: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None
    ident: str | None = None

    @property
    def content(self) -> str:
        """The text extraction reads: title, summary and body, one paragraph each."""
        return "\n\n".join(part for part in (self.title, self.summary, self.text) if part)


@dataclass(frozen=True)
class Span:
    """Character offsets into :attr:`Article.content`."""

    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """A thing in the graph: from the reference data (``linked``) or minted from the text."""

    type: EntityType
    key: str
    label: str
    linked: bool = False
    wikidata: str | None = None
    geonames: int | None = None
    country: str | None = None
    parent: str | None = None
    subdivision: str | None = None
    locality: str | None = None
    operator: str | None = None
    lat: float | None = None
    lon: float | None = None
    members: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def ref(self) -> tuple[EntityType, str]:
        return (self.type, self.key)


@dataclass(frozen=True)
class Mention:
    """A stretch of an article's text that names an entity."""

    entity: Entity
    span: Span
    text: str


@dataclass(frozen=True)
class Evidence:
    """The sentence of an article that states a fact."""

    article: str
    span: Span
    text: str


@dataclass(frozen=True)
class ProductionFact:
    """Who produces (or plans, ends, cancelled) what, where."""

    manufacturer: Entity
    site: Entity
    status: Status
    evidence: Evidence
    model: Entity | None = None
    start: str | None = None
    start_phrase: str | None = None
    end: str | None = None
    end_phrase: str | None = None


@dataclass(frozen=True)
class StrategyFact:
    """An article discussing a strategy, attributed to a manufacturer where the text does."""

    strategy: str
    evidence: Evidence
    actor: Entity | None = None
    places: tuple[Entity, ...] = ()


@dataclass(frozen=True)
class Affiliation:
    """A person named with the organisation they speak for."""

    person: Entity
    organisation: Entity
    evidence: Evidence
    role: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything found in one article."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    production: tuple[ProductionFact, ...] = ()
    strategies: tuple[StrategyFact, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    #: every entity the article's triples describe: those mentioned and what they point to
    entities: tuple[Entity, ...] = ()
