// fetch() with `Upgrade: websocket` to the origin named by `?url=`.
//   /exchange  accept, send text and binary, read the echoes, close: a JSON log
//   /plain     an upgrade the origin refuses: the plain Response, as JSON
//   /count     upgrade fetches until the subrequest limit stops them
//   /pass      returns the fetched Response itself: the client talks to the origin
function upgradeHeaders(extra = {}) {
  return { Upgrade: "websocket", "X-Trace": "abc", ...extra };
}

async function exchange(target) {
  const resp = await fetch(target, { headers: upgradeHeaders({ "Sec-WebSocket-Protocol": "chat" }) });
  const ws = resp.webSocket;
  const log = [["response", resp.status, resp.body, ws instanceof WebSocket, resp.headers.get("upgrade"),
    resp.headers.get("sec-websocket-protocol"), ws.readyState]];
  try { ws.send("too early"); } catch (e) { log.push(["send before accept", e.name, e.message]); }
  const messages = [];
  let wake = null;
  ws.addEventListener("message", (e) => {
    messages.push(typeof e.data === "string" ? e.data : [...new Uint8Array(e.data)]);
    wake?.();
  });
  const next = () => new Promise((resolve) => { wake = resolve; }).then(() => messages.shift());
  ws.accept();
  // The origin greets first: the greeting waited for accept().
  log.push(["greeting", messages.length > 0 ? messages.shift() : await next()]);
  ws.send("ping");
  log.push(["text", await next()]);
  ws.send(new Uint8Array([1, 2, 3]));
  log.push(["binary", await next()]);
  const closed = new Promise((resolve) => ws.addEventListener("close", (e) => resolve([e.code, e.reason, e.wasClean])));
  ws.close(4001, "bye");
  log.push(["close", ...(await closed), ws.readyState]);
  return log;
}

async function plain(target) {
  const resp = await fetch(target, { headers: upgradeHeaders() });
  return [resp.status, resp.statusText, resp.webSocket, resp.headers.get("content-type"), await resp.text(), resp.url];
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const target = url.searchParams.get("url");
    try {
      switch (url.pathname) {
        case "/exchange":
          return Response.json(await exchange(target));
        case "/plain":
          return Response.json(await plain(target));
        case "/count": {
          // Upgrade fetches until one fails: each is a subrequest.
          let n = 0;
          try {
            for (; n < 10; n++) await (await fetch(target, { headers: upgradeHeaders() })).text();
          } catch (e) {
            return new Response(`${n} ${e.name}: ${e.message}`);
          }
          return new Response(`${n}`);
        }
        case "/pass":
          return fetch(target, { headers: request.headers });
        default:
          return new Response("not found", { status: 404 });
      }
    } catch (e) {
      return Response.json(["threw", e.name, e.message]);
    }
  },
};
