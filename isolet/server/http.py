"""The HTTP/1.1 front end: an asyncio protocol on ``httptools`` that talks to the Worker directly.

uvicorn still owns the listening socket, start-up, graceful shutdown and the
``Date`` header; this class replaces its per-connection protocol (passed as
``uvicorn.Config(http=HttpProtocol)``) and skips the ASGI layer for plain
HTTP: no scope dict, no receive()/send() messages, no task per request when
the Worker answers with a whole body (a done-callback on the response future
writes it). A WebSocket upgrade is handed to uvicorn's WebSocket protocol as
uvicorn's own HTTP protocol does, so server/websocket.py keeps its ASGI scope.

Semantics match server/app.py: the request body crosses inline when it
arrived whole with the head, streams otherwise; the response head is written
when the Worker produces it and a streamed body is written with backpressure.
"""

from __future__ import annotations

import asyncio
import contextlib
import http
from collections import deque
from collections.abc import AsyncIterator
from typing import Any

import httptools

from isolet.engine.limits import LimitExceeded
from isolet.engine.worker import WorkerInstance
from isolet.runtime.context import IncomingRequest, OutgoingResponse, RequestContext
from isolet.server.app import INLINE_BODY_MAX, WorkerApp

# Request body bytes buffered before reading from the client pauses.
HIGH_WATER = 64 * 1024
# A chunked-encoding frame is built by copying chunks below this size; larger ones are written in three parts.
CHUNK_COPY_MAX = 16 * 1024
_STATUS_LINES: dict[int, bytes] = {}


def standard_phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


def _status_line(status: int, text: str) -> bytes:
    if text and text != standard_phrase(status):
        return b"HTTP/1.1 %d %s\r\n" % (status, text.encode("latin-1", "replace"))
    line = _STATUS_LINES.get(status)
    if line is None:
        line = _STATUS_LINES[status] = b"HTTP/1.1 %d %s\r\n" % (status, standard_phrase(status).encode("latin-1"))
    return line


class _Exchange:
    """One request on a connection, from its head to the end of its response."""

    __slots__ = ("method", "url", "headers", "parts", "complete", "keep_alive", "expect", "queue", "queued",
                 "channel", "continued")

    def __init__(self, method: str, url: str, headers: list[tuple[str, str]], keep_alive: bool, expect: bool) -> None:
        self.method = method
        self.url = url
        self.headers = headers
        self.parts: list[bytes] = []
        self.complete = False
        self.keep_alive = keep_alive
        self.expect = expect
        # Set once the request started with its body still arriving: chunks, then None.
        self.queue: asyncio.Queue[bytes | None] | None = None
        self.queued = 0
        self.channel: Any = None
        self.continued = False


class HttpProtocol(asyncio.Protocol):
    def __init__(
        self,
        config: Any,
        server_state: Any,
        app_state: dict[str, Any] | None = None,
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        self.config = config
        self.server_state = server_state
        self.app_state = app_state if app_state is not None else {}
        app = config.app
        if not isinstance(app, WorkerApp):
            raise TypeError("HttpProtocol serves a WorkerApp")
        self.app = app
        self.loop = _loop or asyncio.get_running_loop()
        self.parser = httptools.HttpRequestParser(self)
        with contextlib.suppress(AttributeError):
            self.parser.set_dangerous_leniencies(lenient_data_after_close=True)
        self.transport: asyncio.Transport | None = None
        self.host = "127.0.0.1:80"
        self.scheme = "http"
        self.closed = False
        self.reading_paused = False
        self.writable: asyncio.Future[None] | None = None
        self.keep_alive_timer: asyncio.TimerHandle | None = None
        # The exchange being answered, then the ones parsed behind it (pipelining).
        self.active: _Exchange | None = None
        self.waiting: deque[_Exchange] = deque()
        self.parsing: _Exchange | None = None
        self.ws_upgrade = False
        self._ws_method = "GET"
        # Per-message parse state.
        self._url = b""
        self._headers: list[tuple[str, str]] = []
        self._expect = False
        self._host: str | None = None

    # -- asyncio.Protocol -----------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport) or hasattr(transport, "write")
        self.transport = transport  # type: ignore[assignment]
        self.server_state.connections.add(self)
        sock = transport.get_extra_info("sockname")
        if isinstance(sock, tuple) and len(sock) >= 2:
            self.host = f"{sock[0]}:{sock[1]}"
        if transport.get_extra_info("sslcontext") is not None:
            self.scheme = "https"

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.server_state.connections.discard(self)
        self._cancel_keep_alive()
        for ex in (self.active, self.parsing, *self.waiting):
            if ex is None:
                continue
            if ex.queue is not None:
                ex.queue.put_nowait(None)
            if ex.channel is not None:
                ex.channel.abandon()
        if self.writable is not None and not self.writable.done():
            self.writable.set_result(None)

    def pause_writing(self) -> None:
        if self.writable is None or self.writable.done():
            self.writable = self.loop.create_future()

    def resume_writing(self) -> None:
        if self.writable is not None and not self.writable.done():
            self.writable.set_result(None)

    def data_received(self, data: bytes) -> None:
        self._cancel_keep_alive()
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            if self.ws_upgrade:
                self._hand_to_websocket()
            return
        except httptools.HttpParserError:
            self._send_400("Invalid HTTP request received.")
            return
        ex = self.parsing
        if ex is not None and ex is self.active and ex.queue is None and not ex.complete:
            # The head arrived but not the whole body: start the request now and stream the rest.
            self._start(ex)

    def shutdown(self) -> None:
        """Called by uvicorn for a graceful shutdown."""
        if self.active is None:
            if self.transport is not None:
                self.transport.close()
        else:
            self.active.keep_alive = False

    # -- httptools callbacks --------------------------------------------------
    def on_message_begin(self) -> None:
        self._url = b""
        self._headers = []
        self._expect = False
        self._host = None

    def on_url(self, url: bytes) -> None:
        self._url += url

    def on_header(self, name: bytes, value: bytes) -> None:
        key = name.decode("latin-1").lower()
        text = value.decode("latin-1")
        if key == "host" and self._host is None:
            self._host = text
        elif key == "expect" and text.lower() == "100-continue":
            self._expect = True
        self._headers.append((key, text))

    def on_headers_complete(self) -> None:
        parser = self.parser
        method = parser.get_method().decode("ascii")
        if parser.should_upgrade() and self._wants_websocket():
            self.ws_upgrade = True
            self._ws_method = method
            return
        raw = self._url
        if raw[:1] != b"/" or b"#" in raw:
            parsed = httptools.parse_url(raw)
            raw = parsed.path + (b"?" + parsed.query if parsed.query else b"")
        url = f"{self.scheme}://{self._host or self.host}{raw.decode('latin-1')}"
        keep_alive = parser.get_http_version() != "1.0" and parser.should_keep_alive()
        ex = _Exchange(method, url, self._headers, keep_alive, self._expect)
        self.parsing = ex
        if self.active is None:
            self.active = ex
        else:
            self.waiting.append(ex)
            self._pause_reading()

    def on_body(self, body: bytes) -> None:
        ex = self.parsing
        if ex is None:
            return
        if ex.queue is not None:
            ex.queue.put_nowait(body)
            ex.queued += len(body)
            if ex.queued > HIGH_WATER:
                self._pause_reading()
        else:
            ex.parts.append(body)

    def on_message_complete(self) -> None:
        ex = self.parsing
        if ex is None:
            return
        self.parsing = None
        ex.complete = True
        if ex.queue is not None:
            ex.queue.put_nowait(None)
        elif ex is self.active:
            self._start(ex)

    # -- requests -------------------------------------------------------------
    def _start(self, ex: _Exchange) -> None:
        body: bytes | None
        stream: AsyncIterator[bytes] | None = None
        if ex.complete:
            body = b"".join(ex.parts) if len(ex.parts) != 1 else ex.parts[0]
            ex.parts = []
            if len(body) > INLINE_BODY_MAX:
                stream, body = _one_chunk(body), None
            elif not body and ex.method in ("GET", "HEAD"):
                body = None
        else:
            ex.queue = asyncio.Queue()
            for part in ex.parts:
                ex.queue.put_nowait(part)
                ex.queued += len(part)
            ex.parts = []
            stream, body = self._body_chunks(ex), None
        request = IncomingRequest(ex.method, ex.url, ex.headers, body, stream, self.app.cf)
        worker = self.app.ready()
        if worker is None:
            self.loop.create_task(self._start_slow(ex, request))
            return
        self._dispatch(ex, worker, request)

    async def _start_slow(self, ex: _Exchange, request: IncomingRequest) -> None:
        try:
            worker = await self.app.instance()
        except Exception as e:  # the Worker cannot load: say so, keep serving
            self._plain(ex, 500, f"The Worker failed to load: {e}\n")
            return
        self._dispatch(ex, worker, request)

    def _dispatch(self, ex: _Exchange, worker: WorkerInstance, request: IncomingRequest) -> None:
        ctx = worker.fetch(request)
        ctx.response.add_done_callback(lambda fut: self._on_response(ex, ctx, fut))

    async def _body_chunks(self, ex: _Exchange) -> AsyncIterator[bytes]:
        queue = ex.queue
        assert queue is not None
        if ex.expect and not ex.continued and self.transport is not None and not self.closed:
            ex.continued = True
            self.transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        while True:
            chunk = await queue.get()
            if chunk is None:
                return
            ex.queued -= len(chunk)
            if ex.queued <= HIGH_WATER and ex is self.active:
                self._resume_reading()
            if chunk:
                yield chunk

    def _on_response(self, ex: _Exchange, ctx: RequestContext, fut: asyncio.Future[OutgoingResponse]) -> None:
        if self.closed:
            if not fut.cancelled() and fut.exception() is None and fut.result().stream is not None:
                fut.result().stream.abandon()  # type: ignore[union-attr]
            return
        if fut.cancelled():
            self._plain(ex, 500, "internal error: cancelled\n")
            return
        exc = fut.exception()
        if isinstance(exc, LimitExceeded):
            self._plain(ex, 503, f"{exc}\n")
            return
        if exc is not None:
            self._plain(ex, 500, f"internal error: {exc}\n")
            return
        response = fut.result()
        try:
            head, chunked = self._head(ex, response)
        except RuntimeError as e:  # a header with CR/LF: never write it
            if response.stream is not None:
                response.stream.abandon()
            self._plain(ex, 500, f"internal error: {e}\n")
            return
        if response.stream is None:
            if ex.method == "HEAD" or response.body is None:
                self._write(head)
            else:
                self._write(head + response.body)
            self._finish(ex)
        else:
            self._write(head)
            ex.channel = response.stream
            self.loop.create_task(self._pump(ex, response, chunked))

    def _head(self, ex: _Exchange, response: OutgoingResponse) -> tuple[bytes, bool]:
        status = response.status
        lines = [_status_line(status, response.status_text)]
        for name, value in self.server_state.default_headers:
            lines.append(name + b": " + value + b"\r\n")
        has_length = chunked_te = False
        text = []
        for k, v in response.headers:
            k = k.lower()
            if k == "content-length":
                has_length = True
            elif k == "transfer-encoding" and v.lower() == "chunked":
                chunked_te = True
            elif k == "connection" and v.lower() == "close":
                ex.keep_alive = False
            text.append(f"{k}: {v}\r\n")
        joined = "".join(text)
        if joined.count("\n") != len(text) or joined.count("\r") != len(text):
            raise RuntimeError("Invalid HTTP header.")
        lines.append(joined.encode("latin-1"))
        chunked = False
        if response.stream is None:
            if status not in (204, 304) and status >= 200 and not has_length:
                lines.append(b"content-length: %d\r\n" % len(response.body or b""))
        elif not has_length and not chunked_te and ex.method != "HEAD" and status not in (204, 304):
            chunked = True
            lines.append(b"transfer-encoding: chunked\r\n")
        elif chunked_te:
            chunked = True
        if not ex.keep_alive:
            lines.append(b"connection: close\r\n")
        lines.append(b"\r\n")
        return b"".join(lines), chunked

    async def _pump(self, ex: _Exchange, response: OutgoingResponse, chunked: bool) -> None:
        channel = response.stream
        assert channel is not None
        head_only = ex.method == "HEAD"
        try:
            async for chunk in channel:
                if channel.client_gone or self.closed:
                    break
                if not head_only:
                    if not chunked:
                        self._write(chunk)
                    elif len(chunk) < CHUNK_COPY_MAX:
                        self._write(b"%x\r\n%b\r\n" % (len(chunk), chunk))
                    else:
                        # Big chunks go to the transport as they are: no Python-level copy of the body.
                        self._write(b"%x\r\n" % len(chunk))
                        self._write(chunk)
                        self._write(b"\r\n")
                    if self.writable is not None and not self.writable.done():
                        await self.writable
        except asyncio.CancelledError:
            channel.abandon()
            raise
        except Exception:
            # The Worker's body stream failed mid-way: an incomplete body is the signal left.
            channel.abandon()
            if self.transport is not None:
                self.transport.close()
            return
        if self.closed:
            channel.abandon()
            return
        if chunked and not head_only:
            self._write(b"0\r\n\r\n")
        self._finish(ex)

    def _plain(self, ex: _Exchange, status: int, text: str) -> None:
        if self.closed:
            return
        body = text.encode()
        response = OutgoingResponse(status, "", [("content-type", "text/plain;charset=UTF-8")], body)
        head, _ = self._head(ex, response)
        self._write(head if ex.method == "HEAD" else head + body)
        self._finish(ex)

    def _finish(self, ex: _Exchange) -> None:
        self.server_state.total_requests += 1
        if self.transport is None or self.closed:
            return
        if not ex.keep_alive or not ex.complete:
            # A body the Worker did not read fully is left unread: close rather than resync.
            self.transport.close()
            return
        self.active = None
        if self.waiting:
            nxt = self.waiting.popleft()
            self.active = nxt
            self._resume_reading()
            if nxt.complete or nxt is self.parsing:
                self._start(nxt)
            return
        self._resume_reading()
        self.keep_alive_timer = self.loop.call_later(self.config.timeout_keep_alive, self._idle_timeout)

    # -- plumbing -------------------------------------------------------------
    def _write(self, data: bytes) -> None:
        if self.transport is not None and not self.closed:
            self.transport.write(data)

    def _idle_timeout(self) -> None:
        self.keep_alive_timer = None
        if self.active is None and self.transport is not None:
            self.transport.close()

    def _cancel_keep_alive(self) -> None:
        if self.keep_alive_timer is not None:
            self.keep_alive_timer.cancel()
            self.keep_alive_timer = None

    def _pause_reading(self) -> None:
        if not self.reading_paused and self.transport is not None:
            self.reading_paused = True
            self.transport.pause_reading()

    def _resume_reading(self) -> None:
        if self.reading_paused and self.transport is not None:
            self.reading_paused = False
            self.transport.resume_reading()

    def _send_400(self, msg: str) -> None:
        if self.transport is None:
            return
        body = msg.encode("ascii")
        self.transport.write(
            b"HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain; charset=utf-8\r\n"
            b"content-length: %d\r\nconnection: close\r\n\r\n%b" % (len(body), body)
        )
        self.transport.close()

    def _wants_websocket(self) -> bool:
        if self.config.ws_protocol_class is None:
            return False
        connection: list[str] = []
        upgrade = None
        for k, v in self._headers:
            if k == "connection":
                connection = [t.strip().lower() for t in v.split(",")]
            elif k == "upgrade":
                upgrade = v.lower()
        return "upgrade" in connection and upgrade == "websocket"

    def _hand_to_websocket(self) -> None:
        """Give the connection to uvicorn's WebSocket protocol, replaying the request head."""
        assert self.transport is not None
        self.server_state.connections.discard(self)
        out = [self._ws_method.encode("ascii"), b" ", self._url, b" HTTP/1.1\r\n"]
        for k, v in self._headers:
            out += [k.encode("latin-1"), b": ", v.encode("latin-1"), b"\r\n"]
        out.append(b"\r\n")
        protocol = self.config.ws_protocol_class(
            config=self.config, server_state=self.server_state, app_state=self.app_state
        )
        protocol.connection_made(self.transport)
        protocol.data_received(b"".join(out))
        self.transport.set_protocol(protocol)


async def _one_chunk(body: bytes) -> AsyncIterator[bytes]:
    yield body
