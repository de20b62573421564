"""One test per bug, named after what broke."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import XSD

from autokg.export import export
from autokg.store import GraphStore, load_graph
from autokg.validate import validate
from autokg.vocab import AKG, ID


def test_evidence_offsets_keep_their_datatype_through_the_store(tmp_path):
    """Oxigraph stored xsd:nonNegativeInteger as xsd:integer, so a written graph stopped
    conforming to shapes that asked for the former; offsets are xsd:integer now."""
    graph = Graph()
    node = ID["evidence/x"]
    graph.add((node, AKG.beginIndex, Literal(5, datatype=XSD.integer)))
    store = GraphStore()
    store.add(graph)
    out = tmp_path / "g.ttl"
    export(store, out)
    (value,) = Graph().parse(out).objects(node, AKG.beginIndex)
    assert value.datatype == XSD.integer


def test_sample_graph_still_conforms_after_a_round_trip(sample_build, tmp_path):
    reloaded = load_graph([sample_build[1]]).to_graph()
    assert validate(reloaded).conforms
