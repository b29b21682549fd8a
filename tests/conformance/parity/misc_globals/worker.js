// Globals a Worker relies on: presence, shapes, navigator, DOMException, code generation, WebAssembly.
import { serve } from "./harness.js";

const GLOBALS = [
  "URL", "URLSearchParams", "URLPattern", "Headers", "Request", "Response", "Blob", "File", "FormData",
  "ReadableStream", "WritableStream", "TransformStream", "IdentityTransformStream", "FixedLengthStream",
  "ReadableStreamDefaultReader", "ReadableStreamBYOBReader", "WritableStreamDefaultWriter",
  "ByteLengthQueuingStrategy", "CountQueuingStrategy", "TextEncoder", "TextDecoder", "TextEncoderStream",
  "TextDecoderStream", "CompressionStream", "DecompressionStream", "atob", "btoa", "structuredClone",
  "queueMicrotask", "setTimeout", "setInterval", "clearTimeout", "clearInterval", "scheduler", "performance",
  "navigator", "AbortController", "AbortSignal", "Event", "EventTarget", "CustomEvent", "crypto", "Crypto",
  "CryptoKey", "SubtleCrypto", "fetch", "WebSocket", "WebSocketPair", "caches", "self", "DOMException",
  "console", "WebAssembly", "HTMLRewriter", "MessageChannel", "MessagePort", "ErrorEvent", "CloseEvent", "MessageEvent",
  "process", "Buffer", "require", "global", "window", "document",
];

// A WebAssembly module exporting add(i32, i32) -> i32.
const ADD_WASM = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 127, 3, 2, 1, 0, 7, 7, 1, 3, 97, 100, 100, 0, 0, 10, 9, 1, 7, 0, 32, 0, 32, 1, 106, 11]);

const cases = {
  "self-is-global-this": () => [typeof self, self === globalThis],
  "navigator-user-agent": () => navigator.userAgent,
  "navigator-hardware-concurrency": () => navigator.hardwareConcurrency,
  "navigator-language": () => navigator.language,
  "navigator-to-string-tag": () => Object.prototype.toString.call(navigator),
  "caches-default-shape": () => [typeof caches, typeof caches?.default, typeof caches?.open],
  "performance-shape": () => [typeof performance.now, typeof performance.timeOrigin, Object.prototype.toString.call(performance)],
  "scheduler-shape": () => [typeof scheduler, typeof scheduler?.wait],
  "console-methods": () => ["log", "info", "warn", "error", "debug", "trace", "table", "time", "timeEnd", "timeLog", "count", "countReset", "group", "groupCollapsed", "groupEnd", "assert", "dir"].map((m) => [m, typeof console[m]]),
  "eval-disallowed": () => eval("1 + 1"),
  "new-function-disallowed": () => new Function("return 1")(),
  "wasm-compile-from-bytes-disallowed": async () => (await WebAssembly.instantiate(ADD_WASM)).instance.exports.add(2, 3),
  "wasm-validate": () => WebAssembly.validate(ADD_WASM),
  "wasm-sync-module-disallowed": () => new WebAssembly.Instance(new WebAssembly.Module(ADD_WASM)).exports.add(1, 1),
  "dom-exception-defaults": () => { const e = new DOMException(); return [e.name, e.message, e.code, e instanceof Error]; },
  "dom-exception-names-and-codes": () => ["IndexSizeError", "NotFoundError", "NotSupportedError", "InvalidStateError", "SyntaxError", "InvalidAccessError", "TypeMismatchError", "QuotaExceededError", "TimeoutError", "AbortError", "DataCloneError", "InvalidCharacterError", "NetworkError", "OperationError", "DataError", "EncodingError", "Custom"].map((n) => [n, new DOMException("m", n).code]),
  "dom-exception-constants": () => [DOMException.ABORT_ERR, DOMException.DATA_CLONE_ERR, DOMException.QUOTA_EXCEEDED_ERR, DOMException.TIMEOUT_ERR],
  "dom-exception-options-object": () => { const e = new DOMException("m", { name: "AbortError", cause: "c" }); return [e.name, e.cause]; },
  "dom-exception-to-string": () => String(new DOMException("boom", "AbortError")),
  "dom-exception-stack": () => typeof new DOMException("x").stack,
  "error-capture-stack-trace": () => typeof Error.captureStackTrace,
  "shared-array-buffer": () => typeof SharedArrayBuffer,
  "atomics-wait-type": () => typeof Atomics?.wait,
  "intl-available": () => [typeof Intl, new Intl.NumberFormat("en-US").format(1234567.891), new Intl.DateTimeFormat("en-US", { timeZone: "UTC" }).format(new Date(0))],
  "date-timezone-utc": () => [new Date(0).getTimezoneOffset(), new Date(0).toString()],
  "to-locale-string": () => (1234.5).toLocaleString(),
  "global-this-property-descriptors": () => ["fetch", "Response", "crypto"].map((k) => { const d = Object.getOwnPropertyDescriptor(globalThis, k); return d ? [k, d.writable ?? "accessor", d.enumerable, d.configurable] : [k, "missing"]; }),
  "globals-are-overridable": () => { const orig = globalThis.atob; globalThis.atob = () => "patched"; const r = atob("x"); globalThis.atob = orig; return r; },
  "unhandled-rejection-does-not-fail-request": async () => { Promise.reject(new Error("nobody listens")); await new Promise((r) => setTimeout(r, 5)); return "still answered"; },
  "to-string-tag-global": () => Object.prototype.toString.call(globalThis),
};
for (const name of GLOBALS) cases[`typeof-${name}`] = () => typeof globalThis[name];

export default serve(cases);
