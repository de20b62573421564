"""In-process timing shared by ``bench/ours.py`` and ``bench/baseline.py``.

Both scripts run in a process of their own (``bench/run.py`` measures that process as a whole) and
time their inner operations with these helpers, so that our figures and the baseline's are taken
the same way.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) with linear interpolation between the two nearest ranks.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 50)
    2.5
    >>> percentile([5.0], 95)
    5.0
    """
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeoutError` in the block after ``seconds`` of wall time (None: never).

    Works for pure-Python work such as rdflib's SPARQL engine, which checks for signals between
    bytecodes; a long call into native code is interrupted when it returns.
    """
    if not seconds:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Runs:
    """Wall times (seconds) of repeated runs of one operation, and what the last run returned."""

    seconds: list[float] = field(default_factory=list)
    timed_out: float | None = None  # the per-run limit, when a run exceeded it
    rows: int | None = None

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {"runs": len(self.seconds), "seconds": self.seconds, "rows": self.rows}
        if self.seconds:
            out["p50"] = percentile(self.seconds, 50)
            out["p95"] = percentile(self.seconds, 95)
        if self.timed_out is not None:
            out["timeout"] = self.timed_out
        return out


def repeat(operation: Callable[[], int], *, times: int, budget: float, timeout: float | None) -> Runs:
    """Run ``operation`` (which returns a row count) up to ``times`` times.

    Stops early once the runs so far took ``budget`` seconds in all (after at least one run), and
    when a run exceeds ``timeout`` seconds (that run is not counted; ``timed_out`` says so).
    """
    runs = Runs()
    for _ in range(times):
        start = time.perf_counter()
        try:
            with deadline(timeout):
                runs.rows = operation()
        except TimeoutError:
            runs.timed_out = timeout
            break
        runs.seconds.append(time.perf_counter() - start)
        if sum(runs.seconds) >= budget:
            break
    return runs


def timed(operation: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds one call took, and what it returned."""
    start = time.perf_counter()
    result = operation()
    return time.perf_counter() - start, result


def parse_params(pairs: list[str]) -> dict[str, dict[str, str]]:
    """``QUERY:NAME=VALUE`` options as {query: {name: value}}."""
    out: dict[str, dict[str, str]] = {}
    for pair in pairs:
        query, sep, binding = pair.partition(":")
        name, eq, value = binding.partition("=")
        if not sep or not eq or not query or not name:
            raise SystemExit(f"--param needs QUERY:NAME=VALUE, got {pair!r}")
        out.setdefault(query, {})[name] = value
    return out


def write_json(path: Path | None, data: dict[str, Any]) -> None:
    """The figures as JSON, to ``path`` or standard output."""
    text = json.dumps(data, indent=1, default=lambda o: asdict(o) if hasattr(o, "__dataclass_fields__") else str(o))
    if path is None:
        sys.stdout.write(text + "\n")
    else:
        path.write_text(text + "\n", encoding="utf-8")


def add_session_arguments(parser: argparse.ArgumentParser, *, param_help: str) -> None:
    """The options both sides' ``session`` command takes, so they time the same work."""
    parser.add_argument("data", type=Path)
    parser.add_argument("--export-dir", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=7, help="runs of each query (default: 7)")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="stop repeating a query after this many seconds")
    parser.add_argument("--timeout", type=float, default=None, help="give up a query run after this many seconds")
    parser.add_argument("--param", action="append", default=[], metavar="QUERY:NAME=VALUE", help=param_help)
