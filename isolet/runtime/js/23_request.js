// Request (Fetch Standard, as workerd has it: api/http.c++ Request).
//
// Workers have no base URL, so a relative URL is a TypeError ("Invalid URL:
// ..."). The incoming request from the dispatch loop is built by
// internals.fetch.requestFromWire (23_response.js) through
// internals.request.fromWire, without re-validating what the HTTP front end
// already checked, and with immutable headers (workerd's Guard::REQUEST).
"use strict";
((internals) => {
  // kj::HttpMethod names: accepted as given; other spellings are upper-cased
  // only for the six the Fetch Standard normalises.
  const METHODS = new Set([
    "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "PURGE", "OPTIONS", "TRACE", "COPY", "LOCK",
    "MKCOL", "MOVE", "PROPFIND", "PROPPATCH", "SEARCH", "UNLOCK", "ACL", "REPORT", "MKACTIVITY",
    "CHECKOUT", "MERGE", "M-SEARCH", "NOTIFY", "SUBSCRIBE", "UNSUBSCRIBE", "QUERY", "BAN",
  ]);
  const NORMALIZED = new Set(["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS"]);

  const kInternal = Symbol("internal");

  function parseMethod(m) {
    m = String(m);
    if (METHODS.has(m)) return m;
    const upper = m.toUpperCase();
    if (METHODS.has(upper) && (NORMALIZED.has(upper) || internals.compat("upper_case_all_http_methods"))) {
      return upper;
    }
    throw new TypeError(`Invalid HTTP method string: ${m}`);
  }

  // The URL serialised by the URL parser (10_url.js) when present.
  function parseUrl(url) {
    const URLClass = globalThis.URL;
    if (typeof URLClass === "function") {
      let parsed;
      try {
        parsed = new URLClass(url);
      } catch {
        throw new TypeError(`Invalid URL: ${url}`);
      }
      return parsed.href;
    }
    // TODO(soon): drop once 10_url.js lands; only a scheme check until then.
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url)) throw new TypeError(`Invalid URL: ${url}`);
    return url;
  }

  // request.cf of a request that came in with the Worker's default cf
  // (runtime/host.py start_request leaves it out of the event): it is made
  // from internals.info.cf on first read, so the many requests that never
  // read it do not pay for it. Converting the default object with every
  // event cost 25-40 us a request (pydeno's conversion of ~45 values).
  const kDefaultCf = Symbol("default cf");

  function cloneCf(cf) {
    if (cf === undefined || cf === null) return undefined;
    if (cf === kDefaultCf) return cf;
    if (typeof globalThis.structuredClone === "function") return globalThis.structuredClone(cf);
    return JSON.parse(JSON.stringify(cf));
  }

  const kRedirectError =
    "Invalid redirect value, must be one of \"follow\" or \"manual\" (\"error\" won't be " +
    "implemented since it does not make sense at the edge; use \"manual\" and check the " +
    "response status code).";

  let slotsOf;
  let isRequest;
  let encodingOf;

  class Request {
    #method = "GET";
    #url = "";
    #headers;
    #redirect = "follow";
    #fetcher = null;
    #signal = null;
    #thisSignal = null;
    #cf = undefined;
    #cache = undefined;
    #encodeResponseBody = "automatic";
    #body = null; // BodyInner or null

    constructor(input, init = undefined) {
      if (input === kInternal) {
        // init: {method, url, headers, body (BodyInner|null), cf}
        this.#method = init.method;
        this.#url = init.url;
        this.#headers = init.headers;
        this.#body = init.body;
        this.#cf = init.cf ?? undefined;
        return;
      }
      if (arguments.length < 1) {
        throw new TypeError(
          "Failed to construct 'Request': constructor parameter 1 is not of type 'Request or string'.");
      }
      const bodyApi = internals.body;
      const headersApi = internals.headers;
      let headers = null;
      let body = null;
      let contentType = null;

      if (input !== null && typeof input === "object" && #url in input) {
        const ignoreInputBody = init !== null && typeof init === "object" &&
          (#url in init || init.body !== undefined);
        this.#url = input.#url;
        this.#method = input.#method;
        headers = headersApi.copy(input.#headers, "none");
        this.#cf = cloneCf(input.#cf);
        if (!ignoreInputBody && input.#body !== null) {
          if (input.#body.isUsed()) throw new TypeError("Cannot reconstruct a Request with a used body.");
          body = input.#body.take();
        }
        this.#cache = input.#cache;
        this.#redirect = input.#redirect;
        this.#fetcher = input.#fetcher;
        this.#signal = input.#signal;
        this.#encodeResponseBody = input.#encodeResponseBody;
      } else {
        this.#url = parseUrl(String(input));
      }

      if (init !== undefined && init !== null) {
        if (typeof init !== "object" && typeof init !== "function") {
          throw new TypeError(
            "Failed to construct 'Request': constructor parameter 2 is not of type 'RequestInit'.");
        }
        if (#url in init) {
          // Another Request as the init dictionary: its fields, its body not taken.
          this.#method = init.#method;
          this.#redirect = init.#redirect;
          this.#cache = init.#cache;
          this.#encodeResponseBody = init.#encodeResponseBody;
          this.#fetcher = init.#fetcher;
          this.#signal = init.#signal;
          headers = headersApi.copy(init.#headers, "none");
          this.#cf = cloneCf(init.#cf);
          body = init.#body === null ? null : init.#body.clone();
        } else {
          const integrity = init.integrity;
          if (integrity !== undefined && String(integrity) !== "") {
            throw new TypeError(
              "Subrequest integrity checking is not implemented. " +
              "The integrity option must be either undefined or an empty string.");
          }
          if (init.method !== undefined) this.#method = parseMethod(init.method);
          if (init.headers !== undefined) headers = headersApi.fromInit(init.headers);
          if (init.fetcher !== undefined) this.#fetcher = init.fetcher;
          if (init.signal !== undefined) this.#signal = init.signal;
          if (init.cf !== undefined) this.#cf = cloneCf(init.cf);
          if (init.body !== undefined && init.body !== null) {
            const extracted = bodyApi.extract(init.body);
            body = extracted.inner;
            contentType = extracted.contentType;
            if (this.#method === "GET" || this.#method === "HEAD") {
              throw new TypeError("Request with a GET or HEAD method cannot have a body.");
            }
          } else if (init.body === null) {
            body = null;
          }
          if (init.redirect !== undefined) {
            const r = String(init.redirect).toLowerCase();
            if (r !== "follow" && r !== "manual") throw new TypeError(kRedirectError);
            this.#redirect = r;
          }
          if (init.cache !== undefined) {
            const c = String(init.cache);
            if (c !== "no-store" && c !== "no-cache") throw new TypeError(`Unsupported cache mode: ${c}`);
            this.#cache = c;
          }
          if (init.encodeResponseBody !== undefined) {
            const e = String(init.encodeResponseBody);
            if (e !== "manual" && e !== "automatic") {
              throw new TypeError(`encodeResponseBody: unexpected value: ${e}`);
            }
            this.#encodeResponseBody = e;
          }
          if ((init.method !== undefined || init.body !== undefined) &&
              (this.#method === "GET" || this.#method === "HEAD") && body !== null) {
            throw new TypeError("Request with a GET or HEAD method cannot have a body.");
          }
        }
      }

      if (headers === null) headers = new headersApi.Headers();
      if (body !== null) bodyApi.applyContentType(headers, contentType);
      this.#headers = headers;
      this.#body = body;
    }

    get method() {
      return this.#method;
    }

    get url() {
      return this.#url;
    }

    get headers() {
      return this.#headers;
    }

    get redirect() {
      return this.#redirect;
    }

    get fetcher() {
      return this.#fetcher;
    }

    get signal() {
      if (this.#signal !== null) return this.#signal;
      if (this.#thisSignal === null && typeof globalThis.AbortController === "function") {
        // A signal that never aborts, as the spec wills it.
        this.#thisSignal = new globalThis.AbortController().signal;
      }
      return this.#thisSignal;
    }

    get cf() {
      if (this.#cf === kDefaultCf) this.#cf = cloneCf(internals.info.cf);
      return this.#cf;
    }

    get integrity() {
      return "";
    }

    get keepalive() {
      return false;
    }

    get cache() {
      return this.#cache;
    }

    clone() {
      const body = this.#body === null ? null : this.#body.clone();
      const r = new Request(kInternal, {
        method: this.#method,
        url: this.#url,
        headers: internals.headers.copy(this.#headers),
        body,
        cf: cloneCf(this.#cf),
      });
      r.#redirect = this.#redirect;
      r.#fetcher = this.#fetcher;
      r.#signal = this.#signal;
      r.#cache = this.#cache;
      r.#encodeResponseBody = this.#encodeResponseBody;
      return r;
    }

    get [Symbol.toStringTag]() {
      return "Request";
    }

    static {
      slotsOf = (x) => (x !== null && typeof x === "object" && #body in x
        ? { inner: x.#body, headers: x.#headers }
        : undefined);
      isRequest = (x) => x !== null && typeof x === "object" && #body in x;
      encodingOf = (x) => x.#encodeResponseBody;
    }
  }

  internals.body.installMixin(Request.prototype, slotsOf);

  internals.request = {
    Request,
    isRequest,
    slotsOf,
    // A Request from trusted parts: {method, url, headers: Headers, body: BodyInner|null, cf}.
    fromParts(parts) {
      return new Request(kInternal, parts);
    },
    // The cf of fromParts() for a request that carries the Worker's default.
    defaultCf: kDefaultCf,
    // "automatic" or "manual" (the encodeResponseBody init option, for fetch()).
    encodeResponseBodyOf: (r) => encodingOf(r),
  };
  internals.exposeGlobal("Request", internals.webidl.newOnlyConstructor(Request));
})(globalThis.__isolet_internals);
