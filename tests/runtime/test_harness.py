from __future__ import annotations

import asyncio

from tests.runtime.harness import js_runtime


def test_runtime_boots_and_hides_bootstrap_globals() -> None:
    async def main() -> list[str]:
        async with js_runtime() as rt:
            return list(await rt.run(
                "return [typeof __isolet_internals, typeof __isolet_boot, typeof __isolet_ops]"))

    assert asyncio.run(main()) == ["undefined", "undefined", "undefined"]
