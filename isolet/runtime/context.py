"""One request's state on the Python side (workerd's IoContext, kept small).

A ``RequestContext`` is created by the server for each incoming request and
lives until the Worker's response body is finished and its ``waitUntil``
work has settled. JS refers to it only by its integer id.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class IncomingRequest:
    """The request as the HTTP front end hands it to an isolate."""

    method: str
    url: str
    headers: list[tuple[str, str]]
    # The whole body when it is small and already received; otherwise None and
    # ``body_stream`` yields it in chunks as the client sends it.
    body: bytes | None
    body_stream: AsyncIterator[bytes] | None
    cf: dict[str, Any]


@dataclass(slots=True)
class OutgoingResponse:
    """The Worker's response head, and its body either whole or as a channel."""

    status: int
    status_text: str
    headers: list[tuple[str, str]]
    body: bytes | None
    stream: ResponseBodyChannel | None = None
    # A 101 response: the id of the host socket (runtime/ops/websocket.py) the
    # client connection stands in for, instead of a body.
    websocket: int | None = None


class ResponseBodyChannel:
    """A bounded queue of response body chunks: JS writes, the server reads.

    The queue holds at most ``max_chunks`` chunks, so a Worker streaming a
    large body waits for the client to take it (backpressure) and memory stays
    flat. ``None`` marks the end; an exception marks a failed stream.
    """

    def __init__(self, max_chunks: int = 4) -> None:
        self._queue: asyncio.Queue[bytes | BaseException | None] = asyncio.Queue(max_chunks)
        self.client_gone = False

    async def write(self, chunk: bytes) -> bool:
        if self.client_gone:
            return False
        await self._queue.put(chunk)
        return not self.client_gone

    def close(self, error: BaseException | None = None) -> None:
        try:
            self._queue.put_nowait(error)
        except asyncio.QueueFull:
            # The reader is behind; deliver the end marker once it catches up.
            asyncio.get_running_loop().create_task(self._queue.put(error))

    def abandon(self) -> None:
        """The client went away: unblock the writer and refuse further chunks."""
        self.client_gone = True
        while not self._queue.empty():
            self._queue.get_nowait()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while True:
            item = await self._queue.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item


@dataclass(slots=True)
class RequestContext:
    """Per-request state: the response future, body channels, CPU used."""

    id: int
    request: IncomingRequest
    response: asyncio.Future[OutgoingResponse]
    # Set when the handler and all of its waitUntil() promises have settled.
    done: asyncio.Future[None]
    channel: ResponseBodyChannel | None = None
    cpu_ns: int = 0
    subrequests: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
