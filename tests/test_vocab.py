"""The AKG namespace and ontology/autokg.ttl declare the same terms."""

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from autokg.resources import ontology_file
from autokg.vocab import AKG


def test_namespace_matches_ontology():
    graph = Graph().parse(ontology_file())
    namespace = str(AKG._NS)
    declared = {
        str(s)[len(namespace):]
        for s in graph.subjects()
        if isinstance(s, URIRef) and str(s).startswith(namespace)
    }
    assert declared == set(AKG.__annotations__)


def test_every_term_is_typed_and_labelled():
    graph = Graph().parse(ontology_file())
    for name in AKG.__annotations__:
        term = AKG[name]
        assert (term, RDF.type, None) in graph, name
        if (term, RDF.type, OWL.Class) in graph or (term, RDF.type, OWL.ObjectProperty) in graph:
            assert graph.value(term, RDFS.label), name


def test_unknown_term_is_an_error():
    import pytest

    with pytest.raises(AttributeError):
        AKG.Manufactrer  # noqa: B018 - a typo must fail, not mint a new IRI
