from __future__ import annotations

from tests.runtime.streams.jsrun import COLLECT, run


def test_byte_stream_default_reader_gets_uint8array_chunks() -> None:
    assert run("""
      const rs = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint16Array([1, 2])); c.close(); } });
      const { value } = await rs.getReader().read();
      return [value.constructor.name, value.byteLength];
    """) == ["Uint8Array", 4]


def test_enqueue_transfers_the_chunk_buffer() -> None:
    assert run("""
      const chunk = new Uint8Array([1, 2, 3]);
      new ReadableStream({ type: "bytes", start(c) { c.enqueue(chunk); } });
      return [chunk.byteLength, chunk.buffer.detached];
    """) == [0, True]


def test_byob_read_fills_from_queued_chunks() -> None:
    assert run("""
      const rs = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array([1, 2])); c.enqueue(new Uint8Array([3, 4, 5])); c.close(); } });
      const r = rs.getReader({ mode: "byob" });
      const { value } = await r.read(new Uint8Array(4));
      const rest = await r.read(new Uint8Array(4));
      const end = await r.read(new Uint8Array(4));
      return [Array.from(value), Array.from(rest.value), end.done, end.value.byteLength];
    """) == [[1, 2, 3, 4], [5], True, 0]


def test_byob_request_respond_partial_fill() -> None:
    assert run("""
      const rs = new ReadableStream({ type: "bytes", pull(c) {
        const v = c.byobRequest.view; v[0] = 9; v[1] = 8; c.byobRequest.respond(2);
      } });
      const r = rs.getReader({ mode: "byob" });
      const { value, done } = await r.read(new Uint8Array(10));
      return [Array.from(value), done, value.buffer.byteLength];
    """) == [[9, 8], False, 10]


def test_byob_read_min_waits_for_enough_bytes() -> None:
    assert run("""
      let calls = 0;
      const rs = new ReadableStream({ type: "bytes", pull(c) {
        calls++; const v = c.byobRequest.view; v[0] = calls; c.byobRequest.respond(1);
      } });
      const r = rs.getReader({ mode: "byob" });
      const { value } = await r.read(new Uint8Array(4), { min: 3 });
      return [Array.from(value), calls];
    """) == [[1, 2, 3], 3]


def test_byob_read_into_typed_array_respects_element_size() -> None:
    assert run("""
      const rs = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array([1, 0, 2, 0, 3])); c.close(); } });
      const r = rs.getReader({ mode: "byob" });
      const { value } = await r.read(new Uint16Array(4));
      return [value.constructor.name, Array.from(value)];
    """) == ["Uint16Array", [1, 2]]


def test_respond_with_new_view() -> None:
    assert run("""
      const rs = new ReadableStream({ type: "bytes", pull(c) {
        const v = c.byobRequest.view;
        const nv = new Uint8Array(v.buffer, v.byteOffset, 3); nv.set([4, 5, 6]);
        c.byobRequest.respondWithNewView(nv);
      } });
      const { value } = await rs.getReader({ mode: "byob" }).read(new Uint8Array(8));
      return Array.from(value);
    """) == [4, 5, 6]


def test_respond_with_wrong_offset_view_is_range_error() -> None:
    assert run("""
      let name;
      const rs = new ReadableStream({ type: "bytes", pull(c) {
        const v = c.byobRequest.view;
        try { c.byobRequest.respondWithNewView(new Uint8Array(v.buffer, 1, 1)); } catch (e) { name = e.constructor.name; }
        c.byobRequest.respond(1);
      } });
      await rs.getReader({ mode: "byob" }).read(new Uint8Array(8));
      return name;
    """) == "RangeError"


def test_respond_more_than_view_is_range_error() -> None:
    assert run("""
      let name;
      const rs = new ReadableStream({ type: "bytes", pull(c) {
        try { c.byobRequest.respond(100); } catch (e) { name = e.constructor.name; }
        c.byobRequest.respond(1);
      } });
      await rs.getReader({ mode: "byob" }).read(new Uint8Array(8));
      return name;
    """) == "RangeError"


def test_close_then_respond_zero_ends_byob_read() -> None:
    assert run("""
      const rs = new ReadableStream({ type: "bytes", pull(c) { c.close(); c.byobRequest.respond(0); } });
      const { value, done } = await rs.getReader({ mode: "byob" }).read(new Uint8Array(4));
      return [done, value.byteLength, value.buffer.byteLength];
    """) == [True, 0, 4]


def test_auto_allocate_chunk_size_gives_default_reads_a_byob_request() -> None:
    assert run("""
      let size;
      const rs = new ReadableStream({ type: "bytes", autoAllocateChunkSize: 16, pull(c) {
        size = c.byobRequest.view.byteLength; c.byobRequest.view[0] = 42; c.byobRequest.respond(1);
      } });
      const { value } = await rs.getReader().read();
      return [size, Array.from(value)];
    """) == [16, [42]]


def test_auto_allocate_chunk_size_zero_is_type_error() -> None:
    assert run("""
      try { new ReadableStream({ type: "bytes", autoAllocateChunkSize: 0 }); } catch (e) { return e.constructor.name; }
    """) == "TypeError"


def test_byob_reader_on_default_stream_is_given_but_its_reads_reject() -> None:
    assert run(COLLECT + """
      const r = new ReadableStream().getReader({ mode: "byob" });
      return [r instanceof ReadableStreamBYOBReader, await rejection(r.read(new Uint8Array(1)))];
    """) == [True, "TypeError: This ReadableStream does not support BYOB reads; it is not a byte stream."]


def test_get_reader_with_unknown_mode_uses_workerd_message() -> None:
    assert run("""
      try { new ReadableStream().getReader({ mode: "nope" }); } catch (e) { return e.message; }
    """) == "mode must be undefined or 'byob' in call to getReader()."


def test_byob_read_rejects_zero_length_view_and_bad_min() -> None:
    assert run(COLLECT + """
      const r = new ReadableStream({ type: "bytes" }).getReader({ mode: "byob" });
      return [await rejection(r.read(new Uint8Array(0))).then((s) => s.split(":")[0]),
              (await rejection(r.read(new Uint8Array(2), { min: 3 }))).split(":")[0],
              (await rejection(r.read(new Uint8Array(2), { min: 0 }))).split(":")[0]];
    """) == ["TypeError", "RangeError", "TypeError"]


def test_byte_stream_size_strategy_is_range_error() -> None:
    assert run("""
      try { new ReadableStream({ type: "bytes" }, { size() { return 1; } }); } catch (e) { return e.constructor.name; }
    """) == "RangeError"


def test_byte_stream_tee_gives_independent_copies() -> None:
    assert run(COLLECT + """
      const rs = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array([1, 2])); c.close(); } });
      const [a, b] = rs.tee();
      const ca = await collect(a); const cb = await collect(b);
      ca[0][0] = 99;
      return [Array.from(ca[0]), Array.from(cb[0]), ca[0].buffer !== cb[0].buffer];
    """) == [[99, 2], [1, 2], True]


def test_byte_stream_tee_branches_support_byob() -> None:
    assert run("""
      const rs = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array([7, 8, 9])); c.close(); } });
      const [a] = rs.tee();
      const { value } = await a.getReader({ mode: "byob" }).read(new Uint8Array(2));
      return Array.from(value);
    """) == [7, 8]


def test_enqueue_zero_length_chunk_is_type_error() -> None:
    assert run("""
      let name;
      new ReadableStream({ type: "bytes", start(c) { try { c.enqueue(new Uint8Array(0)); } catch (e) { name = e.constructor.name; } } });
      return name;
    """) == "TypeError"


def test_byte_controller_enqueue_takes_a_buffer_source_like_workerd() -> None:
    assert run(COLLECT + """
      let ctl; const rs = new ReadableStream({ type: "bytes", start(c) { ctl = c; } });
      const out = [];
      try { ctl.enqueue("str"); } catch (e) { out.push(e.message); }
      try { ctl.enqueue(new Uint8Array(0)); } catch (e) { out.push(e.message); }
      ctl.enqueue(new Uint8Array([7, 8]).buffer); ctl.close();
      try { ctl.enqueue(new Uint8Array(1)); } catch (e) { out.push(e.message); }
      try { ctl.close(); } catch (e) { out.push(e.message); }
      out.push((await collect(rs)).map((c) => Array.from(c)));
      return out;
    """) == [
        "Failed to execute 'enqueue' on 'ReadableByteStreamController': parameter 1 is not of type 'BufferSource'.",
        "Cannot enqueue a zero-length ArrayBuffer.",
        "This ReadableByteStreamController is closed.",
        "This ReadableStream is closed.",
        [[7, 8]],
    ]
