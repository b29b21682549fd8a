// node:timers — workerd's: setTimeout/setInterval return Timeout objects
// (refresh, ref/unref/hasRef, close, Symbol.toPrimitive -> the timer id)
// over the runtime's timers (07_timers.js, which keep the async context of
// the caller); setImmediate returns an Immediate. ref()/unref() change nothing:
// a Worker's timers never keep a process alive. `promises` is
// node:timers/promises.
import internals from "isolet-internal:internals";
import { validateFunction } from "isolet-internal:node/validators";
import * as promises from "node:timers/promises";

const base = internals.timers;

let clearTimer;

export class Timeout {
  #timer;
  #callback;
  #after;
  #args;
  #isRepeat;
  #isRefed;

  constructor(callback, after = 1, args = [], isRepeat = false, isRefed = false) {
    this.#callback = callback;
    this.#after = after * 1;
    this.#args = args;
    this.#isRepeat = isRepeat;
    this.#isRefed = isRefed;
    this.#timer = this.#start();
  }

  #start() {
    const schedule = this.#isRepeat ? base.setInterval : base.setTimeout;
    this.#timer = schedule(this.#callback, this.#after, ...this.#args);
    return this.#timer;
  }

  #stop() {
    base.clearTimeout(this.#timer);
  }

  refresh() {
    this.#stop();
    this.#start();
    return this;
  }

  unref() {
    this.#isRefed = false;
    return this;
  }

  ref() {
    this.#isRefed = true;
    return this;
  }

  hasRef() {
    return this.#isRefed;
  }

  close() {
    this.#stop();
    return this;
  }

  [Symbol.dispose]() {
    this.#stop();
  }

  [Symbol.toPrimitive]() {
    return this.#timer;
  }

  static {
    clearTimer = (timeout) => timeout.#stop();
  }
}

export function setTimeout(callback, delay, ...args) {
  validateFunction(callback, "callback");
  return new Timeout(callback, delay, args, false, true);
}

export function setInterval(callback, repeat, ...args) {
  validateFunction(callback, "callback");
  return new Timeout(callback, repeat, args, true, true);
}

export function clearTimeout(timer) {
  if (timer instanceof Timeout) clearTimer(timer);
  else if (typeof timer === "number") base.clearTimeout(timer);
}

export const clearInterval = clearTimeout;

export function setImmediate(callback, ...args) {
  return base.setImmediate(callback, ...args);
}

export function clearImmediate(immediate) {
  base.clearImmediate(immediate);
}

/** @deprecated Node's old API: timeout.refresh(). */
export function active(timer) {
  if (timer instanceof Timeout) timer.refresh();
}

/** @deprecated Node's old API: clearTimeout(). */
export function unenroll(timer) {
  clearTimeout(timer);
}

/** @deprecated Node's old API, not implemented (as in workerd). */
export function enroll(_item, _msecs) {
  throw new Error("Not implemented. Please use setTimeout() instead.");
}

export { promises };

const defaultExport = {
  setTimeout, clearTimeout, setImmediate, clearImmediate, setInterval, clearInterval,
  active, unenroll, enroll, promises,
};

// For process.getBuiltinModule().
(internals.nodeBuiltins ??= new Map()).set("timers", defaultExport);

export default defaultExport;
