"""Puts the ontology and reference schemes in a store and recomputes its inferred graph."""
from __future__ import annotations

from plangraph.api.storage.store import OxigraphStore
from plangraph.extract.infer import refresh, rules_for
from plangraph.extract.schemas import ontology_graph, schema_graphs


def refresh_schema(store: OxigraphStore) -> int:
    """Replace the ontology and reference graphs, then the inferred graph; returns the inferred size.

    Both steps replace whole graphs, so building the same texts twice gives the same store.
    """
    store.replace_graphs(schema_graphs())
    return refresh(store.db, rules_for(ontology_graph()))
