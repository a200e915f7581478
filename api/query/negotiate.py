"""Content negotiation: pick a media type from an Accept header and the types on offer."""
from __future__ import annotations

RESULTS_JSON = "application/sparql-results+json"
RESULTS_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
JSONLD = "application/ld+json"
RDFXML = "application/rdf+xml"
HTML = "text/html"

RESULT_TYPES = (RESULTS_JSON, RESULTS_XML, CSV, TSV)
GRAPH_TYPES = (TURTLE, NTRIPLES, JSONLD, RDFXML)
BOOLEAN_TYPES = (RESULTS_JSON, RESULTS_XML)

# Other names clients send for the same formats.
ALIASES = {
    "application/json": RESULTS_JSON,
    "application/xml": RESULTS_XML,
    "text/xml": RESULTS_XML,
    "application/x-turtle": TURTLE,
    "text/plain": NTRIPLES,
    "application/json+ld": JSONLD,
    "text/tsv": TSV,
}

# `format=` / `output=` values (as SPARQLWrapper and browsers' address bars send them).
FORMAT_NAMES = {
    "json": RESULTS_JSON, "xml": RESULTS_XML, "csv": CSV, "tsv": TSV,
    "turtle": TURTLE, "ttl": TURTLE, "nt": NTRIPLES, "ntriples": NTRIPLES,
    "json-ld": JSONLD, "jsonld": JSONLD, "rdf": RDFXML, "rdfxml": RDFXML, "rdf+xml": RDFXML,
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges with their q-values, best first (stable for equal q).

    >>> parse_accept("text/csv;q=0.2, application/sparql-results+xml;q=0.9")
    [('application/sparql-results+xml', 0.9), ('text/csv', 0.2)]
    """
    ranges: list[tuple[str, float, int]] = []
    for index, part in enumerate((header or "").split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        q = 1.0
        for param in pieces[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media, q, index))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(m, q) for m, q, _ in ranges if q > 0]


def _matches(media_range: str, offered: str) -> bool:
    if media_range in ("*/*", "*"):
        return True
    if media_range.endswith("/*"):
        return offered.startswith(media_range[:-1])
    return ALIASES.get(media_range, media_range) == offered


def choose(header: str | None, offered: tuple[str, ...], default: str | None = None) -> str | None:
    """The best offered type for an Accept header; `default` (or the first offer) when none is given.

    >>> choose("text/turtle;q=0.5, application/ld+json", GRAPH_TYPES)
    'application/ld+json'
    >>> choose("image/png", RESULT_TYPES) is None
    True
    """
    ranges = parse_accept(header)
    if not ranges:
        return default or offered[0]
    for media_range, _ in ranges:
        for media in offered:
            if _matches(media_range, media):
                # A wildcard picks the default (first offer), not an arbitrary match.
                if "*" in media_range and default:
                    return default if _matches(media_range, default) else media
                return media
    return None


def from_format_name(name: str | None, offered: tuple[str, ...]) -> str | None:
    """A `format=` parameter value as a media type, if it names an offered one."""
    if not name:
        return None
    media = FORMAT_NAMES.get(name.strip().lower()) or ALIASES.get(name.strip().lower(), name.strip().lower())
    return media if media in offered else None
