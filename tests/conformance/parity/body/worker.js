// Body mixin: reading once, used-body errors, decoding, formData parsing.
import { serve, caught } from "./harness.js";

const enc = (s) => new TextEncoder().encode(s);
const post = (body, headers) => new Request("https://a.test/", { method: "POST", body, headers });

const cases = {
  "text": async () => new Response("héllo").text(),
  "text-twice": async () => { const r = new Response("x"); await r.text(); return r.text(); },
  "body-used-after-text": async () => { const r = new Response("x"); const before = r.bodyUsed; await r.text(); return [before, r.bodyUsed]; },
  "json-after-text": async () => { const r = new Response("1"); await r.text(); return r.json(); },
  "array-buffer-after-used": async () => { const r = new Response("1"); await r.arrayBuffer(); return r.arrayBuffer(); },
  "request-text-twice": async () => { const r = post("x"); await r.text(); return r.text(); },
  "json-valid": async () => new Response('{"a":[1,true,null]}').json(),
  "json-invalid": async () => new Response("{nope").json(),
  "json-empty": async () => new Response("").json(),
  "json-with-bom": async () => new Response(new Uint8Array([0xef, 0xbb, 0xbf, 0x31])).json(),
  "array-buffer": async () => new Response("AB").arrayBuffer(),
  "bytes": async () => { const r = new Response("AB"); return typeof r.bytes === "function" ? r.bytes() : "no bytes()"; },
  "blob": async () => { const b = await new Response("xyz", { headers: { "content-type": "Text/Plain;A=B" } }).blob(); return [b.size, b.type, await b.text()]; },
  "blob-without-content-type": async () => (await new Response(new Uint8Array([1])).blob()).type,
  "text-strips-utf8-bom": async () => new Response(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).text(),
  "text-replaces-invalid-utf8": async () => new Response(new Uint8Array([0x41, 0xff, 0xc3, 0x42])).text(),
  "text-ignores-charset": async () => new Response(new Uint8Array([0xe9]), { headers: { "content-type": "text/plain; charset=latin1" } }).text(),
  "empty-text": async () => new Response().text(),
  "null-body-array-buffer": async () => (await new Response(null).arrayBuffer()).byteLength,
  "body-getter-same-stream": () => { const r = new Response("x"); return r.body === r.body; },
  "locked-body-text": async () => { const r = new Response("x"); r.body.getReader(); return r.text(); },
  "locked-body-used-flag": () => { const r = new Response("x"); r.body.getReader(); return r.bodyUsed; },
  "partially-read-then-text": async () => { const r = new Response("x"); const rd = r.body.getReader(); await rd.read(); rd.releaseLock(); return caught(() => r.text()).then((x) => [r.bodyUsed, x]); },
  "stream-read-to-end-marks-used": async () => { const r = new Response("abc"); const rd = r.body.getReader(); while (!(await rd.read()).done); return r.bodyUsed; },
  "stream-body-text": async () => new Response(new ReadableStream({ start(c) { c.enqueue(enc("a")); c.enqueue(enc("b")); c.close(); } })).text(),
  "stream-body-string-chunk": async () => new Response(new ReadableStream({ start(c) { c.enqueue("not bytes"); c.close(); } })).text(),
  "stream-body-errors": async () => new Response(new ReadableStream({ start(c) { c.error(new RangeError("src broke")); } })).text(),
  "clone-then-read-both": async () => { const a = new Response("dup"); const b = a.clone(); return [await b.text(), await a.text()]; },
  "clone-used": async () => { const a = new Response("dup"); await a.text(); return a.clone(); },
  "buffer-copied-at-construction": async () => { const u = enc("abc"); const r = new Response(u); u[0] = 0x7a; return r.text(); },
  "json-number-body": async () => new Response("42").json(),
  "form-data-urlencoded": async () => { const f = await new Response("a=1&b=x+y&a=%C3%A9", { headers: { "content-type": "application/x-www-form-urlencoded" } }).formData(); return Array.from(f); },
  "form-data-multipart": async () => {
    const body = "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\none\r\n--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.txt\"\r\nContent-Type: text/plain\r\n\r\nfile body\r\n--B--\r\n";
    const f = await new Response(body, { headers: { "content-type": "multipart/form-data; boundary=B" } }).formData();
    const file = f.get("f");
    return [f.get("a"), file instanceof File, file.name, file.type, await file.text()];
  },
  "form-data-multipart-malformed": async () => new Response("garbage", { headers: { "content-type": "multipart/form-data; boundary=B" } }).formData(),
  "form-data-multipart-no-boundary": async () => new Response("x", { headers: { "content-type": "multipart/form-data" } }).formData(),
  "form-data-wrong-content-type": async () => new Response("a=1", { headers: { "content-type": "text/plain" } }).formData(),
  "form-data-no-content-type": async () => new Response(new Uint8Array([97])).formData(),
  "form-data-round-trip": async () => { const f = new FormData(); f.append("k", "v"); f.append("file", new Blob(["data"], { type: "a/b" }), "n.bin"); const g = await new Response(f).formData(); return [g.get("k"), g.get("file").name, g.get("file").type, await g.get("file").text()]; },
  "request-json": async () => post('{"x":1}').json(),
  "request-array-buffer": async () => post("hi").arrayBuffer(),
  "request-body-stream-marks-used": async () => { const r = post("abc"); for await (const _ of r.body); return r.bodyUsed; },
  "incoming-get-body-null": (req) => [req.body, req.bodyUsed],
};

export default serve(cases);
