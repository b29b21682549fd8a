// node:path/posix — the POSIX flavour of node:path.
import internals from "isolet-internal:internals";
import { posix } from "node:path";

export const {
  resolve, normalize, isAbsolute, join, relative, toNamespacedPath, dirname, basename, extname,
  format, parse, matchesGlob, sep, delimiter, win32,
} = posix;
export { posix };
// For process.getBuiltinModule().
(internals.nodeBuiltins ??= new Map()).set("path/posix", posix);

export default posix;
