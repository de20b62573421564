"""Stage 7: stored SPARQL queries, documented by grlc-style decorators, run with bound parameters.

A stored query is a ``queries/NAME.rq`` file that starts with ``#+`` comment lines::

    #+ summary: Plants where manufacturers produce, by country
    #+ params:
    #+   - country: ISO 3166-1 alpha-2 code of the country
    #+ defaults:
    #+   - country: US

Parameters are the query's variables whose names start with ``_`` (``?_country``), as in grlc.
Values are bound as RDF terms in a ``VALUES`` block, serialised by Oxigraph, never pasted into the
query as text, so a value holding quotes or braces cannot change the query. A parameter named ``*_iri`` takes an IRI,
``*_integer`` an integer; any other takes a plain string. Queries named ``*-violation.rq`` are
checks: they must return no rows.
"""

from __future__ import annotations

import csv
import enum
import io
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError
from .resources import queries_dir
from .store import GraphStore

DECORATORS = ("summary", "description", "tags", "params", "defaults")
_PARAMETER = re.compile(r"[?$]_(\w+)")
_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")

Term = ox.NamedNode | ox.BlankNode | ox.Literal


class ResultFormat(enum.Enum):
    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"


@dataclass(frozen=True)
class Parameter:
    name: str
    doc: str
    default: str | None = None

    @property
    def kind(self) -> str:
        for suffix in ("iri", "integer"):
            if self.name.endswith("_" + suffix):
                return suffix
        return "string"

    def term(self, value: str, query: str) -> Term:
        if self.kind == "iri":
            if not _IRI.match(value):
                raise QueryError(f"parameter {self.name!r} needs an IRI, got {value!r}", query=query)
            return ox.NamedNode(value)
        if self.kind == "integer":
            if not re.fullmatch(r"[+-]?\d+", value):
                raise QueryError(f"parameter {self.name!r} needs an integer, got {value!r}", query=query)
            return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
        return ox.Literal(value)


@dataclass(frozen=True)
class StoredQuery:
    """A query file and what its decorators say about it."""

    name: str
    path: Path
    summary: str
    description: str
    tags: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    text: str

    @property
    def is_check(self) -> bool:
        return self.name.endswith("-violation")

    def bindings(self, values: Mapping[str, str]) -> dict[ox.Variable, Term]:
        """The parameters' terms, from the given values or the defaults."""
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(values) - set(known))
        if unknown:
            accepted = ", ".join(known) or "none"
            raise QueryError(f"unknown parameter(s) {', '.join(unknown)} (accepted: {accepted})",
                             query=self.path.name)
        bound: dict[ox.Variable, Term] = {}
        for parameter in self.parameters:
            value = values.get(parameter.name, parameter.default)
            if value is not None:
                bound[ox.Variable("_" + parameter.name)] = parameter.term(value, self.path.name)
        return bound


def _decorator_lines(path: Path, text: str) -> list[tuple[int, str]]:
    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("#+"):
            lines.append((number, line[2:]))
        elif line.strip() and not line.startswith("#"):
            break
    if not lines:
        raise QueryError("no '#+ summary:' decorator at the top", query=path.name)
    return lines


def parse_query(path: Path) -> StoredQuery:
    """Read a stored query and its decorators, strictly: a malformed header is an error."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read: {exc}", query=path) from None
    fields: dict[str, object] = {}
    current: str | None = None
    for number, line in _decorator_lines(path, text):
        item = re.match(r"\s+-\s*(\w+)\s*:\s*(.*)$", line)
        key = re.match(r"\s?(\w+)\s*:\s*(.*)$", line)
        if item and current in ("params", "defaults"):
            entries = fields.setdefault(current, {})
            assert isinstance(entries, dict)
            entries[item.group(1)] = item.group(2).strip()
        elif item and current == "tags":
            raise QueryError(f"line {number}: write tags on one line", query=path.name)
        elif key and key.group(1) in DECORATORS:
            current = key.group(1)
            value = key.group(2).strip()
            if current in ("params", "defaults"):
                if value:
                    raise QueryError(f"line {number}: list the {current} on the lines below", query=path.name)
                fields[current] = {}
            else:
                fields[current] = value
        else:
            raise QueryError(f"line {number}: not a known decorator: {line.strip()!r} "
                             f"(known: {', '.join(DECORATORS)})", query=path.name)
    summary = str(fields.get("summary") or "")
    if not summary:
        raise QueryError("empty or missing '#+ summary:'", query=path.name)
    docs = fields.get("params") or {}
    defaults = fields.get("defaults") or {}
    assert isinstance(docs, dict) and isinstance(defaults, dict)
    used = set(_PARAMETER.findall("\n".join(l for l in text.splitlines() if not l.startswith("#"))))
    if used != set(docs):
        missing, extra = sorted(used - set(docs)), sorted(set(docs) - used)
        detail = "; ".join(filter(None, [
            f"undocumented parameter(s): {', '.join(missing)}" if missing else "",
            f"documented but unused: {', '.join(extra)}" if extra else ""]))
        raise QueryError(detail, query=path.name)
    if set(defaults) - set(docs):
        raise QueryError(f"defaults for unknown parameter(s): {', '.join(sorted(set(defaults) - set(docs)))}",
                         query=path.name)
    parameters = tuple(Parameter(name, str(doc), defaults.get(name)) for name, doc in sorted(docs.items()))
    tags = tuple(t.strip() for t in str(fields.get("tags") or "").split(",") if t.strip())
    return StoredQuery(path.stem, path, summary, str(fields.get("description") or ""), tags, parameters, text)


def stored_queries(folder: Path | None = None) -> list[StoredQuery]:
    """All stored queries, by name."""
    return [parse_query(p) for p in sorted((folder or queries_dir()).glob("*.rq"))]


def find_query(name: str, folder: Path | None = None) -> StoredQuery:
    """A stored query by name, or a query file by path."""
    candidate = Path(name)
    if candidate.suffix == ".rq" and candidate.is_file():
        return parse_query(candidate)
    path = (folder or queries_dir()) / f"{name}.rq"
    if not path.is_file():
        names = ", ".join(q.name for q in stored_queries(folder))
        raise QueryError(f"no stored query named {name!r} (available: {names})")
    return parse_query(path)


@dataclass(frozen=True)
class ResultTable:
    """A SELECT query's answer: column names and rows of RDF terms (``None`` when unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]

    def values(self) -> list[list[str]]:
        """Rows as plain strings: IRIs, literal values, empty for unbound."""
        return [["" if t is None else t.value for t in row] for row in self.rows]


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def bind(query: StoredQuery, params: Mapping[str, str]) -> str:
    """The query text with its parameters fixed by a ``VALUES`` block at the top of its WHERE clause.

    Values are written as RDF terms in N-Triples syntax by Oxigraph, which escapes quotes and
    braces, so a value can never become query syntax. The same text runs on any SPARQL 1.1 engine.
    """
    bindings = query.bindings(params)
    if not bindings:
        return query.text
    offset = 0
    for line in query.text.splitlines(keepends=True):
        found = None if line.lstrip().startswith("#") else _WHERE.search(line)
        if found:
            position = offset + found.end()
            names = " ".join(str(v) for v in bindings)
            terms = " ".join(str(t) for t in bindings.values())
            block = f"\n  VALUES ({names}) {{ ({terms}) }}"
            return query.text[:position] + block + query.text[position:]
        offset += len(line)
    raise QueryError("has parameters but no 'WHERE {' to bind them in", query=query.path.name)


#: a final ``ORDER BY`` of plain variables, which the embedded store's runner applies itself
_ORDER_BY = re.compile(r"\n[ \t]*ORDER[ \t]+BY((?:[ \t]+\?\w+)+)[ \t]*\s*\Z", re.IGNORECASE)
_NUMBERS = {f"http://www.w3.org/2001/XMLSchema#{name}" for name in (
    "integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte")}


def order_key(term: Term | None) -> tuple[object, ...]:
    """A term's place in SPARQL's ``ORDER BY``: unbound, then blank nodes, IRIs, literals; numbers
    by value; other literals by their text, then datatype and language. (SPARQL leaves the order of
    literals of different types open; this one is total, so a sort never depends on the input order.)"""
    if term is None:
        return (0,)
    if isinstance(term, ox.BlankNode):
        return (1, term.value)
    if isinstance(term, ox.NamedNode):
        return (2, term.value)
    if term.datatype.value in _NUMBERS:
        try:
            number = float(term.value)
        except ValueError:
            pass
        else:
            if not math.isnan(number):  # NaN has no place among numbers
                return (3, 0, number, term.value)
    return (3, 1, term.value, term.datatype.value, term.language or "")


def split_order(text: str) -> tuple[str, tuple[str, ...]]:
    """A query without its final ``ORDER BY ?a ?b``, and the variables it sorted by.

    Oxigraph reads a long string from disk for every comparison a sort makes, so sorting 100,000
    rows in the store takes seconds; sorting the rows in Python, each string read once, takes a
    tenth of a second. Queries that end in anything else are left alone."""
    found = _ORDER_BY.search(text)
    if found is None:
        return text, ()
    return text[:found.start()] + "\n", tuple(v.lstrip("?") for v in found.group(1).split())


def run_query(store: GraphStore, query: StoredQuery, params: Mapping[str, str] | None = None) -> ResultTable:
    """Run a stored SELECT query on the embedded store."""
    full = bind(query, params or {})
    text, order = split_order(full)
    try:
        solutions = store.store.query(text)
        if order and isinstance(solutions, ox.QuerySolutions) and not (
                {f"?{name}" for name in order} <= {str(v) for v in solutions.variables}):
            solutions, order = store.store.query(full), ()  # it sorts by a variable it does not select
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}", query=query.path.name) from None
    except OSError as exc:
        raise QueryError(f"query failed: {exc}", query=query.path.name) from None
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError("stored queries must be SELECT queries", query=query.path.name)
    columns = tuple(v.value for v in solutions.variables)
    rows = [tuple(solution) for solution in solutions]  # a solution yields its terms in column order
    if order:
        keys = [columns.index(name) for name in order]
        known: dict[Term, tuple[object, ...]] = {}  # a column repeats its values: each is keyed once

        def key(term: Term | None) -> tuple[object, ...]:
            if term is None:
                return (0,)
            found = known.get(term)
            if found is None:
                found = known[term] = order_key(term)
            return found
        rows.sort(key=lambda row: tuple(key(row[i]) for i in keys))
    return ResultTable(columns, tuple(rows))


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def format_results(table: ResultTable, format: ResultFormat) -> str:
    """Render a result table as CSV, TSV, SPARQL 1.1 JSON or a plain-text table."""
    if format is ResultFormat.JSON:
        document = {
            "head": {"vars": list(table.columns)},
            "results": {"bindings": [
                {c: _json_term(t) for c, t in zip(table.columns, row) if t is not None}
                for row in table.rows
            ]},
        }
        return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if format in (ResultFormat.CSV, ResultFormat.TSV):
        buffer = io.StringIO()
        if format is ResultFormat.CSV:
            writer = csv.writer(buffer, lineterminator="\r\n")
            writer.writerow(table.columns)
            writer.writerows(table.values())
        else:
            clean = [[" ".join(cell.split()) for cell in row] for row in table.values()]
            buffer.write("\t".join(table.columns) + "\n")
            buffer.writelines("\t".join(row) + "\n" for row in clean)
        return buffer.getvalue()
    return _text_table(table.columns, table.values())


def _text_table(columns: Sequence[str], rows: list[list[str]]) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, show_lines=False, header_style="bold")
    for row in rows:
        table.add_row(*row)
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(table)
    console.print(f"{len(rows)} row(s)")
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()
