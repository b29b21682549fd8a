// WebSocket, WebSocketPair, MessageEvent, CloseEvent, ErrorEvent, as workerd
// has them (api/web-socket.c++, api/events.h).
//
// A WebSocketPair is two JS objects linked as peers; messages between two
// ends that both live in this isolate never leave JS. An end leaves JS in two
// ways, both through a host socket id (`hostId`, a host resource id):
//   - coupled: the Worker returned it in a `101` Response (90_dispatch.js
//     calls `internals.webSocket.couple`); the real client connection stands in
//     for it, so what its peer sends goes out through op_ws_send / op_ws_close;
//   - outbound: `new WebSocket(url)`: op_ws_create (sync, -> id), then the
//     async op_ws_connect;
//   - fetched: `fetch()` with `Upgrade: websocket` (26_fetch.js calls
//     `internals.webSocket.forFetch(id)`): the socket of the 101 Response is one
//     end of a pair whose other end is coupled to the outbound connection, so it
//     awaits accept() like any pair end and may be returned in a Response too.
// Frames from the network come back as `{type: "ws", id, kind, ...}` events in
// the dispatch loop's batch (host.push_event), not through an async op per
// socket: a burst of messages costs one crossing, and an idle socket costs
// none. While a host socket is open it counts as pending work
// (internals.pendingOps), since a frame may still arrive and wake a handler.
//
// Exports `internals.webSocket = { WebSocket, WebSocketPair, MessageEvent,
// CloseEvent, ErrorEvent, couple(ws, onEnd) -> {attach(id)}, onHostEvent(ev),
// forFetch(id) -> {webSocket, discard()}, isWebSocket(x) }`.
"use strict";
((internals) => {
  const { TypeError, RangeError, Error, String, Symbol, Object, Map, Array, ArrayBuffer, Uint8Array } = globalThis;
  const { requiredArguments, toDOMString, toUSVString, isArrayBuffer, isArrayBufferView } = internals.webidl;
  const { Event, EventTarget, kTrusted, kEventHandler, dispatch } = internals.events;
  const DOMException = internals.DOMException;
  const ops = internals.ops;

  const CONNECTING = 0, OPEN = 1, CLOSING = 2, CLOSED = 3;
  const kPair = Symbol("isolet.webSocketPair");
  const kNotAccepted =
    "You must call one of accept() or state.acceptWebSocket() on this WebSocket before sending messages.";

  // ---- events ------------------------------------------------------------------------------

  class MessageEvent extends Event {
    #data;
    constructor(type, init, trusted = undefined) {
      requiredArguments(arguments.length, 2, "Failed to construct 'MessageEvent'");
      if (init === null || (typeof init !== "object" && typeof init !== "function")) {
        throw new TypeError("Failed to construct 'MessageEvent': constructor parameter 2 is not of type 'MessageEventInit'.");
      }
      super(type, undefined, trusted);
      this.#data = init.data;
    }
    get data() { return this.#data; }
    get origin() { return null; }
    get lastEventId() { return ""; }
    get source() { return null; }
    get ports() { return []; }
  }

  class CloseEvent extends Event {
    #code;
    #reason;
    #wasClean;
    constructor(type, init = undefined, trusted = undefined) {
      requiredArguments(arguments.length, 1, "Failed to construct 'CloseEvent'");
      super(type, undefined, trusted);
      const o = init ?? {};
      this.#code = o.code === undefined ? 0 : internals.webidl.toLong(o.code);
      this.#reason = o.reason === undefined ? "" : toUSVString(o.reason);
      this.#wasClean = o.wasClean === undefined ? false : !!o.wasClean;
    }
    get code() { return this.#code; }
    get reason() { return this.#reason; }
    get wasClean() { return this.#wasClean; }
  }

  class ErrorEvent extends Event {
    #init;
    constructor(type, init = undefined, trusted = undefined) {
      requiredArguments(arguments.length, 1, "Failed to construct 'ErrorEvent'");
      super(type, undefined, trusted);
      const o = init ?? {};
      this.#init = {
        message: o.message === undefined ? "" : String(o.message),
        filename: o.filename === undefined ? "" : String(o.filename),
        lineno: o.lineno === undefined ? 0 : o.lineno | 0,
        colno: o.colno === undefined ? 0 : o.colno | 0,
        error: o.error,
      };
    }
    get message() { return this.#init.message; }
    get filename() { return this.#init.filename; }
    get lineno() { return this.#init.lineno; }
    get colno() { return this.#init.colno; }
    get error() { return this.#init.error; }
  }

  for (const [C, name] of [[MessageEvent, "MessageEvent"], [CloseEvent, "CloseEvent"], [ErrorEvent, "ErrorEvent"]]) {
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: name, configurable: true });
  }

  // ---- host sockets ------------------------------------------------------------------------

  // host socket id -> { end: the socket the network stands in for or is, receiver }
  const hostSockets = new Map();

  function holdPending() { internals.pendingOps++; }
  function releasePending() {
    if (--internals.pendingOps === 0) internals.onIdle?.();
  }

  // A crossing may not carry more than pydeno's max_serialization_bytes (and
  // the encoding ops cross whole), so large messages cross in pieces of at
  // most CHUNK bytes, strings unencoded (see ops/websocket.py).
  const CHUNK = 1 << 20;
  const TEXT_CHUNK = CHUNK >> 2; // UTF-16 units: at most 4 bytes each however they cross

  // One message or close frame as it travels: {kind: "text"|"binary"|"close", data, code, reason, clean}.
  function sendToHost(id, frame) {
    if (frame.kind === "close") {
      ops.op_ws_close(id, frame.code, frame.reason);
      return;
    }
    const data = frame.data;
    if (frame.kind === "text") {
      let off = 0;
      while (data.length - off > TEXT_CHUNK) {
        let end = off + TEXT_CHUNK;
        // Never split a surrogate pair between two pieces.
        const c = data.charCodeAt(end - 1);
        if (c >= 0xd800 && c <= 0xdbff) end--;
        ops.op_ws_send(id, data.slice(off, end), true);
        off = end;
      }
      ops.op_ws_send(id, off === 0 ? data : data.slice(off));
      return;
    }
    let off = 0;
    while (data.byteLength - off > CHUNK) {
      ops.op_ws_send(id, data.subarray(off, off + CHUNK), true);
      off += CHUNK;
    }
    ops.op_ws_send(id, off === 0 ? data : data.subarray(off));
  }

  // A large incoming message, pulled from the host in pieces.
  function pullPayload(pid, text) {
    const parts = [];
    let size = 0;
    for (let off = 0; ;) {
      const { data, next } = ops.op_ws_payload(pid, off);
      parts.push(data);
      size += text ? 0 : data.byteLength;
      if (next === null || next === undefined) break;
      off = next;
    }
    if (text) return parts.join("");
    const out = new Uint8Array(size);
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.byteLength; }
    return out;
  }

  // ---- the socket record -------------------------------------------------------------------
  //
  // state: "connecting" (new WebSocket, before the handshake), "pending" (a pair end
  // awaiting accept() or coupling), "accepted", "coupled" (returned in a Response),
  // "released" (done, or failed to connect).

  function newRecord(ws) {
    return {
      ws,
      state: "pending",
      peer: null,
      hostId: null,
      url: null,
      protocol: "",
      extensions: "",
      binaryType: internals.compat("websocket_standard_binary_type") ? "blob" : "arraybuffer",
      allowHalfOpen: !internals.compat("web_socket_auto_reply_to_close"),
      closedIncoming: false,
      closedOutgoing: false,
      outgoingAborted: false,
      error: undefined,
      hasError: false,
      inbox: [], // frames that arrived before accept(), or not yet dispatched
      draining: false,
      onEnd: null, // coupled: called once the connection is over
    };
  }

  let recordOf;

  class WebSocket extends EventTarget {
    #r;
    #onmessage = null;
    #onclose = null;
    #onerror = null;
    #onopen = null;

    constructor(url, protocols = undefined) {
      super();
      if (url === kPair) {
        this.#r = newRecord(this);
        return;
      }
      requiredArguments(arguments.length, 1, "Failed to construct 'WebSocket'");
      url = toUSVString(url);
      const r = newRecord(this);
      this.#r = r;
      const wsErr = "WebSocket Constructor: ";
      let parsed;
      try {
        parsed = new internals.url.URL(url);
      } catch {
        throw new DOMException(wsErr + "The url is invalid.", "SyntaxError");
      }
      if (parsed.protocol !== "ws:" && parsed.protocol !== "wss:") {
        throw new DOMException(wsErr + "The url scheme must be ws or wss.", "SyntaxError");
      }
      if (parsed.href.includes("#")) {
        throw new DOMException(wsErr + "The url fragment must be empty.", "SyntaxError");
      }
      let protoHeader = null;
      if (protocols !== undefined) {
        if (typeof protocols === "object" && protocols !== null && typeof protocols[Symbol.iterator] === "function") {
          const list = Array.from(protocols, (p) => toDOMString(p));
          const seen = new Set();
          for (const p of list) {
            if (!validProtoToken(p)) {
              throw new DOMException(wsErr + "One of the protocol header tokens is invalid.", "SyntaxError");
            }
            if (seen.has(p)) {
              throw new DOMException(wsErr + "The protocols header cannot have repeating values.", "SyntaxError");
            }
            seen.add(p);
          }
          if (list.length > 0) protoHeader = list;
        } else {
          const p = toDOMString(protocols);
          if (!validProtoToken(p)) {
            throw new DOMException(wsErr + "The protocol header token is invalid.", "SyntaxError");
          }
          protoHeader = [p];
        }
      }
      r.url = url;
      r.state = "connecting";
      // Userinfo is dropped, as workerd does (use an Authorization header instead).
      const target = `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search}`;
      const id = ops.op_ws_create(target, protoHeader);
      r.hostId = id;
      hostSockets.set(id, { end: r, receiver: r });
      // The socket counts as pending work from here until its last event.
      holdPending();
      ops.op_ws_connect(id).then(
        (result) => connected(r, result),
        (e) => connectFailed(r, e),
      );
    }

    accept(options = undefined) {
      const r = this.#r;
      if (r.state === "connecting") {
        throw new TypeError("Websockets obtained from the 'new WebSocket()' constructor cannot call accept");
      }
      if (r.state === "coupled" || r.state === "released") {
        throw new TypeError("Can't accept() WebSocket that was already used in a response.");
      }
      // Also a no-op on an open `new WebSocket()`, as in workerd.
      if (r.state === "accepted") return;
      if (options !== undefined && options !== null && options.allowHalfOpen !== undefined) {
        r.allowHalfOpen = !!options.allowHalfOpen;
      }
      r.state = "accepted";
      scheduleDrain(r);
    }

    send(message) {
      requiredArguments(arguments.length, 1, "Failed to execute 'send' on 'WebSocket'");
      const r = this.#r;
      let frame;
      if (typeof message === "string") {
        frame = { kind: "text", data: message };
      } else if (isArrayBuffer(message)) {
        frame = { kind: "binary", data: new Uint8Array(message.slice(0)) };
      } else if (isArrayBufferView(message)) {
        frame = { kind: "binary", data: new Uint8Array(message.buffer.slice(message.byteOffset, message.byteOffset + message.byteLength)) };
      } else {
        frame = { kind: "text", data: toUSVString(message) };
      }
      if (r.closedOutgoing) throw new TypeError("Can't call WebSocket send() after close().");
      // Per workerd, sends after the connection is gone are ignored.
      if (r.outgoingAborted || r.state === "released") return;
      if (r.state !== "accepted") throw new TypeError(kNotAccepted);
      transmit(r, frame);
    }

    close(code = undefined, reason = undefined) {
      const r = this.#r;
      if (code !== undefined) {
        code = internals.webidl.toLong(code);
        const ok = internals.compat("pedantic_wpt")
          ? code === 1000 || (code >= 3000 && code <= 4999)
          : code >= 1000 && code < 5000 && code !== 1004 && code !== 1005 && code !== 1006 && code !== 1015;
        if (!ok) throw new DOMException(`Invalid WebSocket close code: ${code}.`, "InvalidAccessError");
      }
      if (reason !== undefined) {
        reason = toUSVString(reason);
        if (internals.compat("websocket_close_reason_byte_limit") && internals.encoding.utf8Encode(reason).length > 123) {
          throw new DOMException("WebSocket close reason must not be longer than 123 bytes when UTF-8 encoded.", "SyntaxError");
        }
      }
      if (reason !== undefined && code === undefined) {
        throw new DOMException("If you specify a WebSocket close reason, you must also specify a code.", "InvalidAccessError");
      }
      if (r.state === "connecting") {
        // The handshake still runs; connected() closes the connection once it is up.
        r.state = "released";
        return;
      }
      if (r.closedOutgoing || r.outgoingAborted || r.state === "released") return;
      if (r.state !== "accepted") throw new TypeError(kNotAccepted);
      if (r.hasError) throw r.error;
      r.closedOutgoing = true;
      transmit(r, { kind: "close", code: code ?? 1005, reason: reason ?? "", clean: true });
    }

    get readyState() {
      const r = this.#r;
      if ((r.closedIncoming && r.closedOutgoing) || r.hasError) return CLOSED;
      if (r.closedIncoming || r.closedOutgoing) return CLOSING;
      if (r.state === "connecting") return CONNECTING;
      return OPEN;
    }
    get url() { return this.#r.url; }
    get protocol() { return this.#r.protocol; }
    get extensions() { return this.#r.extensions; }
    get binaryType() { return this.#r.binaryType; }
    set binaryType(value) {
      value = toDOMString(value);
      // Invalid values are ignored, per the spec.
      if (value === "blob" || value === "arraybuffer") this.#r.binaryType = value;
    }

    get onmessage() { return this.#onmessage; }
    set onmessage(v) { this.#onmessage = typeof v === "function" || (typeof v === "object" && v !== null) ? v : null; }
    get onclose() { return this.#onclose; }
    set onclose(v) { this.#onclose = typeof v === "function" || (typeof v === "object" && v !== null) ? v : null; }
    get onerror() { return this.#onerror; }
    set onerror(v) { this.#onerror = typeof v === "function" || (typeof v === "object" && v !== null) ? v : null; }
    get onopen() { return this.#onopen; }
    set onopen(v) { this.#onopen = typeof v === "function" || (typeof v === "object" && v !== null) ? v : null; }

    [kEventHandler](type) {
      switch (type) {
        case "message": return this.#onmessage;
        case "close": return this.#onclose;
        case "error": return this.#onerror;
        case "open": return this.#onopen;
        default: return undefined;
      }
    }

    serializeAttachment() {
      throw new TypeError("serializeAttachment() is only available on hibernatable WebSockets (Durable Objects); isolet does not support them yet.");
    }
    deserializeAttachment() { return null; }

    static {
      recordOf = (x) => (x !== null && typeof x === "object" && #r in x ? x.#r : undefined);
    }
  }

  for (const [name, value] of [["READY_STATE_CONNECTING", CONNECTING], ["CONNECTING", CONNECTING],
    ["READY_STATE_OPEN", OPEN], ["OPEN", OPEN], ["READY_STATE_CLOSING", CLOSING], ["CLOSING", CLOSING],
    ["READY_STATE_CLOSED", CLOSED], ["CLOSED", CLOSED]]) {
    const desc = { value, writable: false, enumerable: true, configurable: false };
    Object.defineProperty(WebSocket, name, desc);
    Object.defineProperty(WebSocket.prototype, name, desc);
  }
  Object.defineProperty(WebSocket.prototype, Symbol.toStringTag, { value: "WebSocket", configurable: true });

  // RFC 6455 4.1 item 10: a token (RFC 2616), no separators.
  function validProtoToken(p) {
    if (p.length === 0) return false;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c < 0x21 || c > 0x7e) return false;
      if ("()<>@,;:\\/[]?={}".includes(p[i])) return false;
    }
    return true;
  }

  // ---- moving frames -----------------------------------------------------------------------

  // A frame sent by `r` (accepted): to the network, or to its in-isolate peer.
  function transmit(r, frame) {
    if (r.peer === null) {
      // An outbound `new WebSocket()`: the network is the other end.
      sendToHost(r.hostId, frame);
      return;
    }
    receive(r.peer, frame);
  }

  // A frame arriving at `r` from its peer (or from the network, for outbound sockets).
  function receive(r, frame) {
    if (r.state === "coupled") {
      // The network stands in for `r`: what reaches `r` goes out to the client.
      if (r.hostId === null || !hostSockets.has(r.hostId)) return;
      // A connection that failed on the other side ends this one too.
      if (frame.kind === "error") frame = { kind: "close", code: 1011, reason: "", clean: false };
      sendToHost(r.hostId, frame);
      return;
    }
    if (r.state === "released") return;
    r.inbox.push(frame);
    if (r.state === "accepted") scheduleDrain(r);
  }

  function scheduleDrain(r) {
    if (r.draining || r.inbox.length === 0) return;
    r.draining = true;
    queueMicrotask(() => drain(r));
  }

  function drain(r) {
    r.draining = false;
    const frames = r.inbox;
    r.inbox = [];
    for (const frame of frames) deliver(r, frame);
  }

  function toArrayBuffer(u8) {
    if (u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength) return u8.buffer;
    return u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength);
  }

  // Dispatch one frame's event on the accepted socket `r`.
  function deliver(r, frame) {
    const ws = r.ws;
    if (frame.kind === "text") {
      if (r.closedIncoming) return;
      dispatch(ws, new MessageEvent("message", { data: frame.data }, kTrusted));
    } else if (frame.kind === "binary") {
      if (r.closedIncoming) return;
      let data = toArrayBuffer(frame.data instanceof Uint8Array ? frame.data : new Uint8Array(frame.data));
      if (r.binaryType === "blob") data = new internals.blob.Blob([data]);
      dispatch(ws, new MessageEvent("message", { data }, kTrusted));
    } else if (frame.kind === "close") {
      if (r.closedIncoming) return;
      if (!frame.clean) {
        // A connection lost without a Close frame: workerd dispatches the event
        // before it marks the incoming side closed.
        r.outgoingAborted = true;
        dispatch(ws, new CloseEvent("close", { code: frame.code, reason: frame.reason, wasClean: false }, kTrusted));
        r.closedIncoming = true;
        return;
      }
      r.closedIncoming = true;
      if (frame.clean && !r.allowHalfOpen && !r.closedOutgoing && !r.outgoingAborted && r.state !== "released") {
        // web_socket_auto_reply_to_close: answer the close so readyState is CLOSED when the event fires.
        r.closedOutgoing = true;
        transmit(r, { kind: "close", code: frame.code, reason: frame.reason, clean: true });
      }
      dispatch(ws, new CloseEvent("close", { code: frame.code, reason: frame.reason, wasClean: true }, kTrusted));
    } else if (frame.kind === "error") {
      reportError(r, frame.error);
    }
  }

  function reportError(r, error) {
    if (r.hasError) return;
    r.hasError = true;
    r.error = error;
    r.outgoingAborted = true;
    // v8::Message::Get() text, as workerd puts in the event.
    const message = error instanceof Error ? `Uncaught ${error.name}: ${error.message}` : `Uncaught ${String(error)}`;
    dispatch(r.ws, new ErrorEvent("error", { message, error }, kTrusted));
  }

  // ---- outbound: new WebSocket(url) --------------------------------------------------------

  function connected(r, result) {
    if (r.state !== "connecting") {
      // close() was called during the handshake; its close event ends the socket.
      ops.op_ws_close(r.hostId, 1000, "");
      return;
    }
    r.protocol = result.protocol ?? null;
    r.extensions = result.extensions ?? null;
    r.state = "accepted";
    dispatch(r.ws, new Event("open", undefined, kTrusted));
    scheduleDrain(r);
  }

  function connectFailed(r, e) {
    hostSockets.delete(r.hostId);
    releasePending();
    const wasConnecting = r.state === "connecting";
    r.state = "released";
    if (!wasConnecting) return;
    r.closedIncoming = true;
    reportError(r, e);
    dispatch(r.ws, new CloseEvent("close", { code: 1006, reason: "Failed to establish websocket connection", wasClean: false }, kTrusted));
  }

  // ---- coupling a pair end to the client connection ----------------------------------------

  // Called by the dispatch loop for a `101` Response carrying `ws`. Throws
  // workerd's TypeErrors for ends that cannot be returned. `onEnd` runs once the
  // connection is over. Returns `attach(id)`, to be called with the host socket
  // id op_dispatch_respond allocated: from then on the client connection takes
  // `ws`'s place, starting with what the Worker sent before returning.
  function couple(ws, onEnd) {
    const r = recordOf(ws);
    if (r === undefined) throw new TypeError("Failed to construct 'Response': webSocket is not a WebSocket.");
    if (r.state === "connecting" || r.peer === null) {
      throw new TypeError("Can't return WebSocket in a Response if it was created with `new WebSocket()`");
    }
    if (r.state === "coupled" || r.state === "released") {
      throw new TypeError("Can't return WebSocket that was already used in a response.");
    }
    if (r.state === "accepted") throw new TypeError("Can't return WebSocket in a Response after calling accept().");
    r.state = "coupled";
    return {
      attach(id) {
        if (typeof id !== "number") {
          // The request is already gone: so is the connection.
          r.state = "released";
          onEnd();
          return;
        }
        r.hostId = id;
        r.onEnd = onEnd;
        hostSockets.set(id, { end: r, receiver: r.peer });
        holdPending();
        const frames = r.inbox;
        r.inbox = [];
        for (const frame of frames) sendToHost(id, frame);
      },
    };
  }

  // A frame from the network: {id, kind: "text"|"binary"|"close"|"error", data, code, reason, clean, message}.
  function onHostEvent(ev) {
    if (ev.payload !== undefined && ev.payload !== null) ev.data = pullPayload(ev.payload, ev.kind === "text");
    const entry = hostSockets.get(ev.id);
    if (entry === undefined) return;
    let frame;
    if (ev.kind === "close") {
      frame = { kind: "close", code: ev.code, reason: ev.reason ?? "", clean: !!ev.clean };
    } else if (ev.kind === "error") {
      frame = { kind: "error", error: new Error(ev.message) };
    } else {
      frame = { kind: ev.kind, data: ev.data };
    }
    if (entry.receiver !== null) receive(entry.receiver, frame);
    if (ev.kind === "close" || ev.kind === "error") {
      hostSockets.delete(ev.id);
      const end = entry.end;
      if (end.state === "coupled") end.state = "released";
      releasePending();
      const onEnd = end.onEnd;
      end.onEnd = null;
      onEnd?.();
    }
  }

  // ---- fetched: fetch() with `Upgrade: websocket` -----------------------------------------

  // For host socket `id` (op_ws_create with headers), registered before
  // op_ws_connect resolves so no frame sent right after the handshake is lost.
  // `webSocket` is the Worker's end (it must accept(), or be returned in a
  // Response); the hidden other end is coupled to the connection. `discard()`
  // when the origin did not switch protocols or the connection failed.
  function forFetch(id) {
    const ws = new WebSocket(kPair);
    const r = recordOf(ws);
    const net = newRecord(null);
    r.peer = net;
    net.peer = r;
    net.state = "coupled";
    net.hostId = id;
    hostSockets.set(id, { end: net, receiver: r });
    holdPending();
    return {
      webSocket: ws,
      discard() {
        net.state = r.state = "released";
        if (hostSockets.delete(id)) releasePending();
      },
    };
  }

  // ---- WebSocketPair -----------------------------------------------------------------------

  class WebSocketPair {
    constructor() {
      const a = new WebSocket(kPair);
      const b = new WebSocket(kPair);
      const ra = recordOf(a), rb = recordOf(b);
      ra.peer = rb;
      rb.peer = ra;
      Object.defineProperty(this, "0", { value: a, enumerable: true, writable: false, configurable: false });
      Object.defineProperty(this, "1", { value: b, enumerable: true, writable: false, configurable: false });
    }
    *[Symbol.iterator]() {
      yield this[0];
      yield this[1];
    }
  }
  Object.defineProperty(WebSocketPair.prototype, Symbol.toStringTag, { value: "WebSocketPair", configurable: true });

  internals.webSocket = {
    __proto__: null,
    WebSocket, WebSocketPair, MessageEvent, CloseEvent, ErrorEvent,
    couple, onHostEvent, forFetch,
    isWebSocket: (x) => recordOf(x) !== undefined,
  };
  internals.exposeGlobal("WebSocket", WebSocket);
  internals.exposeGlobal("WebSocketPair", WebSocketPair);
  internals.exposeGlobal("MessageEvent", MessageEvent);
  internals.exposeGlobal("CloseEvent", CloseEvent);
  if (typeof globalThis.ErrorEvent !== "function") internals.exposeGlobal("ErrorEvent", ErrorEvent);
})(globalThis.__isolet_internals);
