"""Ops of WebSockets: frames from JS out to the network, and outbound connections.

The socket state machine lives in JS (``60_websocket.js``). A connection that
leaves the isolate is a :class:`HostSocket`, known to JS by an integer id that
JS allocates:

- a *coupled* socket is the client connection standing in for the end of a
  ``WebSocketPair`` the Worker returned in a ``101`` Response;
  ``op_dispatch_respond`` creates it and ``server/websocket.py`` pumps it;
- an *outbound* socket is ``new WebSocket(url)``, opened by ``op_ws_connect``
  with the ``websockets`` client, and pumped by a task started here;
- a *fetched* socket is an outbound one opened by ``fetch()`` with an
  ``Upgrade: websocket`` header (``op_ws_create`` with ``headers``): it is
  one subrequest, sends the request's headers, follows no redirect itself
  (JS does, as for any fetch) and answers a non-101 response with its
  status, headers and body instead of failing.

Frames from JS (``op_ws_send``/``op_ws_close``, sync, on the isolate thread)
are queued with ``loop.call_soon_threadsafe``. Frames from the network go back
to JS as ``{"type": "ws", "id", "kind", ...}`` events through
``host.push_event``, so they ride the dispatch loop's batches: a burst of
messages costs one crossing and an idle socket costs none (an async receive op
per socket would cost one crossing per message and keep an op pending forever).
``kind`` is ``"text"``/``"binary"`` (``data``), ``"close"`` (``code``,
``reason``, ``clean``) or ``"error"`` (``message``); close and error are the
last event of a socket.
"""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from collections.abc import Iterable
from typing import Any, Literal

from isolet.errors import JSError
from isolet.runtime.host import IsolateHost

# workerd's WEBSOCKET_MAX_MESSAGE_SIZE (api/web-socket.c++): the largest message
# a Worker's socket accepts; 128 MiB with the increase_websocket_message_size flag.
WS_MAX_MESSAGE_BYTES = 32 << 20
WS_MAX_MESSAGE_BYTES_INCREASED = 128 << 20
# How long an outbound handshake may take before the connection fails.
WS_CONNECT_TIMEOUT_S = 30.0
# How often a host whose isolate is gone is looked for, to close its outbound sockets.
_JANITOR_INTERVAL_S = 1.0

# The text kj-http/workerd give the Worker for a connection lost without a Close frame.
ABNORMAL_CLOSE_REASON = "WebSocket disconnected without sending Close frame."
MESSAGE_TOO_LARGE = "WebSocket message is too large"

# pydeno refuses a crossing over RuntimeConfig.max_serialization_bytes (10 MiB by
# default), and every event of a dispatch batch crosses at once. So a message
# larger than WS_INLINE_MAX_BYTES waits in a host resource and JS pulls it in
# WS_CHUNK_BYTES pieces (op_ws_payload); JS sends large messages in pieces too
# (op_ws_send with `more`); and the messages inlined in events not yet taken by
# the dispatch loop stay under WS_BATCH_BUDGET_BYTES per isolate: a reader over
# budget waits for the next batch, which leaves its client's bytes in the
# kernel (TCP backpressure).
WS_INLINE_MAX_BYTES = 64 << 10
WS_CHUNK_BYTES = 1 << 20
WS_BATCH_BUDGET_BYTES = 4 << 20

# ("text", str) | ("bytes", bytes) | ("close", code or None for no status, reason)
Frame = tuple[Literal["text", "bytes", "close"], Any, str]


def max_message_bytes(compat_flags: Iterable[str]) -> int:
    return WS_MAX_MESSAGE_BYTES_INCREASED if "increase_websocket_message_size" in compat_flags else WS_MAX_MESSAGE_BYTES


class HostSocket:
    """One connection JS refers to by ``id``: frames out through a queue, events in through the host."""

    def __init__(self, host: IsolateHost, sid: int, request_id: int | None) -> None:
        self.host = host
        self.id = sid
        # The request that returned the socket (coupled sockets), for CPU attribution.
        self.request_id = request_id
        # Frames from JS, in order; None stops the pump.
        self.outgoing: asyncio.Queue[Frame | None] = asyncio.Queue()
        # Set once the last event (close or error) has been pushed to JS.
        self.ended = False
        # Set once a close frame went out.
        self.close_sent = False
        # Outbound sockets: (url, subprotocols) until op_ws_connect.
        self.target: tuple[str, list[str]] | None = None
        # Fetched sockets: the request's headers (None for `new WebSocket()`).
        self.request_headers: list[tuple[str, str]] | None = None
        # The first pieces of a large message JS is sending (op_ws_send with more=True).
        self.partial: list[Any] = []

    # -- isolate thread -------------------------------------------------------
    def put(self, frame: Frame) -> None:
        self.host.loop.call_soon_threadsafe(self.outgoing.put_nowait, frame)

    # -- asyncio thread -------------------------------------------------------
    async def message(self, data: str | bytes, size: int) -> None:
        """Hand one message of ``size`` bytes to JS, waiting while the isolate is behind."""
        if self.ended:
            return
        kind = "text" if isinstance(data, str) else "binary"
        event: dict[str, Any] = {"type": "ws", "id": self.id, "kind": kind}
        if size <= WS_INLINE_MAX_BYTES:
            await _budget(self.host).room(size)
            event["data"] = data
        else:
            pid = next(self.host.resource_ids)
            self.host.resources[pid] = _Payload(data)
            event["payload"] = pid
            event["size"] = size
        if not self.ended:
            self.host.push_event(event)

    def end(self, code: int, reason: str, clean: bool) -> None:
        """The connection is over: JS gets its close event; later frames are dropped."""
        if self.ended:
            return
        self.ended = True
        self.host.resources.pop(self.id, None)
        self.host.push_event(
            {"type": "ws", "id": self.id, "kind": "close", "code": code, "reason": reason, "clean": clean}
        )

    def fail(self, message: str) -> None:
        """The connection failed: JS gets an error event and nothing after it."""
        if self.ended:
            return
        self.ended = True
        self.host.resources.pop(self.id, None)
        self.host.push_event({"type": "ws", "id": self.id, "kind": "error", "message": message})

    def stop(self) -> None:
        self.outgoing.put_nowait(None)


class _Payload:
    """A large incoming message until JS has pulled it."""

    __slots__ = ("data",)

    def __init__(self, data: str | bytes) -> None:
        self.data = data


class _Budget:
    """Bytes inlined in events the dispatch loop has not taken yet, for one isolate."""

    def __init__(self) -> None:
        self.pending = 0
        self.taken = asyncio.Event()

    async def room(self, size: int) -> None:
        while self.pending > 0 and self.pending + size > WS_BATCH_BUDGET_BYTES:
            self.taken.clear()
            await self.taken.wait()
        self.pending += size


_budgets: weakref.WeakKeyDictionary[IsolateHost, _Budget] = weakref.WeakKeyDictionary()


def _budget(host: IsolateHost) -> _Budget:
    budget = _budgets.get(host)
    if budget is None:
        budget = _budgets.setdefault(host, _Budget())
    return budget


def batch_taken(host: IsolateHost) -> None:
    """Called by op_dispatch_next (asyncio thread): every event pushed so far is in JS now."""
    budget = _budgets.get(host)
    if budget is not None and budget.pending:
        budget.pending = 0
        budget.taken.set()


def _sockets(host: IsolateHost) -> list[HostSocket]:
    return [r for r in list(host.resources.values()) if isinstance(r, HostSocket)]


def socket_of(host: IsolateHost, sid: int) -> HostSocket | None:
    sock = host.resources.get(sid)
    return sock if isinstance(sock, HostSocket) else None


def couple_socket(host: IsolateHost, request_id: int) -> int:
    """Called by op_dispatch_respond for a 101 Response: the id of the socket the server will pump."""
    sid = next(host.resource_ids)
    host.resources[sid] = HostSocket(host, sid, request_id)
    return sid


def op_ws_send(host: IsolateHost, sid: int, data: str | bytes, more: bool = False) -> None:
    """Queue one message (a string, or a Uint8Array) on socket ``sid``.

    A large message comes in pieces, every one but the last with ``more`` set.
    """
    sock = socket_of(host, sid)
    if sock is None or sock.ended:
        return
    host.mark_slice(sock.request_id)
    piece = data if isinstance(data, str) else bytes(data)
    if more is True:
        sock.partial.append(piece)
        return
    if sock.partial:
        parts = [*sock.partial, piece]
        sock.partial = []
        piece = "".join(parts) if isinstance(piece, str) else b"".join(parts)
    sock.put(("text", piece, "") if isinstance(piece, str) else ("bytes", piece, ""))


def op_ws_payload(host: IsolateHost, pid: int, offset: int) -> dict[str, Any]:
    """A piece of a large incoming message from ``offset``: ``{data, next}``; ``next`` is None at the end."""
    payload = host.resources.get(pid)
    if not isinstance(payload, _Payload):
        return {"data": b"", "next": None}
    start = int(offset)
    # A str is cut by code points, so a piece never splits a surrogate pair.
    end = start + (WS_CHUNK_BYTES // 4 if isinstance(payload.data, str) else WS_CHUNK_BYTES)
    if end >= len(payload.data):
        host.resources.pop(pid, None)
        return {"data": payload.data[start:], "next": None}
    return {"data": payload.data[start:end], "next": end}


def op_ws_close(host: IsolateHost, sid: int, code: int, reason: str) -> None:
    """Queue a close frame; code 1005 sends a close frame without a status, as workerd does."""
    sock = socket_of(host, sid)
    if sock is None or sock.ended:
        return
    host.mark_slice(sock.request_id)
    sock.put(("close", None if code == 1005 else int(code), str(reason)))


def op_ws_create(
    host: IsolateHost, url: str, protocols: list[str] | None, headers: Any = None, fetching_request: object = None
) -> int:
    """``new WebSocket(url, protocols)``, first phase: the socket's id, before any I/O.

    With ``headers`` (``[name, value]`` pairs) it is ``fetch()`` of an upgrade
    request instead: one subrequest, charged to ``fetching_request`` (the
    request whose code made the fetch) when given, sent with those headers.
    """
    request_id: int | None = None
    request_headers: list[tuple[str, str]] | None = None
    if isinstance(headers, list):
        from isolet.runtime.ops.fetch import _charge

        ctx = _charge(host, fetching_request)
        request_id = ctx.id if ctx is not None else None
        host.mark_slice(request_id)
        request_headers = [(str(k), str(v)) for k, v in headers]
    sid = next(host.resource_ids)
    sock = HostSocket(host, sid, request_id)
    sock.target = (str(url), [str(p) for p in protocols] if isinstance(protocols, list) else [])
    sock.request_headers = request_headers
    host.resources[sid] = sock
    return sid


# Request headers a fetched socket does not pass on: the client library writes
# the handshake's own (and Sec-WebSocket-Protocol/-Extensions become arguments).
_HANDSHAKE_HEADERS = frozenset(
    {
        "host",
        "connection",
        "upgrade",
        "keep-alive",
        "te",
        "transfer-encoding",
        "content-length",
        "sec-websocket-key",
        "sec-websocket-version",
        "sec-websocket-accept",
        "sec-websocket-protocol",
        "sec-websocket-extensions",
    }
)


def _handshake_options(sock: HostSocket, compat: Iterable[str]) -> dict[str, Any]:
    """The client's connect() arguments for socket ``sock``."""
    _, protocols = sock.target or ("", [])
    compression: str | None = "deflate" if "web_socket_compression" in compat else None
    extra: list[tuple[str, str]] | None = None
    if sock.request_headers is not None:
        extra = [(k, v) for k, v in sock.request_headers if k.lower() not in _HANDSHAKE_HEADERS]
        protocols = [
            p.strip()
            for k, v in sock.request_headers
            if k.lower() == "sec-websocket-protocol"
            for p in v.split(",")
            if p.strip()
        ]
        # workerd strips Sec-WebSocket-Extensions without web_socket_compression
        # and otherwise passes it on: permessage-deflate is offered only if asked for.
        asked = any(
            k.lower() == "sec-websocket-extensions" and "permessage-deflate" in v.lower()
            for k, v in sock.request_headers
        )
        compression = compression if asked else None
    return {"subprotocols": protocols or None, "compression": compression, "additional_headers": extra}


def _head(response: Any) -> dict[str, Any]:
    """A handshake response's status line and headers, as op_fetch_send gives them."""
    return {
        "status": int(response.status_code),
        "statusText": str(response.reason_phrase),
        "headers": [[str(k), str(v)] for k, v in response.headers.raw_items()],
    }


async def op_ws_connect(host: IsolateHost, sid: int) -> dict[str, Any]:
    """Open socket ``sid``: resolves with the negotiated protocol and extensions (None when there are none).

    Also ``status``, ``statusText`` and ``headers`` of the handshake response.
    A fetched socket the origin refused resolves with ``{status, statusText,
    headers, body}`` (``protocol`` absent) and is gone.
    """
    from websockets.asyncio.client import connect
    from websockets.exceptions import InvalidHandshake, InvalidStatus

    class _NoRedirects(connect):
        # fetch() follows redirects itself, one subrequest per hop.
        def process_redirect(self, exc: Exception) -> Exception | str:
            return exc

    sock = socket_of(host, sid)
    if sock is None or sock.target is None:
        raise JSError("TypeError", "Failed to establish the WebSocket connection: the socket is gone.")
    url = sock.target[0]
    fetched = sock.request_headers is not None
    compat = host.config.info.get("compatFlags") or ()
    host.mark_slice(sock.request_id)
    try:
        conn = await (_NoRedirects if fetched else connect)(
            url,
            **_handshake_options(sock, compat),
            max_size=None,
            open_timeout=WS_CONNECT_TIMEOUT_S,
            ping_interval=None,
            user_agent_header=None,
        )
    except InvalidStatus as e:
        host.resources.pop(sid, None)
        if fetched:
            return {**_head(e.response), "body": bytes(e.response.body)}
        raise JSError(
            "TypeError",
            "Failed to establish the WebSocket connection: expected server to reply with HTTP status code 101 "
            f"(switching protocols), but received {e.response.status_code} instead.",
        ) from e
    except (OSError, InvalidHandshake, TimeoutError) as e:
        host.resources.pop(sid, None)
        if fetched:
            # The text op_fetch_send gives for a connection that fails.
            raise JSError("TypeError", f"fetch failed: {getattr(e, 'strerror', None) or e}") from e
        raise JSError("TypeError", f"Failed to establish the WebSocket connection: {e}") from e
    limit = max_message_bytes(compat)
    task = host.loop.create_task(_pump_outbound(sock, conn, limit))
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
    if host not in _janitors:
        _janitors[host] = host.loop.create_task(_janitor(host))
    response = conn.response
    extensions = response.headers.get("Sec-WebSocket-Extensions") if response is not None else None
    head = _head(response) if response is not None else {"status": 101, "statusText": "", "headers": []}
    return {"protocol": conn.subprotocol, "extensions": extensions, **head}


_tasks: set[asyncio.Task[None]] = set()
# TODO(soon): let IsolateHost close its resources when it stops (fail_all/stop);
# until then one janitor per host with outbound sockets watches host.closed.
_janitors: weakref.WeakKeyDictionary[IsolateHost, asyncio.Task[None]] = weakref.WeakKeyDictionary()


async def _pump_outbound(sock: HostSocket, conn: Any, limit: int) -> None:
    from websockets.exceptions import ConnectionClosed

    async def write() -> None:
        while True:
            frame = await sock.outgoing.get()
            if frame is None:
                return
            kind, data, reason = frame
            try:
                if kind == "close":
                    sock.close_sent = True
                    # websockets sends a close frame without a status for code None.
                    await conn.close(data, reason)
                else:
                    await conn.send(data)
            except ConnectionClosed:
                return

    writer = asyncio.get_running_loop().create_task(write())
    try:
        async for message in conn:
            size = len(message) if isinstance(message, (bytes, bytearray)) else len(message.encode())
            if size > limit:
                sock.fail(MESSAGE_TOO_LARGE)
                await conn.close(1009, "Message is too large")
                break
            await sock.message(message if isinstance(message, str) else bytes(message), size)
    except ConnectionClosed:
        pass
    finally:
        rcvd = getattr(conn.protocol, "close_rcvd", None)
        if rcvd is not None:
            sock.end(int(rcvd.code), str(rcvd.reason), True)
        else:
            sock.end(1006, ABNORMAL_CLOSE_REASON, False)
        sock.stop()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(writer, 5.0)
        writer.cancel()
        with contextlib.suppress(Exception):
            await conn.close()


async def _janitor(host: IsolateHost) -> None:
    """Close the outbound sockets of an isolate that has stopped."""
    try:
        while not host.closed:
            await asyncio.sleep(_JANITOR_INTERVAL_S)
        for sock in _sockets(host):
            if sock.target is not None:
                sock.put(("close", 1001, "The Worker's isolate stopped."))
    finally:
        _janitors.pop(host, None)
