// atob / btoa (forgiving base64).
import { serve } from "./harness.js";

const codes = (s) => Array.from(s, (c) => c.charCodeAt(0));

const cases = {
  "btoa-ascii": () => btoa("hello world"),
  "btoa-empty": () => btoa(""),
  "btoa-padding-one": () => btoa("ab"),
  "btoa-padding-two": () => btoa("a"),
  "btoa-latin1": () => btoa("\u00ff\u00fe\u0080\u0000"),
  "btoa-above-latin1": () => btoa("✓"),
  "btoa-emoji": () => btoa("😀"),
  "btoa-undefined": () => btoa(undefined),
  "btoa-null": () => btoa(null),
  "btoa-number": () => btoa(12345),
  "btoa-no-argument": () => btoa(),
  "btoa-all-bytes": () => btoa(String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i))),
  "atob-basic": () => atob("aGVsbG8gd29ybGQ="),
  "atob-empty": () => atob(""),
  "atob-without-padding": () => [atob("YQ"), atob("YWI")],
  "atob-whitespace-ignored": () => atob(" aGVs\tbG8g\nd29y\fbGQ=\r "),
  "atob-binary-result": () => codes(atob("/+7dzA==")),
  "atob-invalid-character": () => atob("aGVsbG8*"),
  "atob-url-safe-alphabet": () => atob("-_-_"),
  "atob-length-mod-4-is-1": () => atob("abcde"),
  "atob-single-char": () => atob("a"),
  "atob-too-much-padding": () => atob("a==="),
  "atob-padding-in-middle": () => atob("ab=c"),
  "atob-padding-only": () => atob("=="),
  "atob-padding-with-whitespace": () => atob("YQ= ="),
  "atob-nonzero-trailing-bits": () => codes(atob("YR==")),
  "atob-three-padding-chars": () => atob("YQ==="),
  "atob-non-latin1-input": () => atob("YQ✓"),
  "atob-null": () => codes(atob(null)),
  "atob-undefined": () => atob(undefined),
  "atob-number": () => codes(atob(1234)),
  "atob-no-argument": () => atob(),
  "atob-error-is-dom-exception": () => { try { atob("!"); } catch (e) { return [e instanceof DOMException, e.name, e.code]; } },
  "btoa-error-is-dom-exception": () => { try { btoa("\u0100"); } catch (e) { return [e instanceof DOMException, e.name, e.code]; } },
  "round-trip-all-bytes": () => { const s = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => 255 - i)); return atob(btoa(s)) === s; },
  "uint8array-to-base64": () => (typeof Uint8Array.prototype.toBase64 === "function" ? new Uint8Array([1, 2, 255]).toBase64() : "no toBase64"),
  "uint8array-from-base64": () => (typeof Uint8Array.fromBase64 === "function" ? Uint8Array.fromBase64("AQL/") : "no fromBase64"),
};

export default serve(cases);
