"""WebSocket upgrades: the Worker answers, and a ``101`` with a ``webSocket`` opens the connection.

An ASGI ``websocket`` scope reaches the Worker as an ordinary ``fetch`` event
(``GET``, ``http(s)://`` URL, the upgrade headers as sent). If the Worker
returns ``new Response(null, {status: 101, webSocket: client})`` the upgrade
is accepted (with the Worker's ``Sec-WebSocket-Protocol`` and other headers)
and the connection takes the place of ``client``: frames from the browser go
to the Worker's end of the pair as ``message`` events, frames the Worker sends
go out. Any other response is sent as a plain HTTP response (the ASGI
``websocket.http.response`` extension), so a Worker can refuse an upgrade with
a 426 as on the platform.

The connection ends when either side closes (the Worker gets a ``close``
event with the code and reason), when the client disconnects (code 1006,
``wasClean`` false), or when the isolate stops (the client gets 1011).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from isolet.engine.limits import LimitExceeded
from isolet.engine.worker import WorkerInstance
from isolet.runtime.context import IncomingRequest, OutgoingResponse, RequestContext
from isolet.runtime.ops.websocket import (
    ABNORMAL_CLOSE_REASON,
    MESSAGE_TOO_LARGE,
    WS_MAX_MESSAGE_BYTES_INCREASED,
    HostSocket,
    max_message_bytes,
    socket_of,
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

# The largest message the ASGI server should let through; each Worker's own
# limit (32 MiB, or 128 MiB with increase_websocket_message_size) is enforced here.
ASGI_MAX_MESSAGE_BYTES = WS_MAX_MESSAGE_BYTES_INCREASED
# Handshake headers the server writes itself; the Worker's values are not used.
_HANDSHAKE_HEADERS = frozenset(
    {"upgrade", "connection", "sec-websocket-accept", "sec-websocket-extensions", "sec-websocket-protocol",
     "content-length", "transfer-encoding"}
)
# Close code and reason the client gets when the isolate stops under an open socket.
ISOLATE_GONE = (1011, "The Worker's isolate stopped.")


async def serve_websocket(
    scope: Scope, receive: Receive, send: Send, instance: Callable[[], Awaitable[WorkerInstance]], cf: dict[str, Any]
) -> None:
    message = await receive()
    if message["type"] != "websocket.connect":
        return
    request = _incoming(scope, cf)
    try:
        worker = await instance()
    except Exception as e:  # the Worker cannot load: say so, keep serving
        await _plain(scope, send, 500, f"The Worker failed to load: {e}\n")
        return
    ctx = worker.fetch(request)
    try:
        response = await ctx.response
    except LimitExceeded as e:
        await _plain(scope, send, 503, f"{e}\n")
        return
    except Exception as e:
        await _plain(scope, send, 500, f"internal error: {e}\n")
        return
    host = worker.host
    sock = socket_of(host, response.websocket) if host is not None and response.websocket is not None else None
    if sock is None:
        await _send_http(scope, send, response)
        return
    subprotocol = next((v for k, v in response.headers if k.lower() == "sec-websocket-protocol"), None)
    headers = [
        (k.encode("latin-1"), v.encode("latin-1")) for k, v in response.headers if k.lower() not in _HANDSHAKE_HEADERS
    ]
    await send({"type": "websocket.accept", "subprotocol": subprotocol, "headers": headers})
    await _bridge(sock, ctx, receive, send, max_message_bytes(worker.spec.compat_flags))


async def _bridge(sock: HostSocket, ctx: RequestContext, receive: Receive, send: Send, limit: int) -> None:
    loop = asyncio.get_running_loop()
    reader = loop.create_task(_client_to_worker(sock, receive, send, limit))
    writer = loop.create_task(_worker_to_client(sock, send))
    try:
        # The request ends when JS has seen the connection's last event, or
        # when the isolate stops (fail_all settles `done`).
        await asyncio.wait({reader, ctx.done}, return_when=asyncio.FIRST_COMPLETED)
        await ctx.done
    finally:
        reader.cancel()
        # Frames queued before the end still go out, then the pump stops.
        sock.stop()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(writer, 5.0)
        writer.cancel()
    if not sock.ended and not sock.close_sent:
        # The isolate stopped under the socket.
        sock.ended = True
        with contextlib.suppress(Exception):
            await send({"type": "websocket.close", "code": ISOLATE_GONE[0], "reason": ISOLATE_GONE[1]})


async def _client_to_worker(sock: HostSocket, receive: Receive, send: Send, limit: int) -> None:
    while True:
        message = await receive()
        kind = message["type"]
        if kind == "websocket.receive":
            text = message.get("text")
            data: str | bytes = text if text is not None else bytes(message.get("bytes") or b"")
            size = len(data) if isinstance(data, bytes) else _utf8_length(data)
            if size > limit:
                sock.fail(MESSAGE_TOO_LARGE)
                sock.close_sent = True
                with contextlib.suppress(Exception):
                    await send({"type": "websocket.close", "code": 1009, "reason": "Message is too large"})
                return
            await sock.message(data, size)
        elif kind == "websocket.disconnect":
            code = message.get("code")
            if "reason" in message:
                # A close frame: the peer's, or the echo of the Worker's own.
                sock.end(1005 if code is None else int(code), str(message.get("reason") or ""), True)
            else:
                sock.end(1006, ABNORMAL_CLOSE_REASON, False)
            return


def _utf8_length(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode())


async def _worker_to_client(sock: HostSocket, send: Send) -> None:
    gone = False
    while True:
        frame = await sock.outgoing.get()
        if frame is None:
            return
        if gone or sock.close_sent:
            continue
        kind, data, reason = frame
        try:
            if kind == "text":
                await send({"type": "websocket.send", "text": data})
            elif kind == "bytes":
                await send({"type": "websocket.send", "bytes": data})
            else:
                sock.close_sent = True
                # code None: a close frame without a status (the Worker's close() with no code).
                await send({"type": "websocket.close", "code": data, "reason": reason})
        except Exception:
            # The client is gone; its disconnect reaches the Worker through the reader.
            gone = True


def _incoming(scope: Scope, cf: dict[str, Any]) -> IncomingRequest:
    headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]]
    host = next((v for k, v in headers if k.lower() == "host"), None)
    if host is None:
        server = scope.get("server") or ("127.0.0.1", 80)
        host = f"{server[0]}:{server[1]}"
    path = scope.get("raw_path") or scope["path"].encode()
    query = scope.get("query_string") or b""
    scheme = "https" if scope.get("scheme") == "wss" else "http"
    url = f"{scheme}://{host}{path.decode('latin-1')}"
    if query:
        url += "?" + query.decode("latin-1")
    return IncomingRequest("GET", url, headers, None, None, cf)


async def _send_http(scope: Scope, send: Send, response: OutgoingResponse) -> None:
    """A response other than an accepted upgrade, as plain HTTP (or a refusal without the extension)."""
    if "websocket.http.response" not in (scope.get("extensions") or {}):
        await send({"type": "websocket.close", "code": 1008})
        if response.stream is not None:
            response.stream.abandon()
        return
    status = response.status if 100 <= response.status < 600 and response.status != 101 else 500
    headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in response.headers]
    await send({"type": "websocket.http.response.start", "status": status, "headers": headers})
    if response.stream is None:
        await send({"type": "websocket.http.response.body", "body": response.body or b""})
        return
    channel = response.stream
    try:
        async for chunk in channel:
            await send({"type": "websocket.http.response.body", "body": chunk, "more_body": True})
    except Exception:
        channel.abandon()
    await send({"type": "websocket.http.response.body", "body": b""})


async def _plain(scope: Scope, send: Send, status: int, text: str) -> None:
    response = OutgoingResponse(status, "", [("content-type", "text/plain;charset=UTF-8")], text.encode())
    await _send_http(scope, send, response)
