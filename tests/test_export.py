"""Export round trips: what we write parses back, with pyoxigraph and rdflib, to the same graph;
and an independent parser (rapper) accepts our Turtle and N-Triples."""

from __future__ import annotations

import importlib
import json
import subprocess

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from autokg.errors import ExportError, InputError
from autokg.export import atomic_output, convert, export
from autokg.pipeline import build_graph
from autokg.store import GraphStore, RdfFormat, load_graph

from .conftest import require_tool


@pytest.fixture(scope="module")
def built(sample_build):
    return Graph().parse(sample_build[1], format="turtle")


def _read_back(out, fmt: RdfFormat) -> Graph:
    """What rdflib reads from a written file (a dataset's quads as one graph)."""
    if not fmt.is_dataset:
        return Graph().parse(out, format=fmt.rdflib)
    parsed = Dataset()
    parsed.parse(out, format=fmt.rdflib)
    again = Graph()
    for s, p, o, _ in parsed.quads((None, None, None, None)):
        again.add((s, p, o))
    return again


@pytest.mark.parametrize("fmt", list(RdfFormat), ids=[f.value for f in RdfFormat])
def test_round_trip_is_isomorphic(fmt, sample_build, built, tmp_path):
    out = tmp_path / f"graph.{fmt.value}"
    written = export(load_graph([sample_build[1]]), out, format=fmt)
    assert written == len(built)
    again = _read_back(out, fmt)
    assert isomorphic(again, built)
    reloaded = load_graph([out])
    assert len(reloaded) == len(built)
    oxigraph_terms = {str(q.subject) for q in ox.parse(path=str(out), format=fmt.oxigraph)}
    assert oxigraph_terms


@pytest.mark.tools
@pytest.mark.parametrize("fmt", [RdfFormat.TURTLE, RdfFormat.N_TRIPLES], ids=["turtle", "ntriples"])
def test_rapper_accepts_what_we_write(fmt, sample_build, tmp_path):
    rapper = require_tool("rapper")
    out = tmp_path / f"graph.{fmt.value}"
    triples = export(load_graph([sample_build[1]]), out, format=fmt)
    syntax = {"ttl": "turtle", "nt": "ntriples"}[fmt.value]
    result = subprocess.run([rapper, "-q", "-i", syntax, "-c", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    counted = subprocess.run([rapper, "-i", syntax, "-o", "ntriples", str(out)], capture_output=True, text=True)
    assert counted.returncode == 0
    assert len([line for line in counted.stdout.splitlines() if line.strip()]) == triples


def test_failed_export_leaves_the_old_file(tmp_path, sample_build, monkeypatch):
    out = tmp_path / "graph.ttl"
    out.write_text("old content\n", encoding="utf-8")

    def explode(store, stream, *, format):  # half the graph written, then the disk is full
        stream.write(b"<https://example.org/a> <https://example.org/b> ")
        raise ExportError("cannot write TURTLE: disk full")

    monkeypatch.setattr(importlib.import_module("autokg.export"), "write", explode)
    with pytest.raises(ExportError, match="disk full"):
        export(load_graph([sample_build[1]]), out)
    assert out.read_text(encoding="utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_bad_graph_file_names_the_line(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b "unterminated\n',
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.ttl:3: not valid Turtle"):
        load_graph([path])


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80)
       .filter(lambda t: t.strip()))
def test_any_headline_survives_every_format(tmp_path_factory, headline):
    """Quotes, backslashes, braces, non-Latin scripts: what we write parses back the same."""
    folder = tmp_path_factory.mktemp("hyp")
    source = folder / "a.jsonl"
    source.write_text(json.dumps({"title": headline, "author": "Ann Lee"}) + "\n", encoding="utf-8")
    store = GraphStore()
    store.add(build_graph([source]))
    expected = store.to_graph()
    for fmt in (RdfFormat.TURTLE, RdfFormat.N_TRIPLES, RdfFormat.JSON_LD):
        out = folder / f"g.{fmt.value}"
        export(store, out, format=fmt)
        assert isomorphic(Graph().parse(out, format=fmt.rdflib), expected)


def test_large_graph_files_are_loaded_on_disk(sample_build, monkeypatch):
    """Above LARGE_GRAPH bytes a graph file goes into a temporary on-disk store, removed with it."""
    import autokg.store

    monkeypatch.setattr(autokg.store, "LARGE_GRAPH", 0)
    store = load_graph([sample_build[1]])
    assert store.path is not None and store.path.is_dir()
    assert isomorphic(store.to_graph(), Graph().parse(sample_build[1]))
    with pytest.raises(RuntimeError):
        store.store.flush()  # sealed: open read-only, so validation workers may open it too
    folder = store.path
    del store
    import gc

    gc.collect()
    assert not folder.exists()


@pytest.mark.parametrize("fmt", list(RdfFormat), ids=[f.value for f in RdfFormat])
def test_a_graph_file_converted_as_a_stream_is_the_same_graph(fmt, sample_build, built, tmp_path):
    """``autokg export --data FILE`` streams from parser to serialiser (no store): rdflib reads
    back the same graph as from a store, in every format."""
    out = tmp_path / f"streamed.{fmt.value}"
    with atomic_output(out) as stream:
        written = convert(sample_build[1], stream, format=fmt)
    assert written == len(built)
    again = _read_back(out, fmt)
    assert isomorphic(again, built)


def test_a_dataset_converted_to_a_graph_format_keeps_its_default_graph(tmp_path):
    source = tmp_path / "data.trig"
    source.write_text("<https://example.org/a> <https://example.org/p> \"in the default graph\" .\n"
                      "<https://example.org/g> { <https://example.org/b> <https://example.org/p> \"named\" . }\n",
                      encoding="utf-8")
    out = tmp_path / "out.nt"
    with atomic_output(out) as stream:
        assert convert(source, stream, format=RdfFormat.N_TRIPLES) == 1
    assert "in the default graph" in out.read_text(encoding="utf-8")


def test_a_bad_file_converted_names_its_line_and_leaves_no_output(tmp_path):
    source = tmp_path / "bad.ttl"
    source.write_text("<https://example.org/a> <https://example.org/p> \"x\" .\n"
                      "<https://example.org/a> <https://example.org/p> .\n", encoding="utf-8")
    out = tmp_path / "out.nt"
    with pytest.raises(InputError) as error, atomic_output(out) as stream:
        convert(source, stream, format=RdfFormat.N_TRIPLES)
    assert error.value.line == 2 and "bad.ttl" in str(error.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.ttl"]


def test_a_file_written_whole_gets_the_mode_a_file_written_in_place_would(tmp_path):
    """The graph written through a temporary file kept that file's private mode (0600), so a group
    sharing the folder could not read `build/autokg.ttl`. A new file now gets what the umask leaves
    of read and write for all; a file it replaces keeps its own mode."""
    import os
    import stat

    old = os.umask(0o022)
    try:
        new = tmp_path / "new.nt"
        with atomic_output(new) as stream:
            stream.write(b"")
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        kept = tmp_path / "kept.nt"
        kept.write_bytes(b"")
        kept.chmod(0o640)
        with atomic_output(kept) as stream:
            stream.write(b"")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    finally:
        os.umask(old)
