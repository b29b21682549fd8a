// Headers (Fetch Standard, as workerd has it: api/headers.c++).
//
// Names are matched case-insensitively and kept with the casing first given,
// which is what goes on the wire. Iteration is sorted by lower-cased name,
// values of one name are joined with ", ", except Set-Cookie whose values stay
// separate entries. A guard other than "none" makes the object immutable;
// workerd uses it for the incoming Request's headers ("request"), fetch()
// responses ("response") and Response.redirect() ("immutable").
//
// internals.headers: the unguarded, unvalidated helpers the other fetch files
// use (wire conversion, content-type defaults).
"use strict";
((internals) => {
  const kInvalidName = "Invalid header name.";
  const kInvalidValue = "Invalid header value.";
  const kImmutable = "Can't modify immutable headers.";
  const kInitType =
    "Failed to construct 'Headers': constructor parameter 1 is not of type 'Headers or Sequence or object'.";

  // workerd checks each UTF-8 byte of a name against RFC 2616's token set (not CTLs, DEL,
  // whitespace or separators), so bytes >= 0x80 (non-ASCII names) and the empty name pass.
  const BAD_NAME = /[\x00-\x20\x7f()<>@,;:\\"/[\]?={}]/;
  const UPPER = /[A-Z]/g;
  // Leading/trailing HTTP whitespace (tab, LF, CR, space).
  const TRIM = /^[\t\n\r ]+|[\t\n\r ]+$/g;
  const BAD_VALUE = /[\0\r\n]/;

  // ASCII-only lower-casing, as workerd's toLower.
  function asciiLower(name) {
    return name.replace(UPPER, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
  }

  function lowerName(name) {
    name = String(name);
    if (BAD_NAME.test(name)) throw new TypeError(kInvalidName);
    return asciiLower(name);
  }

  function normalizeValue(value) {
    value = String(value).replace(TRIM, "");
    if (BAD_VALUE.test(value)) throw new TypeError(kInvalidValue);
    return value;
  }

  // workerd's iterator classes are named EntryIterator, KeyIterator and ValueIterator.
  class HeadersIterator {
    #items;
    #index = 0;
    #tag;
    constructor(items, tag) {
      this.#items = items;
      this.#tag = tag;
    }
    next() {
      if (this.#index >= this.#items.length) return { value: undefined, done: true };
      return { value: this.#items[this.#index++], done: false };
    }
    [Symbol.iterator]() {
      return this;
    }
    get [Symbol.toStringTag]() {
      return this.#tag;
    }
  }

  let mapOf;
  let guardOf;
  let setGuard;

  class Headers {
    // lower-cased name -> { name: first-given casing, values: [string] }
    #map = new Map();
    #guard = "none";

    constructor(init = undefined) {
      if (init === undefined) return;
      if (init === null || (typeof init !== "object" && typeof init !== "function")) {
        throw new TypeError(kInitType);
      }
      if (#map in init) {
        for (const [key, entry] of init.#map) {
          this.#map.set(key, { name: entry.name, values: entry.values.slice() });
        }
        return;
      }
      const iter = init[Symbol.iterator];
      if (iter !== undefined && iter !== null) {
        if (typeof iter !== "function") throw new TypeError(kInitType);
        for (const pair of init) {
          if (pair === null || (typeof pair !== "object" && typeof pair !== "function") ||
              typeof pair[Symbol.iterator] !== "function") {
            throw new TypeError("Incorrect type: the provided value is not of type 'Sequence'.");
          }
          const entry = Array.from(pair);
          if (entry.length !== 2) {
            throw new TypeError(
              "To initialize a Headers object from a sequence, each inner sequence " +
              "must have exactly two elements.");
          }
          this.append(entry[0], entry[1]);
        }
        return;
      }
      for (const key of Object.keys(init)) {
        this.append(key, init[key]);
      }
    }

    #checkGuard() {
      if (this.#guard !== "none") throw new TypeError(kImmutable);
    }

    #add(name, key, value) {
      const entry = this.#map.get(key);
      if (entry === undefined) this.#map.set(key, { name, values: [value] });
      else entry.values.push(value);
    }

    #set(name, key, value) {
      const entry = this.#map.get(key);
      if (entry === undefined) this.#map.set(key, { name, values: [value] });
      else entry.values = [value];
    }

    append(name, value) {
      if (arguments.length < 2) throw argCount("append", arguments.length);
      this.#checkGuard();
      name = String(name);
      value = normalizeValue(value);
      this.#add(name, lowerName(name), value);
    }

    set(name, value) {
      if (arguments.length < 2) throw argCount("set", arguments.length);
      this.#checkGuard();
      name = String(name);
      value = normalizeValue(value);
      this.#set(name, lowerName(name), value);
    }

    delete(name) {
      if (arguments.length < 1) throw argCount("delete", 0);
      this.#checkGuard();
      this.#map.delete(lowerName(name));
    }

    get(name) {
      if (arguments.length < 1) throw argCount("get", 0);
      const entry = this.#map.get(lowerName(name));
      return entry === undefined ? null : entry.values.join(", ");
    }

    // workerd's legacy extension: only for Set-Cookie.
    getAll(name) {
      if (arguments.length < 1) throw argCount("getAll", 0);
      if (asciiLower(String(name)) !== "set-cookie") {
        throw new TypeError("getAll() can only be used with the header name \"Set-Cookie\".");
      }
      return this.getSetCookie();
    }

    getSetCookie() {
      const entry = this.#map.get("set-cookie");
      return entry === undefined ? [] : entry.values.slice();
    }

    has(name) {
      if (arguments.length < 1) throw argCount("has", 0);
      return this.#map.has(lowerName(name));
    }

    // [lower-cased name, combined value] pairs, sorted; Set-Cookie values apart.
    #displayed() {
      const keys = Array.from(this.#map.keys()).sort();
      const out = [];
      for (const key of keys) {
        const { values } = this.#map.get(key);
        if (key === "set-cookie") {
          for (const v of values) out.push([key, v]);
        } else {
          out.push([key, values.join(", ")]);
        }
      }
      return out;
    }

    entries() {
      return new HeadersIterator(this.#displayed(), "EntryIterator");
    }

    keys() {
      return new HeadersIterator(this.#displayed().map((e) => e[0]), "KeyIterator");
    }

    values() {
      return new HeadersIterator(this.#displayed().map((e) => e[1]), "ValueIterator");
    }

    forEach(callback, thisArg = undefined) {
      if (typeof callback !== "function") {
        throw new TypeError(
          "Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
      }
      for (const [key, value] of this.#displayed()) {
        callback.call(thisArg, value, key, this);
      }
    }

    [Symbol.iterator]() {
      return this.entries();
    }

    get [Symbol.toStringTag]() {
      return "Headers";
    }

    static {
      mapOf = (h) => h.#map;
      guardOf = (h) => h.#guard;
      setGuard = (h, guard) => {
        h.#guard = guard;
      };
    }

    static isHeaders(x) {
      return x !== null && typeof x === "object" && #map in x;
    }
  }
  const isHeaders = Headers.isHeaders;
  delete Headers.isHeaders;

  // workerd converts the absent argument from undefined, which a kj::String rejects.
  function argCount(method, given) {
    return new TypeError(
      `Failed to execute '${method}' on 'Headers': parameter ${given + 1} is not of type 'string'.`);
  }

  // Headers from wire pairs, trusted (already validated by the HTTP front end).
  function fromPairs(pairs, guard = "none") {
    const h = new Headers();
    const map = mapOf(h);
    for (let i = 0; i < pairs.length; i++) {
      const name = pairs[i][0];
      const value = pairs[i][1];
      const key = asciiLower(name);
      const entry = map.get(key);
      if (entry === undefined) map.set(key, { name, values: [value] });
      else entry.values.push(value);
    }
    setGuard(h, guard);
    return h;
  }

  // [[name, value], ...] with every value apart, in insertion order of names: the wire form.
  // Names workerd's Headers accepts but HTTP cannot carry (empty, non-ASCII) are left out, so
  // the HTTP front end never writes a malformed header line.
  const WIRE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  function toPairs(h) {
    const out = [];
    for (const entry of mapOf(h).values()) {
      if (!WIRE_NAME.test(entry.name)) continue;
      for (const v of entry.values) out.push([entry.name, v]);
    }
    return out;
  }

  function copy(h, guard = undefined) {
    const c = new Headers(h);
    setGuard(c, guard === undefined ? guardOf(h) : guard);
    return c;
  }

  // The first value of a header, bypassing validation (name must be lower-case).
  function getRaw(h, key) {
    const entry = mapOf(h).get(key);
    return entry === undefined ? null : entry.values.join(", ");
  }

  // Set ignoring the guard (name given in canonical casing, value trusted).
  function setRaw(h, name, value) {
    mapOf(h).set(asciiLower(name), { name, values: [value] });
  }

  internals.headers = {
    Headers,
    isHeaders,
    fromPairs,
    toPairs,
    copy,
    getRaw,
    setRaw,
    guardOf,
    setGuard,
    // Headers from a HeadersInit (or a fresh empty one for undefined).
    fromInit(init) {
      return new Headers(init);
    },
  };
  internals.exposeGlobal("Headers", internals.webidl.newOnlyConstructor(Headers));
})(globalThis.__isolet_internals);
