"""A real HTTP/1.1 origin server for fetch() tests, on 127.0.0.1 at a random port.

It runs its own asyncio loop in a thread, so sync tests (integration) and
async tests (runtime harness) can both use it. It counts the connections it
accepts. Routes (path -> behaviour):

  /echo             JSON {method, path, query, headers, length, sha256} of the request
  /bytes?n=N        N bytes of a fixed pattern, chunked in 64 KiB writes
  /redirect?status=S&to=URL   a redirect to URL
  /chain?n=N        redirects to /chain?n=N-1 until 0, then 200 "end"
  /gzip /br /deflate   "hello compressed world" * 100 with that Content-Encoding
  /cookies          two Set-Cookie headers
  /status?code=C&reason=R   that status line
  /hang             sends nothing back until the client goes away
  /hang-body        sends the head and 5 bytes, then nothing
  /pingpong         echoes each request body chunk back as a response chunk
  /eof              a body without length, ended by closing the connection
  /close            a response with Connection: close
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import json
import threading
import zlib
from collections.abc import AsyncIterator
from urllib.parse import parse_qs, urlsplit

import brotli

PATTERN = bytes(range(256)) * 256  # 64 KiB
COMPRESSIBLE = b"hello compressed world " * 100


def pattern_sha256(n: int) -> str:
    h = hashlib.sha256()
    left = n
    while left > 0:
        chunk = PATTERN[: min(left, len(PATTERN))]
        h.update(chunk)
        left -= len(chunk)
    return h.hexdigest()


class Origin:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.accepted = 0
        self.requests = 0
        self.port = 0
        self._server: asyncio.Server | None = None
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Origin:
        self._thread.start()
        fut = asyncio.run_coroutine_threadsafe(self._start(), self.loop)
        fut.result(10)
        return self

    async def _start(self) -> None:
        self._server = await asyncio.start_server(self._client, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    def stop(self) -> None:
        async def _stop() -> None:
            assert self._server is not None
            self._server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(_stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)
        self.loop.close()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.accepted += 1
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionError):
                    return
                keep = await self._serve(head, reader, writer)
                if not keep:
                    return
        except (ConnectionError, asyncio.CancelledError):
            return
        finally:
            writer.close()

    async def _body(self, headers: dict[str, str], reader: asyncio.StreamReader) -> AsyncIterator[bytes]:
        if "content-length" in headers:
            left = int(headers["content-length"])
            while left > 0:
                chunk = await reader.read(min(left, 1 << 16))
                if not chunk:
                    raise ConnectionError("eof in body")
                left -= len(chunk)
                yield chunk
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size = int((await reader.readuntil(b"\r\n")).strip().split(b";")[0], 16)
                if size == 0:
                    await reader.readuntil(b"\r\n")
                    return
                yield await reader.readexactly(size)
                await reader.readexactly(2)

    async def _serve(self, head: bytes, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        self.requests += 1
        lines = head.decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
        pairs = [tuple(line.split(": ", 1)) for line in lines[1:] if line]
        headers = {k.lower(): v for k, v in pairs}
        parts = urlsplit(target)
        q = {k: v[0] for k, v in parse_qs(parts.query).items()}
        path = parts.path

        def send(status: int, body: bytes, extra: list[tuple[str, str]] = (), reason: str = "OK") -> None:  # type: ignore[assignment]
            out = [f"HTTP/1.1 {status} {reason}", f"Content-Length: {len(body)}", *[f"{k}: {v}" for k, v in extra]]
            writer.write(("\r\n".join(out) + "\r\n\r\n").encode("latin-1") + body)

        if path == "/pingpong":
            writer.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            await writer.drain()
            async for chunk in self._body(headers, reader):
                writer.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                await writer.drain()
            writer.write(b"0\r\n\r\n")
            await writer.drain()
            return True

        h = hashlib.sha256()
        length = 0
        async for chunk in self._body(headers, reader):
            h.update(chunk)
            length += len(chunk)

        if path == "/echo":
            info = {
                "method": method,
                "path": path,
                "query": parts.query,
                "headers": [list(p) for p in pairs],
                "length": length,
                "sha256": h.hexdigest(),
            }
            send(200, json.dumps(info).encode(), [("Content-Type", "application/json")])
        elif path == "/bytes":
            n = int(q["n"])
            writer.write(f"HTTP/1.1 200 OK\r\nContent-Length: {n}\r\n\r\n".encode())
            left = n
            while left > 0:
                chunk = PATTERN[: min(left, len(PATTERN))]
                writer.write(chunk)
                left -= len(chunk)
                await writer.drain()
        elif path == "/redirect":
            status = int(q.get("status", "302"))
            send(status, b"moved", [("Location", q["to"])], reason="Redirect")
        elif path == "/chain":
            n = int(q["n"])
            if n == 0:
                send(200, b"end")
            else:
                send(302, b"", [("Location", f"/chain?n={n - 1}")], reason="Found")
        elif path in ("/gzip", "/br", "/deflate"):
            data = {
                "/gzip": gzip.compress(COMPRESSIBLE),
                "/br": brotli.compress(COMPRESSIBLE),
                "/deflate": zlib.compress(COMPRESSIBLE),
            }[path]
            send(200, data, [("Content-Encoding", path[1:])])
        elif path == "/cookies":
            send(
                200, b"", [("Set-Cookie", "a=1; Path=/"), ("Set-Cookie", "b=2; Expires=Wed, 21 Oct 2037 07:28:00 GMT")]
            )
        elif path == "/status":
            send(int(q["code"]), b"" if q["code"] in ("204", "304") else b"s", reason=q.get("reason", "Whatever"))
        elif path == "/hang":
            await reader.read()
            return False
        elif path == "/hang-body":
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhello")
            await writer.drain()
            await reader.read()
            return False
        elif path == "/eof":
            writer.write(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end")
            await writer.drain()
            return False
        elif path == "/close":
            send(200, b"closing", [("Connection", "close")])
            await writer.drain()
            return False
        else:
            send(404, b"no such route", reason="Not Found")
        await writer.drain()
        return True
