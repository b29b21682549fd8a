from __future__ import annotations

from tests.runtime.streams.jsrun import COLLECT, run


def test_identity_transform_stream_passes_bytes_through() -> None:
    assert run(COLLECT + """
      const { readable, writable } = new IdentityTransformStream();
      const w = writable.getWriter();
      w.write(new Uint8Array([1, 2])); w.write(new Uint16Array([3]).buffer); w.close();
      return (await collect(readable)).map((c) => [c.constructor.name, Array.from(c)]);
    """) == [["Uint8Array", [1, 2]], ["Uint8Array", [3, 0]]]


def test_identity_transform_stream_is_a_transform_stream_with_byte_readable() -> None:
    assert run("""
      const its = new IdentityTransformStream();
      const r = its.readable.getReader({ mode: "byob" });
      return [its instanceof TransformStream, r instanceof ReadableStreamBYOBReader];
    """) == [True, True]


def test_identity_transform_stream_supports_byob_reads() -> None:
    assert run("""
      const { readable, writable } = new IdentityTransformStream();
      const w = writable.getWriter();
      const r = readable.getReader({ mode: "byob" });
      const read = r.read(new Uint8Array(2));
      w.write(new Uint8Array([5, 6, 7]));
      const first = await read;
      const second = await r.read(new Uint8Array(8));
      return [Array.from(first.value), Array.from(second.value)];
    """) == [[5, 6], [7]]


def test_identity_transform_stream_rejects_string_write_at_once_without_a_reader() -> None:
    assert run(COLLECT + """
      const { readable, writable } = new IdentityTransformStream();
      const w = writable.getWriter();
      const msg = await rejection(w.write("text"));
      w.write(new Uint8Array([1])); w.close();
      const chunks = await collect(readable);
      return [msg.startsWith("TypeError: This TransformStream is being used as a byte stream, but received a string"),
        chunks.map((c) => Array.from(c))];
    """) == [True, [[1]]]


def test_identity_transform_stream_rejects_non_buffer_objects() -> None:
    assert run(COLLECT + """
      const { readable, writable } = new IdentityTransformStream();
      readable.getReader().read().catch(() => {});
      return await rejection(writable.getWriter().write({}));
    """) == ("TypeError: This TransformStream is being used as a byte stream, but received an object of "
             "non-ArrayBuffer/ArrayBufferView type on its writable side.")


def test_identity_transform_stream_does_not_detach_written_buffer() -> None:
    assert run(COLLECT + """
      const { readable, writable } = new IdentityTransformStream();
      const chunk = new Uint8Array([1, 2, 3]);
      const w = writable.getWriter(); w.write(chunk); w.close();
      await collect(readable);
      return chunk.byteLength;
    """) == 3


def test_fixed_length_stream_passes_exact_length() -> None:
    assert run(COLLECT + """
      const { readable, writable } = new FixedLengthStream(4);
      const w = writable.getWriter(); w.write(new Uint8Array([1, 2])); w.write(new Uint8Array([3, 4])); w.close();
      return (await collect(readable)).map((c) => Array.from(c));
    """) == [[1, 2], [3, 4]]


def test_fixed_length_stream_write_past_length_resolves_and_errors_the_readable() -> None:
    assert run(COLLECT + """
      const { readable, writable } = new FixedLengthStream(2);
      const read = rejection(readable.getReader().read());
      const w = writable.getWriter();
      const written = await rejection(w.write(new Uint8Array(3)));
      return [written, await read, await rejection(w.write(new Uint8Array(1)))];
    """) == ["fulfilled"] + ["TypeError: Attempt to write too many bytes through a FixedLengthStream."] * 2


def test_fixed_length_stream_close_early_resolves_and_errors_the_readable() -> None:
    assert run(COLLECT + """
      const { readable, writable } = new FixedLengthStream(3);
      const w = writable.getWriter();
      const r = readable.getReader();
      const first = r.read();
      w.write(new Uint8Array([1]));
      const closing = rejection(w.close());
      await first;
      return [await closing, await rejection(r.read())];
    """) == ["fulfilled", "TypeError: FixedLengthStream did not see all expected bytes before close()."]


def test_fixed_length_stream_rejects_negative_length() -> None:
    assert run("try { new FixedLengthStream(-1); } catch (e) { return e.constructor.name; }") == "TypeError"


def test_fixed_length_stream_accepts_bigint_and_zero() -> None:
    assert run(COLLECT + """
      const { readable, writable } = new FixedLengthStream(0n);
      await writable.getWriter().close();
      return (await collect(readable)).length;
    """) == 0
