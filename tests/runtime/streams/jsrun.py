"""Run a JS snippet (an async function body) in a fresh booted isolate."""

from __future__ import annotations

from tests.runtime.harness import run_js

TIMEOUT_SECONDS = 10


# A never-settling promise fails the test (the harness's timeout), not the run.
run = run_js


# Prepended to snippets that need it: collect a stream's chunks.
COLLECT = """
async function collect(rs) {
  const out = [];
  const reader = rs.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return out;
    out.push(value);
  }
}
async function rejection(p) {
  try { await p; return "fulfilled"; } catch (e) { return e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e); }
}
"""
