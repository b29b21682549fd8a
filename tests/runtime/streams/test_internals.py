"""`internals.streams`, the helpers other runtime files use (reached through a boot hook)."""

from __future__ import annotations

from tests.runtime.streams.jsrun import run

# Internals are deleted at boot; the snapshot-built ReadableStream is what
# helpers see. Probe them via behaviour reachable from user code instead.


def test_stream_globals_live_on_the_global_scope_prototype_and_replace_pydeno_stream() -> None:
    # As workerd: not own properties of globalThis (so absent from
    # Object.keys(globalThis)), but reachable through its prototype.
    assert run("""
      const own = Object.getOwnPropertyDescriptor(globalThis, "ReadableStream");
      const d = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(globalThis), "ReadableStream");
      return [own === undefined, d.value === ReadableStream, typeof ReadableStream.from,
              Object.keys(globalThis).includes("WritableStream")];
    """) == [True, True, "function", False]


def test_private_state_is_not_reachable() -> None:
    assert run("""
      const rs = new ReadableStream();
      return [Object.getOwnPropertyNames(rs).length, Object.getOwnPropertySymbols(rs).length];
    """) == [0, 0]
