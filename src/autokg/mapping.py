"""Stage 4: turn an article's extraction into RDF triples under the autokg ontology.

IRIs are made from keys that do not depend on the build (reference ids, ISO codes, GeoNames IDs,
hashes of an article's identity or of a fact's content), so every build of the same input gives the
same graph, and a fact reported by several articles is one node with several sources.

Triples are written as N-Triples text, which a store loads in one call (Oxigraph's parser checks
every IRI as it reads it): making a pyoxigraph object per term and per triple took a third of the
time of a build's mapping and loading. :func:`to_rdf` gives the same triples as pyoxigraph quads.
The vocabulary stays in rdflib namespaces (:mod:`autokg.vocab`), each term written out once.
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


class _Terms:
    """A namespace's terms as N-Triples IRIs (``<...>``), each written once when first asked for;
    unknown names of our own vocabulary fail as they do in :class:`~autokg.vocab.AKG`."""

    def __init__(self, namespace: object):
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        value = f"<{getattr(self._namespace, name)}>"
        setattr(self, name, value)
        return value


A, XS = _Terms(AKG), _Terms(XSD)
_ID = str(ID)
_TYPE, _LABEL, _ALT, _SAME = (f"<{t}>" for t in (RDF.type, RDFS.label, SKOS.altLabel, OWL.sameAs))
_DERIVED, _NOTATION, _PREF = f"<{PROV.wasDerivedFrom}>", f"<{SKOS.notation}>", f"<{SKOS.prefLabel}>"
_HEADLINE, _ABSTRACT, _BODY, _PUBLISHED, _URL, _AUTHOR, _MENTIONS, _AFFILIATION = (
    f"<{SCHEMA[name]}>" for name in ("headline", "abstract", "articleBody", "datePublished", "url",
                                     "author", "mentions", "affiliation"))
_IDENTIFIER, _LAT, _LONG = f"<{DCTERMS.identifier}>", f"<{GEO.lat}>", f"<{GEO.long}>"
_DATES = {4: XS.gYear, 7: XS.gYearMonth}
_TRUE, _FALSE = f'"true"^^{XS.boolean}', f'"false"^^{XS.boolean}'
#: N-Triples escapes in a literal: the backslash, the quote and the two line breaks.
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})

#: rdf:type, as a pyoxigraph node (for lookups in a store).
TYPE = ox.NamedNode(str(RDF.type))

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
_STATUS = {status: getattr(A, status.value.capitalize()) for status in Status}


def _literal(value: str, suffix: str = "") -> str:
    """A literal as N-Triples; ``suffix`` is ``^^<datatype>`` or ``@language``."""
    if "\\" in value or '"' in value or "\n" in value or "\r" in value:
        value = value.translate(_ESCAPES)
    return f'"{value}"{suffix}'


def _iri(entity: Entity) -> str:
    """An entity's IRI, as a string."""
    return f"{_ID}{_SEGMENT[entity.type]}/{entity.key}"


def _node(segment: str, key: str) -> str:
    return f"<{_ID}{segment}/{key}>"


def entity_iri(entity: Entity) -> ox.NamedNode:
    """The IRI of an entity.

    >>> from autokg.model import Entity, EntityType
    >>> entity_iri(Entity(EntityType.COUNTRY, "US", "United States"))
    <NamedNode value=https://w3id.org/autokg/id/country/US>
    """
    return ox.NamedNode(_iri(entity))


def article_iri(key: str) -> ox.NamedNode:
    return ox.NamedNode(f"{_ID}article/{key}")


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def _date_literal(value: str) -> str:
    return _literal(value, "^^" + _DATES.get(len(value), XS.date))


_ORGANISATIONS = (EntityType.GROUP, EntityType.MANUFACTURER, EntityType.SUPPLIER, EntityType.ORGANISATION)


def entity_triples(entity: Entity) -> Iterator[str]:
    """What the graph says about an entity itself, as N-Triples lines."""
    iri = f"<{_iri(entity)}>"
    yield f"{iri} {_TYPE} {getattr(A, entity.type.value)} .\n"
    yield f"{iri} {_LABEL} {_literal(entity.label)} .\n"
    yield f"{iri} {A.linked} {_TRUE if entity.linked else _FALSE} .\n"
    for alias in entity.aliases:
        yield f"{iri} {_ALT} {_literal(alias)} .\n"
    if entity.wikidata:
        yield f"{iri} {_SAME} <{WIKIDATA[entity.wikidata]}> .\n"
    if entity.geonames:
        yield f"{iri} {_SAME} <{geonames_iri(entity.geonames)}> .\n"
    kind = entity.type
    if kind in _ORGANISATIONS:
        if entity.country:
            yield f"{iri} {A.headquarters} {_node('country', entity.country)} .\n"
        if entity.parent:
            yield f"{iri} {A.parentOrganisation} {_node('org', entity.parent)} .\n"
    elif kind is EntityType.BRAND:
        if entity.parent:
            yield f"{iri} {A.brandOf} {_node('org', entity.parent)} .\n"
    elif kind is EntityType.MODEL:
        if entity.parent:
            yield f"{iri} {A.brand} {_node('brand', entity.parent)} .\n"
        if entity.operator:
            yield f"{iri} {A.manufacturer} {_node('org', entity.operator)} .\n"
    elif kind is EntityType.PLANT:
        if entity.operator:
            yield f"{iri} {A.operator} {_node('org', entity.operator)} .\n"
        if entity.locality:
            yield f"{iri} {A.locality} {_node('locality', entity.locality)} .\n"
    elif kind is EntityType.COUNTRY:
        yield f"{iri} {A.countryCode} {_literal(entity.key)} .\n"
    elif kind is EntityType.SUBDIVISION:
        yield f"{iri} {A.subdivisionCode} {_literal(entity.key)} .\n"
    elif kind is EntityType.REGION:
        for member in entity.members:
            yield f"{iri} {A.memberCountry} {_node('country', member)} .\n"
    if kind in (EntityType.PLANT, EntityType.LOCALITY):
        if entity.subdivision:
            yield f"{iri} {A.subdivision} {_node('subdivision', entity.subdivision)} .\n"
        if entity.lat is not None and entity.lon is not None:
            yield f'{iri} {_LAT} "{entity.lat:.5f}"^^{XS.decimal} .\n'
            yield f'{iri} {_LONG} "{entity.lon:.5f}"^^{XS.decimal} .\n'
    if kind in (EntityType.PLANT, EntityType.LOCALITY, EntityType.SUBDIVISION) and entity.country:
        yield f"{iri} {A.country} {_node('country', entity.country)} .\n"


def article_triples(article: Article) -> Iterator[str]:
    iri = _node("article", article.key)
    yield f"{iri} {_TYPE} {A.Article} .\n"
    yield f"{iri} {_HEADLINE} {_literal(article.title)} .\n"
    yield f"{iri} {A.source} {_literal(article.source)} .\n"
    if article.summary:
        yield f"{iri} {_ABSTRACT} {_literal(article.summary)} .\n"
    if article.text:
        yield f"{iri} {_BODY} {_literal(article.text)} .\n"
    if article.published:
        yield f'{iri} {_PUBLISHED} "{article.published.isoformat()}"^^{XS.date} .\n'
    if article.url:
        yield f"{iri} {_URL} {_literal(article.url, '^^' + XS.anyURI)} .\n"
    if article.ident:
        yield f"{iri} {_IDENTIFIER} {_literal(article.ident)} .\n"


def _evidence(fact: str, fact_iri: str, evidence: Evidence) -> Iterator[str]:
    start, end = evidence.span.start, evidence.span.end
    node = _node("evidence", _digest(fact_iri, evidence.article, str(start), str(end)))
    article = _node("article", evidence.article)
    yield f"{fact} {_DERIVED} {article} .\n"
    yield f"{fact} {A.evidence} {node} .\n"
    yield f"{node} {_TYPE} {A.Evidence} .\n"
    yield f"{node} {A.article} {article} .\n"
    yield f"{node} {A.quote} {_literal(evidence.text)} .\n"
    yield f'{node} {A.beginIndex} "{start}"^^{XS.integer} .\n'
    yield f'{node} {A.endIndex} "{end}"^^{XS.integer} .\n'


def _production_key(fact: ProductionFact) -> str:
    return f"{_ID}fact/" + _digest(
        "production", _iri(fact.manufacturer), _iri(fact.model) if fact.model else "",
        _iri(fact.site), fact.status.value, fact.start or "", fact.end or "",
        fact.start_phrase or "", fact.end_phrase or "")


def production_iri(fact: ProductionFact) -> ox.NamedNode:
    return ox.NamedNode(_production_key(fact))


def production_triples(fact: ProductionFact) -> Iterator[str]:
    key = _production_key(fact)
    iri, site, maker = f"<{key}>", f"<{_iri(fact.site)}>", f"<{_iri(fact.manufacturer)}>"
    yield f"{iri} {_TYPE} {A.ProductionFact} .\n"
    yield f"{iri} {A.manufacturer} {maker} .\n"
    yield f"{iri} {A.site} {site} .\n"
    yield f"{site} {A.reportedProducer} {maker} .\n"
    yield f"{iri} {A.status} {_STATUS[fact.status]} .\n"
    if fact.model:
        yield f"{iri} {A.model} <{_iri(fact.model)}> .\n"
    if fact.start:
        yield f"{iri} {A.start} {_date_literal(fact.start)} .\n"
        yield f"{iri} {A.startPhrase} {_literal(fact.start_phrase or fact.start)} .\n"
    if fact.end:
        yield f"{iri} {A.end} {_date_literal(fact.end)} .\n"
        yield f"{iri} {A.endPhrase} {_literal(fact.end_phrase or fact.end)} .\n"
    yield from _evidence(iri, key, fact.evidence)


def strategy_triples(fact: StrategyFact) -> Iterator[str]:
    places = sorted(_iri(p) for p in fact.places)
    actor = _iri(fact.actor) if fact.actor else ""
    key = f"{_ID}fact/" + _digest("strategy", fact.strategy, actor, *places)
    iri, concept = f"<{key}>", f"<{STRATEGY[fact.strategy]}>"
    yield f"{iri} {_TYPE} {A.StrategyFact} .\n"
    yield f"{iri} {A.strategy} {concept} .\n"
    if fact.actor:
        yield f"{iri} {A.actor} <{actor}> .\n"
    for place in fact.places:
        yield f"{iri} {A.place} <{_iri(place)}> .\n"
    yield f"{_node('article', fact.evidence.article)} {A.discusses} {concept} .\n"
    yield from _evidence(iri, key, fact.evidence)


def affiliation_triples(fact: Affiliation) -> Iterator[str]:
    person, organisation = _iri(fact.person), _iri(fact.organisation)
    key = f"{_ID}fact/" + _digest("affiliation", person, organisation, fact.role or "")
    iri = f"<{key}>"
    yield f"{iri} {_TYPE} {A.Affiliation} .\n"
    yield f"{iri} {A.person} <{person}> .\n"
    yield f"{iri} {A.organisation} <{organisation}> .\n"
    if fact.role:
        yield f"{iri} {A.role} {_literal(fact.role)} .\n"
    yield f"<{person}> {_AFFILIATION} <{organisation}> .\n"
    yield from _evidence(iri, key, fact.evidence)


def to_ntriples(extraction: Extraction, described: set[Entity] | None = None) -> Iterator[str]:
    """All triples of one article, as N-Triples lines: the article, what it mentions, and its facts.

    Triples shared by several articles (an entity's description) come out for each of them, and a
    graph or store keeps them once; given a set, entities in it are not described again, and the
    entities described are added to it (a batch of articles shares one).
    """
    article = extraction.article
    iri = _node("article", article.key)
    yield from article_triples(article)
    if article.author:
        yield f"{iri} {_AUTHOR} {_node('person', slug(article.author))} .\n"
    for entity in extraction.entities:
        if described is not None:
            if entity in described:
                continue
            described.add(entity)
        yield from entity_triples(entity)
    for mention in extraction.mentions:
        yield f"{iri} {_MENTIONS} <{_iri(mention.entity)}> .\n"
    for fact in extraction.production:
        yield from production_triples(fact)
    for strategy in extraction.strategies:
        yield from strategy_triples(strategy)
    for affiliation in extraction.affiliations:
        yield from affiliation_triples(affiliation)


def to_rdf(extraction: Extraction, described: set[Entity] | None = None) -> Iterator[ox.Quad]:
    """The triples of :func:`to_ntriples` as pyoxigraph quads in the default graph."""
    return _parse("".join(to_ntriples(extraction, described)))


def _parse(ntriples: str) -> Iterator[ox.Quad]:
    return iter(ox.parse(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))


@cache
def static_ntriples() -> str:
    """Triples every graph carries, as N-Triples: the strategy scheme and the production statuses."""
    scheme = Graph().parse(strategies_file())
    quads = [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))  # type: ignore[arg-type]
             for s, p, o in scheme]
    lines = [ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")]  # type: ignore[union-attr]
    for status, iri in _STATUS.items():
        lines.append(f"{iri} {_TYPE} {A.ProductionStatus} .\n")
        lines.append(f"{iri} {_NOTATION} {_literal(status.value)} .\n")
        lines.append(f"{iri} {_PREF} {_literal(status.value, '@en')} .\n")
    return "".join(lines)


def static_triples() -> Iterator[ox.Quad]:
    """Triples every graph carries, as pyoxigraph quads."""
    return _parse(static_ntriples())
