"""fetch() with ``Upgrade: websocket`` in a booted isolate, against a real ``websockets`` origin.

The harness runs no dispatch loop, so frames from the network are not
delivered here: messages, close and proxying are in tests/integration/websocket.
"""

from __future__ import annotations

import asyncio
from typing import Any

from websockets.asyncio.server import ServerConnection, serve
from websockets.http11 import Request as ServerRequest
from websockets.http11 import Response as ServerResponse

from tests.runtime.harness import js_runtime

NOT_ACCEPTED = "You must call one of accept() or state.acceptWebSocket() on this WebSocket before sending messages."


async def _idle(conn: ServerConnection) -> None:
    await conn.wait_closed()


def run_against(js: str, process_request: Any = None, **serve_args: Any) -> Any:
    """Run ``js`` with ``ORIGIN`` (http://host:port) defined, a websockets server behind it."""

    async def main() -> Any:
        async with serve(_idle, "127.0.0.1", 0, process_request=process_request, **serve_args) as srv:
            port = srv.sockets[0].getsockname()[1]
            async with js_runtime({}) as rt:
                return await asyncio.wait_for(rt.run(f'const ORIGIN = "http://127.0.0.1:{port}";\n' + js), 30)

    return asyncio.run(main())


def test_101_response_carries_the_origin_headers_and_a_websocket() -> None:
    js = """
    const resp = await fetch(ORIGIN + "/a?b=1#frag", { headers: { Upgrade: "websocket" } });
    return [resp.status, resp.statusText, resp.ok, resp.body, resp.url, resp.webSocket instanceof WebSocket,
            resp.webSocket.readyState, resp.headers.get("upgrade"), resp.headers.has("sec-websocket-accept")];
    """
    result = run_against(js)
    assert result[:4] == [101, "Switching Protocols", False, None]
    assert result[4].endswith("/a?b=1")
    assert result[5:] == [True, 1, "websocket", True]


def test_upgrade_header_value_is_case_insensitive() -> None:
    js = 'return (await fetch(ORIGIN, { headers: { upgrade: "WebSocket" } })).status;'
    assert run_against(js) == 101


def test_sending_or_closing_before_accept_is_a_type_error() -> None:
    js = """
    const ws = (await fetch(ORIGIN, { headers: { Upgrade: "websocket" } })).webSocket;
    const errors = [];
    for (const f of [() => ws.send("x"), () => ws.close(1000)]) {
      try { f(); } catch (e) { errors.push([e.name, e.message]); }
    }
    ws.accept();
    ws.send("now it works");
    return errors;
    """
    assert run_against(js) == [["TypeError", NOT_ACCEPTED], ["TypeError", NOT_ACCEPTED]]


def test_request_headers_and_subprotocol_reach_the_origin() -> None:
    seen: list[ServerRequest] = []

    def record(conn: ServerConnection, request: ServerRequest) -> None:
        seen.append(request)

    js = """
    const resp = await fetch(ORIGIN + "/p", { headers: { Upgrade: "websocket", "X-Trace": "t1",
                                                         "Sec-WebSocket-Protocol": "other, chat" } });
    return [resp.status, resp.headers.get("sec-websocket-protocol")];
    """
    assert run_against(js, record, subprotocols=["chat"]) == [101, "chat"]
    (request,) = seen
    assert request.path == "/p"
    assert request.headers["X-Trace"] == "t1"
    assert request.headers["Sec-WebSocket-Protocol"] == "other, chat"


def test_refused_upgrade_resolves_to_a_plain_response_without_websocket() -> None:
    def refuse(conn: ServerConnection, request: ServerRequest) -> ServerResponse:
        response = conn.respond(426, "upgrade elsewhere")
        response.headers["X-Why"] = "because"
        return response

    js = """
    const resp = await fetch(ORIGIN, { headers: { Upgrade: "websocket" } });
    return [resp.status, resp.statusText, resp.webSocket, resp.headers.get("x-why"), await resp.text()];
    """
    assert run_against(js, refuse) == [426, "Upgrade Required", None, "because", "upgrade elsewhere"]


def test_redirect_manual_returns_the_redirect_response() -> None:
    def redirect(conn: ServerConnection, request: ServerRequest) -> ServerResponse:
        response = conn.respond(302, "")
        response.headers["Location"] = "/elsewhere"
        return response

    js = """
    const resp = await fetch(ORIGIN, { headers: { Upgrade: "websocket" }, redirect: "manual" });
    return [resp.status, resp.webSocket, resp.headers.get("location")];
    """
    assert run_against(js, redirect) == [302, None, "/elsewhere"]
