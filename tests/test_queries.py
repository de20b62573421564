"""Stored queries: strict decorators, safe parameters, output formats, the public contract."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from autokg.errors import QueryError
from autokg.queries import ResultFormat, find_query, format_results, parse_query, run_query, stored_queries
from autokg.store import load_graph

CONTRACT = {
    "articles": ["article", "title", "summary", "author", "published", "source"],
    "production-sites": ["article", "title", "manufacturer", "model", "plant", "locality", "region", "country",
                         "status", "start", "end"],
    "strategies": ["article", "title", "manufacturer", "strategy", "label", "region", "country"],
    "mentions": ["article", "title", "entity", "label", "type", "wikidata", "geonames"],
}
QUERIES = stored_queries()


@pytest.fixture(scope="module")
def sample_store(sample_build):
    return load_graph([sample_build[1]])


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_every_stored_query_documents_itself_and_runs(query, sample_store):
    assert query.summary and len(query.summary) > 20
    table = run_query(sample_store, query)
    if query.name in CONTRACT:
        assert list(table.columns) == CONTRACT[query.name]
    if query.is_check:
        assert table.rows == (), f"check {query.name} failed on the sample graph: {table.values()}"


def test_contract_queries_exist():
    assert set(CONTRACT) <= {q.name for q in QUERIES}
    assert any(q.is_check for q in QUERIES)


def test_parameter_is_bound_as_a_literal_not_as_syntax(sample_store):
    query = find_query("plants-by-country")
    hostile = '" } ; DROP ALL ; { "'
    assert run_query(sample_store, query, {"country": hostile}).rows == ()
    before = len(sample_store)
    run_query(sample_store, query, {"country": "US"})
    assert len(sample_store) == before


def test_parameter_filters(sample_store):
    query = find_query("plants-by-country")
    every = run_query(sample_store, query).values()
    us = run_query(sample_store, query, {"country": "US"}).values()
    assert us and all(row[0] == "US" for row in us)
    assert len(every) > len(us)


def test_unknown_parameter_is_refused(sample_store):
    with pytest.raises(QueryError, match="unknown parameter"):
        run_query(sample_store, find_query("articles"), {"nation": "US"})


def test_unknown_query_names_the_available_ones():
    with pytest.raises(QueryError, match="production-sites"):
        find_query("no-such-query")


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        ("SELECT * WHERE { ?s ?p ?o }\n", "no '#+ summary:'"),
        ("#+ summary:\nSELECT * WHERE { ?s ?p ?o }\n", "empty or missing"),
        ("#+ summary: x\n#+ colour: red\nSELECT * WHERE { ?s ?p ?o }\n", "not a known decorator"),
        ("#+ summary: x\nSELECT * WHERE { ?s ?p ?_who }\n", "undocumented parameter(s): who"),
        ("#+ summary: x\n#+ params:\n#+   - who: a name\nSELECT * WHERE { ?s ?p ?o }\n", "documented but unused"),
        ("#+ summary: x\n#+ defaults:\n#+   - who: me\nSELECT * WHERE { ?s ?p ?o }\n", "defaults for unknown"),
    ],
)
def test_malformed_header_is_an_error_naming_the_file(tmp_path: Path, header, problem):
    path = tmp_path / "bad.rq"
    path.write_text(header, encoding="utf-8")
    with pytest.raises(QueryError) as error:
        parse_query(path)
    assert str(error.value).startswith("bad.rq:")
    assert problem in str(error.value)


def test_sparql_syntax_error_names_the_query(tmp_path: Path, sample_store):
    path = tmp_path / "broken.rq"
    path.write_text("#+ summary: a broken query for the test\nSELECT * WHERE { ?s ?p }\n", encoding="utf-8")
    with pytest.raises(QueryError, match="broken.rq: SPARQL syntax error"):
        run_query(sample_store, parse_query(path))


def test_output_formats_agree(sample_store):
    table = run_query(sample_store, find_query("production-sites"))
    rows = list(csv.reader(io.StringIO(format_results(table, ResultFormat.CSV))))
    assert rows[0] == CONTRACT["production-sites"] and rows[1:] == table.values()
    tsv = format_results(table, ResultFormat.TSV).splitlines()
    assert tsv[0].split("\t") == CONTRACT["production-sites"] and len(tsv) == len(rows)
    document = json.loads(format_results(table, ResultFormat.JSON))
    assert document["head"]["vars"] == CONTRACT["production-sites"]
    assert len(document["results"]["bindings"]) == len(table.rows)
    first = document["results"]["bindings"][0]
    assert first["article"]["type"] == "uri" and first["status"]["type"] == "literal"
    text = format_results(table, ResultFormat.TABLE)
    assert f"{len(table.rows)} row(s)" in text and "manufacturer" in text


def test_reported_producers_are_exactly_the_producers_of_the_facts(sample_store):
    """``akg:reportedProducer`` is derived from the production facts: one triple for each site
    and manufacturer that a fact names, and no other."""
    prefix = "PREFIX akg: <https://w3id.org/autokg/ontology#>\n"
    facts = {(r["site"].value, r["maker"].value) for r in sample_store.store.query(
        prefix + "SELECT DISTINCT ?site ?maker { ?f a akg:ProductionFact ; akg:site ?site ; akg:manufacturer ?maker }")}
    shortcuts = {(r["site"].value, r["maker"].value) for r in sample_store.store.query(
        prefix + "SELECT ?site ?maker { ?site akg:reportedProducer ?maker }")}
    assert facts and shortcuts == facts


def test_plants_by_country_lists_the_producers_the_facts_give(sample_store):
    """The stored query reads producers through the shortcut; reading them from the facts gives
    the same rows, for every country and for one."""
    query = find_query("plants-by-country")
    for params in ({}, {"country": "US"}, {"country": "DE"}):
        through_facts = query.text.replace(
            "?site akg:reportedProducer/rdfs:label ?producer",
            "?fact akg:site ?site ; akg:manufacturer/rdfs:label ?producer")
        assert through_facts != query.text
        expected = run_query(sample_store, replace(query, text=through_facts), params)
        got = run_query(sample_store, query, params)
        assert got.rows == expected.rows and any(row[-1] is not None for row in got.rows)


@pytest.mark.parametrize("query", [q for q in QUERIES if "ORDER BY" in q.text], ids=lambda q: q.name)
def test_rows_come_in_the_order_the_query_asks_for(query, sample_store):
    """The runner sorts the rows itself (Oxigraph's own sort reads every string from disk at each
    comparison); the sort keys come in the order Oxigraph's ORDER BY gives them."""
    from autokg.queries import bind, split_order

    ours = run_query(sample_store, query)
    _, order = split_order(query.text)
    assert order, "the query's ORDER BY is not one the runner sorts by itself"
    theirs = sample_store.store.query(bind(query, {}))
    keys = [ours.columns.index(name) for name in order]
    assert ours.rows or query.is_check
    assert [tuple(row[i] for i in keys) for row in ours.rows] == [tuple(s[name] for name in order) for s in theirs]


def test_sorting_follows_sparql_across_kinds_of_terms(tmp_path):
    """Unbound first, then blank nodes, IRIs and literals; numbers by value, not as text; and an
    ORDER BY on a variable the query does not select is left to the store."""
    import pyoxigraph as ox

    from autokg.store import GraphStore

    xsd = "http://www.w3.org/2001/XMLSchema#"
    values = [ox.Literal("10", datatype=ox.NamedNode(xsd + "integer")), ox.Literal("b"), ox.NamedNode("http://b"),
              ox.Literal("9.5", datatype=ox.NamedNode(xsd + "decimal")), ox.BlankNode("z"), ox.Literal("a"),
              ox.NamedNode("http://a"), ox.Literal("9", datatype=ox.NamedNode(xsd + "integer"))]
    store = GraphStore()
    for i, value in enumerate(values):
        store.store.add(ox.Quad(ox.NamedNode(f"http://s/{i}"), ox.NamedNode("http://p"), value))
    store.store.add(ox.Quad(ox.NamedNode("http://s/none"), ox.NamedNode("http://q"), ox.Literal("x")))
    path = tmp_path / "sorted.rq"
    path.write_text("#+ summary: every subject's value of p, in order\n"
                    "SELECT ?s ?v WHERE { ?s ?any ?o OPTIONAL { ?s <http://p> ?v } }\nORDER BY ?v\n")
    rows = run_query(store, parse_query(path)).rows
    assert [row[1] for row in rows] == [None, ox.BlankNode("z"), ox.NamedNode("http://a"), ox.NamedNode("http://b"),
                                        values[7], values[3], values[0], ox.Literal("a"), ox.Literal("b")]
    path.write_text("#+ summary: the subjects, in the order of a value not selected\n"
                    "SELECT ?s WHERE { ?s <http://p> ?v FILTER(isLiteral(?v)) }\nORDER BY ?v\n")
    assert [row[0].value for row in run_query(store, parse_query(path)).rows] == [
        "http://s/7", "http://s/3", "http://s/0", "http://s/5", "http://s/1"]
