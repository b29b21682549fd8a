"""WebSockets against a real ``isolet dev`` process, with the ``websockets`` client library.

The Worker is tests/integration/workers/websocket: ``/echo`` echoes, a text
message ``close:<code>:<reason>`` makes it close, and ``GET /events?name=``
returns what its socket ``name`` saw (waiting until there is something).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.http11 import Request as ServerRequest
from websockets.http11 import Response as ServerResponse

from tests.integration.server import DevProcess

WS_MAX_MESSAGE_BYTES = 32 << 20  # workerd's WEBSOCKET_MAX_MESSAGE_SIZE


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevProcess]:
    import shutil

    src = Path(__file__).parents[1] / "workers" / "websocket"
    dst = tmp_path_factory.mktemp("ws") / "websocket"
    shutil.copytree(src, dst)
    proc = DevProcess(dst).start()
    yield proc
    proc.stop()


def ws_url(server: DevProcess, path: str) -> str:
    return server.url.replace("http://", "ws://") + path


def run(coro: Callable[[], Coroutine[Any, Any, Any]]) -> Any:
    return asyncio.run(asyncio.wait_for(coro(), 60))


async def events(server: DevProcess, name: str) -> list[dict[str, Any]]:
    async with httpx.AsyncClient() as client:
        r = await client.get(f"{server.url}/events", params={"name": name}, timeout=30)
        r.raise_for_status()
        result: list[dict[str, Any]] = r.json()
        return result


async def closed_by_server(ws: ClientConnection) -> ConnectionClosed:
    with pytest.raises(ConnectionClosed) as e:
        await ws.recv()
    return e.value


def test_echoes_text_messages(server: DevProcess) -> None:
    async def main() -> list[Any]:
        async with connect(ws_url(server, "/echo")) as ws:
            replies = []
            for text in ("hello", "", "héllo wörld ☃"):
                await ws.send(text)
                replies.append(await ws.recv())
            return replies

    assert run(main) == ["hello", "", "héllo wörld ☃"]


def test_echoes_binary_messages(server: DevProcess) -> None:
    payload = bytes(range(256)) * 1024

    async def main() -> list[Any]:
        async with connect(ws_url(server, "/echo"), max_size=None) as ws:
            await ws.send(b"\x00\x01\x02")
            small = await ws.recv()
            await ws.send(payload)
            big = await ws.recv()
            return [small, big]

    small, big = run(main)
    assert small == b"\x00\x01\x02"
    assert big == payload


def test_server_close_sends_code_and_reason_to_client(server: DevProcess) -> None:
    async def main() -> tuple[int, str]:
        async with connect(ws_url(server, "/echo?name=server-close")) as ws:
            await ws.send("close:4001:going away now")
            e = await closed_by_server(ws)
            assert e.rcvd is not None
            return e.rcvd.code, e.rcvd.reason

    assert run(main) == (4001, "going away now")


def test_server_close_without_code_sends_no_status(server: DevProcess) -> None:
    async def main() -> int:
        async with connect(ws_url(server, "/echo")) as ws:
            await ws.send("close::")
            e = await closed_by_server(ws)
            assert e.rcvd is not None
            return int(e.rcvd.code)

    assert run(main) == 1005


def test_worker_sees_its_own_close_completed(server: DevProcess) -> None:
    async def main() -> list[dict[str, Any]]:
        async with connect(ws_url(server, "/echo?name=own-close")) as ws:
            await ws.send("close:4003:bye")
            await closed_by_server(ws)
        return await events(server, "own-close")

    assert run(main) == [{"type": "close", "code": 4003, "reason": "bye", "wasClean": True, "readyState": 3}]


def test_client_close_reaches_worker_as_close_event(server: DevProcess) -> None:
    async def main() -> list[dict[str, Any]]:
        async with connect(ws_url(server, "/echo?name=client-close")) as ws:
            await ws.send("x")
            await ws.recv()
            await ws.close(4005, "client says bye")
        return await events(server, "client-close")

    # compatibility_date 2025-01-01 predates web_socket_auto_reply_to_close:
    # the Worker has not answered, so its socket is CLOSING (2).
    assert run(main) == [
        {"type": "close", "code": 4005, "reason": "client says bye", "wasClean": True, "readyState": 2}
    ]


def test_client_disconnect_without_close_frame_is_unclean_1006(server: DevProcess) -> None:
    async def main() -> list[dict[str, Any]]:
        ws = await connect(ws_url(server, "/echo?name=abrupt"))
        await ws.send("x")
        await ws.recv()
        ws.transport.abort()
        return await events(server, "abrupt")

    [seen] = run(main)
    assert (seen["type"], seen["code"], seen["reason"], seen["wasClean"]) == (
        "close", 1006, "WebSocket disconnected without sending Close frame.", False)


def test_thousand_messages_arrive_in_order(server: DevProcess) -> None:
    async def main() -> list[Any]:
        async with connect(ws_url(server, "/echo")) as ws:
            for i in range(1000):
                await ws.send(f"message {i}")
            return [await ws.recv() for _ in range(1000)]

    assert run(main) == [f"message {i}" for i in range(1000)]


def test_large_messages_cross_both_ways_in_pieces(server: DevProcess) -> None:
    # Larger than what one isolate crossing may carry (pydeno's 10 MiB default).
    binary = bytes(range(251)) * (80_000)  # ~19 MiB
    text = "\ufeffé☃" * 1_500_000  # ~12 MiB of UTF-8, with a leading BOM that must survive

    async def main() -> tuple[bool, bool]:
        async with connect(ws_url(server, "/echo"), max_size=None) as ws:
            await ws.send(binary)
            got_binary = await ws.recv()
            await ws.send(text)
            got_text = await ws.recv()
            return got_binary == binary, got_text == text

    assert run(main) == (True, True)


def test_a_burst_larger_than_one_crossing_arrives_whole_and_in_order(server: DevProcess) -> None:
    chunk = 60 * 1024

    async def main() -> list[int]:
        async with connect(ws_url(server, "/echo"), max_size=None) as ws:
            for i in range(400):  # ~23 MiB sent without waiting for replies
                await ws.send(i.to_bytes(4, "big") * (chunk // 4))
            replies = [await ws.recv() for _ in range(400)]
            return [int.from_bytes(r[:4], "big") if isinstance(r, bytes) and len(r) == chunk else -1 for r in replies]

    assert run(main) == list(range(400))


def test_many_concurrent_sockets_share_one_isolate(server: DevProcess) -> None:
    sockets = 50

    async def one(i: int, ready: asyncio.Barrier) -> list[Any]:
        async with connect(ws_url(server, f"/echo?name=many-{i}")) as ws:
            await ready.wait()  # every socket is open at once
            out = []
            for j in range(20):
                await ws.send(f"{i}:{j}")
                out.append(await ws.recv())
            return out

    async def main() -> tuple[list[list[Any]], int]:
        ready = asyncio.Barrier(sockets + 1)
        tasks = [asyncio.create_task(one(i, ready)) for i in range(sockets)]
        await ready.wait()
        async with httpx.AsyncClient() as client:
            stats = (await client.get(f"{server.url}/stats")).json()
        return list(await asyncio.gather(*tasks)), stats["open"]

    results, open_during = run(main)
    assert results == [[f"{i}:{j}" for j in range(20)] for i in range(sockets)]
    # One module-scope counter saw all of them: one isolate.
    assert open_during >= sockets


def test_http_requests_are_served_while_sockets_are_open(server: DevProcess) -> None:
    async def main() -> tuple[list[int], str]:
        async with connect(ws_url(server, "/echo")) as a, connect(ws_url(server, "/echo")) as b:
            async with httpx.AsyncClient() as client:
                statuses = [(await client.get(f"{server.url}/nothing-here")).status_code for _ in range(5)]
            await a.send("still")
            await b.send("open")
            return statuses, f"{await a.recv(decode=True)} {await b.recv(decode=True)}"

    assert run(main) == ([404] * 5, "still open")


def test_messages_sent_before_the_response_arrive_first(server: DevProcess) -> None:
    async def main() -> list[Any]:
        async with connect(ws_url(server, "/greet")) as ws:
            first = [await ws.recv(), await ws.recv()]
            await ws.send("echo")
            return [*first, await ws.recv()]

    assert run(main) == ["hello", "again", "echo"]


def test_messages_wait_for_a_late_accept(server: DevProcess) -> None:
    async def main() -> list[Any]:
        async with connect(ws_url(server, "/late-accept")) as ws:
            await ws.send("one")
            await ws.send("two")
            return [await ws.recv(), await ws.recv()]

    assert run(main) == ["one", "two"]


def test_send_before_accept_is_a_type_error(server: DevProcess) -> None:
    async def main() -> Any:
        async with connect(ws_url(server, "/send-before-accept")) as ws:
            return await ws.recv()

    assert run(main) == (
        "TypeError: You must call one of accept() or state.acceptWebSocket() on this WebSocket before sending messages."
    )


def test_worker_picks_the_subprotocol_and_adds_headers(server: DevProcess) -> None:
    async def main() -> tuple[str | None, str | None]:
        async with connect(ws_url(server, "/protocol"), subprotocols=["one", "two"]) as ws:  # type: ignore[list-item]
            assert ws.response is not None
            return ws.subprotocol, ws.response.headers.get("x-extra")

    assert run(main) == ("two", "yes")


def test_worker_sees_an_http_url_and_the_upgrade_header(server: DevProcess) -> None:
    import json

    async def main() -> Any:
        async with connect(ws_url(server, "/request?x=1")) as ws:
            return json.loads(str(await ws.recv()))

    seen = run(main)
    assert seen == {"url": f"{server.url}/request?x=1", "method": "GET", "upgrade": "websocket"}


def test_worker_can_refuse_the_upgrade_with_an_http_response(server: DevProcess) -> None:
    async def main() -> tuple[int, bytes, str | None]:
        with pytest.raises(InvalidStatus) as e:
            await connect(ws_url(server, "/refuse"))
        r = e.value.response
        return r.status_code, bytes(r.body or b""), r.headers.get("x-why")

    assert run(main) == (426, b"Expected Upgrade: websocket", "refused")


def test_websocket_response_to_a_plain_request_is_an_error(server: DevProcess) -> None:
    start = len(server.lines)
    r = httpx.get(f"{server.url}/echo")
    assert r.status_code == 500
    server.wait_for(r'Worker tried to return a WebSocket in a response to a request which did not contain the header "Upgrade: websocket"\.', start=start)


def test_message_over_the_limit_closes_with_1009(server: DevProcess) -> None:
    async def main() -> tuple[int, list[dict[str, Any]]]:
        async with connect(ws_url(server, "/echo?name=too-big"), max_size=None) as ws:
            await ws.send(b"x" * WS_MAX_MESSAGE_BYTES)  # at the limit: fine
            assert len(await ws.recv()) == WS_MAX_MESSAGE_BYTES
            await ws.send(b"x" * (WS_MAX_MESSAGE_BYTES + 1))
            e = await closed_by_server(ws)
            assert e.rcvd is not None
            return int(e.rcvd.code), await events(server, "too-big")

    code, seen = run(main)
    assert code == 1009
    assert seen == [{"type": "error", "message": "Uncaught Error: WebSocket message is too large"}]


# -- outbound: new WebSocket(url) from the Worker -------------------------------------------


def test_outbound_websocket_opens_exchanges_and_closes(server: DevProcess) -> None:
    closes: list[tuple[int, str]] = []

    async def handler(conn: ServerConnection) -> None:
        try:
            async for message in conn:
                await conn.send(message)
        except ConnectionClosed:
            pass
        finally:
            rcvd = conn.protocol.close_rcvd
            if rcvd is not None:
                closes.append((int(rcvd.code), rcvd.reason))

    async def main() -> tuple[str, Any]:
        async with serve(handler, "127.0.0.1", 0, subprotocols=["superchat"]) as ws_server:  # type: ignore[list-item]
            port = ws_server.sockets[0].getsockname()[1]
            target = f"ws://127.0.0.1:{port}/path?q=1"
            async with httpx.AsyncClient() as client:
                r = await client.get(f"{server.url}/outbound", params={"url": target}, timeout=30)
            return target, r.json()

    target, log = run(main)
    assert log == [
        ["readyState", 0],
        # compatibility_date 2025-01-01 has web_socket_compression: permessage-deflate is offered.
        ["open", "superchat", "permessage-deflate; server_max_window_bits=12; client_max_window_bits=12", target],
        ["message", "ping"],
        ["binary", [7, 8, 9]],
        # The listener added while waiting for "open" hears the close too.
        ["close", 4002, "done", True],
        ["closed", 4002, "done", True],
    ]
    assert closes == [(4002, "done")]


def test_outbound_websocket_refused_gives_error_then_close_1006(server: DevProcess) -> None:
    def refuse(conn: ServerConnection, request: ServerRequest) -> ServerResponse:
        return conn.respond(404, "no sockets here\n")

    async def main() -> Any:
        async with serve(lambda c: c.close(), "127.0.0.1", 0, process_request=refuse) as ws_server:
            port = ws_server.sockets[0].getsockname()[1]
            async with httpx.AsyncClient() as client:
                r = await client.get(f"{server.url}/outbound", params={"url": f"ws://127.0.0.1:{port}/"}, timeout=30)
            return r.json()

    assert run(main) == [
        ["readyState", 0],
        [
            "error",
            "Uncaught TypeError: Failed to establish the WebSocket connection: expected server to reply with "
            "HTTP status code 101 (switching protocols), but received 404 instead.",
        ],
        ["close", 1006, "Failed to establish websocket connection", False],
    ]



def test_isolate_stopped_by_the_cpu_limit_closes_sockets_with_1011(
    tmp_path: Path, dev_server: Callable[..., DevProcess]
) -> None:
    import shutil

    folder = tmp_path / "cpu-limit"
    shutil.copytree(Path(__file__).parents[1] / "workers" / "websocket" / "cpu-limit", folder)
    proc = dev_server(folder)

    async def main() -> tuple[int, str, str, Any]:
        async with connect(ws_url(proc, "/")) as bystander, connect(ws_url(proc, "/")) as spinner:
            await spinner.send("spin")
            e = await closed_by_server(bystander)
            assert e.rcvd is not None
        # The next connection gets a fresh isolate.
        async with connect(ws_url(proc, "/")) as ws:
            await ws.send("alive")
            return int(e.rcvd.code), e.rcvd.reason, str(await ws.recv()), None

    code, reason, reply, _ = run(main)
    assert (code, reason, reply) == (1011, "The Worker's isolate stopped.", "alive")
    proc.wait_for("Worker exceeded CPU time limit")
