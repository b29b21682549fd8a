// setTimeout / setInterval / clearTimeout / clearInterval and scheduler.wait,
// plus setImmediate / clearImmediate for the nodejs_compat globals and
// node:timers (internals.timers; not global by themselves).
// Each timer awaits op_timers_sleep on the host's asyncio loop; clearing a
// timer cancels the host sleep so it no longer counts as pending work.
// A timer's callback runs in the async context (AsyncLocalStorage stores)
// that was current when it was scheduled, as in workerd.
"use strict";
((internals) => {
  let nextId = 1;
  const active = new Map(); // id -> true while armed

  // workerd's WebIDL conversion error for a non-function callback argument.
  const notAFunction = (name) => new TypeError(
    `Failed to execute '${name}' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'function'.`);

  function normalizeDelay(ms) {
    const n = Number(ms);
    return Number.isFinite(n) && n > 0 ? n : 0;
  }

  // The async context to restore around a callback (null: no async context).
  const asyncContext = internals.asyncContext;
  const captureContext = () => (asyncContext === null ? undefined : asyncContext.get());

  function fire(callback, args, ctx) {
    let prev;
    if (asyncContext !== null) {
      prev = asyncContext.get();
      asyncContext.set(ctx);
    }
    try {
      callback(...args);
    } catch (e) {
      internals.reportError?.(e);
    } finally {
      if (asyncContext !== null) asyncContext.set(prev);
    }
  }

  function arm(id, callback, delay, args, repeat, ctx) {
    internals.ops.op_timers_sleep(id, delay).then((fired) => {
      if (!fired || !active.has(id)) return;
      if (repeat) arm(id, callback, delay, args, true, ctx);
      else active.delete(id);
      fire(callback, args, ctx);
    });
  }

  function schedule(callback, ms, args, repeat, name) {
    if (typeof callback !== "function") {
      throw notAFunction(name);
    }
    const id = nextId++;
    active.set(id, true);
    arm(id, callback, normalizeDelay(ms), args, repeat, captureContext());
    return id;
  }

  function clear(id) {
    const n = Number(id);
    if (active.delete(n)) internals.ops.op_timers_cancel(n);
  }

  const setTimeout = (callback, ms, ...args) => schedule(callback, ms, args, false, "setTimeout");
  const setInterval = (callback, ms, ...args) => schedule(callback, ms, args, true, "setInterval");
  const clearTimeout = (id) => clear(id);
  const clearInterval = (id) => clear(id);

  const scheduler = {
    wait(ms, options) {
      const signal = options?.signal;
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const id = setTimeout(resolve, ms);
        signal?.addEventListener?.("abort", () => { clearTimeout(id); reject(signal.reason); }, { once: true });
      });
    },
  };

  // V8's own queueMicrotask, behind workerd's argument check and message.
  const v8QueueMicrotask = globalThis.queueMicrotask;
  const queueMicrotask = (callback) => {
    if (typeof callback !== "function") throw notAFunction("queueMicrotask");
    v8QueueMicrotask(callback);
  };

  // workerd's Immediate (what setImmediate returns under nodejs_compat): a
  // zero-delay timer. As in workerd, ref()/unref() do nothing and return
  // undefined, hasRef() is always false, and it does not convert to a number.
  class Immediate {
    #id;
    constructor(id) { this.#id = id; }
    ref() {}
    unref() {}
    hasRef() { return false; }
    [Symbol.dispose]() { clear(this.#id); }
    static idOf(immediate) { return immediate.#id; }
  }
  const immediateId = Immediate.idOf;
  delete Immediate.idOf;
  Object.defineProperty(Immediate.prototype, Symbol.toStringTag, { value: "Immediate", configurable: true });

  const setImmediate = (...args) => new Immediate(schedule(args[0], 0, args.slice(1), false, "setImmediate"));
  const clearImmediate = (...args) => {
    const immediate = args[0];
    if (immediate instanceof Immediate) clear(immediateId(immediate));
    else if (typeof immediate === "number") clear(immediate);
  };

  internals.timers = { setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate, Immediate };
  internals.exposeGlobal("queueMicrotask", queueMicrotask);
  internals.exposeGlobal("setTimeout", setTimeout);
  internals.exposeGlobal("setInterval", setInterval);
  internals.exposeGlobal("clearTimeout", clearTimeout);
  internals.exposeGlobal("clearInterval", clearInterval);
  internals.exposeGlobal("scheduler", scheduler);
})(globalThis.__isolet_internals);
