"""The command line: every command, its help, exit codes, messages, and atomic outputs."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from autokg.cli import main, parser

from .conftest import CASES, ROOT, SAMPLE_FILES

COMMANDS = ["build", "validate", "query", "queries", "export", "evaluate", "push", "serve"]


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    assert len(capsys.readouterr().out) > 100
    assert f"autokg {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_commands_in_parser_are_the_documented_ones():
    subparsers = next(a for a in parser()._actions if a.dest == "command")
    assert sorted(subparsers.choices) == sorted(COMMANDS)


def test_build_query_export_validate(tmp_path, capsys):
    out = tmp_path / "g.ttl"
    code, stdout, _ = run(capsys, "build", *SAMPLE_FILES, "--out", out)
    assert code == 0, stdout
    assert "validation: conforms" in stdout and f"written: {out}" in stdout
    assert "articles: 30 read, 1 duplicate(s) merged, 29 added to the graph" in stdout

    code, stdout, _ = run(capsys, "query", "production-sites", "--data", out, "--format", "csv")
    assert code == 0 and stdout.startswith("article,title,manufacturer,model,plant,locality,region,country,")

    code, stdout, _ = run(capsys, "query", "plants-by-country", "--data", out, "--param", "country=US")
    assert code == 0 and "row(s)" in stdout

    for fmt in ("nt", "ttl", "trig", "jsonld"):
        target = tmp_path / f"g.{fmt}"
        code, _, err = run(capsys, "export", "--data", out, "--format", fmt, "--out", target)
        assert code == 0 and target.stat().st_size > 0 and "triples written" in err

    code, stdout, _ = run(capsys, "validate", out)
    assert code == 0 and "conforms" in stdout


def test_a_store_built_in_two_steps_holds_the_graph_built_at_once(tmp_path, capsys):
    """build --store adds to an on-disk store; query, export and validate use it as it is."""
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    lines = (ROOT / "data" / "articles" / "sample.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    first.write_text("".join(lines[:12]), encoding="utf-8")
    second.write_text("".join(lines[10:]), encoding="utf-8")  # two lines again
    store = tmp_path / "store"
    assert run(capsys, "build", first, "--store", store)[0] == 0
    code, stdout, _ = run(capsys, "build", second, "--store", store)
    assert code == 0 and "2 already in the store, 12 added to the graph" in stdout, stdout
    assert "written:" not in stdout

    at_once = tmp_path / "at-once.nt"
    assert run(capsys, "build", first, second, "--out", at_once)[0] == 0
    exported = tmp_path / "from-store.nt"
    code, _, err = run(capsys, "export", "--store", store, "--out", exported)
    assert code == 0 and "triples written" in err
    assert isomorphic(Graph().parse(exported), Graph().parse(at_once))

    code, stdout, _ = run(capsys, "query", "plants-by-country", "--store", store, "--param", "country=US",
                          "--format", "csv")
    assert code == 0
    assert stdout == run(capsys, "query", "plants-by-country", "--data", at_once, "--param", "country=US",
                         "--format", "csv")[1]
    code, stdout, _ = run(capsys, "validate", "--store", store)
    assert code == 0 and "conforms" in stdout


def test_store_errors_exit_2(tmp_path, capsys):
    code, _, err = run(capsys, "query", "articles", "--store", tmp_path / "missing")
    assert code == 2 and "no store here" in err
    code, _, err = run(capsys, "query", "articles")
    assert code == 2 and "--store DIR" in err
    code, _, err = run(capsys, "validate", CASES / "valid" / "affiliation.ttl", "--store", tmp_path)
    assert code == 2 and "not both" in err


def test_validate_exits_1_with_a_readable_report(capsys):
    code, stdout, _ = run(capsys, "validate", CASES / "invalid" / "two-sites.ttl")
    assert code == 1
    assert "does not conform" in stdout and "akg:site" in stdout and "exactly one site" in stdout


def test_queries_lists_summaries(capsys):
    code, stdout, _ = run(capsys, "queries")
    assert code == 0
    for name in ("articles", "production-sites", "strategies", "mentions", "plants-by-country"):
        assert name in stdout


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["build", "{tmp}/missing.txt", "--out", "{tmp}/out.ttl"], "missing.txt: no such file"),
        (["build", "{tmp}/bad.jsonl", "--out", "{tmp}/out.ttl"], "bad.jsonl:2: expected a JSON object"),
        (["query", "nope", "--data", "{tmp}/x.ttl"], "no stored query named 'nope'"),
        (["query", "articles"], "graph files (--data FILE) or a store (--store DIR)"),
        (["query", "articles", "--data", "{tmp}/bad.ttl"], "bad.ttl:1: not valid Turtle"),
        (["query", "articles", "--data", "{tmp}/bad.ttl", "--param", "x"], "--param needs NAME=VALUE"),
        (["export", "--data", "{tmp}/bad.ttl", "--out", "{tmp}/out.nt"], "bad.ttl:1"),
    ],
)
def test_input_errors_exit_2_with_one_line(tmp_path, capsys, argv, message):
    (tmp_path / "bad.jsonl").write_text('{"title": "fine"}\n"not an object"\n', encoding="utf-8")
    (tmp_path / "bad.ttl").write_text("this is not turtle\n", encoding="utf-8")
    code, stdout, err = run(capsys, *[a.format(tmp=tmp_path) for a in argv])
    assert code == 2
    assert message in err and "Traceback" not in err
    assert err.startswith("autokg: error: ") and err.count("\n") == 1
    assert not (tmp_path / "out.ttl").exists() and not (tmp_path / "out.nt").exists()


def test_failed_build_keeps_the_previous_graph(tmp_path, capsys):
    out = tmp_path / "g.ttl"
    out.write_text("# the previous graph\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"A good line with a headline here. Someone Else\n\xff\xfe broken\n")
    code, _, err = run(capsys, "build", bad, "--out", out)
    assert code == 2 and "bad.txt:2: not valid UTF-8" in err
    assert out.read_text(encoding="utf-8") == "# the previous graph\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "g.ttl"]


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as done:
        main([])
    assert done.value.code == 2
    with pytest.raises(SystemExit) as done:
        main(["query", "articles", "--format", "xml"])
    assert done.value.code == 2


def test_module_entry_point_runs():
    result = subprocess.run([sys.executable, "-m", "autokg", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("autokg ")
