// node:diagnostics_channel — workerd's: named channels (strings or symbols)
// with subscribers called in subscription order on publish(), stores bound
// to AsyncLocalStorage instances for runStores(), and TracingChannel.
// As in workerd, Channel.prototype.hasSubscribers is a method unless the
// diagnostics_channel_has_subscribers_getter flag makes it a getter (Node's
// shape), and unsubscribe() returns nothing. Published messages are not sent
// to tail Workers.
import internals from "isolet-internal:internals";
import { AsyncLocalStorage } from "node:async_hooks";
import { ERR_INVALID_ARG_TYPE } from "isolet-internal:node/errors";
import { validateObject } from "isolet-internal:node/validators";

const hasSubscribersGetter = internals.compat("diagnostics_channel_has_subscribers_getter");
const restoreContext = internals.asyncContext.set;

const failed = (op, what) => new TypeError(`Failed to execute '${op}' on 'Channel': ${what}`);
const notAFunction = (op, index) => failed(op, `parameter ${index} is not of type 'function'.`);

let creating = false;

export class Channel {
  #name;
  #subscribers = new Map(); // callback -> callback, in subscription order
  #stores = new Map(); // AsyncLocalStorage -> transform

  constructor(name) {
    if (!creating) throw new TypeError("Illegal constructor");
    this.#name = name;
  }

  #hasSubscribers() {
    return this.#subscribers.size !== 0;
  }

  publish(message) {
    for (const callback of [...this.#subscribers.values()]) callback(message, this.#name);
  }

  subscribe(callback) {
    if (typeof callback !== "function") throw notAFunction("subscribe", 1);
    if (!this.#subscribers.has(callback)) this.#subscribers.set(callback, callback);
  }

  unsubscribe(callback) {
    if (typeof callback !== "function") throw notAFunction("unsubscribe", 1);
    this.#subscribers.delete(callback);
  }

  bindStore(store, transform = undefined) {
    if (!(store instanceof AsyncLocalStorage)) {
      throw failed("bindStore", "parameter 1 is not of type 'AsyncLocalStorage'.");
    }
    if (transform !== undefined && typeof transform !== "function") throw notAFunction("bindStore", 2);
    this.#stores.set(store, transform ?? ((value) => value));
  }

  unbindStore(store) {
    if (!(store instanceof AsyncLocalStorage)) {
      throw failed("unbindStore", "parameter 1 is not of type 'AsyncLocalStorage'.");
    }
    this.#stores.delete(store);
  }

  // Enters each bound store (with its transform of `message`), publishes,
  // and calls fn with `thisArg` (default: globalThis) inside those stores.
  runStores(message, fn, thisArg = undefined, ...args) {
    if (typeof fn !== "function") throw notAFunction("runStores", 2);
    const prev = internals.asyncContext.get();
    try {
      for (const [store, transform] of [...this.#stores]) {
        internals.asyncLocalStorageEnter(store, transform(message));
      }
      this.publish(message);
      return Reflect.apply(fn, thisArg === undefined ? globalThis : thisArg, args);
    } finally {
      restoreContext(prev);
    }
  }

  static {
    const has = { hasSubscribers() { return this.#hasSubscribers(); } }.hasSubscribers;
    if (hasSubscribersGetter) {
      Object.defineProperty(this.prototype, "hasSubscribers", {
        get() { return this.#hasSubscribers(); }, configurable: true, enumerable: false,
      });
    } else {
      Object.defineProperty(this.prototype, "hasSubscribers", {
        value: has, writable: true, configurable: true, enumerable: false,
      });
    }
  }
}

const channels = new Map();

// A channel name is a symbol or a string; anything else becomes its string.
const toName = (name) => (typeof name === "symbol" ? name : String(name));

export function channel(name) {
  name = toName(name);
  let found = channels.get(name);
  if (found === undefined) {
    creating = true;
    try {
      found = new Channel(name);
    } finally {
      creating = false;
    }
    channels.set(name, found);
  }
  return found;
}

const subscriberCount = (ch) => (hasSubscribersGetter ? ch.hasSubscribers : ch.hasSubscribers());

export function hasSubscribers(name) {
  const found = channels.get(toName(name));
  return found === undefined ? false : subscriberCount(found);
}

export function subscribe(name, callback) {
  channel(name).subscribe(callback);
}

export function unsubscribe(name, callback) {
  channels.get(toName(name))?.unsubscribe(callback);
}

const kStart = Symbol("kStart");
const kEnd = Symbol("kEnd");
const kAsyncStart = Symbol("kAsyncStart");
const kAsyncEnd = Symbol("kAsyncEnd");
const kError = Symbol("kError");
const EVENTS = [["start", kStart], ["end", kEnd], ["asyncStart", kAsyncStart], ["asyncEnd", kAsyncEnd], ["error", kError]];

export class TracingChannel {
  constructor() {
    throw new Error("Use diagnostic_channel.tracingChannels() to create TracingChannel");
  }

  get start() { return this[kStart]; }
  get end() { return this[kEnd]; }
  get asyncStart() { return this[kAsyncStart]; }
  get asyncEnd() { return this[kAsyncEnd]; }
  get error() { return this[kError]; }

  subscribe(subscriptions) {
    for (const [event, key] of EVENTS) {
      if (subscriptions[event] !== undefined) this[key]?.subscribe(subscriptions[event]);
    }
  }

  unsubscribe(subscriptions) {
    for (const [event, key] of EVENTS) {
      if (subscriptions[event] !== undefined) this[key]?.unsubscribe(subscriptions[event]);
    }
  }

  traceSync(fn, context = {}, thisArg = globalThis, ...args) {
    const { start, end, error } = this;
    return start?.runStores(context, () => {
      try {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error?.publish(context);
        throw err;
      } finally {
        end?.publish(context);
      }
    }, thisArg);
  }

  tracePromise(fn, context = {}, thisArg = globalThis, ...args) {
    const { start, end, asyncStart, asyncEnd, error } = this;
    const reject = (err) => {
      context.error = err;
      error?.publish(context);
      asyncStart?.publish(context);
      asyncEnd?.publish(context);
      return Promise.reject(err);
    };
    const resolve = (result) => {
      context.result = result;
      asyncStart?.publish(context);
      asyncEnd?.publish(context);
      return result;
    };
    return start?.runStores(context, () => {
      try {
        let promise = Reflect.apply(fn, thisArg, args);
        if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
        return promise.then(resolve, reject);
      } catch (err) {
        context.error = err;
        error?.publish(context);
        throw err;
      } finally {
        end?.publish(context);
      }
    }, thisArg);
  }

  traceCallback(fn, position = -1, context = {}, thisArg = globalThis, ...args) {
    const { start, end, asyncStart, asyncEnd, error } = this;
    const callback = args[position]; // workerd indexes directly: the default -1 finds no callback
    if (typeof callback !== "function") throw ERR_INVALID_ARG_TYPE("callback", ["function"], callback);
    function wrappedCallback(err, res) {
      if (err) {
        context.error = err;
        error?.publish(context);
      } else {
        context.result = res;
      }
      const callArgs = arguments;
      asyncStart?.runStores(context, () => {
        try {
          Reflect.apply(callback, this, callArgs);
        } finally {
          asyncEnd?.publish(context);
        }
      }, thisArg);
    }
    args.splice(position, 1, wrappedCallback);
    return start?.runStores(context, () => {
      try {
        return Reflect.apply(fn, thisArg, args);
      } catch (err) {
        context.error = err;
        error?.publish(context);
        throw err;
      } finally {
        end?.publish(context);
      }
    }, thisArg);
  }

  static {
    const has = function hasSubscribers() {
      return [this.start, this.end, this.asyncStart, this.asyncEnd, this.error]
        .some((c) => c != null && subscriberCount(c));
    };
    Object.defineProperty(this.prototype, "hasSubscribers", hasSubscribersGetter
      ? { get: has, configurable: true, enumerable: false }
      : { value: has, writable: true, configurable: true, enumerable: false });
  }
}

function validateChannel(value, name) {
  if (!(value instanceof Channel)) throw ERR_INVALID_ARG_TYPE(name, "Channel", value);
  return value;
}

export function tracingChannel(nameOrChannels) {
  const tracing = Object.create(TracingChannel.prototype);
  if (typeof nameOrChannels === "string") {
    for (const [event, key] of EVENTS) tracing[key] = channel(`tracing:${nameOrChannels}:${event}`);
  } else {
    validateObject(nameOrChannels, "channels");
    for (const [event, key] of EVENTS) tracing[key] = validateChannel(nameOrChannels[event], `channels.${event}`);
  }
  return tracing;
}

const defaultExport = { hasSubscribers, channel, subscribe, unsubscribe, tracingChannel, Channel };

// For process.getBuiltinModule().
(internals.nodeBuiltins ??= new Map()).set("diagnostics_channel", defaultExport);

export default defaultExport;
