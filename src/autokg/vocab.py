"""Namespaces: ours as typo-proof :class:`rdflib.namespace.DefinedNamespace`, the rest from rdflib.

``tests/test_vocab.py`` checks that :class:`AKG` and ``ontology/autokg.ttl`` declare the same terms.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/autokg/"

#: Entities the pipeline writes: articles, organisations, places, facts.
ID = Namespace(BASE + "id/")
#: The strategy concepts of ``ontology/strategies.ttl``.
STRATEGY = Namespace(BASE + "strategy/")
STRATEGY_SCHEME = URIRef(BASE + "strategies")
SCHEMA = Namespace("https://schema.org/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
GEONAMES = "https://sws.geonames.org/"


class AKG(DefinedNamespace):
    """The autokg ontology (``ontology/autokg.ttl``)."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # classes
    Organisation: URIRef
    Manufacturer: URIRef
    ManufacturerGroup: URIRef
    Supplier: URIRef
    Brand: URIRef
    VehicleModel: URIRef
    Person: URIRef
    Place: URIRef
    Plant: URIRef
    Locality: URIRef
    Subdivision: URIRef
    Country: URIRef
    Region: URIRef
    Article: URIRef
    Fact: URIRef
    ProductionFact: URIRef
    StrategyFact: URIRef
    Affiliation: URIRef
    Evidence: URIRef
    ProductionStatus: URIRef
    # status values
    Planned: URIRef
    Active: URIRef
    Ended: URIRef
    Cancelled: URIRef
    # properties
    parentOrganisation: URIRef
    brandOf: URIRef
    brand: URIRef
    manufacturer: URIRef
    headquarters: URIRef
    operator: URIRef
    locality: URIRef
    subdivision: URIRef
    country: URIRef
    memberCountry: URIRef
    countryCode: URIRef
    subdivisionCode: URIRef
    linked: URIRef
    site: URIRef
    reportedProducer: URIRef
    model: URIRef
    status: URIRef
    start: URIRef
    end: URIRef
    startPhrase: URIRef
    endPhrase: URIRef
    strategy: URIRef
    actor: URIRef
    place: URIRef
    person: URIRef
    organisation: URIRef
    role: URIRef
    discusses: URIRef
    evidence: URIRef
    article: URIRef
    quote: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    source: URIRef


def geonames_iri(geonameid: int) -> URIRef:
    """The GeoNames semantic-web IRI of a feature.

    >>> geonames_iri(4592922)
    rdflib.term.URIRef('https://sws.geonames.org/4592922/')
    """
    return URIRef(f"{GEONAMES}{geonameid}/")


PREFIXES: dict[str, str] = {
    "akg": str(AKG._NS),
    "akgs": str(STRATEGY),
    **{segment: f"{ID}{segment}/" for segment in (
        "article", "org", "brand", "model", "plant", "locality", "subdivision", "country", "region",
        "person", "fact", "evidence")},
    "schema": str(SCHEMA),
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "geo": str(GEO),
    "wd": str(WIKIDATA),
}
