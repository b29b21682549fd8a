// node:async_hooks — what workerd provides: AsyncLocalStorage and
// AsyncResource, built on V8's async context (internals.asyncContext), so a
// store follows awaits, promise reactions, queueMicrotask and timers
// (07_timers.js restores the context a timer was scheduled in). Node's
// resource-tracking half is not there, as in workerd: createHook() returns a
// hook whose enable()/disable() do nothing and whose callbacks never run;
// executionAsyncId() and triggerAsyncId() are 0; enterWith() and disable()
// throw.
import internals from "isolet-internal:internals";

const { AsyncVariable, get: currentContext, set: restoreContext } = internals.asyncContext;

const failed = (op, cls, what) => new TypeError(`Failed to execute '${op}' on '${cls}': ${what}`);

// Calls fn with `thisArg` and args inside the captured context `ctx`.
function callIn(ctx, fn, thisArg, args) {
  const prev = currentContext();
  restoreContext(ctx);
  try {
    return Reflect.apply(fn, thisArg, args);
  } finally {
    restoreContext(prev);
  }
}

// A function that runs `fn` in the context current now. As in workerd, the
// wrapper has no name and length 0, and calls fn with `thisArg`, not with
// its own receiver.
function bindToCurrent(fn, thisArg) {
  const ctx = currentContext();
  return { [""]: (...args) => callIn(ctx, fn, thisArg, args) }[""];
}

export class AsyncLocalStorage {
  // The store is boxed, so that run(undefined) is told apart from "no store".
  #variable = new AsyncVariable();
  #defaultValue;
  #name;

  constructor(options = undefined) {
    if (options !== undefined && (options === null || typeof options !== "object")) {
      throw new TypeError(
        "Failed to construct 'AsyncLocalStorage': constructor parameter 1 is not of type 'AsyncLocalStorageOptions'.");
    }
    this.#defaultValue = options?.defaultValue;
    this.#name = options?.name === undefined ? "" : String(options.name);
  }

  get name() {
    return this.#name;
  }

  run(store, callback, ...args) {
    if (typeof callback !== "function") {
      throw failed("run", "AsyncLocalStorage", "parameter 2 is not of type 'function'.");
    }
    const prev = this.#variable.enter({ store });
    try {
      return Reflect.apply(callback, undefined, args);
    } finally {
      restoreContext(prev);
    }
  }

  exit(callback, ...args) {
    if (typeof callback !== "function") {
      throw failed("exit", "AsyncLocalStorage", "parameter 1 is not of type 'function'.");
    }
    return this.run(undefined, callback, ...args);
  }

  getStore() {
    const box = this.#variable.get();
    return box === undefined ? this.#defaultValue : box.store;
  }

  enterWith(_store) {
    throw new Error("asyncLocalStorage.enterWith() is not implemented");
  }

  disable() {
    throw new Error("asyncLocalStorage.disable() is not implemented");
  }

  static bind(fn) {
    if (typeof fn !== "function") {
      throw failed("bind", "AsyncLocalStorage", "parameter 1 is not of type 'Function'.");
    }
    return bindToCurrent(fn, undefined);
  }

  // For node:diagnostics_channel's bindStore/runStores: enter `store` for
  // `als` in the current context; returns the context to restore.
  static {
    internals.asyncLocalStorageEnter = (als, store) => als.#variable.enter({ store });
  }

  static snapshot() {
    const ctx = currentContext();
    return { [""]: (fn, ...args) => {
      if (typeof fn !== "function") throw new TypeError("The first argument must be a function");
      return callIn(ctx, fn, undefined, args);
    } }[""];
  }
}

export class AsyncResource {
  #context;

  constructor(type = undefined, options = undefined) {
    void type; // accepted and ignored, as in workerd
    if (options !== undefined && options !== null && typeof options === "object" &&
      options.triggerAsyncId !== undefined) {
      throw new Error("The 'triggerAsyncId' field on 'Options' is not implemented.");
    }
    this.#context = currentContext();
  }

  runInAsyncScope(fn, thisArg = undefined, ...args) {
    if (typeof fn !== "function") {
      throw failed("runInAsyncScope", "AsyncResource", "parameter 1 is not of type 'function'.");
    }
    return callIn(this.#context, fn, thisArg, args);
  }

  bind(fn, thisArg = undefined) {
    if (typeof fn !== "function") {
      throw failed("bind", "AsyncResource", "parameter 1 is not of type 'Function'.");
    }
    const ctx = this.#context;
    const bound = { [""]: (...args) => callIn(ctx, fn, thisArg, args) }[""];
    bound.asyncResource = this;
    return bound;
  }

  asyncId() {
    return 0;
  }

  triggerAsyncId() {
    return 0;
  }

  emitDestroy() {}

  static bind(fn, type = undefined, thisArg = undefined) {
    return new AsyncResource(type).bind(fn, thisArg);
  }
}

for (const cls of [AsyncLocalStorage, AsyncResource]) {
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: cls.name, configurable: true });
}

// Node's async hook: here a hook that never fires (workerd does the same).
class AsyncHook {
  enable() {
    return this;
  }

  disable() {
    return this;
  }
}

export function createHook(_callbacks) {
  return new AsyncHook();
}

export function executionAsyncId() {
  return 0;
}

export function triggerAsyncId() {
  return 0;
}

export function executionAsyncResource() {
  return Object.create(null);
}

// Node's provider table, every id 0 (workerd's list).
export const asyncWrapProviders = Object.fromEntries([
  "NONE", "DIRHANDLE", "DNSCHANNEL", "ELDHISTOGRAM", "FILEHANDLE", "FILEHANDLECLOSEREQ", "BLOBREADER",
  "FSEVENTWRAP", "FSREQCALLBACK", "FSREQPROMISE", "GETADDRINFOREQWRAP", "GETNAMEINFOREQWRAP", "HEAPSNAPSHOT",
  "HTTP2SESSION", "HTTP2STREAM", "HTTP2PING", "HTTP2SETTINGS", "HTTPINCOMINGMESSAGE", "HTTPCLIENTREQUEST",
  "LOCKS", "JSSTREAM", "JSUDPWRAP", "MESSAGEPORT", "PIPECONNECTWRAP", "PIPESERVERWRAP", "PIPEWRAP",
  "PROCESSWRAP", "PROMISE", "QUERYWRAP", "QUIC_ENDPOINT", "QUIC_LOGSTREAM", "QUIC_SESSION", "QUIC_STREAM",
  "QUIC_UDP", "SHUTDOWNWRAP", "SIGNALWRAP", "STATWATCHER", "STREAMPIPE", "TCPCONNECTWRAP", "TCPSERVERWRAP",
  "TCPWRAP", "TTYWRAP", "UDPSENDWRAP", "UDPWRAP", "SIGINTWATCHDOG", "WORKER", "WORKERCPUPROFILE",
  "WORKERCPUUSAGE", "WORKERHEAPPROFILE", "WORKERHEAPSNAPSHOT", "WORKERHEAPSTATISTICS", "WRITEWRAP", "ZLIB",
  "CHECKPRIMEREQUEST", "PBKDF2REQUEST", "KEYPAIRGENREQUEST", "KEYGENREQUEST", "KEYEXPORTREQUEST",
  "ARGON2REQUEST", "CIPHERREQUEST", "DERIVEBITSREQUEST", "HASHREQUEST", "RANDOMBYTESREQUEST",
  "RANDOMPRIMEREQUEST", "SCRYPTREQUEST", "SIGNREQUEST", "TLSWRAP", "VERIFYREQUEST", "QUIC_PACKET",
].map((name) => [name, 0]));

const defaultExport = {
  AsyncLocalStorage,
  AsyncResource,
  asyncWrapProviders,
  createHook,
  executionAsyncId,
  executionAsyncResource,
  triggerAsyncId,
};

// For process.getBuiltinModule().
(internals.nodeBuiltins ??= new Map()).set("async_hooks", defaultExport);

export default defaultExport;
