// node:url — the WHATWG URL and URLSearchParams (the globals), the file-URL
// helpers, urlToHttpOptions, domainToASCII/domainToUnicode (through the URL
// parser, plus a punycode decoder), format() for WHATWG URLs and legacy
// objects, and the legacy parser: parse(url, parseQueryString,
// slashesDenoteHost), resolve, resolveObject and the Url class with Node's
// field semantics (every field null until the parser sets it). Results
// follow workerd, whose platform is always "linux".
import internals from "isolet-internal:internals";
import { parse as querystringParse, stringify as querystringStringify } from "node:querystring";
import { posix as pathPosix, win32 as pathWin32 } from "node:path";
import { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_URI, ERR_INVALID_URL, ERR_MISSING_ARGS, makeNodeError } from "isolet-internal:node/errors";
import { validateObject, validateString } from "isolet-internal:node/validators";

const { URL, URLSearchParams } = globalThis;
export { URL, URLSearchParams };

// ---- domains ------------------------------------------------------------------

// RFC 3492 punycode decoding of one label (without its "xn--" prefix).
function punycodeDecode(input) {
  const base = 36;
  const tMin = 1;
  const tMax = 26;
  const skew = 38;
  const damp = 700;
  let n = 128;
  let i = 0;
  let bias = 72;
  const output = [];
  const basic = input.lastIndexOf("-");
  for (let j = 0; j < (basic < 0 ? 0 : basic); j++) {
    if (input.charCodeAt(j) >= 0x80) throw new RangeError("not basic");
    output.push(input.charCodeAt(j));
  }
  const digit = (c) => {
    if (c >= 48 && c <= 57) return c - 22;
    if (c >= 65 && c <= 90) return c - 65;
    if (c >= 97 && c <= 122) return c - 97;
    throw new RangeError("bad digit");
  };
  const adapt = (delta, numPoints, first) => {
    delta = first ? Math.floor(delta / damp) : delta >> 1;
    delta += Math.floor(delta / numPoints);
    let k = 0;
    while (delta > ((base - tMin) * tMax) >> 1) {
      delta = Math.floor(delta / (base - tMin));
      k += base;
    }
    return k + Math.floor(((base - tMin + 1) * delta) / (delta + skew));
  };
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length;) {
    const oldi = i;
    for (let w = 1, k = base; ; k += base) {
      if (index >= input.length) throw new RangeError("truncated");
      const d = digit(input.charCodeAt(index++));
      i += d * w;
      const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
      if (d < t) break;
      w *= base - t;
    }
    bias = adapt(i - oldi, output.length + 1, oldi === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > 0x10ffff) throw new RangeError("overflow");
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

// The ASCII (IDNA) form of a domain as the URL parser makes it; "" when it
// is not a valid domain.
function toASCII(domain) {
  if (domain === "") return "";
  try {
    return new URL(`ws://${domain}`).hostname;
  } catch {
    return "";
  }
}

function toUnicode(domain) {
  const ascii = toASCII(domain);
  if (ascii === "" || ascii.startsWith("[")) return ascii;
  try {
    return ascii.split(".").map((label) => (label.startsWith("xn--") ? punycodeDecode(label.slice(4)) : label)).join(".");
  } catch {
    return "";
  }
}

export function domainToASCII(...args) {
  if (args.length < 1) throw ERR_MISSING_ARGS("domain");
  return toASCII(`${args[0]}`);
}

export function domainToUnicode(...args) {
  if (args.length < 1) throw ERR_MISSING_ARGS("domain");
  return toUnicode(`${args[0]}`);
}

// ---- file URLs ------------------------------------------------------------------

// workerd raises these as plain Errors (Node: TypeError).
const fileUrlError = (code, message) => makeNodeError(Error, code, message);

// A WHATWG URL (or one from another realm), not a legacy Url.
function isURL(value) {
  return Boolean(value?.href && value.protocol && value.auth === undefined && value.path === undefined);
}

function encodedSlashAt(pathname, n, alsoBackslash) {
  if (pathname[n] !== "%") return false;
  const third = pathname.codePointAt(n + 2) | 0x20;
  return (pathname[n + 1] === "2" && third === 102) || (alsoBackslash && pathname[n + 1] === "5" && third === 99);
}

function pathFromPosixURL(url) {
  if (url.hostname !== "") {
    throw fileUrlError("ERR_INVALID_FILE_URL_HOST", 'File URL host must be "localhost" or empty on linux');
  }
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (encodedSlashAt(pathname, n, false)) {
      throw fileUrlError("ERR_INVALID_FILE_URL_PATH", "File URL path must not include encoded / characters");
    }
  }
  return decodeURIComponent(pathname);
}

function pathFromWin32URL(url) {
  let pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (encodedSlashAt(pathname, n, true)) {
      throw fileUrlError("ERR_INVALID_FILE_URL_PATH", "File URL path must not include encoded \\ or / characters");
    }
  }
  pathname = decodeURIComponent(pathname.replaceAll("/", "\\"));
  if (url.hostname !== "") return `\\\\${toUnicode(url.hostname)}${pathname}`;
  const letter = pathname.codePointAt(1) | 0x20;
  if (letter < 97 || letter > 122 || pathname.charAt(2) !== ":") {
    throw fileUrlError("ERR_INVALID_FILE_URL_PATH", "File URL path must be absolute");
  }
  return pathname.slice(1);
}

export function fileURLToPath(input, options = undefined) {
  let url;
  if (typeof input === "string") url = new URL(input);
  else if (isURL(input)) url = input;
  else throw ERR_INVALID_ARG_TYPE("path", ["string", "URL"], input);
  if (url.protocol !== "file:") throw fileUrlError("ERR_INVALID_URL_SCHEME", "The URL must be of scheme file");
  return options?.windows ? pathFromWin32URL(url) : pathFromPosixURL(url);
}

// Characters a path keeps literally in a URL but the URL parser would read
// as syntax (or drop): percent-encoded before parsing.
const PATH_ESCAPES = [
  ["%", "%25"], ["\t", "%09"], ["\n", "%0A"], ["\r", "%0D"], [" ", "%20"], ['"', "%22"], ["#", "%23"],
  ["?", "%3F"], ["[", "%5B"], ["\\", "%5C"], ["]", "%5D"], ["^", "%5E"], ["|", "%7C"], ["~", "%7E"],
];

function encodePathChars(filepath, windows) {
  for (const [ch, escaped] of PATH_ESCAPES) {
    if (ch === "\\" && windows) continue; // a separator on Windows
    if (filepath.includes(ch)) filepath = filepath.replaceAll(ch, escaped);
  }
  return filepath;
}

export function pathToFileURL(filepath, options = undefined) {
  const windows = options?.windows;
  if (typeof filepath !== "string") throw ERR_INVALID_ARG_TYPE("filepath", "string", filepath);
  if (windows && filepath.startsWith("\\\\")) {
    const out = new URL("file://");
    // \\server\share\resource, or \\?\UNC\server\share\resource
    const prefixLength = filepath.startsWith("\\\\?\\UNC\\") ? 8 : 2;
    const hostnameEnd = filepath.indexOf("\\", prefixLength);
    if (hostnameEnd === -1) throw ERR_INVALID_ARG_VALUE("path", filepath, "Missing UNC resource path");
    if (hostnameEnd === 2) throw ERR_INVALID_ARG_VALUE("path", filepath, "Empty UNC servername");
    out.hostname = toASCII(filepath.slice(prefixLength, hostnameEnd));
    out.pathname = encodePathChars(filepath.slice(hostnameEnd).replaceAll("\\", "/"), windows);
    return out;
  }
  let resolved = windows ? pathWin32.resolve(filepath) : pathPosix.resolve(filepath);
  const sep = windows ? "\\" : "/";
  const last = filepath.charCodeAt(filepath.length - 1);
  // resolve() drops a trailing separator; the URL keeps it.
  if ((last === 47 || (windows && last === 92)) && resolved[resolved.length - 1] !== sep) resolved += "/";
  return new URL(`file://${encodePathChars(resolved, windows)}`);
}

export function toPathIfFileURL(fileURLOrPath) {
  return isURL(fileURLOrPath) ? fileURLToPath(fileURLOrPath) : fileURLOrPath;
}

export function urlToHttpOptions(url) {
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: hostname && hostname[0] === "[" ? hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search,
    pathname,
    path: `${pathname || ""}${search || ""}`,
    href: url.href,
  };
  if (port !== "") options.port = Number(port);
  if (username || password) options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  return options;
}

// ---- the legacy parser -------------------------------------------------------------

const unsafeProtocol = new Set(["javascript", "javascript:"]); // never auto-escaped
const hostlessProtocol = new Set(["javascript", "javascript:"]); // never have a host
const slashedProtocol = new Set([ // always written with "//"
  "http", "http:", "https", "https:", "ftp", "ftp:", "gopher", "gopher:", "file", "file:", "ws", "ws:", "wss", "wss:",
]);

const protocolPattern = /^[a-z0-9.+-]+:/i;
const portPattern = /:[0-9]*$/;
const hostPattern = /^\/\/[^@/]+@[^@/]+/;
const simplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const HOSTNAME_MAX_LENGTH = 255;
const forbiddenHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const forbiddenHostCharsIpv6 = /[\0\t\n\r #%/<>?@\\^|]/;

// Characters the legacy parser escapes in the part after the host.
const AUTO_ESCAPE = new Map([
  [9, "%09"], [10, "%0A"], [13, "%0D"], [32, "%20"], [34, "%22"], [39, "%27"], [60, "%3C"], [62, "%3E"],
  [92, "%5C"], [94, "%5E"], [96, "%60"], [123, "%7B"], [124, "%7C"], [125, "%7D"],
]);

function autoEscape(rest) {
  let out = "";
  let changed = false;
  for (let i = 0; i < rest.length; i++) {
    const escaped = AUTO_ESCAPE.get(rest.charCodeAt(i));
    if (escaped === undefined) {
      out += rest[i];
    } else {
      out += escaped;
      changed = true;
    }
  }
  return changed ? out : rest;
}

const isIpv6Hostname = (hostname) => hostname.startsWith("[") && hostname.endsWith("]");

// Characters that end a host; `char` and what follows go back into the path.
const HOST_ENDERS = new Set(["/", "\\", "#", "?", ":"]);

const WS_EXTRA = new Set([0xa0, 0xfeff]); // besides code units below 33
// Inside the authority: stripped, marks of a non-host character, host terminators.
const STRIPPED = new Set([9, 10, 13]);
const NON_HOST = new Set([32, 34, 37, 39, 59, 60, 62, 92, 94, 96, 123, 124, 125]);
const HOST_END = new Set([35, 47, 63]);

export function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

// Trims leading/trailing whitespace (and NBSP, BOM) and turns every "\" before
// the first "?" or "#" into "/"; also reports whether "@" appears before them
// and "#" anywhere.
function prepare(url) {
  let start = -1;
  let end = -1;
  let inWs = false;
  let split = false;
  let hasHash = false;
  let hasAt = false;
  let rest = "";
  for (let i = 0; i < url.length; i++) {
    const code = url.charCodeAt(i);
    const isWs = code < 33 || WS_EXTRA.has(code);
    if (start === -1) {
      if (isWs) continue;
      start = i;
    } else if (inWs) {
      if (!isWs) {
        end = -1;
        inWs = false;
      }
    } else if (isWs) {
      end = i;
      inWs = true;
    }
    if (!split) {
      if (code === 64) hasAt = true;
      else if (code === 35) hasHash = split = true;
      else if (code === 63) split = true;
    } else if (code === 35) {
      hasHash = true;
    }
  }
  if (start !== -1) {
    rest = url.slice(start, end === -1 ? url.length : end);
    // Backslashes before the first ? or # become slashes.
    let cut = rest.search(/[?#]/);
    if (cut === -1) cut = rest.length;
    rest = rest.slice(0, cut).replaceAll("\\", "/") + rest.slice(cut);
  }
  return { rest, hasHash, hasAt };
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  validateString(url, "url");
  let { rest, hasHash, hasAt } = prepare(url);

  if (!slashesDenoteHost && !hasHash && !hasAt) {
    const simplePath = simplePathPattern.exec(rest);
    if (simplePath) {
      this.path = rest;
      this.href = rest;
      this.pathname = simplePath[1];
      if (simplePath[2]) {
        this.search = simplePath[2];
        this.query = parseQueryString ? querystringParse(this.search.slice(1)) : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let proto = protocolPattern.exec(rest);
  let lowerProto;
  if (proto) {
    proto = proto[0];
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }

  let slashes;
  if (slashesDenoteHost || proto || hostPattern.test(rest)) {
    slashes = rest.startsWith("//");
    if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  if (!hostlessProtocol.has(lowerProto) && (slashes || (proto && !slashedProtocol.has(proto)))) {
    // The authority runs to the first "#", "/" or "?"; the host is what
    // follows the last "@" before it, up to the first non-host character.
    let hostEnd = -1;
    let atSign = -1;
    let nonHost = -1;
    for (let i = 0; i < rest.length && hostEnd === -1; i++) {
      const code = rest.charCodeAt(i);
      if (STRIPPED.has(code)) {
        rest = rest.slice(0, i) + rest.slice(i + 1);
        i -= 1;
      } else if (NON_HOST.has(code)) {
        if (nonHost === -1) nonHost = i;
      } else if (HOST_END.has(code)) {
        if (nonHost === -1) nonHost = i;
        hostEnd = i;
      } else if (code === 64) {
        atSign = i;
        nonHost = -1;
      }
    }
    let start = 0;
    if (atSign !== -1) {
      this.auth = decodeURIComponent(rest.slice(0, atSign));
      start = atSign + 1;
    }
    if (nonHost === -1) {
      this.host = rest.slice(start);
      rest = "";
    } else {
      this.host = rest.slice(start, nonHost);
      rest = rest.slice(nonHost);
    }

    this.parseHost();
    if (typeof this.hostname !== "string") this.hostname = "";
    const ipv6Hostname = isIpv6Hostname(this.hostname);
    if (!ipv6Hostname) {
      const hostname = this.hostname;
      for (let i = 0; i < hostname.length; i++) {
        if (HOST_ENDERS.has(hostname[i])) {
          this.hostname = hostname.slice(0, i);
          rest = `/${hostname.slice(i)}${rest}`;
          break;
        }
      }
    }
    this.hostname = this.hostname.length > HOSTNAME_MAX_LENGTH ? "" : this.hostname.toLowerCase();
    if (this.hostname !== "") {
      if (ipv6Hostname) {
        if (forbiddenHostCharsIpv6.test(this.hostname)) throw ERR_INVALID_URL(url);
      } else {
        this.hostname = toASCII(this.hostname);
        if (this.hostname === "" || forbiddenHostChars.test(this.hostname)) throw ERR_INVALID_URL(url);
      }
    }
    this.host = (this.hostname || "") + (this.port ? `:${this.port}` : "");
    if (ipv6Hostname) {
      this.hostname = this.hostname.slice(1, -1);
      if (rest[0] !== "/") rest = `/${rest}`;
    }
  }

  if (!unsafeProtocol.has(lowerProto)) rest = autoEscape(rest);

  let questionIdx = -1;
  let hashIdx = -1;
  for (let i = 0; i < rest.length; i++) {
    const code = rest.charCodeAt(i);
    if (code === 35) {
      this.hash = rest.slice(i);
      hashIdx = i;
      break;
    } else if (code === 63 && questionIdx === -1) {
      questionIdx = i;
    }
  }
  if (questionIdx !== -1) {
    const end = hashIdx === -1 ? rest.length : hashIdx;
    this.search = rest.slice(questionIdx, end);
    this.query = rest.slice(questionIdx + 1, end);
    if (parseQueryString) this.query = querystringParse(this.query);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }

  const firstIdx = questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx) ? questionIdx : hashIdx;
  if (firstIdx === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (firstIdx > 0) {
    this.pathname = rest.slice(0, firstIdx);
  }
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) this.pathname = "/";

  if (this.pathname || this.search) this.path = (this.pathname || "") + (this.search || "");
  this.href = this.format();
  return this;
};

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const port = portPattern.exec(host);
  if (port) {
    if (port[0] !== ":") this.port = port[0].slice(1);
    host = host.slice(0, host.length - port[0].length);
  }
  if (host) this.hostname = host;
};

// userinfo escaping: like encodeURIComponent, but ":" stays.
function encodeAuth(auth) {
  try {
    return encodeURIComponent(auth).replaceAll("%3A", ":");
  } catch {
    throw ERR_INVALID_URI();
  }
}

Url.prototype.format = function format() {
  let auth = this.auth || "";
  if (auth) auth = `${encodeAuth(auth)}@`;
  let protocol = this.protocol || "";
  let pathname = this.pathname || "";
  let hash = this.hash || "";
  let host = "";
  let query = "";
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (this.hostname.includes(":") && !isIpv6Hostname(this.hostname) ? `[${this.hostname}]` : this.hostname);
    if (this.port) host += `:${this.port}`;
  }
  if (this.query !== null && typeof this.query === "object") query = querystringStringify(this.query);
  let search = this.search || (query && `?${query}`) || "";
  if (protocol && !protocol.endsWith(":")) protocol += ":";
  pathname = pathname.replaceAll("#", "%23").replaceAll("?", "%3F");
  if (this.slashes || slashedProtocol.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname[0] !== "/") pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.startsWith("file")) {
      host = "//";
    }
  }
  search = search.replaceAll("#", "%23");
  if (hash && hash[0] !== "#") hash = `#${hash}`;
  if (search && search[0] !== "?") search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(parse(relative, false, true)).format();
};

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === "string") {
    const rel = new Url();
    rel.parse(relative, false, true);
    relative = rel;
  }
  const result = new Url();
  Object.assign(result, this);
  result.hash = relative.hash;

  // An empty reference: the base without its fragment replaced.
  if (relative.href === "") {
    result.href = result.format();
    return result;
  }

  // "//host/path": everything but the protocol comes from the reference.
  if (relative.slashes && !relative.protocol) {
    for (const key of Object.keys(relative)) {
      if (key !== "protocol") result[key] = relative[key];
    }
    if (slashedProtocol.has(result.protocol) && result.hostname && !result.pathname) {
      result.path = result.pathname = "/";
    }
    result.href = result.format();
    return result;
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    // A different scheme without "//" semantics replaces the base outright.
    if (!slashedProtocol.has(relative.protocol)) {
      Object.assign(result, relative);
      result.href = result.format();
      return result;
    }
    result.protocol = relative.protocol;
    if (!relative.host && !/^file:?$/.test(relative.protocol) && !hostlessProtocol.has(relative.protocol)) {
      const relPath = (relative.pathname || "").split("/");
      while (relPath.length && !(relative.host = relPath.shift()));
      relative.host ||= "";
      relative.hostname ||= "";
      if (relPath[0] !== "") relPath.unshift("");
      if (relPath.length < 2) relPath.unshift("");
      result.pathname = relPath.join("/");
    } else {
      result.pathname = relative.pathname;
    }
    result.search = relative.search;
    result.query = relative.query;
    result.host = relative.host || "";
    result.auth = relative.auth;
    result.hostname = relative.hostname || relative.host;
    result.port = relative.port;
    if (result.pathname || result.search) result.path = (result.pathname || "") + (result.search || "");
    result.slashes ||= relative.slashes;
    result.href = result.format();
    return result;
  }

  const isSourceAbs = result.pathname && result.pathname.charAt(0) === "/";
  const isRelAbs = relative.host || (relative.pathname && relative.pathname.charAt(0) === "/");
  let mustEndAbs = !!isRelAbs || !!isSourceAbs || (!!result.host && !!relative.pathname);
  const removeAllDots = mustEndAbs;
  let srcPath = (result.pathname && result.pathname.split("/")) || [];
  const relPath = (relative.pathname && relative.pathname.split("/")) || [];
  const noLeadingSlashes = result.protocol && !slashedProtocol.has(result.protocol);

  // A scheme without "//" keeps its host as the first path segment.
  if (noLeadingSlashes) {
    result.hostname = "";
    result.port = null;
    if (result.host) {
      if (srcPath[0] === "") srcPath[0] = result.host;
      else srcPath.unshift(result.host);
    }
    result.host = "";
    if (relative.protocol) {
      relative.hostname = null;
      relative.port = null;
      result.auth = null;
      if (relative.host) {
        if (relPath[0] === "") relPath[0] = relative.host;
        else relPath.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbs &&= relPath[0] === "" || srcPath[0] === "";
  }

  if (isRelAbs) {
    if (relative.host || relative.host === "") {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === "") {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length) {
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only a query: the base's path with the new query.
    if (noLeadingSlashes) {
      result.hostname = result.host = srcPath.shift();
      const authInHost = result.host && result.host.indexOf("@") > 0 && result.host.split("@");
      if (authInHost) {
        result.auth = authInHost.shift();
        result.host = result.hostname = authInHost.shift();
      }
    }
    result.search = relative.search;
    result.query = relative.query;
    if (result.pathname !== null || result.search !== null) {
      result.path = (result.pathname ? result.pathname : "") + (result.search ? result.search : "");
    }
    result.href = result.format();
    return result;
  }

  if (!srcPath.length) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    result.href = result.format();
    return result;
  }

  let last = srcPath.slice(-1)[0];
  const hasTrailingSlash =
    ((result.host || relative.host || srcPath.length > 1) && (last === "." || last === "..")) || last === "";

  // Remove "." and resolve ".." segments from the right.
  let up = 0;
  for (let i = srcPath.length - 1; i >= 0; i--) {
    last = srcPath[i];
    if (last === ".") {
      srcPath.splice(i, 1);
    } else if (last === "..") {
      srcPath.splice(i, 1);
      up++;
    } else if (up) {
      srcPath.splice(i, 1);
      up--;
    }
  }
  if (!mustEndAbs && !removeAllDots) {
    while (up--) srcPath.unshift("..");
  }
  if (mustEndAbs && srcPath[0] !== "" && (!srcPath[0] || srcPath[0].charAt(0) !== "/")) srcPath.unshift("");
  if (hasTrailingSlash && srcPath.join("/").slice(-1) !== "/") srcPath.push("");

  const isAbsolute = srcPath[0] === "" || (srcPath[0] && srcPath[0].charAt(0) === "/");
  if (noLeadingSlashes) {
    result.hostname = result.host = isAbsolute ? "" : srcPath.length ? srcPath.shift() : "";
    const authInHost = result.host && result.host.indexOf("@") > 0 ? result.host.split("@") : false;
    if (authInHost) {
      result.auth = authInHost.shift();
      result.host = result.hostname = authInHost.shift();
    }
  }
  mustEndAbs ||= Boolean(result.host && srcPath.length);
  if (mustEndAbs && !isAbsolute) srcPath.unshift("");

  if (!srcPath.length) {
    result.pathname = null;
    result.path = null;
  } else {
    result.pathname = srcPath.join("/");
  }
  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname ? result.pathname : "") + (result.search ? result.search : "");
  }
  result.auth = relative.auth || result.auth;
  result.slashes ||= relative.slashes;
  result.href = result.format();
  return result;
};

export function parse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const urlObject = new Url();
  urlObject.parse(url, parseQueryString, slashesDenoteHost);
  return urlObject;
}

export function resolve(source, relative) {
  return parse(source, false, true).resolve(relative);
}

export function resolveObject(source, relative) {
  if (!source) return relative;
  return parse(source, false, true).resolveObject(relative);
}

// A WHATWG URL written out with parts left off or the host in Unicode.
function formatURL(url, fragment, unicode, search, auth) {
  let out = url.protocol;
  if (url.href.slice(out.length).startsWith("//")) {
    out += "//";
    if (auth && (url.username || url.password)) {
      out += url.username + (url.password ? `:${url.password}` : "") + "@";
    }
    out += unicode ? toUnicode(url.hostname) : url.hostname;
    if (url.port) out += `:${url.port}`;
  }
  out += url.pathname;
  if (search) out += url.search;
  if (fragment) out += url.hash;
  return out;
}

export function format(urlObject, options = undefined) {
  if (typeof urlObject === "string") {
    urlObject = parse(urlObject);
  } else if (typeof urlObject !== "object" || urlObject === null) {
    throw ERR_INVALID_ARG_TYPE("urlObject", ["Object", "string"], urlObject);
  } else if (urlObject instanceof URL) {
    let fragment = true;
    let unicode = false;
    let search = true;
    let auth = true;
    if (options) {
      validateObject(options, "options");
      if (options.fragment != null) fragment = Boolean(options.fragment);
      if (options.unicode != null) unicode = Boolean(options.unicode);
      if (options.search != null) search = Boolean(options.search);
      if (options.auth != null) auth = Boolean(options.auth);
    }
    return formatURL(urlObject, fragment, unicode, search, auth);
  }
  return Url.prototype.format.call(urlObject);
}

const defaultExport = {
  domainToASCII,
  domainToUnicode,
  URL,
  URLSearchParams,
  fileURLToPath,
  pathToFileURL,
  toPathIfFileURL,
  urlToHttpOptions,
  format,
  parse,
  resolve,
  resolveObject,
  Url,
};

// For process.getBuiltinModule().
(internals.nodeBuiltins ??= new Map()).set("url", defaultExport);

export default defaultExport;
