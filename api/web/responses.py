"""Small helpers every route module shares: JSON errors and the IRI check."""
from __future__ import annotations

import pyoxigraph as ox
from fastapi.responses import JSONResponse


def valid_iri(text: str) -> bool:
    """Whether the text is an absolute IRI (as Oxigraph reads them)."""
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """An error as JSON with a message."""
    return JSONResponse({"error": message}, status_code=status, headers=headers)
