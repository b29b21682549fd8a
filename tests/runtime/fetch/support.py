"""Run fetch() JS in a booted isolate (no Worker, no request in flight)."""

from __future__ import annotations

import asyncio
from typing import Any

from isolet.runtime.ops.fetch import close_client
from tests.runtime.harness import js_runtime

# The flags of a current compatibility date that fetch() looks at.
FLAGS = ["fetch_refuses_unknown_protocols", "brotli_content_encoding", "strip_authorization_on_cross_origin_redirect"]


def run(js: str, flags: list[str] | None = None) -> Any:
    info = {"compatFlags": FLAGS if flags is None else flags}

    async def main() -> Any:
        async with js_runtime(info) as rt:
            try:
                return await rt.run(js)
            finally:
                close_client(rt.isolate.host)
                # Let the closed transports finish closing before the loop ends.
                for _ in range(3):
                    await asyncio.sleep(0)

    return asyncio.run(main())
