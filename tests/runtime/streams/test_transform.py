from __future__ import annotations

from tests.runtime.streams.jsrun import COLLECT, run


def test_pipe_through_transform_stream_maps_chunks() -> None:
    assert run(COLLECT + """
      const ts = new TransformStream({ transform(c, ctl) { ctl.enqueue(c * 2); } });
      return await collect(ReadableStream.from([1, 2, 3]).pipeThrough(ts));
    """) == [2, 4, 6]


def test_identity_transform_without_transformer() -> None:
    assert run(COLLECT + """
      const { readable, writable } = new TransformStream();
      const w = writable.getWriter(); w.write("a"); w.close();
      return await collect(readable);
    """) == ["a"]


def test_flush_can_enqueue_final_chunks() -> None:
    assert run(COLLECT + """
      const ts = new TransformStream({ transform(c, ctl) { ctl.enqueue(c); }, flush(ctl) { ctl.enqueue("end"); } });
      return await collect(ReadableStream.from(["x"]).pipeThrough(ts));
    """) == ["x", "end"]


def test_transform_error_errors_both_sides() -> None:
    assert run(COLLECT + """
      const ts = new TransformStream({ transform() { throw new TypeError("bad chunk"); } });
      const w = ts.writable.getWriter();
      const read = rejection(ts.readable.getReader().read());
      return [await rejection(w.write(1)), await read, await rejection(w.closed)];
    """) == ["TypeError: bad chunk"] * 3


def test_flush_error_errors_readable_and_close() -> None:
    assert run(COLLECT + """
      const ts = new TransformStream({ flush() { throw new Error("flush failed"); } });
      const w = ts.writable.getWriter();
      return [await rejection(w.close()), await rejection(ts.readable.getReader().read())];
    """) == ["Error: flush failed"] * 2


def test_terminate_closes_readable_and_errors_writable() -> None:
    assert run(COLLECT + """
      const ts = new TransformStream({ transform(c, ctl) { ctl.enqueue(c); ctl.terminate(); } });
      const w = ts.writable.getWriter();
      w.write(1);
      const out = await collect(ts.readable);
      return [out, (await rejection(w.write(2))).split(":")[0]];
    """) == [[1], "TypeError"]


def test_controller_error_errors_both_sides() -> None:
    assert run(COLLECT + """
      const ts = new TransformStream({ start(ctl) { ctl.error(new RangeError("early")); } });
      return [await rejection(ts.readable.getReader().read()), await rejection(ts.writable.getWriter().closed)];
    """) == ["RangeError: early"] * 2


def test_readable_cancel_calls_transformer_cancel_and_errors_writable() -> None:
    assert run(COLLECT + """
      let seen;
      const ts = new TransformStream({ cancel(r) { seen = r; } });
      await ts.readable.cancel("no more");
      return [seen, await rejection(ts.writable.getWriter().closed)];
    """) == ["no more", "no more"]


def test_transform_backpressure_holds_writes_until_read() -> None:
    assert run("""
      let transforms = 0;
      const ts = new TransformStream({ transform(c, ctl) { transforms++; ctl.enqueue(c); } });
      const w = ts.writable.getWriter();
      w.write(1); w.write(2); w.write(3);
      for (let i = 0; i < 20; i++) await Promise.resolve();
      const before = transforms;
      const r = ts.readable.getReader();
      await r.read();
      for (let i = 0; i < 20; i++) await Promise.resolve();
      return [before, transforms];
    """) == [0, 1]


def test_transform_desired_size_reflects_readable_side() -> None:
    assert run("""
      let sizes = [];
      const ts = new TransformStream({ transform(c, ctl) { sizes.push(ctl.desiredSize); ctl.enqueue(c); sizes.push(ctl.desiredSize); } },
        undefined, { highWaterMark: 2 });
      await ts.writable.getWriter().write("a");
      return sizes;
    """) == [2, 1]


def test_invalid_readable_type_is_range_error() -> None:
    assert run("try { new TransformStream({ readableType: 'bytes' }); } catch (e) { return e.constructor.name; }") == "RangeError"


def test_async_transform_preserves_order() -> None:
    assert run(COLLECT + """
      const ts = new TransformStream({ async transform(c, ctl) { await null; await null; ctl.enqueue(c + "!"); } });
      return await collect(ReadableStream.from(["a", "b", "c"]).pipeThrough(ts));
    """) == ["a!", "b!", "c!"]
