"""The HTTP front end: an ASGI app that hands each request to a Worker.

Requests reach the Worker with method, full URL, every header as sent
(repeated headers and Set-Cookie apart) and the body: inline when it arrived
whole in the first message, streamed chunk by chunk otherwise. The response
head is sent when the Worker produces it and its body streams with
backpressure: the Worker's writes wait while the client is behind.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from typing import Any

from isolet.engine.limits import LimitExceeded
from isolet.engine.worker import WorkerInstance
from isolet.runtime.context import IncomingRequest, OutgoingResponse, ResponseBodyChannel
from isolet.server.status_line import reason, standard_phrase
from isolet.server.websocket import serve_websocket

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

# A body that arrives whole and no larger than this crosses into JS with the
# request event; anything else streams through op_dispatch_body_read.
INLINE_BODY_MAX = 1 << 20


class WorkerApp:
    def __init__(
        self,
        instance: Callable[[], Awaitable[WorkerInstance]],
        cf: Callable[[], dict[str, Any]],
        ready: Callable[[], WorkerInstance | None] | None = None,
    ) -> None:
        # ``cf`` is asked per request: a reload may change the config's [dev] cf.
        self._instance = instance
        self._cf = cf
        self._ready = ready

    @property
    def cf(self) -> dict[str, Any]:
        return self._cf()

    def instance(self) -> Awaitable[WorkerInstance]:
        return self._instance()

    def ready(self) -> WorkerInstance | None:
        """The serving instance if one is up, without awaiting (None: call ``instance()``)."""
        return self._ready() if self._ready is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] == "websocket":
            await serve_websocket(scope, receive, send, self._instance, self._cf())
            return
        if scope["type"] != "http":
            return
        request = await _incoming(scope, receive, self._cf())
        try:
            worker = await self._instance()
        except Exception as e:  # the Worker cannot load: say so, keep serving
            await _plain(send, 500, f"The Worker failed to load: {e}\n")
            return
        ctx = worker.fetch(request)
        try:
            response = await ctx.response
        except LimitExceeded as e:
            await _plain(send, 503, f"{e}\n")
            return
        except Exception as e:
            await _plain(send, 500, f"internal error: {e}\n")
            return
        # Once the request body is consumed, the only message left to receive is
        # the client's disconnect: watch for it so a streaming Worker stops
        # producing for nobody.
        watch = request.body_stream is None
        await _send_response(scope, send, response, receive if watch else None)


async def _incoming(scope: Scope, receive: Receive, cf: dict[str, Any]) -> IncomingRequest:
    headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]]
    host = next((v for k, v in headers if k.lower() == "host"), None)
    if host is None:
        server = scope.get("server") or ("127.0.0.1", 80)
        host = f"{server[0]}:{server[1]}"
    path = scope.get("raw_path") or scope["path"].encode()
    query = scope.get("query_string") or b""
    url = f"{scope.get('scheme', 'http')}://{host}{path.decode('latin-1')}"
    if query:
        url += "?" + query.decode("latin-1")
    method = scope["method"]
    first = await receive()
    body = first.get("body", b"")
    body_stream: AsyncIterator[bytes] | None = None
    if first.get("more_body", False):
        body_stream = _body_chunks(body, receive)
        body = None
    elif len(body) > INLINE_BODY_MAX:
        body_stream = _one_chunk(body)
        body = None
    elif not body and method in ("GET", "HEAD"):
        body = None
    return IncomingRequest(method, url, headers, body, body_stream, cf)


async def _body_chunks(first: bytes, receive: Receive) -> AsyncIterator[bytes]:
    if first:
        yield first
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return
        chunk = message.get("body", b"")
        if chunk:
            yield chunk
        if not message.get("more_body", False):
            return


async def _one_chunk(body: bytes) -> AsyncIterator[bytes]:
    yield body


async def _send_response(
    scope: Scope, send: Send, response: OutgoingResponse, receive: Receive | None = None
) -> None:
    headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in response.headers]
    if (
        response.stream is None
        and response.status not in (204, 304)
        and response.status >= 200
        and not any(k.lower() == "content-length" for k, _ in response.headers)
    ):
        headers.append((b"content-length", str(len(response.body or b"")).encode()))
    # The reason phrase: the Worker's statusText when it set one that differs
    # from the standard phrase (see status_line.py).
    text = response.status_text
    token = reason.set(text if text and text != standard_phrase(response.status) else None)
    try:
        await send({"type": "http.response.start", "status": response.status, "headers": headers})
    finally:
        reason.reset(token)
    head_only = scope["method"] == "HEAD"
    if response.stream is None:
        await send({"type": "http.response.body", "body": b"" if head_only else (response.body or b"")})
        return
    channel = response.stream
    watcher = asyncio.get_running_loop().create_task(_watch_disconnect(receive, channel)) if receive else None
    try:
        async for chunk in channel:
            if channel.client_gone:
                break
            if not head_only:
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
    except (OSError, asyncio.CancelledError):
        channel.abandon()
        raise
    except Exception:
        # The Worker's body stream failed mid-way (JS logged why). The status
        # is already sent, so the honest signal left is an incomplete body:
        # returning without the final message makes the server cut the
        # connection.
        channel.abandon()
        return
    finally:
        if watcher is not None:
            watcher.cancel()
    await send({"type": "http.response.body", "body": b""})


async def _watch_disconnect(receive: Receive, channel: ResponseBodyChannel) -> None:
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            channel.abandon()
            return


async def _plain(send: Send, status: int, text: str) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain;charset=UTF-8")],
        }
    )
    await send({"type": "http.response.body", "body": text.encode()})


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
