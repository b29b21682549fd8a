// Response (Fetch Standard, as workerd has it: api/http.c++ Response), and
// internals.fetch: the wire contract of the dispatch loop (90_dispatch.js).
//
//   requestFromWire({method, url, headers, body, streamed, cf}, readChunk) -> Request (no cf: the Worker's default)
//     headers: [[name, value], ...] (repeats and Set-Cookie apart); body: the
//     whole body as a Uint8Array, or null; with `streamed` the body is a
//     ReadableStream whose pull awaits readChunk() -> Uint8Array | null (end).
//     GET/HEAD requests have a null body. The headers are immutable.
//   responseToWire(response) -> {status, statusText, headers, body, stream,
//                                webSocket, encodeBody}
//     body: the whole body when it is known without reading a stream (string,
//     bytes, Blob, FormData, URLSearchParams given to the constructor), or
//     null with `stream` the body's ReadableStream; both null for no body.
//     Marks the body used, as sending it does in workerd.
//   isResponse(x), isRequest(x)
"use strict";
((internals) => {
  const STATUS_TEXT = {
    100: "Continue", 101: "Switching Protocols", 102: "Processing", 103: "Early Hints",
    200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information",
    204: "No Content", 205: "Reset Content", 206: "Partial Content", 207: "Multi-Status",
    208: "Already Reported", 226: "IM Used", 300: "Multiple Choices", 301: "Moved Permanently",
    302: "Found", 303: "See Other", 304: "Not Modified", 305: "Use Proxy",
    307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request",
    401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required",
    408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required",
    412: "Precondition Failed", 413: "Payload Too Large", 414: "URI Too Long",
    415: "Unsupported Media Type", 416: "Range Not Satisfiable", 417: "Expectation Failed",
    418: "I'm a teapot", 421: "Misdirected Request", 422: "Unprocessable Entity", 423: "Locked",
    424: "Failed Dependency", 426: "Upgrade Required", 428: "Precondition Required",
    429: "Too Many Requests", 431: "Request Header Fields Too Large",
    451: "Unavailable For Legal Reasons", 500: "Internal Server Error", 501: "Not Implemented",
    502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
    505: "HTTP Version Not Supported", 506: "Variant Also Negotiates",
    507: "Insufficient Storage", 508: "Loop Detected", 510: "Not Extended",
    511: "Network Authentication Required",
  };

  // workerd's defaultStatusText().
  function defaultStatusText(status) {
    const text = STATUS_TEXT[status];
    if (text !== undefined) return text;
    if (status >= 200 && status < 300) return "Successful";
    if (status >= 300 && status < 400) return "Redirection";
    if (status >= 400 && status < 500) return "Client Error";
    if (status >= 500 && status < 600) return "Server Error";
    return "";
  }

  const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);
  const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
  const kNullBodyStatus = "Response with null body status (101, 204, 205, or 304) cannot have a body.";
  const kInternal = Symbol("internal");

  function cloneCf(cf) {
    if (cf === undefined || cf === null) return undefined;
    if (typeof globalThis.structuredClone === "function") return globalThis.structuredClone(cf);
    return JSON.parse(JSON.stringify(cf));
  }

  function toStatus(value) {
    const n = Number(value);
    return Number.isFinite(n) ? Math.trunc(n) : 0;
  }

  let slotsOf;
  let isResponse;
  let wireOf;

  class Response {
    #status = 200;
    #statusText = null; // null: the default text for #status
    #headers;
    #body = null; // BodyInner or null
    #urlList = [];
    #webSocket = null;
    #cf = undefined;
    #encodeBody = "automatic";

    constructor(body = undefined, init = undefined) {
      if (body === kInternal) {
        this.#status = init.status;
        this.#statusText = init.statusText ?? null;
        this.#headers = init.headers;
        this.#body = init.body ?? null;
        this.#urlList = init.urlList ?? [];
        this.#webSocket = init.webSocket ?? null;
        this.#cf = init.cf;
        this.#encodeBody = init.encodeBody ?? "automatic";
        return;
      }
      const headersApi = internals.headers;
      let status = 200;
      let statusText = null;
      let headers = null;
      let webSocket = null;

      if (init !== undefined && init !== null) {
        if (typeof init !== "object" && typeof init !== "function") {
          throw new TypeError(
            "Failed to construct 'Response': constructor parameter 2 is not of type 'InitializerDict or Response'.");
        }
        if (#status in init) {
          status = init.#status;
          if (init.#statusText !== null && init.#statusText !== defaultStatusText(status)) {
            statusText = init.#statusText;
          }
          this.#encodeBody = init.#encodeBody;
          headers = headersApi.copy(init.#headers, "none");
          this.#cf = cloneCf(init.#cf);
          webSocket = init.#webSocket;
        } else {
          if (init.status !== undefined) status = toStatus(init.status);
          if (init.statusText !== undefined) statusText = String(init.statusText);
          if (init.encodeBody !== undefined) {
            const e = String(init.encodeBody);
            if (e !== "manual" && e !== "automatic") throw new TypeError(`encodeBody: unexpected value: ${e}`);
            this.#encodeBody = e;
          }
          if (init.headers !== undefined) headers = headersApi.fromInit(init.headers);
          if (init.cf !== undefined) this.#cf = cloneCf(init.cf);
          if (init.webSocket !== undefined && init.webSocket !== null) webSocket = init.webSocket;
        }
      }
      if (headers === null) headers = new headersApi.Headers();

      if (webSocket === null) {
        if (status < 200 || status > 599) {
          throw new RangeError(
            "Responses may only be constructed with status codes in the range 200 to 599, inclusive.");
        }
      } else if (status !== 101) {
        throw new RangeError("Responses with a WebSocket must have status code 101.");
      }

      if (statusText !== null) {
        for (let i = 0; i < statusText.length; i++) {
          if (statusText.charCodeAt(i) < 0x20) throw new TypeError("Invalid statusText");
        }
      }

      let inner = null;
      const extracted = internals.body.extract(body);
      if (extracted !== null) {
        inner = extracted.inner;
        if (NULL_BODY_STATUS.has(status)) {
          // workerd allows a zero-length buffer here and treats it as no body.
          const known = inner.bufferBacked ? inner.knownBytes() : null;
          if (known === null || known.length !== 0) throw new TypeError(kNullBodyStatus);
          inner = null;
        } else {
          internals.body.applyContentType(headers, extracted.contentType);
        }
      }

      this.#status = status;
      this.#statusText = statusText;
      this.#headers = headers;
      this.#body = inner;
      this.#webSocket = webSocket;
    }

    static error() {
      return new Response(kInternal, {
        status: 0, statusText: "", headers: new internals.headers.Headers(), body: null,
      });
    }

    static redirect(url, status = 302) {
      status = toStatus(status);
      if (!REDIRECT_STATUS.has(status)) {
        throw new RangeError(
          `${status} is not a redirect status code. It must be one of: 301, 302, 303, 307, or 308.`);
      }
      url = String(url);
      let href = url;
      const URLClass = globalThis.URL;
      if (typeof URLClass === "function") {
        try {
          href = new URLClass(url).href;
        } catch {
          throw new TypeError(`Unable to parse URL: ${url}`);
        }
      } else if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url)) {
        // TODO(soon): drop once 10_url.js lands; only a scheme check until then.
        throw new TypeError(`Unable to parse URL: ${url}`);
      }
      if (/[\r\n\0]/.test(href)) {
        throw new TypeError(`Redirect URL cannot contain '\\r', '\\n', or '\\0': ${url}`);
      }
      const headers = internals.headers.fromPairs([["Location", href]], "immutable");
      return new Response(kInternal, { status, headers, body: null });
    }

    static json(data, init = undefined) {
      // V8's JSON::Stringify (which workerd calls) gives "undefined" where JSON.stringify
      // gives undefined (undefined, functions, symbols).
      const text = JSON.stringify(data) ?? "undefined";
      const headersApi = internals.headers;
      let dict;
      if (init !== undefined && init !== null && typeof init === "object" && #status in init) {
        dict = {
          status: init.#status,
          statusText: init.#statusText ?? undefined,
          headers: headersApi.copy(init.#headers, "none"),
          cf: init.#cf,
          encodeBody: init.#encodeBody,
          webSocket: init.#webSocket,
        };
      } else {
        dict = init === undefined || init === null ? {} : { ...init };
        dict.headers = headersApi.fromInit(dict.headers);
      }
      if (headersApi.getRaw(dict.headers, "content-type") === null) {
        headersApi.setRaw(dict.headers, "Content-Type", "application/json");
      }
      return new Response(text, dict);
    }

    get status() {
      return this.#status;
    }

    get statusText() {
      return this.#statusText ?? defaultStatusText(this.#status);
    }

    get headers() {
      return this.#headers;
    }

    get ok() {
      return this.#status >= 200 && this.#status < 300;
    }

    get redirected() {
      return this.#urlList.length > 1;
    }

    get url() {
      return this.#urlList.length > 0 ? this.#urlList[this.#urlList.length - 1] : "";
    }

    get webSocket() {
      return this.#webSocket;
    }

    get cf() {
      return this.#cf;
    }

    get type() {
      return this.#status === 0 ? "error" : "default";
    }

    clone() {
      if (this.#webSocket !== null) throw new TypeError("Cannot clone a response to a WebSocket handshake.");
      return new Response(kInternal, {
        status: this.#status,
        statusText: this.#statusText,
        headers: internals.headers.copy(this.#headers),
        body: this.#body === null ? null : this.#body.clone(),
        urlList: this.#urlList.slice(),
        cf: cloneCf(this.#cf),
        encodeBody: this.#encodeBody,
      });
    }

    get [Symbol.toStringTag]() {
      return "Response";
    }

    static {
      slotsOf = (x) => (x !== null && typeof x === "object" && #body in x
        ? { inner: x.#body, headers: x.#headers }
        : undefined);
      isResponse = (x) => x !== null && typeof x === "object" && #body in x;
      wireOf = (r) => ({
        status: r.#status,
        statusText: r.statusText,
        inner: r.#body,
        headers: r.#headers,
        webSocket: r.#webSocket,
        encodeBody: r.#encodeBody,
      });
    }
  }

  internals.body.installMixin(Response.prototype, slotsOf);

  const kBadReturn = "Incorrect type for Promise: the Promise did not resolve to 'Response'.";

  function requestFromWire(wire, readChunk) {
    const method = wire.method;
    const headers = internals.headers.fromPairs(wire.headers, "request");
    let inner = null;
    if (method !== "GET" && method !== "HEAD") {
      const { BodyInner, createReadable } = internals.body;
      if (wire.streamed) {
        inner = BodyInner.fromStream(createReadable({
          highWaterMark: 0,
          async pull(controller) {
            const chunk = await readChunk();
            if (chunk === null || chunk === undefined) controller.close();
            else controller.enqueue(chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk));
          },
        }));
      } else if (wire.body !== null && wire.body !== undefined) {
        const b = wire.body;
        inner = BodyInner.fromBytes(b instanceof Uint8Array ? b : new Uint8Array(b));
      }
    }
    const cf = wire.cf === undefined ? internals.request.defaultCf : wire.cf;
    return internals.request.fromParts({ method, url: wire.url, headers, body: inner, cf });
  }

  function responseToWire(response) {
    if (!isResponse(response)) throw new TypeError(kBadReturn);
    const w = wireOf(response);
    const inner = w.inner;
    let body = null;
    let stream = null;
    if (inner !== null) {
      if (inner.isUsed()) throw new TypeError(internals.body.kBodyUsed);
      const known = inner.knownBytes();
      if (known !== null) {
        body = known;
        inner.used = true;
      } else {
        stream = inner.getStream();
      }
    }
    return {
      status: w.status,
      statusText: w.statusText,
      headers: internals.headers.toPairs(w.headers),
      body,
      stream,
      webSocket: w.webSocket,
      encodeBody: w.encodeBody,
    };
  }

  internals.response = {
    Response,
    isResponse,
    slotsOf,
    defaultStatusText,
    // A Response from trusted parts (for fetch()): {status, statusText?, headers: Headers,
    // body: BodyInner|null, urlList?, webSocket?, cf?, encodeBody?}.
    fromParts(parts) {
      return new Response(kInternal, parts);
    },
  };
  // Merged: 26_fetch.js may add to the same record.
  internals.fetch = Object.assign(internals.fetch ?? { __proto__: null }, {
    requestFromWire,
    responseToWire,
    isResponse,
    isRequest: (x) => internals.request.isRequest(x),
  });
  internals.exposeGlobal("Response", internals.webidl.newOnlyConstructor(Response));
})(globalThis.__isolet_internals);
