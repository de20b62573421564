"""The whole pipeline: articles -> extract -> link -> mapping -> validate -> store/export.

This is the one module that imports every stage; the CLI and the library API call it.

Articles go through in batches. Each batch is extracted, mapped to triples and validated on its own
in a small Oxigraph store, with the shapes compiled to SPARQL (a batch carries the descriptions of
every entity its facts point to, so the shapes see all they need); the triples then go into the
main store as N-Triples. With more
than one core, batches are processed in forked worker processes that share the loaded reference
data. What only the whole graph can show is checked afterwards on the store by the stored
``*-violation.rq`` queries; a check tagged ``per-batch`` (its violations lie within one batch) runs
on each batch instead.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import OWL

from .articles import ArticleReader, Format, listing_article
from .errors import AutokgError
from .export import export
from .extract import Extractor
from .mapping import TYPE, article_iri, entity_triples, static_ntriples, to_ntriples
from .model import Article, Entity
from .queries import ResultTable, StoredQuery, run_query, stored_queries
from .reference import load_reference
from .resources import queries_dir
from .store import GraphStore, RdfFormat, load_graph
from .validate import (
    Engine,
    ValidationReport,
    Violation,
    check_store,
    validate,
    validate_store,
)
from .vocab import AKG

#: Articles per batch: large enough to amortise the per-batch checks, small enough to stay lean.
BATCH = 1000
#: Inputs smaller than this (bytes) are built in this process: forking would cost more than it saves.
SMALL_INPUT = 200_000
#: Inputs larger than this (bytes, about 20,000 articles, a million triples) are built in a
#: temporary on-disk store; 80,000 listing lines (15 MB) in memory took 1.4 GB.
LARGE_INPUT = 8_000_000


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
    #: the rows of each stored check tagged per-batch, run on the batch alone
    checks: dict[str, tuple[tuple[Any, ...], ...]] = field(default_factory=dict)


@dataclass
class BuildSummary:
    """What a build read, found and wrote."""

    read: int = 0
    articles: int = 0
    duplicates: int = 0
    already_stored: int = 0
    warnings: list[str] = field(default_factory=list)
    entities: Counter[tuple[str, bool]] = field(default_factory=Counter)
    facts: Counter[str] = field(default_factory=Counter)
    #: the graph's triples; when adding to a store, the triples this build wrote to it (counting
    #: the store's would read all of it: 12 s at a million articles)
    triples: int = 0
    added_to_store: bool = False
    report: ValidationReport | None = None
    checks: list[CheckResult] = field(default_factory=list)
    output: Path | None = None

    @property
    def ok(self) -> bool:
        return bool(self.report and self.report.conforms) and all(c.passed for c in self.checks)


_extractor: Extractor | None = None
#: the entities (and whether the static triples) this process has already sent to the store in
#: this build: a batch describes them for its own validation, but does not send them again
_sent: set[Entity | None] = set()
#: past this many, the set starts again (sending a description twice is harmless): its memory is
#: bounded however many new people, models and towns a corpus names
SENT_LIMIT = 200_000


def _worker_extractor() -> Extractor:
    global _extractor
    if _extractor is None:
        _extractor = Extractor(load_reference())
    return _extractor


def _split(chunk: tuple[str, list[tuple[int, str]]]) -> list[tuple[Article, str | None]]:
    """Split a chunk of listing lines (in a worker process, or in this one)."""
    names = _worker_extractor().reference.name_kind
    source, lines = chunk
    return [listing_article(source, number, line, names) for number, line in lines]


def _process(batch: list[Article]) -> BatchResult:
    """Extract, map and validate one batch (in a worker process, or in this one)."""
    extractor = _worker_extractor()
    if len(_sent) > SENT_LIMIT:
        _sent.clear()
    lines: list[str] = []  # what goes to the store
    known: list[str] = []  # descriptions the store already has from this process: for validation only
    (lines if None not in _sent else known).append(static_ntriples())
    _sent.add(None)
    facts: Counter[str] = Counter()
    entities: set[tuple[str, str, bool]] = set()
    described: set[Entity] = set()
    for article in batch:
        extraction = extractor.extract(article)
        for entity in extraction.entities:
            if entity not in described:
                described.add(entity)
                (lines if entity not in _sent else known).extend(entity_triples(entity))
                _sent.add(entity)
        lines.extend(to_ntriples(extraction, described))  # (the article's own triples only)
        facts["production"] += len(extraction.production)
        facts["strategy"] += len(extraction.strategies)
        facts["affiliation"] += len(extraction.affiliations)
        entities.update((e.type.value, e.key, e.linked) for e in extraction.entities)
    body = "".join(lines).encode("utf-8")
    store = ox.Store()
    store.load(body, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    if known:
        store.load("".join(known).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    report = validate_store(store)
    local = GraphStore.wrapping(store)
    checks = {q.name: run_query(local, q).rows for q in _check_queries(queries_dir(), PER_BATCH)}
    return BatchResult(body, len(batch), facts, frozenset(entities), report.violations, checks)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


T = TypeVar("T")
R = TypeVar("R")


class Workers:
    """Forked worker processes that share the loaded reference data, or this process alone.

    :meth:`map` keeps results in input order and only a few tasks ahead of the consumer, so
    neither the input nor the results pile up in memory (``Pool.imap`` would read its whole input).
    """

    def __init__(self, count: int):
        self.count = count
        self.pool: Any = None

    def __enter__(self) -> Workers:
        if self.count > 1:
            _worker_extractor().warm()  # the reference data and lexicons, loaded once before the fork
            self.pool = multiprocessing.get_context("fork").Pool(self.count)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()

    def map(self, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        if self.pool is None:
            yield from map(function, items)
            return
        pending: deque[Any] = deque()
        for item in items:
            pending.append(self.pool.apply_async(function, (item,)))
            if len(pending) >= 2 * self.count:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def default_workers() -> int:
    return max(1, min(len(os.sched_getaffinity(0)), 8))


def build_store(paths: Sequence[str | Path], *, format: Format | None = None,
                summary: BuildSummary | None = None, progress: Callable[[int], None] | None = None,
                workers: int | None = None, store: GraphStore | None = None, batch: int = BATCH) -> GraphStore:
    """Build the graph of all articles in the given files into a store (a new in-memory one
    unless given: give an on-disk one for large inputs), validating each batch; the summary
    collects counts and violations.

    Articles stream through: the reader spools them to disk, workers split listing lines and
    extract, map and validate batches, and the store takes each batch's triples as they come.
    """
    summary = summary if summary is not None else BuildSummary()
    store = store if store is not None else GraphStore()
    violations: list[Violation] = []
    seen: set[tuple[str, str, bool]] = set()
    count = workers if workers is not None else default_workers()
    if workers is None and _input_size(paths) < SMALL_INPUT:
        count = 1  # forking costs more than it saves on a small input
    _sent.clear()  # (before the workers fork: each starts with nothing sent)
    with Workers(count) as pool:
        reader = ArticleReader(names=_worker_extractor().reference.name_kind,
                               splitter=lambda chunks: pool.map(_split, chunks))
        articles = reader.read(paths, format=format)
        incremental = not store.is_empty()
        if incremental:  # adding to a store: an article it holds is not read again
            articles = _new_articles(articles, store, summary)
        empty = run_checks(GraphStore())  # each check's columns, no rows
        found: dict[str, set[tuple[object, ...]]] = {check.name: set() for check in empty}
        written = 0
        for result in pool.map(_process, _batches(articles, batch)):
            store.add_ntriples(result.ntriples)
            written += result.ntriples.count(b"\n")
            if incremental:  # the checks look at what the batch touches, not at the whole store
                for check in run_checks(_neighbourhood(store, result.ntriples)):
                    found[check.name].update(check.rows.rows)
            else:
                for name, rows in result.checks.items():
                    found[name].update(rows)
            summary.articles += result.articles
            summary.facts.update(result.facts)
            for entity in result.entities - seen:
                seen.add(entity)
                summary.entities[(entity[0], entity[2])] += 1
            violations.extend(result.violations)
            if progress:
                progress(summary.articles)
    report = reader.report()
    if not report.read:
        raise AutokgError("no articles found in the input")
    summary.read, summary.duplicates = report.read, report.duplicates
    summary.warnings.extend(report.warnings)
    summary.triples = written if incremental else len(store)
    summary.added_to_store = incremental
    unique = tuple(sorted(set(violations), key=lambda v: (v.focus, v.path or "", v.message)))
    summary.report = ValidationReport(not unique, unique, summary.triples)
    # the rows every batch's checks found, once each; in a new store, the whole store's rows of
    # the checks whose violations can span batches
    whole = {} if incremental else {c.name: c for c in run_checks(store, per_batch=False)}
    summary.checks = [whole.get(c.name) or CheckResult(c.name, c.summary, ResultTable(c.rows.columns, tuple(sorted(
        found[c.name], key=lambda row: tuple("" if t is None else str(t) for t in row))))) for c in empty]
    return store


def _neighbourhood(store: GraphStore, ntriples: bytes) -> GraphStore:
    """A batch's triples with what the store says about every subject in it, and about every
    entity that shares an ``owl:sameAs`` link with one of them: all that a stored check needs to
    see a violation that involves the batch (a second label, a second value of a fact, two
    entities with one link, a producer typed as a supplier, evidence beyond its article)."""
    local = GraphStore()
    local.add_ntriples(ntriples)
    default = ox.DefaultGraph()
    subjects = {quad.subject for quad in local.store.quads_for_pattern(None, None, None, default)}
    same = ox.NamedNode(str(OWL.sameAs))
    for quad in list(local.store.quads_for_pattern(None, same, None, default)):
        subjects.update(other.subject for other in store.store.quads_for_pattern(None, same, quad.object, default))
    # (a new article's own nodes, the article and its evidence, are in no other: each lookup in a
    # store of a million articles costs about half a millisecond, up to 5 ms when the disk is cold;
    # nor does any stored check read what the store says of a strategy fact or an affiliation,
    # half of a batch's facts: fact-with-two-values looks at production facts only)
    own = (article_iri("").value, article_iri("").value.replace("/article/", "/evidence/"))
    unread = {quad.subject for kind in (AKG.StrategyFact, AKG.Affiliation)
              for quad in local.store.quads_for_pattern(None, TYPE, ox.NamedNode(str(kind)), default)}
    for subject in subjects - unread:
        if isinstance(subject, ox.NamedNode) and subject.value.startswith(own):
            continue
        local.store.extend(store.store.quads_for_pattern(subject, None, None, default))
    return local


def _new_articles(articles: Iterable[Article], store: GraphStore, summary: BuildSummary) -> Iterator[Article]:
    kind = ox.NamedNode(str(AKG.Article))
    for article in articles:
        if next(store.store.quads_for_pattern(
                article_iri(article.key), TYPE, kind, ox.DefaultGraph()), None) is not None:
            summary.already_stored += 1
        else:
            yield article


def build_graph(paths: Sequence[str | Path], *, format: Format | None = None) -> Graph:
    """The RDF graph of all articles in the given files, as an rdflib graph (small inputs)."""
    return build_store(paths, format=format).to_graph()


#: The tag of a stored check whose violations lie within the triples of one batch of articles (and
#: that no later batch can mend or break): a new build runs it on each batch, not on the store.
PER_BATCH = "per-batch"


@cache
def _check_queries(folder: Path, tagged: str | None = None, untagged: str | None = None) -> tuple[StoredQuery, ...]:
    """The stored ``*-violation.rq`` checks of a folder (with, or without, a tag), read once per
    process: every batch of a build runs some of them."""
    return tuple(q for q in stored_queries(folder) if q.is_check
                 and (tagged is None or tagged in q.tags) and (untagged is None or untagged not in q.tags))


def _check(query: StoredQuery, store: GraphStore | ox.Store) -> CheckResult:
    """One stored check's rows on a store (or on an Oxigraph store opened elsewhere: a worker's)."""
    graph = store if isinstance(store, GraphStore) else GraphStore.wrapping(store)
    return CheckResult(query.name, query.summary, run_query(graph, query))


def run_checks(store: GraphStore, *, per_batch: bool = True) -> list[CheckResult]:
    """Run every stored ``*-violation.rq`` check on the store (but those tagged per-batch, if not
    ``per_batch``)."""
    return [_check(q, store) for q in _check_queries(queries_dir(), untagged=None if per_batch else PER_BATCH)]


def build(paths: Sequence[str | Path], out: str | Path | None, *, format: Format | None = None,
          out_format: RdfFormat | None = None, progress: Callable[[int], None] | None = None,
          workers: int | None = None, store: str | Path | None = None) -> BuildSummary:
    """Build, validate and write the graph of the given article files.

    With ``store``, the graph goes into (or is added to) the on-disk Oxigraph store in that
    folder, which ``query``, ``export``, ``validate`` and ``serve`` then use as it is; without it,
    inputs over :data:`LARGE_INPUT` bytes are built in a temporary on-disk store beside ``out``, so
    memory stays flat, and smaller ones in memory. The graph is written to ``out`` (if given) even
    when it does not conform (the summary says so), atomically, so an error while building leaves
    any earlier file at ``out`` untouched.
    """
    if out is None and store is None:
        raise AutokgError("give a file to write the graph to, or a store to build into")
    summary = BuildSummary()
    with ExitStack() as cleanup:
        if store is not None:
            target = GraphStore(store)
        elif _input_size(paths) > LARGE_INPUT:
            folder = Path(out).parent if out is not None else Path.cwd()  # type: ignore[arg-type]
            folder.mkdir(parents=True, exist_ok=True)
            temporary = cleanup.enter_context(tempfile.TemporaryDirectory(prefix=".autokg-store-", dir=folder))
            target = GraphStore(temporary)
        else:
            target = GraphStore()
        build_store(paths, format=format, summary=summary, progress=progress, workers=workers, store=target)
        if out is not None:
            export(target, out, format=out_format)
            summary.output = Path(out)
        target.flush()
        del target
    return summary


def _input_size(paths: Sequence[str | Path]) -> int:
    return sum(Path(p).stat().st_size for p in paths if Path(p).is_file())


#: The tag of a stored check that only matters where the shapes saw part of the graph (a batch).
COVERED_BY_SHAPES = "covered-by-shapes"


def validate_files(paths: Sequence[str | Path] | GraphStore, *,
                   engine: Engine = "sparql") -> tuple[ValidationReport, list[CheckResult]]:
    """Validate graph files (or a store): SHACL on the whole graph, and the stored checks but
    those the shapes cover on a whole graph."""
    store = paths if isinstance(paths, GraphStore) else load_graph(paths)
    # (a check tagged covered-by-shapes finds nothing that the shapes miss on the whole graph)
    queries = _check_queries(queries_dir(), untagged=COVERED_BY_SHAPES)
    if engine != "sparql":
        return validate(store, engine=engine), [_check(q, store) for q in queries]
    # one pool of processes takes the stored checks and the shapes' checks alike (a large store)
    return check_store(store.store, folder=store.path, also=[partial(_check, q) for q in queries])
