// AbortController and AbortSignal (workerd api/basics.h).
//
// Exports `internals.abort = { AbortSignal, AbortController, newSignal(),
// signalAbort(signal, reason), onAbort(signal, fn) -> unsubscribe }` so
// fetch/streams code can follow a signal without going through events.
"use strict";
((internals) => {
  const { TypeError, Symbol, Object, Array, Number } = globalThis;
  const { EventTarget, Event, kTrusted, kEventHandler, dispatch, removeAllListeners } = internals.events;
  const DOMException = internals.DOMException;

  const kConstruct = Symbol("isolet.AbortSignal.construct");
  const NOT_ABORTED = Symbol("isolet.notAborted");

  const abortError = () => new DOMException("The operation was aborted", "AbortError");
  const timeoutError = () => new DOMException("The operation was aborted due to timeout", "TimeoutError");

  class AbortSignal extends EventTarget {
    #reason = NOT_ABORTED;
    #onabort = null;
    #algorithms = new Set();

    constructor(key = undefined) {
      if (key !== kConstruct) throw new TypeError("Illegal constructor");
      super();
    }

    get aborted() { return this.#reason !== NOT_ABORTED; }
    get reason() { return this.#reason === NOT_ABORTED ? undefined : this.#reason; }

    get onabort() { return this.#onabort; }
    set onabort(fn) {
      this.#onabort = typeof fn === "function" || (fn !== null && typeof fn === "object") ? fn : null;
    }
    [kEventHandler](type) { return type === "abort" ? this.#onabort : undefined; }

    throwIfAborted() {
      if (this.#reason !== NOT_ABORTED) throw this.#reason;
    }

    static abort(reason = undefined) {
      const signal = new AbortSignal(kConstruct);
      signal.#reason = reason === undefined ? abortError() : reason;
      return signal;
    }

    // As workerd, `delay` is a plain double (no range check): a negative, NaN or
    // missing delay behaves as setTimeout's, i.e. fires on the next timer turn.
    static timeout(delay = undefined) {
      const n = Number(delay);
      const ms = n > 0 ? n : 0;
      const setTimeout = internals.timers?.setTimeout ?? globalThis.setTimeout;
      if (typeof setTimeout !== "function") {
        throw new TypeError("AbortSignal.timeout() is not available: this runtime has no timers.");
      }
      const signal = new AbortSignal(kConstruct);
      setTimeout(() => signalAbort(signal, timeoutError()), ms);
      return signal;
    }

    static any(signals = undefined) {
      // workerd takes a kj::Array<Ref<AbortSignal>>: a JS Array, checked element by element.
      if (!Array.isArray(signals)) {
        throw new TypeError("Failed to execute 'any' on 'AbortSignal': parameter 1 is not of type 'Array'.");
      }
      const list = [];
      for (let i = 0; i < signals.length; i++) {
        const s = signals[i];
        if (!(s instanceof AbortSignal)) {
          throw new TypeError(`Incorrect type for array element ${i}: the provided value is not of type 'AbortSignal'.`);
        }
        list.push(s);
      }
      for (const s of list) {
        if (s.aborted) return AbortSignal.abort(s.reason);
      }
      const result = new AbortSignal(kConstruct);
      const unsubscribes = [];
      for (const s of list) {
        unsubscribes.push(onAbort(s, () => {
          for (const u of unsubscribes) u();
          signalAbort(result, s.reason);
        }));
      }
      return result;
    }

    static _abort(signal, reason) {
      if (signal.#reason !== NOT_ABORTED) return;
      signal.#reason = reason === undefined ? abortError() : reason;
      const algorithms = [...signal.#algorithms];
      signal.#algorithms.clear();
      for (const fn of algorithms) {
        try { fn(signal.#reason); } catch (e) { internals.reportError?.(e); }
      }
      try {
        dispatch(signal, new Event("abort", undefined, kTrusted));
      } finally {
        // As workerd: an aborted signal keeps no listeners (they can never fire again).
        removeAllListeners(signal);
      }
    }
    static _algorithms(signal) { return signal.#algorithms; }
  }
  const signalAbortImpl = AbortSignal._abort;
  const algorithmsOf = AbortSignal._algorithms;
  delete AbortSignal._abort;
  delete AbortSignal._algorithms;
  Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: "AbortSignal", configurable: true });

  function signalAbort(signal, reason) { signalAbortImpl(signal, reason); }

  // Run `fn(reason)` once when `signal` aborts (before "abort" listeners). Returns an unsubscribe.
  function onAbort(signal, fn) {
    const set = algorithmsOf(signal);
    set.add(fn);
    return () => set.delete(fn);
  }

  function newSignal() { return new AbortSignal(kConstruct); }

  class AbortController {
    #signal = new AbortSignal(kConstruct);
    get signal() { return this.#signal; }
    abort(reason = undefined) { signalAbort(this.#signal, reason); }
  }
  Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: "AbortController", configurable: true });

  internals.abort = { __proto__: null, AbortSignal, AbortController, newSignal, signalAbort, onAbort };
  internals.exposeGlobal("AbortSignal", AbortSignal);
  internals.exposeGlobal("AbortController", AbortController);
})(globalThis.__isolet_internals);
