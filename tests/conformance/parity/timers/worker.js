// setTimeout/setInterval/queueMicrotask/scheduler.wait/performance: ordering and shapes, never durations.
import { serve } from "./harness.js";

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

const cases = {
  "set-timeout-returns": () => { const id = setTimeout(() => {}, 0); clearTimeout(id); return [typeof id, typeof id === "object" ? typeof id[Symbol.toPrimitive] : "n/a"]; },
  "ids-differ": () => { const a = setTimeout(() => {}, 0); const b = setTimeout(() => {}, 0); clearTimeout(a); clearTimeout(b); return Number(a) !== Number(b); },
  "order-by-delay": async () => { const out = []; setTimeout(() => out.push(20), 20); setTimeout(() => out.push(0), 0); setTimeout(() => out.push(5), 5); await tick(40); return out; },
  "same-delay-fifo": async () => { const out = []; for (let i = 0; i < 5; i++) setTimeout(() => out.push(i), 1); await tick(10); return out; },
  "extra-arguments-passed": async () => new Promise((r) => setTimeout((a, b) => r([a, b]), 0, "x", 2)),
  "clear-timeout-prevents": async () => { let ran = false; const id = setTimeout(() => { ran = true; }, 0); clearTimeout(id); await tick(5); return ran; },
  "clear-timeout-invalid-ids": () => { clearTimeout(undefined); clearTimeout(null); clearTimeout(123456); clearTimeout("x"); return "ok"; },
  "clear-interval-clears-timeout": async () => { let ran = false; const id = setTimeout(() => { ran = true; }, 0); clearInterval(id); await tick(5); return ran; },
  "interval-runs-until-cleared": async () => { let n = 0; await new Promise((r) => { const id = setInterval(() => { if (++n === 3) { clearInterval(id); r(); } }, 1); }); await tick(5); return n; },
  "negative-delay": async () => { const out = []; setTimeout(() => out.push("neg"), -10); setTimeout(() => out.push("later"), 5); await tick(10); return out; },
  "non-numeric-delay": async () => new Promise((r) => setTimeout(() => r("ran"), "abc")),
  "callback-missing": () => setTimeout(),
  "callback-string": () => setTimeout("1 + 1", 0),
  "callback-non-function": () => setTimeout({}, 0),
  "microtask-before-timeout": async () => { const out = []; setTimeout(() => out.push("timeout"), 0); queueMicrotask(() => out.push("micro")); Promise.resolve().then(() => out.push("promise")); out.push("sync"); await tick(5); return out; },
  "queue-microtask-order": async () => { const out = []; queueMicrotask(() => out.push(1)); Promise.resolve().then(() => out.push(2)); queueMicrotask(() => out.push(3)); await tick(0); return out; },
  "queue-microtask-non-function": () => queueMicrotask("nope"),
  "queue-microtask-returns-undefined": () => queueMicrotask(() => {}),
  "nested-timeouts": async () => { const out = []; await new Promise((r) => setTimeout(() => { out.push("outer"); setTimeout(() => { out.push("inner"); r(); }, 0); }, 0)); return out; },
  "this-in-callback": async () => new Promise((r) => setTimeout(function () { r(this === globalThis || this === undefined ? "global-or-undefined" : typeof this); }, 0)),
  "scheduler-wait": async () => { if (typeof scheduler === "undefined" || typeof scheduler.wait !== "function") return "no scheduler.wait"; const r = await scheduler.wait(1); return r; },
  "scheduler-wait-type": () => typeof scheduler?.wait,
  "performance-now-type": () => { const a = performance.now(); const b = performance.now(); return [typeof a, b >= a, a >= 0]; },
  "performance-time-origin-type": () => typeof performance.timeOrigin,
  "date-now-advances-after-timer": async () => { const a = Date.now(); await tick(20); return Date.now() > a; },
  "performance-now-advances-after-timer": async () => { const a = performance.now(); await tick(20); return performance.now() > a; },
  "timeout-fires-before-longer-wait": async () => { const out = []; setTimeout(() => out.push("second"), 2); await tick(10); return out; },
  "interval-args": async () => new Promise((r) => { const id = setInterval((a) => { clearInterval(id); r(a); }, 1, "arg"); }),
};

export default serve(cases);
