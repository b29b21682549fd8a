// structuredClone(value, { transfer }) in pure JS, following what V8's
// serializer (used by workerd) accepts: primitives, wrapper objects, Date,
// RegExp, Map, Set, ArrayBuffer, typed arrays, DataView, Error types, plain
// objects and arrays (class instances clone as plain objects), with cycles
// and shared references preserved. Anything else is a DataCloneError.
//
// Exports `internals.structuredClone(value, transferList = [])`.
"use strict";
((internals) => {
  const { TypeError, Object, Array, Map, Set, Date, RegExp, ArrayBuffer, DataView, Boolean,
    Number, String, BigInt, Symbol, Reflect } = globalThis;
  const DOMException = internals.DOMException;
  const TypedArray = Object.getPrototypeOf(Uint8Array);
  const ERROR_TYPES = new Set(["Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError"]);
  const ERROR_CTORS = { __proto__: null, Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
  const toStr = Object.prototype.toString;
  const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get;
  const byteLengthOf = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get;
  const detachedOf = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "detached")?.get;

  const cloneError = (msg) => new DOMException(msg, "DataCloneError");
  const describe = (v) => {
    if (typeof v === "symbol") return String(v);
    if (typeof v === "function") {
      try { return Function.prototype.toString.call(v); } catch { return "function"; }
    }
    const ctor = v?.constructor?.name;
    return `#<${typeof ctor === "string" && ctor !== "" ? ctor : "Object"}>`;
  };

  function isDetached(buf) {
    if (detachedOf !== undefined) return detachedOf.call(buf);
    return false;
  }

  function structuredClone(value, transferList = []) {
    const memory = new Map();
    // Transfer: detach each listed ArrayBuffer now; references resolve to the moved buffer.
    const seen = new Set();
    for (const t of transferList) {
      if (!(t instanceof ArrayBuffer)) {
        throw cloneError("Value not transferable");
      }
      if (seen.has(t)) throw cloneError("ArrayBuffer at index 1 is a duplicate of an earlier ArrayBuffer. Duplicates are not allowed.");
      if (isDetached(t)) throw cloneError("An ArrayBuffer is detached and could not be cloned.");
      seen.add(t);
    }
    for (const t of seen) memory.set(t, t.transfer());
    return clone(value, memory);
  }

  function cloneProps(src, dst, memory) {
    for (const key of Object.keys(src)) {
      dst[key] = clone(src[key], memory);
    }
  }

  function clone(v, memory) {
    const type = typeof v;
    if (type === "symbol" || type === "function") throw cloneError(`${describe(v)} could not be cloned.`);
    if (type !== "object" || v === null) return v;
    const prior = memory.get(v);
    if (prior !== undefined) return prior;

    let out;
    if (Array.isArray(v)) {
      out = new Array(v.length);
      memory.set(v, out);
      cloneProps(v, out, memory);
      return out;
    }
    if (v instanceof ArrayBuffer) {
      if (isDetached(v)) throw cloneError("An ArrayBuffer is detached and could not be cloned.");
      out = v.slice(0, byteLengthOf.call(v));
      memory.set(v, out);
      return out;
    }
    if (ArrayBuffer.isView(v)) {
      const buf = clone(v.buffer, memory);
      if (v instanceof DataView) {
        out = new DataView(buf, v.byteOffset, v.byteLength);
      } else {
        const Ctor = globalThis[typedArrayTag.call(v)];
        out = new Ctor(buf, v.byteOffset, v.length);
      }
      memory.set(v, out);
      return out;
    }
    if (v instanceof DOMException) {
      out = new DOMException(v.message, v.name);
      memory.set(v, out);
      return out;
    }
    const tag = toStr.call(v);
    switch (tag) {
      case "[object Date]": out = new Date(Date.prototype.getTime.call(v)); break;
      case "[object RegExp]": out = new RegExp(v.source, v.flags); break;
      case "[object Boolean]": out = Object(Boolean.prototype.valueOf.call(v)); break;
      case "[object Number]": out = Object(Number.prototype.valueOf.call(v)); break;
      case "[object String]": out = Object(String.prototype.valueOf.call(v)); break;
      case "[object BigInt]": out = Object(BigInt.prototype.valueOf.call(v)); break;
      case "[object Map]": {
        out = new Map();
        memory.set(v, out);
        const entries = [...Map.prototype.entries.call(v)];
        for (const [k, val] of entries) out.set(clone(k, memory), clone(val, memory));
        return out;
      }
      case "[object Set]": {
        out = new Set();
        memory.set(v, out);
        const values = [...Set.prototype.values.call(v)];
        for (const val of values) out.add(clone(val, memory));
        return out;
      }
      case "[object Error]": {
        let name = "Error";
        for (let p = Object.getPrototypeOf(v); p !== null; p = Object.getPrototypeOf(p)) {
          const n = Object.prototype.hasOwnProperty.call(p, "name") ? p.name : undefined;
          if (typeof n === "string" && ERROR_TYPES.has(n) && p === ERROR_CTORS[n].prototype) { name = n; break; }
        }
        const message = Object.getOwnPropertyDescriptor(v, "message");
        out = new ERROR_CTORS[name]();
        memory.set(v, out);
        if (message !== undefined) {
          Object.defineProperty(out, "message", {
            value: String(v.message), writable: true, enumerable: false, configurable: true,
          });
        }
        Object.defineProperty(out, "stack", {
          value: typeof v.stack === "string" ? v.stack : undefined, writable: true, enumerable: false, configurable: true,
        });
        if (Object.prototype.hasOwnProperty.call(v, "cause")) {
          Object.defineProperty(out, "cause", {
            value: clone(v.cause, memory), writable: true, enumerable: false, configurable: true,
          });
        }
        return out;
      }
      case "[object Object]":
      case "[object Arguments]":
        break;
      default:
        // Host objects and exotic built-ins (WeakMap, Promise, DOMException, ...) do not clone.
        if (Object.getPrototypeOf(v) !== null && !isPlainLike(v, tag)) {
          throw cloneError(`${describe(v)} could not be cloned.`);
        }
    }
    if (out !== undefined) {
      memory.set(v, out);
      return out;
    }
    if (v instanceof WeakMap || v instanceof WeakSet || v instanceof Promise ||
        (typeof WeakRef === "function" && v instanceof WeakRef)) {
      throw cloneError(`${describe(v)} could not be cloned.`);
    }
    out = {};
    memory.set(v, out);
    cloneProps(v, out, memory);
    return out;
  }

  // An object whose toStringTag was customised by user code but is otherwise ordinary.
  function isPlainLike(v, tag) {
    if (v instanceof WeakMap || v instanceof WeakSet || v instanceof Promise) return false;
    if (typeof WeakRef === "function" && v instanceof WeakRef) return false;
    if (v instanceof DOMException || v instanceof Error) return false;
    const own = Reflect.getOwnPropertyDescriptor(Object.getPrototypeOf(v) ?? {}, Symbol.toStringTag);
    return own !== undefined || Object.prototype.hasOwnProperty.call(v, Symbol.toStringTag);
  }

  function structuredCloneGlobal(value, options = undefined) {
    if (arguments.length < 1) {
      throw new TypeError("Failed to execute 'structuredClone' on 'ServiceWorkerGlobalScope': 1 argument required, but only 0 present.");
    }
    let transfer = [];
    if (options !== undefined && options !== null) {
      if (typeof options !== "object") {
        throw new TypeError("Failed to execute 'structuredClone' on 'ServiceWorkerGlobalScope': parameter 2 is not of type 'StructuredSerializeOptions'.");
      }
      if (options.transfer !== undefined) transfer = [...options.transfer];
    }
    return structuredClone(value, transfer);
  }

  internals.structuredClone = structuredClone;
  internals.exposeGlobal("structuredClone", structuredCloneGlobal);
})(globalThis.__isolet_internals);
