// A busy loop burns CPU; a long timer only waits. Allocation grows the heap.
export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === "/busy") {
      for (;;) {}
    }
    if (url.pathname === "/wait") {
      // 400 ms of waiting is far more wall time than the 100 ms CPU limit.
      await new Promise((r) => setTimeout(r, 400));
      return new Response("waited");
    }
    if (url.pathname === "/alloc") {
      const hold = [];
      for (;;) hold.push(new Array(10000).fill(Math.random()));
    }
    return new Response("ok");
  },
};
