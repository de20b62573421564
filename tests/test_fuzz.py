"""Property tests over generated articles: extraction never fails, every span it reports is the text
it quotes, and what a build writes conforms to the shapes.

The articles are drawn from the words extraction reacts to (makers, brands, models, plants, towns,
countries, status and strategy cues, roles, dates) mixed with punctuation and filler, so that the
rules meet odd neighbours they were not written for. ``make test`` runs a few dozen examples;
``make fuzz`` runs the same tests with AUTOKG_FUZZ examples times as many (see the Makefile).
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from autokg.articles import listing_article
from autokg.extract import Extractor
from autokg.model import Article, EntityType
from autokg.pipeline import build
from autokg.reference import load_reference

#: how many times more examples than a normal test run (make fuzz sets it)
FUZZ = max(1, int(os.environ.get("AUTOKG_FUZZ", "1")))

FILLER = ["the", "its", "a", "new", "plant", "factory", "in", "at", "near", "from", "to", "and", "but", "for",
          "which", "who", "said", "says", "will", "has", "had", "been", "built", "builds", "started", "ended",
          "plans", "dropped", "moves", "production", "output", "of", "former", "joint", "venture", "with",
          "owned", "by", "chief", "executive", "president", "minister", "governor", "under", "contract",
          "electric", "hybrid", "petrol", "SUV", "van", "truck", "alongside", "first", "last", "until",
          "from 2027", "in the second half of 2026", "by the end of 2025", "next year", "in March 2024",
          "2019", "30e", "X3", "Model Y", "ID.4", ",", ",", ".", ";", ":", "?", "'s", "’s", "(", ")", "-",
          "—", "\"", "‘", "’", "Ann", "Lee", "de", "van", "Jr.", "J.", "&", "%", "$1.5bn", "€", "100,000"]


@cache
def _vocabulary() -> list[str]:
    """Names the extractor knows, a sample of each kind, in a fixed order (examples must repeat)."""
    reference = load_reference()
    names: dict[EntityType, list[str]] = {}
    for entity in reference:
        names.setdefault(entity.type, []).append(entity.label)
        names[entity.type].extend(entity.aliases[:1])
    words = list(FILLER)
    for kind in sorted(names, key=lambda k: k.value):
        words.extend(sorted(set(names[kind]))[:60])
    return words


@cache
def _extractor() -> Extractor:
    return Extractor(load_reference())


def _sentences() -> st.SearchStrategy[str]:
    words = st.sampled_from(_vocabulary())
    return st.lists(words, min_size=1, max_size=25).map(" ".join)


@settings(max_examples=40 * FUZZ, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=_sentences(), text=st.lists(_sentences(), min_size=0, max_size=6).map(lambda s: "\n\n".join(s)))
def test_extraction_never_fails_and_quotes_what_its_spans_hold(title: str, text: str) -> None:
    article = Article(key="k", source="fuzz.jsonl:1", title=title, text=text or None)
    extraction = _extractor().extract(article)
    content = article.content
    for mention in extraction.mentions:
        assert content[mention.span.start:mention.span.end] == mention.text
    for fact in (*extraction.production, *extraction.strategies, *extraction.affiliations):
        evidence = fact.evidence
        assert content[evidence.span.start:evidence.span.end] == evidence.text


@settings(max_examples=40 * FUZZ, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_sentences(), min_size=2, max_size=4).map(lambda s: " ".join(s) + " Ann Lee"))
def test_any_listing_line_splits_and_extracts(line: str) -> None:
    reference = load_reference()
    article, _ = listing_article("fuzz.txt", 1, line, reference.name_kind)
    assert " ".join(p for p in (article.title, article.summary, article.author) if p) == " ".join(line.split())
    _extractor().extract(article)


@settings(max_examples=3 * FUZZ, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                          HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_sentences(), _sentences()), min_size=5, max_size=25))
def test_a_build_of_generated_articles_conforms(tmp_path: Path, articles: list[tuple[str, str]]) -> None:
    """Whatever the rules make of the text, the graph they write passes the shapes and the checks."""
    source = tmp_path / "fuzz.jsonl"
    source.write_text("".join(json.dumps({"id": f"a{i}", "title": title or "x", "text": text,
                                          "published": "2025-06-01"}) + "\n"
                              for i, (title, text) in enumerate(articles)), encoding="utf-8")
    summary = build([source], tmp_path / "fuzz.ttl")
    assert summary.ok, [v.message for v in summary.report.violations[:5]] if summary.report else summary.checks
