"""Stage 4: turn an article's extraction into RDF triples under the autokg ontology.

IRIs are made from keys that do not depend on the build (reference ids, ISO codes, GeoNames IDs,
hashes of an article's identity or of a fact's content), so every build of the same input gives the
same graph, and a fact reported by several articles is one node with several sources.

Triples are made as pyoxigraph terms, which the store takes as they are: the vocabulary stays in
rdflib namespaces (:mod:`autokg.vocab`), each term converted once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import cache

import pyoxigraph as ox
from rdflib import Graph
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
from .store import to_oxigraph
from .vocab import AKG, GEO, ID, SCHEMA, STRATEGY, WIKIDATA, geonames_iri

Triple = ox.Triple

#: A vocabulary term as a pyoxigraph node (cached: the same few dozen terms come up all the time).
N = cache(ox.NamedNode)
_ID = str(ID)
_DECIMAL, _INTEGER, _DATE, _ANY_URI, _BOOLEAN = (N(t) for t in (XSD.decimal, XSD.integer, XSD.date,
                                                                XSD.anyURI, XSD.boolean))
_DATES = {4: N(XSD.gYear), 7: N(XSD.gYearMonth)}
_TRUE, _FALSE = ox.Literal("true", datatype=_BOOLEAN), ox.Literal("false", datatype=_BOOLEAN)
TYPE = N(RDF.type)
_T = ox.Triple  # every yield below makes one


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
    Status.PLANNED: N(AKG.Planned),
    Status.ACTIVE: N(AKG.Active),
    Status.ENDED: N(AKG.Ended),
    Status.CANCELLED: N(AKG.Cancelled),
}


def entity_iri(entity: Entity) -> ox.NamedNode:
    """The IRI of an entity.

    >>> from autokg.model import Entity, EntityType
    >>> entity_iri(Entity(EntityType.COUNTRY, "US", "United States"))
    <NamedNode value=https://w3id.org/autokg/id/country/US>
    """
    return ox.NamedNode(f"{_ID}{_SEGMENT[entity.type]}/{entity.key}")


def org_iri(key: str) -> ox.NamedNode:
    return ox.NamedNode(f"{_ID}org/{key}")


def article_iri(key: str) -> ox.NamedNode:
    return ox.NamedNode(f"{_ID}article/{key}")


def _place(segment: str, key: str) -> ox.NamedNode:
    return ox.NamedNode(f"{_ID}{segment}/{key}")


def _digest(*parts: object) -> str:
    text = "\x1f".join(p.value if isinstance(p, ox.NamedNode) else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def _date_literal(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=_DATES.get(len(value), _DATE))


_LABEL, _LINKED, _ALT, _SAME = N(RDFS.label), N(AKG.linked), N(SKOS.altLabel), N(OWL.sameAs)
_ORGANISATIONS = (EntityType.GROUP, EntityType.MANUFACTURER, EntityType.SUPPLIER, EntityType.ORGANISATION)


def entity_triples(entity: Entity) -> Iterator[Triple]:
    """What the graph says about an entity itself."""
    iri = entity_iri(entity)
    yield _T(iri, TYPE, N(AKG[entity.type.value]))
    yield _T(iri, _LABEL, ox.Literal(entity.label))
    yield _T(iri, _LINKED, _TRUE if entity.linked else _FALSE)
    for alias in entity.aliases:
        yield _T(iri, _ALT, ox.Literal(alias))
    if entity.wikidata:
        yield _T(iri, _SAME, ox.NamedNode(WIKIDATA[entity.wikidata]))
    if entity.geonames:
        yield _T(iri, _SAME, ox.NamedNode(geonames_iri(entity.geonames)))
    kind = entity.type
    if kind in _ORGANISATIONS:
        if entity.country:
            yield _T(iri, N(AKG.headquarters), _place("country", entity.country))
        if entity.parent:
            yield _T(iri, N(AKG.parentOrganisation), org_iri(entity.parent))
    elif kind is EntityType.BRAND:
        if entity.parent:
            yield _T(iri, N(AKG.brandOf), org_iri(entity.parent))
    elif kind is EntityType.MODEL:
        if entity.parent:
            yield _T(iri, N(AKG.brand), _place("brand", entity.parent))
        if entity.operator:
            yield _T(iri, N(AKG.manufacturer), org_iri(entity.operator))
    elif kind is EntityType.PLANT:
        if entity.operator:
            yield _T(iri, N(AKG.operator), org_iri(entity.operator))
        if entity.locality:
            yield _T(iri, N(AKG.locality), _place("locality", entity.locality))
    elif kind is EntityType.COUNTRY:
        yield _T(iri, N(AKG.countryCode), ox.Literal(entity.key))
    elif kind is EntityType.SUBDIVISION:
        yield _T(iri, N(AKG.subdivisionCode), ox.Literal(entity.key))
    elif kind is EntityType.REGION:
        for member in entity.members:
            yield _T(iri, N(AKG.memberCountry), _place("country", member))
    if kind in (EntityType.PLANT, EntityType.LOCALITY):
        if entity.subdivision:
            yield _T(iri, N(AKG.subdivision), _place("subdivision", entity.subdivision))
        if entity.lat is not None and entity.lon is not None:
            yield _T(iri, N(GEO.lat), ox.Literal(f"{entity.lat:.5f}", datatype=_DECIMAL))
            yield _T(iri, N(GEO.long), ox.Literal(f"{entity.lon:.5f}", datatype=_DECIMAL))
    if kind in (EntityType.PLANT, EntityType.LOCALITY, EntityType.SUBDIVISION) and entity.country:
        yield _T(iri, N(AKG.country), _place("country", entity.country))


def article_triples(article: Article) -> Iterator[Triple]:
    iri = article_iri(article.key)
    yield _T(iri, TYPE, N(AKG.Article))
    yield _T(iri, N(SCHEMA.headline), ox.Literal(article.title))
    yield _T(iri, N(AKG.source), ox.Literal(article.source))
    if article.summary:
        yield _T(iri, N(SCHEMA.abstract), ox.Literal(article.summary))
    if article.text:
        yield _T(iri, N(SCHEMA.articleBody), ox.Literal(article.text))
    if article.published:
        yield _T(iri, N(SCHEMA.datePublished), ox.Literal(article.published.isoformat(), datatype=_DATE))
    if article.url:
        yield _T(iri, N(SCHEMA.url), ox.Literal(article.url, datatype=_ANY_URI))
    if article.ident:
        yield _T(iri, N(DCTERMS.identifier), ox.Literal(article.ident))


def _evidence(fact: ox.NamedNode, evidence: Evidence) -> Iterator[Triple]:
    node = _place("evidence", _digest(fact, evidence.article, evidence.span.start, evidence.span.end))
    article = article_iri(evidence.article)
    yield _T(fact, N(PROV.wasDerivedFrom), article)
    yield _T(fact, N(AKG.evidence), node)
    yield _T(node, TYPE, N(AKG.Evidence))
    yield _T(node, N(AKG.article), article)
    yield _T(node, N(AKG.quote), ox.Literal(evidence.text))
    yield _T(node, N(AKG.beginIndex), ox.Literal(str(evidence.span.start), datatype=_INTEGER))
    yield _T(node, N(AKG.endIndex), ox.Literal(str(evidence.span.end), datatype=_INTEGER))


def production_iri(fact: ProductionFact) -> ox.NamedNode:
    return _place("fact", _digest(
        "production", entity_iri(fact.manufacturer), entity_iri(fact.model) if fact.model else "",
        entity_iri(fact.site), fact.status.value, fact.start or "", fact.end or "",
        fact.start_phrase or "", fact.end_phrase or ""))


def production_triples(fact: ProductionFact) -> Iterator[Triple]:
    iri = production_iri(fact)
    yield _T(iri, TYPE, N(AKG.ProductionFact))
    yield _T(iri, N(AKG.manufacturer), entity_iri(fact.manufacturer))
    yield _T(iri, N(AKG.site), entity_iri(fact.site))
    yield _T(entity_iri(fact.site), N(AKG.reportedProducer), entity_iri(fact.manufacturer))
    yield _T(iri, N(AKG.status), STATUS_IRI[fact.status])
    if fact.model:
        yield _T(iri, N(AKG.model), entity_iri(fact.model))
    if fact.start:
        yield _T(iri, N(AKG.start), _date_literal(fact.start))
        yield _T(iri, N(AKG.startPhrase), ox.Literal(fact.start_phrase or fact.start))
    if fact.end:
        yield _T(iri, N(AKG.end), _date_literal(fact.end))
        yield _T(iri, N(AKG.endPhrase), ox.Literal(fact.end_phrase or fact.end))
    yield from _evidence(iri, fact.evidence)


def strategy_triples(fact: StrategyFact) -> Iterator[Triple]:
    places = sorted(entity_iri(p).value for p in fact.places)
    actor = entity_iri(fact.actor) if fact.actor else ""
    iri = _place("fact", _digest("strategy", fact.strategy, actor, *places))
    concept = ox.NamedNode(STRATEGY[fact.strategy])
    yield _T(iri, TYPE, N(AKG.StrategyFact))
    yield _T(iri, N(AKG.strategy), concept)
    if fact.actor:
        yield _T(iri, N(AKG.actor), entity_iri(fact.actor))
    for place in fact.places:
        yield _T(iri, N(AKG.place), entity_iri(place))
    yield _T(article_iri(fact.evidence.article), N(AKG.discusses), concept)
    yield from _evidence(iri, fact.evidence)


def affiliation_triples(fact: Affiliation) -> Iterator[Triple]:
    person, organisation = entity_iri(fact.person), entity_iri(fact.organisation)
    iri = _place("fact", _digest("affiliation", person, organisation, fact.role or ""))
    yield _T(iri, TYPE, N(AKG.Affiliation))
    yield _T(iri, N(AKG.person), person)
    yield _T(iri, N(AKG.organisation), organisation)
    if fact.role:
        yield _T(iri, N(AKG.role), ox.Literal(fact.role))
    yield _T(person, N(SCHEMA.affiliation), organisation)
    yield from _evidence(iri, fact.evidence)


def to_rdf(extraction: Extraction, described: set[Entity] | None = None) -> Iterator[Triple]:
    """All triples of one article: the article, what it mentions, and its facts.

    Triples shared by several articles (an entity's description) come out for each of them, and a
    graph or store keeps them once; given a set, entities in it are not described again, and the
    entities described are added to it (a batch of articles shares one).
    """
    article = extraction.article
    iri = article_iri(article.key)
    yield from article_triples(article)
    if article.author:
        yield _T(iri, N(SCHEMA.author), _place("person", slug(article.author)))
    for entity in extraction.entities:
        if described is not None:
            if entity in described:
                continue
            described.add(entity)
        yield from entity_triples(entity)
    for mention in extraction.mentions:
        yield _T(iri, N(SCHEMA.mentions), entity_iri(mention.entity))
    for fact in extraction.production:
        yield from production_triples(fact)
    for strategy in extraction.strategies:
        yield from strategy_triples(strategy)
    for affiliation in extraction.affiliations:
        yield from affiliation_triples(affiliation)


@cache
def _scheme_triples() -> tuple[Triple, ...]:
    graph = Graph().parse(strategies_file())
    return tuple(ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))  # type: ignore[arg-type]
                 for s, p, o in graph)


def static_triples() -> Iterator[Triple]:
    """Triples every graph carries: the strategy scheme and the production statuses."""
    yield from _scheme_triples()
    for status, iri in STATUS_IRI.items():
        yield _T(iri, TYPE, N(AKG.ProductionStatus))
        yield _T(iri, N(SKOS.notation), ox.Literal(status.value))
        yield _T(iri, N(SKOS.prefLabel), ox.Literal(status.value, language="en"))
