"""The SPARQL validation engine reports what pySHACL, the reference, reports.

Both engines validate every shape case (tests/cases) and the golden graphs, and graphs that seeded
random mutations have broken in the ways a bug in the mapping could break them: a triple dropped,
a second value, a wrong datatype or an ill-formed literal, an object of the wrong class, a node
typed twice, an IRI where a literal belongs, a link to the wrong place, evidence offsets swapped.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, XSD

from autokg.errors import ShapesError
from autokg.validate import DEFAULT_MESSAGES, ValidationReport, compile_shapes, validate
from autokg.validate import short as validate_short
from autokg.vocab import AKG

from .conftest import CASES, GOLDEN

CASE_FILES = sorted(CASES.rglob("*.ttl"))
CLASSES = [AKG.Manufacturer, AKG.Brand, AKG.Supplier, AKG.Country, AKG.Plant, AKG.Article, AKG.Person]


def results(report: ValidationReport) -> Counter[tuple[str, str | None, str | None, str | None]]:
    return Counter((v.focus, v.path, v.value, v.constraint) for v in report.violations)


def incomparable(graph: Graph, focus: str) -> bool:
    """Whether the evidence's offsets include a value that is not an integer."""
    node = URIRef(focus.replace("evidence:", "https://w3id.org/autokg/id/evidence/"))
    values = [*graph.objects(node, AKG.beginIndex), *graph.objects(node, AKG.endIndex)]
    return any(not isinstance(v, Literal) or v.datatype != XSD.integer or v.ill_typed for v in values)


RANGES = {"minInclusive", "maxInclusive", "minExclusive", "maxExclusive"}


NUMBERS = {XSD.decimal, XSD.integer, XSD.double, XSD.float, XSD.int, XSD.long, XSD.short, XSD.byte,
           XSD.nonNegativeInteger, XSD.positiveInteger, XSD.nonPositiveInteger, XSD.negativeInteger,
           XSD.unsignedLong, XSD.unsignedInt, XSD.unsignedShort, XSD.unsignedByte}


def ill_formed(graph: Graph, value: str | None) -> bool:
    """Whether the graph has a literal of this text that cannot be compared with a number: not a
    well-formed value of its type, or not a number at all ("33.09572"^^xsd:gYear, which rdflib
    does not check)."""
    return any(isinstance(o, Literal) and str(o) == value and (o.ill_typed or o.datatype not in NUMBERS)
               for o in graph.objects())


#: well-formed lexical forms of the date types rdflib does not check (it takes "2026 (2)"^^xsd:gYear)
UNCHECKED_DATES = {XSD.gYear: r"-?\d{4,}(?:Z|[+-]\d\d:\d\d)?", XSD.gYearMonth: r"-?\d{4,}-\d\d(?:Z|[+-]\d\d:\d\d)?"}


def unchecked_ill_formed(graph: Graph, value: str | None) -> bool:
    """Whether the graph has a literal of this text that is an ill-formed xsd:gYear or
    xsd:gYearMonth: SHACL says it has no such datatype, but pySHACL, through rdflib, lets it pass."""
    return any(isinstance(o, Literal) and str(o) == value and o.datatype in UNCHECKED_DATES
               and not re.fullmatch(UNCHECKED_DATES[o.datatype], str(o)) for o in graph.objects())


def assert_same(graph: Graph) -> ValidationReport:
    reference = validate(graph, engine="pyshacl")
    ours = validate(graph, engine="sparql")
    extra = results(ours) - results(reference)
    # SHACL says values that cannot be compared violate sh:lessThan and the range constraints
    # (an ill-formed "40.5 (2)"^^xsd:decimal, a "33.1"^^xsd:gYear latitude), and an ill-formed
    # "2026 (2)"^^xsd:gYear sh:datatype xsd:gYear; pySHACL lets them pass
    for focus, _, value, constraint in extra:
        if (constraint == "lessThan" and incomparable(graph, focus)) or (
                constraint in RANGES and ill_formed(graph, value)) or (
                constraint in ("datatype", "or") and unchecked_ill_formed(graph, value)):
            ours = ValidationReport(ours.conforms, tuple(
                v for v in ours.violations if not ((v.focus, v.constraint) == (focus, constraint) and (
                    constraint == "lessThan" or v.value == value))), ours.triples)
    assert ours.conforms == reference.conforms or not ours.violations
    assert results(ours) == results(reference), (
        "pySHACL:\n" + "\n".join(reference.lines()) + "\nSPARQL:\n" + "\n".join(ours.lines()))
    # where a shape has its own sh:message, both report it
    def own(report: ValidationReport) -> set[tuple[str, str | None, str | None, str | None, str]]:
        return {(v.focus, v.path, v.value, v.constraint, v.message) for v in report.violations}
    defaults = set(DEFAULT_MESSAGES.values())
    assert {m for m in own(ours) if m[-1] not in defaults and not m[-1].endswith("violated")} <= own(reference)
    return ours


@pytest.mark.parametrize("case", CASE_FILES, ids=[f"{p.parent.name}/{p.stem}" for p in CASE_FILES])
def test_engines_agree_on_shape_cases(case: Path):
    report = assert_same(Graph().parse(case))
    assert report.conforms == (case.parent.name == "valid")


def mutate(graph: Graph, rng: random.Random, count: int) -> Graph:
    out = Graph()
    for triple in graph:
        out.add(triple)
    triples = sorted(out)
    subjects = sorted({s for s, _, _ in triples if isinstance(s, URIRef)})
    for _ in range(count):
        s, p, o = rng.choice(triples)
        kind = rng.randrange(9)
        if kind == 0:
            out.remove((s, p, o))
        elif kind == 1 and isinstance(o, Literal):  # a second value (rdflib rewrites ill-formed booleans)
            second = str(not o.toPython()).lower() if o.datatype == XSD.boolean else str(o) + " (2)"
            out.add((s, p, Literal(second, datatype=o.datatype, lang=o.language)))
        elif kind == 2 and isinstance(o, Literal):
            out.remove((s, p, o))
            out.add((s, p, Literal(str(o), datatype=rng.choice([XSD.string, XSD.integer, XSD.gYear, XSD.decimal]))))
        elif kind == 3 and isinstance(o, URIRef) and p != RDF.type:
            out.remove((s, p, o))
            out.add((s, p, rng.choice(subjects)))
        elif kind == 4:
            out.add((rng.choice(subjects), RDF.type, rng.choice(CLASSES)))
        elif kind == 5 and isinstance(o, Literal) and p not in (AKG.beginIndex, AKG.endIndex):
            # (pySHACL stops with an error when sh:lessThan meets a blank node)
            out.remove((s, p, o))
            out.add((s, p, rng.choice([URIRef("https://example.org/x"), BNode()])))
        elif kind == 6:
            target = rng.choice(["http://www.wikidata.org/entity/Q0", "https://sws.geonames.org/123/",
                                 "https://www.wikidata.org/wiki/Q1"])
            out.add((rng.choice(subjects), OWL.sameAs, URIRef(target)))
        elif kind == 7 and p in (AKG.beginIndex, AKG.endIndex):
            out.remove((s, p, o))
            out.add((s, p, Literal(int(o) + rng.choice([-10_000, 10_000]), datatype=XSD.integer)))
        elif kind == 8:
            out.add((s, p, Literal("", datatype=XSD.string) if isinstance(o, Literal) else o))
    return out


@pytest.mark.parametrize("seed", range(6))
def test_engines_agree_on_mutated_graphs(seed: int):
    base = Graph().parse(GOLDEN / ("seed.ttl" if seed % 2 else "sample.ttl"))
    report = assert_same(mutate(base, random.Random(seed), 40))
    assert not report.conforms


def test_engines_agree_on_golden_graphs():
    for name in ("seed.ttl", "sample.ttl"):
        assert assert_same(Graph().parse(GOLDEN / name)).conforms


def test_class_targets_include_subclasses_in_the_data():
    graph = Graph().parse(data="""
        @prefix akg: <https://w3id.org/autokg/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <https://example.org/Startup> rdfs:subClassOf akg:Manufacturer .
        <https://example.org/x> a <https://example.org/Startup> .
    """, format="turtle")
    report = assert_same(graph)
    assert ("https://example.org/x", "rdfs:label") in {(v.focus, v.path) for v in report.violations}


def test_a_component_the_engine_does_not_know_is_refused():
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <https://example.org/S> a sh:NodeShape ; sh:targetClass <https://example.org/C> ;
            sh:property [ sh:path <https://example.org/p> ; sh:uniqueLang true ] .
    """, format="turtle")
    with pytest.raises(ShapesError, match="uniqueLang"):
        compile_shapes(shapes)


def test_ill_formed_literals_are_caught():
    """An ill-formed literal does not have its datatype (SHACL 4.1.2). rdflib does not check the
    lexical form of every datatype, so pySHACL misses some; the SPARQL engine checks them all."""
    graph = Graph().parse(GOLDEN / "seed.ttl")
    facts = sorted(graph.subjects(RDF.type, AKG.ProductionFact))
    graph.set((facts[0], AKG.start, Literal("2025-13", datatype=XSD.gYearMonth)))
    graph.set((facts[1], AKG.start, Literal("2025-02-30x", datatype=XSD.date)))
    evidence = sorted(graph.subjects(RDF.type, AKG.Evidence))[0]
    graph.set((evidence, AKG.beginIndex, Literal("1.5", datatype=XSD.integer)))
    report = validate(graph)
    found = {(v.focus, v.path) for v in report.violations}
    assert {(validate_short(facts[0]), "akg:start"), (validate_short(facts[1]), "akg:start"),
            (validate_short(evidence), "akg:beginIndex")} <= found


def test_a_large_store_on_disk_is_validated_by_several_processes_alike(tmp_path, monkeypatch):
    """Above PARALLEL_ABOVE triples an on-disk store is checked by worker processes; same report."""
    import importlib

    from autokg.store import GraphStore

    graph = mutate(Graph().parse(GOLDEN / "sample.ttl"), random.Random(7), 40)
    path = tmp_path / "graph.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    store = GraphStore(tmp_path / "store")
    store.load(path)
    store.seal()  # read-only from here: other processes may open it
    serial = validate(store)
    module = importlib.import_module("autokg.validate")
    monkeypatch.setattr(module, "PARALLEL_ABOVE", 0)
    forks = []
    real = module.multiprocessing.get_context

    def counted(method):
        forks.append(method)
        return real(method)

    monkeypatch.setattr(module.multiprocessing, "get_context", counted)
    parallel = validate(store)
    assert forks and not serial.conforms and parallel == serial


def test_the_stored_checks_share_the_pool_of_processes_and_report_alike(tmp_path, monkeypatch):
    """The stored checks ran one after another in the main process after the shapes' checks (three
    of the four minutes of ``validate --store`` at a million articles); they now run in the same
    worker processes. A second status of one fact fails a shape; the stored check that finds the
    same in a build, where the shapes see one batch at a time, is left out here (and was the slower
    of the two that took those three minutes)."""
    import importlib

    from autokg.pipeline import validate_files
    from autokg.store import GraphStore

    graph = Graph().parse(GOLDEN / "sample.ttl")
    fact = min(graph.subjects(RDF.type, AKG.ProductionFact))
    other = min(set(graph.objects(None, AKG.status)) - set(graph.objects(fact, AKG.status)))
    graph.add((fact, AKG.status, other))
    path = tmp_path / "graph.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    store = GraphStore(tmp_path / "store")
    store.load(path)
    store.seal()
    serial = validate_files(store)
    module = importlib.import_module("autokg.validate")
    monkeypatch.setattr(module, "PARALLEL_ABOVE", 0)
    forks = []
    real = module.multiprocessing.get_context
    monkeypatch.setattr(module.multiprocessing, "get_context", lambda method: forks.append(method) or real(method))
    parallel = validate_files(store)
    assert forks and parallel == serial
    report, checks = parallel
    assert (validate_short(fact), "akg:status") in {(v.focus, v.path) for v in report.violations}
    assert all(c.passed for c in checks) and len(checks) >= 4
    assert "fact-with-two-values-violation" not in {c.name for c in checks}
    from autokg.pipeline import run_checks

    built = {c.name: c.passed for c in run_checks(store)}  # what a build runs: every check
    assert built["fact-with-two-values-violation"] is False


def test_a_store_this_process_writes_to_is_not_opened_by_other_processes(tmp_path, monkeypatch):
    """Validation workers opened the store read-only while the process that loaded it still held
    it open for writing, which Oxigraph leaves undefined: at 100,000 articles they ran for a
    quarter of an hour instead of a minute. Such a store is now checked in its own process."""
    import importlib

    from autokg.store import GraphStore

    path = tmp_path / "graph.ttl"
    path.write_bytes((GOLDEN / "sample.ttl").read_bytes())
    store = GraphStore(tmp_path / "store")
    store.load(path)
    module = importlib.import_module("autokg.validate")
    monkeypatch.setattr(module, "PARALLEL_ABOVE", 0)

    def no_fork(method):
        raise AssertionError("a store open for writing was handed to other processes")

    monkeypatch.setattr(module.multiprocessing, "get_context", no_fork)
    assert validate(store).conforms


def test_a_value_that_is_no_number_violates_a_numeric_range():
    """SHACL counts a value that cannot be compared with the bound as a violation; the differential
    test met a "33.09572"^^xsd:gYear latitude, where pySHACL reports only the datatype."""
    graph = Graph().parse(data="""
        @prefix akg: <https://w3id.org/autokg/ontology#> .
        @prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <https://example.org/p> a akg:Plant ; geo:lat "33.09572"^^xsd:gYear .
    """, format="turtle")
    found = {(v.path, v.constraint) for v in validate(graph, engine="sparql").violations}
    assert {("geo:lat", "datatype"), ("geo:lat", "maxInclusive")} <= found
    assert_same(graph)


OTHER_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:Thing a sh:NodeShape ; sh:targetClass ex:Thing ;
  sh:property [ sh:path ex:tag ; sh:minCount 2 ; sh:maxCount 3 ] ;
  sh:property [ sh:path ( ex:part ex:tag ) ; sh:maxCount 1 ] ;
  sh:property [ sh:path ex:tag ; sh:equals ex:label ] ;
  sh:property [ sh:path ex:tag ; sh:disjoint ex:other ] ;
  sh:property [ sh:path ex:low ; sh:lessThanOrEquals ex:high ] ;
  sh:property [ sh:path ex:code ; sh:pattern "^[A-Z]+$" ; sh:minLength 2 ] ;
  sh:property [ sh:path ex:note ; sh:not [ sh:minLength 4 ] ] ;
  sh:property [ sh:path ex:size ; sh:or ( [ sh:datatype xsd:integer ] [ sh:datatype xsd:decimal ] ) ] ;
  sh:property [ sh:path ex:kind ; sh:hasValue ex:A ] .
ex:Tagged a sh:NodeShape ; sh:targetSubjectsOf ex:tag ; sh:property [ sh:path ex:tag ; sh:nodeKind sh:Literal ] .
ex:Named a sh:NodeShape ; sh:targetNode ex:n1 ; sh:property [ sh:path ex:code ; sh:minCount 1 ] .
"""

OTHER_DATA = """
@prefix ex: <https://example.org/> .
ex:ok a ex:Thing ; ex:tag "a", "b" ; ex:label "a", "b" ; ex:low 1 ; ex:high 2 ; ex:code "AB" ;
  ex:note "abc" ; ex:size 3 ; ex:kind ex:A ; ex:part [ ex:tag "x" ] .
ex:bad a ex:Thing ; ex:tag "a", ex:iri, _:b ; ex:label "a", "c" ; ex:other "a" ; ex:low 5, "x" ; ex:high 2 ;
  ex:code "ab", _:c, ex:AB ; ex:note "abcd", _:d ; ex:size "3", 2.5 ; ex:kind ex:B ;
  ex:part [ ex:tag "x" ], [ ex:tag "y" ] .
ex:few a ex:Thing ; ex:tag "a", "b", "c", "d" ; ex:kind ex:A .
ex:n1 ex:tag "z" .
"""


@pytest.mark.parametrize("engine", ["sparql", "pyshacl"])
def test_components_our_shapes_do_not_use_are_checked_as_shacl_says(engine):
    """The compiler's other components (counts over a longer path, equals, disjoint, value tests on
    blank nodes, sh:not, sh:or, node targets) report what pySHACL reports on a graph made to fail them."""
    shapes = Graph().parse(data=OTHER_SHAPES, format="turtle")
    data = Graph().parse(data=OTHER_DATA, format="turtle")
    reference = results(validate(data, shapes=shapes, engine="pyshacl"))
    ours = results(validate(data, shapes=shapes, engine=engine))
    assert ours == reference
    found = {(focus, constraint) for focus, _, _, constraint in ours}
    for constraint in ("minCount", "maxCount", "equals", "disjoint", "lessThanOrEquals", "pattern",
                       "minLength", "not", "or", "hasValue", "nodeKind"):
        assert ("https://example.org/bad", constraint) in found or ("https://example.org/few", constraint) in found \
            or ("https://example.org/n1", constraint) in found, constraint
    assert not any(focus == "https://example.org/ok" for focus, _ in found)
