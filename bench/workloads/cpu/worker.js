// cpu: CPU-bound work per request. SHA-256 of a 64 KiB buffer with
// crypto.subtle, then pure-JS JSON work (build 200 records, stringify, parse,
// aggregate). The same V8 runs the JS on both runtimes; only the boundary
// (the digest op, the request/response crossing) may cost more.
const DATA = new Uint8Array(64 * 1024);
for (let i = 0; i < DATA.length; i++) DATA[i] = (i * 31 + 7) & 0xff;

function hex(buf) {
  const b = new Uint8Array(buf);
  let s = "";
  for (let i = 0; i < b.length; i++) s += b[i].toString(16).padStart(2, "0");
  return s;
}

export default {
  async fetch(request) {
    const digest = hex(await crypto.subtle.digest("SHA-256", DATA));
    const records = [];
    for (let i = 0; i < 200; i++) {
      records.push({ id: i, name: `user-${i}`, score: (i * 7919) % 1000, tags: ["a", "b", String(i % 10)], active: i % 3 === 0 });
    }
    const parsed = JSON.parse(JSON.stringify(records));
    let total = 0;
    let active = 0;
    for (const r of parsed) {
      total += r.score;
      if (r.active) active++;
    }
    return Response.json({ sha256: digest, records: parsed.length, total, active });
  },
};
