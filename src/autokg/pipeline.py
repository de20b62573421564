"""The whole pipeline: articles -> extract -> link -> mapping -> validate -> store/export.

This is the one module that imports every stage; the CLI and the library API call it.

Articles go through in batches. Each batch is extracted, mapped to triples and validated on its own
in a small Oxigraph store, with the shapes compiled to SPARQL (a batch carries the descriptions of
every entity its facts point to, so the shapes see all they need); the triples then go into the
main store as N-Triples. With more
than one core, batches are processed in forked worker processes that share the loaded reference
data. What only the whole graph can show is checked afterwards on the store by the stored
``*-violation.rq`` queries.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from .articles import ArticleReader, Format
from .errors import AutokgError
from .export import export
from .extract import Extractor
from .mapping import static_triples, to_rdf
from .model import Article
from .queries import ResultTable, run_query, stored_queries
from .reference import load_reference
from .store import GraphStore, RdfFormat, load_graph
from .validate import Engine, ValidationReport, Violation, validate, validate_store

#: Articles per batch: large enough to amortise the per-batch checks, small enough to stay lean.
BATCH = 250


@dataclass(frozen=True)
class CheckResult:
    """The rows a ``*-violation.rq`` check returned (none when the check passes)."""

    name: str
    summary: str
    rows: ResultTable

    @property
    def passed(self) -> bool:
        return not self.rows.rows


@dataclass(frozen=True)
class BatchResult:
    """What one batch of articles gave: triples as N-Triples, counts, and SHACL violations."""

    ntriples: bytes
    articles: int
    facts: Counter[str]
    entities: frozenset[tuple[str, str, bool]]
    violations: tuple[Violation, ...]


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


_extractor: Extractor | None = None


def _process(batch: list[Article]) -> BatchResult:
    """Extract, map and validate one batch (in a worker process, or in this one)."""
    global _extractor
    if _extractor is None:
        _extractor = Extractor(load_reference())
    triples = list(static_triples())
    facts: Counter[str] = Counter()
    entities: set[tuple[str, str, bool]] = set()
    for article in batch:
        extraction = _extractor.extract(article)
        triples.extend(to_rdf(extraction))
        facts["production"] += len(extraction.production)
        facts["strategy"] += len(extraction.strategies)
        facts["affiliation"] += len(extraction.affiliations)
        entities.update((e.type.value, e.key, e.linked) for e in extraction.entities)
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    report = validate_store(store)
    body = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    assert isinstance(body, bytes)
    return BatchResult(body, len(batch), facts, frozenset(entities), report.violations)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def _results(batches: Iterable[list[Article]], workers: int) -> Iterator[BatchResult]:
    if workers <= 1:
        yield from map(_process, batches)
        return
    global _extractor
    _extractor = Extractor(load_reference())  # loaded once, shared with the forked workers
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_process, batches)


def default_workers() -> int:
    return max(1, min(len(os.sched_getaffinity(0)), 8))


def build_store(paths: Sequence[str | Path], *, format: Format | None = None,
                summary: BuildSummary | None = None, progress: Callable[[int], None] | None = None,
                workers: int | None = None, store: GraphStore | None = None, batch: int = BATCH) -> GraphStore:
    """Build the graph of all articles in the given files into a store (a new in-memory one
    unless given), validating each batch; the summary collects counts and violations."""
    summary = summary if summary is not None else BuildSummary()
    reference = load_reference()
    reader = ArticleReader(names=reference.name_kind)
    store = store if store is not None else GraphStore()
    violations: list[Violation] = []
    seen: set[tuple[str, str, bool]] = set()
    articles = list(reader.read(paths, format=format))
    if not articles:
        raise AutokgError("no articles found in the input")
    count = workers if workers is not None else default_workers()
    if len(articles) < 2 * batch:
        count = 1  # forking costs more than it saves on a small input
    for result in _results(_batches(articles, batch), count):
        store.store.load(result.ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
        summary.articles += result.articles
        summary.facts.update(result.facts)
        for entity in result.entities - seen:
            seen.add(entity)
            summary.entities[(entity[0], entity[2])] += 1
        violations.extend(result.violations)
        if progress:
            progress(summary.articles)
    report = reader.report()
    summary.read, summary.duplicates = report.read, report.duplicates
    summary.warnings.extend(report.warnings)
    summary.triples = len(store)
    unique = tuple(sorted(set(violations), key=lambda v: (v.focus, v.path or "", v.message)))
    summary.report = ValidationReport(not unique, unique, summary.triples)
    summary.checks = run_checks(store)
    return store


def build_graph(paths: Sequence[str | Path], *, format: Format | None = None) -> Graph:
    """The RDF graph of all articles in the given files, as an rdflib graph (small inputs)."""
    return build_store(paths, format=format).to_graph()


def run_checks(store: GraphStore) -> list[CheckResult]:
    """Run every stored ``*-violation.rq`` check on the store."""
    return [CheckResult(q.name, q.summary, run_query(store, q)) for q in stored_queries() if q.is_check]


def build(paths: Sequence[str | Path], out: str | Path, *, format: Format | None = None,
          out_format: RdfFormat | None = None, progress: Callable[[int], None] | None = None,
          workers: int | None = None) -> BuildSummary:
    """Build, validate and write the graph of the given article files.

    The graph is written even when it does not conform (the summary says so); it is written
    atomically, so an error while building leaves any earlier file at ``out`` untouched.
    """
    summary = BuildSummary()
    store = build_store(paths, format=format, summary=summary, progress=progress, workers=workers)
    export(store, out, format=out_format)
    summary.output = Path(out)
    return summary


def validate_files(paths: Sequence[str | Path], *, engine: Engine = "sparql") -> tuple[ValidationReport, list[CheckResult]]:
    """Validate graph files: SHACL on the whole graph, and the stored checks."""
    store = load_graph(paths)
    return validate(store, engine=engine), run_checks(store)
