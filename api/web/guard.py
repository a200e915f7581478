"""Checks on every request before it reaches a route: the Host it names and the size of its body.

- Host. A page on another site can make a visitor's browser send requests here through a name
  that its own DNS points at this machine (DNS rebinding); such requests carry that site's name
  in `Host`. Only local names, addresses, the served host, the base IRI's host and the names in
  PLANGRAPH_ALLOWED_HOSTS are answered; any other name gets 400.
- Body. A body over the limit is refused with 413 before it is read when `Content-Length` says
  so, and as soon as it passes the limit otherwise (chunked). Both answers are JSON like every
  other error.
"""
from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from plangraph.api.web.responses import error

LOCAL_NAMES = ("localhost",)


def host_name(host: str) -> str:
    """The name or address in a Host header, without port, brackets or trailing dot, in lower case.

    >>> host_name("[::1]:8000"), host_name("Example.org.:80"), host_name("127.0.0.1")
    ('::1', 'example.org', '127.0.0.1')
    """
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host[1:]
    return host.rsplit(":", 1)[0].rstrip(".") if host.count(":") == 1 else host.rstrip(".")


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def allowed_hosts(configured: Iterable[str], served: str | None = None, base: str | None = None) -> frozenset[str]:
    """The names answered: local ones, the served host, the base IRI's host and those configured."""
    names = {host_name(h) for h in configured if h.strip()} | set(LOCAL_NAMES)
    if served:
        names.add(host_name(served))
    if base:
        names.add(host_name(urlsplit(base).netloc))
    return frozenset(names)


def host_allowed(host: str, allowed: frozenset[str]) -> bool:
    """Whether a request naming `host` is answered: an address (rebinding needs a name), or an allowed name.

    >>> names = allowed_hosts(["plans.example.org"])
    >>> [host_allowed(h, names) for h in ("127.0.0.1:8000", "localhost", "plans.example.org", "evil.example")]
    [True, True, True, False]
    """
    name = host_name(host)
    return not name or "*" in allowed or name in allowed or name.endswith(".localhost") or _is_address(name)


class RequestGuard:
    """ASGI middleware: refuses other sites' Host names (400) and bodies over `max_body` bytes (413), as JSON."""

    def __init__(self, app: ASGIApp, allowed: frozenset[str], max_body: int) -> None:
        self.app = app
        self.allowed = allowed
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get(b"host", "")
        if not host_allowed(host, self.allowed):
            answer = error(400, f"the host {host_name(host)!r} is not served here (a page of another site "
                                "reaching this server through its own name); to serve under that name, "
                                "list it in PLANGRAPH_ALLOWED_HOSTS")
            await answer(scope, receive, send)
            return
        length = headers.get(b"content-length")
        if length is not None and (not length.strip().isdigit() or int(length) > self.max_body):
            status, message = ((413, self._too_large()) if length.strip().isdigit()
                               else (400, "the Content-Length header is not a number"))
            await error(status, message, headers={"Connection": "close"})(scope, receive, send)
            return
        await self.app(scope, self._limited(receive), send)

    def _too_large(self) -> str:
        return f"the request body is over the limit of {self.max_body} bytes (PLANGRAPH_MAX_BODY_BYTES)"

    def _limited(self, receive: Receive) -> Receive:
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise HTTPException(413, self._too_large(), headers={"Connection": "close"})
            return message
        return limited
