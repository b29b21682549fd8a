// The private registry shared by the runtime's JS files, and the boot step.
//
// Contract: every file in runtime/js/ is a classic script, run in numeric
// order once, when the startup snapshot is built. Files talk to each other
// only through `internals` (never through globals), and reach Python only
// through `internals.ops`, which is empty in the snapshot and filled by
// `__isolet_boot(ops, info)` when an isolate starts. Boot deletes both
// bootstrap globals, so Worker code can reach neither the registry nor the
// ops.
"use strict";
((globalThis) => {
  // workerd's ServiceWorkerGlobalScope JSG_LAZY_INSTANCE_PROPERTY globals
  // (api/global-scope.h), own properties of the global object.
  const INSTANCE_GLOBALS = new Set(["self", "crypto", "caches", "scheduler", "performance", "navigator", "origin"]);
  // Own, non-enumerable: V8's console; queueMicrotask, whose engine-native
  // function the engine reinstalls as an own global when a context is made
  // from the snapshot (and pydeno finds it by deleting the own wrapper, so
  // the runtime's wrapper must stay own); and the runtime's hooks that are
  // deleted from the global object once used (90_dispatch.js).
  const OWN_HIDDEN_GLOBALS = new Set(["console", "queueMicrotask", "__isolet_builtin", "__isolet_start"]);
  const prototypeGlobals = new Set();
  const globalScopeProto = Object.create(Object.getPrototypeOf(globalThis));
  Object.setPrototypeOf(globalThis, globalScopeProto);

  const internals = {
    __proto__: null,
    // op_<area>_<verb> -> host function; filled at boot.
    ops: { __proto__: null },
    // Async ops in flight (timers, body reads, I/O). The dispatch loop uses it
    // to tell a request that waits on something from one that never can end.
    pendingOps: 0,
    // Per-isolate facts from the host (compat flags, worker name...), filled at boot.
    info: { __proto__: null },
    // Functions run at boot after ops are present, in registration order.
    bootHooks: [],
    // The global object's prototype, ServiceWorkerGlobalScope.prototype (its
    // toStringTag is set in 99_globals.js).
    globalScopeProto,
    // A global of the Workers scope, placed where workerd's JSG puts it: API
    // methods and classes (JSG_METHOD, JSG_NESTED_TYPE) live on
    // ServiceWorkerGlobalScope.prototype as plain data properties, so
    // `"fetch" in globalThis` holds while globalThis has no own `fetch`; the
    // JSG_LAZY_INSTANCE_PROPERTY globals (crypto, caches, self...) are own,
    // enumerable data properties of the global object; the runtime's own
    // hooks and V8's `console` stay own and non-enumerable.
    exposeGlobal(name, value) {
      if (INSTANCE_GLOBALS.has(name)) {
        Object.defineProperty(globalThis, name, {
          value, writable: true, enumerable: true, configurable: true,
        });
      } else if (OWN_HIDDEN_GLOBALS.has(name)) {
        Object.defineProperty(globalThis, name, {
          value, writable: true, enumerable: false, configurable: true,
        });
      } else {
        // An engine-provided own global of that name (V8's queueMicrotask...)
        // would shadow the runtime's; boot deletes it again, as the engine
        // may reinstall it when the context is created from the snapshot.
        delete globalThis[name];
        prototypeGlobals.add(name);
        Object.defineProperty(globalScopeProto, name, {
          value, writable: true, enumerable: true, configurable: true,
        });
      }
    },
    // Whether a compatibility flag is on for this isolate (see config/compat.py).
    compat(flag) {
      const flags = internals.info.compatFlags;
      return flags !== undefined && flags.includes(flag);
    },
  };

  // An op's user error arrives as Error("jsg.<Class>: <message>") (see
  // isolet/errors.py JSError); rebuild it as that class. Anything else is
  // already "internal error; reference = <id>" and stays a plain Error.
  const JSG = /^jsg\.([A-Za-z]+)(?::([A-Za-z]+))?: ([\s\S]*)$/;
  function fromOpError(e) {
    const m = e instanceof Error ? JSG.exec(e.message) : null;
    if (m === null) return e;
    const [, cls, domName, message] = m;
    if (cls === "DOMException" && internals.DOMException) return new internals.DOMException(message, domName);
    const Ctor = { TypeError, RangeError, SyntaxError, ReferenceError, Error }[cls] ?? Error;
    return new Ctor(message);
  }
  internals.fromOpError = fromOpError;

  // An unhandled rejection is logged ("Uncaught (in promise) ...") and the
  // isolate carries on, as in workerd. Without this handler deno_core ends the
  // event loop, which would fail every request in flight. The hook is only
  // reachable here, while the snapshot is built (Deno.core is gone at boot).
  globalThis.Deno?.core?.setUnhandledPromiseRejectionHandler?.((promise, reason) => {
    internals.onUnhandledRejection?.(reason);
    return true;
  });

  // V8's async context (continuation-preserved embedder data) through
  // deno_core: a value set with `set` follows every promise reaction and
  // await started while it is set. node:async_hooks' AsyncLocalStorage and
  // per-request attribution build on it. Reachable only here, at snapshot time.
  const core = globalThis.Deno?.core;
  // Runs the microtask queue now (V8's checkpoint); the dispatcher uses it
  // to settle a synchronously dispatched request before the call returns.
  internals.runMicrotasks = core?.runMicrotasks ?? null;
  internals.asyncContext = core?.AsyncVariable === undefined ? null : {
    __proto__: null,
    AsyncVariable: core.AsyncVariable, // new AsyncVariable(); v.enter(value) -> previous context; v.get()
    get: core.getAsyncContext, // the whole current context (opaque), to capture
    set: core.setAsyncContext, // restore a captured context
  };

  Object.defineProperty(globalThis, "__isolet_internals", {
    value: internals, writable: false, enumerable: false, configurable: true,
  });

  Object.defineProperty(globalThis, "__isolet_boot", {
    value: (ops, info) => {
      // Every op is wrapped once so an op that returns a promise counts as
      // pending work until it settles. op_dispatch_next is the loop's own
      // wait and does not count.
      const settle = () => {
        if (--internals.pendingOps === 0) internals.onIdle?.();
      };
      // `ops` is { call, callAsync, names: {name: isAsync} } (engine/isolate.py
      // bind_ops): one function per op is made here, not one binding each.
      const { call, callAsync, names } = ops;
      for (const name of Object.keys(names)) {
        const invoke = names[name] ? callAsync : call;
        internals.ops[name] = name === "op_dispatch_next" ? (...args) => callAsync(name, ...args) : (...args) => {
          let result;
          try {
            result = invoke(name, ...args);
          } catch (e) {
            throw fromOpError(e);
          }
          if (result instanceof Promise) {
            internals.pendingOps++;
            result.then(settle, settle);
            return result.catch((e) => { throw fromOpError(e); });
          }
          return result;
        };
      }
      Object.assign(internals.info, info);
      // V8's gc(), installed as __isolet_gc when the process runs with
      // --expose-gc-as (engine/flags.py). V8 makes that global property
      // non-configurable, so it cannot be deleted: boot takes the function
      // and leaves undefined there before any Worker code runs. The engine
      // calls releaseMemory() (through __isolet_release, 90_dispatch.js) once
      // the dispatch loop has ended idle: a full, compacting collection that
      // returns free heap pages to the system.
      const gc = globalThis.__isolet_gc;
      if (gc !== undefined) globalThis.__isolet_gc = undefined;
      internals.releaseMemory = typeof gc !== "function" ? () => {}
        : () => gc({ type: "major", execution: "sync", flavor: "last-resort" });
      for (const name of prototypeGlobals) delete globalThis[name];
      delete globalThis.__isolet_boot;
      delete globalThis.__isolet_internals;
      for (const hook of internals.bootHooks) hook();
    },
    writable: false, enumerable: false, configurable: true,
  });
})(globalThis);
