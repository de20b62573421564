"""Shared fixtures: paths, the seed listing, and graphs built once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from autokg.pipeline import BuildSummary, build

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_28e3bffdbebfa19a.txt"
CASES = ROOT / "tests" / "cases"
GOLDEN = ROOT / "tests" / "golden"
SAMPLE_FILES = sorted((ROOT / "data" / "articles").glob("sample.*"))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip(f"the seed listing is not beside the repository ({SEED})")
    return SEED


@pytest.fixture(scope="session")
def seed_build(seed_path: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildSummary, Path]:
    out = tmp_path_factory.mktemp("seed") / "seed.ttl"
    return build([seed_path], out), out


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildSummary, Path]:
    out = tmp_path_factory.mktemp("sample") / "sample.ttl"
    return build(SAMPLE_FILES, out), out


def require_tool(name: str) -> str:
    """The path of a command-line tool that tests/setup-tools.sh installs, or skip."""
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (tests/setup-tools.sh installs it where apt-get works)")
    return found
