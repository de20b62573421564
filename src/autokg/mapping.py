"""Stage 4: turn an article's extraction into RDF triples under the autokg ontology.

IRIs are made from keys that do not depend on the build (reference ids, ISO codes, GeoNames IDs,
hashes of an article's identity or of a fact's content), so every build of the same input gives the
same graph, and a fact reported by several articles is one node with several sources.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .model import (
    Affiliation,
    Article,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    ProductionFact,
    Status,
    StrategyFact,
)
from .reference import slug
from .resources import strategies_file
from .vocab import AKG, GEO, ID, SCHEMA, STRATEGY, WIKIDATA, geonames_iri

Triple = tuple[URIRef | BNode, URIRef, URIRef | BNode | Literal]

_SEGMENT = {
    EntityType.GROUP: "org",
    EntityType.MANUFACTURER: "org",
    EntityType.SUPPLIER: "org",
    EntityType.ORGANISATION: "org",
    EntityType.BRAND: "brand",
    EntityType.MODEL: "model",
    EntityType.PLANT: "plant",
    EntityType.LOCALITY: "locality",
    EntityType.SUBDIVISION: "subdivision",
    EntityType.COUNTRY: "country",
    EntityType.REGION: "region",
    EntityType.PERSON: "person",
}
STATUS_IRI = {
    Status.PLANNED: AKG.Planned,
    Status.ACTIVE: AKG.Active,
    Status.ENDED: AKG.Ended,
    Status.CANCELLED: AKG.Cancelled,
}


def entity_iri(entity: Entity) -> URIRef:
    """The IRI of an entity.

    >>> from autokg.model import Entity, EntityType
    >>> entity_iri(Entity(EntityType.COUNTRY, "US", "United States"))
    rdflib.term.URIRef('https://w3id.org/autokg/id/country/US')
    """
    return ID[f"{_SEGMENT[entity.type]}/{entity.key}"]


def org_iri(key: str) -> URIRef:
    return ID[f"org/{key}"]


def article_iri(key: str) -> URIRef:
    return ID[f"article/{key}"]


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:20]


def _date_literal(value: str) -> Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
    return Literal(value, datatype=datatype)


def entity_triples(entity: Entity) -> Iterator[Triple]:
    """What the graph says about an entity itself."""
    iri = entity_iri(entity)
    yield iri, RDF.type, AKG[entity.type.value]
    yield iri, RDFS.label, Literal(entity.label)
    yield iri, AKG.linked, Literal(entity.linked)
    for alias in entity.aliases:
        yield iri, SKOS.altLabel, Literal(alias)
    if entity.wikidata:
        yield iri, OWL.sameAs, WIKIDATA[entity.wikidata]
    if entity.geonames:
        yield iri, OWL.sameAs, geonames_iri(entity.geonames)
    kind = entity.type
    if kind in (EntityType.GROUP, EntityType.MANUFACTURER, EntityType.SUPPLIER, EntityType.ORGANISATION):
        if entity.country:
            yield iri, AKG.headquarters, ID[f"country/{entity.country}"]
        if entity.parent:
            yield iri, AKG.parentOrganisation, org_iri(entity.parent)
    elif kind is EntityType.BRAND:
        if entity.parent:
            yield iri, AKG.brandOf, org_iri(entity.parent)
    elif kind is EntityType.MODEL:
        if entity.parent:
            yield iri, AKG.brand, ID[f"brand/{entity.parent}"]
        if entity.operator:
            yield iri, AKG.manufacturer, org_iri(entity.operator)
    elif kind is EntityType.PLANT:
        if entity.operator:
            yield iri, AKG.operator, org_iri(entity.operator)
        if entity.locality:
            yield iri, AKG.locality, ID[f"locality/{entity.locality}"]
    elif kind is EntityType.COUNTRY:
        yield iri, AKG.countryCode, Literal(entity.key)
    elif kind is EntityType.SUBDIVISION:
        yield iri, AKG.subdivisionCode, Literal(entity.key)
    elif kind is EntityType.REGION:
        for member in entity.members:
            yield iri, AKG.memberCountry, ID[f"country/{member}"]
    if kind in (EntityType.PLANT, EntityType.LOCALITY):
        if entity.subdivision:
            yield iri, AKG.subdivision, ID[f"subdivision/{entity.subdivision}"]
        if entity.lat is not None and entity.lon is not None:
            yield iri, GEO.lat, Literal(f"{entity.lat:.5f}", datatype=XSD.decimal)
            yield iri, GEO.long, Literal(f"{entity.lon:.5f}", datatype=XSD.decimal)
    if kind in (EntityType.PLANT, EntityType.LOCALITY, EntityType.SUBDIVISION) and entity.country:
        yield iri, AKG.country, ID[f"country/{entity.country}"]


def article_triples(article: Article) -> Iterator[Triple]:
    iri = article_iri(article.key)
    yield iri, RDF.type, AKG.Article
    yield iri, SCHEMA.headline, Literal(article.title)
    yield iri, AKG.source, Literal(article.source)
    if article.summary:
        yield iri, SCHEMA.abstract, Literal(article.summary)
    if article.text:
        yield iri, SCHEMA.articleBody, Literal(article.text)
    if article.published:
        yield iri, SCHEMA.datePublished, Literal(article.published.isoformat(), datatype=XSD.date)
    if article.url:
        yield iri, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)
    if article.ident:
        yield iri, DCTERMS.identifier, Literal(article.ident)


def _evidence(fact: URIRef, evidence: Evidence) -> Iterator[Triple]:
    node = ID[f"evidence/{_digest(fact, evidence.article, evidence.span.start, evidence.span.end)}"]
    yield fact, PROV.wasDerivedFrom, article_iri(evidence.article)
    yield fact, AKG.evidence, node
    yield node, RDF.type, AKG.Evidence
    yield node, AKG.article, article_iri(evidence.article)
    yield node, AKG.quote, Literal(evidence.text)
    yield node, AKG.beginIndex, Literal(evidence.span.start, datatype=XSD.integer)
    yield node, AKG.endIndex, Literal(evidence.span.end, datatype=XSD.integer)


def production_iri(fact: ProductionFact) -> URIRef:
    return ID["fact/" + _digest(
        "production", entity_iri(fact.manufacturer), entity_iri(fact.model) if fact.model else "",
        entity_iri(fact.site), fact.status.value, fact.start or "", fact.end or "",
        fact.start_phrase or "", fact.end_phrase or "")]


def production_triples(fact: ProductionFact) -> Iterator[Triple]:
    iri = production_iri(fact)
    yield iri, RDF.type, AKG.ProductionFact
    yield iri, AKG.manufacturer, entity_iri(fact.manufacturer)
    yield iri, AKG.site, entity_iri(fact.site)
    yield iri, AKG.status, STATUS_IRI[fact.status]
    if fact.model:
        yield iri, AKG.model, entity_iri(fact.model)
    if fact.start:
        yield iri, AKG.start, _date_literal(fact.start)
        yield iri, AKG.startPhrase, Literal(fact.start_phrase or fact.start)
    if fact.end:
        yield iri, AKG.end, _date_literal(fact.end)
        yield iri, AKG.endPhrase, Literal(fact.end_phrase or fact.end)
    yield from _evidence(iri, fact.evidence)


def strategy_triples(fact: StrategyFact) -> Iterator[Triple]:
    places = sorted(str(entity_iri(p)) for p in fact.places)
    actor = entity_iri(fact.actor) if fact.actor else ""
    iri = ID["fact/" + _digest("strategy", fact.strategy, actor, *places)]
    yield iri, RDF.type, AKG.StrategyFact
    yield iri, AKG.strategy, STRATEGY[fact.strategy]
    if fact.actor:
        yield iri, AKG.actor, entity_iri(fact.actor)
    for place in fact.places:
        yield iri, AKG.place, entity_iri(place)
    yield article_iri(fact.evidence.article), AKG.discusses, STRATEGY[fact.strategy]
    yield from _evidence(iri, fact.evidence)


def affiliation_triples(fact: Affiliation) -> Iterator[Triple]:
    person, organisation = entity_iri(fact.person), entity_iri(fact.organisation)
    iri = ID["fact/" + _digest("affiliation", person, organisation, fact.role or "")]
    yield iri, RDF.type, AKG.Affiliation
    yield iri, AKG.person, person
    yield iri, AKG.organisation, organisation
    if fact.role:
        yield iri, AKG.role, Literal(fact.role)
    yield person, SCHEMA.affiliation, organisation
    yield from _evidence(iri, fact.evidence)


def to_rdf(extraction: Extraction) -> Iterator[Triple]:
    """All triples of one article: the article, what it mentions, and its facts.

    Triples shared by several articles (an entity's description) come out for each of them; a
    graph or store keeps them once.
    """
    article = extraction.article
    iri = article_iri(article.key)
    yield from article_triples(article)
    if article.author:
        yield iri, SCHEMA.author, ID[f"person/{slug(article.author)}"]
    for entity in extraction.entities:
        yield from entity_triples(entity)
    for mention in extraction.mentions:
        yield iri, SCHEMA.mentions, entity_iri(mention.entity)
    for fact in extraction.production:
        yield from production_triples(fact)
    for strategy in extraction.strategies:
        yield from strategy_triples(strategy)
    for affiliation in extraction.affiliations:
        yield from affiliation_triples(affiliation)


@cache
def _scheme_triples() -> tuple[Triple, ...]:
    graph = Graph().parse(strategies_file())
    return tuple(graph)  # type: ignore[arg-type]


def static_triples() -> Iterator[Triple]:
    """Triples every graph carries: the strategy scheme and the production statuses."""
    yield from _scheme_triples()
    for status, iri in STATUS_IRI.items():
        yield iri, RDF.type, AKG.ProductionStatus
        yield iri, SKOS.notation, Literal(status.value)
        yield iri, SKOS.prefLabel, Literal(status.value, lang="en")
