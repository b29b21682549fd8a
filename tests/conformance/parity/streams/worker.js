// ReadableStream, WritableStream, TransformStream and the Workers stream classes.
import { serve, readAll, caught } from "./harness.js";

const enc = (s) => new TextEncoder().encode(s);
const dec = (chunks) => chunks.map((c) => (typeof c === "string" ? c : new TextDecoder().decode(c))).join("");
const from = (items) => new ReadableStream({ start(c) { for (const i of items) c.enqueue(i); c.close(); } });

const cases = {
  "read-chunks-in-order": async () => readAll(from(["a", "b", "c"])),
  "read-after-close-done": async () => { const r = from([]).getReader(); return [await r.read(), await r.read()]; },
  "locked-after-get-reader": () => { const s = from([]); const a = s.locked; s.getReader(); return [a, s.locked]; },
  "get-reader-twice": () => { const s = from([]); s.getReader(); s.getReader(); },
  "release-lock-unlocks": () => { const s = from([]); s.getReader().releaseLock(); return s.locked; },
  "read-after-release-lock": async () => { const r = from(["x"]).getReader(); r.releaseLock(); return r.read(); },
  "cancel-reason-reaches-source": async () => { let got; const s = new ReadableStream({ cancel(r) { got = r; } }); await s.cancel("why"); return got; },
  "cancel-locked-stream": async () => { const s = from([]); s.getReader(); return s.cancel(); },
  "start-error-rejects-read": async () => new ReadableStream({ start(c) { c.error(new TypeError("bad start")); } }).getReader().read(),
  "start-throws": async () => new ReadableStream({ start() { throw new RangeError("thrown in start"); } }).getReader().read(),
  "reader-closed-rejects-on-error": async () => { const s = new ReadableStream({ start(c) { c.error(new Error("E")); } }); return caught(() => s.getReader().closed); },
  "enqueue-after-close": () => { let ctl; new ReadableStream({ start(c) { ctl = c; } }); ctl.close(); ctl.enqueue("x"); },
  "close-twice": () => { let ctl; new ReadableStream({ start(c) { ctl = c; } }); ctl.close(); ctl.close(); },
  "desired-size-with-high-water-mark": () => { let ctl; new ReadableStream({ start(c) { ctl = c; } }, { highWaterMark: 3 }); const a = ctl.desiredSize; ctl.enqueue("x"); return [a, ctl.desiredSize]; },
  "pull-called-until-high-water-mark": async () => { let n = 0; new ReadableStream({ pull(c) { n++; c.enqueue(n); } }, { highWaterMark: 3 }); await new Promise((r) => setTimeout(r, 0)); return n; },
  "tee-both-branches": async () => { const [a, b] = from(["x", "y"]).tee(); return [await readAll(a), await readAll(b)]; },
  "tee-locks-original": () => { const s = from([]); s.tee(); return s.locked; },
  "async-iteration": async () => { const out = []; for await (const c of from([1, 2, 3])) out.push(c); return out; },
  "async-iteration-break-cancels": async () => { let reason = "not cancelled"; const s = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); }, cancel(r) { reason = r; } }); for await (const _ of s) break; return [reason, s.locked]; },
  "async-iteration-prevent-cancel": async () => { const s = from([1, 2]); for await (const _ of s.values({ preventCancel: true })) break; return [s.locked, await readAll(s)]; },
  "from-array": async () => (typeof ReadableStream.from === "function" ? readAll(ReadableStream.from([1, "two"])) : "no ReadableStream.from"),
  "from-async-generator": async () => { if (typeof ReadableStream.from !== "function") return "no ReadableStream.from"; return readAll(ReadableStream.from((async function* () { yield "a"; yield "b"; })())); },
  "from-non-iterable": () => ReadableStream.from(5),
  "pipe-to-writable": async () => { const got = []; await from(["p", "q"]).pipeTo(new WritableStream({ write(c) { got.push(c); } })); return got; },
  "pipe-to-locked-errors": async () => { const s = from([]); s.getReader(); return s.pipeTo(new WritableStream()); },
  "pipe-through-transform": async () => readAll(from(["ab", "cd"]).pipeThrough(new TransformStream({ transform(c, ctl) { ctl.enqueue(c.toUpperCase()); } }))),
  "transform-flush": async () => readAll(from(["x"]).pipeThrough(new TransformStream({ transform(c, ctl) { ctl.enqueue(c); }, flush(ctl) { ctl.enqueue("END"); } }))),
  "transform-identity-default": async () => readAll(from(["same"]).pipeThrough(new TransformStream())),
  "transform-error-propagates": async () => readAll(from(["x"]).pipeThrough(new TransformStream({ transform() { throw new TypeError("no thanks"); } }))),
  "writable-write-after-close": async () => { const w = new WritableStream().getWriter(); await w.close(); return w.write("x"); },
  "writable-abort-reason-to-sink": async () => { let got; const w = new WritableStream({ abort(r) { got = r; } }); await w.abort("stop"); return got; },
  "writable-desired-size": () => { const w = new WritableStream({}, { highWaterMark: 2 }).getWriter(); return w.desiredSize; },
  "writable-get-writer-twice": () => { const w = new WritableStream(); w.getWriter(); w.getWriter(); },
  "writable-sink-error-rejects-write": async () => { const w = new WritableStream({ write() { throw new Error("sink says no"); } }).getWriter(); return caught(() => w.write("x")); },
  "count-queuing-strategy": () => { const s = new CountQueuingStrategy({ highWaterMark: 4 }); return [s.highWaterMark, s.size("anything")]; },
  "byte-length-queuing-strategy": () => { const s = new ByteLengthQueuingStrategy({ highWaterMark: 16 }); return [s.highWaterMark, s.size(new Uint8Array(5))]; },
  "byte-stream-byob-read": async () => {
    const s = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array([1, 2, 3, 4, 5])); c.close(); } });
    const r = s.getReader({ mode: "byob" });
    const a = await r.read(new Uint8Array(2));
    const b = await r.read(new Uint8Array(8));
    return [a.value, a.done, b.value, b.done];
  },
  "byob-reader-on-default-stream": () => from([]).getReader({ mode: "byob" }),
  "reader-mode-invalid": () => from([]).getReader({ mode: "nope" }),
  "byte-stream-enqueue-string": () => { let ctl; new ReadableStream({ type: "bytes", start(c) { ctl = c; } }); ctl.enqueue("str"); },
  "byte-stream-default-reader": async () => readAll(new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array([9])); c.close(); } })),
  "identity-transform-bytes": async () => { const t = new IdentityTransformStream(); const w = t.writable.getWriter(); w.write(enc("id")); w.close(); return dec(await readAll(t.readable)); },
  "identity-transform-string-rejected": async () => { const t = new IdentityTransformStream(); const w = t.writable.getWriter(); return w.write("not bytes"); },
  "fixed-length-stream-exact": async () => { const t = new FixedLengthStream(3); const w = t.writable.getWriter(); w.write(enc("abc")); w.close(); return dec(await readAll(t.readable)); },
  "fixed-length-stream-too-long": async () => { const t = new FixedLengthStream(2); const w = t.writable.getWriter(); const r = caught(() => readAll(t.readable)); const wr = await caught(() => w.write(enc("abc"))); w.close().catch(() => {}); return { write: wr, read: await r }; },
  "fixed-length-stream-too-short": async () => { const t = new FixedLengthStream(5); const w = t.writable.getWriter(); const r = caught(() => readAll(t.readable)); await w.write(enc("ab")); return { close: await caught(() => w.close()), read: await r }; },
  "to-string-tags": () => [new ReadableStream(), new WritableStream(), new TransformStream()].map((s) => Object.prototype.toString.call(s)),
  "underlying-source-type-invalid": () => new ReadableStream({ type: "weird" }),
  "response-body-chunks-are-bytes": async () => { const chunks = await readAll(new Response("xyz").body); return chunks.map((c) => c.constructor.name); },
};

export default serve(cases);
