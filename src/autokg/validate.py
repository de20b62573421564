"""Stage 5: validate a graph against ``ontology/shapes.ttl``.

Two engines give the same report:

* ``sparql`` (the default) compiles every constraint of the shapes into a SPARQL query that selects
  the nodes violating it, and runs the queries on the Oxigraph store. It validates a million
  triples in seconds, in the memory the store already uses.
* ``pyshacl`` runs pySHACL on an rdflib graph. It is the reference: the tests check that both
  engines report the same violations on every shape case and on mutated graphs.

The compiler reads the shapes, not a fixed list of checks, so a new shape works in both engines.
It knows the SHACL Core components our shapes can use (targets, value types, cardinality, value
ranges, string tests, ``sh:in``, ``sh:hasValue``, ``sh:lessThan``-style pairs and the logical
components over value constraints) and refuses any other with a :class:`ShapesError`, rather than
skipping it silently.

A report lists each violation with its focus node, path, message and shape, in a stable order so
that two runs on the same graph print the same report.

The queries are written for Oxigraph's evaluator. It joins two triple patterns by looking up the
second for each solution of the first (a few microseconds each on disk), but joins two sub-selects
by hashing, several times faster; and a value test on a long string reads the string from disk.
So each check selects the failing values of a path in a sub-select of its own, with the value test
inside it, and only then joins the (few) failing rows to the shape's target nodes, itself a
sub-select. Counting constraints count the values of every subject first and keep the targets among
the subjects that fail.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar
from typing import Literal as Kind

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from .errors import ShapesError
from .resources import shapes_file
from .vocab import PREFIXES

Engine = Kind["sparql", "pyshacl"]
ENGINES: tuple[Engine, ...] = ("sparql", "pyshacl")
T = TypeVar("T")


@dataclass(frozen=True)
class Violation:
    """One result of a SHACL validation."""

    focus: str
    path: str | None
    message: str
    severity: str
    shape: str | None
    value: str | None = None
    constraint: str | None = None  # the SHACL constraint component, e.g. "minCount"


@dataclass(frozen=True)
class ValidationReport:
    """Whether a graph conforms, and why not."""

    conforms: bool
    violations: tuple[Violation, ...]
    triples: int

    def lines(self) -> list[str]:
        """A readable report, one violation a line."""
        if self.conforms:
            return [f"conforms: {self.triples} triples, no violations"]
        out = [f"does not conform: {len(self.violations)} violation(s) in {self.triples} triples"]
        for v in self.violations:
            where = f" {v.path}" if v.path else ""
            value = f" (value: {v.value})" if v.value else ""
            out.append(f"  {v.severity}: {v.focus}{where}: {v.message}{value}")
        return out


@cache
def load_shapes(path: Path | None = None) -> Graph:
    """The shapes graph (cached)."""
    source = path or shapes_file()
    try:
        return Graph().parse(source, format="turtle")
    except Exception as exc:  # rdflib raises many unrelated types for a bad file
        raise ShapesError(f"{source}: cannot load the SHACL shapes: {exc}") from None


def short(term: object) -> str:
    """A term as text, with our prefixes: ``akg:Plant``, an IRI, or a literal's lexical form."""
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        text = term.value
    else:
        text = str(term)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return text


def path_text(shapes: Graph, path: Node) -> str:
    """A SHACL property path in SPARQL syntax with our prefixes (``akg:strategy/skos:notation``)."""
    return _path(shapes, path, short)


def _path(shapes: Graph, path: Node, name: object) -> str:
    render = name if callable(name) else short
    if isinstance(path, URIRef):
        return render(path)
    if (path, RDF.first, None) in shapes:
        return "(" + "/".join(_path(shapes, p, render) for p in Collection(shapes, path)) + ")"
    for predicate, operator in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        inner = shapes.value(path, predicate)
        if inner is not None:
            return f"({_path(shapes, inner, render)}){operator}"
    inner = shapes.value(path, SH.inversePath)
    if inner is not None:
        return f"^({_path(shapes, inner, render)})"
    inner = shapes.value(path, SH.alternativePath)
    if inner is not None:
        return "(" + "|".join(_path(shapes, p, render) for p in Collection(shapes, inner)) + ")"
    raise ShapesError(f"unsupported SHACL path {path!r}")


def _sparql_path(shapes: Graph, path: Node) -> str:
    return _path(shapes, path, lambda term: term.n3())


def validate(data: Graph | object, *, shapes: Graph | None = None, engine: Engine = "sparql") -> ValidationReport:
    """Validate a graph (an rdflib graph or a :class:`~autokg.store.GraphStore`) against the
    shapes; never raises on a non-conforming graph.

    >>> from rdflib import Graph
    >>> validate(Graph()).conforms, validate(Graph(), engine="pyshacl").conforms
    (True, True)
    """
    shapes = shapes if shapes is not None else load_shapes()
    if engine == "pyshacl":
        graph = data if isinstance(data, Graph) else data.to_graph()  # type: ignore[attr-defined]
        return _pyshacl(graph, shapes)
    if engine != "sparql":
        raise ShapesError(f"unknown validation engine {engine!r} (choose from {', '.join(ENGINES)})")
    if isinstance(data, Graph):
        from .store import GraphStore

        copy = GraphStore()
        copy.add(data)  # type: ignore[arg-type]
        data = copy
    store = data.store  # type: ignore[attr-defined]
    folder = data.path  # type: ignore[attr-defined]
    return validate_store(store, shapes, folder=folder if shapes is load_shapes() else None)


def _pyshacl(graph: Graph, shapes: Graph) -> ValidationReport:
    conforms, results, _ = shacl_validate(
        graph, shacl_graph=shapes, inference="none",
        abort_on_first=False, allow_warnings=False, advanced=True,
    )

    def one(result: object, predicate: URIRef) -> str | None:
        value = results.value(result, predicate)
        if value is None:
            return None
        if predicate == SH.resultPath and isinstance(value, BNode):
            return _path(results, value, short).strip("()")
        return short(value)

    violations = [
        Violation(
            focus=one(result, SH.focusNode) or "?",
            path=one(result, SH.resultPath),
            message=str(results.value(result, SH.resultMessage) or "violation"),
            severity=str(results.value(result, SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1],
            shape=one(result, SH.sourceShape),
            value=one(result, SH.value),
            constraint=_component(results.value(result, SH.sourceConstraintComponent)),
        )
        for result in results.subjects(RDF.type, SH.ValidationResult)
    ]
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(bool(conforms), tuple(violations), len(graph))


def _component(iri: Node | None) -> str | None:
    if iri is None:
        return None
    name = str(iri).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    return name[:1].lower() + name[1:]


# --- the SPARQL engine ------------------------------------------------------------------------

@dataclass(frozen=True)
class Check:
    """One constraint of one shape, as a query selecting ``?focus`` (and ``?value``) per violation."""

    shape: str
    path: str | None
    component: str
    message: str
    severity: str
    query: str
    with_value: bool
    #: for a check of several tests at once: each test's component, message and path, in the
    #: order of the query's ``?_c0``, ``?_c1`` ... columns (false where the node fails the test)
    tests: tuple[tuple[str, str, str | None], ...] = ()


#: Components that only qualify others, or describe a shape without constraining it.
_NOT_CONSTRAINTS = {
    RDF.type, SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.property,
    SH.path, SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group, SH.deactivated,
    SH.flags, RDFS.label, RDFS.comment, SH.defaultValue,
}
#: Value constraints: each value node must pass them on its own.
_VALUE = {SH["class"], SH.datatype, SH.nodeKind, SH.minLength, SH.maxLength, SH.pattern, SH["in"],
          SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH["not"], SH["or"],
          SH["and"], SH.xone, SH.node}
#: Lexical forms of the datatypes whose ill-formed literals a validator must catch.
_LEXICAL = {
    XSD.integer: r"^[+-]?[0-9]+$",
    XSD.nonNegativeInteger: r"^(\+?[0-9]+|-0+)$",
    XSD.decimal: r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$",
    XSD.boolean: r"^(true|false|1|0)$",
    XSD.date: r"^-?[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(Z|[+-][0-9]{2}:[0-9]{2})?$",
    XSD.gYearMonth: r"^-?[0-9]{4,}-(0[1-9]|1[0-2])(Z|[+-][0-9]{2}:[0-9]{2})?$",
    XSD.gYear: r"^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$",
}
DEFAULT_MESSAGES = {
    "class": "value is not an instance of the class",
    "datatype": "value does not have the datatype",
    "nodeKind": "value is not of the node kind",
    "minCount": "fewer values than required",
    "maxCount": "more values than allowed",
    "hasValue": "the required value is missing",
    "lessThan": "value is not less than the other property's values",
    "lessThanOrEquals": "value is greater than the other property's values",
    "equals": "the values differ from the other property's",
    "disjoint": "value is shared with the other property",
}


def _text(value: str) -> str:
    return Literal(value).n3()


class _Compiler:
    """Turns the shapes graph into :class:`Check` queries (see the module docstring)."""

    def __init__(self, shapes: Graph, subclasses: dict[str, frozenset[str]]):
        self.shapes = shapes
        self.subclasses = subclasses
        self.fresh = 0

    def var(self) -> str:
        self.fresh += 1
        return f"?_v{self.fresh}"

    def classes(self, cls: Node) -> str:
        members = {str(cls)} | set(self.subclasses.get(str(cls), ()))
        return ", ".join(f"<{c}>" for c in sorted(members))

    def items(self, node: Node) -> list[Node]:
        return list(Collection(self.shapes, node))

    # value expressions: true when the value in ``var`` passes the constraint
    def condition(self, shape: Node, var: str) -> str:
        parts = []
        for predicate, value in sorted(self.shapes.predicate_objects(shape)):
            if predicate in _NOT_CONSTRAINTS:
                continue
            if predicate == SH.hasValue:
                parts.append(f"sameTerm({var}, {value.n3()})")
            elif predicate in _VALUE:
                parts.append(self.value_test(predicate, value, var, shape))
            else:
                raise ShapesError(f"shape {short(shape)}: {short(predicate)} is not supported inside "
                                  "sh:or, sh:and, sh:not, sh:xone or sh:node")
        return "(" + " && ".join(parts) + ")" if parts else "true"

    def value_test(self, component: Node, value: Node, var: str, owner: Node) -> str:
        if component == SH["class"]:
            t = self.var()  # VALUES first: the lookup starts from the classes' few members
            return f"EXISTS {{ VALUES {t} {{ {self.classes(value).replace(',', '')} }} {var} a {t} }}"
        if component == SH.datatype:
            # each mention of a variable reads a long string from disk again, so a test names the
            # value as few times as it can; coalesce makes an error (no literal) plain false
            # (sameTerm: Oxigraph evaluates "=" on the datatype IRI at about twice the cost)
            test = f"sameTerm(datatype({var}), {value.n3()})"
            if value in _LEXICAL:
                test = f"{test} && regex(str({var}), {_text(_LEXICAL[value])})"  # type: ignore[index]
            return f"coalesce({test}, false)"
        if component == SH.nodeKind:
            kinds = {SH.IRI: ("isIRI",), SH.BlankNode: ("isBlank",), SH.Literal: ("isLiteral",),
                     SH.BlankNodeOrIRI: ("isBlank", "isIRI"), SH.BlankNodeOrLiteral: ("isBlank", "isLiteral"),
                     SH.IRIOrLiteral: ("isIRI", "isLiteral")}[value]  # type: ignore[index]
            return "(" + " || ".join(f"{k}({var})" for k in kinds) + ")"
        if component in (SH.minLength, SH.maxLength):
            op = ">=" if component == SH.minLength else "<="
            return f"coalesce(strlen(str({var})) {op} {int(value)}, false)"  # type: ignore[call-overload]
        if component == SH.pattern:
            flag = self.shapes.value(owner, SH.flags)
            extra = f", {_text(str(flag))}" if flag is not None else ""
            return f"coalesce(regex(str({var}), {_text(str(value))}{extra}), false)"
        if component == SH["in"]:
            return "(" + " || ".join(f"sameTerm({var}, {v.n3()})" for v in self.items(value)) + ")"
        if component in (SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive):
            op = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">",
                  SH.maxExclusive: "<"}[component]  # type: ignore[index]
            return f"coalesce(({var} {op} {value.n3()}), false)"
        if component == SH["not"]:
            return f"!{self.condition(value, var)}"
        if component == SH["or"]:
            return "(" + " || ".join(self.condition(s, var) for s in self.items(value)) + ")"
        if component == SH["and"]:
            return "(" + " && ".join(self.condition(s, var) for s in self.items(value)) + ")"
        if component == SH.xone:
            ones = " + ".join(f"if({self.condition(s, var)}, 1, 0)" for s in self.items(value))
            return f"(({ones}) = 1)"
        if component == SH.node:
            if (value, SH.property, None) in self.shapes:
                raise ShapesError(f"sh:node {short(value)}: nested property shapes are not supported")
            return self.condition(value, var)
        raise ShapesError(f"{short(component)} is not supported")

    def class_only(self, component: Node, value: Node) -> list[Node] | None:
        """The classes of a constraint that says only "is an instance of one of these classes"."""
        if component == SH["class"]:
            return [value]
        if component != SH["or"]:
            return None
        classes = []
        for alternative in self.items(value):
            pairs = [(p, o) for p, o in self.shapes.predicate_objects(alternative) if p not in _NOT_CONSTRAINTS]
            if len(pairs) != 1 or pairs[0][0] != SH["class"]:
                return None
            classes.append(pairs[0][1])
        return classes

    def targets(self, shape: Node) -> str | None:
        parts = []
        classes = list(self.shapes.objects(shape, SH.targetClass))
        if (shape, RDF.type, RDFS.Class) in self.shapes:
            classes.append(shape)
        if classes:
            members = sorted({m for c in classes for m in self.classes(c).split(", ")})
            parts.append(f"VALUES ?_target {{ {' '.join(members)} }} ?focus a ?_target .")
        for node in self.shapes.objects(shape, SH.targetNode):
            parts.append(f"BIND({node.n3()} AS ?focus)")
        for predicate in self.shapes.objects(shape, SH.targetSubjectsOf):
            parts.append(f"?focus {predicate.n3()} ?_object .")
        for predicate in self.shapes.objects(shape, SH.targetObjectsOf):
            parts.append(f"?_subject {predicate.n3()} ?focus .")
        if not parts:
            return None
        return "{ " + " } UNION { ".join(parts) + " }" if len(parts) > 1 else parts[0]

    def compile(self) -> list[Check]:
        checks = []
        for shape in sorted(set(self.shapes.subjects(RDF.type, SH.NodeShape))
                            | set(self.shapes.subjects(SH.targetClass, None))):
            if self.shapes.value(shape, SH.deactivated) == Literal(True):
                continue
            target = self.targets(shape)
            if target is None:
                continue  # only used from other shapes
            checks.extend(self.constraints(shape, shape, target, None))
            for prop in sorted(self.shapes.objects(shape, SH.property)):
                if self.shapes.value(prop, SH.deactivated) == Literal(True):
                    continue
                path = self.shapes.value(prop, SH.path)
                if path is None:
                    raise ShapesError(f"a property shape of {short(shape)} has no sh:path")
                checks.extend(self.constraints(shape, prop, target, path))
        return checks

    def constraints(self, node_shape: Node, shape: Node, target: str, path: Node | None) -> Iterator[Check]:
        sparql_path = _sparql_path(self.shapes, path) if path is not None else None
        shown = path_text(self.shapes, path).strip("()") if path is not None else None
        message = self.shapes.value(shape, SH.message)
        severity = str(self.shapes.value(shape, SH.severity) or SH.Violation).rsplit("#", 1)[-1]
        values = f"?focus {sparql_path} ?value ." if sparql_path else "BIND(?focus AS ?value)"

        def text(name: str) -> str:
            return str(message) if message is not None else DEFAULT_MESSAGES.get(name, f"{name} constraint violated")

        tests: list[tuple[str, str]] = []  # value tests of this shape, checked in one pass
        for component, value in sorted(self.shapes.predicate_objects(shape)):
            if component in _NOT_CONSTRAINTS:
                continue
            name = str(component).rsplit("#", 1)[-1]
            if component in _VALUE and self.class_only(component, value) is None:
                tests.append((name, self.value_test(component, value, "?value", shape)))
                continue
            query = self.query(shape, component, value, target, values, sparql_path)
            yield Check(short(node_shape), shown, name, text(name), severity, query,
                        "?value" in query.split("WHERE", 1)[0])
        if tests:
            flags = " ".join(f"?_c{i}" for i in range(len(tests)))
            binds = " ".join(f"BIND(coalesce({test}, false) AS ?_c{i})" for i, (_, test) in enumerate(tests))
            failing = " || ".join(f"!?_c{i}" for i in range(len(tests)))
            if sparql_path is None:
                query = f"SELECT DISTINCT ?focus ?value {flags} WHERE {{ {target} {values} {binds} FILTER({failing}) }}"
            else:
                found = _select(f"?focus ?value {flags}", f"{values} {binds} FILTER({failing})")
                query = f"SELECT DISTINCT ?focus ?value {flags} WHERE {{ {found} {_targets(target)} }}"
            names = tuple(name for name, _ in tests)
            yield Check(short(node_shape), shown, "+".join(names), text(names[0]), severity, query, True,
                        tuple((name, text(name), shown) for name in names))

    def query(self, shape: Node, component: Node, value: Node, target: str, values: str, path: str | None) -> str:
        select = "SELECT DISTINCT ?focus ?value WHERE"
        targets = _targets(target)
        if component in (SH.minCount, SH.maxCount):
            if path is None:
                raise ShapesError(f"{short(component)} needs a property shape")
            count = int(value)  # type: ignore[call-overload]
            if component == SH.minCount and count == 1:
                return f"SELECT DISTINCT ?focus WHERE {{ {target} MINUS {{ ?focus {path} ?_any }} }}"
            # a predicate has no duplicate values (a graph is a set of triples); a longer path may
            counted = "COUNT(*)" if isinstance(self.shapes.value(shape, SH.path), URIRef) else "COUNT(DISTINCT ?value)"
            if component == SH.minCount:  # the targets but those with enough values
                enough = _select("?focus", f"?focus {path} ?value", f"GROUP BY ?focus HAVING ({counted} >= {count})")
                return f"SELECT ?focus WHERE {{ {target} MINUS {enough} }}"
            too_many = _select("?focus", f"?focus {path} ?value", f"GROUP BY ?focus HAVING ({counted} > {count})")
            return f"SELECT ?focus WHERE {{ {too_many} {targets} }}"
        if component == SH.hasValue:
            if path is None:
                return f"{select} {{ {target} {values} FILTER(!sameTerm(?focus, {value.n3()})) }}"
            return f"SELECT DISTINCT ?focus WHERE {{ {target} MINUS {{ ?focus {path} {value.n3()} }} }}"
        if component in (SH.lessThan, SH.lessThanOrEquals, SH.equals, SH.disjoint):
            if path is None and component in (SH.lessThan, SH.lessThanOrEquals):
                raise ShapesError(f"{short(component)} needs a property shape")
            other = value.n3()
            if path is None:  # the focus node itself is the value
                if component == SH.equals:
                    return (f"{select} {{ {{ {target} {values} MINUS {{ ?focus {other} ?value }} }} UNION "
                            f"{{ {target} ?focus {other} ?value MINUS {{ {values} }} }} }}")
                return f"{select} {{ {target} {values} ?focus {other} ?value }}"
            mine, theirs = _select("?focus ?value", values), _select("?focus ?value", f"?focus {other} ?value")
            if component == SH.equals:
                only = _select("?focus ?value", f"{{ {mine} MINUS {theirs} }} UNION {{ {theirs} MINUS {mine} }}")
                return f"{select} {{ {only} {targets} }}"
            if component == SH.disjoint:
                return f"{select} {{ {_select('?focus ?value', f'{mine} {theirs}')} {targets} }}"
            op = "<" if component == SH.lessThan else "<="
            pairs = _select("?focus ?value", f"{mine} {_select('?focus ?_other', f'?focus {other} ?_other')} "
                                             f"FILTER(!coalesce(?value {op} ?_other, false))")
            return f"{select} {{ {pairs} {targets} }}"
        classes = self.class_only(component, value)
        if classes is not None:
            t = self.var()
            members = " ".join(sorted({m for c in classes for m in self.classes(c).split(", ")}))
            # the classes' members only, not every typed node of the store, are hashed for MINUS
            untyped = f"MINUS {{ VALUES {t} {{ {members} }} ?value a {t} }}"
            if path is None:
                return f"{select} {{ {target} {values} {untyped} }}"
            return f"{select} {{ {_select('?focus ?value', f'{values} {untyped}')} {targets} }}"
        if component in _VALUE:
            test = self.value_test(component, value, "?value", shape)
            if path is None:
                return f"{select} {{ {target} {values} FILTER(!coalesce({test}, false)) }}"
            failing = _select("?focus ?value", f"{values} FILTER(!coalesce({test}, false))")
            return f"{select} {{ {failing} {targets} }}"
        raise ShapesError(f"{short(component)} is not supported by the SPARQL engine (use --engine pyshacl)")


def _select(variables: str, pattern: str, modifiers: str = "") -> str:
    """A sub-select: Oxigraph joins it to its neighbours by hashing (see the module docstring)."""
    tail = f" {modifiers}" if modifiers else ""
    return f"{{ SELECT {variables} WHERE {{ {pattern} }}{tail} }}"


def _targets(target: str) -> str:
    """Keeps the rows whose ``?focus`` is a target node. Rows that reach it are few (they fail a
    test), so each is looked up, rather than all the targets listed and hashed."""
    if "BIND(" in target:  # a target node given by name: a sub-select binds it
        return _select("DISTINCT ?focus", target)
    return f"FILTER EXISTS {{ {target} }}"


@cache
def compile_shapes(shapes: Graph, subclasses: frozenset[tuple[str, str]] = frozenset()) -> tuple[Check, ...]:
    """The checks of a shapes graph; ``subclasses`` are the data's (sub, super) class pairs."""
    closure: dict[str, set[str]] = {}
    for sub, sup in subclasses:
        closure.setdefault(sup, set()).add(sub)
    return tuple(_Compiler(shapes, {k: frozenset(v) for k, v in closure.items()}).compile())


def _subclass_pairs(store: ox.Store) -> frozenset[tuple[str, str]]:
    rows = store.query(f"SELECT ?sub ?sup WHERE {{ ?sub <{RDFS.subClassOf}>+ ?sup }}")
    return frozenset((row["sub"].value, row["sup"].value) for row in rows)  # type: ignore[index, union-attr]


def run_checks(store: ox.Store, checks: Iterable[Check]) -> Iterator[Violation]:
    for check in checks:
        for row in store.query(check.query):  # type: ignore[union-attr]
            value = row["value"] if check.with_value else None  # type: ignore[index]
            failed = [(check.component, check.message, check.path)] if not check.tests else [
                test for i, test in enumerate(check.tests)
                if row[f"_c{i}"].value != "true"]  # type: ignore[index, union-attr]
            for component, message, path in failed:
                yield Violation(
                    focus=short(row["focus"]),  # type: ignore[index]
                    path=path,
                    message=message,
                    severity=check.severity,
                    shape=check.shape,
                    value=short(value) if value is not None else None,
                    constraint=component,
                )


#: Stores with more triples than this are validated by several processes at once when they are on disk.
PARALLEL_ABOVE = 1_000_000


def validate_store(store: ox.Store, shapes: Graph | None = None, *, folder: Path | None = None,
                   workers: int | None = None) -> ValidationReport:
    """Validate the default graph of an Oxigraph store with the compiled SPARQL checks (see
    :func:`check_store`, which runs other queries on the store beside them)."""
    return check_store(store, shapes, folder=folder, workers=workers)[0]


def check_store(store: ox.Store, shapes: Graph | None = None, *, folder: Path | None = None,
                workers: int | None = None,
                also: Sequence[Callable[[ox.Store], T]] = ()) -> tuple[ValidationReport, list[T]]:
    """Validate the default graph of an Oxigraph store, and run each of ``also`` on it (a function
    of the store, such as a stored check: its results come back in the order given).

    A large on-disk store (``folder``, with the project's shapes) that this process opened
    read-only is checked by one process per core, each with the store opened read-only, taking
    the next check when it is done with one; the functions of ``also``, the longest, go first.
    Oxigraph evaluates a query in one thread and holds Python's lock while it does. A store this
    process may write to is checked here alone.
    """
    triples = len(store)
    subclasses = _subclass_pairs(store)
    checks = compile_shapes(shapes if shapes is not None else load_shapes(), subclasses)
    count = workers if workers is not None else min(len(os.sched_getaffinity(0)), 8)
    results: list[T]
    if folder is not None and count > 1 and triples > PARALLEL_ABOVE and _read_only(store):
        tasks: list[tuple[int, object]] = [(-1 - i, function) for i, function in enumerate(also)]
        tasks += [(i, subclasses) for i in range(len(checks))]
        context = multiprocessing.get_context("fork")  # each worker opens the store anew
        with context.Pool(count, initializer=_open_store, initargs=(str(folder),)) as pool:
            done = dict(pool.imap_unordered(_run_task, tasks))
        found = {v for index, share in done.items() if index >= 0 for v in share}
        results = [done[-1 - i] for i in range(len(also))]
    else:
        found = set(run_checks(store, checks))
        results = [function(store) for function in also]
    violations = sorted(found, key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(not violations, tuple(violations), triples), results


def _read_only(store: ox.Store) -> bool:
    """Whether this process opened the store read-only: only then may other processes open it
    (reading a store another process holds open for writing is undefined in Oxigraph)."""
    try:
        store.flush()
    except (RuntimeError, OSError):
        return True
    return False


_worker_store: ox.Store | None = None


def _open_store(folder: str) -> None:
    global _worker_store
    _worker_store = ox.Store.read_only(folder)


def _run_task(task: tuple[int, Any]) -> tuple[int, Any]:
    """One task of :func:`check_store` in a worker: a compiled check (its index, with the data's
    class pairs) or, at a negative index, a function of the store."""
    index, argument = task
    assert _worker_store is not None
    if index < 0:
        return index, argument(_worker_store)
    return index, list(run_checks(_worker_store, [compile_shapes(load_shapes(), argument)[index]]))
