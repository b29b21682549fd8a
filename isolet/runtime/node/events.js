// node:events -- EventEmitter as in Node (and workerd's port of it).
//
// EventEmitter is a plain function (not a class) so that pre-ES2015 code can
// still do `EventEmitter.call(this)` + `util.inherits(Ctor, EventEmitter)`.
// Listeners live in `this._events` (null-prototype object: one function, or an
// array once there are several) as libraries peek at it.
import {
  AbortError,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_THIS,
  ERR_OUT_OF_RANGE,
  ERR_UNHANDLED_ERROR,
} from "isolet-internal:node/errors";
import { inspect } from "isolet-internal:node/inspect";

const kCapture = Symbol("kCapture");
const kRejection = Symbol.for("nodejs.rejection");
const kErrorMonitor = Symbol("events.errorMonitor");
const kMaxEventTargetListeners = Symbol("events.maxEventTargetListeners");
const kMaxEventTargetListenersWarned = Symbol("events.maxEventTargetListenersWarned");
let defaultMaxListeners = 10;

const nextTick = (fn, ...args) => queueMicrotask(() => fn(...args));

function validateFunction(value, name) {
  if (typeof value !== "function") throw new ERR_INVALID_ARG_TYPE(name, "Function", value);
}

function validateCount(n, name) {
  if (typeof n !== "number" || n < 0 || Number.isNaN(n)) {
    throw new ERR_OUT_OF_RANGE(name, "a non-negative number", n);
  }
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== "object" || !("aborted" in signal))) {
    throw new ERR_INVALID_ARG_TYPE(name, "AbortSignal", signal);
  }
}

export function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;
EventEmitter.prototype[kCapture] = false;

EventEmitter.init = function init(opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts?.captureRejections) {
    if (typeof opts.captureRejections !== "boolean") {
      throw new ERR_INVALID_ARG_TYPE("options.captureRejections", "boolean", opts.captureRejections);
    }
    this[kCapture] = Boolean(opts.captureRejections);
  } else {
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
};

Object.defineProperty(EventEmitter, "captureRejections", {
  enumerable: true,
  get: () => EventEmitter.prototype[kCapture],
  set(value) {
    if (typeof value !== "boolean") throw new ERR_INVALID_ARG_TYPE("EventEmitter.captureRejections", "boolean", value);
    EventEmitter.prototype[kCapture] = value;
  },
});

Object.defineProperty(EventEmitter, "defaultMaxListeners", {
  enumerable: true,
  get: () => defaultMaxListeners,
  set(n) {
    validateCount(n, "defaultMaxListeners");
    defaultMaxListeners = n;
  },
});

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  validateCount(n, "n");
  this._maxListeners = n;
  return this;
};

function maxListenersOf(that) {
  return that._maxListeners === undefined ? defaultMaxListeners : that._maxListeners;
}

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return maxListenersOf(this);
};

function addCatch(that, promise, type, args) {
  try {
    const then = promise.then;
    if (typeof then === "function") {
      then.call(promise, undefined, (err) => nextTick(emitRejection, that, err, type, args));
    }
  } catch (err) {
    that.emit("error", err);
  }
}

function emitRejection(that, err, type, args) {
  if (typeof that[kRejection] === "function") {
    that[kRejection](err, type, ...args);
    return;
  }
  const prev = that[kCapture];
  try {
    that[kCapture] = false;
    that.emit("error", err);
  } finally {
    that[kCapture] = prev;
  }
}

EventEmitter.prototype.emit = function emit(type, ...args) {
  let doError = type === "error";
  const events = this._events;
  if (events !== undefined) {
    if (doError && events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
    doError = doError && events.error === undefined;
  } else if (!doError) {
    return false;
  }
  if (doError) {
    const er = args.length > 0 ? args[0] : undefined;
    if (er instanceof Error) throw er; // Unhandled 'error' event
    let text;
    try {
      text = inspect(er);
    } catch {
      text = er;
    }
    const err = new ERR_UNHANDLED_ERROR(text);
    err.context = er;
    throw err; // Unhandled 'error' event
  }
  const handler = events[type];
  if (handler === undefined) return false;
  if (typeof handler === "function") {
    const result = handler.apply(this, args);
    if (result !== undefined && result !== null && this[kCapture]) addCatch(this, result, type, args);
  } else {
    const listeners = handler.slice();
    for (let i = 0; i < listeners.length; ++i) {
      const result = listeners[i].apply(this, args);
      if (result !== undefined && result !== null && this[kCapture]) addCatch(this, result, type, args);
    }
  }
  return true;
};

function warnLeak(target, type, count) {
  const name = target.constructor?.name || "EventEmitter";
  const w = new Error(
    `Possible EventEmitter memory leak detected. ${count} ${String(type)} listeners added to [${name}]. ` +
      `MaxListeners is ${maxListenersOf(target)}. Use emitter.setMaxListeners() to increase limit`,
  );
  w.name = "MaxListenersExceededWarning";
  w.emitter = target;
  w.type = type;
  w.count = count;
  const proc = globalThis.process;
  if (typeof proc?.emitWarning === "function") proc.emitWarning(w);
  else console.warn(`${w.name}: ${w.message}`);
}

function addListener(target, type, listener, prepend) {
  validateFunction(listener, "listener");
  let events = target._events;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else if (events.newListener !== undefined) {
    target.emit("newListener", type, listener.listener ?? listener);
    events = target._events; // a 'newListener' handler may have replaced it
  }
  let existing = events[type];
  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
    return target;
  }
  if (typeof existing === "function") {
    existing = events[type] = prepend ? [listener, existing] : [existing, listener];
  } else if (prepend) {
    existing.unshift(listener);
  } else {
    existing.push(listener);
  }
  const m = maxListenersOf(target);
  if (m > 0 && existing.length > m && !existing.warned) {
    existing.warned = true;
    warnLeak(target, type, existing.length);
  }
  return target;
}

EventEmitter.prototype.addListener = function on(type, listener) {
  return addListener(this, type, listener, false);
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener;
EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return addListener(this, type, listener, true);
};

function onceWrapper(...args) {
  if (!this.fired) {
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    return this.listener.apply(this.target, args);
  }
}

function onceWrap(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = onceWrapper.bind(state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

EventEmitter.prototype.once = function once(type, listener) {
  validateFunction(listener, "listener");
  this.on(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  validateFunction(listener, "listener");
  this.prependListener(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  validateFunction(listener, "listener");
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    if (--this._eventsCount === 0) this._events = { __proto__: null };
    else delete events[type];
    if (events.removeListener !== undefined) this.emit("removeListener", type, list.listener || listener);
  } else if (typeof list !== "function") {
    let position = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) return this;
    list.splice(position, 1);
    if (list.length === 1) events[type] = list[0];
    if (events.removeListener !== undefined) this.emit("removeListener", type, listener);
  }
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = { __proto__: null };
      else delete events[type];
    }
    return this;
  }
  if (arguments.length === 0) {
    for (const key of Reflect.ownKeys(events)) {
      if (key !== "removeListener") this.removeAllListeners(key);
    }
    this.removeAllListeners("removeListener");
    this._events = { __proto__: null };
    this._eventsCount = 0;
    return this;
  }
  const listeners = events[type];
  if (typeof listeners === "function") {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const list = events[type];
  if (list === undefined) return [];
  if (typeof list === "function") return unwrap ? [list.listener || list] : [list];
  return unwrap ? list.map((l) => l.listener || l) : list.slice();
}

EventEmitter.prototype.listeners = function listeners(type) {
  return listenersOf(this, type, true);
};
EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return listenersOf(this, type, false);
};

// workerd counts every listener of the type; its listenerCount ignores Node 20's
// optional `listener` argument.
function countListeners(type) {
  const events = this._events;
  if (events === undefined) return 0;
  const list = events[type];
  if (list === undefined) return 0;
  return typeof list === "function" ? 1 : list.length;
}
EventEmitter.prototype.listenerCount = countListeners;

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

// ---- static helpers ------------------------------------------------------

export function listenerCount(emitter, type) {
  if (typeof emitter.listenerCount === "function") return emitter.listenerCount(type);
  return countListeners.call(emitter, type);
}

export function getEventListeners(emitterOrTarget, type) {
  if (typeof emitterOrTarget?.listeners === "function") return emitterOrTarget.listeners(type);
  // Workers cannot list an EventTarget's listeners; workerd answers [] too.
  if (emitterOrTarget instanceof EventTarget) return [];
  throw new ERR_INVALID_ARG_TYPE("emitter", ["EventEmitter", "EventTarget"], emitterOrTarget);
}

export function getMaxListeners(emitterOrTarget) {
  if (typeof emitterOrTarget?.getMaxListeners === "function") return maxListenersOf(emitterOrTarget);
  if (emitterOrTarget instanceof EventTarget) return emitterOrTarget[kMaxEventTargetListeners] ?? defaultMaxListeners;
  throw new ERR_INVALID_ARG_TYPE("emitter", ["EventEmitter", "EventTarget"], emitterOrTarget);
}

export function setMaxListeners(n = defaultMaxListeners, ...targets) {
  validateCount(n, "n");
  if (targets.length === 0) {
    defaultMaxListeners = n;
    return;
  }
  for (const target of targets) {
    if (target instanceof EventTarget) {
      target[kMaxEventTargetListeners] = n;
      target[kMaxEventTargetListenersWarned] = false;
    } else if (typeof target?.setMaxListeners === "function") {
      target.setMaxListeners(n);
    } else {
      throw new ERR_INVALID_ARG_TYPE("eventTargets", ["EventEmitter", "EventTarget"], target);
    }
  }
}

function agnosticAdd(emitter, name, listener, flags) {
  if (typeof emitter.on === "function") {
    if (flags?.once) emitter.once(name, listener);
    else emitter.on(name, listener);
  } else if (typeof emitter.addEventListener === "function") {
    emitter.addEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE("emitter", "EventEmitter", emitter);
  }
}

function agnosticRemove(emitter, name, listener, flags) {
  if (typeof emitter.removeListener === "function") emitter.removeListener(name, listener);
  else if (typeof emitter.removeEventListener === "function") emitter.removeEventListener(name, listener, flags);
  else throw new ERR_INVALID_ARG_TYPE("emitter", "EventEmitter", emitter);
}

export async function once(emitter, name, options = {}) {
  if (options === null || typeof options !== "object") throw new ERR_INVALID_ARG_TYPE("options", "Object", options);
  const signal = options.signal;
  validateAbortSignal(signal, "options.signal");
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
  return new Promise((resolve, reject) => {
    const errorListener = (err) => {
      agnosticRemove(emitter, name, resolver);
      if (signal != null) agnosticRemove(signal, "abort", abortListener);
      reject(err);
    };
    const resolver = (...args) => {
      if (typeof emitter.removeListener === "function") emitter.removeListener("error", errorListener);
      if (signal != null) agnosticRemove(signal, "abort", abortListener);
      resolve(args);
    };
    agnosticAdd(emitter, name, resolver, { once: true });
    // EventTargets have no 'error' semantics; only EventEmitters are watched.
    if (name !== "error" && typeof emitter.once === "function") emitter.once("error", errorListener);
    function abortListener() {
      agnosticRemove(emitter, name, resolver);
      agnosticRemove(emitter, "error", errorListener);
      reject(new AbortError(undefined, { cause: signal?.reason }));
    }
    if (signal != null) agnosticAdd(signal, "abort", abortListener, { once: true });
  });
}

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

export function on(emitter, event, options = {}) {
  const signal = options?.signal;
  validateAbortSignal(signal, "options.signal");
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
  const closeEvents = options?.close ?? [];
  const events = [];
  const waiting = [];
  let error = null;
  let finished = false;

  const result = (value, done) => ({ value, done });
  const eventHandler = (...args) => {
    const pending = waiting.shift();
    if (pending) pending.resolve(result(args, false));
    else events.push(args);
  };
  const errorHandler = (err) => {
    finished = true;
    const pending = waiting.shift();
    if (pending) pending.reject(err);
    else error = err;
    iterator.return();
  };
  const closeHandler = () => {
    finished = true;
    for (const pending of waiting.splice(0)) pending.resolve(result(undefined, true));
    iterator.return();
  };
  const abortListener = () => errorHandler(new AbortError(undefined, { cause: signal?.reason }));

  const iterator = Object.setPrototypeOf(
    {
      next() {
        if (events.length > 0) return Promise.resolve(result(events.shift(), false));
        if (error) {
          const p = Promise.reject(error);
          error = null;
          return p;
        }
        if (finished) return Promise.resolve(result(undefined, true));
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
      },
      return() {
        agnosticRemove(emitter, event, eventHandler);
        if (typeof emitter.removeListener === "function") emitter.removeListener("error", errorHandler);
        for (const name of closeEvents) agnosticRemove(emitter, name, closeHandler);
        if (signal) agnosticRemove(signal, "abort", abortListener, { once: true });
        finished = true;
        for (const pending of waiting.splice(0)) pending.resolve(result(undefined, true));
        return Promise.resolve(result(undefined, true));
      },
      throw(err) {
        if (!(err instanceof Error)) throw new ERR_INVALID_ARG_TYPE("EventEmitter.AsyncIterator", "Error", err);
        error = err;
        agnosticRemove(emitter, event, eventHandler);
        if (typeof emitter.removeListener === "function") emitter.removeListener("error", errorHandler);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    },
    AsyncIteratorPrototype,
  );

  agnosticAdd(emitter, event, eventHandler);
  if (event !== "error" && typeof emitter.on === "function") emitter.on("error", errorHandler);
  for (const name of closeEvents) agnosticAdd(emitter, name, closeHandler);
  if (signal) agnosticAdd(signal, "abort", abortListener, { once: true });
  return iterator;
}

export function addAbortListener(signal, listener) {
  if (signal === undefined) throw new ERR_INVALID_ARG_TYPE("signal", "AbortSignal", signal);
  validateAbortSignal(signal, "signal");
  validateFunction(listener, "listener");
  let remove;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener("abort", listener, { once: true });
    remove = () => signal.removeEventListener("abort", listener);
  }
  return {
    __proto__: null,
    [Symbol.dispose ?? Symbol.for("nodejs.dispose")]() {
      remove?.();
    },
  };
}

// Best effort: there are no async_hooks resources here, so the emitter only
// remembers the async context it was made in and emits inside it.
export class EventEmitterAsyncResource extends EventEmitter {
  #resource;
  constructor(options = undefined) {
    const name = typeof options === "string" ? options : options?.name;
    super(typeof options === "object" ? options : undefined);
    this.#resource = { type: name || new.target.name, asyncId: undefined, triggerAsyncId: undefined };
  }
  get asyncResource() {
    if (!(#resource in this)) throw new ERR_INVALID_THIS("EventEmitterAsyncResource");
    return this.#resource;
  }
  get asyncId() {
    return this.asyncResource.asyncId;
  }
  get triggerAsyncId() {
    return this.asyncResource.triggerAsyncId;
  }
  emitDestroy() {
    void this.asyncResource;
  }
}

export const errorMonitor = kErrorMonitor;
export const captureRejectionSymbol = kRejection;
export const usingDomains = false;

Object.assign(EventEmitter, {
  EventEmitter,
  EventEmitterAsyncResource,
  errorMonitor,
  captureRejectionSymbol,
  usingDomains,
  once,
  on,
  getEventListeners,
  getMaxListeners,
  setMaxListeners,
  listenerCount,
  addAbortListener,
});

export { defaultMaxListeners };
export const captureRejections = false;
export default EventEmitter;
