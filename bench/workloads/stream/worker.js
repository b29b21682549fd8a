// stream: a 100 MB streamed response (no Content-Length), produced in 64 KiB
// chunks by a pull-based ReadableStream. Measures body throughput (bytes/s)
// and whether memory stays flat while the client reads at its own pace.
const TOTAL = 100 * 1000 * 1000;
const CHUNK = 64 * 1024;
const BLOCK = new Uint8Array(CHUNK).fill(0x61);

export default {
  async fetch(request) {
    let sent = 0;
    const body = new ReadableStream({
      pull(controller) {
        const n = Math.min(CHUNK, TOTAL - sent);
        // A fresh chunk each time: a transferred or reused buffer must not be written twice.
        controller.enqueue(n === CHUNK ? BLOCK.slice() : BLOCK.slice(0, n));
        sent += n;
        if (sent >= TOTAL) controller.close();
      },
    });
    return new Response(body, { headers: { "content-type": "application/octet-stream" } });
  },
};
