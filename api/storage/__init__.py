"""Stores and builds: the embedded Oxigraph store, the remote SPARQL store, building into a copy and swapping it in, validation."""
