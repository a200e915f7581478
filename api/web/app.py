"""The web application: health, SPARQL endpoint, named queries, linked data and pages."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from plangraph.api.web import audit, compare, downloads, linked_data, named, pages, researcher, sparql, vocabulary, workbench
from plangraph.api.web.guard import RequestGuard, allowed_hosts
from plangraph.api.web.i18n import LanguageCookie
from plangraph.api.web.responses import error
from plangraph.api.execution.pool import ProcessPool
from plangraph.api.query.catalog import load_all
from plangraph.api.settings import Settings
from plangraph.api.storage.store import OxigraphStore
from plangraph.api.execution.workers import Busy, Executor, InlineExecutor, JobError, QueryTimeout, QueryTooBig
from plangraph.extract import iris
from plangraph.extract.errors import StoreError


def make_executor(settings: Settings) -> Executor:
    """Worker processes over the store directory, in-process when `workers` is 0, or a remote endpoint."""
    if settings.endpoint:
        from plangraph.api.execution.remote_executor import RemoteExecutor, store_from_env
        return RemoteExecutor(store_from_env(settings.endpoint, settings.query_timeout), settings.query_timeout,
                              size=settings.workers, page_size=settings.page_workers, queue=settings.queue)
    if not settings.store:
        raise StoreError("serve", "no store given (--store DIR or --endpoint URL)")
    path = Path(settings.store)
    if settings.workers <= 0:
        store = (OxigraphStore.in_memory_copy(path) if settings.in_memory
                 else OxigraphStore.open_existing(path, read_only=True))
        return InlineExecutor(store)
    OxigraphStore.open_existing(path)  # fail now, with a clear message, if it is not a store
    return ProcessPool(path, settings.in_memory, settings.workers, settings.query_timeout,
                       page_size=settings.page_workers, queue=settings.queue,
                       memory_mb=settings.query_memory_mb, poll=settings.store_poll,
                       quick=settings.quick_workers, quick_timeout=settings.quick_timeout)


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error(exc.status_code, str(exc.detail), headers=dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error(422, "; ".join(str(e.get("msg")) for e in exc.errors()))

    @app.exception_handler(QueryTimeout)
    async def timeout(request: Request, exc: QueryTimeout) -> JSONResponse:
        return error(503, str(exc))

    @app.exception_handler(QueryTooBig)
    async def too_big(request: Request, exc: QueryTooBig) -> JSONResponse:
        return error(503, str(exc))

    @app.exception_handler(Busy)
    async def busy(request: Request, exc: Busy) -> JSONResponse:
        return error(503, str(exc), headers={"Retry-After": str(exc.retry_after)})

    @app.exception_handler(JobError)
    async def failed(request: Request, exc: JobError) -> JSONResponse:
        if exc.kind == "ServiceRefused":
            return error(400, exc.message)
        return error(500, f"the query failed: {exc.message}")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        return error(500, f"internal error ({type(exc).__name__})")


def create_app(settings: Settings, executor: Executor | None = None) -> FastAPI:
    """The application over one store; `executor` replaces the worker pool (tests)."""
    runner = executor or make_executor(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if isinstance(runner, ProcessPool):
            await runner.start()
        try:
            yield
        finally:
            if isinstance(runner, ProcessPool):
                await runner.close()

    # docs_url=None: FastAPI's own /docs loads Swagger UI from a CDN; workbench serves it from static/.
    app = FastAPI(title="plangraph", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Vietnamese provincial plans (Kế hoạch) as a linked-data knowledge graph: "
                              "a SPARQL endpoint, named questions, dereferenceable IRIs and pages.")
    app.state.settings = settings
    app.state.executor = runner
    if settings.cors_origins:  # off by default: no other site's page may read this server's answers
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_credentials=False,
                           allow_methods=["GET", "POST", "OPTIONS"], allow_headers=["Accept", "Content-Type"],
                           expose_headers=["X-Row-Limit", "X-Truncated", "Warning"])
    app.add_middleware(LanguageCookie)
    app.add_middleware(RequestGuard, max_body=settings.max_body_bytes,  # outermost: before any other work
                       allowed=allowed_hosts(settings.allowed_hosts, settings.served_host, iris.base_iri()))
    _handlers(app)

    @app.get("/health", tags=["service"], summary="Is the service up, and how big is the store")
    async def health() -> dict[str, object]:
        body: dict[str, object] = {"status": "ok", "triples": await runner.triple_count()}
        if isinstance(runner, ProcessPool):
            body["lanes"] = runner.load()
        return body

    app.include_router(sparql.router(runner, settings.row_limit, settings.query_timeout))
    app.include_router(named.router(runner, load_all(), settings.row_limit, settings.query_timeout))
    app.include_router(linked_data.router(runner))
    app.include_router(pages.router(runner))
    app.include_router(researcher.router(runner))
    app.include_router(audit.router(runner))
    app.include_router(workbench.router())
    app.include_router(vocabulary.router())
    app.include_router(compare.router(runner))
    app.include_router(downloads.router(settings))
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")
    return app
