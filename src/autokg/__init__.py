"""autokg: automotive trade-press articles in, a validated and linked RDF knowledge graph out.

The library API, one function per pipeline stage::

    articles = read_articles(["data/articles/sample.txt"])          # 1 read
    extraction = extract(articles[0], load_reference())              # 2-3 extract and link
    triples = list(to_rdf(extraction))                               # 4 mapping
    report = validate(graph)                                         # 5 validate
    table = run_query(store, find_query("production-sites"))         # 7 query
    export(store, "out.nt")                                          # 8 export

and :func:`build` for all of them at once.
"""

__version__ = "0.1.0"

from .articles import Format, read_articles, split_listing_line
from .errors import AutokgError, ExportError, InputError, QueryError, ShapesError
from .export import export
from .extract import Extractor, extract
from .mapping import to_rdf
from .pipeline import build, build_graph, validate_files
from .queries import ResultFormat, find_query, format_results, run_query, stored_queries
from .reference import load_reference
from .store import GraphStore, RdfFormat, load_graph
from .validate import ValidationReport, validate

__all__ = [
    "AutokgError",
    "ExportError",
    "Extractor",
    "Format",
    "GraphStore",
    "InputError",
    "QueryError",
    "RdfFormat",
    "ResultFormat",
    "ShapesError",
    "ValidationReport",
    "__version__",
    "build",
    "build_graph",
    "export",
    "extract",
    "find_query",
    "format_results",
    "load_graph",
    "load_reference",
    "read_articles",
    "run_query",
    "split_listing_line",
    "stored_queries",
    "to_rdf",
    "validate",
    "validate_files",
]
