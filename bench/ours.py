"""autokg's own design, in process: the figures a long-running user of the library sees.

    python bench/ours.py session GRAPH.ttl --export-dir DIR [--repeat 7] [--json OUT]
    python bench/ours.py store GRAPH.ttl --dir DIR [--json OUT]

``session`` loads the graph once into the embedded store (:func:`autokg.load_graph`), times every
stored query with :func:`autokg.run_query` (``--repeat`` runs each; the stored queries with
parameters are also run bound, see ``bench/workload.py``), then writes the graph in each export
format with :func:`autokg.export`. ``store`` bulk-loads the Turtle into an on-disk Oxigraph store and
reports its size. Both print (or write) their figures as JSON for ``bench/run.py``; ``bench/run.py``
measures each process as a whole as well.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from functools import partial
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from autokg import RdfFormat, export, load_graph, run_query
from autokg.store import GraphStore
from timing import add_session_arguments, parse_params, repeat, timed, write_json
from workload import FORMATS, Case, cases, pick_params


def _first_value(store: GraphStore, sparql: str) -> str | None:
    solutions = store.store.query(sparql)
    assert isinstance(solutions, ox.QuerySolutions)
    for solution in solutions:
        term = solution["value"]
        return None if term is None else term.value
    return None


def _count_rows(store: GraphStore, case: Case) -> int:
    return len(run_query(store, case.query, case.params).rows)


def session(data: Path, *, export_dir: Path, times: int, budget: float, timeout: float | None,
            params: dict[str, dict[str, str]]) -> dict[str, Any]:
    load_seconds, store = timed(lambda: load_graph([data]))
    chosen = params or pick_params(lambda sparql: _first_value(store, sparql))
    queries = {}
    for case in cases(chosen):
        runs = repeat(partial(_count_rows, store, case), times=times, budget=budget, timeout=timeout)
        queries[case.label] = runs.summary() | {"bound": case.bound}
    exports = {}
    export_dir.mkdir(parents=True, exist_ok=True)
    for name in FORMATS:
        target = export_dir / f"ours.{name}"
        seconds, written = timed(partial(export, store, target, format=RdfFormat.parse(name)))
        exports[name] = {"seconds": seconds, "triples": written, "bytes": target.stat().st_size}
    return {"load_seconds": load_seconds, "triples": len(store), "params": chosen, "queries": queries,
            "exports": exports}


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def on_disk_store(data: Path, folder: Path) -> dict[str, Any]:
    shutil.rmtree(folder, ignore_errors=True)

    def bulk_load() -> int:
        store = GraphStore(folder)
        store.load(data)  # autokg's on-disk loading: the bulk loader, half a million triples at a time
        store.flush()
        return len(store)

    seconds, triples = timed(bulk_load)
    return {"bulk_load_seconds": seconds, "triples": triples, "bytes": folder_bytes(folder)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("session", help="load once; time every stored query and every export format")
    add_session_arguments(p, param_help="bind a parameterised query (default: values chosen by bench/workload.py's probes)")
    p.add_argument("--json", type=Path, help="write the figures here (default: standard output)")
    p = commands.add_parser("store", help="bulk-load into an on-disk Oxigraph store; report its size")
    p.add_argument("data", type=Path)
    p.add_argument("--dir", type=Path, required=True)
    p.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.command == "session":
        figures = session(args.data, export_dir=args.export_dir, times=args.repeat, budget=args.budget,
                          timeout=args.timeout, params=parse_params(args.param))
    else:
        figures = on_disk_store(args.data, args.dir)
    write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
