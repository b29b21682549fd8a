// FormData (XMLHttpRequest Standard, as workerd has it: api/form-data.c++).
//
// An ordered list of [name, value] entries, value a string or a File. A Blob
// value (or a File with a filename given) becomes a File named by the
// filename, or by the entry's name when none is given (workerd's blobToFile).
// The multipart/form-data and urlencoded wire formats live in 22_body.js.
//
// internals.formData: brand check and direct access to the entry list.
"use strict";
((internals) => {
  // workerd converts an absent argument from undefined, which its parameter types reject.
  function argCount(method, given) {
    const type = given === 0 ? "string" : "File or Blob or string";
    return new TypeError(
      `Failed to execute '${method}' on 'FormData': parameter ${given + 1} is not of type '${type}'.`);
  }

  // workerd holds names and values as UTF-8 kj::Strings written as WTF-8 and read back
  // leniently, so each lone surrogate becomes three U+FFFD (one per byte of ED A0 80).
  const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  function toKjString(v) {
    const s = String(v);
    return s.isWellFormed() ? s : s.replace(LONE_SURROGATE, "\uFFFD\uFFFD\uFFFD");
  }

  function toEntryValue(name, value, filename, hasFilename) {
    const blob = internals.blob;
    if (blob.isBlob(value)) {
      if (blob.isFile(value) && !hasFilename) return value;
      const fn = hasFilename ? toKjString(filename) : name;
      return blob.fileFromBytes(blob.bytesOf(value), fn, value.type, Date.now());
    }
    // A filename given with a string value is ignored, as workerd does.
    return toKjString(value);
  }

  class FormDataIterator {
    #list;
    #index = 0;
    #kind;
    constructor(list, kind) {
      this.#list = list;
      this.#kind = kind;
    }
    next() {
      // Live over the list, like workerd's index-based iterator.
      if (this.#index >= this.#list.length) return { value: undefined, done: true };
      const [name, value] = this.#list[this.#index++];
      const v = this.#kind === "entries" ? [name, value] : this.#kind === "keys" ? name : value;
      return { value: v, done: false };
    }
    [Symbol.iterator]() {
      return this;
    }
    get [Symbol.toStringTag]() {
      return "FormDataIterator";
    }
  }

  let listOf;

  class FormData {
    #list = [];

    constructor(form = undefined) {
      // workerd ignores the (HTMLFormElement) argument.
    }

    append(name, value, filename = undefined) {
      if (arguments.length < 2) throw argCount("append", arguments.length);
      name = toKjString(name);
      this.#list.push([name, toEntryValue(name, value, filename, arguments.length > 2)]);
    }

    set(name, value, filename = undefined) {
      if (arguments.length < 2) throw argCount("set", arguments.length);
      name = toKjString(name);
      const entry = [name, toEntryValue(name, value, filename, arguments.length > 2)];
      const list = this.#list;
      const first = list.findIndex((e) => e[0] === name);
      if (first === -1) {
        list.push(entry);
        return;
      }
      list[first] = entry;
      for (let i = list.length - 1; i > first; i--) {
        if (list[i][0] === name) list.splice(i, 1);
      }
    }

    delete(name) {
      if (arguments.length < 1) throw argCount("delete", 0);
      name = toKjString(name);
      const list = this.#list;
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i][0] === name) list.splice(i, 1);
      }
    }

    get(name) {
      if (arguments.length < 1) throw argCount("get", 0);
      name = toKjString(name);
      const entry = this.#list.find((e) => e[0] === name);
      return entry === undefined ? null : entry[1];
    }

    getAll(name) {
      if (arguments.length < 1) throw argCount("getAll", 0);
      name = toKjString(name);
      return this.#list.filter((e) => e[0] === name).map((e) => e[1]);
    }

    has(name) {
      if (arguments.length < 1) throw argCount("has", 0);
      name = toKjString(name);
      return this.#list.some((e) => e[0] === name);
    }

    entries() {
      return new FormDataIterator(this.#list, "entries");
    }

    keys() {
      return new FormDataIterator(this.#list, "keys");
    }

    values() {
      return new FormDataIterator(this.#list, "values");
    }

    forEach(callback, thisArg = undefined) {
      if (typeof callback !== "function") {
        throw new TypeError(
          "Failed to execute 'forEach' on 'FormData': parameter 1 is not of type 'Function'.");
      }
      for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
    }

    [Symbol.iterator]() {
      return this.entries();
    }

    get [Symbol.toStringTag]() {
      return "FormData";
    }

    static {
      listOf = (fd) => fd.#list;
    }

    static isFormData(x) {
      return x !== null && typeof x === "object" && #list in x;
    }
  }
  const isFormData = FormData.isFormData;
  delete FormData.isFormData;

  internals.formData = {
    FormData,
    isFormData,
    // The live [name, value] entry list.
    listOf,
  };
  internals.exposeGlobal("FormData", FormData);
})(globalThis.__isolet_internals);
