// The isolate's dispatch loop and the Worker entry points.
//
// One loop per isolate, started once: it awaits op_dispatch_next for a batch
// of events, starts a handler for each without awaiting it (so requests
// interleave on this isolate's event loop), and reports results through sync
// ops. pydeno runs top-level async calls into one runtime one at a time, so
// this single long-lived call is what lets requests run concurrently.
"use strict";
((internals) => {
  const ops = internals.ops;

  // The Worker, set once by start(): { format: "modules" | "service-worker",
  // exported: module namespace (modules), env, listeners (service-worker) }.
  let worker = null;
  const listeners = { fetch: [], scheduled: [] };
  const inflight = new Map(); // request id -> RequestState

  class ExecutionContext {
    #state;
    constructor(state) { this.#state = state; }
    waitUntil(promise) {
      if (this.#state.finished) return;
      const p = Promise.resolve(promise);
      this.#state.waitUntil.add(p);
      const settle = () => { this.#state.waitUntil.delete(p); maybeFinish(this.#state); };
      p.then(settle, (e) => { logException(this.#state.id, e, "Uncaught (in promise) "); settle(); });
    }
    passThroughOnException() { this.#state.passThrough = true; }
    get props() { return {}; }
  }

  class FetchEvent {
    #state;
    constructor(request, state) {
      this.type = "fetch";
      this.request = request;
      this.#state = state;
    }
    respondWith(response) {
      if (this.#state.respondWith !== null) {
        throw new Error("FetchEvent.respondWith() has already been called; it can only be called once.");
      }
      this.#state.respondWith = Promise.resolve(response);
    }
    waitUntil(promise) { this.#state.ctx.waitUntil(promise); }
    passThroughOnException() { this.#state.passThrough = true; }
  }

  const stackOf = (e) => {
    if (e instanceof Error || (e && typeof e.stack === "string")) return e.stack ?? `${e.name}: ${e.message}`;
    return internals.console ? internals.console.inspect(e, 1) : String(e);
  };

  function logException(id, e, prefix = "") {
    ops.op_dispatch_log_exception(id, prefix + stackOf(e));
  }
  internals.reportError = (e) => logException(null, e, "Uncaught ");
  internals.onUnhandledRejection = (reason) => logException(null, reason, "Uncaught (in promise) ");

  // Finished requests gathered while dispatchNow handles a batch:
  // they go back to Python as the call's return value instead of one op
  // each. A sync op made inside a synchronous call makes the isolate thread
  // wait for the GIL that the calling thread is just releasing: measured
  // 116 us for a call with one op against 10 us without (two thread
  // wake-ups). Only a whole response with nothing left pending goes this
  // way, so no later op can concern a request whose reply is still on its
  // way. Each is [id, status, statusText, headers, body]
  // (runtime/host.py IsolateHost.deliver).
  let replies = null;

  function sendWhole(id, status, statusText, headers, body, done) {
    if (replies !== null && done) replies.push([id, status, statusText, headers, body]);
    else ops.op_dispatch_respond(id, status, statusText, headers, body, false, done);
  }

  function maybeFinish(state) {
    if (state.finished || !state.responded || !state.bodyDone || state.waitUntil.size > 0) return;
    state.finished = true;
    inflight.delete(state.id);
    ops.op_dispatch_done(state.id);
  }

  function sendError(state, status, message) {
    if (state.responded) return;
    state.responded = true;
    state.bodyDone = true;
    const body = internals.encoding ? internals.encoding.utf8Encode(message) : null;
    state.finished = state.waitUntil.size === 0;
    if (state.finished) inflight.delete(state.id);
    sendWhole(state.id, status, "", [["content-type", "text/plain;charset=UTF-8"]], body, state.finished);
  }

  // Body chunks that are already available are sent together, up to this
  // many bytes per crossing: a 64 KiB-per-chunk stream otherwise pays one
  // op_dispatch_body_write round trip per chunk (bench/workloads/stream).
  const COALESCE_BYTES = 1 << 20;
  // A read that has not settled after this many microtask turns is waiting on
  // something outside (I/O, a timer): what was gathered goes out first.
  const READY_TURNS = 8;

  const notBytes = () => new TypeError("This TransformStream is being used as a byte stream, but received an object of non-ArrayBuffer/ArrayBufferView type on its writable side.");

  async function pump(state, stream) {
    let error = null;
    const reader = stream.getReader();
    let next = null; // a read started while gathering, not yet consumed
    try {
      for (;;) {
        const { value, done } = await (next ?? reader.read());
        next = null;
        if (done) break;
        if (!(value instanceof Uint8Array)) throw notBytes();
        if (value.byteLength === 0) continue;
        let chunk = value;
        let parts = null;
        let size = value.byteLength;
        let ended = false;
        while (size < COALESCE_BYTES) {
          const read = reader.read();
          let settled = false;
          read.then(() => { settled = true; }, () => { settled = true; });
          for (let i = 0; i < READY_TURNS && !settled; i++) await null;
          if (!settled) { next = read; break; }
          const r = await read;
          if (r.done) { ended = true; break; }
          if (!(r.value instanceof Uint8Array)) throw notBytes();
          if (r.value.byteLength === 0) continue;
          (parts ??= [value]).push(r.value);
          size += r.value.byteLength;
        }
        if (parts !== null) {
          chunk = new Uint8Array(size);
          let at = 0;
          for (const part of parts) { chunk.set(part, at); at += part.byteLength; }
        }
        if (!(await ops.op_dispatch_body_write(state.id, chunk))) {
          if (next !== null) next.catch(() => {});
          await reader.cancel(new Error("The client disconnected."));
          break;
        }
        if (ended) break;
      }
    } catch (e) {
      error = e;
      logException(state.id, e, "Uncaught (in response body) ");
    } finally {
      reader.releaseLock?.();
    }
    ops.op_dispatch_body_close(state.id, error === null ? null : String(error?.message ?? error));
    state.bodyDone = true;
    maybeFinish(state);
  }

  // A 101 Response with `webSocket`: instead of a body, the client connection
  // takes the place of that end (60_websocket.js). The request stays in flight
  // until the connection ends.
  function respondWebSocket(state, wire) {
    const upgrade = state.ev.headers.some(([k, v]) => k.toLowerCase() === "upgrade" && v.toLowerCase() === "websocket");
    if (!upgrade) {
      throw new TypeError("Worker tried to return a WebSocket in a response to a request " +
        "which did not contain the header \"Upgrade: websocket\".");
    }
    const link = internals.webSocket.couple(wire.webSocket, () => {
      state.bodyDone = true;
      maybeFinish(state);
    });
    state.responded = true;
    link.attach(ops.op_dispatch_respond(state.id, wire.status, wire.statusText, wire.headers, null, false, false, true));
  }

  function respond(state, response) {
    if (state.responded) return;
    const wire = internals.fetch.responseToWire(response);
    if (wire.webSocket !== null && wire.webSocket !== undefined) return respondWebSocket(state, wire);
    state.responded = true;
    if (wire.stream === null) {
      state.bodyDone = true;
      state.finished = state.waitUntil.size === 0;
      if (state.finished) inflight.delete(state.id);
      sendWhole(state.id, wire.status, wire.statusText, wire.headers, wire.body, state.finished);
    } else {
      ops.op_dispatch_respond(state.id, wire.status, wire.statusText, wire.headers, null, true, false);
      pump(state, wire.stream);
    }
  }

  function callFetchHandler(request, state) {
    if (worker.format === "service-worker") {
      const event = new FetchEvent(request, state);
      for (const listener of listeners.fetch) {
        listener.call(globalThis, event);
        if (state.respondWith !== null) break;
      }
      if (state.respondWith === null) {
        throw new Error("No event listener called FetchEvent.respondWith(); the Worker did not produce a response.");
      }
      return state.respondWith;
    }
    const entry = worker.exported.default;
    if (typeof entry === "function" && entry.prototype instanceof internals.workers.WorkerEntrypoint) {
      const instance = new entry(state.ctx, worker.env);
      if (typeof instance.fetch !== "function") throw new Error("Handler does not export a fetch() function.");
      return instance.fetch(request);
    }
    if (entry === null || typeof entry !== "object" || typeof entry.fetch !== "function") {
      throw new Error("Handler does not export a fetch() function.");
    }
    return entry.fetch(request, worker.env, state.ctx);
  }

  // The id of the request whose code is running, carried across awaits,
  // timers and promise chains by V8's async context: a subrequest is charged
  // to the request that made it (runtime/ops/fetch.py).
  const requestVar = internals.asyncContext === null ? null : new internals.asyncContext.AsyncVariable();
  internals.currentRequestId = () => requestVar?.get() ?? null;

  // Runs fn() with `id` as the current request for everything it starts.
  function inRequest(id, fn) {
    if (requestVar === null) return fn();
    const previous = requestVar.enter(id);
    try {
      return fn();
    } finally {
      internals.asyncContext.set(previous);
    }
  }

  async function handleFetch(ev) {
    const state = {
      id: ev.id, ev, responded: false, bodyDone: false, finished: false, passThrough: false,
      respondWith: null, waitUntil: new Set(), ctx: null, settled: false,
    };
    state.ctx = new ExecutionContext(state);
    inflight.set(ev.id, state);
    if (ev.urlRecord) internals.url.seed(ev.url, ev.urlRecord);
    try {
      const request = internals.fetch.requestFromWire(ev, () => ops.op_dispatch_body_read(ev.id));
      const response = await inRequest(ev.id, () => callFetchHandler(request, state));
      state.settled = true;
      if (!internals.fetch.isResponse(response)) {
        throw new TypeError("Incorrect type for Promise: the Promise did not resolve to 'Response'.");
      }
      respond(state, response);
    } catch (e) {
      state.settled = true;
      logException(state.id, e, "Uncaught ");
      sendError(state, 500, "Worker threw exception");
    }
  }

  // No op is pending and microtasks have drained: nothing can ever settle the
  // handlers still waiting, so they fail as on the platform.
  function failHung() {
    for (const state of [...inflight.values()]) {
      if (!state.responded) {
        ops.op_dispatch_log_exception(state.id,
          "Error: The script will never generate a response. (The handler's promise never settled and nothing it could wait on is pending.)");
        sendError(state, 500, "The script will never generate a response.");
      } else if (!state.bodyDone) {
        continue;
      }
      state.waitUntil.clear();
      maybeFinish(state);
    }
  }

  // True when some request is unfinished and no op is pending: unless a
  // microtask still runs, nothing can ever finish it.
  const stuck = () => internals.pendingOps === 0 && inflight.size > 0;
  // Let queued microtasks run (no crossing) before deciding the isolate is stuck.
  const MICROTASK_GRACE = 16;
  async function settleMicrotasks() {
    for (let i = 0; i < MICROTASK_GRACE && stuck(); i++) await null;
  }

  // A batch as it crossed (runtime/host.py wire_batch): the events' JSON and
  // the bytes their numbered body/data fields stand for.
  function fromWire(wire) {
    if (wire === null) return null;
    const batch = JSON.parse(wire[0]);
    const blobs = wire[1];
    if (blobs.length > 0) {
      for (const ev of batch) {
        if (typeof ev.body === "number") ev.body = blobs[ev.body];
        if (typeof ev.data === "number") ev.data = blobs[ev.data];
      }
    }
    return batch;
  }

  let parked = false;   // the loop waits in op_dispatch_next for new events
  let waking = false;
  // The last pending op settled while the loop was parked: if the isolate is
  // still stuck once microtasks ran, wake the loop so it can probe.
  internals.onIdle = async () => {
    if (!parked || waking || inflight.size === 0) return;
    waking = true;
    await settleMicrotasks();
    waking = false;
    if (parked && stuck()) ops.op_dispatch_wake();
  };

  async function loop() {
    for (;;) {
      await settleMicrotasks();
      const probing = stuck();
      parked = !probing;
      const batch = fromWire(await ops.op_dispatch_next(probing));
      parked = false;
      if (batch === null) return;
      // An empty batch that was not asked for by a probe: the host saw the
      // isolate idle for a while (runtime/host.py IDLE_SLEEP_S). With nothing
      // in flight and nothing pending, end the loop: while a call is in
      // progress pydeno's runtime thread keeps polling (~0.8% of a core per
      // isolate, measured), so an idle isolate should have none. The host
      // starts the loop again (resume) when the next event comes.
      if (batch.length === 0 && !probing && inflight.size === 0 && internals.pendingOps === 0) return "idle";
      if (probing && batch.length === 0 && stuck()) failHung();
      for (const ev of batch) {
        if (ev.type === "fetch") handleFetch(ev);
        else if (ev.type === "ws") internals.webSocket.onHostEvent(ev);
      }
    }
  }

  // Python calls this synchronously with a batch of events when the loop is
  // parked in op_dispatch_next (engine/worker.py, runtime/host.py): the
  // handlers start here, their microtasks run here too, and whatever is
  // answered by then returns as the call's value (see `replies`), so an idle
  // isolate costs no thread hand-off through asyncio and no op per request.
  // The call is one CPU slice, as the handlers' synchronous parts already
  // were before any reply (runtime/host.py deliver): a finished request's
  // charge no longer matters to the watchdog, which checks requests in
  // flight and the slice running now (engine/limits.py). A handler still
  // waiting afterwards continues as on the loop's path; if nothing can ever
  // settle it, onIdle wakes the loop to probe, as after a batch.
  function dispatchNow(text, blobs) {
    const batch = fromWire([text, blobs]);
    const gathered = internals.runMicrotasks !== null ? [] : null;
    replies = gathered;
    try {
      for (const ev of batch) {
        if (ev.type === "fetch") handleFetch(ev);
        else if (ev.type === "ws") internals.webSocket.onHostEvent(ev);
      }
      if (gathered !== null) internals.runMicrotasks();
    } finally {
      replies = null;
    }
    if (inflight.size > 0) internals.onIdle?.();
    return gathered;
  }

  // cloudflare:workers
  class WorkerEntrypoint {
    constructor(ctx, env) { this.ctx = ctx; this.env = env; }
  }
  class DurableObject {
    constructor(ctx, env) { this.ctx = ctx; this.env = env; }
  }
  class WorkflowEntrypoint {
    constructor(ctx, env) { this.ctx = ctx; this.env = env; }
  }
  class RpcTarget {}
  internals.workers = { WorkerEntrypoint, DurableObject, WorkflowEntrypoint, RpcTarget };

  function addEventListener(type, listener) {
    if (!(type in listeners)) return;
    if (typeof listener !== "function") throw new TypeError("The listener must be a function.");
    listeners[type].push(listener);
  }

  // The env object: vars (strings or JSON values) and secrets, frozen shape.
  function buildEnv(spec) {
    const env = {};
    for (const [k, v] of Object.entries(spec.vars ?? {})) env[k] = v;
    for (const [k, v] of Object.entries(spec.secrets ?? {})) env[k] = v;
    for (const name of spec.kv ?? []) env[name] = internals.kv.namespace(name);
    return env;
  }

  // Builtin modules the Worker may import, by specifier.
  // The registry is handed out once: to the loader's "isolet-internal:internals"
  // module, which the entry module imports before any Worker code runs
  // (engine/modules.py ModuleGraph.entry_imports). The node: modules and the
  // loader's generated code reach it through that module; Worker code cannot.
  let internalsTaken = false;
  function builtin(name) {
    if (name === "internals" && !internalsTaken) {
      internalsTaken = true;
      return internals;
    }
    if (name === "cloudflare:workers") {
      return { ...internals.workers, env: worker?.env ?? pendingEnv };
    }
    throw new Error(`No such module "${name}".`);
  }

  // Run by the engine in a blank isolate before boot (engine/pool.py): a
  // request goes through the synchronous dispatch path (JSON event in,
  // handler, Response, whole reply out) to a stand-in Worker, so V8 compiles
  // that path ahead of the first request of the Worker that claims the
  // isolate. No op is made and nothing it makes outlives the call; boot
  // removes the hook. Warming only the Request/Response conversions left
  // 0.84 ms in the first real dispatch (bench/inproc.py cold --pool).
  Object.defineProperty(globalThis, "__isolet_warm", {
    value: () => {
      const standIn = {
        format: "modules", env: {},
        exported: { default: { fetch: (request) => {
          request.headers.get("accept");
          return new Response("warm", { headers: { "content-type": "text/plain" } });
        } } },
      };
      worker = standIn;
      try {
        for (let n = 1; n <= 3; n++) {
          const ev = { type: "fetch", id: -n, method: "GET", url: "http://localhost/",
            headers: [["accept", "*/*"]], body: null, streamed: false };
          dispatchNow(JSON.stringify([ev]), []);
        }
      } finally {
        worker = null;
        inflight.clear();
      }
    },
    writable: false, enumerable: false, configurable: true,
  });

  let pendingEnv = null;
  internals.bootHooks.push(() => {
    delete globalThis.__isolet_warm;
    pendingEnv = buildEnv(internals.info.env ?? {});
    if (internals.info.format === "service-worker") {
      for (const [k, v] of Object.entries(pendingEnv)) globalThis[k] = v;
      internals.exposeGlobal("addEventListener", addEventListener);
    }
    internals.exposeGlobal("__isolet_builtin", builtin);
    // Taken (and deleted) by the engine right after boot, before any Worker code runs.
    Object.defineProperty(globalThis, "__isolet_dispatch", {
      value: dispatchNow, writable: false, enumerable: false, configurable: true,
    });
    // Called by the engine once the loop has ended idle (nothing runs then).
    Object.defineProperty(globalThis, "__isolet_release", {
      value: () => internals.releaseMemory(), writable: false, enumerable: false, configurable: true,
    });
    Object.defineProperty(globalThis, "__isolet_resume", {
      value: () => (worker === null ? "idle" : loop()), writable: false, enumerable: false, configurable: true,
    });
    internals.exposeGlobal("__isolet_start", (exported) => {
      delete globalThis.__isolet_start;
      worker = { format: internals.info.format, exported, env: pendingEnv };
      ops.op_dispatch_thread();
      return loop();
    });
  });
})(globalThis.__isolet_internals);
