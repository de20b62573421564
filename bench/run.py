"""The benchmark: autokg against the straightforward rdflib design, on synthetic corpora.

    python bench/run.py --sizes 1000 10000 [--seed 1] [--skip-baseline-above 100000] [--repeat 7]

First it copies autokg's code and data files (``src/autokg``, ``ontology``, ``queries``, ``data``)
into ``bench/corpora/snapshot/``, and every step runs on that copy (``PYTHONPATH`` and
``AUTOKG_HOME``), so that edits to the work tree during a long run cannot mix versions. For each size
it generates the corpus (``bench/generate.py``, into ``bench/corpora/``, reused when already there),
then runs every step as a process of its own under ``/usr/bin/time -v`` and records
its wall time, CPU time (user + system, child processes included), the peak resident set of its
largest process and, sampled every 0.1 s, the peak summed PSS of all its processes (``autokg build``
forks workers):

* ours: ``autokg build`` of the listing file, of the JSON Lines file, and of both (the graph the
  other steps use); ``autokg validate``; each stored query through ``autokg query --store --format
  csv`` (``--repeat`` times each, as a user on the command line waits for it);
  ``bench/ours.py session`` (load once, then each stored query ``--repeat`` times and
  each export format, timed in process); ``autokg export`` to each format; ``bench/ours.py store``
  (an on-disk Oxigraph store bulk-loaded from the Turtle), which each ``autokg query --store``
  process then opens read-only, and ``autokg validate --store`` validates; 1,000 more articles (the
  next seed's corpus) built into an empty store and added to a copy of that store.
* baseline (``bench/baseline.py``, skipped above ``--skip-baseline-above`` articles): the same
  builds, validation, exports and in-process session with rdflib and pySHACL, on the same graph.

The tables go to ``bench/results/bench-<date>-<sizes>.md`` (and the raw figures to ``.json`` beside
it) and are printed. Ratios are baseline time / our time: above 1 means autokg is faster.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from generate import FULL_TEXT_EVERY, corpus_paths
from timing import percentile
from workload import FORMATS

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PYTHON = sys.executable
AUTOKG = str(Path(sys.executable).with_name("autokg"))
PACKAGES = ("autokg", "rdflib", "pyoxigraph", "pyshacl", "oxigraph")
MB = 1024 * 1024
SNAPSHOT = ("src/autokg", "ontology", "queries", "data")
ADDED = 1000  # articles added to each size's store

# -- measuring a process ---------------------------------------------------------------------------


@dataclass
class Measurement:
    """Whole-process figures of one command."""

    command: list[str]
    wall: float
    user: float
    system: float
    max_rss_mb: float
    peak_pss_mb: float
    exit_code: int | None
    timed_out: bool = False
    log: str = ""
    load: float = 0.0  # the machine's 1-minute load average when the step started

    @property
    def cpu(self) -> float:
        return self.user + self.system

    @property
    def ok(self) -> bool:
        return not self.timed_out and self.exit_code is not None


def _parents() -> dict[int, int]:
    """Every process's parent, from /proc."""
    parents = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def _tree_pss_kb(root: int) -> int:
    """Summed proportional set size of the descendants of ``root`` (shared pages counted once)."""
    parents = _parents()
    children: dict[int, list[int]] = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    total, stack = 0, list(children.get(root, []))
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        found = re.search(r"^Pss:\s+(\d+) kB", rollup, re.MULTILINE)
        total += int(found.group(1)) if found else 0
    return total


def _time_field(report: str, name: str) -> str:
    found = re.search(rf"^\s*{re.escape(name)}: (.+)$", report, re.MULTILINE)
    if not found:
        raise RuntimeError(f"/usr/bin/time -v gave no {name!r}:\n{report}")
    return found.group(1).strip()


def snapshot(folder: Path) -> dict[str, str]:
    """Copy autokg's code and data files into ``folder``; the environment that makes a process use them.

    ``PYTHONPATH`` comes before the editable install on ``sys.path``, and ``AUTOKG_HOME`` tells
    autokg (and the generator) where ``ontology/``, ``queries/`` and ``data/`` are.
    """
    shutil.rmtree(folder, ignore_errors=True)
    for name in SNAPSHOT:
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    return os.environ | {"PYTHONPATH": str(folder / "src"), "AUTOKG_HOME": str(folder)}


def measure(command: Sequence[str], *, log: Path, timeout: float, env: dict[str, str],
            stdout: Path | None = None) -> Measurement:
    """Run ``command`` under ``/usr/bin/time -v``; its stderr (and stdout unless given) go to ``log``."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as handle:
        report_path = Path(handle.name)
    peak_pss, timed_out, load = 0, False, os.getloadavg()[0]
    with log.open("wb") as errors, (stdout.open("wb") if stdout else errors) as output:
        start = time.perf_counter()
        process = subprocess.Popen(["/usr/bin/time", "-v", "-o", str(report_path), *command], cwd=ROOT,
                                   stdout=output, stderr=errors, env=env, start_new_session=True)
        peak_pss = _tree_pss_kb(process.pid)
        while True:
            try:
                process.wait(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                peak_pss = max(peak_pss, _tree_pss_kb(process.pid))
                if time.perf_counter() - start > timeout:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
                    timed_out = True
                    break
        wall = time.perf_counter() - start
    report = report_path.read_text()
    report_path.unlink()
    if timed_out:
        return Measurement(list(command), wall, 0.0, 0.0, 0.0, peak_pss / 1024, None, True, str(log), load)
    rss_kb = int(_time_field(report, "Maximum resident set size (kbytes)"))
    status = re.search(r"^\s*Exit status: (\d+)", report, re.MULTILINE)
    return Measurement(list(command), wall, float(_time_field(report, "User time (seconds)")),
                       float(_time_field(report, "System time (seconds)")), rss_kb / 1024,
                       peak_pss / 1024, int(status.group(1)) if status else process.returncode,
                       False, str(log), load)


# -- one size --------------------------------------------------------------------------------------


@dataclass
class Step:
    """A measured step of one design, with what its rate is counted in."""

    name: str
    measurement: Measurement
    amount: float | None = None  # articles or triples the rate divides by the wall time
    unit: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def rate(self) -> float | None:
        if self.amount is None or not self.measurement.ok or self.measurement.wall <= 0:
            return None
        return self.amount / self.measurement.wall


@dataclass
class QueryFigures:
    label: str
    bound: bool
    rows: int | None
    cli: list[Measurement]
    ours: dict[str, Any]
    baseline: dict[str, Any] | None


@dataclass
class SizeResult:
    size: int
    listing: int
    full_text: int
    triples: int
    corpus: Measurement | None  # None: reused from an earlier run
    ours: dict[str, Step]
    baseline: dict[str, Step] | None
    queries: list[QueryFigures]
    ours_session: dict[str, Any]
    baseline_session: dict[str, Any] | None
    store: dict[str, Any]
    params: dict[str, dict[str, str]]
    notes: dict[str, str]


def count_triples(path: Path) -> int:
    """Triples in a Turtle file, streamed so that memory stays flat."""
    return sum(1 for _ in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def first_line(path: str) -> str:
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        if line.strip():
            return line.strip()
    return ""


class SizeRun:
    """Runs every step for one corpus size."""

    def __init__(self, size: int, args: argparse.Namespace, env: dict[str, str]):
        self.size, self.args, self.env = size, args, env
        self.corpora = args.work / f"seed-{args.seed}"
        self.work = self.corpora / str(size)
        self.logs = self.work / "logs"

    def run(self, command: list[str], name: str, *, stdout: Path | None = None) -> Measurement:
        print(f"  [{self.size}] {name}: {shlex.join(command)}", flush=True)
        m = measure(command, log=self.logs / f"{name}.log", timeout=self.args.step_timeout, env=self.env,
                    stdout=stdout)
        status = "timed out" if m.timed_out else f"exit {m.exit_code}"
        print(f"      {m.wall:.2f} s wall, {m.cpu:.2f} s CPU, {m.max_rss_mb:.0f} MB RSS, {status}", flush=True)
        return m

    def corpus(self, size: int | None = None, seed: int | None = None, folder: Path | None = None,
               name: str = "generate") -> tuple[Path, Path, Measurement | None]:
        """The corpus of this size and seed (or of those given), generated unless already there."""
        size, seed, folder = size or self.size, seed or self.args.seed, folder or self.corpora
        listing, full = corpus_paths(folder, size)
        if listing.is_file() and full.is_file():
            return listing, full, None
        m = self.run([PYTHON, str(BENCH / "generate.py"), "--size", str(size), "--seed", str(seed),
                      "--out", str(folder)], name)
        if m.exit_code != 0:
            raise SystemExit(f"the corpus generator failed; see {m.log}")
        return listing, full, m

    def execute(self) -> SizeResult:
        shutil.rmtree(self.work, ignore_errors=True)
        self.work.mkdir(parents=True)
        listing, full, corpus = self.corpus()
        n_full = self.size // FULL_TEXT_EVERY
        n_listing = self.size - n_full
        graph = self.work / "graph.ttl"
        inputs = {"build-listing": ([listing], n_listing), "build-full-text": ([full], n_full),
                  "build-all": ([listing, full], self.size)}
        outputs = {"build-listing": self.work / "listing.ttl", "build-full-text": self.work / "full-text.ttl",
                   "build-all": graph}
        notes: dict[str, str] = {}

        ours: dict[str, Step] = {}
        for name, (files, articles) in inputs.items():
            m = self.run([AUTOKG, "build", *map(str, files), "--out", str(outputs[name])], f"ours-{name}")
            triples = count_triples(outputs[name]) if outputs[name].is_file() else 0
            ours[name] = Step(name, m, articles, "articles", {"triples": triples})
        triples = ours["build-all"].extra["triples"]
        m = self.run([AUTOKG, "validate", str(graph)], "ours-validate")
        notes["ours-validate"] = first_line(m.log)
        ours["validate"] = Step("validate", m, triples, "triples")

        session_json = self.work / "ours-session.json"
        m = self.run([PYTHON, str(BENCH / "ours.py"), "session", str(graph), "--export-dir",
                      str(self.work / "in-process"), "--repeat", str(self.args.repeat), "--budget",
                      str(self.args.query_budget), "--json", str(session_json)], "ours-session")
        ours["session"] = Step("session", m)
        ours_session = json.loads(session_json.read_text())
        params: dict[str, dict[str, str]] = ours_session["params"]

        store_json = self.work / "ours-store.json"
        m = self.run([PYTHON, str(BENCH / "ours.py"), "store", str(graph), "--dir", str(self.work / "oxigraph"),
                      "--json", str(store_json)], "ours-store")
        ours["store"] = Step("store", m, triples, "triples")
        store = json.loads(store_json.read_text()) | {"turtle_bytes": graph.stat().st_size}
        # the CLI's queries run on that store, opened read-only, as a user with a large graph runs them
        queries = self.cli_queries(self.work / "oxigraph", ours_session)
        m = self.run([AUTOKG, "validate", "--store", str(self.work / "oxigraph")], "ours-validate-store")
        notes["ours-validate-store"] = first_line(m.log)
        ours["validate-store"] = Step("validate-store", m, triples, "triples")
        ours.update(self.additions(notes))
        for name in FORMATS:
            target = self.work / "exports" / f"ours.{name}"
            m = self.run([AUTOKG, "export", "--data", str(graph), "--format", name, "--out", str(target)],
                         f"ours-export-{name}")
            ours[f"export-{name}"] = Step(f"export-{name}", m, triples, "triples",
                                          {"bytes": target.stat().st_size if target.is_file() else 0})

        baseline: dict[str, Step] | None = None
        baseline_session: dict[str, Any] | None = None
        if self.size <= self.args.skip_baseline_above:
            baseline, baseline_session = self.baseline(inputs, graph, triples, params, notes)
            for figures in queries:
                figures.baseline = baseline_session["queries"].get(figures.label)
        return SizeResult(self.size, n_listing, n_full, triples, corpus, ours, baseline, queries,
                          ours_session, baseline_session, store, params, notes)

    def additions(self, notes: dict[str, str]) -> dict[str, Step]:
        """The same 1,000 more articles (the next seed's corpus) built into an empty store, and
        added to a copy of the store of this size: time proportional to the batch, not the store."""
        seed = self.args.seed + 1
        listing, full, _ = self.corpus(ADDED, seed, self.corpora.parent / f"additions-seed-{seed}", "generate-additions")
        steps = {}
        for name in ("add-empty", "add"):
            store = self.work / f"store-{name}"
            shutil.rmtree(store, ignore_errors=True)
            if name == "add":
                shutil.copytree(self.work / "oxigraph", store)
            m = self.run([AUTOKG, "build", str(listing), str(full), "--store", str(store)], f"ours-{name}")
            notes[f"ours-{name}"] = next((line for line in Path(m.log).read_text(errors="replace").splitlines()
                                          if line.startswith("articles:")), "")  # how many were new to the store
            steps[name] = Step(name, m, ADDED, "articles")
            shutil.rmtree(store, ignore_errors=True)
        return steps

    def cli_queries(self, graph: Path, session: dict[str, Any]) -> list[QueryFigures]:
        """Each stored query as one ``autokg query --store`` process on the on-disk store ``graph``."""
        out = []
        for label, figures in session["queries"].items():
            name = label.split(" ", 1)[0]
            params = session["params"].get(name, {}) if figures["bound"] else {}
            command = [AUTOKG, "query", name, "--store", str(graph), "--format", "csv"]
            for key, value in sorted(params.items()):
                command += ["--param", f"{key}={value}"]
            runs = [self.run(command, f"ours-query-{name}{'-bound' if params else ''}-{i}",
                             stdout=Path(os.devnull)) for i in range(self.args.repeat)]
            out.append(QueryFigures(label, figures["bound"], figures.get("rows"), runs, figures, None))
        return out

    def baseline(self, inputs: dict[str, tuple[list[Path], int]], graph: Path, triples: int,
                 params: dict[str, dict[str, str]], notes: dict[str, str]) -> tuple[dict[str, Step], dict[str, Any]]:
        script = str(BENCH / "baseline.py")
        steps: dict[str, Step] = {}
        for name, (files, articles) in inputs.items():
            figures = self.work / f"baseline-{name}.json"
            m = self.run([PYTHON, script, "build", *map(str, files), "--out", str(self.work / f"baseline-{name}.ttl"),
                          "--json", str(figures)], f"baseline-{name}")
            extra = json.loads(figures.read_text()) if m.exit_code == 0 else {}
            steps[name] = Step(name, m, articles, "articles", extra)
        figures = self.work / "baseline-validate.json"
        m = self.run([PYTHON, script, "validate", str(graph), "--json", str(figures)], "baseline-validate")
        extra = json.loads(figures.read_text()) if m.exit_code == 0 else {}
        steps["validate"] = Step("validate", m, triples, "triples", extra)
        if extra:
            notes["baseline-validate"] = ("conforms" if extra["conforms"] else
                                          f"does not conform: {extra['violations']} violation(s)")
        for name in FORMATS:
            figures = self.work / f"baseline-export-{name}.json"
            target = self.work / "exports" / f"baseline.{name}"
            m = self.run([PYTHON, script, "export", str(graph), "--format", name, "--out", str(target),
                          "--json", str(figures)], f"baseline-export-{name}")
            extra = json.loads(figures.read_text()) if m.exit_code == 0 else {}
            steps[f"export-{name}"] = Step(f"export-{name}", m, triples, "triples", extra)
        session_json = self.work / "baseline-session.json"
        command = [PYTHON, script, "session", str(graph), "--export-dir", str(self.work / "in-process"),
                   "--repeat", str(self.args.repeat), "--budget", str(self.args.query_budget),
                   "--timeout", str(self.args.query_timeout), "--json", str(session_json)]
        for query, values in sorted(params.items()):
            command += [f"--param={query}:{key}={value}" for key, value in sorted(values.items())]
        m = self.run(command, "baseline-session")
        steps["session"] = Step("session", m)
        return steps, json.loads(session_json.read_text())


# -- the report ------------------------------------------------------------------------------------


def number(value: float | None, digits: int = 0) -> str:
    """A figure with thousands separators."""
    return "n/a" if value is None else f"{value:,.{digits}f}"


def seconds(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.3f}" if value < 1 else f"{value:,.2f}" if value < 100 else f"{value:,.0f}"


def milliseconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 1000:,.1f}" if value < 10 else f"{value * 1000:,.0f}"


def ratio(baseline: float | None, ours: float | None) -> str:
    if baseline is None or ours is None or ours <= 0:
        return "n/a"
    return f"{baseline / ours:,.1f}x"


def rate_text(step: Step) -> str:
    if step.rate is None:
        return ""
    text = f"{number(step.rate)} {step.unit}/s"
    if step.unit == "articles" and step.extra.get("triples") and step.measurement.ok:
        text += f"; {number(step.extra['triples'] / step.measurement.wall)} triples/s"
    return text


def cells(step: Step | None) -> list[str]:
    if step is None:
        return [""] * 5
    m = step.measurement
    if m.timed_out:
        return [f"> {seconds(m.wall)} (timed out)", "", "", number(m.peak_pss_mb), ""]
    pss = number(m.peak_pss_mb) if m.peak_pss_mb else "-"  # a process that ended before the first sample
    return [seconds(m.wall), seconds(m.cpu), number(m.max_rss_mb), pss, rate_text(step)]


STEP_TITLES = {
    "build-listing": "build: listing lines only",
    "build-full-text": "build: full JSON Lines articles only",
    "build-all": "build: both files (the graph below)",
    "validate": "validate the graph (SHACL)",
    "session": "in-process session (load, queries x repeat, exports)",
    "export-nt": "export N-Triples",
    "export-ttl": "export Turtle",
    "export-trig": "export TriG",
    "export-jsonld": "export JSON-LD",
    "store": "on-disk Oxigraph store (bulk load)",
    "validate-store": "validate that store (`validate --store`)",
    "add-empty": f"build {ADDED:,} more articles (next seed) into an empty store",
    "add": f"add the same {ADDED:,} to a copy of that store",
}


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines + [""]


def size_report(result: SizeResult, args: argparse.Namespace) -> list[str]:
    out = [f"## {result.size:,} articles", ""]
    corpus = ("reused from an earlier run" if result.corpus is None
              else f"generated in {seconds(result.corpus.wall)} s, {number(result.corpus.max_rss_mb)} MB max RSS")
    out += [(f"{result.listing:,} listing lines and {result.full_text:,} full articles (seed {args.seed}, "
             f"corpus {corpus}); the graph has {result.triples:,} triples."), ""]
    loads = [s.measurement.load for side in (result.ours, result.baseline or {}) for s in side.values()]
    loads += [m.load for q in result.queries for m in q.cli]
    out += [(f"The machine's 1-minute load average when the steps started: {min(loads):.2f} to {max(loads):.2f} "
             f"({os.cpu_count()} CPUs); other work on the machine lengthens wall times more than CPU times."), ""]
    skipped = result.baseline is None
    if skipped:
        out += [f"Baseline not run at this size (above --skip-baseline-above {args.skip_baseline_above:,}).", ""]

    out += ["### Whole-process steps", ""]
    rows = []
    for key, title in STEP_TITLES.items():
        ours = result.ours.get(key)
        base = result.baseline.get(key) if result.baseline else None
        if ours is None:
            continue
        if base is None and key in ("store", "validate-store", "add-empty", "add"):
            base_cells = ["no on-disk store in the baseline design", "", "", "", ""]
        elif skipped:
            base_cells = ["not run", "", "", "", ""]
        else:
            base_cells = cells(base)
        compare = "n/a"
        if base is not None and base.measurement.ok and key != "session":  # sessions repeat differently
            compare = ratio(base.measurement.wall, ours.measurement.wall)
        rows.append([title, *cells(ours), *base_cells, compare])
    out += table(["step", "ours wall s", "ours CPU s", "ours max RSS MB", "ours peak PSS MB", "ours rate",
                  "baseline wall s", "baseline CPU s", "baseline max RSS MB", "baseline peak PSS MB",
                  "baseline rate", "ratio"], rows)
    failed = [f"{name} exited {s.measurement.exit_code}" for side in (result.ours, result.baseline or {})
              for name, s in side.items() if s.measurement.exit_code not in (0, None)]
    for key, note in sorted(result.notes.items()):
        out.append(f"- {key}: {note}")
    if failed:
        out.append("- non-zero exits (figures kept; see the logs): " + "; ".join(sorted(set(failed))))
    base_builds = result.baseline or {}
    for key in ("build-listing", "build-full-text", "build-all"):
        extra = base_builds[key].extra if key in base_builds else {}
        if extra:
            ours_triples = result.ours[key].extra.get("triples")
            out.append(f"- baseline {key}: extraction {seconds(extra['extract_seconds'])} s, pySHACL "
                       f"{seconds(extra['validate_seconds'])} s, rdflib Turtle {seconds(extra['write_seconds'])} s; "
                       f"{extra['triples']:,} triples (ours {ours_triples:,})")
    out.append("")

    out += ["### Stored queries", ""]
    rows, differ = [], []
    for q in result.queries:
        walls = [m.wall for m in q.cli if m.ok]
        theirs = q.baseline
        base_p50 = theirs.get("p50") if theirs else None
        if theirs and "timeout" in theirs and not theirs.get("runs"):
            base_text = [f"> {number(theirs['timeout'] * 1000)} (timed out)", ""]
        elif theirs:
            base_text = [milliseconds(theirs.get("p50")), milliseconds(theirs.get("p95"))]
        else:
            base_text = ["not run", ""]
        runs = f"{q.ours['runs']}/{theirs['runs'] if theirs else '-'}"
        row_count = number(q.rows)
        if theirs and theirs.get("rows") is not None and theirs["rows"] != q.rows:
            row_count += f" (baseline {number(theirs['rows'])})"
            differ.append(q.label)
        rows.append([q.label, row_count, seconds(percentile(walls, 50)) if walls else "n/a",
                     seconds(percentile(walls, 95)) if walls else "n/a", milliseconds(q.ours.get("p50")),
                     milliseconds(q.ours.get("p95")), *base_text, runs, ratio(base_p50, q.ours.get("p50"))])
    out += table(["query", "rows", "ours CLI p50 s", "ours CLI p95 s", "ours in-process p50 ms",
                  "ours in-process p95 ms", "baseline in-process p50 ms", "baseline in-process p95 ms",
                  "runs ours/baseline", "ratio (p50)"], rows)
    if differ:
        out += [f"- the designs returned different numbers of rows for: {', '.join(differ)}", ""]
    elif result.baseline_session:
        out += ["- both designs returned the same number of rows for every query both finished", ""]

    out += ["### In-process operations (one load, timed inside the session process)", ""]
    ours_s, base_s = result.ours_session, result.baseline_session
    rows = [["load the Turtle", seconds(ours_s["load_seconds"]), number(result.triples / ours_s["load_seconds"]),
             seconds(base_s["load_seconds"]) if base_s else "not run",
             number(result.triples / base_s["load_seconds"]) if base_s else "",
             ratio(base_s["load_seconds"] if base_s else None, ours_s["load_seconds"])]]
    for name in FORMATS:
        ours_e = ours_s["exports"][name]
        base_e = base_s["exports"][name] if base_s else None
        rows.append([f"serialise {name}", seconds(ours_e["seconds"]), number(result.triples / ours_e["seconds"]),
                     seconds(base_e["seconds"]) if base_e else "not run",
                     number(result.triples / base_e["seconds"]) if base_e else "",
                     ratio(base_e["seconds"] if base_e else None, ours_e["seconds"])])
    out += table(["operation", "ours s", "ours triples/s", "baseline s", "baseline triples/s", "ratio"], rows)

    out += ["### Size on disk", ""]
    rows = [["Turtle written by `autokg build`", number(result.store["turtle_bytes"] / MB, 1),
             number(result.store["turtle_bytes"] / result.triples, 1)],
            [f"Oxigraph on-disk store (bulk load {seconds(result.store['bulk_load_seconds'])} s)",
             number(result.store["bytes"] / MB, 1), number(result.store["bytes"] / result.triples, 1)]]
    for name in FORMATS:
        for side, figures in (("ours", ours_s), ("baseline", base_s)):
            if figures:
                size = figures["exports"][name]["bytes"]
                rows.append([f"{name}, {'autokg' if side == 'ours' else 'rdflib'} serialiser", number(size / MB, 1),
                             number(size / result.triples, 1)])
    out += table(["what", "MB", "bytes/triple"], rows)
    return out


# -- targets ---------------------------------------------------------------------------------------


Row = list[str]


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def _build_targets(results: list[SizeResult]) -> list[Row]:
    rows = []
    for key, label, goal in (("build-listing", "build, listing lines", 5000),
                             ("build-full-text", "build, full-text articles", 500)):
        measured = [(r.size, rate) for r in results if (rate := r.ours[key].rate) is not None]
        text = "; ".join(f"{s:,}: {number(v)} articles/s" for s, v in measured) or "n/a"
        rows.append([f"{label} >= {goal:,} articles/s", text,
                     _verdict(all(v >= goal for _, v in measured)) if measured else "n/a"])
    return rows


def _memory_target(results: list[SizeResult]) -> Row:
    rss, pss, size, step = max((s.measurement.max_rss_mb, s.measurement.peak_pss_mb, r.size, k)
                               for r in results for k, s in r.ours.items())
    peak = max(rss, pss)
    return ["peak memory < 1.5 GB (1,536 MB)",
            f"{number(peak)} MB ({step} at {size:,}; max RSS {number(rss)}, all-process PSS {number(pss)})",
            _verdict(peak < 1536)]


def _incremental_target(results: list[SizeResult]) -> Row:
    """Adding 1,000 articles to a store against building them into an empty one, at each size."""
    pairs = [(r.size, r.ours["add"].measurement.wall, r.ours["add-empty"].measurement.wall) for r in results
             if "add" in r.ours and r.ours["add"].measurement.ok and r.ours["add-empty"].measurement.ok]
    text = "; ".join(f"{s:,}: {seconds(a)} s (into an empty store {seconds(e)} s, {a / e:.2f}x)" for s, a, e in pairs)
    title = f"adding {ADDED:,} articles: time proportional to them, not to the store (at most 1.5x into an empty one)"
    return [title, text or "n/a",
            _verdict(all(a <= 1.5 * e for _, a, e in pairs)) if pairs else "n/a"]


def _latency_targets(by_size: dict[int, SizeResult], largest: SizeResult) -> list[Row]:
    rows = []
    title = "SHACL validation of a 1M-article graph < 60 s"
    for key, what in (("validate", "the Turtle file"), ("validate-store", "the store")):
        if 1_000_000 in by_size and key in by_size[1_000_000].ours:
            wall = by_size[1_000_000].ours[key].measurement.wall
            rows.append([f"{title} ({what})", f"{seconds(wall)} s", _verdict(wall < 60)])
        elif key in largest.ours:
            wall = largest.ours[key].measurement.wall
            rows.append([f"{title} ({what})", f"not measured at 1M; {seconds(wall)} s at {largest.size:,}",
                         "not measured"])
    for size, bound, label, goal in ((100_000, False, "stored query p50 < 100 ms at 100k", 0.1),
                                     (1_000_000, True, "parameterised query p50 < 20 ms at 1M", 0.02)):
        chosen = by_size.get(size, largest)
        figures = [(q.label, float(q.ours["p50"])) for q in chosen.queries if q.bound == bound and "p50" in q.ours]
        worst = max(figures, key=lambda f: f[1]) if figures else None
        text = f"slowest {worst[0]}: {milliseconds(worst[1])} ms in process" if worst else "n/a"
        if size in by_size and worst:
            rows.append([label, text, _verdict(worst[1] < goal)])
        else:
            rows.append([label, f"not measured at {size:,}; at {largest.size:,}: {text}", "not measured"])
    return rows


def _export_targets(results: list[SizeResult]) -> list[Row]:
    rows = []
    for name, title in (("nt", "N-Triples"), ("ttl", "Turtle")):
        whole = [(r.size, rate) for r in results if (rate := r.ours[f"export-{name}"].rate) is not None]
        inner = [(r.size, r.triples / r.ours_session["exports"][name]["seconds"]) for r in results]
        text = (f"`autokg export` {', '.join(f'{s:,}: {number(v)}' for s, v in whole)} triples/s; "
                f"in process {', '.join(f'{s:,}: {number(v)}' for s, v in inner)} triples/s")
        verdicts = (f"whole process {_verdict(all(v >= 5e5 for _, v in whole))}, "
                    f"in process {_verdict(all(v >= 5e5 for _, v in inner))}")
        rows.append([f"export {title} >= 500,000 triples/s", text, verdicts])
    return rows


def _ratio_targets(results: list[SizeResult]) -> list[Row]:
    builds: list[tuple[int, float]] = []
    queries: list[tuple[int, float]] = []
    exports: list[tuple[str, float]] = []
    for r in results:
        if r.baseline is None:
            continue
        base, ours = r.baseline["build-all"].measurement, r.ours["build-all"].measurement
        if base.ok:
            builds.append((r.size, base.wall / ours.wall))
        queries += [(r.size, q.baseline["p50"] / q.ours["p50"]) for q in r.queries
                    if q.baseline and "p50" in q.baseline and q.ours.get("p50")]
        exports += [(f"{n} at {r.size:,}", r.baseline[f"export-{n}"].measurement.wall
                     / r.ours[f"export-{n}"].measurement.wall)
                    for n in FORMATS if r.baseline[f"export-{n}"].measurement.ok]
    if not builds and not queries and not exports:
        return []
    low = min(queries, key=lambda f: f[1]) if queries else None
    query_text = (f"lowest {low[1]:.1f}x (at {low[0]:,}); median {percentile([v for _, v in queries], 50):.1f}x"
                  if low else "n/a")
    return [["build >= 10x faster than the baseline", ", ".join(f"{s:,}: {v:.1f}x" for s, v in builds) or "n/a",
             _verdict(all(v >= 10 for _, v in builds)) if builds else "n/a"],
            ["queries >= 10x faster (in-process p50)", query_text,
             _verdict(all(v >= 10 for _, v in queries)) if queries else "n/a"],
            ["exports >= 10x faster (whole process)", ", ".join(f"{w}: {v:.1f}x" for w, v in exports) or "n/a",
             _verdict(all(v >= 10 for _, v in exports)) if exports else "n/a"]]


def targets_report(results: list[SizeResult]) -> list[str]:
    """Each target of bench/README.md, against the figures of this run."""
    by_size = {r.size: r for r in results}
    largest = max(results, key=lambda r: r.size)
    rows = [*_build_targets(results), _memory_target(results), _incremental_target(results),
            *_latency_targets(by_size, largest),
            *_export_targets(results), *_ratio_targets(results)]
    return ["## Targets (bench/README.md)", "", *table(["target", "measured", "verdict"], rows)]


def code_state() -> str:
    """The work tree's commit, and which of the files the snapshot copies differ from it."""
    def git(*command: str) -> str:
        return subprocess.run(["git", *command], cwd=ROOT, capture_output=True, text=True, check=False).stdout

    changed = changed_files(git("status", "--porcelain", "--", *SNAPSHOT))
    return git("rev-parse", "--short", "HEAD").strip() + (f" with uncommitted changes to {', '.join(changed)}"
                                                          if changed else "")


def changed_files(porcelain: str) -> list[str]:
    """The paths in ``git status --porcelain`` output: each line is two status letters, a space and
    the path (the first letter is often a space, so the output must not be stripped first)."""
    return [line[3:] for line in porcelain.splitlines() if len(line) > 3]


def machine(code_at_start: str, code_at_end: str) -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in PACKAGES)
    code = f"autokg: commit {code_at_start}; every step ran on a copy of {', '.join(SNAPSHOT)} taken when the run started"
    if code_at_end != code_at_start:
        code += f" (the work tree had moved on to {code_at_end} when the run ended)"
    return [(f"- machine: {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu}, "
             f"{memory / 1024 / 1024:.1f} GB RAM, {platform.platform()}"),
            f"- Python {platform.python_version()}; {versions}",
            f"- {code}"]


def report(results: list[SizeResult], args: argparse.Namespace, started: dt.datetime, elapsed: float,
           code_at_start: str) -> str:
    lines = [f"# autokg benchmark, {started:%Y-%m-%d %H:%M}", "",
             (f"`python bench/run.py --sizes {' '.join(map(str, args.sizes))} --seed {args.seed} "
              f"--skip-baseline-above {args.skip_baseline_above} --repeat {args.repeat}`; "
              f"the whole run took {elapsed / 60:.1f} min."), "", *machine(code_at_start, code_state()), "",
             ("Wall and CPU seconds, max RSS (largest single process, from `/usr/bin/time -v`) and peak PSS "
              "(all processes of the step, sampled every 0.1 s) are whole-process figures; rates divide by "
              "the wall time. Ratio = baseline / ours (above 1: autokg is faster). See bench/README.md."), ""]
    for result in results:
        lines += size_report(result, args)
    lines += targets_report(results)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="corpus sizes (articles)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default: 1)")
    parser.add_argument("--skip-baseline-above", type=int, default=100_000,
                        help="run the baseline only up to this many articles (default: 100000)")
    parser.add_argument("--repeat", type=int, default=7, help="runs of each query, CLI and in process (default: 7)")
    parser.add_argument("--query-budget", type=float, default=60.0,
                        help="stop repeating one query in process after this many seconds (default: 60)")
    parser.add_argument("--query-timeout", type=float, default=600.0,
                        help="give up one baseline query run after this many seconds (default: 600)")
    parser.add_argument("--step-timeout", type=float, default=6 * 3600.0,
                        help="kill a step after this many seconds (default: 6 h)")
    parser.add_argument("--work", type=Path, default=BENCH / "corpora",
                        help="corpora, graphs and logs (default: bench/corpora, git-ignored)")
    parser.add_argument("--results", type=Path, default=BENCH / "results", help="where the report goes")
    args = parser.parse_args(argv)
    if not Path("/usr/bin/time").is_file():
        parser.error("needs GNU time at /usr/bin/time (Debian: apt-get install time)")
    started, clock, code_at_start = dt.datetime.now(), time.perf_counter(), code_state()
    env = snapshot(args.work / "snapshot")
    # autokg indexes the GeoNames towns once per machine (see the README); do it before any step
    # is timed, so the first step measures what every later run costs.
    subprocess.run([sys.executable, "-c", "from autokg.reference import geonames_towns; geonames_towns()"],
                   env=env, check=True)
    results = []
    for size in sorted(set(args.sizes)):
        print(f"size {size:,}", flush=True)
        results.append(SizeRun(size, args, env).execute())
    text = report(results, args, started, time.perf_counter() - clock, code_at_start)
    args.results.mkdir(parents=True, exist_ok=True)
    stem = args.results / f"bench-{started:%Y-%m-%d}-{'-'.join(map(str, sorted(set(args.sizes))))}"
    for path, content in ((stem.with_suffix(".md"), text),
                          (stem.with_suffix(".json"), json.dumps([asdict(r) for r in results], indent=1) + "\n")):
        part = path.with_name(path.name + ".tmp")
        part.write_text(content, encoding="utf-8")
        part.replace(path)
    print("\n" + text)
    print(f"written: {stem.with_suffix('.md')} and {stem.with_suffix('.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
