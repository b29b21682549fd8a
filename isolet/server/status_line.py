"""Send the Worker's own ``statusText`` as the HTTP/1.1 reason phrase.

ASGI has no field for a reason phrase, and uvicorn's httptools protocol looks
the status line up in its module-level ``STATUS_LINE`` table at send time.
``install()`` swaps that table for one that first consults a context
variable, which ``_send_response`` sets for the duration of its
``http.response.start`` send (the send runs in the request's own task, so
concurrent requests never see each other's value).
"""

from __future__ import annotations

import contextvars
import http

reason: contextvars.ContextVar[str | None] = contextvars.ContextVar("isolet_reason", default=None)


def _line(status: int, phrase: str) -> bytes:
    return b"HTTP/1.1 %d %s\r\n" % (status, phrase.encode("latin-1", "replace"))


def standard_phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


class _StatusLines(dict[int, bytes]):
    def __missing__(self, status: int) -> bytes:
        return _line(status, standard_phrase(status))

    def __getitem__(self, status: int) -> bytes:
        custom = reason.get()
        if custom:
            return _line(status, custom)
        return dict.__getitem__(self, status)


_installed = False


def install() -> None:
    """Point uvicorn's httptools protocol at the table above (idempotent)."""
    global _installed
    if _installed:
        return
    from uvicorn.protocols.http import httptools_impl

    table = _StatusLines(httptools_impl.STATUS_LINE)
    httptools_impl.STATUS_LINE = table
    _installed = True
