"""WebSocket, WebSocketPair and their events inside a booted isolate (no server).

Both ends of a pair live in the isolate, so messages never leave JS; the
network paths are in tests/integration/websocket.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import pytest
from pydeno import JavaScriptError

from tests.runtime.harness import js_runtime

NOT_ACCEPTED = "You must call one of accept() or state.acceptWebSocket() on this WebSocket before sending messages."


def run(js: str, flags: tuple[str, ...] = ()) -> Any:
    async def main() -> Any:
        async with js_runtime({"compatFlags": list(flags)}) as rt:
            return await rt.run(js)

    return asyncio.run(main())


def js_error(js: str, flags: tuple[str, ...] = ()) -> tuple[str | None, str | None]:
    with pytest.raises(JavaScriptError) as e:
        run(js, flags)
    return e.value.name, e.value.message


PAIR = "const [client, server] = Object.values(new WebSocketPair());\n"


def test_pair_has_two_websockets_by_index_values_and_iteration() -> None:
    js = """
    const pair = new WebSocketPair();
    const [a, b] = pair;
    const values = Object.values(pair);
    return [Object.keys(pair), values[0] === pair[0], values[1] === pair[1], a === pair[0], b === pair[1],
            pair[0] instanceof WebSocket, pair[0] instanceof EventTarget, pair[0] !== pair[1]];
    """
    assert run(js) == [["0", "1"], True, True, True, True, True, True, True]


def test_pair_end_surface_before_accept() -> None:
    js = PAIR + """
    return [client.readyState, client.url, client.protocol, client.extensions, client.binaryType,
            WebSocket.CONNECTING, WebSocket.OPEN, WebSocket.CLOSING, WebSocket.CLOSED,
            WebSocket.READY_STATE_OPEN, client.OPEN, Object.prototype.toString.call(client)];
    """
    assert run(js) == [1, None, "", "", "arraybuffer", 0, 1, 2, 3, 1, 1, "[object WebSocket]"]


def test_send_before_accept_is_a_type_error() -> None:
    assert js_error(PAIR + "server.send('x')") == ("TypeError", NOT_ACCEPTED)


def test_close_before_accept_is_a_type_error() -> None:
    assert js_error(PAIR + "server.close(1000)") == ("TypeError", NOT_ACCEPTED)


def test_text_and_binary_messages_cross_the_pair() -> None:
    js = PAIR + """
    server.accept(); client.accept();
    const got = [];
    const done = new Promise((resolve) => {
      client.addEventListener("message", (e) => {
        got.push(typeof e.data === "string" ? e.data : [e.data.constructor.name, ...new Uint8Array(e.data)]);
        if (got.length === 4) resolve();
      });
    });
    server.send("hello");
    server.send(new Uint8Array([1, 2, 3]).buffer);
    server.send(new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4));
    server.send(42);
    await done;
    return got;
    """
    assert run(js) == ["hello", ["ArrayBuffer", 1, 2, 3], ["ArrayBuffer", 1, 2, 3], "42"]


def test_binary_message_is_a_copy_taken_at_send_time() -> None:
    js = PAIR + """
    server.accept(); client.accept();
    const bytes = new Uint8Array([1, 2, 3]);
    const got = new Promise((resolve) => { client.onmessage = (e) => resolve([...new Uint8Array(e.data)]); });
    server.send(bytes);
    bytes[0] = 99;
    return await got;
    """
    assert run(js) == [1, 2, 3]


def test_messages_sent_before_the_peer_accepts_wait_for_accept() -> None:
    js = PAIR + """
    server.accept();
    server.send("one"); server.send("two");
    const got = [];
    client.addEventListener("message", (e) => got.push(e.data));
    await null; await null;
    const before = got.length;
    client.accept();
    await new Promise((resolve) => setTimeout(resolve, 0));
    return [before, got];
    """
    assert run(js) == [0, ["one", "two"]]


def test_a_thousand_messages_arrive_in_order() -> None:
    js = PAIR + """
    server.accept(); client.accept();
    const got = [];
    const done = new Promise((resolve) => {
      client.onmessage = (e) => { got.push(e.data); if (got.length === 1000) resolve(); };
    });
    for (let i = 0; i < 1000; i++) server.send(String(i));
    await done;
    return got.every((v, i) => v === String(i));
    """
    assert run(js) is True


def test_onmessage_and_listeners_both_fire_with_a_message_event() -> None:
    js = PAIR + """
    server.accept(); client.accept();
    const seen = [];
    client.onmessage = (e) => seen.push(["on", e.constructor.name, e.type, e.isTrusted, e.target === client]);
    const done = new Promise((resolve) => client.addEventListener("message", (e) => { seen.push(["listener", e.data]); resolve(); }));
    server.send("x");
    await done;
    return [seen, typeof client.onmessage];
    """
    assert run(js) == [[["on", "MessageEvent", "message", True, True], ["listener", "x"]], "function"]


def test_close_delivers_code_reason_and_was_clean_to_the_peer() -> None:
    js = PAIR + """
    server.accept(); client.accept();
    const event = new Promise((resolve) => client.addEventListener("close", resolve));
    server.close(4001, "bye");
    const e = await event;
    return [e.constructor.name, e.code, e.reason, e.wasClean, server.readyState, client.readyState];
    """
    # Without web_socket_auto_reply_to_close the receiver has not answered: both CLOSING.
    assert run(js) == ["CloseEvent", 4001, "bye", True, 2, 2]


def test_auto_reply_to_close_completes_the_handshake() -> None:
    js = PAIR + """
    server.accept(); client.accept();
    const atClient = new Promise((resolve) => client.addEventListener("close", (e) => resolve(client.readyState)));
    const atServer = new Promise((resolve) => server.addEventListener("close", (e) => resolve([e.code, e.reason, server.readyState])));
    server.close(4001, "bye");
    return [await atClient, await atServer];
    """
    assert run(js, ("web_socket_auto_reply_to_close",)) == [3, [4001, "bye", 3]]


def test_accept_allow_half_open_disables_the_auto_reply() -> None:
    js = PAIR + """
    server.accept(); client.accept({ allowHalfOpen: true });
    const atClient = new Promise((resolve) => client.addEventListener("close", () => resolve(client.readyState)));
    server.close(1000);
    return await atClient;
    """
    assert run(js, ("web_socket_auto_reply_to_close",)) == 2


def test_close_without_code_arrives_as_1005() -> None:
    js = PAIR + """
    server.accept(); client.accept();
    const event = new Promise((resolve) => client.addEventListener("close", resolve));
    server.close();
    const e = await event;
    return [e.code, e.reason];
    """
    assert run(js) == [1005, ""]


def test_send_after_close_is_a_type_error_and_second_close_is_ignored() -> None:
    js = PAIR + """
    server.accept();
    server.close(1000, "done");
    server.close(1000, "again");
    server.send("late");
    """
    assert js_error(js) == ("TypeError", "Can't call WebSocket send() after close().")


@pytest.mark.parametrize("code", [999, 1004, 1005, 1006, 1015, 5000])
def test_invalid_close_codes_are_invalid_access_errors(code: int) -> None:
    name, message = js_error(PAIR + f"server.accept(); server.close({code})")
    assert (name, message) == ("InvalidAccessError", f"Invalid WebSocket close code: {code}.")


def test_pedantic_wpt_allows_only_1000_and_3000_to_4999() -> None:
    assert js_error(PAIR + "server.accept(); server.close(1001)", ("pedantic_wpt",)) == (
        "InvalidAccessError", "Invalid WebSocket close code: 1001.")


def test_close_reason_without_code_is_an_invalid_access_error() -> None:
    assert js_error(PAIR + "server.accept(); server.close(undefined, 'why')") == (
        "InvalidAccessError", "If you specify a WebSocket close reason, you must also specify a code.")


def test_close_reason_over_123_utf8_bytes_is_a_syntax_error_with_the_flag() -> None:
    js = PAIR + "server.accept(); server.close(1000, 'é'.repeat(62))"
    assert js_error(js, ("websocket_close_reason_byte_limit",)) == (
        "SyntaxError", "WebSocket close reason must not be longer than 123 bytes when UTF-8 encoded.")
    assert run(PAIR + "server.accept(); server.close(1000, 'é'.repeat(61)); return server.readyState",
               ("websocket_close_reason_byte_limit",)) == 2


def test_binary_type_defaults_and_ignores_invalid_values() -> None:
    js = PAIR + """
    const before = client.binaryType;
    client.binaryType = "nonsense";
    const kept = client.binaryType;
    client.binaryType = "blob";
    return [before, kept, client.binaryType];
    """
    assert run(js) == ["arraybuffer", "arraybuffer", "blob"]


def test_binary_type_blob_delivers_blobs_and_is_the_default_with_the_flag() -> None:
    js = PAIR + """
    server.accept(); client.accept();
    const type = client.binaryType;
    const got = new Promise((resolve) => { client.onmessage = (e) => resolve(e.data); });
    server.send(new Uint8Array([104, 105]));
    const data = await got;
    return [type, data instanceof Blob, await data.text()];
    """
    assert run(js, ("websocket_standard_binary_type",)) == ["blob", True, "hi"]


def test_accept_twice_is_allowed() -> None:
    assert run(PAIR + "server.accept(); server.accept(); return server.readyState") == 1


def test_response_with_websocket_must_be_101_and_cannot_be_cloned() -> None:
    js = PAIR + """
    const r = new Response(null, { status: 101, webSocket: client });
    let status, clone;
    try { new Response(null, { status: 200, webSocket: client }); } catch (e) { status = `${e.name}: ${e.message}`; }
    try { r.clone(); } catch (e) { clone = `${e.name}: ${e.message}`; }
    return [r.status, r.webSocket === client, status, clone];
    """
    assert run(js) == [
        101,
        True,
        "RangeError: Responses with a WebSocket must have status code 101.",
        "TypeError: Cannot clone a response to a WebSocket handshake.",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ("'not a url'", "WebSocket Constructor: The url is invalid."),
        ("'http://example.com/'", "WebSocket Constructor: The url scheme must be ws or wss."),
        ("'ws://example.com/#frag'", "WebSocket Constructor: The url fragment must be empty."),
        ("'ws://example.com/', 'bad token'", "WebSocket Constructor: The protocol header token is invalid."),
        ("'ws://example.com/', ['a', 'b,c']", "WebSocket Constructor: One of the protocol header tokens is invalid."),
        ("'ws://example.com/', ['a', 'a']", "WebSocket Constructor: The protocols header cannot have repeating values."),
    ],
)
def test_websocket_constructor_rejects_bad_urls_and_protocols_as_syntax_errors(args: str, message: str) -> None:
    assert js_error(f"new WebSocket({args})") == ("SyntaxError", message)


def test_outbound_websocket_cannot_accept_and_cannot_send_while_connecting() -> None:
    port = _closed_port()
    js = f"""
    const ws = new WebSocket("ws://127.0.0.1:{port}/");
    const errors = [];
    for (const f of [() => ws.accept(), () => ws.send("x")]) {{
      try {{ f(); }} catch (e) {{ errors.push(`${{e.name}}: ${{e.message}}`); }}
    }}
    const closed = new Promise((resolve) => ws.addEventListener("close", resolve));
    await closed;
    return [ws.url, errors];
    """
    assert run(js) == [
        f"ws://127.0.0.1:{port}/",
        [
            "TypeError: Websockets obtained from the 'new WebSocket()' constructor cannot call accept",
            f"TypeError: {NOT_ACCEPTED}",
        ],
    ]


def test_outbound_connection_failure_fires_error_then_close_1006() -> None:
    port = _closed_port()
    js = f"""
    const ws = new WebSocket("ws://127.0.0.1:{port}/");
    const events = [];
    const closed = new Promise((resolve) => {{
      ws.onerror = (e) => events.push([e.type, e.constructor.name, e.error instanceof TypeError]);
      ws.onclose = (e) => {{ events.push([e.type, e.code, e.reason, e.wasClean, ws.readyState]); resolve(); }};
    }});
    const initial = ws.readyState;
    await closed;
    return [initial, events];
    """
    assert run(js) == [0, [["error", "ErrorEvent", True], ["close", 1006, "Failed to establish websocket connection", False, 3]]]


def test_event_constructors() -> None:
    js = """
    const m = new MessageEvent("message", { data: "d" });
    const c = new CloseEvent("close", { code: 1000, reason: "r", wasClean: true });
    const c0 = new CloseEvent("close");
    const e = new ErrorEvent("error", { message: "m", error: 1 });
    let missing;
    try { new MessageEvent("message"); } catch (err) { missing = err.name; }
    return [m.data, m.type, m instanceof Event, c.code, c.reason, c.wasClean, c0.code, c0.reason, c0.wasClean,
            e.message, e.error, e.filename, e.lineno, missing];
    """
    assert run(js) == ["d", "message", True, 1000, "r", True, 0, "", False, "m", 1, "", 0, "TypeError"]


def _closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port
