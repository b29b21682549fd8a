// node:timers/promises — setTimeout/setImmediate resolve with `value`;
// setInterval is an async iterator that yields `value` on every tick; an
// AbortSignal rejects with Node's AbortError (cause: the signal's reason);
// the `ref` option is validated and otherwise ignored (as in workerd).
// scheduler.wait is the global scheduler.wait; scheduler.yield a setImmediate.
import internals from "isolet-internal:internals";
import { AbortError, ERR_INVALID_THIS } from "isolet-internal:node/errors";
import {
  validateAbortSignal,
  validateBoolean,
  validateNumber,
  validateObject,
} from "isolet-internal:node/validators";

const base = internals.timers;

function checkOptions(options) {
  validateObject(options, "options");
  const { signal, ref } = options;
  if (signal !== undefined) validateAbortSignal(signal, "options.signal");
  if (ref !== undefined) validateBoolean(ref, "options.ref");
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
  return signal;
}

// Resolves with `value` once `arm(fire)` fires, or rejects when `signal` aborts.
function settleOnce(value, signal, arm, disarm) {
  return new Promise((resolve, reject) => {
    let onAbort;
    const handle = arm(() => {
      if (onAbort) signal.removeEventListener("abort", onAbort);
      resolve(value);
    });
    if (signal) {
      onAbort = () => {
        disarm(handle);
        reject(new AbortError(undefined, { cause: signal.reason }));
      };
      signal.addEventListener("abort", onAbort, { once: true });
    }
  });
}

export async function setTimeout(delay = undefined, value = undefined, options = {}) {
  if (delay !== undefined) validateNumber(delay, "delay");
  const signal = checkOptions(options);
  return settleOnce(value, signal, (fire) => base.setTimeout(fire, delay ?? 1), base.clearTimeout);
}

export async function setImmediate(value = undefined, options = {}) {
  const signal = checkOptions(options);
  return settleOnce(value, signal, (fire) => base.setImmediate(fire), base.clearImmediate);
}

export async function* setInterval(delay = undefined, value = undefined, options = {}) {
  if (delay !== undefined) validateNumber(delay, "delay");
  const signal = checkOptions(options);
  let pending = 0; // ticks not yet yielded
  let wake;
  let onAbort;
  const id = base.setInterval(() => {
    pending++;
    wake?.();
    wake = undefined;
  }, delay);
  try {
    if (signal) {
      onAbort = () => {
        base.clearInterval(id);
        wake?.(Promise.reject(new AbortError(undefined, { cause: signal.reason })));
        wake = undefined;
      };
      signal.addEventListener("abort", onAbort, { once: true });
    }
    while (!signal?.aborted) {
      if (pending === 0) await new Promise((resolve) => { wake = resolve; });
      for (; pending > 0; pending--) yield value;
    }
    throw new AbortError(undefined, { cause: signal.reason });
  } finally {
    base.clearInterval(id);
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}

const kScheduler = Symbol.for("kScheduler");

class Scheduler {
  [kScheduler] = true;

  yield() {
    if (!this[kScheduler]) throw ERR_INVALID_THIS("Scheduler");
    return setImmediate();
  }

  wait(delay, options) {
    if (!this[kScheduler]) throw ERR_INVALID_THIS("Scheduler");
    return globalThis.scheduler.wait(delay, options);
  }
}

export const scheduler = new Scheduler();

const defaultExport = { setTimeout, setImmediate, setInterval, scheduler };

// For process.getBuiltinModule().
(internals.nodeBuiltins ??= new Map()).set("timers/promises", defaultExport);

export default defaultExport;
