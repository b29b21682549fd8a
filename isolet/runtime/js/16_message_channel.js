// MessageChannel and MessagePort, as workerd's api/messagechannel.c++: two
// entangled ports inside one isolate. postMessage() structured-clones the
// value at once (so an uncloneable value throws DataCloneError even with no
// live peer) and the peer receives it as a MessageEvent in a later
// microtask. A port buffers messages until it is started: by start(), by
// setting onmessage, or (as Node.js and workerd do) by adding a "message"
// listener; with no handler and no listener left it buffers again. close()
// closes both ports and fires "close" at each; later messages are dropped.
// Transfer lists are refused, as in workerd.
//
// Exposes the `MessageChannel` and `MessagePort` globals.
"use strict";
((internals) => {
  const { TypeError, Error, Symbol, Object, Array, Promise, String } = globalThis;
  const { EventTarget, Event, kTrusted, kEventHandler, dispatch, listenerCount } = internals.events;
  const { newOnlyConstructor } = internals.webidl;

  const kConstruct = Symbol("isolet.messagePort");
  const PENDING = 0, STARTED = 1, CLOSED = 2;

  // MessageEvent is defined by 60_websocket.js (loaded later): looked up at use.
  const messageEvent = (data) => new internals.webSocket.MessageEvent("message", { data }, kTrusted);

  // workerd's TransferListOrOptions: a sequence, or { transfer }. Only an empty
  // (or absent) list is accepted.
  function hasTransfer(options) {
    if (options === undefined || options === null) return false;
    if (typeof options !== "object" && typeof options !== "function") {
      throw new TypeError("Failed to execute 'postMessage' on 'MessagePort': parameter 2 is not of type 'TransferListOrOptions'.");
    }
    if (typeof options[Symbol.iterator] === "function") return Array.from(options).length > 0;
    const transfer = options.transfer;
    if (transfer === undefined) return false;
    if (transfer === null || typeof transfer[Symbol.iterator] !== "function") {
      throw new TypeError("Failed to execute 'postMessage' on 'MessagePort': parameter 2 is not of type 'TransferListOrOptions'.");
    }
    return Array.from(transfer).length > 0;
  }

  class MessagePort extends EventTarget {
    #state = PENDING;
    #pending = [];
    #other = null;
    #onmessage = null;

    constructor(key = undefined) {
      if (key !== kConstruct) throw new TypeError("Illegal constructor");
      super();
    }

    postMessage(data = undefined, options = undefined) {
      if (!(#state in this)) throw new TypeError("Illegal invocation");
      if (hasTransfer(options)) throw new Error("Transfer list is not supported");
      const cloned = internals.structuredClone(data);
      const other = this.#other;
      if (other !== null) other.#deliver(cloned);
    }

    start() {
      if (!(#state in this)) throw new TypeError("Illegal invocation");
      if (this.#state !== PENDING) return;
      const list = this.#pending;
      this.#pending = [];
      this.#state = STARTED;
      // Buffered messages go out in a microtask, in order, as in workerd.
      Promise.resolve().then(() => {
        for (const data of list) dispatch(this, messageEvent(data));
      });
    }

    close() {
      if (!(#state in this)) throw new TypeError("Illegal invocation");
      if (this.#state === CLOSED) return;
      this.#state = CLOSED;
      this.#pending = [];
      const other = this.#other;
      this.#other = null;
      if (other !== null) other.close();
      dispatch(this, new Event("close", undefined, kTrusted));
    }

    get onmessage() {
      if (!(#state in this)) throw new TypeError("Illegal invocation");
      return this.#onmessage;
    }

    set onmessage(value) {
      if (!(#state in this)) throw new TypeError("Illegal invocation");
      if (value === null || (typeof value !== "object" && typeof value !== "function")) {
        this.#onmessage = null;
        this.#listenersChanged();
      } else {
        this.#onmessage = value;
        this.start();
      }
    }

    // workerd starts the port when a "message" listener is added and stops
    // it (buffering again) when the last handler goes.
    addEventListener(type, callback, options = undefined) {
      super.addEventListener(...arguments);
      if (String(type) === "message") this.#listenersChanged();
    }

    removeEventListener(type, callback, options = undefined) {
      super.removeEventListener(...arguments);
      if (String(type) === "message") this.#listenersChanged();
    }

    [kEventHandler](type) {
      return type === "message" ? this.#onmessage : undefined;
    }

    #listenersChanged() {
      const handlers = listenerCount(this, "message") + (this.#onmessage === null ? 0 : 1);
      if (this.#state === PENDING && handlers > 0) this.start();
      else if (this.#state === STARTED && handlers === 0) this.#state = PENDING;
    }

    #deliver(data) {
      if (this.#state === PENDING) {
        this.#pending.push(data);
      } else if (this.#state === STARTED) {
        Promise.resolve().then(() => dispatch(this, messageEvent(data)));
      }
    }

    static entangle(a, b) {
      a.#other = b;
      b.#other = a;
    }
  }
  const entangle = MessagePort.entangle;
  delete MessagePort.entangle;
  for (const name of ["addEventListener", "removeEventListener"]) {
    Object.defineProperty(MessagePort.prototype[name], "length", { value: 2 });
  }
  Object.defineProperty(MessagePort.prototype, Symbol.toStringTag, { value: "MessagePort", configurable: true });

  class MessageChannel {
    constructor() {
      const port1 = new MessagePort(kConstruct);
      const port2 = new MessagePort(kConstruct);
      entangle(port1, port2);
      // JSG_LAZY_READONLY_INSTANCE_PROPERTY: own, read-only data properties.
      Object.defineProperty(this, "port1", { value: port1, writable: false, enumerable: true, configurable: true });
      Object.defineProperty(this, "port2", { value: port2, writable: false, enumerable: true, configurable: true });
    }
  }
  Object.defineProperty(MessageChannel.prototype, Symbol.toStringTag, { value: "MessageChannel", configurable: true });

  internals.messageChannel = { __proto__: null, MessageChannel, MessagePort };
  internals.exposeGlobal("MessageChannel", newOnlyConstructor(MessageChannel));
  internals.exposeGlobal("MessagePort", MessagePort);
})(globalThis.__isolet_internals);
