"""SPARQL text and results: one lexer, the refusal of outbound SERVICE calls, the catalog of named queries, and the result formats with content negotiation."""
