"""The mapping writes N-Triples text itself: what it writes must read back, with Oxigraph and with
rdflib, as exactly the strings the article had."""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from autokg.extract import extract
from autokg.mapping import static_ntriples, static_triples, to_ntriples, to_rdf
from autokg.model import Article
from autokg.reference import load_reference
from autokg.vocab import ID, SCHEMA

AWKWARD = [
    'Tesla\'s "Cyber Rodeo" opens Giga Texas',
    "back\\slash and a trailing backslash\\",
    "two\nlines and a carriage\r\nreturn",
    "tab\tand Ünïcödé, 漢字, emoji 🚗 and a quote at the end\"",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_literals_read_back_as_written(text):
    article = Article(key="k1", title=text, source="x.txt:1", summary=text, text=text,
                      author="Jane Doe", published=date(2024, 3, 5),
                      url="https://news.example.org/a?b=1&c=\"2\"", ident='id "7"')
    extraction = extract(article, load_reference())
    ntriples = "".join(to_ntriples(extraction))
    subject = URIRef(f"{ID}article/k1")

    graph = Graph().parse(data=ntriples, format="nt")  # a third-party parser
    assert graph.value(subject, SCHEMA.headline) == Literal(text)
    assert graph.value(subject, SCHEMA.articleBody) == Literal(text)
    assert graph.value(subject, SCHEMA.url) == Literal('https://news.example.org/a?b=1&c="2"',
                                                       datatype=XSD.anyURI)
    assert graph.value(subject, SCHEMA.datePublished) == Literal("2024-03-05", datatype=XSD.date)

    quads = list(to_rdf(extraction))
    headline = [q.object for q in quads if q.predicate == ox.NamedNode(str(SCHEMA.headline))]
    assert headline == [ox.Literal(text)]
    assert len(set(quads)) == len(graph)


def test_quads_and_text_are_the_same_triples(seed_path):
    """:func:`to_rdf` (the library API) and :func:`to_ntriples` (the build) give one graph."""
    from autokg.articles import read_articles

    reference = load_reference()
    for article in read_articles([seed_path], names=reference.name_kind)[:5]:
        extraction = extract(article, reference)
        from_text = Graph().parse(data="".join(to_ntriples(extraction)), format="nt")
        from_quads = {(q.subject.value, q.predicate.value, str(q.object.value)) for q in to_rdf(extraction)}
        assert {(str(s), str(p), str(o)) for s, p, o in from_text} == from_quads


def test_static_triples_carry_the_scheme_and_the_statuses():
    graph = Graph().parse(data=static_ntriples(), format="nt")
    assert len(graph) == len(list(static_triples())) > 20
    assert Literal("planned", lang="en") in set(graph.objects())
