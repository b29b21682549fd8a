// atob() and btoa() (HTML spec, forgiving-base64), on V8's built-in
// Uint8Array.fromBase64 / toBase64 so no op is needed.
//
// Exports `internals.base64 = { encode(u8, url=false) -> string,
// decode(str, url=false) -> Uint8Array | null }` (url: base64url, no padding
// on encode, padding optional on decode).
"use strict";
((internals) => {
  const { Uint8Array, String } = globalThis;
  const { checkArguments, toDOMString, bytesToLatin1 } = internals.webidl;
  const DOMException = internals.DOMException;
  // fromBase64/toBase64 are absent while the snapshot is built (V8 installs these newer
  // builtins per context at startup), so they are looked up at call time.

  const ATOB_ERROR = "atob() called with invalid base64-encoded data. (Only whitespace, '+', '/', " +
    "alphanumeric ASCII, and up to two terminal '=' signs when the input data length is divisible " +
    "by 4 are allowed.)";
  const BTOA_ERROR = "btoa() can only operate on characters in the Latin1 (ISO/IEC 8859-1) range.";

  // Forgiving-base64 decode. fromBase64's "loose" last-chunk handling accepts exactly the
  // forgiving grammar (whitespace anywhere, optional padding, 2-3 char final chunk) except that
  // it also strips whitespace between '=' signs, which forgiving-base64 does too (whitespace is
  // removed first). Returns null on failure.
  function decode(str, url = false) {
    try {
      return Uint8Array.fromBase64(str, { alphabet: url ? "base64url" : "base64", lastChunkHandling: "loose" });
    } catch {
      return null;
    }
  }

  function encode(u8, url = false) {
    return url ? u8.toBase64({ alphabet: "base64url", omitPadding: true }) : u8.toBase64();
  }

  function atob(data) {
    checkArguments(arguments.length, ["string"], "Failed to execute 'atob' on 'ServiceWorkerGlobalScope'");
    const bytes = decode(toDOMString(data));
    if (bytes === null) throw new DOMException(ATOB_ERROR, "InvalidCharacterError");
    return bytesToLatin1(bytes);
  }

  function btoa(data) {
    checkArguments(arguments.length, ["JsString"], "Failed to execute 'btoa' on 'ServiceWorkerGlobalScope'");
    const s = toDOMString(data);
    const n = s.length;
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 0xff) throw new DOMException(BTOA_ERROR, "InvalidCharacterError");
      bytes[i] = c;
    }
    return bytes.toBase64();
  }

  internals.base64 = { __proto__: null, encode, decode };
  internals.exposeGlobal("atob", atob);
  internals.exposeGlobal("btoa", btoa);
})(globalThis.__isolet_internals);
