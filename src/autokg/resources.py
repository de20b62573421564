"""Where the shipped data lives: ontology, shapes, stored queries, reference data and lexicons.

They sit at the top of the project (``ontology/``, ``queries/``, ``data/``) so that they can be read,
reviewed and changed as data. ``AUTOKG_HOME`` points elsewhere when the package is installed away
from its source tree.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from .errors import AutokgError


@cache
def home() -> Path:
    """The folder holding ``ontology/``, ``queries/`` and ``data/``."""
    configured = os.environ.get("AUTOKG_HOME")
    root = Path(configured) if configured else Path(__file__).resolve().parents[2]
    if not (root / "ontology" / "autokg.ttl").is_file():
        raise AutokgError(
            f"cannot find autokg's data folders under {root}; set AUTOKG_HOME to the project folder"
        )
    return root


def ontology_file() -> Path:
    return home() / "ontology" / "autokg.ttl"


def strategies_file() -> Path:
    return home() / "ontology" / "strategies.ttl"


def shapes_file() -> Path:
    return home() / "ontology" / "shapes.ttl"


def queries_dir() -> Path:
    return home() / "queries"


def reference_dir() -> Path:
    return home() / "data" / "reference"


@cache
def lexicon(name: str) -> frozenset[str]:
    """The entries of ``data/lexicon/<name>.txt``, comments and blank lines left out."""
    path = home() / "data" / "lexicon" / f"{name}.txt"
    entries = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(entry for entry in entries if entry)
