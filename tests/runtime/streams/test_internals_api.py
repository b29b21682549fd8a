"""`internals.streams`, the helpers sibling runtime files use.

Internals are hidden at boot, so these tests use the harness's
``expose_internals``.
"""

from __future__ import annotations

from typing import Any

from tests.runtime.harness import run_js


def run(js: str) -> Any:
    return run_js("const __streams = globalThis.__test_internals.streams;\n" + js, expose_internals=True)


def test_read_all_bytes_concatenates_chunks() -> None:
    assert run("""
      const rs = ReadableStream.from([new Uint8Array([1, 2]), new Uint8Array([3])]);
      const bytes = await __streams.readAllBytes(rs);
      return [bytes.constructor.name, Array.from(bytes), __streams.isDisturbed(rs)];
    """) == ["Uint8Array", [1, 2, 3], True]


def test_read_all_bytes_rejects_non_byte_chunks_with_type_error() -> None:
    assert run("""
      try { await __streams.readAllBytes(ReadableStream.from(["text"])); } catch (e) { return e.constructor.name; }
    """) == "TypeError"


def test_readable_from_chunks_is_a_byte_stream_and_copies() -> None:
    assert run("""
      const chunk = new Uint8Array([4, 5, 6]);
      const rs = __streams.readableFromChunks([chunk]);
      const r = rs.getReader({ mode: "byob" });
      const { value } = await r.read(new Uint8Array(2));
      const rest = await __streams.readAllBytes((r.releaseLock(), rs));
      return [Array.from(value), Array.from(rest), chunk.byteLength, __streams.isReadableStream(rs)];
    """) == [[4, 5], [6], 3, True]


def test_create_readable_uses_pull_and_cancel() -> None:
    assert run("""
      let n = 0; let reason;
      const rs = __streams.createReadable({ pull(c) { c.enqueue(new Uint8Array([++n])); if (n === 2) c.close(); },
                                            cancel(r) { reason = r; }, highWaterMark: 0, type: "bytes" });
      const all = await __streams.readAllBytes(rs);
      const rs2 = __streams.createReadable({ cancel(r) { reason = r; } });
      await rs2.cancel("bye");
      return [Array.from(all), reason];
    """) == [[1, 2], "bye"]


def test_known_length_of_fixed_length_stream_readable() -> None:
    assert run("""
      return [__streams.knownLength(new FixedLengthStream(7).readable), __streams.knownLength(new ReadableStream()) ?? null];
    """) == [7, None]
