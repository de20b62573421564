"""The benchmark runner's own helpers."""

from __future__ import annotations

from run import changed_files


def test_changed_files_keep_their_first_letter() -> None:
    """The report named "ata/lexicon/README.md": the output was stripped before it was split."""
    porcelain = " M data/lexicon/README.md\nM  src/autokg/extract.py\n?? data/lexicon/new.txt\n"
    assert changed_files(porcelain) == ["data/lexicon/README.md", "src/autokg/extract.py", "data/lexicon/new.txt"]
