// The globals workerd adds under nodejs_compat (imported once, before the
// Worker's modules, as "isolet-internal:node/globals"):
//
// - with nodejs_compat_v2 (implied by nodejs_compat from 2024-09-23):
//   `Buffer` (node:buffer), `process` (node:process's default export) and
//   `global` (globalThis) as own, enumerable, writable data properties of the
//   global object, and `setImmediate` / `clearImmediate` on its prototype
//   (Immediate objects, 07_timers.js);
// - with enable_nodejs_global_timers (implied by nodejs_compat from
//   2026-02-10): setTimeout/setInterval/clearTimeout/clearInterval replaced
//   by node:timers' versions (they return Timeout objects), as own properties.
//
// The modules are imported statically (not on demand): a Worker's top-level
// code may read these globals, and a sibling module's top-level await would
// not hold it back.
import internals from "isolet-internal:internals";
import bufferModule, { Buffer } from "node:buffer";
import process from "node:process";
import * as timers from "node:timers";

// For process.getBuiltinModule().
internals.nodeBuiltins?.set("buffer", bufferModule);

const own = (name, value) => {
  Object.defineProperty(globalThis, name, { value, writable: true, enumerable: true, configurable: true });
};

if (internals.compat("nodejs_compat_v2")) {
  own("Buffer", Buffer);
  own("process", process);
  own("global", globalThis);
  internals.exposeGlobal("setImmediate", internals.timers.setImmediate);
  internals.exposeGlobal("clearImmediate", internals.timers.clearImmediate);
}

if (internals.compat("enable_nodejs_global_timers")) {
  for (const name of ["setTimeout", "setInterval", "clearTimeout", "clearInterval"]) own(name, timers[name]);
}
