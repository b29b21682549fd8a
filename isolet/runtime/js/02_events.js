// Event, EventTarget, CustomEvent, as workerd has them (api/basics.h).
//
// workerd specifics kept here: there is no DOM tree, so eventPhase is AT_TARGET
// while dispatching and NONE otherwise; `timeStamp` is 0; `capture: true` and
// `passive: true` are TypeErrors; a listener returning `true` cancels the event.
// Deviation (by design of this runtime): a throwing listener does not stop
// the dispatch; its error goes to `internals.reportError` if set, else it is
// rethrown from a microtask.
//
// Exports `internals.events = { Event, EventTarget, CustomEvent, kTrusted,
// kEventHandler, dispatch, listenerCount }`.
"use strict";
((internals) => {
  const { TypeError, Symbol, Object, Map, String } = globalThis;
  const { requiredArguments, toDOMString } = internals.webidl;
  const DOMException = internals.DOMException;

  // Pass as the 3rd constructor argument to make an isTrusted event (runtime-made).
  const kTrusted = Symbol("isolet.trustedEvent");
  // A subclass of EventTarget may define `[kEventHandler](type)` returning its
  // `on<type>` attribute handler (e.g. AbortSignal.onabort).
  const kEventHandler = Symbol("isolet.eventHandler");

  // workerd's jsg: a missing `type` fails the string conversion of parameter 1.
  function requireType(count, iface) {
    if (count < 1) {
      throw new TypeError(`Failed to construct '${iface}': constructor parameter 1 is not of type 'string'.`);
    }
  }

  const NONE = 0, CAPTURING_PHASE = 1, AT_TARGET = 2, BUBBLING_PHASE = 3;

  class Event {
    #type;
    #bubbles;
    #cancelable;
    #composed;
    #trusted;
    #target = undefined;
    #dispatching = false;
    #stopped = false;
    #propagationStopped = false;
    #canceled = false;

    constructor(type, init = undefined, trusted = undefined) {
      requireType(arguments.length, "Event");
      this.#type = toDOMString(type);
      const opts = init === undefined || init === null ? {} : init;
      if (typeof opts !== "object" && typeof opts !== "function") {
        throw new TypeError("Failed to construct 'Event': constructor parameter 2 is not of type 'EventInit'.");
      }
      this.#bubbles = !!opts.bubbles;
      this.#cancelable = !!opts.cancelable;
      this.#composed = !!opts.composed;
      this.#trusted = trusted === kTrusted;
    }

    get type() { return this.#type; }
    get bubbles() { return this.#bubbles; }
    get cancelable() { return this.#cancelable; }
    get composed() { return this.#composed; }
    get isTrusted() { return this.#trusted; }
    get timeStamp() { return 0; }
    get eventPhase() { return this.#dispatching ? AT_TARGET : NONE; }
    get target() { return this.#target; }
    // As workerd (with jsg_property_on_prototype_template): currentTarget is
    // the last dispatch target, kept after dispatchEvent() returns.
    get currentTarget() { return this.#target; }
    get srcElement() { return this.#target; }
    get defaultPrevented() { return this.#cancelable && this.#canceled; }
    // workerd quirk: preventDefault() on a non-cancelable event is recorded too;
    // defaultPrevented stays false, but dispatchEvent() returns false.
    static _prevented(event) { return event.#canceled; }
    get returnValue() { return !this.defaultPrevented; }
    get cancelBubble() { return this.#propagationStopped; }
    set cancelBubble(v) { if (v) this.#propagationStopped = true; }

    preventDefault() { this.#canceled = true; }
    stopPropagation() { this.#propagationStopped = true; }
    stopImmediatePropagation() { this.#stopped = true; this.#propagationStopped = true; }
    composedPath() { return this.#dispatching && this.#target !== undefined ? [this.#target] : []; }

    // Internal: dispatch bookkeeping (static so it can reach the #fields).
    static _begin(event, target) {
      if (event.#dispatching) {
        throw new DOMException("The event is already being dispatched.", "InvalidStateError");
      }
      event.#dispatching = true;
      event.#target = target;
      event.#canceled = false;
      event.#stopped = false;
    }
    static _end(event) { event.#dispatching = false; }
    static _stopped(event) { return event.#stopped; }
    static _isEvent(v) { return v !== null && typeof v === "object" && #type in v; }
  }
  const eventBegin = Event._begin, eventEnd = Event._end, eventStopped = Event._stopped;
  const isEvent = Event._isEvent, eventPrevented = Event._prevented;
  delete Event._begin; delete Event._end; delete Event._stopped; delete Event._isEvent;
  delete Event._prevented;

  for (const [name, value] of [["NONE", NONE], ["CAPTURING_PHASE", CAPTURING_PHASE],
    ["AT_TARGET", AT_TARGET], ["BUBBLING_PHASE", BUBBLING_PHASE]]) {
    const desc = { value, writable: false, enumerable: true, configurable: false };
    Object.defineProperty(Event, name, desc);
    Object.defineProperty(Event.prototype, name, desc);
  }
  Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: "Event", configurable: true });

  class CustomEvent extends Event {
    #detail;
    constructor(type, init = undefined) {
      requireType(arguments.length, "CustomEvent");
      super(type, init);
      this.#detail = init?.detail;
    }
    get detail() { return this.#detail; }
  }
  Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, { value: "CustomEvent", configurable: true });

  function report(error) {
    if (typeof internals.reportError === "function") {
      internals.reportError(error);
    } else {
      queueMicrotask(() => { throw error; });
    }
  }

  // Listener record: { callback, once, removed, abortCleanup }.
  class EventTarget {
    #listeners = new Map();

    constructor() {}

    addEventListener(type, callback, options = undefined) {
      requiredArguments(arguments.length, 2, "Failed to execute 'addEventListener' on 'EventTarget'");
      type = toDOMString(type);
      let once = false;
      let signal;
      if (typeof options === "boolean") {
        if (options) throw new TypeError("addEventListener(): useCapture must be false.");
      } else if (options !== undefined && options !== null) {
        if (options.capture) throw new TypeError("addEventListener(): options.capture must be false.");
        if (options.passive) throw new TypeError("addEventListener(): options.passive must be false.");
        once = !!options.once;
        signal = options.signal;
        if (signal !== undefined && !(signal instanceof EventTarget && "aborted" in signal)) {
          throw new TypeError("Failed to execute 'addEventListener' on 'EventTarget': " +
            "The provided value is not of type 'AbortSignal'.");
        }
      }
      if (callback === null || callback === undefined) return;
      if (typeof callback !== "function" && typeof callback !== "object") {
        throw new TypeError("Failed to execute 'addEventListener' on 'EventTarget': " +
          "parameter 2 is not of type 'EventListener'.");
      }
      if (signal !== undefined && signal.aborted) return;

      let list = this.#listeners.get(type);
      if (list === undefined) {
        list = [];
        this.#listeners.set(type, list);
      }
      for (const l of list) if (l.callback === callback) return; // dedupe
      const record = { callback, once, removed: false, abortCleanup: undefined };
      list.push(record);
      if (signal !== undefined) {
        const onAbort = () => this.removeEventListener(type, callback);
        signal.addEventListener("abort", onAbort, { once: true });
        record.abortCleanup = () => signal.removeEventListener("abort", onAbort);
      }
    }

    removeEventListener(type, callback, options = undefined) {
      requiredArguments(arguments.length, 2, "Failed to execute 'removeEventListener' on 'EventTarget'");
      type = toDOMString(type);
      if (typeof options === "boolean") {
        if (options) throw new TypeError("removeEventListener(): useCapture must be false.");
      } else if (options !== undefined && options !== null && options.capture) {
        throw new TypeError("removeEventListener(): options.capture must be false.");
      }
      const list = this.#listeners.get(type);
      if (list === undefined) return;
      for (let i = 0; i < list.length; i++) {
        const l = list[i];
        if (l.callback === callback) {
          l.removed = true;
          list.splice(i, 1);
          if (list.length === 0) this.#listeners.delete(type);
          if (l.abortCleanup !== undefined) {
            const cleanup = l.abortCleanup;
            l.abortCleanup = undefined;
            cleanup();
          }
          return;
        }
      }
    }

    dispatchEvent(event) {
      requiredArguments(arguments.length, 1, "Failed to execute 'dispatchEvent' on 'EventTarget'");
      if (!isEvent(event)) {
        throw new TypeError("Failed to execute 'dispatchEvent' on 'EventTarget': " +
          "parameter 1 is not of type 'Event'.");
      }
      return dispatch(this, event);
    }

    static _listeners(target) { return target.#listeners; }
  }
  const listenersOf = EventTarget._listeners;
  delete EventTarget._listeners;
  Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: "EventTarget", configurable: true });

  function call(target, event, callback) {
    try {
      let ret;
      if (typeof callback === "function") {
        ret = callback.call(target, event);
      } else {
        const handleEvent = callback.handleEvent;
        if (typeof handleEvent !== "function") {
          throw new TypeError("The 'handleEvent' property of the event listener is not a function.");
        }
        ret = handleEvent.call(callback, event);
      }
      if (ret === true) event.preventDefault();
    } catch (error) {
      report(error);
    }
  }

  // Dispatch `event` at `target`; returns !defaultPrevented.
  function dispatch(target, event) {
    eventBegin(event, target);
    try {
      const onHandler = target[kEventHandler]?.(event.type);
      if (typeof onHandler === "function") call(target, event, onHandler);
      const list = listenersOf(target).get(event.type);
      if (list !== undefined) {
        for (const l of list.slice()) {
          if (eventStopped(event)) break;
          if (l.removed) continue;
          if (l.once) target.removeEventListener(event.type, l.callback);
          call(target, event, l.callback);
        }
      }
    } finally {
      eventEnd(event);
    }
    return !eventPrevented(event);
  }

  function listenerCount(target, type) {
    return listenersOf(target).get(type)?.length ?? 0;
  }
  function removeAllListeners(target) {
    for (const list of listenersOf(target).values()) {
      for (const l of list) {
        l.removed = true;
        if (l.abortCleanup !== undefined) l.abortCleanup();
      }
    }
    listenersOf(target).clear();
  }

  internals.events = {
    __proto__: null,
    Event, EventTarget, CustomEvent, kTrusted, kEventHandler,
    dispatch, listenerCount, removeAllListeners, isEvent,
  };
  internals.exposeGlobal("Event", Event);
  internals.exposeGlobal("EventTarget", EventTarget);
  internals.exposeGlobal("CustomEvent", CustomEvent);
})(globalThis.__isolet_internals);
