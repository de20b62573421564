"""The evaluation: its arithmetic, and a run on a small annotated set written here."""

from __future__ import annotations

import json

import pytest

from autokg.cli import main
from autokg.errors import InputError
from autokg.evaluate import Score, evaluate


def test_score_arithmetic():
    score = Score()
    score.add({"a", "b", "c"}, {"a", "b", "x"}, "f:1")
    assert (score.tp, score.fp, score.fn) == (2, 1, 1)
    assert score.precision == pytest.approx(2 / 3) and score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 / 3)
    assert "f:1: missed c" in score.misses and "f:1: spurious x" in score.misses
    assert Score().f1 == 1.0


@pytest.fixture()
def tiny_set(tmp_path):
    line = ("Kia starts EV9 production in Georgia Kia has started production of the EV9 at its plant in "
            "West Point, Georgia. Ann Lee")
    (tmp_path / "tune.txt").write_text(line + "\n", encoding="utf-8")
    expected = {
        "file": "tune.txt", "line": 1, "title": "Kia starts EV9 production in Georgia",
        "summary": "Kia has started production of the EV9 at its plant in West Point, Georgia.",
        "author": "Ann Lee", "manufacturers": ["Kia"], "suppliers": [],
        "production": [{"manufacturer": "Kia", "model": "Kia EV9", "country": "US", "region": None,
                        "locality": "West Point", "plant": None, "status": "active", "start": None,
                        "end": None}],
        "strategies": [{"strategy": "electrification", "manufacturer": "Kia"}],
        "people": [],
    }
    (tmp_path / "expected.jsonl").write_text(json.dumps(expected) + "\n", encoding="utf-8")
    return tmp_path


def test_a_correct_extraction_scores_one(tiny_set):
    (report,) = evaluate(tiny_set, parts=["tune"])
    assert report.articles == 1
    for metric in ("split", "manufacturers", "production-site", "status", "model", "locality"):
        assert report.scores[metric].f1 == 1.0, (metric, report.scores[metric].misses)


def test_a_wrong_annotation_lowers_the_score(tiny_set):
    path = tiny_set / "expected.jsonl"
    record = json.loads(path.read_text(encoding="utf-8"))
    record["production"][0]["status"] = "planned"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (report,) = evaluate(tiny_set, parts=["tune"])
    assert report.scores["status"].f1 == 0.0 and report.scores["production-site"].f1 == 1.0


def test_an_article_without_annotation_is_an_input_error(tiny_set):
    (tiny_set / "expected.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="tune.txt:1: no expected facts"):
        evaluate(tiny_set, parts=["tune"])


def test_evaluate_command_prints_every_fact_type(tiny_set, capsys):
    assert main(["evaluate", "--folder", str(tiny_set), "--part", "tune"]) == 0
    out = capsys.readouterr().out
    for metric in ("split", "manufacturers", "production-site", "status", "model", "locality", "strategy",
                   "people", "link accuracy"):
        assert metric in out


def test_a_parent_company_counts_as_the_subsidiary_the_annotator_named():
    """Regression: with two subsidiaries of the predicted parent in the gold facts, the score
    depended on set order (it changed from run to run); the fact now takes the subsidiary that
    makes it right, and otherwise the first by name."""
    from autokg.evaluate import _Resolver
    from autokg.link import Linker
    from autokg.reference import load_reference

    resolve = _Resolver(Linker(load_reference()))
    gold = {"manufacturers": {"org:traton", "org:volkswagen-commercial-vehicles"},
            "model": {("org:volkswagen-commercial-vehicles", "volkswagen crafter")},
            "production-site": set()}
    predicted = {"manufacturers": {"org:volkswagen-group"},
                 "model": {("org:volkswagen-group", "volkswagen crafter")},
                 "production-site": {("org:volkswagen-group", "country:PL")}}
    aligned = resolve.align(predicted, gold)
    assert aligned["model"] == gold["model"]
    assert aligned["production-site"] == {("org:traton", "country:PL")}


def test_a_company_the_annotator_names_by_its_plants_name_is_that_company():
    """Regression: "Mitsubishi Motors Thailand" is a name of the Laem Chabang plant in the
    reference data and the company's own entry has its legal name, so the annotator's company
    counted as a different one from the extractor's."""
    from autokg.evaluate import _Resolver
    from autokg.link import Linker
    from autokg.reference import load_reference

    resolve = _Resolver(Linker(load_reference()))
    assert resolve.company("Mitsubishi Motors Thailand") == "org:mitsubishi-motors-thailand"
    assert resolve.company("Laem Chabang plant") == "name:laem chabang plant"


def test_the_development_sets_articles_have_distinct_identifiers():
    """Two articles of the set shared an identifier and URL (two retellings of one event): a build
    merges them, and the evaluation scored only the first, so one annotated article went unscored."""
    from autokg.articles import ArticleReader
    from autokg.resources import home

    folder = home() / "data" / "eval"
    for name in ("tune.jsonl", "test.jsonl", "tune.txt", "test.txt"):
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        reader = ArticleReader()
        assert sum(1 for _ in reader.read([folder / name])) == len(lines), name
        assert reader.duplicates == 0, name
