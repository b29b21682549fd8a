// URLSearchParams: parsing, serialisation, mutation, iteration.
import { serve } from "./harness.js";

const sp = (init) => new URLSearchParams(init);
const entries = (p) => Array.from(p);

const cases = {
  "from-string-leading-question-mark": () => entries(sp("?a=1&b=2")),
  "from-string-no-leading-question-mark": () => entries(sp("a=1&b=2")),
  "from-record": () => entries(sp({ a: "1", b: "x y" })),
  "from-sequence": () => entries(sp([["a", "1"], ["a", "2"], ["b", "3"]])),
  "from-sequence-bad-pair": () => sp([["a", "1", "2"]]),
  "from-sequence-non-iterable-pair": () => sp([1]),
  "from-url-search-params": () => entries(sp(sp("a=1&b=2"))),
  "from-undefined": () => sp(undefined).toString(),
  "from-number": () => sp(123).toString(),
  "plus-decodes-to-space": () => sp("a=b+c&d%2Be=f").get("a") + "|" + sp("d%2Be=f").get("d+e"),
  "invalid-percent-kept": () => entries(sp("a=%zz&b=%4&c=%41")),
  "invalid-utf8-percent-replaced": () => sp("a=%ff%fe").get("a"),
  "to-string-encoding": () => sp({ q: "a b*~-._!'()&=+/?:@ä" }).toString(),
  "to-string-empty": () => sp("").toString(),
  "only-separators": () => entries(sp("&&=&a&")),
  "key-without-value": () => [sp("a").get("a"), sp("a").toString()],
  "append-keeps-duplicates": () => { const p = sp("a=1"); p.append("a", "2"); return [p.getAll("a"), p.toString()]; },
  "get-first-of-duplicates": () => sp("a=1&a=2").get("a"),
  "get-missing-is-null": () => sp("a=1").get("b"),
  "get-all-missing-is-empty": () => sp("a=1").getAll("b"),
  "set-replaces-first-removes-rest": () => { const p = sp("a=1&b=2&a=3"); p.set("a", "9"); return p.toString(); },
  "delete-all": () => { const p = sp("a=1&b=2&a=3"); p.delete("a"); return p.toString(); },
  "delete-with-value": () => { const p = sp("a=1&b=2&a=3"); p.delete("a", "3"); return p.toString(); },
  "has-with-value": () => { const p = sp("a=1&a=2"); return [p.has("a"), p.has("a", "2"), p.has("a", "3"), p.has("b")]; },
  "sort-stable-by-code-units": () => { const p = sp("z=1&a=2&z=0&\uFB03=3&a=1&\u{1F600}=4"); p.sort(); return entries(p); },
  "size": () => [sp("a=1&a=2&b=3").size, sp("").size],
  "keys-values-entries": () => { const p = sp("a=1&b=2"); return [Array.from(p.keys()), Array.from(p.values()), Array.from(p.entries())]; },
  "for-each-arguments": () => { const out = []; const p = sp("a=1&b=2"); p.forEach((v, k, o) => out.push([k, v, o === p])); return out; },
  "unicode-round-trip": () => { const p = sp(); p.append("ключ", "値 ✓"); return [p.toString(), sp(p.toString()).get("ключ")]; },
  "lone-surrogate-replaced": () => { const p = sp(); p.append("a", "x\uD800y"); return p.toString(); },
  "append-coerces-to-string": () => { const p = sp(); p.append("n", 1); p.append("u", undefined); p.append("o", null); return p.toString(); },
  "append-missing-argument": () => sp().append("a"),
  "to-string-tag": () => Object.prototype.toString.call(sp("")),
  "iterator-to-string-tag": () => Object.prototype.toString.call(sp("a=1")[Symbol.iterator]()),
  "url-linked-sort-updates-url": () => { const u = new URL("http://a.test/?b=2&a=1"); u.searchParams.sort(); return u.href; },
  "url-linked-delete-last-drops-question-mark": () => { const u = new URL("http://a.test/?a=1#h"); u.searchParams.delete("a"); return u.href; },
  "iteration-sees-appends": () => { const p = sp("a=1"); const out = []; for (const [k] of p) { out.push(k); if (out.length < 3) p.append("x" + out.length, ""); } return out; },
};

export default serve(cases);
