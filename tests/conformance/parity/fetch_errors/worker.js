// fetch(): argument and scheme errors that are raised before any network I/O.
import { serve } from "./harness.js";

const cases = {
  "no-arguments": () => fetch(),
  "invalid-url": () => fetch("not a url"),
  "relative-url": () => fetch("/relative/path"),
  "empty-url": () => fetch(""),
  "unsupported-scheme-ftp": () => fetch("ftp://a.test/file"),
  "unsupported-scheme-file": () => fetch("file:///etc/passwd"),
  "unsupported-scheme-custom": () => fetch("foo://bar/"),
  "data-url": async () => { const r = await fetch("data:text/plain;charset=utf-8,h%C3%A9"); return [r.status, r.headers.get("content-type"), await r.text()]; },
  "blob-url": () => fetch("blob:https://a.test/uuid"),
  "invalid-method": () => fetch("https://a.test/", { method: "BAD METHOD" }),
  "get-with-body": () => fetch("https://a.test/", { body: "x" }),
  "head-with-body": () => fetch("https://a.test/", { method: "HEAD", body: "x" }),
  "invalid-header-name": () => fetch("https://a.test/", { headers: { "bad name": "x" } }),
  "invalid-header-value": () => fetch("https://a.test/", { headers: { "x-a": "a\nb" } }),
  "invalid-redirect-mode": () => fetch("https://a.test/", { redirect: "sometimes" }),
  "already-aborted-signal": () => { const c = new AbortController(); c.abort(); return fetch("https://a.test/", { signal: c.signal }); },
  "already-aborted-custom-reason": () => fetch("https://a.test/", { signal: AbortSignal.abort(new RangeError("custom reason")) }),
  "used-request-body": async () => { const r = new Request("https://a.test/", { method: "POST", body: "x" }); await r.text(); return fetch(r); },
  "init-not-object": () => fetch("https://a.test/", 5),
  "returns-promise": () => { const p = fetch("not a url"); p.catch(() => {}); return p instanceof Promise; },
  "error-is-rejection-not-throw": () => { try { const p = fetch("ftp://a.test/"); p.catch(() => {}); return "rejected asynchronously"; } catch (e) { return "threw synchronously: " + e.name; } },
  "fetch-length": () => [typeof fetch, fetch.length, fetch.name],
};

export default serve(cases);
