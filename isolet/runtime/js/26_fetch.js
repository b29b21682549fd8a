// The global fetch() (Fetch Standard, as workerd has it: api/http.c++
// fetchImpl / handleHttpResponse / handleHttpRedirectResponse).
//
// Crossings per hop: op_fetch_start (sync: subrequest limit, connect begins)
// and op_fetch_send (async: the response head, with the body when it has
// all arrived, the common case for small responses, which then become
// buffer-backed Responses and need no further crossing). A larger body is a
// byte ReadableStream pulled with op_fetch_read (all buffered bytes, up to
// 1 MiB, per crossing). A stream request body is pumped chunk by chunk
// through op_fetch_write while the response is awaited (both ways at once).
//
// Redirects are followed here, each hop being one subrequest: up to 20,
// 301/302 POST and 303 (non-HEAD) become GET without a body, a one-time
// (stream) body cannot be re-sent on 307/308. `redirect: "error"` is refused
// by the Request constructor, as in workerd. The request's signal rejects
// the pending fetch and errors the response body with its reason.
//
// A request with `Upgrade: websocket` opens a WebSocket instead (ops/websocket.py,
// one subrequest per hop): a 101 answer resolves to a Response whose `webSocket`
// must be accept()ed; any other answer is a plain Response (webSocket null).
//
// internals.fetch.fetch(request) runs a fetch for a Request already built.
"use strict";
((internals) => {
  const ops = internals.ops;
  const MAX_REDIRECTS = 20;
  const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
  const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);
  const kOneTimeBody =
    "A request with a one-time-use body (it was initialized from a stream, not a buffer) " +
    "encountered a redirect requiring the body to be retransmitted. To avoid this error " +
    "in the future, construct this request from a buffer-like body initializer.";

  const kConnectionLost = "Network connection lost.";

  function opError(err) {
    const [cls, message] = err;
    const Ctor = { TypeError, RangeError, Error }[cls] ?? Error;
    return new Ctor(message);
  }

  function asBytes(value) {
    if (value instanceof Uint8Array) return value;
    if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
    return null;
  }

  // Bodies nobody read to the end release their connection when collected.
  let registry = null;
  function track(stream, fid) {
    if (registry === null && typeof FinalizationRegistry === "function") {
      registry = new FinalizationRegistry((id) => ops.op_fetch_abort(id));
    }
    registry?.register(stream, fid, stream);
  }

  // The URL to request, or a TypeError for schemes fetch() cannot load.
  function checkScheme(url) {
    const colon = url.indexOf(":");
    const scheme = url.slice(0, colon).toLowerCase();
    if (scheme === "http" || scheme === "https") return url;
    if (!internals.compat("fetch_refuses_unknown_protocols") && /^[a-z][a-z0-9+.-]*$/.test(scheme)) {
      // Before fetch_refuses_unknown_protocols (2021-11-10) any scheme was sent as http.
      let asHttp = null;
      try { asHttp = new URL("http" + url.slice(colon)).href; } catch { /* refused below */ }
      if (asHttp !== null) {
        ops.op_console_write("warn",
          "Worker passed an invalid URL to fetch(). URLs passed to fetch() must begin with either " +
          `'http:' or 'https:', not '${scheme}:'. Due to a historical bug, any other protocol used ` +
          "here will be treated the same as 'http:'.");
        return asHttp;
      }
    }
    throw new TypeError(`Fetch API cannot load: ${url}`);
  }

  const stripHash = (url) => {
    const i = url.indexOf("#");
    return i === -1 ? url : url.slice(0, i);
  };

  function headerValue(pairs, lower) {
    for (const [k, v] of pairs) if (k.toLowerCase() === lower) return v;
    return undefined;
  }

  // data: URLs are answered in JS, without a subrequest (workerd's DataUrl).
  function fetchDataUrl(url, method) {
    const comma = url.indexOf(",");
    if (comma === -1) throw new TypeError(`Fetch API cannot load: ${url}`);
    let meta = url.slice(5, comma).trim();
    let data = stripHash(url.slice(comma + 1));
    let bytes;
    const b64 = /;\s*base64\s*$/i.test(meta);
    if (b64) {
      meta = meta.replace(/;\s*base64\s*$/i, "");
      bytes = internals.base64.decode(decodeURIComponent(data).replace(/[\t\n\f\r ]/g, ""));
      if (bytes === null) throw new TypeError(`Fetch API cannot load: ${url}`);
    } else {
      const raw = unescape(data);
      bytes = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i) & 0xff;
    }
    if (meta === "" || meta.startsWith(";")) meta = "text/plain" + (meta === "" ? ";charset=US-ASCII" : meta);
    const headers = internals.headers.fromPairs([["Content-Type", meta]], "response");
    const body = method === "GET" ? internals.body.BodyInner.fromBytes(bytes) : null;
    return internals.response.fromParts({ status: 200, headers, body, urlList: [url] });
  }

  async function pumpUpload(fid, stream, state) {
    const reader = stream.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (state.aborted) return;
        if (done) {
          await ops.op_fetch_write(fid, null);
          return;
        }
        const bytes = asBytes(value);
        if (bytes === null) throw new TypeError("This ReadableStream did not return bytes.");
        if (bytes.byteLength === 0) continue;
        if (!(await ops.op_fetch_write(fid, bytes))) {
          reader.cancel(new Error(kConnectionLost)).catch(() => {});
          return;
        }
      }
    } catch (e) {
      // The request body failed: the fetch fails with its error.
      state.uploadError = e;
      ops.op_fetch_abort(fid);
    }
  }

  function responseBody(fid, first, state) {
    let pending = first;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      state.finish();
      registry?.unregister(stream);
    };
    const stream = internals.streams.createReadable({
      type: "bytes",
      start(c) { state.controller = c; },
      async pull(c) {
        if (pending !== null) {
          const p = pending;
          pending = null;
          c.enqueue(p);
          return;
        }
        const r = await ops.op_fetch_read(fid);
        if (state.aborted || finished) return;
        if (r === null || r === undefined) {
          finish();
          c.close();
          // A byte stream with a pending BYOB read needs it answered after close.
          c.byobRequest?.respond(0);
        } else if (r instanceof Uint8Array) {
          c.enqueue(r);
        } else {
          finish();
          c.error(opError(r.error));
        }
      },
      cancel() {
        finish();
        ops.op_fetch_abort(fid);
      },
    });
    track(stream, fid);
    return stream;
  }

  async function follow(request, state) {
    const { inner } = internals.request.slotsOf(request);
    let method = request.method;
    let pairs = internals.headers.toPairs(request.headers);
    const mode = request.redirect;
    const decode = internals.request.encodeResponseBodyOf(request) === "manual" ? "manual"
      : internals.compat("brotli_content_encoding") ? "gzip-br" : "gzip";
    let bytes = null;
    let stream = null;
    let oneTime = false;
    if (inner !== null) {
      if (inner.isUsed()) throw new TypeError(internals.body.kBodyUsed);
      bytes = inner.knownBytes();
      if (bytes === null) {
        stream = inner.getStream();
        oneTime = true;
      }
      inner.used = true;
    }
    const urlList = [];
    let url = request.url;
    // workerd (kj HttpHeaders::isWebSocket): `Upgrade: websocket`, any case, opens a WebSocket.
    const upgrade = headerValue(pairs, "upgrade")?.toLowerCase() === "websocket";
    for (;;) {
      if (url.slice(0, 5).toLowerCase() === "data:") return fetchDataUrl(url, method);
      url = checkScheme(url);
      urlList.push(stripHash(url));
      let fid = 0;
      let head;
      if (upgrade) {
        head = await connectWebSocket(stripHash(url), pairs, state);
        if (state.settled) return null;
        if (head.webSocket !== undefined) {
          state.finish();
          return internals.response.fromParts({
            status: head.status, statusText: statusTextOf(head), headers: internals.headers.fromPairs(head.headers, "response"),
            body: null, urlList, webSocket: head.webSocket,
          });
        }
      } else {
        const streamed = stream !== null;
        const length = streamed ? internals.streams.knownLength(stream) ?? null : null;
        fid = ops.op_fetch_start(method, stripHash(url), pairs, bytes, streamed, length, decode,
          internals.currentRequestId?.() ?? null);
        state.fid = fid;
        if (streamed) {
          pumpUpload(fid, stream, state);
          stream = null;
        }
        head = await ops.op_fetch_send(fid);
        if (state.settled) return null;
        if (head.error !== undefined) {
          state.fid = 0;
          throw state.uploadError ?? opError(head.error);
        }
      }
      const status = head.status;
      const location = REDIRECT_STATUS.has(status) && mode === "follow"
        ? headerValue(head.headers, "location") : undefined;
      if (location === undefined) return makeResponse(request, method, fid, head, urlList, state);

      // Follow the redirect: this hop's body is dropped.
      if (!head.done) ops.op_fetch_abort(fid);
      state.fid = 0;
      let next;
      try {
        next = new URL(location, url).href;
      } catch {
        throw new TypeError("Invalid Location header; unable to follow redirect.");
      }
      if (urlList.length - 1 >= MAX_REDIRECTS) throw new TypeError("Too many redirects.");
      if (internals.compat("strip_authorization_on_cross_origin_redirect") &&
          new URL(url).origin !== new URL(next).origin) {
        pairs = pairs.filter(([k]) => k.toLowerCase() !== "authorization");
      }
      const hasBody = bytes !== null || oneTime;
      if (status !== 303 && oneTime && hasBody) throw new TypeError(kOneTimeBody);
      if (((status === 301 || status === 302) && method === "POST") || (status === 303 && method !== "HEAD")) {
        method = "GET";
        bytes = null;
        oneTime = false;
        pairs = pairs.filter(([k]) => {
          const low = k.toLowerCase();
          return low !== "content-type" && low !== "content-length";
        });
      }
      url = next;
    }
  }

  const statusTextOf = (head) =>
    head.statusText === internals.response.defaultStatusText(head.status) ? null : head.statusText;

  // One hop of a WebSocket upgrade (workerd's openWebSocket): a GET with the
  // request's headers and no body, to ws(s): for http(s):. The head of the
  // response: with `webSocket` (the Worker's end, to accept()) for a 101, else
  // a complete head {status, statusText, headers, body, done} like op_fetch_send's.
  async function connectWebSocket(url, pairs, state) {
    const colon = url.indexOf(":");
    const target = (url.slice(0, colon).toLowerCase() === "https" ? "wss" : "ws") + url.slice(colon);
    const id = ops.op_ws_create(target, null, pairs, internals.currentRequestId?.() ?? null);
    const link = internals.webSocket.forFetch(id);
    let head;
    try {
      head = await ops.op_ws_connect(id);
    } catch (e) {
      link.discard();
      throw e;
    }
    if (head.status !== 101) {
      link.discard();
      return { ...head, done: true };
    }
    // Aborted during the handshake: the connection is not wanted any more.
    if (state.settled) ops.op_ws_close(id, 1000, "");
    return { ...head, webSocket: link.webSocket };
  }

  function makeResponse(request, method, fid, head, urlList, state) {
    const headers = internals.headers.fromPairs(head.headers, "response");
    const { BodyInner } = internals.body;
    let body = null;
    const status = head.status;
    if (method !== "HEAD" && !NULL_BODY_STATUS.has(status)) {
      const first = head.body === null || head.body === undefined ? null : asBytes(head.body);
      if (head.done) {
        body = BodyInner.fromBytes(first ?? new Uint8Array(0));
        state.finish();
      } else {
        body = BodyInner.fromStream(responseBody(fid, first, state));
      }
    } else {
      if (!head.done) ops.op_fetch_abort(fid);
      state.finish();
    }
    return internals.response.fromParts({
      status, statusText: statusTextOf(head), headers, body, urlList,
      encodeBody: internals.request.encodeResponseBodyOf(request),
    });
  }

  function run(request) {
    const signal = request.signal;
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const state = {
        fid: 0, settled: false, aborted: false, controller: null, uploadError: undefined,
        unsubscribe: null,
        finish() {
          state.unsubscribe?.();
          state.unsubscribe = null;
        },
      };
      state.unsubscribe = internals.abort.onAbort(signal, (reason) => {
        state.aborted = true;
        if (state.fid !== 0) ops.op_fetch_abort(state.fid);
        if (!state.settled) {
          state.settled = true;
          reject(reason);
        } else if (state.controller !== null) {
          try { state.controller.error(reason); } catch { /* already closed */ }
        }
        state.finish();
      });
      follow(request, state).then((response) => {
        if (state.settled) return;
        state.settled = true;
        resolve(response);
      }, (e) => {
        if (state.settled) return;
        state.settled = true;
        state.finish();
        if (state.fid !== 0) ops.op_fetch_abort(state.fid);
        reject(e);
      });
    });
  }

  const PREFIX = "Failed to execute 'fetch' on 'ServiceWorkerGlobalScope': ";
  // `fetch.length` is 0 in workerd (both parameters are optional in its IDL).
  function fetch(...args) {
    const [input, init] = args;
    let request;
    try {
      if (args.length === 0) throw new TypeError(`${PREFIX}parameter 1 is not of type 'Request or string'.`);
      if (init !== undefined && init !== null && typeof init !== "object") {
        throw new TypeError(`${PREFIX}parameter 2 is not of type 'RequestInitializerDict or Request'.`);
      }
      request = new internals.request.Request(input, init);
    } catch (e) {
      return Promise.reject(e);
    }
    return run(request);
  }

  internals.fetch = Object.assign(internals.fetch ?? { __proto__: null }, { fetch: run });
  internals.exposeGlobal("fetch", fetch);
})(globalThis.__isolet_internals);
