"""What both designs are asked to do on a graph: the stored queries, bound alike, and the formats.

A parameterised stored query is run twice: with its defaults (which for autokg's queries means the
parameter is left unbound, so the query answers for everything), and bound to a value that occurs
often in the graph, chosen by a probe query (the country with most plants, the manufacturer with most
production facts). Both designs run the very same query text: autokg's :func:`autokg.queries.bind`
writes the binding as a ``VALUES`` block that rdflib's SPARQL engine also reads.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from autokg.queries import StoredQuery, bind, stored_queries

#: Export formats measured, by autokg's names, with rdflib's name for each.
FORMATS: dict[str, str] = {"nt": "nt", "ttl": "turtle", "trig": "trig", "jsonld": "json-ld"}

_PREFIXES = """PREFIX akg: <https://w3id.org/autokg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

#: For each parameter name of the stored queries, a query whose first row's ?value is a value that
#: occurs often in the graph. Parameters without a probe are measured with their defaults only.
PROBES: dict[str, str] = {
    "country": _PREFIXES + """SELECT ?value (COUNT(?plant) AS ?n)
WHERE { ?plant a akg:Plant ; akg:country/akg:countryCode ?value }
GROUP BY ?value ORDER BY DESC(?n) ?value LIMIT 1""",
    "manufacturer": _PREFIXES + """SELECT ?value (COUNT(?fact) AS ?n)
WHERE { ?fact a akg:ProductionFact ; akg:manufacturer/rdfs:label ?value }
GROUP BY ?value ORDER BY DESC(?n) ?value LIMIT 1""",
}


@dataclass(frozen=True)
class Case:
    """One stored query with one set of parameter values, and the query text both designs run."""

    label: str
    query: StoredQuery
    params: Mapping[str, str]

    @property
    def text(self) -> str:
        return bind(self.query, self.params)

    @property
    def bound(self) -> bool:
        return bool(self.params)


def cases(params: Mapping[str, Mapping[str, str]]) -> list[Case]:
    """Every stored query with its defaults, then each parameterised one with the given values."""
    queries = stored_queries()
    out = [Case(q.name, q, {}) for q in queries]
    for query in queries:
        values = params.get(query.name)
        if values:
            label = query.name + " (" + ", ".join(f"{k}={v}" for k, v in sorted(values.items())) + ")"
            out.append(Case(label, query, dict(values)))
    return out


def pick_params(first_value: Callable[[str], str | None]) -> dict[str, dict[str, str]]:
    """Values for the parameterised stored queries, from the probes run by ``first_value``."""
    chosen: dict[str, dict[str, str]] = {}
    for query in stored_queries():
        for parameter in query.parameters:
            probe = PROBES.get(parameter.name)
            value = first_value(probe) if probe else None
            if value is not None:
                chosen.setdefault(query.name, {})[parameter.name] = value
    return chosen
