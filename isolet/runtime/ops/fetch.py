"""Outbound ``fetch()``: a small asyncio HTTP/1.1 client over ``httptools``.

One subrequest (one hop of a redirect chain) is a :class:`Subrequest`,
known to JS by an int id. The crossings for one fetch:

- ``op_fetch_start`` (sync): checks the subrequest limit, records the
  request and starts connecting on the asyncio loop; returns the id.
- ``op_fetch_send`` (async): the response head, plus whatever of the body
  has already arrived (a small response is complete here: two crossings).
- ``op_fetch_read`` (async): the next body bytes, everything buffered (up to
  ``READ_MAX`` bytes) in one crossing; ``None`` at the end.
- ``op_fetch_write`` (async): one request body chunk of a streamed upload
  (``None`` ends it). Upload and download run at the same time.
- ``op_fetch_abort`` / ``op_fetch_close`` (sync): drop the subrequest.

Errors cross as data: ``{"error": [class, message]}``, rebuilt in JS.

Connections are kept per isolate host in a :class:`FetchClient` and reused
for the same origin (scheme, host, port) when the previous exchange ended
cleanly; idle ones are closed after ``IDLE_TIMEOUT_S`` and all of them when
the host is garbage collected.

Subrequest limit. A ``fetch()`` names the request whose code made it (the
dispatcher's async-context variable, 90_dispatch.js, follows awaits, timers
and promise chains), and that request is charged. A fetch made outside any
request's context (a callback that lost it) falls back to the in-flight
request with the fewest subrequests so far ("fair share"), so a Worker never
fails a request that stayed within the limit while a runaway loop still stops.
The same request is charged the CPU slice that ends at each crossing.
"""

from __future__ import annotations

import asyncio
import itertools
import ssl
import weakref
import zlib
from collections import deque
from typing import Any, cast
from urllib.parse import urlsplit

import brotli  # type: ignore[import-untyped]
import httptools

from isolet.errors import JSError
from isolet.runtime.context import RequestContext
from isolet.runtime.host import IsolateHost

# Workers' default subrequest limit per request (Workers limits page: 50 on the free plan).
DEFAULT_SUBREQUESTS = 50
# workerd's text, as production Workers raise it from fetch().
TOO_MANY_SUBREQUESTS = "Too many subrequests."
# workerd (jsg/util.c++): a DISCONNECTED exception becomes this plain Error.
CONNECTION_LOST = "Network connection lost."

READ_MAX = 1 << 20  # bytes handed to JS per op_fetch_read at most
PAUSE_AT = 1 << 20  # stop reading the socket while this much is buffered
RESUME_AT = 256 << 10
IDLE_TIMEOUT_S = 30.0
MAX_IDLE_PER_ORIGIN = 16
# Hop-by-hop and framing headers the client sets itself.
_DROPPED = frozenset({"host", "connection", "keep-alive", "transfer-encoding", "content-length", "te", "upgrade"})
_NO_BODY_METHODS = frozenset({"GET", "HEAD", "DELETE", "OPTIONS", "TRACE"})


def _error(cls: str, message: str) -> dict[str, Any]:
    return {"error": [cls, message]}


class _Decoder:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._gzip = zlib.decompressobj(16 + zlib.MAX_WBITS) if kind == "gzip" else None
        self._br = brotli.Decompressor() if kind == "br" else None

    def feed(self, data: bytes) -> bytes:
        if self._gzip is not None:
            return self._gzip.decompress(data)
        assert self._br is not None
        return bytes(self._br.process(data))

    def finish(self) -> bytes:
        if self._gzip is not None:
            out = self._gzip.flush()
            if not self._gzip.eof:
                raise zlib.error("incomplete gzip stream")
            return out
        return b""


class _Conn(asyncio.Protocol):
    """One HTTP/1.1 connection; carries one exchange at a time."""

    def __init__(self, client: FetchClient, origin: tuple[str, str, int]) -> None:
        self.client = client
        self.origin = origin
        self.transport: asyncio.Transport | None = None
        self.exchange: Subrequest | None = None
        self.closed = False
        self.reused = False
        self.idle_handle: asyncio.TimerHandle | None = None
        self._parser: httptools.HttpResponseParser | None = None
        self._reason = b""
        self._headers: list[list[str]] = []
        self._write_paused = False
        self._drain: asyncio.Future[None] | None = None
        self._head_only = False

    # -- asyncio.Protocol ----------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports do not subclass asyncio.Transport; they implement it.
        self.transport = cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        ex = self.exchange
        if ex is None or self._parser is None:
            self.close()  # bytes nobody asked for: the connection is unusable
            return
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            ex.fail("TypeError", "fetch() does not support protocol upgrades.")
            self.close()
        except httptools.HttpParserError as e:
            ex.fail("Error", f"{CONNECTION_LOST} ({e})")
            self.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.client.forget(self)
        self._wake_drain()
        ex = self.exchange
        self.exchange = None
        if ex is not None:
            ex.connection_lost()

    def pause_writing(self) -> None:
        self._write_paused = True

    def resume_writing(self) -> None:
        self._write_paused = False
        self._wake_drain()

    def _wake_drain(self) -> None:
        if self._drain is not None and not self._drain.done():
            self._drain.set_result(None)
        self._drain = None

    async def drain(self) -> None:
        if self._write_paused and not self.closed:
            self._drain = asyncio.get_running_loop().create_future()
            await self._drain

    # -- httptools callbacks ---------------------------------------------------
    def on_status(self, status: bytes) -> None:
        self._reason += status

    def on_header(self, name: bytes, value: bytes) -> None:
        self._headers.append([name.decode("latin-1"), value.decode("latin-1")])

    def on_headers_complete(self) -> None:
        assert self._parser is not None
        status = self._parser.get_status_code()
        reason, headers = self._reason.decode("latin-1"), self._headers
        self._reason, self._headers = b"", []
        if 100 <= status < 200 and status != 101:
            return  # informational: the real head follows
        ex = self.exchange
        if ex is not None:
            no_body = self._head_only or status in (204, 304)
            ex.on_head(status, reason, headers, self._parser.should_keep_alive(), no_body)
            if no_body:
                self.on_message_complete()

    def on_body(self, body: bytes) -> None:
        if self.exchange is not None:
            self.exchange.on_body(body)

    def on_message_complete(self) -> None:
        ex = self.exchange
        if ex is None or ex.response_done:
            return
        ex.on_complete()

    # -- use -------------------------------------------------------------------
    def begin(self, ex: Subrequest, head_only: bool) -> None:
        if self.idle_handle is not None:
            self.idle_handle.cancel()
            self.idle_handle = None
        self.exchange = ex
        self._parser = httptools.HttpResponseParser(self)
        self._reason, self._headers = b"", []
        self._head_only = head_only

    def write(self, data: bytes) -> None:
        if self.transport is not None and not self.closed:
            self.transport.write(data)

    def release(self) -> None:
        """The exchange ended cleanly both ways: back to the pool."""
        self.exchange = None
        self._parser = None
        if self.closed:
            return
        self.reused = True
        self.client.park(self)

    def close(self) -> None:
        if not self.closed and self.transport is not None:
            self.closed = True
            self.transport.close()
        self.closed = True


class Subrequest:
    """One outbound HTTP exchange: the resource behind a fetch id."""

    def __init__(
        self,
        client: FetchClient,
        fid: int,
        request_id: int | None,
        method: str,
        url: str,
        headers: list[tuple[str, str]],
        body: bytes | None,
        streamed: bool,
        length: int | None,
        decode: str,
    ) -> None:
        self.client = client
        self.fid = fid
        self.request_id = request_id
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.streamed = streamed
        self.length = length
        self.decode = decode
        self.conn: _Conn | None = None
        self.task: asyncio.Task[None] | None = None
        # Futures are made on the loop thread (first use), never on the isolate thread.
        self._ready: asyncio.Future[None] | None = None
        self._head: asyncio.Future[dict[str, Any]] | None = None
        self._data: asyncio.Future[None] | None = None
        self.chunks: deque[bytes] = deque()
        self.buffered = 0
        self.response_done = False
        self.upload_done = not streamed
        self.error: list[str] | None = None
        self.dropped = False
        self.paused = False
        self.until_eof = False
        self.got_bytes = False
        self.decoder: _Decoder | None = None
        self.keep_alive = False
        self.retried = False

    # -- loop thread -----------------------------------------------------------
    def _future_ready(self) -> asyncio.Future[None]:
        if self._ready is None:
            self._ready = self.client.loop.create_future()
        return self._ready

    def _future_head(self) -> asyncio.Future[dict[str, Any]]:
        if self._head is None:
            self._head = self.client.loop.create_future()
        return self._head

    def ensure_started(self) -> None:
        if self.task is None and not self.dropped:
            self.task = self.client.loop.create_task(self._run())

    async def _run(self, fresh: bool = False) -> None:
        parts = urlsplit(self.url)
        scheme = parts.scheme
        host = parts.hostname or ""
        port = parts.port or (443 if scheme == "https" else 80)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        netloc = parts.netloc.rpartition("@")[2]
        try:
            conn = await self.client.connection((scheme, host, port), fresh)
        except (OSError, ssl.SSLError, UnicodeError, ValueError) as e:
            self._fail_connect(e)
            return
        if self.dropped:
            conn.close()
            return
        self.conn = conn
        conn.begin(self, self.method == "HEAD")
        conn.write(self._head_bytes(target, netloc))
        ready = self._future_ready()
        if not ready.done():
            ready.set_result(None)

    def _head_bytes(self, target: str, netloc: str) -> bytes:
        lines = [f"{self.method} {target} HTTP/1.1", f"Host: {netloc}"]
        user_length: str | None = None
        for name, value in self.headers:
            low = name.lower()
            if low == "content-length":
                user_length = value
            if low in _DROPPED:
                continue
            lines.append(f"{name}: {value}")
        if self.body is not None:
            lines.append(f"Content-Length: {len(self.body)}")
        elif self.streamed:
            if self.length is not None:
                lines.append(f"Content-Length: {self.length}")
            elif user_length is not None:
                self.length = int(user_length)
                lines.append(f"Content-Length: {user_length}")
            else:
                lines.append("Transfer-Encoding: chunked")
        elif self.method not in _NO_BODY_METHODS:
            lines.append("Content-Length: 0")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        return head + self.body if self.body else head

    def _fail_connect(self, e: BaseException) -> None:
        detail = getattr(e, "strerror", None) or str(e) or type(e).__name__
        self.fail("TypeError", f"fetch failed: {detail}")

    def fail(self, cls: str, message: str) -> None:
        if self.error is None and not self.response_done:
            self.error = [cls, message]
        head = self._future_head()
        if not head.done():
            head.set_result(_error(*self.error) if self.error else _error(cls, message))
        ready = self._future_ready()
        if not ready.done():
            ready.set_result(None)
        self._wake()

    def on_head(self, status: int, reason: str, headers: list[list[str]], keep_alive: bool, no_body: bool) -> None:
        self.got_bytes = True
        framing = {name.lower(): value for name, value in headers}
        self.until_eof = (
            not no_body
            and "content-length" not in framing
            and "chunked" not in framing.get("transfer-encoding", "").lower()
        )
        self.keep_alive = keep_alive
        coding = framing.get("content-encoding", "").strip().lower()
        if (coding == "gzip" and self.decode != "manual") or (coding == "br" and self.decode == "gzip-br"):
            self.decoder = _Decoder(coding)
        head = self._future_head()
        if not head.done():
            head.set_result({"status": status, "statusText": reason, "headers": headers})

    def on_body(self, data: bytes) -> None:
        if self.dropped:
            return
        if self.decoder is not None:
            try:
                data = self.decoder.feed(data)
            except (zlib.error, brotli.error) as e:
                self._decode_failed(e)
                return
        if data:
            self.chunks.append(data)
            self.buffered += len(data)
            if self.buffered >= PAUSE_AT and self.conn is not None and self.conn.transport is not None:
                self.paused = True
                self.conn.transport.pause_reading()
            self._wake()

    def _decode_failed(self, e: BaseException) -> None:
        self.fail("TypeError", f"The response body could not be decoded ({self.decoder and self.decoder.kind}): {e}")
        if self.conn is not None:
            self.conn.close()

    def on_complete(self) -> None:
        if self.decoder is not None:
            try:
                tail = self.decoder.finish()
            except (zlib.error, brotli.error) as e:
                self._decode_failed(e)
                return
            if tail:
                self.chunks.append(tail)
                self.buffered += len(tail)
        self.response_done = True
        self._wake()
        self._maybe_release()

    def connection_lost(self) -> None:
        if self.response_done:
            return
        head = self._head
        if head is not None and head.done() and self.until_eof and self.error is None:
            self.on_complete()
            return
        conn = self.conn
        if conn is not None and conn.reused and not self.got_bytes and not self.streamed and not self.retried:
            # A pooled connection the server had closed: replay once on a fresh one.
            self.retried = True
            self.conn = None
            self.task = self.client.loop.create_task(self._run(fresh=True))
            return
        self.fail("Error", CONNECTION_LOST)

    def _maybe_release(self) -> None:
        conn = self.conn
        if conn is None or not self.response_done or not self.upload_done:
            return
        self.conn = None
        if self.paused and conn.transport is not None:
            conn.transport.resume_reading()
        if self.keep_alive and not self.until_eof and conn.exchange is self:
            conn.release()
        else:
            conn.close()

    def _wake(self) -> None:
        if self._data is not None and not self._data.done():
            self._data.set_result(None)

    async def head(self) -> dict[str, Any]:
        self.ensure_started()
        result = await self._future_head()
        if "error" in result:
            self.drop()
            return result
        out = dict(result)
        out["body"] = self._take()
        out["done"] = self.response_done and not self.chunks
        if out["done"]:
            self.client.fetches.pop(self.fid, None)
        return out

    def _take(self) -> bytes | None:
        if not self.chunks:
            return None
        if len(self.chunks) == 1 and len(self.chunks[0]) <= READ_MAX:
            data = self.chunks.popleft()
        else:
            parts: list[bytes] = []
            size = 0
            while self.chunks and size < READ_MAX:
                c = self.chunks.popleft()
                if size + len(c) > READ_MAX:
                    cut = READ_MAX - size
                    self.chunks.appendleft(c[cut:])
                    c = c[:cut]
                parts.append(c)
                size += len(c)
            data = b"".join(parts)
        self.buffered -= len(data)
        if self.paused and self.buffered < RESUME_AT and self.conn is not None and self.conn.transport is not None:
            self.paused = False
            self.conn.transport.resume_reading()
        return data

    async def read(self) -> bytes | dict[str, Any] | None:
        while not self.chunks and not self.response_done and self.error is None and not self.dropped:
            self._data = self.client.loop.create_future()
            await self._data
            self._data = None
        if self.chunks:
            return self._take()
        self.client.fetches.pop(self.fid, None)
        if self.error is not None and not self.response_done:
            return _error(*self.error)
        return None

    async def write(self, chunk: bytes | None) -> bool:
        self.ensure_started()
        await self._future_ready()
        conn = self.conn
        if conn is None or conn.closed or self.upload_done or self.dropped:
            return False
        if chunk is None:
            if self.length is None:
                conn.write(b"0\r\n\r\n")
            self.upload_done = True
            self._maybe_release()
            return True
        if chunk:
            if self.length is None:
                conn.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
            else:
                conn.write(chunk)
            await conn.drain()
        return not conn.closed

    def drop(self) -> None:
        """Abort or close: the connection cannot be reused unless the exchange already ended."""
        self.client.fetches.pop(self.fid, None)
        if self.dropped:
            return
        self.dropped = True
        self.chunks.clear()
        conn = self.conn
        if conn is not None and not (self.response_done and self.upload_done):
            self.conn = None
            conn.exchange = None
            conn.close()
        if self.task is not None and not self.task.done():
            self.task.cancel()
        head = self._future_head()
        if not head.done():
            head.set_result(_error("Error", "The fetch was aborted."))
        self._wake()
        ready = self._future_ready()
        if not ready.done():
            ready.set_result(None)


class FetchClient:
    """Per-isolate connection pool and table of subrequests in flight."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.fetches: dict[int, Subrequest] = {}
        self.ids = itertools.count(1)
        self.idle: dict[tuple[str, str, int], list[_Conn]] = {}
        self.connections_opened = 0
        self._ssl: ssl.SSLContext | None = None
        self.closed = False

    async def connection(self, origin: tuple[str, str, int], fresh: bool = False) -> _Conn:
        pool = None if fresh else self.idle.get(origin)
        while pool:
            conn = pool.pop()
            if not conn.closed and conn.transport is not None and not conn.transport.is_closing():
                return conn
        scheme, host, port = origin
        ssl_ctx: ssl.SSLContext | None = None
        if scheme == "https":
            if self._ssl is None:
                self._ssl = ssl.create_default_context()
            ssl_ctx = self._ssl
        _, proto = await self.loop.create_connection(
            lambda: _Conn(self, origin), host, port, ssl=ssl_ctx, server_hostname=host if ssl_ctx else None
        )
        self.connections_opened += 1
        return proto

    def park(self, conn: _Conn) -> None:
        pool = self.idle.setdefault(conn.origin, [])
        if self.closed or len(pool) >= MAX_IDLE_PER_ORIGIN:
            conn.close()
            return
        pool.append(conn)
        conn.idle_handle = self.loop.call_later(IDLE_TIMEOUT_S, conn.close)

    def forget(self, conn: _Conn) -> None:
        pool = self.idle.get(conn.origin)
        if pool and conn in pool:
            pool.remove(conn)
        if conn.idle_handle is not None:
            conn.idle_handle.cancel()
            conn.idle_handle = None

    def close(self) -> None:
        self.closed = True
        for pool in list(self.idle.values()):
            for conn in list(pool):
                conn.close()
        self.idle.clear()
        for sub in list(self.fetches.values()):
            sub.drop()


_clients: weakref.WeakKeyDictionary[IsolateHost, FetchClient] = weakref.WeakKeyDictionary()


def client_of(host: IsolateHost) -> FetchClient:
    client = _clients.get(host)
    if client is None:
        client = FetchClient(host.loop)
        _clients[host] = client
        weakref.finalize(host, _close_soon, client)
        host.close_hooks.append(lambda: close_client(host))
    return client


def close_client(host: IsolateHost) -> None:
    """Close the host's subrequests and pooled connections (asyncio thread).

    Registered as a close hook of the host, so it runs when the isolate goes
    away; idle connections also close after ``IDLE_TIMEOUT_S``.
    """
    client = _clients.pop(host, None)
    if client is not None:
        client.close()


def connections_opened(host: IsolateHost) -> int:
    """How many connections this host's fetch client has opened (for tests and metrics)."""
    client = _clients.get(host)
    return 0 if client is None else client.connections_opened


def _close_soon(client: FetchClient) -> None:
    loop = client.loop
    if not loop.is_closed():
        try:
            loop.call_soon_threadsafe(client.close)
        except RuntimeError:
            pass


def _subrequest_limit(host: IsolateHost) -> int:
    limit = host.config.info.get("subrequests")
    return limit if isinstance(limit, int) and limit >= 0 else DEFAULT_SUBREQUESTS


def _charge(host: IsolateHost, request_id: object) -> RequestContext | None:
    """The in-flight request to charge: the one that made the fetch, else fair share (module docstring)."""
    ctx = host.requests.get(request_id) if isinstance(request_id, int) else None
    if ctx is None:
        requests = list(host.requests.values())
        if not requests:
            return None
        ctx = min(requests, key=lambda c: c.subrequests)
    if ctx.subrequests >= _subrequest_limit(host):
        raise JSError("Error", TOO_MANY_SUBREQUESTS)
    ctx.subrequests += 1
    return ctx


def _lookup(host: IsolateHost, fid: int) -> Subrequest | None:
    return client_of(host).fetches.get(fid)


# -- ops ------------------------------------------------------------------------


def op_fetch_start(
    host: IsolateHost,
    method: str,
    url: str,
    headers: list[list[str]],
    body: bytes | None,
    streamed: bool,
    length: int | None,
    decode: str,
    request_id: object = None,
) -> int:
    """Record one subrequest and start connecting; returns its id.

    ``body`` is the whole request body or None; with ``streamed`` it follows
    through ``op_fetch_write`` (``length`` when the stream's size is known).
    ``decode``: "manual", "gzip" or "gzip-br" (which Content-Encodings to undo).
    ``request_id``: the request whose code made the fetch (JS null when none).
    """
    ctx = _charge(host, request_id)
    rid = ctx.id if ctx is not None else None
    host.mark_slice(rid)
    client = client_of(host)
    fid = next(client.ids)
    sub = Subrequest(
        client,
        fid,
        rid,
        str(method),
        str(url),
        [(str(k), str(v)) for k, v in headers],
        bytes(body) if isinstance(body, (bytes, bytearray, memoryview)) else None,
        streamed is True,
        length if isinstance(length, int) else None,
        str(decode),
    )
    client.fetches[fid] = sub
    host.loop.call_soon_threadsafe(sub.ensure_started)
    return fid


async def op_fetch_send(host: IsolateHost, fid: int) -> dict[str, Any]:
    """The response head: {status, statusText, headers, body, done} or {error: [class, message]}."""
    sub = _lookup(host, fid)
    if sub is None:
        return _error("Error", "The fetch was aborted.")
    host.mark_slice(sub.request_id)
    result = await sub.head()
    host.cpu.slice_start_ns = host.cpu.now()
    return result


async def op_fetch_read(host: IsolateHost, fid: int) -> bytes | dict[str, Any] | None:
    """The next body bytes (all that is buffered, up to 1 MiB), None at the end, or {error}."""
    sub = _lookup(host, fid)
    if sub is None:
        return None
    host.mark_slice(sub.request_id)
    result = await sub.read()
    host.cpu.slice_start_ns = host.cpu.now()
    return result


async def op_fetch_write(host: IsolateHost, fid: int, chunk: bytes | None) -> bool:
    """Send one chunk of a streamed request body (None ends it); False when nobody takes more."""
    sub = _lookup(host, fid)
    if sub is None:
        return False
    host.mark_slice(sub.request_id)
    data = bytes(chunk) if isinstance(chunk, (bytes, bytearray, memoryview)) else None
    ok = await sub.write(data)
    host.cpu.slice_start_ns = host.cpu.now()
    return ok


def op_fetch_abort(host: IsolateHost, fid: int) -> None:
    """The fetch's signal aborted, or JS gave up on its body: close it."""
    sub = _lookup(host, fid)
    if sub is not None:
        host.loop.call_soon_threadsafe(sub.drop)
