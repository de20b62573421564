"""Stage 5: validate a graph against ``ontology/shapes.ttl`` with pySHACL.

A report lists each violation with its focus node, path, message and shape, in a stable order so
that two runs on the same graph print the same report.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from .errors import ShapesError
from .resources import shapes_file
from .vocab import PREFIXES


@dataclass(frozen=True)
class Violation:
    """One result of a SHACL validation."""

    focus: str
    path: str | None
    message: str
    severity: str
    shape: str | None
    value: str | None = None


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


def _short(term: object) -> str:
    text = str(term)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return text


def validate(graph: Graph, *, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``graph`` against the shapes; never raises on a non-conforming graph.

    >>> from rdflib import Graph
    >>> validate(Graph()).conforms
    True
    """
    conforms, results, _ = shacl_validate(
        graph, shacl_graph=shapes if shapes is not None else load_shapes(), inference="none",
        abort_on_first=False, allow_warnings=False, advanced=True,
    )
    def one(result: object, predicate: URIRef) -> str | None:
        value = results.value(result, predicate)
        return None if value is None else _short(value)

    violations = [
        Violation(
            focus=one(result, SH.focusNode) or "?",
            path=one(result, SH.resultPath),
            message=str(results.value(result, SH.resultMessage) or "violation"),
            severity=str(results.value(result, SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1],
            shape=one(result, SH.sourceShape),
            value=one(result, SH.value),
        )
        for result in results.subjects(RDF.type, SH.ValidationResult)
    ]
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(bool(conforms), tuple(violations), len(graph))
