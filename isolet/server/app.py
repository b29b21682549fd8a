"""What the front end serves: a Worker, its ``request.cf``, and the ASGI entry for the rest.

Plain HTTP is served by ``server/http.py`` (our httptools protocol), which
asks ``WorkerApp`` for the serving instance. uvicorn still owns the socket and
calls ``WorkerApp`` as an ASGI app for lifespan and for WebSocket upgrades
(``server/websocket.py``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from isolet.engine.worker import WorkerInstance
from isolet.server.websocket import serve_websocket

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

# A body that arrives whole and no larger than this crosses into JS with the
# request event; anything else streams through op_dispatch_body_read.
INLINE_BODY_MAX = 1 << 20


class WorkerApp:
    def __init__(
        self,
        instance: Callable[[], Awaitable[WorkerInstance]],
        cf: Callable[[], dict[str, Any]],
        ready: Callable[[], WorkerInstance | None] | None = None,
    ) -> None:
        # ``cf`` is asked per request: a reload may change the config's [dev] cf.
        self._instance = instance
        self._cf = cf
        self._ready = ready

    @property
    def cf(self) -> dict[str, Any]:
        return self._cf()

    def instance(self) -> Awaitable[WorkerInstance]:
        return self._instance()

    def ready(self) -> WorkerInstance | None:
        """The serving instance if one is up, without awaiting (None: call ``instance()``)."""
        return self._ready() if self._ready is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] == "websocket":
            await serve_websocket(scope, receive, send, self._instance, self._cf())
            return
        # Plain HTTP never arrives here: server/http.py serves it directly.


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
