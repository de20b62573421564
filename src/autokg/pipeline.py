"""The whole pipeline: articles -> extract -> link -> mapping -> validate -> store/export.

This is the one module that imports every stage; the CLI and the library API call it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from .articles import ArticleReader, Format
from .errors import AutokgError
from .export import export
from .extract import Extractor
from .mapping import static_triples, to_rdf
from .model import Extraction
from .queries import ResultTable, run_query, stored_queries
from .reference import load_reference
from .store import GraphStore, RdfFormat, load_graph
from .validate import ValidationReport, validate


@dataclass(frozen=True)
class CheckResult:
    """The rows a ``*-violation.rq`` check returned (none when the check passes)."""

    name: str
    summary: str
    rows: ResultTable

    @property
    def passed(self) -> bool:
        return not self.rows.rows


@dataclass
class BuildSummary:
    """What a build read, found and wrote."""

    read: int = 0
    articles: int = 0
    duplicates: int = 0
    warnings: list[str] = field(default_factory=list)
    entities: Counter[tuple[str, bool]] = field(default_factory=Counter)
    facts: Counter[str] = field(default_factory=Counter)
    triples: int = 0
    report: ValidationReport | None = None
    checks: list[CheckResult] = field(default_factory=list)
    output: Path | None = None

    @property
    def ok(self) -> bool:
        return bool(self.report and self.report.conforms) and all(c.passed for c in self.checks)

    def count(self, extraction: Extraction) -> None:
        self.articles += 1
        self.facts["production"] += len(extraction.production)
        self.facts["strategy"] += len(extraction.strategies)
        self.facts["affiliation"] += len(extraction.affiliations)


def extractions(paths: Sequence[str | Path], *, format: Format | None = None,
                reader: ArticleReader | None = None,
                progress: Callable[[int], None] | None = None) -> Iterable[Extraction]:
    """Read the files and extract every distinct article, in order."""
    reference = load_reference()
    extractor = Extractor(reference)
    reader = reader or ArticleReader(names=reference.name_kind)
    for number, article in enumerate(reader.read(paths, format=format), start=1):
        yield extractor.extract(article)
        if progress:
            progress(number)


def build_graph(paths: Sequence[str | Path], *, format: Format | None = None,
                summary: BuildSummary | None = None,
                progress: Callable[[int], None] | None = None) -> Graph:
    """The RDF graph of all articles in the given files."""
    summary = summary if summary is not None else BuildSummary()
    reader = ArticleReader(names=load_reference().name_kind)
    graph = Graph()
    for triple in static_triples():
        graph.add(triple)
    seen: set[tuple[str, str]] = set()
    for extraction in extractions(paths, format=format, reader=reader, progress=progress):
        summary.count(extraction)
        for triple in to_rdf(extraction):
            graph.add(triple)
        for entity in extraction.entities:
            if (entity.type.value, entity.key) not in seen:
                seen.add((entity.type.value, entity.key))
                summary.entities[(entity.type.value, entity.linked)] += 1
    report = reader.report()
    summary.read, summary.duplicates = report.read, report.duplicates
    summary.warnings.extend(report.warnings)
    if summary.articles == 0:
        raise AutokgError("no articles found in the input")
    return graph


def run_checks(store: GraphStore) -> list[CheckResult]:
    """Run every stored ``*-violation.rq`` check on the store."""
    return [CheckResult(q.name, q.summary, run_query(store, q)) for q in stored_queries() if q.is_check]


def check_graph(graph: Graph, store: GraphStore) -> tuple[ValidationReport, list[CheckResult]]:
    """SHACL validation and the stored checks."""
    return validate(graph), run_checks(store)


def build(paths: Sequence[str | Path], out: str | Path, *, format: Format | None = None,
          out_format: RdfFormat | None = None,
          progress: Callable[[int], None] | None = None) -> BuildSummary:
    """Build, validate and write the graph of the given article files.

    The graph is written even when it does not conform (the summary says so); it is written
    atomically, so an error while building leaves any earlier file at ``out`` untouched.
    """
    summary = BuildSummary()
    graph = build_graph(paths, format=format, summary=summary, progress=progress)
    store = GraphStore()
    store.add(graph)
    summary.report, summary.checks = check_graph(graph, store)
    summary.triples = len(store)
    export(store, out, format=out_format)
    summary.output = Path(out)
    return summary


def validate_files(paths: Sequence[str | Path]) -> tuple[ValidationReport, list[CheckResult]]:
    """Validate graph files: SHACL and the stored checks."""
    store = load_graph(paths)
    return check_graph(store.to_graph(), store)
