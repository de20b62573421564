"""Cross-checks with Apache Jena (Debian libapache-jena-java, installed by tests/setup-tools.sh):
Jena's parser accepts the Turtle and N-Triples we write and reads the same graph from them, and
Jena's SHACL engine reaches the same verdict as pySHACL on our shapes for every test case.

Each Jena call starts a JVM (about 1 s); the tests are skipped when Java or Jena is missing.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from rdflib import BNode, Graph
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SH

from autokg.export import export
from autokg.store import RdfFormat, load_graph
from autokg.validate import ValidationReport, path_text, short, validate

from .conftest import CASES, ROOT
from .servers import jena

pytestmark = pytest.mark.tools

SHAPES = ROOT / "ontology" / "shapes.ttl"
CASE_FILES = sorted((CASES / "valid").glob("*.ttl")) + sorted((CASES / "invalid").glob("*.ttl"))
# riot prints "<file> : Triples = 4,697" on stderr, grouping digits as the JVM's locale says.
COUNT = re.compile(r"Triples\s*=\s*(\d[\d,.\s\u00a0\u202f']*)")
RIOT_LOCATION = re.compile(r"\[line: (\d+), col: ?(\d+) ?\]")


def riot_count(stderr: str) -> int:
    """The number of triples ``riot --count`` reported."""
    found = COUNT.search(stderr)
    assert found, f"riot printed no triple count:\n{stderr}"
    return int(re.sub(r"\D", "", found.group(1)))


def riot_problems(stderr: str) -> list[str]:
    """riot's warnings and errors (slf4j-simple lines such as ``[main] WARN org.apache.jena.riot - ...``)."""
    return [line for line in stderr.splitlines() if re.search(r"\b(WARN|ERROR)\b", line)]


@pytest.mark.parametrize("fmt", [RdfFormat.TURTLE, RdfFormat.N_TRIPLES], ids=["turtle", "ntriples"])
def test_riot_validates_and_counts_what_we_export(fmt, sample_build, tmp_path):
    out = tmp_path / f"sample.{fmt.value}"
    triples = export(load_graph([sample_build[1]]), out, format=fmt)
    assert triples == sample_build[0].triples
    result = jena("riotcmd.riot", "--validate", "--count", str(out))
    assert result.returncode == 0, result.stderr
    assert riot_problems(result.stderr) == []
    assert riot_count(result.stderr) == triples


def test_riot_reads_the_graph_we_read(sample_build):
    """Jena's Turtle parser and rdflib's agree term for term on the built graph."""
    result = jena("riotcmd.riot", "--output=N-Triples", str(sample_build[1]))
    assert result.returncode == 0, result.stderr
    assert riot_problems(result.stderr) == []
    from_jena = Graph().parse(data=result.stdout, format="nt")
    ours = Graph().parse(sample_build[1], format="turtle")
    assert len(from_jena) == len(ours) == sample_build[0].triples
    assert isomorphic(from_jena, ours)


def test_riot_rejects_broken_turtle(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        "@prefix ex: <http://example.org/> .\n"
        "ex:a ex:b ex:c .\n"
        "ex:a ex:b <http://example.org/has space> .\n"
        "ex:d ex:e ex:f .\n",
        encoding="utf-8",
    )
    result = jena("riotcmd.riot", "--validate", str(broken))
    assert result.returncode != 0
    location = RIOT_LOCATION.search(result.stderr)
    assert location, f"riot named no line:\n{result.stderr}"
    assert int(location.group(1)) == 3, result.stderr


def _jena_term(report: Graph, term: object) -> str:
    """A focus node or path of Jena's report as autokg's report prints it."""
    if term is None:
        return "-"
    if isinstance(term, BNode):
        return path_text(report, term).strip("()")
    return short(term)


def jena_shacl(data: Path) -> tuple[bool, Counter[tuple[str, str]], str]:
    """Jena's verdict on ``data`` under our shapes, its results as (focus node, path) pairs, and its report.

    ``shacl.shacl validate`` exits 0 whether or not the data conforms (2 when it cannot read a file);
    on stdout it prints the validation report in Turtle (``sh:conforms true|false`` and one
    ``sh:result`` per violation), or with ``--text`` either ``Conforms`` or one ``Node=`` block per
    result. The Turtle report is read here.
    """
    result = jena("shacl.shacl", "validate", "--shapes", str(SHAPES), "--data", str(data))
    assert result.returncode == 0, f"Jena's shacl failed on {data}:\n{result.stderr}"
    report = Graph().parse(data=result.stdout, format="turtle")
    reports = list(report.subjects(RDF.type, SH.ValidationReport))
    assert len(reports) == 1, result.stdout
    conforms = report.value(reports[0], SH.conforms)
    assert conforms is not None, result.stdout
    results = Counter(
        (_jena_term(report, report.value(r, SH.focusNode)), _jena_term(report, report.value(r, SH.resultPath)))
        for r in report.objects(reports[0], SH.result)
    )
    return bool(conforms.toPython()), results, result.stdout


def ours(report: ValidationReport) -> Counter[tuple[str, str]]:
    return Counter((v.focus, v.path or "-") for v in report.violations)


@pytest.mark.parametrize("case", CASE_FILES, ids=[f"{p.parent.name}/{p.stem}" for p in CASE_FILES])
def test_jena_shacl_agrees_with_pyshacl(case):
    pyshacl = validate(Graph().parse(case, format="turtle"), engine="pyshacl")
    assert pyshacl.conforms == (case.parent.name == "valid"), pyshacl.lines()
    conforms, results, text = jena_shacl(case)
    assert conforms == pyshacl.conforms, f"Jena says conforms={conforms}, pySHACL {pyshacl.conforms}:\n{text}"
    # the same constraints fail on the same nodes (the messages differ where a shape has no sh:message)
    assert results == ours(pyshacl), f"{text}\npySHACL:\n" + "\n".join(pyshacl.lines())


def test_sample_graph_conforms_under_jena(sample_build):
    assert sample_build[0].report.conforms
    conforms, results, text = jena_shacl(sample_build[1])
    assert conforms, text
    assert not results

