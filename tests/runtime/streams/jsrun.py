"""Run a JS snippet (an async function body) in a fresh booted isolate."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.runtime.harness import js_runtime

TIMEOUT_SECONDS = 10


def run(js: str) -> Any:
    async def main() -> Any:
        async with js_runtime() as rt:
            # A never-settling promise is a failure, not a hung test run.
            return await asyncio.wait_for(rt.run(js), TIMEOUT_SECONDS)

    return asyncio.run(main())


# Prepended to snippets that need it: collect a stream's chunks.
COLLECT = """
async function collect(rs) {
  const out = [];
  const reader = rs.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return out;
    out.push(value);
  }
}
async function rejection(p) {
  try { await p; return "fulfilled"; } catch (e) { return e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e); }
}
"""
