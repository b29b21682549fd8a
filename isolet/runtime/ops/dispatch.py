"""Ops of the isolate's dispatch loop: events in, responses and bodies out.

The JS loop (``90_dispatch.js``) awaits ``op_dispatch_next`` for a batch of
events, starts a handler for each, and reports back with the sync ops below.
A hello-world request costs one crossing when it reaches an idle isolate:
the synchronous call that hands it over returns its whole response
(runtime/host.py ``IsolateHost.deliver``). On the loop's path it costs two:
its share of one ``op_dispatch_next`` batch and one ``op_dispatch_respond``
carrying the whole response (``op_dispatch_done`` rides along when nothing
is pending).
"""

from __future__ import annotations

import threading
import time
from typing import Any

from isolet.runtime.context import OutgoingResponse, ResponseBodyChannel
from isolet.runtime.host import IsolateHost, wire_batch
from isolet.runtime.ops.websocket import batch_taken, couple_socket


def op_dispatch_thread(host: IsolateHost) -> None:
    """Called once at boot on the isolate thread: points the CPU meter at its clock."""
    host.cpu.clock_id = time.pthread_getcpuclockid(threading.get_ident())
    host.cpu.slice_start_ns = host.cpu.now()


async def op_dispatch_next(host: IsolateHost, probe: bool) -> list[Any] | None:
    """The next batch of events as ``wire_batch`` encodes it, or None: the loop stops."""
    batch = await host.next_events(bool(probe))
    batch_taken(host)
    host.cpu.slice_start_ns = host.cpu.now()
    return None if batch is None else wire_batch(batch)


def op_dispatch_respond(
    host: IsolateHost,
    rid: int,
    status: int,
    status_text: str,
    headers: list[list[str]],
    body: bytes | None,
    streamed: bool,
    done: bool,
    websocket: bool = False,
) -> int | None:
    """The response head, with the whole body (``body``) or a stream to follow.

    ``done`` says the request has nothing left pending (no waitUntil, no
    streamed body), saving the separate ``op_dispatch_done`` crossing.
    With ``websocket`` (a 101 response carrying one end of a pair) the
    client connection takes that end's place: returns the host socket id
    (runtime/ops/websocket.py) the server will accept and pump.
    """
    host.mark_slice(rid)
    if not streamed and websocket is not True:
        host.respond(rid, status, status_text, headers, body, finished=bool(done))
        return None
    ctx = host.requests.get(rid)
    if ctx is None:
        return None
    channel = None
    if streamed:
        channel = ResponseBodyChannel()
        ctx.channel = channel
    response = OutgoingResponse(
        status=status, status_text=status_text, headers=[(k, v) for k, v in headers], body=None, stream=channel
    )
    if websocket is True:
        response.websocket = couple_socket(host, rid)
    host.resolve_response(rid, response, finished=bool(done))
    return response.websocket


async def op_dispatch_body_read(host: IsolateHost, rid: int) -> bytes | None:
    """The next chunk of the request body, or None at its end."""
    host.mark_slice(rid)
    ctx = host.requests.get(rid)
    if ctx is None or ctx.request.body_stream is None:
        return None
    try:
        return await anext(ctx.request.body_stream)
    except StopAsyncIteration:
        return None


async def op_dispatch_body_write(host: IsolateHost, rid: int, chunk: bytes) -> bool:
    """Queue a response body chunk; waits while the client is behind.

    Returns False when the client has gone, so JS cancels the stream.
    """
    host.mark_slice(rid)
    ctx = host.requests.get(rid)
    if ctx is None or ctx.channel is None:
        return False
    return await ctx.channel.write(bytes(chunk))


def op_dispatch_body_close(host: IsolateHost, rid: int, error: str | None) -> None:
    ctx = host.requests.get(rid)
    if ctx is None or ctx.channel is None:
        return
    channel = ctx.channel
    # JS null arrives as pydeno's undefined sentinel, so test for a string.
    exc = RuntimeError(error) if isinstance(error, str) else None
    host.call_soon(channel.close, exc)


def op_dispatch_wake(host: IsolateHost) -> None:
    """JS saw its last pending op settle with requests unfinished: let the loop re-check."""
    host.call_soon(host.wake)


def op_dispatch_done(host: IsolateHost, rid: int) -> None:
    """The handler, its body and its waitUntil() promises have all settled."""
    host.mark_slice(rid)
    host.finish(rid)


def op_dispatch_log_exception(host: IsolateHost, rid: int | None, stack: str) -> None:
    """An uncaught exception in a handler or a waitUntil() promise."""
    host.log("error", stack, rid if isinstance(rid, int) else None)
