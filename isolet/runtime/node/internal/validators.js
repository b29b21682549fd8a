// Node-style argument validators (import from "isolet-internal:node/validators").
// Each throws the Node error (isolet-internal:node/errors) with Node's message, else returns.
//
// API (stable):
//   validateString(value, name)
//   validateNumber(value, name, min?, max?)          ERR_INVALID_ARG_TYPE / ERR_OUT_OF_RANGE
//   validateInteger(value, name, min = MIN_SAFE_INTEGER, max = MAX_SAFE_INTEGER)
//   validateInt32(value, name, min?, max?)   validateUint32(value, name, positive = false)
//   validateBoolean(value, name)   validateFunction(value, name)   validateSymbol(value, name)
//   validateObject(value, name, options?)   options: { allowArray, allowFunction, nullable }
//       or Node 20's bit flags kValidateObjectAllowNullable | ...AllowArray | ...AllowFunction
//   validateArray(value, name, minLength = 0)   validateStringArray(value, name)
//   validateOneOf(value, name, oneOf)                ERR_INVALID_ARG_VALUE "must be one of: 'a', 'b'"
//   validateAbortSignal(signal, name)   validateBuffer(buffer, name = "buffer")
//   validateEncoding(data, encoding)   validatePort(port, name = "Port", allowZero = true)
//   isInt32(v)  isUint32(v)
"use strict";

import {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_OUT_OF_RANGE,
  ERR_SOCKET_BAD_PORT_MESSAGE,
} from "isolet-internal:node/errors";

export const kValidateObjectNone = 0;
export const kValidateObjectAllowNullable = 1 << 0;
export const kValidateObjectAllowArray = 1 << 1;
export const kValidateObjectAllowFunction = 1 << 2;

export function isInt32(value) {
  return value === (value | 0);
}

export function isUint32(value) {
  return value === value >>> 0;
}

export function validateString(value, name) {
  if (typeof value !== "string") throw ERR_INVALID_ARG_TYPE(name, "string", value);
}

export function validateNumber(value, name, min = undefined, max = undefined) {
  if (typeof value !== "number") throw ERR_INVALID_ARG_TYPE(name, "number", value);
  if (
    (min != null && value < min) ||
    (max != null && value > max) ||
    ((min != null || max != null) && Number.isNaN(value))
  ) {
    throw ERR_OUT_OF_RANGE(
      name,
      `${min != null ? `>= ${min}` : ""}${min != null && max != null ? " && " : ""}${max != null ? `<= ${max}` : ""}`,
      value,
    );
  }
}

export function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== "number") throw ERR_INVALID_ARG_TYPE(name, "number", value);
  if (!Number.isInteger(value)) throw ERR_OUT_OF_RANGE(name, "an integer", value);
  if (value < min || value > max) throw ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

export function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  if (typeof value !== "number") throw ERR_INVALID_ARG_TYPE(name, "number", value);
  if (!Number.isInteger(value)) throw ERR_OUT_OF_RANGE(name, "an integer", value);
  if (value < min || value > max) throw ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

export function validateUint32(value, name, positive = false) {
  if (typeof value !== "number") throw ERR_INVALID_ARG_TYPE(name, "number", value);
  if (!Number.isInteger(value)) throw ERR_OUT_OF_RANGE(name, "an integer", value);
  const min = positive ? 1 : 0;
  // workerd's wording: ">= 0 && < 4294967296".
  if (value < min || value > 4294967295) throw ERR_OUT_OF_RANGE(name, `>= ${min} && < 4294967296`, value);
}

export function validateBoolean(value, name) {
  if (typeof value !== "boolean") throw ERR_INVALID_ARG_TYPE(name, "boolean", value);
}

export function validateFunction(value, name) {
  if (typeof value !== "function") throw ERR_INVALID_ARG_TYPE(name, "Function", value);
}

export function validateSymbol(value, name) {
  if (typeof value !== "symbol") throw ERR_INVALID_ARG_TYPE(name, "symbol", value);
}

export function validateObject(value, name, options = kValidateObjectNone) {
  let allowArray;
  let allowFunction;
  let nullable;
  if (typeof options === "number") {
    nullable = (options & kValidateObjectAllowNullable) !== 0;
    allowArray = (options & kValidateObjectAllowArray) !== 0;
    allowFunction = (options & kValidateObjectAllowFunction) !== 0;
  } else {
    ({ allowArray = false, allowFunction = false, nullable = false } = options ?? {});
  }
  if (
    (!nullable && value === null) ||
    (!allowArray && Array.isArray(value)) ||
    (typeof value !== "object" && (!allowFunction || typeof value !== "function"))
  ) {
    throw ERR_INVALID_ARG_TYPE(name, "Object", value);
  }
}

export function validateArray(value, name, minLength = 0) {
  if (!Array.isArray(value)) throw ERR_INVALID_ARG_TYPE(name, "Array", value);
  if (value.length < minLength) throw ERR_INVALID_ARG_VALUE(name, value, `must be longer than ${minLength}`);
}

export function validateStringArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; i++) validateString(value[i], `${name}[${i}]`);
}

export function validateOneOf(value, name, oneOf) {
  if (!oneOf.includes(value)) {
    const allowed = oneOf.map((v) => (typeof v === "string" ? `'${v}'` : String(v))).join(", ");
    throw ERR_INVALID_ARG_VALUE(name, value, `must be one of: ${allowed}`);
  }
}

export function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== "object" || !("aborted" in signal))) {
    throw ERR_INVALID_ARG_TYPE(name, "AbortSignal", signal);
  }
}

export function validateBuffer(buffer, name = "buffer") {
  if (!ArrayBuffer.isView(buffer)) throw ERR_INVALID_ARG_TYPE(name, ["Buffer", "TypedArray", "DataView"], buffer);
}

export function validateEncoding(data, encoding) {
  const normalized = String(encoding).toLowerCase();
  if (normalized === "hex" && data.length % 2 !== 0) {
    throw ERR_INVALID_ARG_VALUE("encoding", encoding, `is invalid for data of length ${data.length}`);
  }
}

export function validatePort(port, name = "Port", allowZero = true) {
  if (
    (typeof port !== "number" && typeof port !== "string") ||
    (typeof port === "string" && port.trim().length === 0) ||
    +port !== +port >>> 0 ||
    port > 0xffff ||
    (port === 0 && !allowZero)
  ) {
    throw ERR_SOCKET_BAD_PORT_MESSAGE(name, port, allowZero);
  }
  return port | 0;
}
