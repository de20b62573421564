"""Remote SPARQL servers: stored queries through SPARQLWrapper, graphs through the SPARQL 1.1
Graph Store HTTP Protocol, and ``autokg serve`` (the Oxigraph server on a store autokg loads).

Tested against real Oxigraph and Virtuoso servers. Their differences are handled here: queries go
by GET (or form POST when long), never as an ``application/sparql-query`` POST, which can hang
Virtuoso; Virtuoso's ``typed-literal`` JSON results are read like literals; its graph store takes
``graph-uri=`` where the standard says ``graph=``; every request has a timeout.
"""

from __future__ import annotations

import base64
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from . import __version__
from .errors import AutokgError, QueryError
from .queries import ResultTable, StoredQuery, bind
from .store import GraphStore, RdfFormat

USER_AGENT = f"autokg/{__version__} (+https://w3id.org/autokg)"
#: The named graph ``push`` writes to unless told otherwise.
DEFAULT_GRAPH = "https://w3id.org/autokg/graph/main"
#: Environment variables for credentials, so that passwords stay off command lines.
USER_VARIABLE, PASSWORD_VARIABLE = "AUTOKG_USER", "AUTOKG_PASSWORD"
RETRY_STATUSES = (429, 503)
#: GET up to this many bytes of URL, then form POST.
MAX_GET = 6000


class EndpointError(AutokgError):
    """A remote server refused, failed, or did not answer in time (exit code 2)."""


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str
    scheme: str = "digest"

    @classmethod
    def from_options(cls, user: str | None, password: str | None, scheme: str) -> Credentials | None:
        """Credentials from options, else from ``AUTOKG_USER`` / ``AUTOKG_PASSWORD``."""
        user = user or os.environ.get(USER_VARIABLE)
        password = password if password is not None else os.environ.get(PASSWORD_VARIABLE)
        if not user:
            return None
        if password is None:
            raise EndpointError(f"a user is given but no password: set {PASSWORD_VARIABLE}")
        return cls(user, password, scheme)


@dataclass(frozen=True)
class Endpoint:
    """A server's SPARQL query URL and graph store URL, with what it takes to talk to it."""

    query_url: str
    store_url: str | None = None
    credentials: Credentials | None = None
    timeout: float = 30.0
    retries: int = 3

    @classmethod
    def parse(cls, url: str, *, credentials: Credentials | None = None, timeout: float = 30.0,
              retries: int = 3) -> Endpoint:
        """Work out the query and graph store URLs from what a user gives.

        >>> Endpoint.parse("http://127.0.0.1:7878").query_url
        'http://127.0.0.1:7878/query'
        >>> Endpoint.parse("http://127.0.0.1:8890/sparql-graph-crud-auth").query_url
        'http://127.0.0.1:8890/sparql-auth'
        """
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise EndpointError(f"not an http(s) URL: {url!r}")
        base = f"{parts.scheme}://{parts.netloc}"
        path = parts.path.rstrip("/")
        if path in ("", "/query", "/store", "/update"):  # an Oxigraph server
            query_url, store_url = f"{base}/query", f"{base}/store"
        elif path.endswith("graph-crud-auth") or path.endswith("graph-crud"):  # Virtuoso's graph store
            store_url = f"{base}{path}"
            query_url = f"{base}/sparql-auth" if path.endswith("auth") else f"{base}/sparql"
        elif path.endswith("/sparql") or path.endswith("/sparql-auth"):
            query_url = f"{base}{path}"
            store_url = f"{base}/sparql-graph-crud-auth" if credentials else f"{base}/sparql-graph-crud"
        else:
            query_url, store_url = f"{base}{path}", None
        return cls(query_url, store_url, credentials, timeout, retries)


def _opener(endpoint: Endpoint, url: str) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = []
    creds = endpoint.credentials
    if creds is not None and creds.scheme == "digest":  # basic auth goes pre-emptively as a header
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, url, creds.user, creds.password)
        handlers.append(urllib.request.HTTPDigestAuthHandler(manager))
    return urllib.request.build_opener(*handlers)


def _request(endpoint: Endpoint, method: str, url: str, *, data: bytes | None = None,
             headers: Mapping[str, str] | None = None, sleep: Callable[[float], None] = time.sleep) -> bytes:
    """One HTTP exchange, retried with back-off on 429 and 503; errors become EndpointError."""
    all_headers = {"User-Agent": USER_AGENT, **(headers or {})}
    creds = endpoint.credentials
    if creds is not None and creds.scheme == "basic":
        token = base64.b64encode(f"{creds.user}:{creds.password}".encode()).decode()
        all_headers["Authorization"] = f"Basic {token}"
    opener = _opener(endpoint, url)
    if creds is not None and creds.scheme == "digest" and data:
        # Answer the digest challenge before sending the body: a server that refuses a large
        # unauthenticated upload closes the connection mid-body (Virtuoso does), which urllib
        # reports as a broken pipe instead of retrying with credentials.
        all_headers.update(_digest_header(endpoint, url, method, all_headers))
    delay = 0.5
    for attempt in range(endpoint.retries + 1):
        request = urllib.request.Request(url, data=data, method=method, headers=all_headers)
        try:
            with opener.open(request, timeout=endpoint.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            if exc.code in RETRY_STATUSES and attempt < endpoint.retries:
                wait = exc.headers.get("Retry-After")
                sleep(min(float(wait), 30.0) if wait and wait.isdigit() else delay)
                delay *= 2
                continue
            detail = exc.read(500).decode("utf-8", "replace").strip().splitlines()
            reason = f": {detail[0]}" if detail else ""
            if exc.code == 401:
                raise EndpointError(f"{url}: HTTP 401, authentication failed (check the user and the "
                                    f"{PASSWORD_VARIABLE} password){reason}") from None
            if exc.code == 403:
                raise EndpointError(f"{url}: HTTP 403, refused{reason}") from None
            raise EndpointError(f"{url}: HTTP {exc.code} {exc.reason}{reason}") from None
        except (TimeoutError, socket.timeout):
            raise EndpointError(f"{url}: no answer within {endpoint.timeout:g} s") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                raise EndpointError(f"{url}: no answer within {endpoint.timeout:g} s") from None
            raise EndpointError(f"{url}: cannot connect ({exc.reason})") from None
        except (ConnectionError, OSError) as exc:
            raise EndpointError(f"{url}: connection failed ({exc})") from None
    raise EndpointError(f"{url}: still busy after {endpoint.retries} retries")


def _digest_header(endpoint: Endpoint, url: str, method: str, headers: Mapping[str, str]) -> dict[str, str]:
    """The Authorization header for a request, from the challenge a body-less GET receives."""
    assert endpoint.credentials is not None
    probe = urllib.request.Request(url, method="GET", headers=dict(headers))
    try:
        with urllib.request.urlopen(probe, timeout=endpoint.timeout):
            return {}  # no challenge: the server does not ask for credentials here
    except urllib.error.HTTPError as exc:
        challenge = exc.headers.get("WWW-Authenticate", "")
        exc.read()
    except (urllib.error.URLError, OSError):
        return {}  # let the real request report the problem
    scheme, _, fields = challenge.partition(" ")
    if scheme.lower() != "digest":
        return {}
    manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    manager.add_password(None, url, endpoint.credentials.user, endpoint.credentials.password)
    handler = urllib.request.HTTPDigestAuthHandler(manager)
    parsed = urllib.request.parse_keqv_list(urllib.request.parse_http_list(fields))
    authorization = handler.get_authorization(urllib.request.Request(url, method=method), parsed)
    return {"Authorization": f"Digest {authorization}"} if authorization else {}


# ---------------------------------------------------------------------------------------------
# Queries


def _term(binding: Mapping[str, str]) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    kind = binding.get("type")
    value = binding.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    if binding.get("datatype"):  # "literal" or Virtuoso's "typed-literal"
        return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(value)


def remote_query(endpoint: Endpoint, query: StoredQuery, params: Mapping[str, str] | None = None) -> ResultTable:
    """Run a stored SELECT query on a remote endpoint with SPARQLWrapper; the same parameters
    are bound the same way as on the embedded store."""
    from SPARQLWrapper import GET, JSON, POST, URLENCODED, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    text = bind(query, params or {})
    client = SPARQLWrapper(endpoint.query_url, agent=USER_AGENT)
    client.setQuery(text)
    client.setReturnFormat(JSON)
    client.setTimeout(int(max(1, endpoint.timeout)))
    if len(urllib.parse.quote(text)) > MAX_GET:
        client.setMethod(POST)
        client.setRequestMethod(URLENCODED)  # never application/sparql-query: it can hang Virtuoso
    else:
        client.setMethod(GET)
    if endpoint.credentials is not None:
        client.setHTTPAuth(endpoint.credentials.scheme.upper())
        client.setCredentials(endpoint.credentials.user, endpoint.credentials.password)
    delay = 0.5
    for attempt in range(endpoint.retries + 1):
        try:
            document = client.queryAndConvert()
            break
        except urllib.error.HTTPError as exc:
            if exc.code in RETRY_STATUSES and attempt < endpoint.retries:
                time.sleep(delay)
                delay *= 2
                continue
            raise EndpointError(f"{endpoint.query_url}: HTTP {exc.code} {exc.reason}") from None
        except SPARQLWrapperException as exc:
            message = str(exc).splitlines()[0]
            if type(exc).__name__ == "QueryBadFormed":
                raise QueryError(f"the endpoint rejected the query: {message}", query=query.path.name) from None
            raise EndpointError(f"{endpoint.query_url}: {message}") from None
        except (TimeoutError, socket.timeout):
            raise EndpointError(f"{endpoint.query_url}: no answer within {endpoint.timeout:g} s") from None
        except urllib.error.URLError as exc:
            raise EndpointError(f"{endpoint.query_url}: cannot connect ({exc.reason})") from None
    else:
        raise EndpointError(f"{endpoint.query_url}: still busy after {endpoint.retries} retries")
    if not isinstance(document, dict) or "head" not in document:
        raise EndpointError(f"{endpoint.query_url}: did not answer with SPARQL JSON results")
    columns = tuple(document["head"].get("vars", []))
    rows = tuple(
        tuple(_term(row[c]) if c in row else None for c in columns)
        for row in document.get("results", {}).get("bindings", [])
    )
    return ResultTable(columns, rows)


# ---------------------------------------------------------------------------------------------
# The graph store protocol


def push(endpoint: Endpoint, store: GraphStore, *, graph: str = DEFAULT_GRAPH, replace: bool = False) -> int:
    """Send a graph into a named graph of a remote store: PUT replaces it, POST adds to it.
    Returns the number of triples sent."""
    if endpoint.store_url is None:
        raise EndpointError(f"{endpoint.query_url}: no graph store URL known for this server; give the "
                            "server's base URL (Oxigraph) or its /sparql-graph-crud-auth URL (Virtuoso)")
    try:
        ox.NamedNode(graph)
    except ValueError:
        raise EndpointError(f"not an IRI: {graph!r}") from None
    key = "graph-uri" if "graph-crud" in endpoint.store_url else "graph"
    url = f"{endpoint.store_url}?{urllib.parse.urlencode({key: graph})}"
    body = ox.serialize(store.triples(), format=RdfFormat.N_TRIPLES.oxigraph)
    assert isinstance(body, bytes)
    # N-Triples is Turtle too; Virtuoso's graph store reads text/turtle everywhere.
    _request(endpoint, "PUT" if replace else "POST", url, data=body,
             headers={"Content-Type": "text/turtle; charset=utf-8"})
    return len(store)


def source_graph(files: list[Path]) -> str:
    """The named graph a build of these input files goes into: the same files, the same graph.

    >>> source_graph([Path("b.txt"), Path("a.txt")]) == source_graph([Path("a.txt"), Path("b.txt")])
    True
    """
    import hashlib

    names = "\n".join(sorted(path.name for path in files))
    return f"https://w3id.org/autokg/graph/{hashlib.sha1(names.encode()).hexdigest()[:16]}"


# ---------------------------------------------------------------------------------------------
# Serving


def oxigraph_binary() -> str:
    """The ``oxigraph`` server installed with autokg (PyPI package ``oxigraph``)."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise AutokgError("the Oxigraph server is not installed: pip install oxigraph")
    return found


def serve(data: list[Path], *, host: str = "127.0.0.1", port: int = 7878, writable: bool = False,
          location: Path | None = None, announce: Callable[[str], None] = print) -> int:
    """Load graph files into an Oxigraph store and serve it until interrupted; returns 0."""
    binary = oxigraph_binary()
    temporary = None
    if location is None:
        temporary = tempfile.TemporaryDirectory(prefix="autokg-serve-")
        location = Path(temporary.name)
    try:
        for path in data:
            fmt = RdfFormat.for_path(path)
            loaded = subprocess.run([binary, "load", "--location", str(location), "--file", str(path),
                                     "--format", fmt.value], capture_output=True, text=True)
            if loaded.returncode != 0:
                message = (loaded.stderr.strip().splitlines() or ["failed"])[-1]
                raise AutokgError(f"{path}: cannot load into the server's store: {message}")
        mode = "serve" if writable else "serve-read-only"
        command = [binary, mode, "--location", str(location), "--bind", f"{host}:{port}",
                   "--union-default-graph"]
        server = subprocess.Popen(command, stdin=subprocess.DEVNULL)
        try:
            _wait_until_up(server, f"http://{host}:{port}/")
            announce(f"SPARQL endpoint: http://{host}:{port}/query ({'read-write' if writable else 'read-only'}; "
                     "Ctrl-C stops it)")
            server.wait()
        except KeyboardInterrupt:
            pass
        finally:
            if server.poll() is None:
                server.send_signal(signal.SIGTERM)
                try:
                    server.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    server.kill()
        if server.returncode not in (0, -signal.SIGTERM, 143, -signal.SIGINT, 130):
            raise AutokgError(f"the Oxigraph server stopped with exit code {server.returncode}")
        return 0
    finally:
        if temporary is not None:
            temporary.cleanup()


def _wait_until_up(server: subprocess.Popen[bytes], url: str, deadline: float = 15.0) -> None:
    stop = time.monotonic() + deadline
    while time.monotonic() < stop:
        if server.poll() is not None:
            raise AutokgError(f"the Oxigraph server exited at start (exit code {server.returncode}); "
                              "is the port in use?")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise AutokgError(f"the Oxigraph server did not answer at {url} within {deadline:g} s")
