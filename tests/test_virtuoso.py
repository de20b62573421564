"""autokg against a real Virtuoso 7 server (Debian's virtuoso-opensource, installed by
tests/setup-tools.sh), started here on 127.0.0.1 with its own database."""

from __future__ import annotations

import time

import pytest

from autokg.cli import main
from autokg.endpoint import Credentials, Endpoint, EndpointError, push, remote_query
from autokg.queries import find_query, run_query
from autokg.store import load_graph

from .servers import virtuoso_server

CONTRACT = ["articles", "production-sites", "strategies", "mentions", "plants-by-country", "people",
            "manufacturer-footprint", "models-by-manufacturer", "strategies-by-region",
            "production-in-others-plants"]
GRAPH = "https://w3id.org/autokg/graph/test"


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server


def _endpoint(server, password=None) -> Endpoint:
    creds = Credentials(server.user, password or server.password, "digest")
    return Endpoint.parse(server.crud_url, credentials=creds, timeout=30)


def rows(table):
    return sorted(table.values())


def test_push_then_every_stored_query_gives_the_local_rows(virtuoso, sample_build):
    local = load_graph([sample_build[1]])
    endpoint = _endpoint(virtuoso)
    push(endpoint, local, graph=GRAPH, replace=True)
    for name in CONTRACT:
        query = find_query(name)
        assert rows(remote_query(endpoint, query)) == rows(run_query(local, query)), name
    us = {"country": "US"}
    plants = find_query("plants-by-country")
    assert rows(remote_query(endpoint, plants, us)) == rows(run_query(local, plants, us))


def test_repush_with_replace_leaves_no_duplicates(virtuoso, sample_build, monkeypatch, capsys):
    local = load_graph([sample_build[1]])
    monkeypatch.setenv("AUTOKG_USER", virtuoso.user)
    monkeypatch.setenv("AUTOKG_PASSWORD", virtuoso.password)
    for _ in range(2):
        code = main(["push", "--data", str(sample_build[1]), "--endpoint", virtuoso.crud_url,
                     "--graph", GRAPH, "--replace"])
        assert code == 0, capsys.readouterr().err
    count = remote_query(_endpoint(virtuoso), _count_query(), {})
    assert int(count.values()[0][0]) == len(local)


def _count_query():
    from autokg.queries import StoredQuery
    from pathlib import Path

    text = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}"
    return StoredQuery("count", Path("count.rq"), "count the test graph", "", (), (), text)


def test_wrong_password_is_a_clear_error(virtuoso, sample_build, monkeypatch, capsys):
    monkeypatch.setenv("AUTOKG_USER", virtuoso.user)
    monkeypatch.setenv("AUTOKG_PASSWORD", "not-the-password")
    code = main(["push", "--data", str(sample_build[1]), "--endpoint", virtuoso.crud_url, "--graph", GRAPH])
    err = capsys.readouterr().err
    assert code == 2 and "HTTP 401, authentication failed" in err and "Traceback" not in err
    with pytest.raises(EndpointError, match="401"):
        push(_endpoint(virtuoso, password="wrong"), load_graph([sample_build[1]]), graph=GRAPH)


def test_hostile_parameter_changes_nothing(virtuoso, sample_build):
    endpoint = _endpoint(virtuoso)
    push(endpoint, load_graph([sample_build[1]]), graph=GRAPH, replace=True)
    before = rows(remote_query(endpoint, find_query("articles")))
    hostile = {"country": '" } ; DROP ALL ; { "'}
    assert remote_query(endpoint, find_query("plants-by-country"), hostile).rows == ()
    assert rows(remote_query(endpoint, find_query("articles"))) == before


def test_query_command_on_virtuoso_prints_csv(virtuoso, sample_build, monkeypatch, capsys):
    push(_endpoint(virtuoso), load_graph([sample_build[1]]), graph=GRAPH, replace=True)
    monkeypatch.setenv("AUTOKG_USER", virtuoso.user)
    monkeypatch.setenv("AUTOKG_PASSWORD", virtuoso.password)
    started = time.monotonic()
    code = main(["query", "production-sites", "--endpoint", virtuoso.crud_url, "--format", "csv"])
    out = capsys.readouterr().out
    assert code == 0 and out.startswith("article,title,manufacturer,model,plant,locality,region,country,")
    assert time.monotonic() - started < 30
