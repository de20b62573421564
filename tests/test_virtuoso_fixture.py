"""The Virtuoso fixture itself, with nothing but urllib: a graph PUT with digest auth to the graph
store comes back term for term through /sparql, and the server is gone afterwards. When a test in
test_virtuoso.py fails, this one tells whether the server or autokg's client is to blame."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.parse
import urllib.request

import pytest

from .servers import Virtuoso, virtuoso_server

pytestmark = pytest.mark.tools

GRAPH = "https://example.org/autokg/fixture-check"
TURTLE = """\
@prefix ex: <https://example.org/ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:plant ex:label "Zwickau Werk"@de ;
    ex:opened "1904-01-01"^^xsd:date ;
    ex:makes ex:model .
ex:model ex:name "ID.3 \u00e9lectrique" .
"""
EX = "https://example.org/ns#"
EXPECTED = {  # subject, predicate, (object kind, value, language, datatype)
    (EX + "plant", EX + "label", ("literal", "Zwickau Werk", "de", None)),
    (EX + "plant", EX + "opened", ("literal", "1904-01-01", None, "http://www.w3.org/2001/XMLSchema#date")),
    (EX + "plant", EX + "makes", ("uri", EX + "model", None, None)),
    (EX + "model", EX + "name", ("literal", "ID.3 \u00e9lectrique", None, None)),
}


def _opener(server: Virtuoso, password: str | None = None) -> urllib.request.OpenerDirector:
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, server.crud_url, server.user, password or server.password)
    return urllib.request.build_opener(urllib.request.ProxyHandler({}),
                                       urllib.request.HTTPDigestAuthHandler(passwords))


def _put(server: Virtuoso, password: str | None = None) -> int:
    url = server.crud_url + "?" + urllib.parse.urlencode({"graph-uri": GRAPH})
    request = urllib.request.Request(url, data=TURTLE.encode("utf-8"), method="PUT",
                                     headers={"Content-Type": "text/turtle; charset=utf-8"})
    with _opener(server, password).open(request, timeout=30) as response:
        return response.status


def _select(server: Virtuoso) -> set[tuple[str, str, tuple[str, str, str | None, str | None]]]:
    query = f"SELECT ?s ?p ?o FROM <{GRAPH}> WHERE {{ ?s ?p ?o }}"
    url = server.sparql_url + "?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=30) as response:
        assert response.status == 200
        results = json.load(response)
    found = set()
    for row in results["results"]["bindings"]:
        o = row["o"]
        kind = "literal" if o["type"] in ("literal", "typed-literal") else o["type"]  # Virtuoso says typed-literal
        found.add((row["s"]["value"], row["p"]["value"],
                   (kind, o["value"], o.get("xml:lang"), o.get("datatype"))))
    return found


def test_put_with_digest_auth_then_query_back(tmp_path):
    with virtuoso_server(tmp_path / "db") as server:
        assert server.sparql_url.startswith("http://127.0.0.1:")
        assert server.crud_url.startswith("http://127.0.0.1:")
        assert _put(server) in (200, 201, 204)
        assert _select(server) == EXPECTED
        with pytest.raises(urllib.error.HTTPError) as refused:
            _put(server, password="not-the-password")
        assert refused.value.code == 401
        ports = (server.isql_port, int(urllib.parse.urlsplit(server.sparql_url).port or 0))
    for port in ports:  # stopped: nothing listens any more
        with socket.socket() as sock:
            assert sock.connect_ex(("127.0.0.1", port)) != 0, f"port {port} still answers"
