"""fetch() with ``Upgrade: websocket`` from a Worker in a real ``isolet dev`` process.

The origin is a real ``websockets`` server in the test; the Worker is
tests/integration/websocket/fetch-upgrade (its routes are described there).
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request as ServerRequest
from websockets.http11 import Response as ServerResponse

from tests.integration.server import DevProcess

NOT_ACCEPTED = "You must call one of accept() or state.acceptWebSocket() on this WebSocket before sending messages."


@pytest.fixture(scope="module")
def worker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevProcess]:
    dst = tmp_path_factory.mktemp("fetch-upgrade") / "fetch-upgrade"
    shutil.copytree(Path(__file__).parent / "fetch-upgrade", dst)
    proc = DevProcess(dst).start()
    yield proc
    proc.stop()


def run(coro: Callable[[], Coroutine[Any, Any, Any]]) -> Any:
    return asyncio.run(asyncio.wait_for(coro(), 60))


class Origin:
    """What the origin saw: request headers, and the close frames it received."""

    def __init__(self) -> None:
        self.requests: list[ServerRequest] = []
        self.closes: list[tuple[int, str]] = []

    def record(self, conn: ServerConnection, request: ServerRequest) -> None:
        self.requests.append(request)

    async def echo(self, conn: ServerConnection) -> None:
        try:
            await conn.send("welcome")
            async for message in conn:
                await conn.send(message)
        except ConnectionClosed:
            pass
        finally:
            rcvd = conn.protocol.close_rcvd
            if rcvd is not None:
                self.closes.append((int(rcvd.code), rcvd.reason))


async def worker_get(worker: DevProcess, path: str, target: str) -> Any:
    async with httpx.AsyncClient() as client:
        r = await client.get(f"{worker.url}{path}", params={"url": target}, timeout=30)
        r.raise_for_status()
        return r.json()


def test_upgrade_accept_echo_and_close(worker: DevProcess) -> None:
    origin = Origin()

    async def main() -> Any:
        async with serve(origin.echo, "127.0.0.1", 0, process_request=origin.record, subprotocols=["chat"]) as srv:  # type: ignore[list-item]
            port = srv.sockets[0].getsockname()[1]
            return await worker_get(worker, "/exchange", f"http://127.0.0.1:{port}/room?x=1")

    log = run(main)
    assert log == [
        ["response", 101, None, True, "websocket", "chat", 1],
        ["send before accept", "TypeError", NOT_ACCEPTED],
        ["greeting", "welcome"],
        ["text", "ping"],
        ["binary", [1, 2, 3]],
        ["close", 4001, "bye", True, 3],
    ]
    assert origin.closes == [(4001, "bye")]
    (request,) = origin.requests
    # An http: URL is requested as ws:, with the Worker's own headers.
    assert request.path == "/room?x=1"
    assert request.headers["X-Trace"] == "abc"
    assert request.headers["Upgrade"].lower() == "websocket"


@pytest.mark.parametrize("status", [404, 426])
def test_refused_upgrade_is_a_plain_response(worker: DevProcess, status: int) -> None:
    def refuse(conn: ServerConnection, request: ServerRequest) -> ServerResponse:
        return conn.respond(status, "no sockets here\n")

    async def main() -> Any:
        async with serve(lambda c: c.close(), "127.0.0.1", 0, process_request=refuse) as srv:
            port = srv.sockets[0].getsockname()[1]
            return port, await worker_get(worker, "/plain", f"http://127.0.0.1:{port}/")

    port, result = run(main)
    reason = {404: "Not Found", 426: "Upgrade Required"}[status]
    assert result == [
        status,
        reason,
        None,
        "text/plain; charset=utf-8",
        "no sockets here\n",
        f"http://127.0.0.1:{port}/",
    ]


def test_redirect_is_followed_to_the_websocket(worker: DevProcess) -> None:
    origin = Origin()

    def redirect(conn: ServerConnection, request: ServerRequest) -> ServerResponse | None:
        origin.record(conn, request)
        if request.path == "/old":
            response = conn.respond(302, "")
            response.headers["Location"] = "/new"
            return response
        return None

    async def main() -> Any:
        async with serve(origin.echo, "127.0.0.1", 0, process_request=redirect, subprotocols=["chat"]) as srv:  # type: ignore[list-item]
            port = srv.sockets[0].getsockname()[1]
            return await worker_get(worker, "/exchange", f"http://127.0.0.1:{port}/old")

    log = run(main)
    assert log[0] == ["response", 101, None, True, "websocket", "chat", 1]
    assert log[-1] == ["close", 4001, "bye", True, 3]
    assert [r.path for r in origin.requests] == ["/old", "/new"]


def test_connection_refused_rejects_with_a_type_error(worker: DevProcess) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = run(lambda: worker_get(worker, "/plain", f"http://127.0.0.1:{port}/"))
    assert result[:2] == ["threw", "TypeError"]
    assert result[2].startswith("fetch failed: ")


def test_returning_the_fetched_response_proxies_the_client_to_the_origin(worker: DevProcess) -> None:
    origin = Origin()

    async def main() -> list[Any]:
        async with serve(origin.echo, "127.0.0.1", 0) as srv:
            port = srv.sockets[0].getsockname()[1]
            url = worker.url.replace("http://", "ws://") + f"/pass?url=http://127.0.0.1:{port}/"
            async with connect(url) as ws:
                got: list[Any] = [await ws.recv()]
                await ws.send("through")
                got.append(await ws.recv())
                await ws.send(b"\x00\x01")
                got.append(await ws.recv())
                await ws.close(4003, "done")
            return got

    assert run(main) == ["welcome", "through", b"\x00\x01"]


def test_each_upgrade_fetch_is_a_subrequest(tmp_path: Path, dev_server: Callable[..., DevProcess]) -> None:
    folder = tmp_path / "fetch-upgrade"
    shutil.copytree(Path(__file__).parent / "fetch-upgrade", folder)
    with (folder / "wrangler.toml").open("a") as f:
        f.write("\n[limits]\nsubrequests = 3\n")
    proc = dev_server(folder)

    def refuse(conn: ServerConnection, request: ServerRequest) -> ServerResponse:
        return conn.respond(426, "")

    async def main() -> str:
        async with serve(lambda c: c.close(), "127.0.0.1", 0, process_request=refuse) as srv:
            port = srv.sockets[0].getsockname()[1]
            async with httpx.AsyncClient() as client:
                r = await client.get(f"{proc.url}/count", params={"url": f"http://127.0.0.1:{port}/"}, timeout=30)
                return r.text

    assert run(main) == "3 Error: Too many subrequests."
