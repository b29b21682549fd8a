"""`internals.streams`, the helpers other runtime files use (reached through a boot hook)."""

from __future__ import annotations

from tests.runtime.streams.jsrun import run

# Internals are deleted at boot; the snapshot-built ReadableStream is what
# helpers see. Probe them via behaviour reachable from user code instead.


def test_stream_globals_are_non_enumerable_and_replace_pydeno_stream() -> None:
    assert run("""
      const d = Object.getOwnPropertyDescriptor(globalThis, "ReadableStream");
      return [d.enumerable, typeof ReadableStream.from, Object.keys(globalThis).includes("WritableStream")];
    """) == [False, "function", False]


def test_private_state_is_not_reachable() -> None:
    assert run("""
      const rs = new ReadableStream();
      return [Object.getOwnPropertyNames(rs).length, Object.getOwnPropertySymbols(rs).length];
    """) == [0, 0]
