from __future__ import annotations

from tests.runtime.streams.jsrun import COLLECT, run


def test_writer_writes_reach_sink_in_order_then_close() -> None:
    assert run("""
      const log = [];
      const ws = new WritableStream({ write(c) { log.push(c); }, close() { log.push("close"); } });
      const w = ws.getWriter();
      w.write(1); w.write(2);
      await w.close();
      return log;
    """) == [1, 2, "close"]


def test_write_promise_waits_for_sink_write() -> None:
    assert run("""
      let finish; const order = [];
      const ws = new WritableStream({ write() { return new Promise((r) => { finish = r; }); } });
      const w = ws.getWriter();
      const p = w.write("x").then(() => order.push("written"));
      for (let i = 0; i < 5; i++) await Promise.resolve();
      order.push("before");
      finish();
      await p;
      return order;
    """) == ["before", "written"]


def test_ready_and_desired_size_reflect_backpressure() -> None:
    assert run("""
      let finish;
      const ws = new WritableStream({ write() { return new Promise((r) => { finish = r; }); } }, { highWaterMark: 2 });
      const w = ws.getWriter();
      await w.ready;
      const a = w.desiredSize;
      w.write(1); w.write(2);
      const b = w.desiredSize;
      let ready = false; w.ready.then(() => { ready = true; });
      for (let i = 0; i < 5; i++) await Promise.resolve();
      const readyBefore = ready;
      finish();
      for (let i = 0; i < 5; i++) await Promise.resolve();
      return [a, b, readyBefore, ready];
    """) == [2, 0, False, True]


def test_sink_write_error_errors_stream() -> None:
    assert run(COLLECT + """
      const ws = new WritableStream({ write() { throw new TypeError("sink broke"); } });
      const w = ws.getWriter();
      return [await rejection(w.write(1)), await rejection(w.closed), await rejection(w.write(2))];
    """) == ["TypeError: sink broke"] * 3


def test_abort_waits_for_start_then_calls_sink_abort_and_rejects_pending_writes() -> None:
    assert run(COLLECT + """
      let reason; let started;
      const ws = new WritableStream({ start() { return new Promise((r) => { started = r; }); }, abort(r) { reason = r; } });
      const w = ws.getWriter();
      const p = w.write(1);
      const a = w.abort("stop");
      for (let i = 0; i < 5; i++) await Promise.resolve();
      const before = reason;
      started();
      await a;
      return [before === undefined, reason, await rejection(p), await rejection(w.closed)];
    """) == [True, "stop", "stop", "stop"]


def test_abort_after_start_calls_sink_abort() -> None:
    assert run("""
      let reason;
      const ws = new WritableStream({ abort(r) { reason = r; } });
      await ws.abort("why");
      return reason;
    """) == "why"


def test_controller_signal_aborts_on_abort() -> None:
    assert run("""
      let signal;
      const ws = new WritableStream({ start(c) { signal = c.signal; } });
      const before = signal.aborted;
      await ws.abort("r");
      return [before, signal.aborted, signal.reason];
    """) == [False, True, "r"]


def test_write_after_close_rejects_with_type_error() -> None:
    assert run(COLLECT + """
      const w = new WritableStream().getWriter();
      w.close();
      return await rejection(w.write(1));
    """) == "TypeError: This WritableStream has been closed."


def test_get_writer_on_locked_stream_throws_type_error() -> None:
    assert run("""
      const ws = new WritableStream(); ws.getWriter();
      try { ws.getWriter(); } catch (e) { return `${e.constructor.name}: ${e.message}`; }
    """) == "TypeError: This WritableStream is currently locked to a writer."


def test_close_and_abort_on_locked_stream_reject() -> None:
    assert run(COLLECT + """
      const ws = new WritableStream(); ws.getWriter();
      return [await rejection(ws.close()), await rejection(ws.abort())];
    """) == ["TypeError: This WritableStream is currently locked to a writer."] * 2


def test_released_writer_rejects_operations() -> None:
    assert run(COLLECT + """
      const ws = new WritableStream(); const w = ws.getWriter(); w.releaseLock();
      return [ws.locked, await rejection(w.write(1)), await rejection(w.closed)];
    """) == [False, "TypeError: This WritableStream writer has been released.",
             "TypeError: This WritableStream writer has been released."]


def test_controller_error_errors_stream() -> None:
    assert run(COLLECT + """
      let ctl; const ws = new WritableStream({ start(c) { ctl = c; } });
      const w = ws.getWriter(); await w.ready;
      ctl.error(new RangeError("ctl"));
      return [await rejection(w.closed), w.desiredSize];
    """) == ["RangeError: ctl", None]


def test_underlying_sink_type_is_range_error() -> None:
    assert run("try { new WritableStream({ type: 'bytes' }); } catch (e) { return e.constructor.name; }") == "RangeError"


def test_count_queuing_strategy() -> None:
    assert run("""
      const s = new CountQueuingStrategy({ highWaterMark: 4 });
      return [s.highWaterMark, s.size("anything"), s.size === new CountQueuingStrategy({ highWaterMark: 1 }).size];
    """) == [4, 1, True]


def test_byte_length_queuing_strategy_drives_desired_size() -> None:
    assert run("""
      const s = new ByteLengthQueuingStrategy({ highWaterMark: 16 });
      let ctl; new ReadableStream({ start(c) { ctl = c; } }, s);
      ctl.enqueue(new Uint8Array(10));
      return [s.highWaterMark, s.size(new Uint8Array(3)), ctl.desiredSize];
    """) == [16, 3, 6]


def test_queuing_strategy_requires_high_water_mark() -> None:
    assert run("try { new CountQueuingStrategy({}); } catch (e) { return e.constructor.name; }") == "TypeError"
