// The remaining globals of the Workers global scope: self, navigator,
// performance; the global object's own class name; and workerd's ban on
// generating code at run time. Runs last, after every API file has
// registered itself.
"use strict";
((internals) => {
  const {
    Object, Symbol, TypeError, EvalError, Promise, Reflect, ArrayBuffer,
  } = globalThis;

  internals.exposeGlobal("self", globalThis);

  // An object whose prototype carries `Symbol.toStringTag` (and, for the
  // getters, the shape), as a workerd API object's does.
  function tagged(tag, members) {
    const proto = Object.create(Object.prototype, Object.getOwnPropertyDescriptors(members));
    Object.defineProperty(proto, Symbol.toStringTag, { value: tag, configurable: true });
    return Object.create(proto);
  }

  // performance.now() counts from the isolate's start; like workerd it
  // advances only with I/O (we do not expose a high-resolution timer), so
  // it reads Date.now() relative to timeOrigin.
  let timeOrigin = 0;
  const performance = tagged("Performance", {
    get timeOrigin() { return timeOrigin; },
    now() { return Date.now() - timeOrigin; },
    toJSON() { return { timeOrigin }; },
  });
  internals.clock = { now: () => Date.now() };

  const navigator = tagged("Navigator", {
    get userAgent() { return "Cloudflare-Workers"; },
    get hardwareConcurrency() { return 1; },
    get language() { return "en"; },
    get languages() { return ["en"]; },
  });

  // Object.prototype.toString(globalThis) is "[object ServiceWorkerGlobalScope]":
  // the global object's prototype (made in 00_internals.js, where the API
  // globals live) carries that tag.
  Object.defineProperty(internals.globalScopeProto, Symbol.toStringTag, {
    value: "ServiceWorkerGlobalScope", configurable: true,
  });

  // -- code generation ---------------------------------------------------------------------
  // workerd disallows code generation from strings (eval, new Function) and
  // compiling Wasm from bytes at run time (V8's embedder callbacks). pydeno
  // exposes neither flag nor callback, so the entry points are replaced at
  // boot with throwing ones carrying V8's messages. The runtime's own module
  // loader keeps the original WebAssembly.Module through `internals.compileWasm`
  // (reached by generated `.wasm` modules through "isolet-internal:wasm").
  const CODEGEN_MESSAGE = "Code generation from strings disallowed for this context";
  const WASM_MESSAGE = "Wasm code generation disallowed by embedder";

  const define = (obj, name, value) => Object.defineProperty(obj, name, {
    value, writable: true, enumerable: false, configurable: true,
  });
  const hide = (fn, name, length) => {
    Object.defineProperty(fn, "name", { value: name, configurable: true });
    Object.defineProperty(fn, "length", { value: length, configurable: true });
    return fn;
  };

  // A throwing stand-in for a function constructor: same name, length,
  // prototype (so `instanceof` keeps working) and [[Prototype]].
  function replaceConstructor(Original) {
    const Replacement = hide(function () { throw new EvalError(CODEGEN_MESSAGE); }, Original.name, Original.length);
    Object.defineProperty(Replacement, "prototype", { value: Original.prototype, writable: false });
    Object.setPrototypeOf(Replacement, Object.getPrototypeOf(Original));
    define(Original.prototype, "constructor", Replacement);
    return Replacement;
  }

  function disallowStringCodegen() {
    const OriginalFunction = Function;
    const FunctionReplacement = replaceConstructor(OriginalFunction);
    for (const sample of [async function () {}, function* () {}, async function* () {}]) {
      const Ctor = Object.getPrototypeOf(sample).constructor;
      Object.setPrototypeOf(replaceConstructor(Ctor), FunctionReplacement);
    }
    define(globalThis, "Function", FunctionReplacement);
    define(globalThis, "eval", hide(function () { throw new EvalError(CODEGEN_MESSAGE); }, "eval", 1));
  }

  // WebAssembly exists only once the isolate runs (not while the snapshot is built).
  const wasmError = (method) => new globalThis.WebAssembly.CompileError(`WebAssembly.${method}(): ${WASM_MESSAGE}`);
  const isBufferSource = (v) => ArrayBuffer.isView(v) || v instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === "function" && v instanceof SharedArrayBuffer);

  function disallowWasmCodegen() {
    const WebAssembly = globalThis.WebAssembly;
    if (typeof WebAssembly !== "object") return;
    const OriginalModule = WebAssembly.Module;
    internals.compileWasm = (bytes) => new OriginalModule(bytes);
    const { instantiate, compileStreaming, instantiateStreaming } = WebAssembly;
    const isModule = (v) => v instanceof OriginalModule;

    const ModuleReplacement = hide(function Module(bytes) {
      if (new.target === undefined) throw new TypeError("WebAssembly.Module must be invoked with 'new'");
      throw wasmError("Module");
    }, "Module", 1);
    Object.defineProperty(ModuleReplacement, "prototype", { value: OriginalModule.prototype, writable: false });
    for (const key of ["exports", "imports", "customSections"]) {
      if (typeof OriginalModule[key] === "function") define(ModuleReplacement, key, OriginalModule[key]);
    }
    define(OriginalModule.prototype, "constructor", ModuleReplacement);
    define(WebAssembly, "Module", ModuleReplacement);

    define(WebAssembly, "compile", hide(function () {
      return Promise.reject(wasmError("compile"));
    }, "compile", 1));
    // instantiate(module) links an already compiled module; instantiate(bytes)
    // would compile. Anything else gets V8's own TypeError.
    define(WebAssembly, "instantiate", hide(function (source) {
      if (isModule(source) || !isBufferSource(source)) return Reflect.apply(instantiate, WebAssembly, arguments);
      return Promise.reject(wasmError("instantiate"));
    }, "instantiate", 1));
    if (typeof compileStreaming === "function") {
      define(WebAssembly, "compileStreaming", hide(function () {
        return Promise.reject(wasmError("compileStreaming"));
      }, "compileStreaming", 1));
    }
    if (typeof instantiateStreaming === "function") {
      define(WebAssembly, "instantiateStreaming", hide(function () {
        return Promise.reject(wasmError("instantiateStreaming"));
      }, "instantiateStreaming", 1));
    }
  }

  internals.bootHooks.push(() => {
    timeOrigin = Date.now();
    internals.exposeGlobal("performance", performance);
    // global_navigator (2022-03-21): the navigator global exists.
    if (internals.compat("global_navigator")) internals.exposeGlobal("navigator", navigator);
    disallowStringCodegen();
    disallowWasmCodegen();
  });
})(globalThis.__isolet_internals);
