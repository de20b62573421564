"""Every file under tests/cases/valid conforms to the shapes; every file under invalid does not,
for the reason its first line states (``# expect: <text in the report>``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from autokg.validate import validate

from .conftest import CASES

VALID = sorted((CASES / "valid").glob("*.ttl"))
INVALID = sorted((CASES / "invalid").glob("*.ttl"))


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_valid_case_conforms(path: Path):
    report = validate(Graph().parse(path))
    assert report.conforms, "\n".join(report.lines())


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_case_is_reported(path: Path):
    expected = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect:").strip()
    assert expected, f"{path.name} must say what it expects on its first line"
    report = validate(Graph().parse(path))
    assert not report.conforms
    assert any(expected in line for line in report.lines()[1:]), "\n".join(report.lines())


def test_there_are_cases_of_both_kinds():
    assert len(VALID) >= 3 and len(INVALID) >= 15
