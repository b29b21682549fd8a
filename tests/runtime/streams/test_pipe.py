from __future__ import annotations

from tests.runtime.streams.jsrun import COLLECT, run

SINK = """
function recorder(opts = {}) {
  const log = [];
  const ws = new WritableStream({
    write(c) { log.push(c); if (opts.failWrite) throw new Error("sink failed"); },
    close() { log.push("close"); },
    abort(r) { log.push(`abort:${r}`); },
  });
  return { ws, log };
}
"""


def test_pipe_to_writes_every_chunk_and_closes() -> None:
    assert run(SINK + """
      const { ws, log } = recorder();
      await ReadableStream.from([1, 2, 3]).pipeTo(ws);
      return log;
    """) == [1, 2, 3, "close"]


def test_pipe_to_prevent_close_leaves_destination_open() -> None:
    assert run(SINK + """
      const { ws, log } = recorder();
      await ReadableStream.from([1]).pipeTo(ws, { preventClose: true });
      const w = ws.getWriter(); await w.write(2);
      return log;
    """) == [1, 2]


def test_pipe_to_source_error_aborts_destination() -> None:
    assert run(COLLECT + SINK + """
      const { ws, log } = recorder();
      const rs = new ReadableStream({ start(c) { c.enqueue(1); c.error("src err"); } });
      return [await rejection(rs.pipeTo(ws)), log];
    """) == ["src err", ["abort:src err"]]


def test_pipe_to_prevent_abort_keeps_destination_writable() -> None:
    assert run(COLLECT + SINK + """
      const { ws, log } = recorder();
      const rs = new ReadableStream({ start(c) { c.error("src err"); } });
      const result = await rejection(rs.pipeTo(ws, { preventAbort: true }));
      await ws.getWriter().write("later");
      return [result, log];
    """) == ["src err", ["later"]]


def test_pipe_to_destination_error_cancels_source() -> None:
    assert run(COLLECT + SINK + """
      let cancelled;
      const { ws } = recorder({ failWrite: true });
      const rs = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel(r) { cancelled = r.message; } });
      return [await rejection(rs.pipeTo(ws)), cancelled];
    """) == ["Error: sink failed", "sink failed"]


def test_pipe_to_prevent_cancel_keeps_source_readable() -> None:
    assert run(COLLECT + SINK + """
      let cancelled = false;
      const { ws } = recorder({ failWrite: true });
      const rs = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel() { cancelled = true; } });
      const result = await rejection(rs.pipeTo(ws, { preventCancel: true }));
      return [result, cancelled, rs.locked];
    """) == ["Error: sink failed", False, False]


def test_pipe_to_closed_destination_cancels_source_with_type_error() -> None:
    assert run(COLLECT + """
      let reason;
      const ws = new WritableStream(); await ws.close();
      const rs = new ReadableStream({ cancel(r) { reason = r; } });
      const result = await rejection(rs.pipeTo(ws));
      return [result.split(":")[0], reason instanceof TypeError];
    """) == ["TypeError", True]


def test_pipe_to_abort_signal_stops_pipe_and_aborts_both_ends() -> None:
    assert run(COLLECT + SINK + """
      const { ws, log } = recorder();
      let cancelled;
      const rs = new ReadableStream({ cancel(r) { cancelled = r; } });
      const ac = new AbortController();
      const p = rs.pipeTo(ws, { signal: ac.signal });
      ac.abort("stop it");
      return [await rejection(p), log, cancelled];
    """) == ["stop it", ["abort:stop it"], "stop it"]


def test_pipe_to_already_aborted_signal_rejects_immediately() -> None:
    assert run(COLLECT + SINK + """
      const { ws, log } = recorder();
      const ac = new AbortController(); ac.abort("pre");
      const rs = ReadableStream.from([1, 2]);
      return [await rejection(rs.pipeTo(ws, { signal: ac.signal, preventAbort: true, preventCancel: true })), log, rs.locked];
    """) == ["pre", [], False]


def test_pipe_to_accepts_duck_typed_signal() -> None:
    assert run(COLLECT + SINK + """
      const { ws } = recorder();
      const listeners = [];
      const signal = { aborted: false, reason: undefined,
        addEventListener(t, f) { listeners.push(f); }, removeEventListener() {} };
      const p = new ReadableStream().pipeTo(ws, { signal });
      signal.aborted = true; signal.reason = "duck"; listeners.forEach((f) => f());
      return await rejection(p);
    """) == "duck"


def test_pipe_to_locks_both_streams_while_piping() -> None:
    assert run("""
      const rs = new ReadableStream(); const ws = new WritableStream();
      rs.pipeTo(ws);
      return [rs.locked, ws.locked];
    """) == [True, True]


def test_pipe_to_locked_source_rejects_with_type_error() -> None:
    assert run(COLLECT + """
      const rs = new ReadableStream(); rs.getReader();
      return await rejection(rs.pipeTo(new WritableStream()));
    """) == "TypeError: This ReadableStream is currently locked to a reader."


def test_pipe_through_locked_writable_throws_type_error() -> None:
    assert run("""
      const ts = new TransformStream(); ts.writable.getWriter();
      try { new ReadableStream().pipeThrough(ts); } catch (e) { return `${e.constructor.name}: ${e.message}`; }
    """) == "TypeError: This WritableStream is currently locked to a writer."


def test_pipe_to_respects_destination_backpressure() -> None:
    assert run("""
      let pulls = 0; let release;
      const rs = new ReadableStream({ pull(c) { pulls++; c.enqueue(pulls); } }, { highWaterMark: 0 });
      const ws = new WritableStream({ write() { return new Promise((r) => { release = r; }); } }, { highWaterMark: 1 });
      rs.pipeTo(ws);
      for (let i = 0; i < 50; i++) await Promise.resolve();
      return pulls <= 3;
    """) is True
