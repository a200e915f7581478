"""The web application: health, named queries, SPARQL endpoint and pages."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from api.settings import Settings
from api.store import OxigraphStore


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(title="plangraph", description="Provincial plans as a knowledge graph")
    store = None
    if settings.store:
        path = Path(settings.store)
        store = OxigraphStore.in_memory_copy(path) if settings.in_memory else OxigraphStore.open_existing(path)

    @app.get("/health")
    def health() -> dict[str, object]:
        return {"status": "ok", "triples": store.triple_count() if store else None}

    return app
