"""Golden graphs: the seed and the sample listing build to the reviewed graphs in tests/golden/,
compared by isomorphism. After a deliberate change, `make golden` rewrites them for review."""

from __future__ import annotations

from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from autokg.pipeline import build
from autokg.vocab import AKG

from .conftest import GOLDEN, SAMPLE_FILES


def _compare(built_path, golden_name):
    built = Graph().parse(built_path, format="turtle")
    golden = Graph().parse(GOLDEN / golden_name, format="turtle")
    if not isomorphic(built, golden):
        _, only_built, only_golden = graph_diff(to_isomorphic(built), to_isomorphic(golden))
        lines = [f"+ {t}" for t in sorted(only_built)][:15] + [f"- {t}" for t in sorted(only_golden)][:15]
        raise AssertionError(f"graph differs from tests/golden/{golden_name}:\n" + "\n".join(lines))


def test_seed_matches_golden(seed_build):
    _compare(seed_build[1], "seed.ttl")


def test_sample_matches_golden(sample_build):
    _compare(sample_build[1], "sample.ttl")


def test_rebuild_is_byte_identical(sample_build, tmp_path):
    again = tmp_path / "again.ttl"
    build(SAMPLE_FILES, again)
    assert again.read_bytes() == sample_build[1].read_bytes()


def test_input_order_and_overlap_do_not_change_the_graph(tmp_path):
    forward, backward = tmp_path / "f.ttl", tmp_path / "b.ttl"
    build(SAMPLE_FILES, forward)
    build(list(reversed(SAMPLE_FILES)) + SAMPLE_FILES, backward)
    first, second = Graph().parse(forward), Graph().parse(backward)
    for graph in (first, second):
        graph.remove((None, AKG.source, None))  # the file line an article was first read from
    assert isomorphic(first, second)


def test_overlapping_input_gives_the_same_graph(tmp_path):
    once, twice = tmp_path / "once.ttl", tmp_path / "twice.ttl"
    build(SAMPLE_FILES, once)
    build(SAMPLE_FILES + SAMPLE_FILES, twice)
    assert isomorphic(Graph().parse(once), Graph().parse(twice))


def test_parallel_batches_give_the_graph_of_one_process(tmp_path):
    """Forked workers and small batches must not change a single triple."""
    from autokg.pipeline import BuildSummary, build_store

    one, two = BuildSummary(), BuildSummary()
    serial = build_store(SAMPLE_FILES, summary=one, workers=1, batch=1000).to_graph()
    parallel = build_store(SAMPLE_FILES, summary=two, workers=2, batch=4).to_graph()
    assert isomorphic(serial, parallel)
    assert (one.articles, one.facts, one.entities) == (two.articles, two.facts, two.entities)
    assert one.ok and two.ok
    # a process sends each entity's description to the store once a build: a second build in the
    # same process must describe them again
    again = build_store(SAMPLE_FILES, workers=1, batch=4).to_graph()
    assert isomorphic(serial, again)


def test_a_process_that_forgets_what_it_sent_gives_the_same_graph(monkeypatch):
    """The set of descriptions a process has sent starts again past SENT_LIMIT, to bound its memory:
    descriptions are then sent twice, which changes nothing."""
    import autokg.pipeline
    from autokg.pipeline import build_store

    serial = build_store(SAMPLE_FILES, workers=1, batch=1000).to_graph()
    monkeypatch.setattr(autokg.pipeline, "SENT_LIMIT", 3)
    assert isomorphic(serial, build_store(SAMPLE_FILES, workers=1, batch=2).to_graph())


def test_large_inputs_are_built_through_a_temporary_store_on_disk(seed_path, tmp_path, monkeypatch):
    """Above LARGE_INPUT bytes the graph is built in an on-disk store beside the output, which is
    removed afterwards; the graph is the same."""
    import autokg.pipeline

    monkeypatch.setattr(autokg.pipeline, "LARGE_INPUT", 0)
    out = tmp_path / "out" / "seed.ttl"
    summary = build([seed_path], out, workers=2)
    assert summary.ok
    _compare(out, "seed.ttl")
    assert [p.name for p in out.parent.iterdir()] == ["seed.ttl"]
