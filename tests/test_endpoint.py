"""autokg against a real SPARQL server: the Oxigraph server that `autokg serve` runs, started here
on 127.0.0.1. (Virtuoso: tests/test_virtuoso.py.)"""

from __future__ import annotations

import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from autokg.cli import main
from autokg.endpoint import Endpoint, EndpointError, _request, push, remote_query
from autokg.queries import find_query, run_query
from autokg.store import load_graph

from .conftest import SAMPLE_FILES

CONTRACT = ["articles", "production-sites", "strategies", "mentions", "plants-by-country", "people"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(*data: Path, writable: bool = False, location: Path | None = None):
    """`autokg serve` in a child process; yields its base URL; stops it with Ctrl-C."""
    port = free_port()
    command = [sys.executable, "-m", "autokg", "serve", "--port", str(port)]
    if location is not None:
        command += ["--location", str(location)]
    for path in data:
        command += ["--data", str(path)]
    if writable:
        command.append("--writable")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    seen = []
    for line in process.stdout:  # the announcement comes once the server answers
        seen.append(line)
        if line.startswith("SPARQL endpoint:"):
            break
    else:
        process.wait(timeout=20)
        raise AssertionError(f"autokg serve did not start: {''.join(seen)}")
    try:
        yield url
    finally:
        os.killpg(process.pid, signal.SIGINT)
        output, _ = process.communicate(timeout=20)
        assert process.returncode == 0, output
        assert f"SPARQL endpoint: {url}/query" in "".join(seen)


@pytest.fixture(scope="module")
def sample_graph(sample_build) -> Path:
    return sample_build[1]


def rows(table):
    return sorted(table.values())


def test_stored_queries_give_the_same_rows_remotely(sample_graph):
    local = load_graph([sample_graph])
    with served(sample_graph) as url:
        endpoint = Endpoint.parse(url)
        for name in CONTRACT:
            query = find_query(name)
            assert rows(remote_query(endpoint, query)) == rows(run_query(local, query)), name
        us = remote_query(endpoint, find_query("plants-by-country"), {"country": "US"})
        assert rows(us) == rows(run_query(local, find_query("plants-by-country"), {"country": "US"}))


def test_a_built_store_is_served_as_it_is(sample_graph, tmp_path, capsys):
    """`autokg build --store DIR` makes a store the Oxigraph server opens with --location DIR."""
    store = tmp_path / "store"
    assert main(["build", *map(str, SAMPLE_FILES), "--store", str(store)]) == 0
    capsys.readouterr()
    local = load_graph([sample_graph])
    with served(location=store) as url:
        for name in CONTRACT:
            query = find_query(name)
            assert rows(remote_query(Endpoint.parse(url), query)) == rows(run_query(local, query)), name


def test_push_replace_and_query_on_a_writable_server(sample_graph, tmp_path, capsys):
    local = load_graph([sample_graph])
    with served(writable=True) as url:
        endpoint = Endpoint.parse(url)
        assert main(["push", "--data", str(sample_graph), "--endpoint", url]) == 0
        assert "triples added to graph" in capsys.readouterr().out
        query = find_query("production-sites")
        assert rows(remote_query(endpoint, query)) == rows(run_query(local, query))
        push(endpoint, local, replace=True)
        push(endpoint, local, replace=True)
        count = urllib.request.urlopen(url + "/query?query=" + urllib.parse.quote(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"), timeout=5).read().decode()
        assert str(len(local)) in count
        assert rows(remote_query(endpoint, query)) == rows(run_query(local, query))


def test_build_straight_into_a_server(tmp_path, capsys):
    with served(writable=True) as url:
        out = tmp_path / "g.ttl"
        code = main(["build", *map(str, SAMPLE_FILES), "--out", str(out), "--endpoint", url])
        assert code == 0 and "pushed:" in capsys.readouterr().out
        assert main(["build", *map(str, SAMPLE_FILES), "--out", str(out), "--endpoint", url]) == 0
        remote = remote_query(Endpoint.parse(url), find_query("articles"))
        assert len(remote.rows) == len(run_query(load_graph([out]), find_query("articles")).rows)


def test_read_only_unless_writable(sample_graph):
    update = b"INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    with served(sample_graph) as url:
        request = urllib.request.Request(url + "/update", data=update, method="POST",
                                         headers={"Content-Type": "application/sparql-update"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 403
        with pytest.raises(EndpointError, match="HTTP 403, refused"):
            push(Endpoint.parse(url), load_graph([sample_graph]))
    with served(writable=True) as url:
        request = urllib.request.Request(url + "/update", data=update, method="POST",
                                         headers={"Content-Type": "application/sparql-update"})
        assert urllib.request.urlopen(request, timeout=5).status in (200, 204)


def test_hostile_parameter_is_a_literal_and_changes_nothing(sample_graph, capsys):
    with served(sample_graph, writable=True) as url:
        endpoint = Endpoint.parse(url)
        before = rows(remote_query(endpoint, find_query("articles")))
        code = main(["query", "plants-by-country", "--endpoint", url, "--param",
                     'country=" } ; DROP ALL ; { "', "--format", "csv"])
        assert code == 0
        assert capsys.readouterr().out.strip().splitlines()[1:] == []
        assert rows(remote_query(endpoint, find_query("articles"))) == before


def test_server_down_is_a_clear_error(capsys):
    port = free_port()
    code = main(["query", "articles", "--endpoint", f"http://127.0.0.1:{port}", "--timeout", "2"])
    err = capsys.readouterr().err
    assert code == 2 and "cannot connect" in err and "Traceback" not in err


def test_silent_server_times_out(capsys):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        started = time.monotonic()
        code = main(["push", "--data", str(SAMPLE_FILES[0].parents[2] / "tests" / "golden" / "seed.ttl"),
                     "--endpoint", f"http://127.0.0.1:{port}", "--timeout", "1"])
        elapsed = time.monotonic() - started
    err = capsys.readouterr().err
    assert code == 2 and "no answer within 1 s" in err
    assert elapsed < 10


class _Busy(http.server.BaseHTTPRequestHandler):
    """A server that is busy twice (503, then 429 with Retry-After), then accepts."""

    calls: list[str] = []

    def do_PUT(self):  # noqa: N802 - the http.server naming
        self.rfile.read(int(self.headers["Content-Length"]))
        self.calls.append(self.headers["User-Agent"])
        if len(self.calls) == 1:
            self.send_response(503)
        elif len(self.calls) == 2:
            self.send_response(429)
            self.send_header("Retry-After", "0")
        else:
            self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_push_retries_when_the_server_is_busy(sample_graph):
    server = http.server.HTTPServer(("127.0.0.1", 0), _Busy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        endpoint = Endpoint.parse(f"http://127.0.0.1:{server.server_port}", timeout=5)
        waits: list[float] = []
        _request(endpoint, "PUT", endpoint.store_url + "?default", data=b"", sleep=waits.append)
        assert len(_Busy.calls) == 3 and all(agent.startswith("autokg/") for agent in _Busy.calls)
        assert waits == [0.5, 0.0]
    finally:
        server.shutdown()
