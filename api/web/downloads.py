"""The original file of a source document (PDF, Word, web page or text, as it was built), kept
by the embedded store under its SHA-256."""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

from plangraph.api.settings import Settings
from plangraph.api.storage.originals import path_of
from plangraph.extract.errors import InputError
from plangraph.extract.readers.sniff import media_type

_SUFFIXES = {"application/pdf": ".pdf", "text/html": ".html", "text/plain": ".txt",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx"}


def router(settings: Settings) -> APIRouter:
    routes = APIRouter(tags=["pages"])

    @routes.get("/original/{sha256}", summary="Download a source document's original file",
                description="The file a source document was built from, by the SHA-256 of its bytes "
                            "(`plan:sha256` of the source); `name` sets the file name to save it as.")
    async def original(sha256: str, name: str | None = None) -> FileResponse:
        path = path_of(Path(settings.store), sha256) if settings.store else None
        if path is None:
            raise HTTPException(404, "no original file with this SHA-256 in the store"
                                     + ("" if settings.store else " (only an embedded store keeps original files)"))
        data = path.read_bytes()
        try:
            kind = media_type(data, sha256)
        except InputError:
            kind = "application/octet-stream"
        download = Path(name).name if name and Path(name).name not in ("", ".", "..") else sha256[:16] + _SUFFIXES.get(kind, "")
        return FileResponse(path, media_type=kind, filename=download)

    return routes
