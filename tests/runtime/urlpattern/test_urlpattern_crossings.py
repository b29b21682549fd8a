"""URLPattern matching stays in JS: op calls counted in a fresh isolate.

(Kept apart from test_urlpattern.py, whose isolate lives on its own event
loop for the whole module.)
"""

from __future__ import annotations

import asyncio
from typing import Any

from tests.runtime.harness import js_runtime


def test_matching_makes_no_op_calls_for_init_inputs() -> None:
    async def main() -> Any:
        async with js_runtime(expose_internals=True) as rt:
            return await rt.run("""
              const i = globalThis.__test_internals, p = new URLPattern({pathname: '/a/:b', hostname: 'x.com'});
              let calls = 0;
              for (const name of Object.keys(i.ops)) { const f = i.ops[name]; i.ops[name] = (...a) => { calls++; return f(...a); }; }
              for (let k = 0; k < 100; k++) p.test({pathname: '/a/' + k, hostname: 'x.com'});
              const initCalls = calls; calls = 0;
              p.test('https://x.com/a/1');
              return [initCalls, calls];
            """)

    assert asyncio.run(main()) == [0, 1]
