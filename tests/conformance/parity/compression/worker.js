// CompressionStream / DecompressionStream: round trips, fixed inputs, errors.
import { serve, readAll } from "./harness.js";

const enc = (s) => new TextEncoder().encode(s);
const concat = (chunks) => { const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0)); let o = 0; for (const c of chunks) { out.set(c, o); o += c.byteLength; } return out; };
// Errors surface on the readable side; the writer's promises are observed so none is left unhandled.
const run = async (stream, inputs) => { const w = stream.writable.getWriter(); const r = readAll(stream.readable); for (const i of inputs) w.write(i).catch(() => {}); w.close().catch(() => {}); return concat(await r); };
const roundTrip = async (format, text) => new TextDecoder().decode(await run(new DecompressionStream(format), [await run(new CompressionStream(format), [enc(text)])]));
const b64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
// "hello hello hello\n" compressed by Python zlib/gzip (mtime 0), fixed here.
const GZIP = "H4sIAAAAAAACA8tIzcnJV8hAkFwAO3yK3xIAAAA=";
const DEFLATE = "eJzLSM3JyVfIQJBcAEC1Boc=";
const DEFLATE_RAW = "y0jNyclXyECQXAA=";

const cases = {
  "gzip-round-trip": () => roundTrip("gzip", "hello gzip ".repeat(50)),
  "deflate-round-trip": () => roundTrip("deflate", "hello deflate"),
  "deflate-raw-round-trip": () => roundTrip("deflate-raw", "hello raw"),
  "empty-round-trip": () => roundTrip("gzip", ""),
  "unicode-round-trip": () => roundTrip("deflate", "héllo ✓ 😀"),
  "gzip-header-magic": async () => Array.from((await run(new CompressionStream("gzip"), [enc("x")])).subarray(0, 3)),
  "deflate-header-byte": async () => (await run(new CompressionStream("deflate"), [enc("x")]))[0],
  "gzip-decompress-fixed": async () => new TextDecoder().decode(await run(new DecompressionStream("gzip"), [b64(GZIP)])),
  "deflate-decompress-fixed": async () => new TextDecoder().decode(await run(new DecompressionStream("deflate"), [b64(DEFLATE)])),
  "deflate-raw-decompress-fixed": async () => new TextDecoder().decode(await run(new DecompressionStream("deflate-raw"), [b64(DEFLATE_RAW)])),
  "decompress-byte-at-a-time": async () => { const bytes = b64(GZIP); return new TextDecoder().decode(await run(new DecompressionStream("gzip"), Array.from(bytes, (b) => new Uint8Array([b])))); },
  "decompress-corrupt": async () => run(new DecompressionStream("gzip"), [enc("definitely not gzip")]),
  "decompress-truncated": async () => run(new DecompressionStream("gzip"), [b64(GZIP).subarray(0, 10)]),
  "decompress-trailing-garbage": async () => run(new DecompressionStream("gzip"), [concat([b64(GZIP), enc("junk")])]),
  "decompress-wrong-format": async () => run(new DecompressionStream("deflate"), [b64(GZIP)]),
  "compress-unknown-format": () => new CompressionStream("brotli"),
  "decompress-unknown-format": () => new DecompressionStream("zip"),
  "compress-no-format": () => new CompressionStream(),
  "compress-string-chunk": async () => run(new CompressionStream("gzip"), ["not bytes"]),
  "compress-array-buffer-chunk": async () => { const out = await run(new CompressionStream("deflate"), [enc("ab").buffer]); return new TextDecoder().decode(await run(new DecompressionStream("deflate"), [out])); },
  "pipe-through": async () => { const s = new Response("piped text").body.pipeThrough(new CompressionStream("gzip")).pipeThrough(new DecompressionStream("gzip")); return new Response(s).text(); },
  "response-body-decompress": async () => new Response(new Response(b64(GZIP)).body.pipeThrough(new DecompressionStream("gzip"))).text(),
  "readable-writable-types": () => { const s = new CompressionStream("gzip"); return [s.readable instanceof ReadableStream, s.writable instanceof WritableStream]; },
  "to-string-tags": () => [Object.prototype.toString.call(new CompressionStream("gzip")), Object.prototype.toString.call(new DecompressionStream("gzip"))],
};

export default serve(cases);
