"""plangraph extraction: plan texts to a validated RDF graph, one small pure stage at a time."""
