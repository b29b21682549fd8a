// node:path/win32 — the Windows flavour of node:path (as in workerd, its
// resolve() starts from "\\" since there is no working directory per drive).
import internals from "isolet-internal:internals";
import { win32 } from "node:path";

export const {
  resolve, normalize, isAbsolute, join, relative, toNamespacedPath, dirname, basename, extname,
  format, parse, matchesGlob, sep, delimiter, posix,
} = win32;
export { win32 };
// For process.getBuiltinModule().
(internals.nodeBuiltins ??= new Map()).set("path/win32", win32);

export default win32;
