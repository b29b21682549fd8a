// WebIDL conversions shared by the runtime's JS files, and DOMException.
//
// Exports `internals.webidl` (converters, argument checks, buffer helpers)
// and `internals.DOMException`; exposes the `DOMException` global.
// Messages follow workerd's JSG wording ("Failed to execute 'x' on 'Y': ...").
"use strict";
((internals) => {
  const { TypeError, RangeError, String, Number, Math, Object, ArrayBuffer, Uint8Array } = globalThis;
  const isView = ArrayBuffer.isView;
  const SharedArrayBufferCtor = globalThis.SharedArrayBuffer;

  // -- DOMException -------------------------------------------------------------------------
  // Legacy codes of the WebIDL "DOMException names" table.
  const LEGACY_CODES = {
    __proto__: null,
    IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4,
    InvalidCharacterError: 5, NoModificationAllowedError: 7, NotFoundError: 8,
    NotSupportedError: 9, InUseAttributeError: 10, InvalidStateError: 11, SyntaxError: 12,
    InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
    TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20,
    URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23,
    InvalidNodeTypeError: 24, DataCloneError: 25,
  };
  const CONSTANTS = [
    ["INDEX_SIZE_ERR", 1], ["DOMSTRING_SIZE_ERR", 2], ["HIERARCHY_REQUEST_ERR", 3],
    ["WRONG_DOCUMENT_ERR", 4], ["INVALID_CHARACTER_ERR", 5], ["NO_DATA_ALLOWED_ERR", 6],
    ["NO_MODIFICATION_ALLOWED_ERR", 7], ["NOT_FOUND_ERR", 8], ["NOT_SUPPORTED_ERR", 9],
    ["INUSE_ATTRIBUTE_ERR", 10], ["INVALID_STATE_ERR", 11], ["SYNTAX_ERR", 12],
    ["INVALID_MODIFICATION_ERR", 13], ["NAMESPACE_ERR", 14], ["INVALID_ACCESS_ERR", 15],
    ["VALIDATION_ERR", 16], ["TYPE_MISMATCH_ERR", 17], ["SECURITY_ERR", 18], ["NETWORK_ERR", 19],
    ["ABORT_ERR", 20], ["URL_MISMATCH_ERR", 21], ["QUOTA_EXCEEDED_ERR", 22], ["TIMEOUT_ERR", 23],
    ["INVALID_NODE_TYPE_ERR", 24], ["DATA_CLONE_ERR", 25],
  ];

  class DOMException extends Error {
    #name;
    #message;
    #code;
    // workerd's constructor is (optional DOMString message, optional DOMString
    // name): the WHATWG options form `{name, cause}` is not read, an object
    // is stringified as the name ("[object Object]") and there is no `cause`.
    constructor(message = "", name = "Error") {
      super();
      this.#message = String(message);
      name = String(name);
      this.#name = name;
      this.#code = LEGACY_CODES[name] ?? 0;
      // Re-capture so the stack's first line reads "AbortError: ..." (fields are set now).
      if (Error.captureStackTrace) Error.captureStackTrace(this, new.target);
    }
    get name() { return this.#name; }
    get message() { return this.#message; }
    get code() { return this.#code; }
  }
  for (const [key, value] of CONSTANTS) {
    const desc = { value, writable: false, enumerable: true, configurable: false };
    Object.defineProperty(DOMException, key, desc);
    Object.defineProperty(DOMException.prototype, key, desc);
  }
  Object.defineProperty(DOMException.prototype, Symbol.toStringTag, {
    value: "DOMException", configurable: true,
  });

  // -- conversions --------------------------------------------------------------------------
  function requiredArguments(count, required, prefix) {
    if (count < required) {
      const noun = required === 1 ? "argument" : "arguments";
      throw new TypeError(`${prefix}: ${required} ${noun} required, but only ${count} present.`);
    }
  }

  // workerd's (JSG's) missing-argument check: an absent required argument is converted from
  // undefined, which fails as "parameter N is not of type 'X'". `types` names the required
  // parameters' types in order; `constructor` prefixes "constructor " as JSG does.
  function checkArguments(count, types, prefix, constructor = false) {
    if (count < types.length) {
      const where = constructor ? "constructor parameter" : "parameter";
      throw new TypeError(`${prefix}: ${where} ${count + 1} is not of type '${types[count]}'.`);
    }
  }

  // The TypeError workerd throws when a constructor is called without `new`.
  function constructorWithoutNew(name) {
    return new TypeError(
      `Failed to construct '${name}': Please use the 'new' operator, this object constructor ` +
      "cannot be called as a function.");
  }

  // The constructor to expose for `Class`: a plain function that throws workerd's "Please use
  // the 'new' operator" TypeError when called without `new` (a class constructor cannot), and
  // otherwise constructs `Class` for `new.target`, so subclasses, `instanceof` and statics work.
  // It shares Class.prototype, whose `constructor` becomes the wrapper.
  function newOnlyConstructor(Class, name = Class.name) {
    const { construct } = Reflect;
    const wrapper = {
      [name]: function (...args) {
        if (new.target === undefined) throw constructorWithoutNew(name);
        return construct(Class, args, new.target);
      },
    }[name];
    for (const key of Reflect.ownKeys(Class)) {
      if (key === "prototype" || key === "name") continue;
      Object.defineProperty(wrapper, key, Object.getOwnPropertyDescriptor(Class, key));
    }
    Object.defineProperty(wrapper, "prototype", {
      value: Class.prototype, writable: false, enumerable: false, configurable: false,
    });
    Object.defineProperty(Class.prototype, "constructor", {
      value: wrapper, writable: true, enumerable: false, configurable: true,
    });
    return wrapper;
  }

  function toDOMString(v) {
    if (typeof v === "symbol") throw new TypeError("Cannot convert a Symbol value to a string");
    return String(v);
  }

  // USVString: lone surrogates become U+FFFD.
  function toUSVString(v) {
    const s = typeof v === "string" ? v : toDOMString(v);
    return s.isWellFormed() ? s : s.toWellFormed();
  }

  // ByteString: every code unit must be <= 0xFF.
  function toByteString(v, context = "value") {
    const s = toDOMString(v);
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) > 0xff) {
        throw new TypeError(
          `Cannot convert ${context} to a ByteString because the character at index ${i} ` +
          `has a value of ${s.charCodeAt(i)} which is greater than 255.`);
      }
    }
    return s;
  }

  // ToNumber, then the WebIDL integer conversion (modulo 2^bits), or
  // [EnforceRange] / [Clamp] when asked.
  function integerPart(n) {
    const r = Math.trunc(n);
    return r === 0 ? 0 : r; // -0 -> 0
  }
  function convertInteger(v, bits, signed, opts) {
    let x = Number(v);
    const upper = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
    const lower = signed ? -(2 ** (bits - 1)) : 0;
    if (opts?.enforceRange) {
      if (!Number.isFinite(x)) {
        throw new TypeError(`${opts.context ?? "Value"} is not a finite number.`);
      }
      x = integerPart(x);
      if (x < lower || x > upper) {
        throw new TypeError(`${opts.context ?? "Value"} is outside the accepted range of ${lower} to ${upper}, inclusive.`);
      }
      return x;
    }
    if (opts?.clamp && !Number.isNaN(x)) {
      x = Math.min(Math.max(x, lower), upper);
      const r = Math.round(x); // round half to even
      return (Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r) || 0;
    }
    if (!Number.isFinite(x) || x === 0) return 0;
    x = integerPart(x);
    if (bits === 64) {
      // Beyond 2^53 precision is gone anyway; keep the modulo semantics approximately.
      x = x % 2 ** 64;
      if (x < 0) x += 2 ** 64;
      if (signed && x >= 2 ** 63) x -= 2 ** 64;
      return x;
    }
    x = x % 2 ** bits;
    if (x < 0) x += 2 ** bits;
    if (signed && x > upper) x -= 2 ** bits;
    return x;
  }
  const toLong = (v, opts) => convertInteger(v, 32, true, opts);
  const toUnsignedLong = (v, opts) => convertInteger(v, 32, false, opts);
  const toUnsignedShort = (v, opts) => convertInteger(v, 16, false, opts);
  const toLongLong = (v, opts) => convertInteger(v, 64, true, opts);
  const toUnsignedLongLong = (v, opts) => convertInteger(v, 64, false, opts);

  function toBoolean(v) { return !!v; }

  // A dictionary argument: undefined/null -> {} (caller reads members), objects as is.
  function toDictionary(v, prefix) {
    if (v === undefined || v === null) return {};
    if (typeof v !== "object" && typeof v !== "function") {
      throw new TypeError(`${prefix}: The provided value is not of type 'object'.`);
    }
    return v;
  }

  function isArrayBuffer(v) {
    return v instanceof ArrayBuffer ||
      (SharedArrayBufferCtor !== undefined && v instanceof SharedArrayBufferCtor);
  }
  function isArrayBufferView(v) { return isView(v); }

  // BufferSource -> a Uint8Array over the same memory (no copy).
  // `typeName` is the type the error names (workerd names its C++ parameter type, e.g. 'Array').
  function toBufferSource(v, prefix = "Failed to execute function", param = 1, typeName = "BufferSource") {
    if (v instanceof Uint8Array) return v;
    if (isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    if (isArrayBuffer(v)) return new Uint8Array(v);
    throw new TypeError(`${prefix}: parameter ${param} is not of type '${typeName}'.`);
  }

  // Bytes -> a "binary string" (one char per byte), in chunks to keep apply() safe.
  const CHUNK = 0x2000;
  function bytesToLatin1(u8) {
    const n = u8.length;
    if (n <= CHUNK) return String.fromCharCode.apply(null, u8);
    let out = "";
    for (let i = 0; i < n; i += CHUNK) {
      out += String.fromCharCode.apply(null, u8.subarray(i, Math.min(i + CHUNK, n)));
    }
    return out;
  }

  internals.DOMException = DOMException;
  internals.webidl = {
    __proto__: null,
    requiredArguments, checkArguments, constructorWithoutNew, newOnlyConstructor, toDOMString, toUSVString, toByteString, toBoolean, toDictionary,
    toLong, toUnsignedLong, toUnsignedShort, toLongLong, toUnsignedLongLong,
    isArrayBuffer, isArrayBufferView, toBufferSource, bytesToLatin1,
  };
  if (typeof globalThis.DOMException !== "function") {
    internals.exposeGlobal("DOMException", DOMException);
  } else {
    internals.DOMException = globalThis.DOMException;
  }
})(globalThis.__isolet_internals);
