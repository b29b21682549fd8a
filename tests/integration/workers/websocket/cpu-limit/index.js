// A socket whose message handler can run past the CPU limit ("spin").
export default {
  fetch() {
    const [client, server] = Object.values(new WebSocketPair());
    server.accept();
    server.addEventListener("message", (e) => {
      if (e.data === "spin") for (;;);
      server.send(e.data);
    });
    return new Response(null, { status: 101, webSocket: client });
  },
};
