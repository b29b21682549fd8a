// structuredClone(value, { transfer }) in pure JS, following what V8's
// serializer (used by workerd) accepts: primitives, wrapper objects, Date,
// RegExp, Map, Set, ArrayBuffer, typed arrays, DataView, Error types, plain
// objects and arrays (class instances clone as plain objects), with cycles
// and shared references preserved. Anything else is a DataCloneError.
// Errors clone as workerd's enhanced error serialization does (jsg/ser.c++):
// the type from `name` (an unknown name is kept as an own property on an
// Error), `message`, and every other own property. A Proxy and a Blob are
// DataCloneErrors, as in workerd.
//
// Exports `internals.structuredClone(value, transferList = [])`.
"use strict";
((internals) => {
  const { TypeError, Object, Array, Map, Set, Date, RegExp, ArrayBuffer, DataView, Boolean,
    Number, String, BigInt, Symbol, Reflect } = globalThis;
  const DOMException = internals.DOMException;
  const TypedArray = Object.getPrototypeOf(Uint8Array);
  // The error types workerd's serializer knows by name (jsg/ser.c++ ErrorTag).
  const ERROR_CTORS = { __proto__: null, Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
  for (const name of ["AggregateError", "SuppressedError"]) {
    if (typeof globalThis[name] === "function") ERROR_CTORS[name] = globalThis[name];
  }
  if (typeof WebAssembly === "object") {
    for (const name of ["CompileError", "LinkError", "RuntimeError", "SuspendError"]) {
      if (typeof WebAssembly[name] === "function") ERROR_CTORS[`Wasm${name}`] = WebAssembly[name];
    }
  }
  // V8 brand checks, reachable only while the snapshot is built (Deno.core is gone at boot).
  const core = globalThis.Deno?.core;
  const isProxy = typeof core?.isProxy === "function" ? core.isProxy : () => false;
  const isNativeError = typeof core?.isNativeError === "function"
    ? core.isNativeError : (v) => toStr.call(v) === "[object Error]";
  const { getOwnPropertyNames, hasOwn } = Object;
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

  // `transferList` holds ArrayBuffers or views (their buffer moves), as in
  // workerd's Serializer::transfer; a buffer listed twice moves once.
  function structuredClone(value, transferList = []) {
    const memory = new Map();
    // Transfer, as workerd: the listed buffers are detached only after the
    // whole value is cloned (views over them keep their offsets meanwhile);
    // references resolve to the new buffer. A failed clone detaches nothing.
    const seen = new Set();
    for (const t of transferList) {
      let buf;
      if (ArrayBuffer.isView(t)) buf = t.buffer;
      else if (t instanceof ArrayBuffer) buf = t;
      else throw new TypeError("Object is not transferable");
      if (!(buf instanceof ArrayBuffer)) throw cloneError("Object is not transferable.");
      if (seen.has(buf)) continue;
      if (isDetached(buf)) throw cloneError("An ArrayBuffer is detached and could not be cloned.");
      seen.add(buf);
    }
    for (const t of seen) memory.set(t, t.slice(0, byteLengthOf.call(t)));
    const out = clone(value, memory);
    for (const t of seen) t.transfer(0);
    return out;
  }

  // workerd's native-error host object: type by name, message, own properties.
  function cloneNativeError(v, memory) {
    const name = v.name;
    const nameText = String(name);
    const known = hasOwn(ERROR_CTORS, nameText);
    const message = clone(v.message, memory);
    const props = [];
    for (const key of getOwnPropertyNames(v)) {
      if (key === "name" || key === "message" || String(key >>> 0) === key) continue;
      props.push([key, v[key]]);
    }
    if (typeof message !== "string") throw cloneError("Deserialization failed: error message is not a string");
    const out = new ERROR_CTORS[known ? nameText : "Error"](message);
    memory.set(v, out);
    if (!known) Object.defineProperty(out, "name", { value: clone(name, memory), writable: true, enumerable: true, configurable: true });
    for (const [key, value] of props) {
      Object.defineProperty(out, key, { value: clone(value, memory), writable: true, enumerable: true, configurable: true });
    }
    return out;
  }

  // workerd API objects that structuredClone refuses (they serialize for RPC only).
  const UNSERIALIZABLE_HOST_TYPES = ["Blob"];
  function isUnserializableHost(v) {
    for (const name of UNSERIALIZABLE_HOST_TYPES) {
      const Ctor = hostTypes[name];
      if (typeof Ctor === "function" && v instanceof Ctor) return true;
    }
    return false;
  }
  // Captured at boot, before user code can replace the globals.
  const hostTypes = { __proto__: null };
  internals.bootHooks.push(() => {
    for (const name of UNSERIALIZABLE_HOST_TYPES) hostTypes[name] = globalThis[name];
  });

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
    if (isProxy(v)) throw cloneError("#<Object> could not be cloned.");

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
    if (isNativeError(v)) return cloneNativeError(v, memory);
    if (isUnserializableHost(v)) {
      const ctor = v.constructor?.name;
      throw cloneError(`Could not serialize object of type "${typeof ctor === "string" && ctor !== "" ? ctor : "Object"}". ` +
        "This type does not support serialization.");
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
      throw new TypeError("Failed to execute 'structuredClone' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'JsValue'.");
    }
    let transfer = [];
    if (options !== undefined && options !== null) {
      if (typeof options !== "object" && typeof options !== "function") {
        throw new TypeError("Failed to execute 'structuredClone' on 'ServiceWorkerGlobalScope': parameter 2 is not of type 'StructuredCloneOptions'.");
      }
      const list = options.transfer;
      if (list !== undefined) {
        if (!Array.isArray(list)) {
          throw new TypeError("Incorrect type for the 'transfer' field on 'StructuredCloneOptions': the provided value is not of type 'Array'.");
        }
        transfer = Array.from(list);
      }
    }
    return structuredClone(value, transfer);
  }

  internals.structuredClone = structuredClone;
  internals.exposeGlobal("structuredClone", structuredCloneGlobal);
})(globalThis.__isolet_internals);
