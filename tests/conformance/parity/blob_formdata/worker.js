// Blob, File and FormData.
import { serve } from "./harness.js";

const fd = () => new FormData();
const show = async (f) => {
  const out = [];
  for (const [k, v] of f) out.push([k, typeof v === "string" ? v : { file: v instanceof File, name: v.name, type: v.type, text: await v.text() }]);
  return out;
};

const cases = {
  "blob-size-and-type": () => { const b = new Blob(["ab", new Uint8Array([1, 2]), new Blob(["c"])], { type: "text/x" }); return [b.size, b.type]; },
  "blob-empty": async () => { const b = new Blob(); return [b.size, b.type, await b.text()]; },
  "blob-type-lowercased": () => new Blob([], { type: "Text/HTML" }).type,
  "blob-type-invalid-chars-emptied": () => new Blob([], { type: "text/\u00e9" }).type,
  "blob-type-control-char-emptied": () => new Blob([], { type: "a\nb" }).type,
  "blob-text": async () => new Blob(["hé", "llo"]).text(),
  "blob-array-buffer": async () => new Blob([new Uint8Array([1, 2, 3])]).arrayBuffer(),
  "blob-bytes": async () => { const b = new Blob(["AB"]); return typeof b.bytes === "function" ? b.bytes() : "no bytes()"; },
  "blob-stream": async () => { const parts = []; for await (const c of new Blob(["str", "eam"]).stream()) parts.push(...c); return new TextDecoder().decode(new Uint8Array(parts)); },
  "blob-lone-surrogate": async () => new Blob(["a\uD800b"]).arrayBuffer(),
  "blob-view-subset": async () => new Blob([new Uint8Array([1, 2, 3, 4]).subarray(1, 3)]).arrayBuffer(),
  "blob-number-part": async () => new Blob([42, null, undefined]).text(),
  "blob-parts-not-iterable": () => new Blob("abc"),
  "blob-parts-object": () => new Blob({}),
  "blob-slice": async () => new Blob(["abcdef"]).slice(1, 4).text(),
  "blob-slice-negative": async () => new Blob(["abcdef"]).slice(-3, -1).text(),
  "blob-slice-out-of-range": async () => { const s = new Blob(["abc"]).slice(5, 10); return [s.size, await s.text()]; },
  "blob-slice-content-type": () => new Blob(["abc"], { type: "a/b" }).slice(0, 1, "X/Y").type,
  "blob-slice-no-content-type": () => new Blob(["abc"], { type: "a/b" }).slice(0, 1).type,
  "blob-endings-native": async () => new Blob(["a\nb"], { endings: "native" }).text(),
  "blob-endings-invalid": () => new Blob(["a"], { endings: "weird" }),
  "blob-to-string-tag": () => Object.prototype.toString.call(new Blob()),
  "blob-not-mutated-by-source": async () => { const u = new Uint8Array([65]); const b = new Blob([u]); u[0] = 66; return b.text(); },
  "file-name-type-last-modified": () => { const f = new File(["x"], "a.txt", { type: "text/plain", lastModified: 1234 }); return [f.name, f.type, f.lastModified, f.size, f instanceof Blob]; },
  "file-default-last-modified-is-number": () => typeof new File([], "n").lastModified,
  "file-without-name": () => new File(["x"]),
  "file-name-coerced": () => new File([], 12).name,
  "file-to-string-tag": () => Object.prototype.toString.call(new File([], "f")),
  "file-slice-is-blob": () => { const s = new File(["abc"], "f").slice(1); return [s instanceof File, s instanceof Blob]; },
  "form-data-append-and-get": () => { const f = fd(); f.append("a", "1"); f.append("a", "2"); return [f.get("a"), f.getAll("a"), f.has("a"), f.get("b"), f.getAll("b")]; },
  "form-data-set-replaces": () => { const f = fd(); f.append("a", "1"); f.append("b", "x"); f.append("a", "2"); f.set("a", "3"); return Array.from(f); },
  "form-data-delete": () => { const f = fd(); f.append("a", "1"); f.append("b", "2"); f.append("a", "3"); f.delete("a"); return Array.from(f); },
  "form-data-blob-becomes-file": async () => { const f = fd(); f.append("b", new Blob(["x"], { type: "t/x" })); return show(f); },
  "form-data-blob-with-filename": async () => { const f = fd(); f.append("b", new Blob(["x"]), "name.bin"); return show(f); },
  "form-data-file-keeps-name": async () => { const f = fd(); f.append("b", new File(["x"], "orig.txt")); return show(f); },
  "form-data-file-renamed": async () => { const f = fd(); f.append("b", new File(["x"], "orig.txt"), "new.txt"); return show(f); },
  "form-data-filename-with-string": () => { const f = fd(); f.append("a", "v", "name.txt"); return Array.from(f); },
  "form-data-value-coerced": () => { const f = fd(); f.append("n", 1); f.append("o", { toString: () => "obj" }); return Array.from(f); },
  "form-data-name-lone-surrogate": () => { const f = fd(); f.append("a\uD800", "v\uDC00"); return Array.from(f).map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)]); },
  "form-data-newlines-normalised": async () => { const f = fd(); f.append("a\nb", "c\rd\r\ne"); const t = await new Response(f).text(); return t.includes("c\r\nd\r\ne"); },
  "form-data-keys-values-entries": () => { const f = fd(); f.append("b", "2"); f.append("a", "1"); return [Array.from(f.keys()), Array.from(f.values())]; },
  "form-data-for-each": () => { const f = fd(); f.append("x", "1"); const out = []; f.forEach((v, k, o) => out.push([k, v, o === f])); return out; },
  "form-data-constructor-arg-rejected": () => new FormData("nope"),
  "form-data-missing-arguments": () => fd().append("a"),
  "form-data-to-string-tag": () => Object.prototype.toString.call(fd()),
  "form-data-serialised-multipart": async () => {
    const f = fd(); f.append("field", "value"); f.append("up", new Blob(["bytes"], { type: "app/x" }), "u.bin");
    const r = new Response(f); const ct = r.headers.get("content-type"); const boundary = ct.split("boundary=")[1];
    return (await r.text()).split(boundary).join("BOUNDARY");
  },
  "form-data-quote-in-name-escaped": async () => { const f = fd(); f.append('a"b', "v"); f.append("f", new Blob(["x"]), 'q"\n.txt'); const r = new Response(f); const b = r.headers.get("content-type").split("boundary=")[1]; return (await r.text()).split(b).join("B"); },
};

export default serve(cases);
