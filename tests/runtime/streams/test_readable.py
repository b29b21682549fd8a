from __future__ import annotations

import pytest
from pydeno import JavaScriptError

from tests.runtime.streams.jsrun import COLLECT, run


def test_default_reader_reads_enqueued_chunks_then_done() -> None:
    assert run("""
      const rs = new ReadableStream({ start(c) { c.enqueue("a"); c.enqueue("b"); c.close(); } });
      const r = rs.getReader();
      const results = [await r.read(), await r.read(), await r.read()];
      return results.map(({ value, done }) => [value ?? null, done]);
    """) == [["a", False], ["b", False], [None, True]]


def test_closed_promise_resolves_when_stream_closes() -> None:
    assert run("""
      let ctl; const rs = new ReadableStream({ start(c) { ctl = c; } });
      const r = rs.getReader();
      const p = r.closed.then(() => "closed");
      ctl.close();
      return await p;
    """) == "closed"


def test_error_rejects_pending_and_future_reads() -> None:
    assert run(COLLECT + """
      let ctl; const rs = new ReadableStream({ start(c) { ctl = c; } });
      const r = rs.getReader();
      const pending = r.read();
      ctl.error(new RangeError("boom"));
      return [await rejection(pending), await rejection(r.read()), await rejection(r.closed)];
    """) == ["RangeError: boom"] * 3


def test_start_rejection_errors_stream() -> None:
    assert run(COLLECT + """
      const rs = new ReadableStream({ start() { return Promise.reject(new Error("nope")); } });
      return await rejection(rs.getReader().read());
    """) == "Error: nope"


def test_pull_throwing_errors_stream() -> None:
    assert run(COLLECT + """
      const rs = new ReadableStream({ pull() { throw new TypeError("pull failed"); } });
      return await rejection(rs.getReader().read());
    """) == "TypeError: pull failed"


def test_cancel_calls_source_cancel_with_reason_and_resolves_reads_done() -> None:
    assert run("""
      let seen;
      const rs = new ReadableStream({ cancel(reason) { seen = reason; } });
      const r = rs.getReader();
      const pending = r.read();
      await r.cancel("enough");
      return [seen, (await pending).done];
    """) == ["enough", True]


def test_cancel_on_locked_stream_rejects_with_type_error() -> None:
    assert run(COLLECT + """
      const rs = new ReadableStream();
      rs.getReader();
      return await rejection(rs.cancel());
    """) == "TypeError: This ReadableStream is currently locked to a reader."


def test_get_reader_on_locked_stream_throws_type_error() -> None:
    with pytest.raises(JavaScriptError) as info:
        run("const rs = new ReadableStream(); rs.getReader(); rs.getReader();")
    assert "currently locked to a reader" in str(info.value)


def test_locked_reflects_reader_and_release_lock() -> None:
    assert run("""
      const rs = new ReadableStream();
      const a = rs.locked; const r = rs.getReader(); const b = rs.locked; r.releaseLock();
      return [a, b, rs.locked];
    """) == [False, True, False]


def test_release_lock_rejects_pending_read_with_type_error() -> None:
    assert run(COLLECT + """
      const rs = new ReadableStream();
      const r = rs.getReader();
      const p = r.read();
      r.releaseLock();
      return [await rejection(p), await rejection(r.closed), await rejection(r.read())];
    """) == ["TypeError: This ReadableStream reader has been released."] * 3


def test_reader_constructor_accepts_stream() -> None:
    assert run("""
      const rs = new ReadableStream({ start(c) { c.enqueue(1); } });
      const r = new ReadableStreamDefaultReader(rs);
      return [(await r.read()).value, rs.locked];
    """) == [1, True]


def test_controller_enqueue_after_close_throws_type_error() -> None:
    assert run("""
      let err;
      new ReadableStream({ start(c) { c.close(); try { c.enqueue(1); } catch (e) { err = e; } } });
      return err instanceof TypeError;
    """) is True


def test_invalid_type_throws_type_error() -> None:
    assert run("""
      try { new ReadableStream({ type: "nope" }); } catch (e) { return e.constructor.name; }
    """) == "TypeError"


def test_pull_is_called_only_up_to_high_water_mark() -> None:
    assert run("""
      let pulls = 0;
      const rs = new ReadableStream({ pull(c) { pulls++; c.enqueue(pulls); } }, { highWaterMark: 3 });
      for (let i = 0; i < 10; i++) await Promise.resolve();
      const before = pulls;
      const r = rs.getReader();
      await r.read();
      for (let i = 0; i < 10; i++) await Promise.resolve();
      return [before, pulls];
    """) == [3, 4]


def test_pull_not_called_with_zero_high_water_mark_until_read() -> None:
    assert run("""
      let pulls = 0;
      const rs = new ReadableStream({ pull(c) { pulls++; c.enqueue("x"); } }, { highWaterMark: 0 });
      for (let i = 0; i < 10; i++) await Promise.resolve();
      const before = pulls;
      const { value } = await rs.getReader().read();
      return [before, pulls, value];
    """) == [0, 1, "x"]


def test_pull_not_reentered_while_pull_promise_pending() -> None:
    assert run("""
      let pulls = 0; let release;
      const rs = new ReadableStream({ pull(c) { pulls++; return new Promise((r) => { release = () => { c.enqueue(pulls); r(); }; }); } }, { highWaterMark: 0 });
      const r = rs.getReader();
      const a = r.read(); const b = r.read();
      for (let i = 0; i < 10; i++) await Promise.resolve();
      const during = pulls;
      release();
      await a;
      for (let i = 0; i < 10; i++) await Promise.resolve();
      release();
      await b;
      return [during, pulls];
    """) == [1, 2]


def test_desired_size_tracks_queue_and_size_function() -> None:
    assert run("""
      let ctl;
      new ReadableStream({ start(c) { ctl = c; } }, { highWaterMark: 10, size: (s) => s.length });
      const a = ctl.desiredSize; ctl.enqueue("abcd"); const b = ctl.desiredSize; ctl.enqueue("abcdefgh");
      return [a, b, ctl.desiredSize];
    """) == [10, 6, -2]


def test_desired_size_is_null_after_error_and_zero_after_close() -> None:
    assert run("""
      let a, b;
      new ReadableStream({ start(c) { c.error(1); a = c.desiredSize; } });
      new ReadableStream({ start(c) { c.close(); b = c.desiredSize; } });
      return [a, b];
    """) == [None, 0]


def test_negative_high_water_mark_is_range_error() -> None:
    assert run("""
      try { new ReadableStream({}, { highWaterMark: -1 }); } catch (e) { return e.constructor.name; }
    """) == "RangeError"


def test_size_function_throwing_errors_stream_and_rethrows() -> None:
    assert run(COLLECT + """
      let thrown;
      const rs = new ReadableStream({ start(c) { try { c.enqueue(1); } catch (e) { thrown = e.message; } } },
        { size() { throw new Error("bad size"); } });
      return [thrown, await rejection(rs.getReader().read())];
    """) == ["bad size", "Error: bad size"]


def test_async_iteration_yields_every_chunk() -> None:
    assert run("""
      const rs = new ReadableStream({ start(c) { for (const x of [1, 2, 3]) c.enqueue(x); c.close(); } });
      const out = []; for await (const x of rs) out.push(x);
      return [out, rs.locked];
    """) == [[1, 2, 3], False]


def test_async_iteration_break_cancels_stream() -> None:
    assert run("""
      let cancelled = false;
      const rs = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel() { cancelled = true; } });
      for await (const x of rs) break;
      return [cancelled, rs.locked];
    """) == [True, False]


def test_values_prevent_cancel_keeps_stream_readable_after_break() -> None:
    assert run("""
      let cancelled = false; let n = 0;
      const rs = new ReadableStream({ pull(c) { c.enqueue(++n); }, cancel() { cancelled = true; } });
      for await (const x of rs.values({ preventCancel: true })) break;
      const { value } = await rs.getReader().read();
      return [cancelled, value > 1];
    """) == [False, True]


def test_async_iteration_propagates_stream_error() -> None:
    assert run("""
      const rs = new ReadableStream({ start(c) { c.enqueue(1); c.error(new TypeError("mid")); } });
      try { for await (const x of rs) {} } catch (e) { return e.message; }
    """) == "mid"


def test_async_iterator_prototype_chain_and_tag() -> None:
    assert run("""
      const it = new ReadableStream()[Symbol.asyncIterator]();
      const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}.prototype));
      return [Object.getPrototypeOf(Object.getPrototypeOf(it)) === AsyncIteratorPrototype, Object.prototype.toString.call(it)];
    """) == [True, "[object ReadableStream AsyncIterator]"]


def test_from_sync_iterable() -> None:
    assert run(COLLECT + "return await collect(ReadableStream.from(['a', 'b']));") == ["a", "b"]


def test_from_async_generator_and_cancel_calls_return() -> None:
    assert run(COLLECT + """
      let finished = false;
      async function* gen() { try { yield 1; yield 2; yield 3; } finally { finished = true; } }
      const r = ReadableStream.from(gen()).getReader();
      const first = (await r.read()).value;
      await r.cancel();
      return [first, finished];
    """) == [1, True]


def test_from_awaits_promises_from_sync_iterables() -> None:
    assert run(COLLECT + "return await collect(ReadableStream.from([Promise.resolve(5), 6]));") == [5, 6]


def test_from_non_iterable_throws_type_error() -> None:
    assert run("try { ReadableStream.from(42); } catch (e) { return e.constructor.name; }") == "TypeError"


def test_tee_delivers_every_chunk_to_both_branches() -> None:
    assert run(COLLECT + """
      const [a, b] = ReadableStream.from([1, 2, 3]).tee();
      return [await collect(a), await collect(b)];
    """) == [[1, 2, 3], [1, 2, 3]]


def test_tee_cancels_source_only_when_both_branches_cancel() -> None:
    assert run("""
      let reason;
      const rs = new ReadableStream({ cancel(r) { reason = r; } });
      const [a, b] = rs.tee();
      await Promise.race([a.cancel("x"), Promise.resolve()]);
      const after1 = reason;
      await b.cancel("y");
      return [after1 === undefined, reason];
    """) == [True, ["x", "y"]]


def test_tee_propagates_error_to_both_branches() -> None:
    assert run(COLLECT + """
      let ctl; const rs = new ReadableStream({ start(c) { ctl = c; } });
      const [a, b] = rs.tee();
      ctl.error(new Error("src"));
      return [await rejection(a.getReader().read()), await rejection(b.getReader().read())];
    """) == ["Error: src", "Error: src"]


def test_tee_locks_the_source() -> None:
    assert run("const rs = new ReadableStream(); rs.tee(); return rs.locked;") is True


def test_to_string_tags() -> None:
    assert run("""
      return [ReadableStream, WritableStream, TransformStream, CountQueuingStrategy]
        .map((C) => Object.prototype.toString.call(C.prototype));
    """) == ["[object ReadableStream]", "[object WritableStream]", "[object TransformStream]",
             "[object CountQueuingStrategy]"]


def test_controllers_cannot_be_constructed_by_user_code() -> None:
    assert run("""
      const names = [];
      for (const C of [ReadableStreamDefaultController, ReadableByteStreamController, WritableStreamDefaultController,
                       TransformStreamDefaultController, ReadableStreamBYOBRequest]) {
        try { new C(); } catch (e) { names.push(e.constructor.name); }
      }
      return names;
    """) == ["TypeError"] * 5


def test_methods_check_receiver_brand() -> None:
    assert run("""
      try { ReadableStream.prototype.getReader.call({}); } catch (e) { return e.constructor.name; }
    """) == "TypeError"


def test_default_controller_enqueue_and_close_after_close_use_workerd_messages() -> None:
    assert run("""
      let ctl; new ReadableStream({ start(c) { ctl = c; } }); ctl.close();
      const out = [];
      try { ctl.enqueue("x"); } catch (e) { out.push(e.message); }
      try { ctl.close(); } catch (e) { out.push(e.message); }
      return out;
    """) == ["Unable to enqueue", "This ReadableStream is closed."]


def test_from_non_iterable_fails_async_generator_conversion() -> None:
    assert run("""
      try { ReadableStream.from(5); } catch (e) { return [e.constructor.name, e.message]; }
    """) == ["TypeError", "Failed to execute 'from' on 'ReadableStream': parameter 1 is not of type 'AsyncGenerator'."]


def test_from_string_iterates_its_characters() -> None:
    assert run("""
      const out = []; for await (const c of ReadableStream.from("ab")) out.push(c); return out;
    """) == ["a", "b"]


def test_invalid_underlying_source_type_uses_workerd_message_and_empty_type_is_default() -> None:
    assert run("""
      let msg; try { new ReadableStream({ type: "weird" }); } catch (e) { msg = e.message; }
      const r = new ReadableStream({ type: "", start(c) { c.enqueue("v"); c.close(); } }).getReader();
      return [msg, (await r.read()).value];
    """) == ['"weird" is not a valid type of ReadableStream.', "v"]
