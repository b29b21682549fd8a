// node:path — Node's path API with its exact results. The default export and
// the named exports are the POSIX flavour (workerd always answers as a POSIX
// host); `win32` carries the Windows flavour. As in workerd, the current
// working directory that `resolve` starts from is "/", whatever
// process.cwd() says, and `matchesGlob` is not implemented.
import internals from "isolet-internal:internals";
import { validateObject, validateString } from "isolet-internal:node/validators";

const SLASH = 47; // "/"
const BACKSLASH = 92; // "\\"
const DOT = 46; // "."
const COLON = 58; // ":"

const isPosixSep = (code) => code === SLASH;
const isWinSep = (code) => code === SLASH || code === BACKSLASH;
const isDriveLetter = (code) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

// Collapses "." and ".." segments of `path` (separators already recognised by
// `isSep`), joining the result with `sep`. Leading ".." segments stay when the
// path may climb above its root (a relative path).
function normalizeSegments(path, allowAboveRoot, sep, isSep) {
  const out = [];
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && !isSep(path.charCodeAt(i))) continue;
    const segment = path.slice(start, i);
    start = i + 1;
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (allowAboveRoot) out.push("..");
      continue;
    }
    out.push(segment);
  }
  return out.join(sep);
}

// The extension scan shared by extname and parse: from the end of `path`
// down to `stop`, the last dot of the last segment (trailing separators
// ignored) and where that segment starts.
function scanBase(path, stop, isSep, startPartInit = stop) {
  let startDot = -1;
  let startPart = startPartInit;
  let end = -1;
  let matchedSlash = true;
  // 0: nothing but the dot seen before it; 1: only dots; -1: a real character.
  let preDotState = 0;
  for (let i = path.length - 1; i >= stop; --i) {
    const code = path.charCodeAt(i);
    if (isSep(code)) {
      if (!matchedSlash) {
        startPart = i + 1;
        break;
      }
      continue;
    }
    if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
    if (code === DOT) {
      if (startDot === -1) startDot = i;
      else if (preDotState !== 1) preDotState = 1;
    } else if (startDot !== -1) {
      preDotState = -1;
    }
  }
  const noExt = startDot === -1 || end === -1 || preDotState === 0 ||
    (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1);
  return { startDot, startPart, end, noExt };
}

// basename's scan: the last segment, with `suffix` removed when it ends the
// segment and is not the whole of it.
function baseOf(path, suffix, stop, isSep) {
  let start = stop;
  let end = -1;
  let matchedSlash = true;
  if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
    if (suffix === path) return "";
    let extIdx = suffix.length - 1;
    let firstNonSlashEnd = -1;
    for (let i = path.length - 1; i >= stop; --i) {
      const code = path.charCodeAt(i);
      if (isSep(code)) {
        if (!matchedSlash) {
          start = i + 1;
          break;
        }
        continue;
      }
      if (firstNonSlashEnd === -1) {
        matchedSlash = false;
        firstNonSlashEnd = i + 1;
      }
      if (extIdx >= 0) {
        if (code === suffix.charCodeAt(extIdx)) {
          if (--extIdx === -1) end = i;
        } else {
          extIdx = -1;
          end = firstNonSlashEnd;
        }
      }
    }
    if (start === end) end = firstNonSlashEnd;
    else if (end === -1) end = path.length;
    return path.slice(start, end);
  }
  for (let i = path.length - 1; i >= stop; --i) {
    if (isSep(path.charCodeAt(i))) {
      if (!matchedSlash) {
        start = i + 1;
        break;
      }
    } else if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
  }
  return end === -1 ? "" : path.slice(start, end);
}

function formatWith(sep, pathObject) {
  validateObject(pathObject, "pathObject");
  const dir = pathObject.dir || pathObject.root;
  const ext = pathObject.ext ? `${pathObject.ext[0] === "." ? "" : "."}${pathObject.ext}` : "";
  const base = pathObject.base || `${pathObject.name || ""}${ext}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

const posix = {
  resolve(...args) {
    let resolved = "";
    let absolute = false;
    for (let i = args.length - 1; i >= -1 && !absolute; i--) {
      const path = i >= 0 ? args[i] : "/";
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
      resolved = `${path}/${resolved}`;
      absolute = path.charCodeAt(0) === SLASH;
    }
    resolved = normalizeSegments(resolved, !absolute, "/", isPosixSep);
    if (absolute) return `/${resolved}`;
    return resolved.length > 0 ? resolved : ".";
  },

  normalize(path) {
    validateString(path, "path");
    if (path.length === 0) return ".";
    const absolute = path.charCodeAt(0) === SLASH;
    const trailing = path.charCodeAt(path.length - 1) === SLASH;
    let out = normalizeSegments(path, !absolute, "/", isPosixSep);
    if (out.length === 0) {
      if (absolute) return "/";
      return trailing ? "./" : ".";
    }
    if (trailing) out += "/";
    return absolute ? `/${out}` : out;
  },

  isAbsolute(path) {
    validateString(path, "path");
    return path.length > 0 && path.charCodeAt(0) === SLASH;
  },

  join(...args) {
    if (args.length === 0) return ".";
    const parts = [];
    for (const arg of args) {
      validateString(arg, "path");
      if (arg.length > 0) parts.push(arg);
    }
    if (parts.length === 0) return ".";
    return posix.normalize(parts.join("/"));
  },

  relative(from, to) {
    validateString(from, "from");
    validateString(to, "to");
    if (from === to) return "";
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return "";
    const fromParts = from === "/" ? [] : from.slice(1).split("/");
    const toParts = to === "/" ? [] : to.slice(1).split("/");
    let common = 0;
    while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
    const up = new Array(fromParts.length - common).fill("..");
    return [...up, ...toParts.slice(common)].join("/");
  },

  toNamespacedPath(path) {
    return path;
  },

  dirname(path) {
    validateString(path, "path");
    if (path.length === 0) return ".";
    const hasRoot = path.charCodeAt(0) === SLASH;
    let end = -1;
    let matchedSlash = true;
    for (let i = path.length - 1; i >= 1; --i) {
      if (path.charCodeAt(i) === SLASH) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) return hasRoot ? "/" : ".";
    if (hasRoot && end === 1) return "//";
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, "ext");
    validateString(path, "path");
    return baseOf(path, suffix, 0, isPosixSep);
  },

  extname(path) {
    validateString(path, "path");
    const { startDot, end, noExt } = scanBase(path, 0, isPosixSep);
    return noExt ? "" : path.slice(startDot, end);
  },

  format: formatWith.bind(null, "/"),

  parse(path) {
    validateString(path, "path");
    const ret = { root: "", dir: "", base: "", ext: "", name: "" };
    if (path.length === 0) return ret;
    const absolute = path.charCodeAt(0) === SLASH;
    if (absolute) ret.root = "/";
    const { startDot, startPart, end, noExt } = scanBase(path, absolute ? 1 : 0, isPosixSep, 0);
    if (end !== -1) {
      const start = startPart === 0 && absolute ? 1 : startPart;
      ret.base = path.slice(start, end);
      if (noExt) {
        ret.name = ret.base;
      } else {
        ret.name = path.slice(start, startDot);
        ret.ext = path.slice(startDot, end);
      }
    }
    if (startPart > 0) ret.dir = path.slice(0, startPart - 1);
    else if (absolute) ret.dir = "/";
    return ret;
  },

  matchesGlob(_path, _pattern) {
    throw new Error("path.posix.matchesGlob() is not implemented.");
  },

  sep: "/",
  delimiter: ":",
  win32: null,
  posix: null,
};

// ---- win32 ---------------------------------------------------------------

// The root of a Windows path: where it ends, its device ("C:" or
// "\\\\server\\share"), whether it is absolute, and whether the path is
// nothing but a UNC root.
function winRoot(path) {
  const len = path.length;
  const out = { rootEnd: 0, device: undefined, absolute: false, uncOnly: false };
  if (len === 0) return out;
  const code = path.charCodeAt(0);
  if (len === 1) {
    if (isWinSep(code)) {
      out.rootEnd = 1;
      out.absolute = true;
    }
    return out;
  }
  if (isWinSep(code)) {
    out.absolute = true;
    out.rootEnd = 1;
    if (isWinSep(path.charCodeAt(1))) {
      out.rootEnd = 0;
      // A UNC root: two separators, a server, separators, a share.
      let j = 2;
      let last = j;
      while (j < len && !isWinSep(path.charCodeAt(j))) j++;
      if (j < len && j !== last) {
        const server = path.slice(last, j);
        last = j;
        while (j < len && isWinSep(path.charCodeAt(j))) j++;
        if (j < len && j !== last) {
          last = j;
          while (j < len && !isWinSep(path.charCodeAt(j))) j++;
          if (j === len || j !== last) {
            out.device = `\\\\${server}\\${path.slice(last, j)}`;
            out.rootEnd = j;
            out.uncOnly = j === len;
          }
        }
      }
    }
  } else if (isDriveLetter(code) && path.charCodeAt(1) === COLON) {
    out.device = path.slice(0, 2);
    out.rootEnd = 2;
    if (len > 2 && isWinSep(path.charCodeAt(2))) {
      out.absolute = true;
      out.rootEnd = 3;
    }
  }
  return out;
}

const win32 = {
  resolve(...args) {
    let resolvedDevice = "";
    let resolvedTail = "";
    let resolvedAbsolute = false;
    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (resolvedDevice.length === 0) {
        path = "/";
      } else {
        // The drive's own working directory is unknown: its root.
        path = `${resolvedDevice}\\`;
      }
      const { rootEnd, device = "", absolute } = winRoot(path);
      if (device.length > 0) {
        if (resolvedDevice.length > 0) {
          if (device.toLowerCase() !== resolvedDevice.toLowerCase()) continue;
        } else {
          resolvedDevice = device;
        }
      }
      if (resolvedAbsolute) {
        if (resolvedDevice.length > 0) break;
      } else {
        resolvedTail = `${path.slice(rootEnd)}\\${resolvedTail}`;
        resolvedAbsolute = absolute;
        if (absolute && resolvedDevice.length > 0) break;
      }
    }
    resolvedTail = normalizeSegments(resolvedTail, !resolvedAbsolute, "\\", isWinSep);
    return resolvedAbsolute
      ? `${resolvedDevice}\\${resolvedTail}`
      : `${resolvedDevice}${resolvedTail}` || ".";
  },

  normalize(path) {
    validateString(path, "path");
    const len = path.length;
    if (len === 0) return ".";
    if (len === 1) return path.charCodeAt(0) === SLASH ? "\\" : path;
    const { rootEnd, device, absolute, uncOnly } = winRoot(path);
    if (uncOnly) return `${device}\\`;
    let tail = rootEnd < len ? normalizeSegments(path.slice(rootEnd), !absolute, "\\", isWinSep) : "";
    if (tail.length === 0 && !absolute) tail = ".";
    if (tail.length > 0 && isWinSep(path.charCodeAt(len - 1))) tail += "\\";
    if (device === undefined) return absolute ? `\\${tail}` : tail;
    return absolute ? `${device}\\${tail}` : `${device}${tail}`;
  },

  isAbsolute(path) {
    validateString(path, "path");
    const len = path.length;
    if (len === 0) return false;
    const code = path.charCodeAt(0);
    return isWinSep(code) ||
      (len > 2 && isDriveLetter(code) && path.charCodeAt(1) === COLON && isWinSep(path.charCodeAt(2)));
  },

  join(...args) {
    if (args.length === 0) return ".";
    let joined;
    let firstPart;
    for (const arg of args) {
      validateString(arg, "path");
      if (arg.length > 0) {
        if (joined === undefined) joined = firstPart = arg;
        else joined += `\\${arg}`;
      }
    }
    if (joined === undefined) return ".";
    // A first part "\\\\x" must keep being a UNC root; a first part that only
    // looks like the start of one ("//" then nothing) must not become one.
    let needsReplace = true;
    let slashCount = 0;
    if (isWinSep(firstPart.charCodeAt(0))) {
      ++slashCount;
      const firstLen = firstPart.length;
      if (firstLen > 1 && isWinSep(firstPart.charCodeAt(1))) {
        ++slashCount;
        if (firstLen > 2) {
          if (isWinSep(firstPart.charCodeAt(2))) ++slashCount;
          else needsReplace = false;
        }
      }
    }
    if (needsReplace) {
      while (slashCount < joined.length && isWinSep(joined.charCodeAt(slashCount))) slashCount++;
      if (slashCount >= 2) joined = `\\${joined.slice(slashCount)}`;
    }
    return win32.normalize(joined);
  },

  relative(from, to) {
    validateString(from, "from");
    validateString(to, "to");
    if (from === to) return "";
    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);
    if (fromOrig === toOrig) return "";
    from = fromOrig.toLowerCase();
    to = toOrig.toLowerCase();
    if (from === to) return "";
    const trim = (s) => {
      let a = 0;
      while (a < s.length && s.charCodeAt(a) === BACKSLASH) a++;
      let b = s.length;
      while (b - 1 > a && s.charCodeAt(b - 1) === BACKSLASH) b--;
      return [a, b];
    };
    const [fromStart, fromEnd] = trim(from);
    const [toStart, toEnd] = trim(to);
    const fromLen = fromEnd - fromStart;
    const toLen = toEnd - toStart;
    const length = fromLen < toLen ? fromLen : toLen;
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const code = from.charCodeAt(fromStart + i);
      if (code !== to.charCodeAt(toStart + i)) break;
      else if (code === BACKSLASH) lastCommonSep = i;
    }
    if (i !== length) {
      if (lastCommonSep === -1) return toOrig;
    } else {
      if (toLen > length) {
        if (to.charCodeAt(toStart + i) === BACKSLASH) return toOrig.slice(toStart + i + 1);
        if (i === 2) return toOrig.slice(toStart + i); // from is a device root ("c:")
      }
      if (fromLen > length) {
        if (from.charCodeAt(fromStart + i) === BACKSLASH) lastCommonSep = i;
        else if (i === 2) lastCommonSep = 3;
      }
      if (lastCommonSep === -1) lastCommonSep = 0;
    }
    let out = "";
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
      if (i === fromEnd || from.charCodeAt(i) === BACKSLASH) out += out.length === 0 ? ".." : "\\..";
    }
    let toRest = toStart + lastCommonSep;
    if (out.length > 0) return `${out}${toOrig.slice(toRest, toEnd)}`;
    if (toOrig.charCodeAt(toRest) === BACKSLASH) ++toRest;
    return toOrig.slice(toRest, toEnd);
  },

  toNamespacedPath(path) {
    if (typeof path !== "string" || path.length === 0) return path;
    const resolved = win32.resolve(path);
    if (resolved.length <= 2) return path;
    if (resolved.charCodeAt(0) === BACKSLASH) {
      if (resolved.charCodeAt(1) === BACKSLASH) {
        const code = resolved.charCodeAt(2);
        if (code !== 63 && code !== DOT) return `\\\\?\\UNC\\${resolved.slice(2)}`;
      }
    } else if (isDriveLetter(resolved.charCodeAt(0)) && resolved.charCodeAt(1) === COLON &&
      resolved.charCodeAt(2) === BACKSLASH) {
      return `\\\\?\\${resolved}`;
    }
    return resolved;
  },

  dirname(path) {
    validateString(path, "path");
    const len = path.length;
    if (len === 0) return ".";
    let rootEnd = -1;
    let offset = 0;
    const code = path.charCodeAt(0);
    if (len === 1) return isWinSep(code) ? path : ".";
    if (isWinSep(code)) {
      rootEnd = offset = 1;
      if (isWinSep(path.charCodeAt(1))) {
        let j = 2;
        let last = j;
        while (j < len && !isWinSep(path.charCodeAt(j))) j++;
        if (j < len && j !== last) {
          last = j;
          while (j < len && isWinSep(path.charCodeAt(j))) j++;
          if (j < len && j !== last) {
            last = j;
            while (j < len && !isWinSep(path.charCodeAt(j))) j++;
            if (j === len) return path; // only a UNC root
            if (j !== last) rootEnd = offset = j + 1;
          }
        }
      }
    } else if (isDriveLetter(code) && path.charCodeAt(1) === COLON) {
      rootEnd = len > 2 && isWinSep(path.charCodeAt(2)) ? 3 : 2;
      offset = rootEnd;
    }
    let end = -1;
    let matchedSlash = true;
    for (let i = len - 1; i >= offset; --i) {
      if (isWinSep(path.charCodeAt(i))) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) {
      if (rootEnd === -1) return ".";
      end = rootEnd;
    }
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, "suffix");
    validateString(path, "path");
    const stop = path.length >= 2 && isDriveLetter(path.charCodeAt(0)) && path.charCodeAt(1) === COLON ? 2 : 0;
    return baseOf(path, suffix, stop, isWinSep);
  },

  extname(path) {
    validateString(path, "path");
    const stop = path.length >= 2 && path.charCodeAt(1) === COLON && isDriveLetter(path.charCodeAt(0)) ? 2 : 0;
    const { startDot, end, noExt } = scanBase(path, stop, isWinSep);
    return noExt ? "" : path.slice(startDot, end);
  },

  format: formatWith.bind(null, "\\"),

  parse(path) {
    validateString(path, "path");
    const ret = { root: "", dir: "", base: "", ext: "", name: "" };
    if (path.length === 0) return ret;
    const len = path.length;
    let rootEnd = 0;
    const code = path.charCodeAt(0);
    if (len === 1) {
      if (isWinSep(code)) {
        ret.root = ret.dir = path;
        return ret;
      }
      ret.base = ret.name = path;
      return ret;
    }
    if (isWinSep(code)) {
      rootEnd = 1;
      if (isWinSep(path.charCodeAt(1))) {
        let j = 2;
        let last = j;
        while (j < len && !isWinSep(path.charCodeAt(j))) j++;
        if (j < len && j !== last) {
          last = j;
          while (j < len && isWinSep(path.charCodeAt(j))) j++;
          if (j < len && j !== last) {
            last = j;
            while (j < len && !isWinSep(path.charCodeAt(j))) j++;
            if (j === len) rootEnd = j;
            else if (j !== last) rootEnd = j + 1;
          }
        }
      }
    } else if (isDriveLetter(code) && path.charCodeAt(1) === COLON) {
      if (len <= 2) {
        ret.root = ret.dir = path;
        return ret;
      }
      rootEnd = 2;
      if (isWinSep(path.charCodeAt(2))) {
        if (len === 3) {
          ret.root = ret.dir = path;
          return ret;
        }
        rootEnd = 3;
      }
    }
    if (rootEnd > 0) ret.root = path.slice(0, rootEnd);
    const { startDot, startPart, end, noExt } = scanBase(path, rootEnd, isWinSep);
    if (end !== -1) {
      ret.base = path.slice(startPart, end);
      if (noExt) {
        ret.name = ret.base;
      } else {
        ret.name = path.slice(startPart, startDot);
        ret.ext = path.slice(startDot, end);
      }
    }
    ret.dir = startPart > 0 && startPart !== rootEnd ? path.slice(0, startPart - 1) : ret.root;
    return ret;
  },

  matchesGlob(_path, _pattern) {
    throw new Error("path.win32.matchesGlob() is not implemented.");
  },

  sep: "\\",
  delimiter: ";",
  win32: null,
  posix: null,
};

posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;

export const {
  resolve, normalize, isAbsolute, join, relative, toNamespacedPath, dirname, basename, extname,
  format, parse, matchesGlob, sep, delimiter,
} = posix;
export { posix, win32 };
// For process.getBuiltinModule().
(internals.nodeBuiltins ??= new Map()).set("path", posix);

export default posix;
