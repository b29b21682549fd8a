"""Run JS with the runtime's private `internals` reachable, for wire-contract tests.

Boot deletes `__isolet_internals`; the harness's ``expose_internals`` keeps
it reachable as `globalThis.__test_internals`.
"""

from __future__ import annotations

from typing import Any

from tests.runtime.harness import run_js


def run(js: str, *, expose_internals: bool = False) -> Any:
    return run_js(js, expose_internals=expose_internals)


def run_with_internals(js: str) -> Any:
    """Run ``js`` with ``internals`` bound to the runtime's private registry."""
    return run("const internals = globalThis.__test_internals;\n" + js, expose_internals=True)
