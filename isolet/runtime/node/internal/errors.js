// Node-style errors for the node: modules (import from "isolet-internal:node/errors").
// Shapes and wording follow workerd's internal_errors.ts where it differs from Node.
//
// API (stable; other node: modules depend on it):
//   makeNodeError(Base, code, message, props?) -> Base instance shaped as workerd's
//       NodeTypeError/NodeRangeError/NodeError: own enumerable `code`, `name` ("TypeError")
//       and `toString()` -> "TypeError [ERR_X]: message"; stack header "TypeError: message";
//       `props` are assigned on it. (Node instead hides name and puts [ERR_X] in the stack.)
//   Every helper below returns such an error; call it with or without `new`:
//     ERR_INVALID_ARG_TYPE(name, expected, actual)   TypeError; expected: string | string[]
//         of type names ("string"), class names ("Buffer") or phrases ("an Array-like
//         Object"), e.g. 'The "x" argument must be of type string. Received type number (1)'
//         (workerd cuts an inspected primitive at 25 characters, Node at 28)
//     ERR_INVALID_ARG_VALUE(name, value, reason = "is invalid")   TypeError
//         "The argument 'x' is invalid. Received 5"
//     ERR_INVALID_ARG_VALUE_RANGE(name, value, reason)            RangeError variant
//     ERR_OUT_OF_RANGE(name, range, received, replaceDefaultBoolean = false)   a RangeError
//         subclass as in workerd: String(e) "RangeError: ...", stack "RangeError [ERR_OUT_OF_RANGE]: ..."
//         'The value of "x" is out of range. It must be >= 0. Received -1'
//     ERR_METHOD_NOT_IMPLEMENTED(name) / ERR_NOT_IMPLEMENTED(name)   "The x method is not implemented"
//     ERR_MISSING_ARGS(...names)  ERR_UNKNOWN_ENCODING(enc)  ERR_INVALID_RETURN_VALUE(input, name, value)
//     ERR_INVALID_THIS(type)  ERR_BUFFER_OUT_OF_BOUNDS(name?)  ERR_INVALID_BUFFER_SIZE("16-bits")
//     ERR_STRING_TOO_LONG()  ERR_ILLEGAL_CONSTRUCTOR()  ERR_INVALID_STATE(msg)  ERR_INVALID_STATE_TYPE(msg)
//     ERR_OPERATION_FAILED(msg)  ERR_UNHANDLED_ERROR(err?)  ERR_MULTIPLE_CALLBACK()
//     ERR_FALSY_VALUE_REJECTION(reason)  ERR_AMBIGUOUS_ARGUMENT(name, reason)
//     ERR_EVENT_RECURSION(type)  ERR_INVALID_URI()  ERR_INVALID_URL(input)
//     ERR_INVALID_CHAR(name, field?)  ERR_UNSUPPORTED_OPERATION(msg)  ERR_SOCKET_BAD_PORT(name, port, allowZero)
//     ERR_STREAM_PUSH_AFTER_EOF()  ERR_STREAM_WRITE_AFTER_END()  ERR_STREAM_DESTROYED(method)
//     ERR_STREAM_NULL_VALUES()  ERR_STREAM_PREMATURE_CLOSE()  ERR_STREAM_CANNOT_PIPE()
//     ERR_STREAM_ALREADY_FINISHED(method)  ERR_STREAM_UNSHIFT_AFTER_END_EVENT()
//     ERR_STREAM_UNABLE_TO_PIPE()   (an invalid chunk is ERR_INVALID_ARG_TYPE("chunk", [...], chunk))
//   codes: { ERR_X: helper, ... } (all of the above, like Node's internal/errors `codes`)
//   class AbortError extends Error (code "ABORT_ERR", name "AbortError";
//       new AbortError(message = "The operation was aborted", { cause }))
//   hideStackFrames(fn) -> fn (identity; for ported code)
//   addNumericalSeparator("1234567") -> "1_234_567"
//   determineSpecificType(value) -> "type number (1)" | "an instance of X" | "function f" | "null"
"use strict";

import { inspect } from "isolet-internal:node/inspect";

export function makeNodeError(Base, code, message, props) {
  // workerd's shape (NodeTypeError & co. in its internal_errors.ts): a plain instance of the
  // base class with own enumerable `code`, `name` and `toString` ("TypeError [ERR_X]: msg").
  const err = new Base(message);
  err.code = code;
  err.name = Base.prototype.name;
  err.toString = function toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  };
  if (props) Object.assign(err, props);
  return err;
}

export function hideStackFrames(fn) {
  return fn;
}

export function addNumericalSeparator(val) {
  let res = "";
  let i = val.length;
  const start = val[0] === "-" ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
  return `${val.slice(0, i)}${res}`;
}

export function determineSpecificType(value) {
  if (value === null || value === undefined) return String(value);
  if (typeof value === "function") return `function ${value.name}`;
  if (typeof value === "object") {
    let ctor;
    try {
      ctor = value.constructor;
    } catch {
      ctor = undefined;
    }
    if (ctor && ctor.name) return `an instance of ${ctor.name}`;
    return inspect(value, { depth: -1 });
  }
  let inspected = inspect(value, { colors: false });
  if (inspected.length > 28) inspected = `${inspected.slice(0, 25)}...`;
  return `type ${typeof value} (${inspected})`;
}

// The "Received ..." tail of ERR_INVALID_ARG_TYPE as workerd words it (it cuts a primitive's
// inspection at 25 characters where Node cuts at 28).
function receivedText(value) {
  if (value === null || value === undefined) return `${value}`;
  if (typeof value === "function" && value.name) return `function ${value.name}`;
  if (typeof value === "object") {
    let ctor;
    try {
      ctor = value.constructor;
    } catch {
      ctor = undefined;
    }
    if (ctor && ctor.name) return `an instance of ${ctor.name}`;
    return inspect(value, { depth: -1 });
  }
  let inspected = inspect(value, { colors: false });
  if (inspected.length > 25) inspected = `${inspected.slice(0, 25)}...`;
  return `type ${typeof value} (${inspected})`;
}

const kTypes = ["string", "function", "number", "object", "Function", "Object", "boolean", "bigint", "symbol"];
const classRegExp = /^([A-Z][a-z0-9]*)+$/;

function listJoin(items, prefix) {
  if (items.length > 2) return `${prefix}${items.slice(0, -1).join(", ")}, or ${items[items.length - 1]}`;
  if (items.length === 2) return `${prefix}${items[0]} or ${items[1]}`;
  return `${prefix}${items[0]}`;
}

function invalidArgTypeMessage(name, expected, actual) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = "The ";
  if (name.endsWith(" argument")) {
    msg += `${name} `;
  } else {
    msg += `"${name}" ${name.includes(".") ? "property" : "argument"} `;
  }
  msg += "must be ";
  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) types.push(value.toLowerCase());
    else if (classRegExp.test(value)) instances.push(value);
    else other.push(value);
  }
  if (instances.length > 0) {
    const pos = types.indexOf("object");
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push("Object");
    }
  }
  if (types.length > 0) {
    msg += types.length > 2 ? listJoin(types, "one of type ") : types.length === 2 ? listJoin(types, "one of type ") : `of type ${types[0]}`;
    if (instances.length > 0 || other.length > 0) msg += " or ";
  }
  if (instances.length > 0) {
    msg += listJoin(instances, "an instance of ");
    if (other.length > 0) msg += " or ";
  }
  if (other.length > 0) {
    if (other.length > 1) {
      msg += listJoin(other, "one of ");
    } else {
      if (other[0].toLowerCase() !== other[0]) msg += "an ";
      msg += `${other[0]}`;
    }
  }
  return `${msg}. Received ${receivedText(actual)}`;
}

function define(code, Base, format) {
  const helper = function (...args) {
    return makeNodeError(Base, code, format(...args));
  };
  Object.defineProperty(helper, "name", { value: code });
  return helper;
}

export const ERR_INVALID_ARG_TYPE = define("ERR_INVALID_ARG_TYPE", TypeError, invalidArgTypeMessage);

function invalidArgValueMessage(name, value, reason = "is invalid") {
  // workerd prints the whole inspection (Node cuts it at 128 characters).
  const inspected = inspect(value);
  const type = name.includes(".") ? "property" : "argument";
  return `The ${type} '${name}' ${reason}. Received ${inspected}`;
}
export const ERR_INVALID_ARG_VALUE = define("ERR_INVALID_ARG_VALUE", TypeError, invalidArgValueMessage);
export const ERR_INVALID_ARG_VALUE_RANGE = define("ERR_INVALID_ARG_VALUE", RangeError, invalidArgValueMessage);

// workerd's ERR_OUT_OF_RANGE is its own RangeError subclass (constructor.name
// "ERR_OUT_OF_RANGE") whose stack header reads "RangeError [ERR_OUT_OF_RANGE]: ...".
class OutOfRangeError extends RangeError {
  constructor(message) {
    super(message);
    this.code = "ERR_OUT_OF_RANGE";
    this.name = "RangeError [ERR_OUT_OF_RANGE]";
    void this.stack;
    this.name = "RangeError";
  }
}
Object.defineProperty(OutOfRangeError, "name", { value: "ERR_OUT_OF_RANGE" });

export function ERR_OUT_OF_RANGE(str, range, input, replaceDefaultBoolean = false) {
  let msg = replaceDefaultBoolean ? str : `The value of "${str}" is out of range.`;
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === "bigint") {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += "n";
  } else {
    received = inspect(input);
  }
  msg += ` It must be ${range}. Received ${received}`;
  return new OutOfRangeError(msg);
}

export const ERR_METHOD_NOT_IMPLEMENTED = define("ERR_METHOD_NOT_IMPLEMENTED", Error, (name) => `The ${name} method is not implemented`);
export const ERR_NOT_IMPLEMENTED = define("ERR_METHOD_NOT_IMPLEMENTED", Error, (name) => `The ${name} method is not implemented`);
export const ERR_MISSING_ARGS = define("ERR_MISSING_ARGS", TypeError, (...args) => {
  let msg = "The ";
  const len = args.length;
  const wrap = (a) => `"${a}"`;
  args = args.map((a) => (Array.isArray(a) ? a.map(wrap).join(" or ") : wrap(a)));
  switch (len) {
    case 1:
      msg += `${args[0]} argument`;
      break;
    case 2:
      msg += `${args[0]} and ${args[1]} arguments`;
      break;
    default:
      msg += args.slice(0, len - 1).join(", ");
      msg += `, and ${args[len - 1]} arguments`;
      break;
  }
  return `${msg} must be specified`;
});
export const ERR_UNKNOWN_ENCODING = define("ERR_UNKNOWN_ENCODING", TypeError, (enc) => `Unknown encoding: ${enc}`);
export const ERR_INVALID_RETURN_VALUE = define(
  "ERR_INVALID_RETURN_VALUE",
  TypeError,
  (input, name, value) => `Expected ${input} to be returned from the "${name}" function but got ${determineSpecificType(value)}.`,
);
export const ERR_INVALID_THIS = define("ERR_INVALID_THIS", TypeError, (type) => `Value of "this" must be of type ${type}`);
export const ERR_BUFFER_OUT_OF_BOUNDS = define("ERR_BUFFER_OUT_OF_BOUNDS", RangeError, (name = undefined) =>
  name ? `"${name}" is outside of buffer bounds` : "Attempt to access memory outside buffer bounds",
);
export const ERR_INVALID_BUFFER_SIZE = define("ERR_INVALID_BUFFER_SIZE", RangeError, (size) => `Buffer size must be a multiple of ${size}`);
export const ERR_STRING_TOO_LONG = define("ERR_STRING_TOO_LONG", Error, () => "Cannot create a string longer than 0x1fffffe8 characters");
export const ERR_ILLEGAL_CONSTRUCTOR = define("ERR_ILLEGAL_CONSTRUCTOR", TypeError, () => "Illegal constructor");
export const ERR_INVALID_STATE = define("ERR_INVALID_STATE", Error, (msg) => `Invalid state: ${msg}`);
export const ERR_INVALID_STATE_TYPE = define("ERR_INVALID_STATE", TypeError, (msg) => `Invalid state: ${msg}`);
export const ERR_OPERATION_FAILED = define("ERR_OPERATION_FAILED", Error, (msg) => `Operation failed: ${msg}`);
export const ERR_UNHANDLED_ERROR = define("ERR_UNHANDLED_ERROR", Error, (err = undefined) => {
  const msg = "Unhandled error.";
  if (err === undefined) return msg;
  return `${msg} (${typeof err === "string" ? err : inspect(err)})`;
});
export const ERR_MULTIPLE_CALLBACK = define("ERR_MULTIPLE_CALLBACK", Error, () => "Callback called multiple times");
export function ERR_FALSY_VALUE_REJECTION(reason) {
  return makeNodeError(Error, "ERR_FALSY_VALUE_REJECTION", "Promise was rejected with falsy value", { reason });
}
export const ERR_AMBIGUOUS_ARGUMENT = define("ERR_AMBIGUOUS_ARGUMENT", TypeError, (name, reason) => `The "${name}" argument is ambiguous. ${reason}`);
export const ERR_EVENT_RECURSION = define("ERR_EVENT_RECURSION", Error, (type) => `The event "${type}" is already being dispatched`);
export const ERR_INVALID_URI = define("ERR_INVALID_URI", URIError, () => "URI malformed");
export function ERR_INVALID_URL(input) {
  return makeNodeError(TypeError, "ERR_INVALID_URL", "Invalid URL", { input });
}
export const ERR_INVALID_CHAR = define("ERR_INVALID_CHAR", TypeError, (name, field = undefined) => {
  let msg = `Invalid character in ${name}`;
  if (field !== undefined) msg += ` ["${field}"]`;
  return msg;
});
export const ERR_UNSUPPORTED_OPERATION = define("ERR_UNSUPPORTED_OPERATION", Error, (msg) => msg);
export const ERR_STREAM_PUSH_AFTER_EOF = define("ERR_STREAM_PUSH_AFTER_EOF", Error, () => "stream.push() after EOF");
export const ERR_STREAM_WRITE_AFTER_END = define("ERR_STREAM_WRITE_AFTER_END", Error, () => "write after end");
export const ERR_STREAM_DESTROYED = define("ERR_STREAM_DESTROYED", Error, (method) => `Cannot call ${method} after a stream was destroyed`);
export const ERR_STREAM_NULL_VALUES = define("ERR_STREAM_NULL_VALUES", TypeError, () => "May not write null values to stream");
export const ERR_STREAM_PREMATURE_CLOSE = define("ERR_STREAM_PREMATURE_CLOSE", Error, () => "Premature close");
export const ERR_STREAM_CANNOT_PIPE = define("ERR_STREAM_CANNOT_PIPE", Error, () => "Cannot pipe, not readable");
export const ERR_STREAM_ALREADY_FINISHED = define("ERR_STREAM_ALREADY_FINISHED", Error, (method) => `Cannot call ${method} after a stream was finished`);
export const ERR_STREAM_UNSHIFT_AFTER_END_EVENT = define("ERR_STREAM_UNSHIFT_AFTER_END_EVENT", Error, () => "stream.unshift() after end event");
export const ERR_STREAM_UNABLE_TO_PIPE = define("ERR_STREAM_UNABLE_TO_PIPE", Error, () => "Cannot pipe to a closed or destroyed stream");

export const ERR_SOCKET_BAD_PORT_MESSAGE = define("ERR_SOCKET_BAD_PORT", RangeError, (name, port, allowZero = true) => {
  const operator = allowZero ? ">=" : ">";
  return `${name} should be ${operator} 0 and < 65536. Received ${determineSpecificType(port)}.`;
});
export const ERR_SOCKET_BAD_PORT = ERR_SOCKET_BAD_PORT_MESSAGE;

export class AbortError extends Error {
  constructor(message = "The operation was aborted", options = undefined) {
    super(message, options);
    this.code = "ABORT_ERR";
    this.name = "AbortError";
  }
}

export const codes = {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_OUT_OF_RANGE,
  ERR_METHOD_NOT_IMPLEMENTED,
  ERR_MISSING_ARGS,
  ERR_UNKNOWN_ENCODING,
  ERR_INVALID_RETURN_VALUE,
  ERR_INVALID_THIS,
  ERR_BUFFER_OUT_OF_BOUNDS,
  ERR_INVALID_BUFFER_SIZE,
  ERR_STRING_TOO_LONG,
  ERR_ILLEGAL_CONSTRUCTOR,
  ERR_INVALID_STATE,
  ERR_OPERATION_FAILED,
  ERR_UNHANDLED_ERROR,
  ERR_MULTIPLE_CALLBACK,
  ERR_FALSY_VALUE_REJECTION,
  ERR_AMBIGUOUS_ARGUMENT,
  ERR_EVENT_RECURSION,
  ERR_INVALID_URI,
  ERR_INVALID_URL,
  ERR_INVALID_CHAR,
  ERR_UNSUPPORTED_OPERATION,
  ERR_STREAM_PUSH_AFTER_EOF,
  ERR_STREAM_WRITE_AFTER_END,
  ERR_STREAM_DESTROYED,
  ERR_STREAM_NULL_VALUES,
  ERR_STREAM_PREMATURE_CLOSE,
  ERR_STREAM_CANNOT_PIPE,
  ERR_STREAM_ALREADY_FINISHED,
  ERR_STREAM_UNSHIFT_AFTER_END_EVENT,
  ERR_STREAM_UNABLE_TO_PIPE,
  ERR_SOCKET_BAD_PORT,
};
