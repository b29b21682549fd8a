// WebSocket behaviours for tests/integration/websocket.
// Events the Worker's sockets saw are kept per socket name (?name=) and read back with GET /events?name=.
const events = new Map();
const waiters = new Map();
let open = 0;

function record(name, event) {
  if (!events.has(name)) events.set(name, []);
  events.get(name).push(event);
  for (const resolve of waiters.get(name) ?? []) resolve();
  waiters.delete(name);
}

// The events of socket `name`, once there is at least one.
async function eventsOf(name) {
  if (!events.has(name)) {
    await new Promise((resolve) => {
      if (!waiters.has(name)) waiters.set(name, []);
      waiters.get(name).push(resolve);
    });
  }
  return events.get(name);
}

function upgrade(handler, headers = {}) {
  const [client, server] = Object.values(new WebSocketPair());
  handler(server);
  return new Response(null, { status: 101, webSocket: client, headers });
}

function echo(server, name) {
  server.accept();
  open++;
  server.addEventListener("message", (e) => {
    if (typeof e.data === "string" && e.data.startsWith("close:")) {
      const [, code, reason] = e.data.split(":");
      if (code === "") server.close();
      else server.close(Number(code), reason);
      return;
    }
    server.send(e.data);
  });
  server.addEventListener("close", (e) => {
    open--;
    record(name, { type: "close", code: e.code, reason: e.reason, wasClean: e.wasClean, readyState: server.readyState });
  });
  server.addEventListener("error", (e) => {
    record(name, { type: "error", message: e.message });
  });
}

async function outbound(url) {
  const ws = new WebSocket(url, ["chat", "superchat"]);
  const log = [["readyState", ws.readyState]];
  await new Promise((resolve, reject) => {
    ws.addEventListener("open", () => { log.push(["open", ws.protocol, ws.extensions, ws.url]); resolve(); });
    ws.addEventListener("error", (e) => { log.push(["error", e.message]); });
    ws.addEventListener("close", (e) => { log.push(["close", e.code, e.reason, e.wasClean]); resolve(); });
  });
  if (ws.readyState !== WebSocket.OPEN) return log;
  const reply = new Promise((resolve) => { ws.onmessage = (e) => resolve(e.data); });
  ws.send("ping");
  log.push(["message", await reply]);
  const binary = new Promise((resolve) => { ws.onmessage = (e) => resolve([...new Uint8Array(e.data)]); });
  ws.send(new Uint8Array([7, 8, 9]));
  log.push(["binary", await binary]);
  const closed = new Promise((resolve) => ws.addEventListener("close", (e) => resolve([e.code, e.reason, e.wasClean])));
  ws.close(4002, "done");
  log.push(["closed", ...(await closed)]);
  return log;
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const name = url.searchParams.get("name") ?? "default";
    switch (url.pathname) {
      case "/echo":
        return upgrade((server) => echo(server, name));
      case "/greet":
        // Sent before the Response is returned: must reach the client first.
        return upgrade((server) => { server.accept(); server.send("hello"); server.send("again"); echo(server, name); });
      case "/late-accept":
        // accept() after the Response: messages wait for it.
        return upgrade((server) => { setTimeout(() => echo(server, name), 0); });
      case "/send-before-accept":
        return upgrade((server) => {
          let message;
          try { server.send("x"); } catch (e) { message = `${e.name}: ${e.message}`; }
          server.accept();
          server.send(message);
          echo(server, name);
        });
      case "/protocol": {
        const wanted = (request.headers.get("sec-websocket-protocol") ?? "").split(",").map((s) => s.trim());
        return upgrade((server) => echo(server, name), { "Sec-WebSocket-Protocol": wanted[wanted.length - 1], "X-Extra": "yes" });
      }
      case "/request":
        return upgrade((server) => {
          server.accept();
          server.send(JSON.stringify({ url: request.url, method: request.method, upgrade: request.headers.get("upgrade") }));
          echo(server, name);
        });
      case "/refuse":
        return new Response("Expected Upgrade: websocket", { status: 426, headers: { "x-why": "refused" } });
      case "/events":
        return Response.json(await eventsOf(name));
      case "/stats":
        return Response.json({ open });
      case "/outbound":
        return Response.json(await outbound(url.searchParams.get("url")));
      default:
        return new Response("not found", { status: 404 });
    }
  },
};
