"""HTTP-level protection: requests whose client hung up are cancelled, and slow request heads time out.

- `CancelOnDisconnect` is the route class of every route that runs queries: once the request
  body is read, the handler races a watch on the connection; when the client goes away the
  handler is cancelled, which frees (or kills and replaces) the worker running its query.
- `HeaderTimeoutProtocol` is uvicorn's h11 protocol with a deadline for the request head:
  a connection that has not sent complete headers `header_timeout` seconds after it opened
  (or after its previous response) is closed. Uvicorn alone waits for them forever.
"""
from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi.routing import APIRoute
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from uvicorn.protocols.http.h11_impl import H11Protocol

DISCONNECT_POLL = 0.1
BODY_TIMEOUT = 30.0


async def _gone(request: Request) -> None:
    """Return when the client disconnects (the body is read, so the next message can only say that)."""
    while (await request.receive())["type"] != "http.disconnect":
        await asyncio.sleep(DISCONNECT_POLL)


async def cancel_on_disconnect(request: Request, handler: Coroutine[Any, Any, Response]) -> Response:
    """Run the handler unless, or until, the client disconnects (then a 499 nobody will read)."""
    settings = getattr(request.app.state, "settings", None)
    limit = float(getattr(settings, "body_timeout", BODY_TIMEOUT))
    try:  # read first: the disconnect watch must not swallow body messages
        await asyncio.wait_for(request.body(), limit)
    except ClientDisconnect:
        handler.close()
        return Response(status_code=499)
    except asyncio.TimeoutError:
        handler.close()
        return JSONResponse({"error": f"the request body did not arrive within {limit:g} s"}, status_code=408,
                            headers={"Connection": "close"})
    except BaseException:  # too large (413) and the like: answered by the exception handlers
        handler.close()
        raise
    work = asyncio.ensure_future(handler)
    watch = asyncio.ensure_future(_gone(request))
    try:
        done, _ = await asyncio.wait({work, watch}, return_when=asyncio.FIRST_COMPLETED)
    except asyncio.CancelledError:  # the server stops and ends what still runs: so is the query, with an answer
        work.cancel()
        await _settled(work)
        return JSONResponse({"error": "the server is stopping; try again in a moment"}, status_code=503,
                            headers={"Retry-After": "5", "Connection": "close"})
    except BaseException:
        work.cancel()
        raise
    finally:
        watch.cancel()
    if work in done:
        return work.result()
    work.cancel()
    await _settled(work)
    return Response(status_code=499)


async def _settled(work: asyncio.Future[Response]) -> None:
    """Wait until cancelled work has let go of its worker."""
    try:
        await work
    except (asyncio.CancelledError, Exception):
        pass


class CancelOnDisconnect(APIRoute):
    """A route whose handler is cancelled when its client disconnects."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            return await cancel_on_disconnect(request, handler(request))
        return guarded


class HeaderTimeoutProtocol(H11Protocol):
    """h11 with a deadline for each request head (set `header_timeout` on the class or a subclass)."""

    header_timeout: float = 10.0

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)
        self._head_deadline: asyncio.TimerHandle | None = None
        self._arm_head_deadline()

    def _arm_head_deadline(self) -> None:
        if self._head_deadline is None and self.header_timeout > 0:
            self._head_deadline = self.loop.call_later(self.header_timeout, self._head_too_slow)

    def _disarm_head_deadline(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _head_too_slow(self) -> None:
        self._head_deadline = None
        if self.cycle is None or self.cycle.response_complete:
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.cycle is not None and not self.cycle.response_complete:
            self._disarm_head_deadline()  # a whole head arrived: the request runs
        else:
            self._arm_head_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._disarm_head_deadline()
        self._arm_head_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_head_deadline()
        super().connection_lost(exc)
