// node:assert/strict. As in workerd it is node:assert itself (same named exports and default),
// whose equal / deepEqual are already the strict comparisons.
"use strict";

export * from "node:assert";
export { default } from "node:assert";
