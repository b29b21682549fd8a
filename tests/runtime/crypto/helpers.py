"""Run crypto.subtle snippets in a booted isolate, with small byte helpers in scope.

In scope for every snippet: ``hex(buf)``, ``unhex(str)``, ``utf8(str)``,
``b64u(str) -> Uint8Array``, and ``caught(promiseOrFn)`` which resolves to
``[constructor name, error name, message]`` of the rejection (or null).
"""

from __future__ import annotations

from typing import Any

from tests.runtime.harness import run_js

PRELUDE = """
const hex = (b) => [...new Uint8Array(b instanceof ArrayBuffer ? b : b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength))]
  .map((x) => x.toString(16).padStart(2, "0")).join("");
const unhex = (s) => new Uint8Array((s.match(/../g) ?? []).map((h) => parseInt(h, 16)));
const utf8 = (s) => new TextEncoder().encode(s);
const b64u = (s) => unhex([...atob(s.replace(/-/g, "+").replace(/_/g, "/"))].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join(""));
const caught = async (p) => {
  try { await (typeof p === "function" ? p() : p); return null; }
  catch (e) { return [e.constructor.name, e.name, e.message]; }
};
const subtle = crypto.subtle;
"""


def run(js: str) -> Any:
    return run_js(PRELUDE + js)
