"""Adding articles to a store: the stored checks look at what the new batches touch."""

from __future__ import annotations

import pyoxigraph as ox

from autokg.pipeline import BuildSummary, build_store, validate_files
from autokg.store import GraphStore

ID = "https://w3id.org/autokg/id/"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def failed(summary: BuildSummary) -> dict[str, list[list[str]]]:
    return {c.name: c.rows.values() for c in summary.checks if not c.passed}


def test_a_conflict_with_what_the_store_holds_is_caught_when_adding(seed_path, tmp_path):
    store = GraphStore(tmp_path / "store")
    polestar, elsewhere = ox.NamedNode(ID + "org/polestar"), ox.NamedNode(ID + "org/not-in-the-seed")
    store.store.extend([ox.Quad(polestar, LABEL, ox.Literal("Polestar Holding AB")),
                        ox.Quad(elsewhere, LABEL, ox.Literal("One")), ox.Quad(elsewhere, LABEL, ox.Literal("Two"))])
    summary = BuildSummary()
    build_store([seed_path], summary=summary, store=store, workers=1)
    problems = failed(summary)
    # the seed's Polestar meets the label the store gave it; the untouched conflict is not looked at
    assert list(problems) == ["entity-with-two-labels-violation"], problems
    assert [row[0] for row in problems["entity-with-two-labels-violation"]] == [ID + "org/polestar"]
    # a full validation of the store sees both
    _, checks = validate_files(store)
    (labels,) = [c for c in checks if c.name == "entity-with-two-labels-violation"]
    assert sorted(row[0] for row in labels.rows.values()) == [ID + "org/not-in-the-seed", ID + "org/polestar"]


def test_adding_the_same_articles_again_adds_nothing(seed_path, tmp_path):
    store = GraphStore(tmp_path / "store")
    first = BuildSummary()
    build_store([seed_path], summary=first, store=store, workers=1)
    triples = len(store)
    again = BuildSummary()
    build_store([seed_path], summary=again, store=store, workers=1)
    assert (again.articles, again.already_stored, len(store)) == (0, first.articles, triples)
    assert again.ok


def test_adding_to_a_store_counts_what_it_wrote_not_the_whole_store(seed_path, tmp_path):
    """Counting a store's triples reads all of it (12 s at a million articles, twice a build): a
    build that adds to a store reports the triples it wrote, and tells an empty store by its first."""
    store = GraphStore(tmp_path / "store")
    assert store.is_empty()
    first = BuildSummary()
    build_store([seed_path], summary=first, store=store, workers=1)
    assert not store.is_empty() and not first.added_to_store and first.triples == len(store)
    store.store.extend([ox.Quad(ox.NamedNode(ID + "org/elsewhere"), LABEL, ox.Literal("Elsewhere"))])
    before = len(store)
    more = tmp_path / "more.txt"
    more.write_text("Polestar starts building the Polestar 7 in Kosice The carmaker began production at its new "
                    "Slovak plant in 2028. Jana Novak\n", encoding="utf-8")
    added = BuildSummary()
    build_store([more], summary=added, store=store, workers=1)
    assert added.added_to_store and added.articles == 1
    assert 0 < len(store) - before <= added.triples < before


def test_a_new_build_runs_the_per_batch_checks_on_each_batch(seed_path, tmp_path, monkeypatch):
    """evidence-outside-article took 80 s on the whole store at the end of a build of a million
    articles; its violations lie within one batch (a fact's evidence and sources are written
    together), so a new build runs it on each batch. A writer that loses the sources is caught."""
    from autokg import mapping
    from autokg.pipeline import PER_BATCH, run_checks
    from autokg.queries import stored_queries

    assert [q.name for q in stored_queries() if PER_BATCH in q.tags] == ["evidence-outside-article-violation"]
    monkeypatch.setattr(mapping, "_DERIVED", "<https://example.org/not-a-source>")
    summary = BuildSummary()
    store = build_store([seed_path], summary=summary, workers=1, batch=4)
    problems = failed(summary)
    rows = problems["evidence-outside-article-violation"]
    assert rows and sorted(rows) == sorted(run_checks(store)[[c.name for c in summary.checks].index(
        "evidence-outside-article-violation")].rows.values())
    assert [c.name for c in summary.checks] == [c.name for c in run_checks(GraphStore())]


def test_adding_looks_up_no_strategy_fact_or_affiliation_in_the_store(seed_path, tmp_path):
    """Each subject looked up in a store of a million articles costs up to 5 ms; no stored check
    reads what the store says of a strategy fact or an affiliation, so their subjects are not
    looked up (production facts still are: a second value is caught)."""
    from autokg.pipeline import _neighbourhood
    from autokg.vocab import AKG

    store = build_store([seed_path], workers=1, store=GraphStore(tmp_path / "store"))
    kinds = {kind: [q.subject for q in store.store.quads_for_pattern(None, TYPE, ox.NamedNode(str(kind)))]
             for kind in (AKG.StrategyFact, AKG.Affiliation, AKG.ProductionFact)}
    assert all(kinds.values())
    marker = ox.NamedNode("https://example.org/stored-only")
    store.store.extend([ox.Quad(s, marker, ox.Literal("x")) for subjects in kinds.values() for s in subjects])
    batch = "".join(f"{s} {TYPE} <{kind}> .\n" for kind, subjects in kinds.items() for s in subjects).encode()
    seen = {q.subject for q in _neighbourhood(store, batch).store.quads_for_pattern(None, marker, None)}
    assert seen == set(kinds[AKG.ProductionFact])

