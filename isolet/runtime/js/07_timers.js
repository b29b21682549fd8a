// setTimeout / setInterval / clearTimeout / clearInterval and scheduler.wait.
// Each timer awaits op_timers_sleep on the host's asyncio loop; clearing a
// timer cancels the host sleep so it no longer counts as pending work.
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

  function arm(id, callback, delay, args, repeat) {
    internals.ops.op_timers_sleep(id, delay).then((fired) => {
      if (!fired || !active.has(id)) return;
      if (repeat) arm(id, callback, delay, args, true);
      else active.delete(id);
      try {
        callback(...args);
      } catch (e) {
        internals.reportError?.(e);
      }
    });
  }

  function schedule(callback, ms, args, repeat, name) {
    if (typeof callback !== "function") {
      throw notAFunction(name);
    }
    const id = nextId++;
    active.set(id, true);
    arm(id, callback, normalizeDelay(ms), args, repeat);
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

  internals.timers = { setTimeout, clearTimeout, setInterval, clearInterval };
  internals.exposeGlobal("queueMicrotask", queueMicrotask);
  internals.exposeGlobal("setTimeout", setTimeout);
  internals.exposeGlobal("setInterval", setInterval);
  internals.exposeGlobal("clearTimeout", clearTimeout);
  internals.exposeGlobal("clearInterval", clearInterval);
  internals.exposeGlobal("scheduler", scheduler);
})(globalThis.__isolet_internals);
