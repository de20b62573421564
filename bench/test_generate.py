"""Checks of the corpus generator (no timing here: figures belong in bench/results/).

    .venv/bin/python -m pytest bench/test_generate.py bench/generate.py bench/timing.py

Not part of ``make test``, whose test paths are ``tests/`` and ``src/autokg/``.
"""

from __future__ import annotations

import json
from pathlib import Path

from autokg.articles import split_listing_line
from autokg.reference import load_reference
from generate import FULL_TEXT_EVERY, Vocabulary, generate


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    first = generate(2000, 11, tmp_path / "a")
    second = generate(2000, 11, tmp_path / "b")
    for one, two in zip(first, second):
        assert one.read_bytes() == two.read_bytes()


def test_other_seed_other_corpus(tmp_path: Path) -> None:
    first = generate(200, 1, tmp_path / "a")
    second = generate(200, 2, tmp_path / "b")
    assert first[0].read_bytes() != second[0].read_bytes()


def test_smaller_corpus_is_a_prefix(tmp_path: Path) -> None:
    small = generate(300, 5, tmp_path / "small")
    large = generate(1000, 5, tmp_path / "large")
    for part, whole in zip(small, large):
        assert whole.read_bytes().startswith(part.read_bytes())


def test_counts_and_fields(tmp_path: Path) -> None:
    listing, full = generate(1000, 3, tmp_path)
    lines = listing.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in full.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 1000 - 1000 // FULL_TEXT_EVERY
    assert len(records) == 1000 // FULL_TEXT_EVERY
    for record in records:
        assert {"id", "url", "title", "summary", "text", "author", "published"} <= set(record)
        assert 4 <= record["text"].count("\n\n") + 1 <= 8
    assert len({r["id"] for r in records}) == len(records)
    assert all("{" not in line and "}" not in line for line in lines), "an unfilled template slot"


def test_listing_lines_split_into_three_parts(tmp_path: Path) -> None:
    listing, _ = generate(200, 9, tmp_path)
    names = load_reference().name_kind
    splits = [split_listing_line(line, names=names) for line in listing.read_text(encoding="utf-8").splitlines()]
    bylined = [s for s in splits if s.author]
    assert len(bylined) >= 0.9 * len(splits)


def test_draws_from_the_reference_data() -> None:
    vocabulary = Vocabulary.load()
    assert len(vocabulary.plants) > 300
    assert len(vocabulary.cues) > 150
    assert any(not cue.noun for cue in vocabulary.cues) and any(cue.noun for cue in vocabulary.cues)
