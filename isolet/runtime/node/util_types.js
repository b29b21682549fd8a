// node:util/types — brand checks written in JS (no V8 natives after boot).
// Exports: isExternal isDate isArgumentsObject isBigIntObject isBooleanObject
// isNumberObject isStringObject isSymbolObject isNativeError isRegExp isAsyncFunction
// isGeneratorFunction isGeneratorObject isPromise isMap isSet isMapIterator isSetIterator
// isWeakMap isWeakSet isArrayBuffer isDataView isSharedArrayBuffer isProxy
// isModuleNamespaceObject isAnyArrayBuffer isBoxedPrimitive isArrayBufferView isTypedArray
// isUint8Array isUint8ClampedArray isUint16Array isUint32Array isInt8Array isInt16Array
// isInt32Array isFloat32Array isFloat64Array isBigInt64Array isBigUint64Array isKeyObject
// isCryptoKey; default export: the same members.
// Best effort: isProxy and isExternal are always false (no V8 brand check is reachable from
// JS); isPromise trusts the Promise brand tag; isNativeError checks the Error brand via
// Object.prototype.toString plus the prototype chain.
"use strict";

const TypedArray = Object.getPrototypeOf(Uint8Array);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get;
const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get;
const sabByteLength =
  typeof SharedArrayBuffer === "function"
    ? Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, "byteLength").get
    : null;
const dvByteLength = Object.getOwnPropertyDescriptor(DataView.prototype, "byteLength").get;
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, "size").get;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, "size").get;
const regexpFlags = Object.getOwnPropertyDescriptor(RegExp.prototype, "global").get;
const toStr = Object.prototype.toString;
const fnToString = Function.prototype.toString;
const MapIteratorProto = Object.getPrototypeOf(new Map()[Symbol.iterator]());
const SetIteratorProto = Object.getPrototypeOf(new Set()[Symbol.iterator]());
const mapIterNext = MapIteratorProto.next;
const setIterNext = SetIteratorProto.next;
const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;
const GeneratorProto = Object.getPrototypeOf(GeneratorFunction.prototype.prototype);
const GeneratorNext = GeneratorFunction.prototype.prototype.next;

// Brand checks call a builtin that throws on the wrong receiver; the stack trace of that
// throw is skipped (stackTraceLimit 0), which keeps a failed check cheap.
function attempt(fn, value) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    fn.call(value);
    return true;
  } catch {
    return false;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

const isObjectLike = (v) => v !== null && (typeof v === "object" || typeof v === "function");

export function isExternal() {
  return false;
}
export function isDate(v) {
  return isObjectLike(v) && attempt(Date.prototype.getTime, v);
}
export function isArgumentsObject(v) {
  return isObjectLike(v) && toStr.call(v) === "[object Arguments]" && !(Symbol.toStringTag in v);
}
export function isBigIntObject(v) {
  return typeof v === "object" && v !== null && typeof BigInt === "function" && attempt(BigInt.prototype.valueOf, v);
}
export function isBooleanObject(v) {
  return typeof v === "object" && v !== null && attempt(Boolean.prototype.valueOf, v);
}
export function isNumberObject(v) {
  return typeof v === "object" && v !== null && attempt(Number.prototype.valueOf, v);
}
export function isStringObject(v) {
  return typeof v === "object" && v !== null && attempt(String.prototype.valueOf, v);
}
export function isSymbolObject(v) {
  return typeof v === "object" && v !== null && attempt(Symbol.prototype.valueOf, v);
}
export function isBoxedPrimitive(v) {
  return isNumberObject(v) || isStringObject(v) || isBooleanObject(v) || isBigIntObject(v) || isSymbolObject(v);
}
export function isNativeError(v) {
  if (!isObjectLike(v)) return false;
  if (v instanceof Error) return true;
  // Errors from another realm or with a foreign prototype still carry the [[ErrorData]] tag.
  return toStr.call(v) === "[object Error]" && !(Symbol.toStringTag in v) && Object.getPrototypeOf(v) !== Object.prototype;
}
export function isRegExp(v) {
  return isObjectLike(v) && v !== RegExp.prototype && attempt(regexpFlags, v);
}
export function isAsyncFunction(v) {
  return typeof v === "function" && (v instanceof AsyncFunction || v instanceof AsyncGeneratorFunction || /^async\b/.test(safeSource(v)));
}
export function isGeneratorFunction(v) {
  return typeof v === "function" && (v instanceof GeneratorFunction || v instanceof AsyncGeneratorFunction);
}
export function isGeneratorObject(v) {
  if (!isObjectLike(v)) return false;
  const tag = toStr.call(v);
  if (tag === "[object Generator]" || tag === "[object AsyncGenerator]") {
    let p = Object.getPrototypeOf(v);
    while (p !== null) {
      if (p === GeneratorProto || p === Object.getPrototypeOf(AsyncGeneratorFunction.prototype.prototype)) return true;
      p = Object.getPrototypeOf(p);
    }
  }
  return false;
}
function safeSource(fn) {
  try {
    return fnToString.call(fn);
  } catch {
    return "";
  }
}
export function isPromise(v) {
  return isObjectLike(v) && (v instanceof Promise || toStr.call(v) === "[object Promise]");
}
export function isMap(v) {
  return isObjectLike(v) && attempt(mapSize, v);
}
export function isSet(v) {
  return isObjectLike(v) && attempt(setSize, v);
}
export function isMapIterator(v) {
  return isObjectLike(v) && toStr.call(v) === "[object Map Iterator]" && Object.getPrototypeOf(v) === MapIteratorProto;
}
export function isSetIterator(v) {
  return isObjectLike(v) && toStr.call(v) === "[object Set Iterator]" && Object.getPrototypeOf(v) === SetIteratorProto;
}
export function isWeakMap(v) {
  return isObjectLike(v) && attempt(function () {
    WeakMap.prototype.has.call(this, {});
  }, v);
}
export function isWeakSet(v) {
  return isObjectLike(v) && attempt(function () {
    WeakSet.prototype.has.call(this, {});
  }, v);
}
export function isArrayBuffer(v) {
  return isObjectLike(v) && attempt(abByteLength, v);
}
export function isSharedArrayBuffer(v) {
  return sabByteLength !== null && isObjectLike(v) && attempt(sabByteLength, v);
}
export function isAnyArrayBuffer(v) {
  return isArrayBuffer(v) || isSharedArrayBuffer(v);
}
export function isDataView(v) {
  return isObjectLike(v) && attempt(dvByteLength, v);
}
export function isProxy() {
  return false;
}
export function isModuleNamespaceObject(v) {
  return isObjectLike(v) && Object.getPrototypeOf(v) === null && v[Symbol.toStringTag] === "Module" && Object.isSealed(v);
}
export function isArrayBufferView(v) {
  return ArrayBuffer.isView(v);
}
export function isTypedArray(v) {
  return typedArrayTag.call(v) !== undefined;
}
const tagCheck = (name) => (v) => typedArrayTag.call(v) === name;
export const isUint8Array = tagCheck("Uint8Array");
export const isUint8ClampedArray = tagCheck("Uint8ClampedArray");
export const isUint16Array = tagCheck("Uint16Array");
export const isUint32Array = tagCheck("Uint32Array");
export const isInt8Array = tagCheck("Int8Array");
export const isInt16Array = tagCheck("Int16Array");
export const isInt32Array = tagCheck("Int32Array");
export const isFloat16Array = tagCheck("Float16Array");
export const isFloat32Array = tagCheck("Float32Array");
export const isFloat64Array = tagCheck("Float64Array");
export const isBigInt64Array = tagCheck("BigInt64Array");
export const isBigUint64Array = tagCheck("BigUint64Array");
export function isKeyObject(v) {
  return isObjectLike(v) && typeof v.type === "string" && typeof v.export === "function" && toStr.call(v) === "[object KeyObject]";
}
export function isCryptoKey(v) {
  return typeof CryptoKey === "function" && v instanceof CryptoKey;
}

const types = {
  isExternal, isDate, isArgumentsObject, isBigIntObject, isBooleanObject, isNumberObject,
  isStringObject, isSymbolObject, isNativeError, isRegExp, isAsyncFunction, isGeneratorFunction,
  isGeneratorObject, isPromise, isMap, isSet, isMapIterator, isSetIterator, isWeakMap, isWeakSet,
  isArrayBuffer, isDataView, isSharedArrayBuffer, isProxy, isModuleNamespaceObject,
  isAnyArrayBuffer, isBoxedPrimitive, isArrayBufferView, isTypedArray, isUint8Array,
  isUint8ClampedArray, isUint16Array, isUint32Array, isInt8Array, isInt16Array, isInt32Array,
  isFloat16Array, isFloat32Array, isFloat64Array, isBigInt64Array, isBigUint64Array, isKeyObject,
  isCryptoKey,
};
export default types;
