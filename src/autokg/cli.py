"""The ``autokg`` command: each subcommand is one library call.

Exit codes: 0 ok; 1 the graph has SHACL violations or a stored check failed; 2 usage or input error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import IO

from . import __version__
from .articles import Format
from .endpoint import (
    DEFAULT_GRAPH,
    PASSWORD_VARIABLE,
    USER_VARIABLE,
    Credentials,
    Endpoint,
    push,
    remote_query,
    serve,
    source_graph,
)
from .errors import AutokgError
from .export import atomic_output, convert, write
from .pipeline import BuildSummary, CheckResult, build, validate_files
from .queries import ResultFormat, find_query, format_results, run_query, stored_queries
from .store import GraphStore, RdfFormat, load_graph
from .validate import ENGINES, ValidationReport

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def _print_checks(report: ValidationReport, checks: list[CheckResult]) -> None:
    for line in report.lines():
        print(line)
    for check in checks:
        if check.passed:
            continue
        print(f"check {check.name} failed ({len(check.rows.rows)} row(s)): {check.summary}")
        for row in check.rows.values()[:20]:
            print("  " + " | ".join(row))


def _print_summary(summary: BuildSummary) -> None:
    already = f", {summary.already_stored} already in the store" if summary.already_stored else ""
    print(f"articles: {summary.read} read, {summary.duplicates} duplicate(s) merged{already}, "
          f"{summary.articles} added to the graph")
    if summary.entities:
        print("entities (linked / new):")
        for kind in sorted({k for k, _ in summary.entities}):
            linked, new = summary.entities[(kind, True)], summary.entities[(kind, False)]
            print(f"  {kind:<18} {linked:>5} / {new}")
    print("facts: " + ", ".join(f"{kind} {count}" for kind, count in sorted(summary.facts.items())))
    print(f"triples: {summary.triples}" + (" written to the store (with those it already held)"
                                            if summary.added_to_store else ""))
    assert summary.report is not None
    verdict = "conforms" if summary.ok else "DOES NOT CONFORM"
    print(f"validation: {verdict} ({len(summary.report.violations)} SHACL violation(s), "
          f"{sum(not c.passed for c in summary.checks)} failed check(s))")
    if not summary.ok:
        _print_checks(summary.report, summary.checks)
    if summary.output is not None:
        print(f"written: {summary.output}")


def cmd_build(args: argparse.Namespace) -> int:
    if _interactive():
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        progress_bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                transient=True)
        context = progress_bar
        task = progress_bar.add_task("reading articles", total=None)

        def progress(count: int) -> None:
            progress_bar.update(task, description=f"{count} articles", completed=count)
    else:
        context = nullcontext()  # type: ignore[assignment]
        progress = None  # type: ignore[assignment]
    with context:
        out = args.out if args.out is not None or args.store is not None else Path("build/autokg.ttl")
        summary = build(args.files, out, format=Format(args.input_format) if args.input_format else None,
                        out_format=RdfFormat.parse(args.out_format) if args.out_format else None,
                        progress=progress, store=args.store)
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    _print_summary(summary)
    if not summary.ok:
        return EXIT_INVALID
    if args.endpoint:
        graph = args.graph or source_graph(args.files)
        built = load_graph([out]) if out is not None else GraphStore.existing(args.store)
        sent = push(_endpoint(args), built, graph=graph, replace=True)
        print(f"pushed: {sent} triples into graph <{graph}> at {args.endpoint}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    report, checks = validate_files(_graph(args, args.files), engine=args.engine)
    _print_checks(report, checks)
    passed = report.conforms and all(c.passed for c in checks)
    print(f"{len(checks)} stored check(s): {sum(not c.passed for c in checks)} failed")
    return EXIT_OK if passed else EXIT_INVALID


def _parse_params(pairs: Sequence[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise AutokgError(f"--param needs NAME=VALUE, got {pair!r}")
        params[name.strip()] = value
    return params


def _endpoint(args: argparse.Namespace) -> Endpoint:
    credentials = Credentials.from_options(args.user, args.password, args.auth)
    return Endpoint.parse(args.endpoint, credentials=credentials, timeout=args.timeout)


def cmd_query(args: argparse.Namespace) -> int:
    query = find_query(args.name)
    params = _parse_params(args.param)
    if args.endpoint and (args.data or args.store):
        raise AutokgError("give either a graph (--data or --store) or --endpoint, not both")
    if args.endpoint:
        table = remote_query(_endpoint(args), query, params)
    else:
        table = run_query(_graph(args, args.data), query, params)
    text = format_results(table, ResultFormat(args.format))
    if args.out:
        with atomic_output(args.out) as stream:
            stream.write(text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    if query.is_check and table.rows:
        return EXIT_INVALID
    return EXIT_OK


def _graph(args: argparse.Namespace, files: Sequence[Path]) -> GraphStore:
    """The graph a command works on: graph files, or a store that 'build --store' made."""
    if files and args.store:
        raise AutokgError("give graph files or --store, not both")
    if args.store:
        return GraphStore.existing(args.store)
    if not files:
        raise AutokgError("give the graph: graph files (--data FILE) or a store (--store DIR)")
    return load_graph(files)


def cmd_push(args: argparse.Namespace) -> int:
    store = _graph(args, args.data)
    sent = push(_endpoint(args), store, graph=args.graph, replace=args.replace)
    print(f"{sent} triples {'put into' if args.replace else 'added to'} graph <{args.graph}> at {args.endpoint}")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    return serve(args.data, host=args.host, port=args.port, writable=args.writable, location=args.location,
                 announce=lambda message: print(message, flush=True))


def cmd_queries(args: argparse.Namespace) -> int:
    for query in stored_queries():
        params = ", ".join(p.name + (f"={p.default}" if p.default else "") for p in query.parameters)
        kind = "check" if query.is_check else "query"
        print(f"{query.name:<36} {kind:<6} {query.summary}" + (f"  [params: {params}]" if params else ""))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    fmt = RdfFormat.parse(args.format) if args.format else RdfFormat.for_path(args.out or "x.ttl")
    if args.data and len(args.data) == 1 and not args.store:
        # one graph file: converted as a stream, no store needed (several are merged in a store)
        def run(stream: IO[bytes]) -> int:
            return convert(args.data[0], stream, format=fmt)
    else:
        store = _graph(args, args.data)

        def run(stream: IO[bytes]) -> int:
            write(store, stream, format=fmt)
            return len(store)
    if args.out in (None, "-"):
        with os.fdopen(os.dup(sys.stdout.fileno()), "wb") as stream:
            run(stream)
    else:
        with atomic_output(args.out) as stream:
            count = run(stream)
        print(f"{count} triples written to {args.out} ({fmt.name.replace('_', '-')})", file=sys.stderr)
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate

    reports = evaluate(args.folder, parts=[args.part] if args.part != "all" else ["tune", "test"])
    for report in reports:
        print("\n".join(report.lines()))
        if args.errors:
            for metric, score in report.scores.items():
                for miss in score.misses:
                    print(f"    {metric}: {miss}")
    return EXIT_OK


def _remote_options(p: argparse.ArgumentParser, *, required: bool, graph_default: str | None = None,
                    graph_help: str | None = None) -> None:
    group = p.add_argument_group("remote server")
    group.add_argument("--endpoint", required=required, metavar="URL",
                       help="server URL: an Oxigraph server's base URL, a /sparql or /query endpoint, or "
                       "Virtuoso's /sparql-graph-crud-auth")
    if graph_help:
        group.add_argument("--graph", default=graph_default, metavar="IRI", help=graph_help)
    group.add_argument("--user", help=f"user for HTTP authentication (or set {USER_VARIABLE})")
    group.add_argument("--password", help=f"password (better: set {PASSWORD_VARIABLE})")
    group.add_argument("--auth", choices=["digest", "basic"], default="digest",
                       help="HTTP authentication scheme (default: digest)")
    group.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the server (default: 30)")


def _store_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", type=Path, metavar="DIR",
                   help="use the on-disk store that 'autokg build --store DIR' made instead of graph files")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="autokg",
        description="Automotive trade-press articles in, a validated and linked RDF knowledge graph out.",
        epilog="Exit codes: 0 ok, 1 SHACL violations or a failed check, 2 usage or input error.",
    )
    top.add_argument("--version", action="version", version=f"autokg {__version__}")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser("build", help="read article files, build the graph, validate it and write it",
                            description="Read article listings (.txt), JSON Lines (.jsonl) or CSV (.csv), "
                            "extract and link what they report, validate the graph and write it atomically.")
    p.add_argument("files", nargs="+", type=Path, help="article files")
    p.add_argument("--out", type=Path,
                   help="where to write the graph (default: build/autokg.ttl, or none with --store)")
    p.add_argument("--store", type=Path, metavar="DIR",
                   help="build into the on-disk store in DIR, adding to what it holds; query, export, "
                   "validate and serve (--location DIR) use it as it is. For large corpora.")
    p.add_argument("--input-format", choices=[f.value for f in Format],
                   help="read every file as this format instead of guessing from its extension")
    p.add_argument("--out-format", choices=[f.value for f in RdfFormat],
                   help="output format (default: from the --out extension)")
    _remote_options(p, required=False, graph_default=None,
                    graph_help="named graph to build into (default: one graph per set of input files, "
                    "so rebuilding the same files replaces it)")
    p.set_defaults(run=cmd_build)

    p = commands.add_parser("validate", help="check graph files against the SHACL shapes and stored checks",
                            description="Validate graph files against ontology/shapes.ttl and run every "
                            "*-violation.rq check. Exit 1 on any violation.")
    p.add_argument("files", nargs="*", type=Path, help="graph files (.ttl, .nt, .trig, .nq, .jsonld)")
    _store_option(p)
    p.add_argument("--engine", choices=ENGINES, default="sparql",
                   help="sparql: the shapes compiled to SPARQL, run on Oxigraph (fast, the default); "
                   "pyshacl: pySHACL on an rdflib copy of the graph (the reference, slow on large graphs)")
    p.set_defaults(run=cmd_validate)

    p = commands.add_parser("query", help="run a stored query on a graph",
                            description="Run a stored query (see 'autokg queries') on graph files.")
    p.add_argument("name", help="stored query name, or a path to a .rq file")
    p.add_argument("--data", type=Path, action="append", default=[], help="graph file (repeatable)")
    _store_option(p)
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="query parameter (repeatable), bound as an RDF term")
    p.add_argument("--format", choices=[f.value for f in ResultFormat], default="table",
                   help="output format (default: table; json is SPARQL 1.1 JSON results)")
    p.add_argument("--out", type=Path, help="write to this file instead of standard output")
    _remote_options(p, required=False)
    p.set_defaults(run=cmd_query)

    p = commands.add_parser("queries", help="list the stored queries with their summaries",
                            description="List the stored queries in queries/ with their summaries and parameters.")
    p.set_defaults(run=cmd_queries)

    p = commands.add_parser("export", help="write a graph as Turtle, N-Triples, TriG, N-Quads or JSON-LD",
                            description="Convert graph files (or a store) to an RDF format, atomically.")
    p.add_argument("--data", type=Path, action="append", default=[], help="graph file (repeatable)")
    _store_option(p)
    p.add_argument("--format", choices=[f.value for f in RdfFormat],
                   help="output format (default: from the --out extension)")
    p.add_argument("--out", help="output file, or - for standard output (default)")
    p.set_defaults(run=cmd_export)

    p = commands.add_parser("push", help="send a graph into a named graph of a SPARQL server",
                            description="Send graph files to a server with the SPARQL 1.1 Graph Store HTTP "
                            "Protocol: POST adds to the named graph, --replace PUTs (replaces) it. Retries with "
                            "back-off when the server answers 429 or 503.")
    p.add_argument("--data", type=Path, action="append", default=[], help="graph file (repeatable)")
    _store_option(p)
    p.add_argument("--replace", action="store_true", help="replace the named graph instead of adding to it")
    _remote_options(p, required=True, graph_default=DEFAULT_GRAPH,
                    graph_help=f"named graph to write (default: {DEFAULT_GRAPH})")
    p.set_defaults(run=cmd_push)

    p = commands.add_parser("serve", help="serve graph files as a SPARQL endpoint (Oxigraph server)",
                            description="Load graph files into an Oxigraph store and run the Oxigraph server on "
                            "it: a SPARQL 1.1 endpoint at http://HOST:PORT/query, read-only unless --writable. "
                            "Ctrl-C stops it.")
    p.add_argument("--data", type=Path, action="append", default=[], help="graph file (repeatable)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=7878, help="port (default: 7878)")
    p.add_argument("--writable", action="store_true", help="accept SPARQL updates and graph store writes")
    p.add_argument("--location", type=Path,
                   help="keep the server's store in this folder (default: a temporary folder, removed at exit)")
    p.set_defaults(run=cmd_serve)

    p = commands.add_parser("evaluate", help="score extraction and linking on the development set",
                            description="Extract the articles of data/eval/ and print precision, recall and "
                            "F1 per fact type against data/eval/expected.jsonl, for the tuning part and the "
                            "part kept for measuring only.")
    p.add_argument("--folder", type=Path, default=Path("data/eval"), help="the development set (default: data/eval)")
    p.add_argument("--part", choices=["tune", "test", "all"], default="all", help="which part to score")
    p.add_argument("--errors", action="store_true", help="list every missed and spurious fact")
    p.set_defaults(run=cmd_evaluate)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except AutokgError as exc:
        print(f"autokg: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("autokg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
