"""The web layer: the FastAPI app, its routes, templates and static files, and the HTTP server's limits."""
