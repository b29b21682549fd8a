// URL (WHATWG URL, parsed by ada in Python) and URLSearchParams (pure JS).
//
// One op per parse or setter: op_url_parse / op_url_set return
// [href, protocol_end, username_end, host_start, host_end, port, pathname_start,
// search_start, hash_start] and every getter slices `href` here. Updating a
// URL from its searchParams is pure JS (the serialized query is always valid).
//
// Exports `internals.url = { URL, URLSearchParams, parse(url, base) -> record|null, seed(url, record),
// serializeForm(pairs), parseForm(str) }`. URLPattern is not implemented.
"use strict";
((internals) => {
  const { TypeError, Error, String, Symbol, Object, Array } = globalThis;
  const { checkArguments, newOnlyConstructor, toUSVString } = internals.webidl;

  const INVALID_URL = "Invalid URL string.";
  // Setter ids shared with ops/url.py (_SETTERS there).
  const SET_HREF = 0, SET_PROTOCOL = 1, SET_USERNAME = 2, SET_PASSWORD = 3, SET_HOST = 4,
    SET_HOSTNAME = 5, SET_PORT = 6, SET_PATHNAME = 7, SET_SEARCH = 8, SET_HASH = 9;
  // Record slots.
  const HREF = 0, PROTOCOL_END = 1, USERNAME_END = 2, HOST_START = 3, HOST_END = 4, PORT = 5,
    PATHNAME_START = 6, SEARCH_START = 7, HASH_START = 8;

  const SPECIAL_ORIGIN = new Set(["http:", "https:", "ws:", "wss:", "ftp:"]);

  // The record of the request URL being dispatched, parsed by the host before
  // the request crossed over (runtime/host.py parse_url): parsing that same
  // string again needs no op. One entry; a copy is handed out.
  let seededUrl = null, seededRecord = null;
  function seed(url, record) {
    seededUrl = url;
    seededRecord = record;
  }

  function parse(url, base) {
    if (base === undefined && url === seededUrl) return seededRecord.slice();
    return internals.ops.op_url_parse(url, base === undefined ? null : base);
  }

  // -- application/x-www-form-urlencoded ---------------------------------------------------
  const HEX = "0123456789ABCDEF";
  function hexVal(c) {
    if (c >= 0x30 && c <= 0x39) return c - 0x30;
    if (c >= 0x41 && c <= 0x46) return c - 0x37;
    if (c >= 0x61 && c <= 0x66) return c - 0x57;
    return -1;
  }
  function formDecode(s) {
    if (s.indexOf("+") !== -1) s = s.replace(/\+/g, " ");
    if (s.indexOf("%") === -1) return s;
    const bytes = internals.encoding.utf8Encode(s);
    const out = new Uint8Array(bytes.length);
    let o = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 0x25 && i + 2 < bytes.length) {
        const h = hexVal(bytes[i + 1]), l = hexVal(bytes[i + 2]);
        if (h >= 0 && l >= 0) {
          out[o++] = (h << 4) | l;
          i += 2;
          continue;
        }
      }
      out[o++] = b;
    }
    return internals.encoding.utf8Decode(out.subarray(0, o), false, true);
  }
  function parseForm(input) {
    const list = [];
    if (input === "") return list;
    for (const seq of input.split("&")) {
      if (seq === "") continue;
      const eq = seq.indexOf("=");
      const name = eq === -1 ? seq : seq.slice(0, eq);
      const value = eq === -1 ? "" : seq.slice(eq + 1);
      list.push([formDecode(name), formDecode(value)]);
    }
    return list;
  }
  function isSafe(c) {
    return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ||
      c === 0x2a || c === 0x2d || c === 0x2e || c === 0x5f;
  }
  function formEncode(s) {
    let ascii = true;
    for (let i = 0; i < s.length; i++) {
      if (!isSafe(s.charCodeAt(i))) { ascii = false; break; }
    }
    if (ascii) return s;
    const bytes = internals.encoding.utf8Encode(s);
    let out = "";
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (isSafe(b)) out += String.fromCharCode(b);
      else if (b === 0x20) out += "+";
      else out += "%" + HEX[b >> 4] + HEX[b & 15];
    }
    return out;
  }
  function serializeForm(list) {
    let out = "";
    for (let i = 0; i < list.length; i++) {
      if (i > 0) out += "&";
      out += formEncode(list[i][0]) + "=" + formEncode(list[i][1]);
    }
    return out;
  }

  // -- URLSearchParams ---------------------------------------------------------------------
  // Live iterators (they read the list at each step), tagged as workerd's EntryIterator,
  // KeyIterator and ValueIterator.
  const ENTRIES = 0, KEYS = 1, VALUES = 2;
  const ITERATOR_TAGS = ["EntryIterator", "KeyIterator", "ValueIterator"];
  class ParamsIterator {
    #params;
    #kind;
    #index = 0;
    constructor(params, kind) {
      this.#params = params;
      this.#kind = kind;
    }
    next() {
      const list = paramsList(this.#params);
      if (this.#index >= list.length) return { value: undefined, done: true };
      const [k, v] = list[this.#index++];
      return { value: this.#kind === ENTRIES ? [k, v] : this.#kind === KEYS ? k : v, done: false };
    }
    [Symbol.iterator]() { return this; }
    get [Symbol.toStringTag]() { return ITERATOR_TAGS[this.#kind]; }
  }
  const kInit = Symbol("isolet.URLSearchParams.init");
  const kFromRecord = Symbol("isolet.URL.fromRecord");

  class URLSearchParams {
    #list = [];
    #url = null; // the URL whose query this object mirrors

    constructor(init = undefined) {
      if (init === kInit) return; // internal: filled by the URL
      if (init === undefined || init === null) return;
      if (typeof init === "object" || typeof init === "function") {
        const iter = init[Symbol.iterator];
        if (iter !== undefined && iter !== null) {
          if (typeof iter !== "function") {
            throw new TypeError("Failed to construct 'URLSearchParams': The provided value is not iterable.");
          }
          for (const pair of init) {
            if (pair === null || typeof pair !== "object" || typeof pair[Symbol.iterator] !== "function") {
              throw new TypeError("Incorrect type: the provided value is not of type 'Sequence'.");
            }
            const items = Array.from(pair);
            if (items.length !== 2) throw new TypeError("Invalid URL search params sequence.");
            this.#list.push([toUSVString(items[0]), toUSVString(items[1])]);
          }
        } else {
          for (const key of Reflect.ownKeys(init)) {
            if (typeof key !== "string") continue;
            const desc = Reflect.getOwnPropertyDescriptor(init, key);
            if (desc === undefined || !desc.enumerable) continue;
            this.#list.push([toUSVString(key), toUSVString(init[key])]);
          }
        }
        return;
      }
      let s = toUSVString(init);
      if (s.charCodeAt(0) === 0x3f) s = s.slice(1);
      this.#list = parseForm(s);
    }

    #update() {
      if (this.#url !== null) urlSetQueryFromParams(this.#url, serializeForm(this.#list));
    }

    get size() { return this.#list.length; }

    append(name, value) {
      checkArguments(arguments.length, ["USVString", "USVString"], "Failed to execute 'append' on 'URLSearchParams'");
      this.#list.push([toUSVString(name), toUSVString(value)]);
      this.#update();
    }
    delete(name, value = undefined) {
      checkArguments(arguments.length, ["USVString"], "Failed to execute 'delete' on 'URLSearchParams'");
      name = toUSVString(name);
      if (value === undefined) {
        this.#list = this.#list.filter((p) => p[0] !== name);
      } else {
        value = toUSVString(value);
        this.#list = this.#list.filter((p) => p[0] !== name || p[1] !== value);
      }
      this.#update();
    }
    get(name) {
      checkArguments(arguments.length, ["USVString"], "Failed to execute 'get' on 'URLSearchParams'");
      name = toUSVString(name);
      for (const p of this.#list) if (p[0] === name) return p[1];
      return null;
    }
    getAll(name) {
      checkArguments(arguments.length, ["USVString"], "Failed to execute 'getAll' on 'URLSearchParams'");
      name = toUSVString(name);
      return this.#list.filter((p) => p[0] === name).map((p) => p[1]);
    }
    has(name, value = undefined) {
      checkArguments(arguments.length, ["USVString"], "Failed to execute 'has' on 'URLSearchParams'");
      name = toUSVString(name);
      if (value === undefined) return this.#list.some((p) => p[0] === name);
      value = toUSVString(value);
      return this.#list.some((p) => p[0] === name && p[1] === value);
    }
    set(name, value) {
      checkArguments(arguments.length, ["USVString", "USVString"], "Failed to execute 'set' on 'URLSearchParams'");
      name = toUSVString(name);
      value = toUSVString(value);
      const i = this.#list.findIndex((p) => p[0] === name);
      if (i === -1) {
        this.#list.push([name, value]);
      } else {
        this.#list[i][1] = value;
        this.#list = this.#list.filter((p, j) => j <= i || p[0] !== name);
      }
      this.#update();
    }
    sort() {
      // Stable sort by UTF-16 code units of the name.
      this.#list = this.#list
        .map((p, i) => [p, i])
        .sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1]))
        .map((x) => x[0]);
      this.#update();
    }
    forEach(callback, thisArg = undefined) {
      checkArguments(arguments.length, ["Function"], "Failed to execute 'forEach' on 'URLSearchParams'");
      if (typeof callback !== "function") {
        throw new TypeError("Failed to execute 'forEach' on 'URLSearchParams': parameter 1 is not of type 'Function'.");
      }
      for (let i = 0; i < this.#list.length; i++) {
        const [k, v] = this.#list[i];
        callback.call(thisArg, v, k, this);
      }
    }
    entries() { return new ParamsIterator(this, ENTRIES); }
    keys() { return new ParamsIterator(this, KEYS); }
    values() { return new ParamsIterator(this, VALUES); }
    toString() { return serializeForm(this.#list); }

    static _list(params) { return params.#list; }
    static _attach(params, url, query) {
      params.#url = url;
      params.#list = parseForm(query);
    }
    static _reset(params, query) { params.#list = parseForm(query); }
  }
  URLSearchParams.prototype[Symbol.iterator] = URLSearchParams.prototype.entries;
  Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, { enumerable: false });
  Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: "URLSearchParams", configurable: true });
  const paramsAttach = URLSearchParams._attach, paramsReset = URLSearchParams._reset;
  const paramsList = URLSearchParams._list;
  delete URLSearchParams._list;
  delete URLSearchParams._attach;
  delete URLSearchParams._reset;

  // -- URL ---------------------------------------------------------------------------------
  class URL {
    #rec;
    #params = null;

    constructor(url, base = undefined) {
      if (url === kFromRecord) { this.#rec = base; return; } // internal: URL.parse
      checkArguments(arguments.length, ["USVString"], "Failed to construct 'URL'", true);
      const rec = parse(toUSVString(url), base === undefined ? undefined : toUSVString(base));
      if (rec === null) throw new TypeError(INVALID_URL);
      this.#rec = rec;
    }

    static canParse(url, base = undefined) {
      checkArguments(arguments.length, ["USVString"], "Failed to execute 'canParse' on 'URL'");
      return parse(toUSVString(url), base === undefined ? undefined : toUSVString(base)) !== null;
    }
    static parse(url, base = undefined) {
      checkArguments(arguments.length, ["USVString"], "Failed to execute 'parse' on 'URL'");
      const rec = parse(toUSVString(url), base === undefined ? undefined : toUSVString(base));
      return rec === null ? null : new URL(kFromRecord, rec);
    }
    static createObjectURL() { throw new Error("URL.createObjectURL() is not implemented"); }
    static revokeObjectURL() { throw new Error("URL.revokeObjectURL() is not implemented"); }

    #set(setter, value) {
      const rec = internals.ops.op_url_set(this.#rec[HREF], setter, toUSVString(value));
      if (rec === null) {
        if (setter === SET_HREF) {
          throw new TypeError("Failed to set the 'href' property on 'URL': the provided value " +
            "is not of type 'valid URL string'.");
        }
        return;
      }
      this.#rec = rec;
      if (this.#params !== null) paramsReset(this.#params, this.#query());
    }
    #query() {
      const s = this.search;
      return s === "" ? "" : s.slice(1);
    }

    get href() { return this.#rec[HREF]; }
    set href(v) { this.#set(SET_HREF, v); }
    toString() { return this.#rec[HREF]; }
    toJSON() { return this.#rec[HREF]; }

    get origin() {
      const protocol = this.protocol;
      if (SPECIAL_ORIGIN.has(protocol)) return `${protocol}//${this.host}`;
      if (protocol === "blob:") {
        const inner = parse(this.pathname);
        if (inner !== null) {
          const p = inner[HREF].slice(0, inner[PROTOCOL_END]);
          if (p === "http:" || p === "https:") {
            return new URL(kFromRecord, inner).origin;
          }
        }
      }
      return "null";
    }
    get protocol() { return this.#rec[HREF].slice(0, this.#rec[PROTOCOL_END]); }
    set protocol(v) { this.#set(SET_PROTOCOL, v); }
    get username() {
      const r = this.#rec;
      return r[PROTOCOL_END] + 2 < r[USERNAME_END] ? r[HREF].slice(r[PROTOCOL_END] + 2, r[USERNAME_END]) : "";
    }
    set username(v) { this.#set(SET_USERNAME, v); }
    get password() {
      const r = this.#rec;
      return r[HOST_START] - r[USERNAME_END] > 0 ? r[HREF].slice(r[USERNAME_END] + 1, r[HOST_START]) : "";
    }
    set password(v) { this.#set(SET_PASSWORD, v); }
    get host() {
      const r = this.#rec;
      if (r[HOST_START] === r[HOST_END]) return "";
      let start = r[HOST_START];
      if (r[HREF].charCodeAt(start) === 0x40) start++;
      return r[HREF].slice(start, r[PATHNAME_START]);
    }
    set host(v) { this.#set(SET_HOST, v); }
    get hostname() {
      const r = this.#rec;
      let start = r[HOST_START];
      if (r[HOST_END] > start && r[HREF].charCodeAt(start) === 0x40) start++;
      return r[HREF].slice(start, r[HOST_END]);
    }
    set hostname(v) { this.#set(SET_HOSTNAME, v); }
    get port() { return this.#rec[PORT] === -1 ? "" : String(this.#rec[PORT]); }
    set port(v) { this.#set(SET_PORT, v); }
    get pathname() {
      const r = this.#rec;
      const end = r[SEARCH_START] !== -1 ? r[SEARCH_START] : r[HASH_START] !== -1 ? r[HASH_START] : r[HREF].length;
      return r[HREF].slice(r[PATHNAME_START], end);
    }
    set pathname(v) { this.#set(SET_PATHNAME, v); }
    get search() {
      const r = this.#rec;
      if (r[SEARCH_START] === -1) return "";
      const end = r[HASH_START] !== -1 ? r[HASH_START] : r[HREF].length;
      return end - r[SEARCH_START] <= 1 ? "" : r[HREF].slice(r[SEARCH_START], end);
    }
    set search(v) { this.#set(SET_SEARCH, v); }
    get hash() {
      const r = this.#rec;
      if (r[HASH_START] === -1 || r[HREF].length - r[HASH_START] <= 1) return "";
      return r[HREF].slice(r[HASH_START]);
    }
    set hash(v) { this.#set(SET_HASH, v); }
    get searchParams() {
      if (this.#params === null) {
        this.#params = new URLSearchParams(kInit);
        paramsAttach(this.#params, this, this.#query());
      }
      return this.#params;
    }

    // The URL's query becomes `query` ("" = no query), recomputing offsets in JS.
    static _setQuery(u, query) {
      const r = u.#rec;
      const href = r[HREF];
      const cut = r[SEARCH_START] !== -1 ? r[SEARCH_START] : r[HASH_START] !== -1 ? r[HASH_START] : href.length;
      const hash = r[HASH_START] !== -1 ? href.slice(r[HASH_START]) : "";
      const head = href.slice(0, cut);
      const q = query === "" ? "" : "?" + query;
      const rec = r.slice();
      rec[HREF] = head + q + hash;
      rec[SEARCH_START] = query === "" ? -1 : head.length;
      rec[HASH_START] = r[HASH_START] === -1 ? -1 : head.length + q.length;
      u.#rec = rec;
    }
    static _record(u) { return u.#rec; }
  }
  const urlSetQueryFromParams = URL._setQuery;
  const urlRecord = URL._record;
  delete URL._setQuery;
  delete URL._record;
  Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: "URL", configurable: true });

  internals.url = { __proto__: null, URL, URLSearchParams, parse, seed, parseForm, serializeForm, record: urlRecord };
  internals.exposeGlobal("URL", newOnlyConstructor(URL));
  internals.exposeGlobal("URLSearchParams", newOnlyConstructor(URLSearchParams));
})(globalThis.__isolet_internals);
