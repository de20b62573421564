"""Stage 6: the embedded store (pyoxigraph) and reading graph files into it.

rdflib terms from the mapping stage are converted once on the way in; queries and exports then run
on Oxigraph, which parses, queries and serialises much faster than rdflib.
"""

from __future__ import annotations

import enum
import re
import tempfile
from collections.abc import Iterable
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from .errors import InputError

Term = URIRef | BNode | Literal


class RdfFormat(enum.Enum):
    """Graph file formats autokg reads and writes; the value is the usual file extension."""

    TURTLE = "ttl"
    N_TRIPLES = "nt"
    TRIG = "trig"
    N_QUADS = "nq"
    JSON_LD = "jsonld"

    @property
    def oxigraph(self) -> ox.RdfFormat:
        return {
            RdfFormat.TURTLE: ox.RdfFormat.TURTLE,
            RdfFormat.N_TRIPLES: ox.RdfFormat.N_TRIPLES,
            RdfFormat.TRIG: ox.RdfFormat.TRIG,
            RdfFormat.N_QUADS: ox.RdfFormat.N_QUADS,
            RdfFormat.JSON_LD: ox.RdfFormat.JSON_LD,
        }[self]

    @property
    def rdflib(self) -> str:
        return {
            RdfFormat.TURTLE: "turtle",
            RdfFormat.N_TRIPLES: "nt",
            RdfFormat.TRIG: "trig",
            RdfFormat.N_QUADS: "nquads",
            RdfFormat.JSON_LD: "json-ld",
        }[self]

    @property
    def is_dataset(self) -> bool:
        return self in (RdfFormat.TRIG, RdfFormat.N_QUADS)

    @classmethod
    def parse(cls, name: str) -> RdfFormat:
        """A format from a name or extension (``ttl``, ``turtle``, ``nt``, ``json-ld`` ...)."""
        aliases = {"turtle": "ttl", "ntriples": "nt", "n-triples": "nt", "nquads": "nq",
                   "json-ld": "jsonld", "json": "jsonld"}
        value = aliases.get(name.lower().lstrip("."), name.lower().lstrip("."))
        try:
            return cls(value)
        except ValueError:
            choices = ", ".join(f.value for f in cls)
            raise InputError(f"unknown RDF format {name!r} (choose from {choices})") from None

    @classmethod
    def for_path(cls, path: str | Path) -> RdfFormat:
        return cls.parse(Path(path).suffix or "ttl")


def to_oxigraph(term: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Term:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(datatype))


class GraphStore:
    """An Oxigraph store holding one graph (in memory, or on disk when given a folder)."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        self._temporary: tempfile.TemporaryDirectory[str] | None = None
        try:
            if path is None:
                self.store = ox.Store()
            else:
                self.store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as exc:
            raise InputError(f"cannot open the store: {exc}", path=path) from None

    @classmethod
    def existing(cls, path: str | Path) -> GraphStore:
        """A store that ``autokg build --store`` made, opened read-only (others may read it too)."""
        folder = Path(path)
        if not folder.is_dir() or not any(folder.iterdir()):
            raise InputError("no store here (make one with 'autokg build --store')", path=folder)
        return cls(folder, read_only=True)

    @classmethod
    def wrapping(cls, store: ox.Store) -> GraphStore:
        """A GraphStore over an Oxigraph store opened elsewhere (a validation worker's)."""
        wrapped = cls.__new__(cls)
        wrapped.path, wrapped._temporary, wrapped.store = None, None, store
        return wrapped

    def add_ntriples(self, data: bytes) -> None:
        """Add N-Triples that autokg wrote (a batch of the build) to the default graph.

        An on-disk store takes them with Oxigraph's bulk loader, which writes sorted files
        straight into the database instead of going through a transaction per triple. The parser
        does not check the IRIs again (a third faster): the worker that wrote them loaded them
        with every check to validate them.
        """
        if self.path is not None:
            self.store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph(), lenient=True)
        else:
            self.store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph(), lenient=True)

    def flush(self) -> None:
        """Write an on-disk store's buffers out (before another process opens it)."""
        if self.path is not None:
            self.store.flush()

    def seal(self) -> None:
        """Finish writing an on-disk store: write out its buffers, compact it, and reopen it
        read-only. Other processes may then open it too (Oxigraph leaves reading a store that
        another process holds open for writing undefined: validation workers that did so ran
        fifteen times slower than usual, or worse), and lookups find each triple in fewer files."""
        if self.path is None:
            return
        self.store.flush()
        self.store.optimize()
        del self.store  # (closes the database: nothing else holds it)
        self.store = ox.Store.read_only(str(self.path))

    def add(self, triples: Iterable[tuple[Term, Term, Term]]) -> None:
        self.store.extend(
            ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), ox.DefaultGraph())  # type: ignore[arg-type]
            for s, p, o in triples
        )

    def load(self, path: str | Path, *, format: RdfFormat | None = None) -> None:
        """Add a graph file's triples. Raises :class:`InputError` with the line of a syntax error."""
        path = Path(path)
        fmt = format or RdfFormat.for_path(path)
        if not path.is_file():
            raise InputError("no such file" if not path.exists() else "not a file", path=path)
        target = None if fmt.is_dataset else ox.DefaultGraph()
        try:
            if self.path is not None:  # on disk: the bulk loader, a chunk at a time (it holds a whole input)
                quads = ox.parse(path=str(path), format=fmt.oxigraph)
                while chunk := list(islice(quads, LOAD_CHUNK)):
                    self.store.bulk_extend(q if target is None else ox.Quad(q.subject, q.predicate, q.object)
                                           for q in chunk)
            else:
                self.store.load(path=str(path), format=fmt.oxigraph, to_graph=target)
        except SyntaxError as exc:
            raise invalid_graph(exc, fmt, path) from None
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read graph: {exc}", path=path) from None

    def __len__(self) -> int:
        """The number of triples (Oxigraph counts them all: seconds for a large store)."""
        return len(self.store)

    def is_empty(self) -> bool:
        return next(iter(self.store.quads_for_pattern(None, None, None)), None) is None

    def triples(self) -> Iterable[ox.Triple]:
        for quad in self.store.quads_for_pattern(None, None, None, None):
            yield quad.triple

    def to_graph(self) -> Graph:
        """An rdflib copy (for pyshacl, which needs rdflib)."""
        graph = Graph()
        for triple in self.triples():
            graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
        return graph


def invalid_graph(error: SyntaxError, fmt: RdfFormat, path: Path) -> InputError:
    """The error for a graph file a parser rejected, naming the file and the line."""
    return InputError(f"not valid {fmt.name.replace('_', '-').title()}: {error}", path=path,
                      line=_syntax_error_line(str(error)))


def _syntax_error_line(message: str) -> int | None:
    """The line number in a parser's error message, if it gives one."""
    found = re.search(r"line (\d+)", message) or re.search(r"^(\d+):\d+", message)
    return int(found.group(1)) if found else None


#: Triples an on-disk store bulk-loads at a time from a file: Oxigraph's bulk loader keeps what
#: it is given in memory (1.7 GB for the 5 million triples of 100,000 articles at once).
LOAD_CHUNK = 500_000

#: Graph files larger than this in all (bytes; about 2 million triples of Turtle) are loaded into
#: a temporary on-disk store rather than into memory.
LARGE_GRAPH = 100_000_000


def load_graph(paths: Iterable[str | Path]) -> GraphStore:
    """A fresh store with the triples of all given files: in memory, or for large files in a
    temporary folder that is removed with the store."""
    paths = [Path(p) for p in paths]
    if sum(p.stat().st_size for p in paths if p.is_file()) > LARGE_GRAPH:
        folder = tempfile.TemporaryDirectory(prefix="autokg-store-")
        store = GraphStore(folder.name)
        store._temporary = folder  # removed when the store is
    else:
        store = GraphStore()
    for path in paths:
        store.load(path)
    store.seal()  # (an on-disk store: read-only from here, so validation may use several processes)
    return store
