"""The straightforward rdflib design, to compare autokg with.

    python bench/baseline.py build FILE... --out GRAPH.ttl [--json OUT]
    python bench/baseline.py validate GRAPH.ttl [--json OUT]
    python bench/baseline.py export GRAPH.ttl --format nt|ttl|trig|jsonld --out FILE [--json OUT]
    python bench/baseline.py session GRAPH.ttl --export-dir DIR [--repeat 7] [--param Q:NAME=VALUE] [--json OUT]

What a first version of autokg would do with rdflib alone: one in-memory ``rdflib.Graph``, rdflib's
SPARQL engine, rdflib's serialisers and pySHACL on the whole graph.

* ``build`` reads and extracts the articles with autokg's own stages (reader, extractor, mapping:
  the text work is the same in both designs), adds every triple to one rdflib graph, validates the
  whole graph with pySHACL against ``ontology/shapes.ttl`` and writes it with rdflib's Turtle
  serialiser.
* ``validate`` parses the Turtle with rdflib and runs pySHACL on the whole graph.
* ``export`` parses the Turtle and writes it with rdflib's serialiser for the format.
* ``session`` parses once, times each stored query (the same text autokg runs, see
  ``bench/workload.py``) with ``Graph.query``, then each serialiser, in process.

Each prints (or writes) the inner timings as JSON; ``bench/run.py`` measures the process as a whole.
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path
from typing import Any

from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import RDF, SH

from autokg.articles import read_articles
from autokg.extract import Extractor
from autokg.mapping import static_triples, to_rdf
from autokg.reference import load_reference
from autokg.resources import shapes_file
from autokg.store import to_rdflib
from timing import add_session_arguments, parse_params, repeat, timed, write_json
from workload import FORMATS, cases


def parse(data: Path) -> Graph:
    return Graph().parse(data, format="turtle")


def shacl(graph: Graph) -> dict[str, Any]:
    """pySHACL on the whole graph, with the features autokg's validation enables."""
    shapes = Graph().parse(shapes_file(), format="turtle")
    conforms, results, _ = shacl_validate(graph, shacl_graph=shapes, inference="none", advanced=True)
    return {"conforms": bool(conforms), "violations": len(set(results.subjects(RDF.type, SH.ValidationResult)))}


def _rdflib(triple: Any) -> tuple[Any, Any, Any]:
    """autokg's mapping makes pyoxigraph triples; this design keeps rdflib terms."""
    return to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)


def build(paths: list[Path], out: Path) -> dict[str, Any]:
    def extract() -> tuple[Graph, int]:
        reference = load_reference()
        extractor = Extractor(reference)
        graph = Graph()
        for triple in static_triples():
            graph.add(_rdflib(triple))
        articles = read_articles(paths, names=reference.name_kind)
        for article in articles:
            for triple in to_rdf(extractor.extract(article)):
                graph.add(_rdflib(triple))
        return graph, len(articles)

    extract_seconds, (graph, articles) = timed(extract)
    validate_seconds, verdict = timed(lambda: shacl(graph))
    write_seconds, _ = timed(lambda: graph.serialize(destination=out, format="turtle"))
    return {"articles": articles, "triples": len(graph), "extract_seconds": extract_seconds,
            "validate_seconds": validate_seconds, "write_seconds": write_seconds} | verdict


def validate(data: Path) -> dict[str, Any]:
    parse_seconds, graph = timed(lambda: parse(data))
    validate_seconds, verdict = timed(lambda: shacl(graph))
    return {"triples": len(graph), "parse_seconds": parse_seconds, "validate_seconds": validate_seconds} | verdict


def export(data: Path, name: str, out: Path) -> dict[str, Any]:
    parse_seconds, graph = timed(lambda: parse(data))
    write_seconds, _ = timed(lambda: graph.serialize(destination=out, format=FORMATS[name]))
    return {"triples": len(graph), "parse_seconds": parse_seconds, "write_seconds": write_seconds,
            "bytes": out.stat().st_size}


def _count_rows(graph: Graph, sparql: str) -> int:
    return len(list(graph.query(sparql)))


def session(data: Path, *, export_dir: Path, times: int, budget: float, timeout: float | None,
            params: dict[str, dict[str, str]]) -> dict[str, Any]:
    load_seconds, graph = timed(lambda: parse(data))
    queries = {}
    for case in cases(params):
        runs = repeat(partial(_count_rows, graph, case.text), times=times, budget=budget, timeout=timeout)
        queries[case.label] = runs.summary() | {"bound": case.bound}
    exports = {}
    export_dir.mkdir(parents=True, exist_ok=True)
    for name, rdflib_name in FORMATS.items():
        target = export_dir / f"baseline.{name}"
        seconds, _ = timed(partial(graph.serialize, destination=target, format=rdflib_name))
        exports[name] = {"seconds": seconds, "triples": len(graph), "bytes": target.stat().st_size}
    return {"load_seconds": load_seconds, "triples": len(graph), "params": params, "queries": queries,
            "exports": exports}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("build", help="articles -> rdflib graph -> pySHACL -> rdflib Turtle")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--out", type=Path, required=True)
    p = commands.add_parser("validate", help="rdflib parse, then pySHACL on the whole graph")
    p.add_argument("data", type=Path)
    p = commands.add_parser("export", help="rdflib parse, then rdflib serialise")
    p.add_argument("data", type=Path)
    p.add_argument("--format", choices=list(FORMATS), required=True)
    p.add_argument("--out", type=Path, required=True)
    p = commands.add_parser("session", help="parse once; time every stored query and every serialiser")
    add_session_arguments(p, param_help="bind a parameterised query (as chosen by bench/ours.py session)")
    for sub in commands.choices.values():
        sub.add_argument("--json", type=Path, help="write the figures here (default: standard output)")
    args = parser.parse_args(argv)
    if args.command == "build":
        figures = build(args.files, args.out)
    elif args.command == "validate":
        figures = validate(args.data)
    elif args.command == "export":
        figures = export(args.data, args.format, args.out)
    else:
        figures = session(args.data, export_dir=args.export_dir, times=args.repeat, budget=args.budget,
                          timeout=args.timeout, params=parse_params(args.param))
    write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
