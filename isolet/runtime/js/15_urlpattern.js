// URLPattern (WHATWG URL Pattern Standard, https://urlpattern.spec.whatwg.org/),
// as workerd has it under urlpattern_standard (ada's url_pattern): regular
// expressions compiled with the "v" flag ("vi" with ignoreCase), errors
// "Failed to construct URLPattern" / "Failed to exec URLPattern" /
// "Failed to test URLPattern".
//
// Everything is JS: the tokenizer, the pattern parser, the constructor-string
// parser and regexp generation follow the spec's algorithms, and matching is
// RegExp.exec per component, so `test`/`exec` on an init dictionary make no
// crossing and on a URL string make one (op_url_parse). Canonicalizing a
// component is pure JS (percent-encode sets, protocol, port, IPv6) except
// hostnames and pathnames that are not plainly canonical already, which go
// through the URL setters (one op each, at construction only).
//
// Why not Python: no maintained Python URLPattern exposes the generated regexp
// sources (the Rust-backed `urlpattern` matches with Rust's regex flavour;
// `urlpattern-py` needs Python 3.12), and regexp groups are JS regexps that V8
// itself must validate and run to behave as workerd does.
"use strict";
((internals) => {
  const { TypeError, String, Object, Symbol, RegExp, Array } = globalThis;
  const { toUSVString } = internals.webidl;

  const COMPONENTS = ["protocol", "username", "password", "hostname", "port", "pathname", "search", "hash"];
  const SPECIAL_SCHEMES = { __proto__: null, "ftp": "21", "file": "", "http": "80", "https": "443", "ws": "80", "wss": "443" };
  const FULL_WILDCARD = ".*";

  class PatternError extends TypeError {}
  const fail = (msg = "Invalid pattern") => { throw new PatternError(msg); };

  // ---------------------------------------------------------------- tokenizer

  const ID_START = /[$_\p{ID_Start}]/u;
  const ID_CONTINUE = /[$\u200C\u200D\p{ID_Continue}]/u;
  const isValidNameCodePoint = (cp, first) => (first ? ID_START : ID_CONTINUE).test(cp);
  const isASCII = (cp) => cp.codePointAt(0) <= 0x7f;

  function tokenize(input, strict) {
    const tokens = [];
    const n = input.length;
    let index = 0;
    let next = 0;
    let cp = "";
    const seek = (i) => {
      const c = input.codePointAt(i);
      cp = String.fromCodePoint(c);
      next = i + cp.length;
    };
    const add = (type, nextPos, valuePos, valueLen) => {
      tokens.push({ type, index, value: input.substr(valuePos, valueLen) });
      index = nextPos;
    };
    const addLen = (type, nextPos, valuePos) => add(type, nextPos, valuePos, nextPos - valuePos);
    const addSimple = (type) => addLen(type, next, index);
    const error = (nextPos, valuePos) => {
      if (strict) fail();
      addLen("invalid-char", nextPos, valuePos);
    };
    while (index < n) {
      seek(index);
      if (cp === "*") { addSimple("asterisk"); continue; }
      if (cp === "+" || cp === "?") { addSimple("other-modifier"); continue; }
      if (cp === "\\") {
        if (index === n - 1) { error(next, index); continue; }
        const escaped = next;
        seek(next);
        addLen("escaped-char", next, escaped);
        continue;
      }
      if (cp === "{") { addSimple("open"); continue; }
      if (cp === "}") { addSimple("close"); continue; }
      if (cp === ":") {
        let pos = next;
        const start = pos;
        while (pos < n) {
          seek(pos);
          if (!isValidNameCodePoint(cp, pos === start)) break;
          pos = next;
        }
        if (pos <= start) { error(start, index); continue; }
        addLen("name", pos, start);
        continue;
      }
      if (cp === "(") {
        let depth = 1;
        let pos = next;
        const start = pos;
        let bad = false;
        while (pos < n) {
          seek(pos);
          if (!isASCII(cp) || (pos === start && cp === "?")) { error(start, index); bad = true; break; }
          if (cp === "\\") {
            if (pos === n - 1) { error(start, index); bad = true; break; }
            seek(next);
            if (!isASCII(cp)) { error(start, index); bad = true; break; }
            pos = next;
            continue;
          }
          if (cp === ")") {
            depth--;
            if (depth === 0) { pos = next; break; }
          } else if (cp === "(") {
            depth++;
            if (pos === n - 1) { error(start, index); bad = true; break; }
            const tmp = next;
            seek(next);
            if (cp !== "?") { error(start, index); bad = true; break; }
            next = tmp;
          }
          pos = next;
        }
        if (bad) continue;
        if (depth !== 0) { error(start, index); continue; }
        const len = pos - start - 1;
        if (len === 0) { error(start, index); continue; }
        add("regexp", pos, start, len);
        continue;
      }
      addSimple("char");
    }
    addLen("end", index, index);
    return tokens;
  }

  // ---------------------------------------------------------------- pattern parser

  const escapeRegexp = (s) => s.replace(/[.+*?^${}()[\]|/\\]/g, "\\$&");
  const escapePattern = (s) => s.replace(/[+*?:{}()\\]/g, "\\$&");
  const segmentWildcard = (options) => `[^${escapeRegexp(options.delimiter)}]+?`;
  const MODIFIERS = { __proto__: null, "?": "optional", "*": "zero-or-more", "+": "one-or-more" };
  const modifierString = (m) => (m === "zero-or-more" ? "*" : m === "optional" ? "?" : m === "one-or-more" ? "+" : "");

  function parsePattern(input, options, encode) {
    const tokens = tokenize(input, true);
    const wildcard = segmentWildcard(options);
    const parts = [];
    let pending = "";
    let index = 0;
    let nextNumericName = 0;
    const tryConsume = (type) => {
      const t = tokens[index];
      if (t.type !== type) return null;
      index++;
      return t;
    };
    const tryRegexpOrWildcard = (nameToken) => {
      const t = tryConsume("regexp");
      if (nameToken === null && t === null) return tryConsume("asterisk");
      return t;
    };
    const tryModifier = () => tryConsume("other-modifier") ?? tryConsume("asterisk");
    const consumeText = () => {
      let result = "";
      for (;;) {
        const t = tryConsume("char") ?? tryConsume("escaped-char");
        if (t === null) return result;
        result += t.value;
      }
    };
    const consumeRequired = (type) => tryConsume(type) ?? fail();
    const flushPending = () => {
      if (pending === "") return;
      const value = encode(pending);
      pending = "";
      parts.push({ type: "fixed-text", value, modifier: "none", name: "", prefix: "", suffix: "" });
    };
    const addPart = (prefix, nameToken, regexpToken, suffix, modifierToken) => {
      const modifier = modifierToken === null ? "none" : MODIFIERS[modifierToken.value];
      if (nameToken === null && regexpToken === null && modifier === "none") {
        pending += prefix;
        return;
      }
      flushPending();
      if (nameToken === null && regexpToken === null) {
        if (prefix === "") return;
        parts.push({ type: "fixed-text", value: encode(prefix), modifier, name: "", prefix: "", suffix: "" });
        return;
      }
      let value;
      if (regexpToken === null) value = wildcard;
      else if (regexpToken.type === "asterisk") value = FULL_WILDCARD;
      else value = regexpToken.value;
      let type = "regexp";
      if (value === wildcard) { type = "segment-wildcard"; value = ""; }
      else if (value === FULL_WILDCARD) { type = "full-wildcard"; value = ""; }
      let name = "";
      if (nameToken !== null) name = nameToken.value;
      else name = String(nextNumericName++);
      if (parts.some((p) => p.name === name)) fail();
      parts.push({ type, value, modifier, name, prefix: encode(prefix), suffix: encode(suffix) });
    };
    while (index < tokens.length) {
      const charToken = tryConsume("char");
      const nameToken = tryConsume("name");
      const regexpToken = tryRegexpOrWildcard(nameToken);
      if (nameToken !== null || regexpToken !== null) {
        let prefix = charToken === null ? "" : charToken.value;
        if (prefix !== "" && prefix !== options.prefix) {
          pending += prefix;
          prefix = "";
        }
        flushPending();
        addPart(prefix, nameToken, regexpToken, "", tryModifier());
        continue;
      }
      const fixed = charToken ?? tryConsume("escaped-char");
      if (fixed !== null) {
        pending += fixed.value;
        continue;
      }
      if (tryConsume("open") !== null) {
        const prefix = consumeText();
        const name = tryConsume("name");
        const re = tryRegexpOrWildcard(name);
        const suffix = consumeText();
        consumeRequired("close");
        addPart(prefix, name, re, suffix, tryModifier());
        continue;
      }
      flushPending();
      consumeRequired("end");
    }
    return parts;
  }

  function generateRegexp(parts, options) {
    let result = "^";
    const names = [];
    for (const part of parts) {
      const mod = modifierString(part.modifier);
      if (part.type === "fixed-text") {
        result += part.modifier === "none" ? escapeRegexp(part.value) : `(?:${escapeRegexp(part.value)})${mod}`;
        continue;
      }
      names.push(part.name);
      let value = part.value;
      if (part.type === "segment-wildcard") value = segmentWildcard(options);
      else if (part.type === "full-wildcard") value = FULL_WILDCARD;
      const simple = part.modifier === "none" || part.modifier === "optional";
      if (part.prefix === "" && part.suffix === "") {
        result += simple ? `(${value})${mod}` : `((?:${value})${mod})`;
        continue;
      }
      const prefix = escapeRegexp(part.prefix);
      const suffix = escapeRegexp(part.suffix);
      if (simple) {
        result += `(?:${prefix}(${value})${suffix})${mod}`;
        continue;
      }
      result += `(?:${prefix}((?:${value})(?:${suffix}${prefix}(?:${value}))*)${suffix})`;
      if (part.modifier === "zero-or-more") result += "?";
    }
    return [result + "$", names];
  }

  const isASCIIDigit = (c) => c !== undefined && c >= "0" && c <= "9";

  function generatePatternString(parts, options) {
    let result = "";
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const prev = i > 0 ? parts[i - 1] : null;
      const next = i < parts.length - 1 ? parts[i + 1] : null;
      const mod = modifierString(part.modifier);
      if (part.type === "fixed-text") {
        result += part.modifier === "none" ? escapePattern(part.value) : `{${escapePattern(part.value)}}${mod}`;
        continue;
      }
      const customName = !isASCIIDigit(part.name[0]);
      let grouping = part.suffix !== "" || (part.prefix !== "" && part.prefix !== options.prefix);
      if (!grouping && customName && part.type === "segment-wildcard" && part.modifier === "none" && next !== null
        && next.prefix === "" && next.suffix === "") {
        if (next.type === "fixed-text") {
          const first = next.value === "" ? "" : String.fromCodePoint(next.value.codePointAt(0));
          grouping = first !== "" && isValidNameCodePoint(first, false);
        } else {
          grouping = isASCIIDigit(next.name[0]);
        }
      }
      if (!grouping && part.prefix === "" && prev !== null && prev.type === "fixed-text" && prev.value !== ""
        && options.prefix !== "" && prev.value.endsWith(options.prefix)) {
        grouping = true;
      }
      if (grouping) result += "{";
      result += escapePattern(part.prefix);
      if (customName) result += `:${part.name}`;
      if (part.type === "regexp") result += `(${part.value})`;
      else if (part.type === "segment-wildcard" && !customName) result += `(${segmentWildcard(options)})`;
      else if (part.type === "full-wildcard") {
        if (!customName && (prev === null || prev.type === "fixed-text" || prev.modifier !== "none" || grouping
          || part.prefix !== "")) {
          result += "*";
        } else {
          result += `(${FULL_WILDCARD})`;
        }
      }
      if (part.type === "segment-wildcard" && customName && part.suffix !== ""
        && isValidNameCodePoint(String.fromCodePoint(part.suffix.codePointAt(0)), false)) {
        result += "\\";
      }
      result += escapePattern(part.suffix);
      if (grouping) result += "}";
      result += mod;
    }
    return result;
  }

  const DEFAULT_OPTIONS = { delimiter: "", prefix: "", ignoreCase: false };
  const HOSTNAME_OPTIONS = { delimiter: ".", prefix: "", ignoreCase: false };
  const PATHNAME_OPTIONS = { delimiter: "/", prefix: "/", ignoreCase: false };

  function compileComponent(input, encode, options) {
    const parts = parsePattern(input, options, encode);
    const [source, names] = generateRegexp(parts, options);
    let regexp;
    try {
      regexp = new RegExp(source, options.ignoreCase ? "vi" : "v");
    } catch {
      fail();
    }
    return {
      pattern: generatePatternString(parts, options),
      regexp,
      names,
      hasRegExpGroups: parts.some((p) => p.type === "regexp"),
    };
  }

  const matchesSpecialScheme = (component) => {
    for (const scheme in SPECIAL_SCHEMES) {
      component.regexp.lastIndex = 0;
      if (component.regexp.test(scheme)) return true;
    }
    return false;
  };

  // ---------------------------------------------------------------- canonicalization

  const HEX = "0123456789ABCDEF";
  // Percent-encode every code point in `set` (a RegExp over one char) or outside printable ASCII.
  function percentEncode(value, extra) {
    let out = "";
    let plain = 0;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x20 && c < 0x7f && !extra.includes(value[i])) continue;
      out += value.slice(plain, i);
      let cp = value.codePointAt(i);
      if (cp > 0xffff) i++;
      plain = i + 1;
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
      for (const b of internals.encoding.utf8Encode(String.fromCodePoint(cp))) out += `%${HEX[b >> 4]}${HEX[b & 15]}`;
    }
    return plain === 0 ? value : out + value.slice(plain);
  }
  const QUERY_SET = " \"#<>";
  const FRAGMENT_SET = " \"<>`";
  const USERINFO_SET = " \"#<>?`{}/:;=@[\\]^|";

  function canonicalizeProtocol(value) {
    if (value === "") return value;
    if (!/^[A-Za-z][A-Za-z0-9+\-.]*$/.test(value)) fail();
    return value.toLowerCase();
  }
  const canonicalizeUserinfo = (value) => percentEncode(value, USERINFO_SET);
  const canonicalizeSearch = (value) => percentEncode(value, QUERY_SET);
  const canonicalizeHash = (value) => percentEncode(value, FRAGMENT_SET);
  const canonicalizeOpaquePathname = (value) => percentEncode(value, "");

  function canonicalizePort(value, protocol = undefined) {
    if (value === "") return value;
    if (!/^[0-9]+$/.test(value)) fail();
    const n = Number(value);
    if (n > 65535) fail();
    const port = String(n);
    return protocol !== undefined && SPECIAL_SCHEMES[protocol] === port ? "" : port;
  }

  function canonicalizeIPv6Hostname(value) {
    if (!/^[0-9A-Fa-f[\]:]*$/.test(value)) fail();
    return value.toLowerCase();
  }

  // A hostname that the host parser leaves as it is (after lowercasing): ASCII
  // letters, digits, '-' and '.', no punycode label, not ending in a number.
  const PLAIN_HOST = /^[a-z0-9.-]+$/;
  function canonicalizeHostname(value) {
    if (value === "") return value;
    const lower = value.toLowerCase();
    if (PLAIN_HOST.test(lower) && !/(^|\.)xn--/.test(lower)) {
      const labels = lower.split(".");
      if (labels.length > 1 && labels[labels.length - 1] === "") labels.pop();
      const last = labels[labels.length - 1];
      if (!/^[0-9]+$/.test(last) && !/^0x[0-9a-f]*$/.test(last)) return lower;
    }
    const url = new internals.url.URL("https://dummy.test/");
    url.hostname = value;
    const host = url.hostname;
    if (host === "dummy.test" && lower !== "dummy.test") fail();
    return host;
  }

  // A path the path parser leaves as it is: no dot segments, nothing to percent-encode.
  const PLAIN_PATH = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;
  function canonicalizePathname(value) {
    if (value === "") return value;
    const leadingSlash = value[0] === "/";
    const modified = leadingSlash ? value : `/-${value}`;
    let result;
    if (PLAIN_PATH.test(modified) && !/(^|\/)\.\.?(\/|$)/.test(modified)) {
      result = modified;
    } else {
      const url = new internals.url.URL("fake://dummy.test/");
      url.pathname = modified;
      result = url.pathname;
    }
    return leadingSlash ? result : result.slice(2);
  }

  // ---------------------------------------------------------------- URLPatternInit processing

  function processBaseURLString(input, type) {
    return type === "pattern" ? escapePattern(input) : input;
  }

  function isAbsolutePathname(input, type) {
    if (input === "") return false;
    if (input[0] === "/") return true;
    if (type === "url") return false;
    if (input.length < 2) return false;
    return (input[0] === "\\" || input[0] === "{") && input[1] === "/";
  }

  function processInit(init, type, defaults) {
    const result = { __proto__: null };
    if (defaults !== null) for (const c of COMPONENTS) result[c] = defaults;
    const has = (k) => init[k] !== undefined;
    const hasAny = (...keys) => keys.some(has);
    let base = null;
    if (has("baseURL")) {
      try {
        base = new internals.url.URL(init.baseURL);
      } catch {
        fail();
      }
      const str = (s) => processBaseURLString(s, type);
      if (!has("protocol")) result.protocol = str(base.protocol.slice(0, -1));
      if (type !== "pattern" && !hasAny("protocol", "hostname", "port", "username")) {
        result.username = str(base.username);
      }
      if (type !== "pattern" && !hasAny("protocol", "hostname", "port", "username", "password")) {
        result.password = str(base.password);
      }
      if (!hasAny("protocol", "hostname")) result.hostname = str(base.hostname);
      if (!hasAny("protocol", "hostname", "port")) result.port = base.port;
      if (!hasAny("protocol", "hostname", "port", "pathname")) result.pathname = str(base.pathname);
      if (!hasAny("protocol", "hostname", "port", "pathname", "search")) result.search = str(base.search.slice(1));
      if (!hasAny("protocol", "hostname", "port", "pathname", "search", "hash")) {
        result.hash = str(base.hash.slice(1));
      }
    }
    const pattern = type === "pattern";
    if (has("protocol")) {
      const stripped = init.protocol.endsWith(":") ? init.protocol.slice(0, -1) : init.protocol;
      result.protocol = pattern ? stripped : canonicalizeProtocol(stripped);
    }
    if (has("username")) result.username = pattern ? init.username : canonicalizeUserinfo(init.username);
    if (has("password")) result.password = pattern ? init.password : canonicalizeUserinfo(init.password);
    if (has("hostname")) result.hostname = pattern ? init.hostname : canonicalizeHostname(init.hostname);
    if (has("port")) result.port = pattern ? init.port : canonicalizePort(init.port, result.protocol);
    if (has("pathname")) {
      let path = init.pathname;
      const baseHasOpaquePath = base !== null && base.host === "" && !base.pathname.startsWith("/");
      if (base !== null && !baseHasOpaquePath && !isAbsolutePathname(path, type)) {
        const basePath = processBaseURLString(base.pathname, type);
        const slash = basePath.lastIndexOf("/");
        if (slash !== -1) path = basePath.slice(0, slash + 1) + path;
      }
      if (!pattern) {
        const protocol = result.protocol ?? "";
        path = protocol === "" || protocol in SPECIAL_SCHEMES
          ? canonicalizePathname(path) : canonicalizeOpaquePathname(path);
      }
      result.pathname = path;
    }
    if (has("search")) {
      const stripped = init.search.startsWith("?") ? init.search.slice(1) : init.search;
      result.search = pattern ? stripped : canonicalizeSearch(stripped);
    }
    if (has("hash")) {
      const stripped = init.hash.startsWith("#") ? init.hash.slice(1) : init.hash;
      result.hash = pattern ? stripped : canonicalizeHash(stripped);
    }
    return result;
  }

  // ---------------------------------------------------------------- constructor string parser

  function parseConstructorString(input) {
    const tokens = tokenize(input, false);
    const result = { __proto__: null };
    let componentStart = 0;
    let tokenIndex = 0;
    let tokenIncrement = 1;
    let groupDepth = 0;
    let ipv6Depth = 0;
    let protocolIsSpecial = false;
    let state = "init";

    const safeToken = (i) => (i < tokens.length ? tokens[i] : tokens[tokens.length - 1]);
    const isNonSpecialChar = (i, value) => {
      const t = safeToken(i);
      return t.value === value && (t.type === "char" || t.type === "escaped-char" || t.type === "invalid-char");
    };
    const isSearchPrefix = () => {
      if (isNonSpecialChar(tokenIndex, "?")) return true;
      if (tokens[tokenIndex].value !== "?") return false;
      if (tokenIndex - 1 < 0) return true;
      const prev = safeToken(tokenIndex - 1);
      return !["name", "regexp", "close", "asterisk"].includes(prev.type);
    };
    const componentString = () => {
      const t = tokens[tokenIndex];
      const start = safeToken(componentStart);
      return input.slice(start.index, t.index);
    };
    const rewind = () => { tokenIndex = componentStart; tokenIncrement = 0; };
    const rewindAndSet = (s) => { rewind(); state = s; };
    const AUTH = ["protocol", "authority", "username", "password"];
    const changeState = (newState, skip) => {
      if (state !== "init" && state !== "authority" && state !== "done") result[state] = componentString();
      if (state !== "init" && newState !== "done") {
        if (AUTH.includes(state) && ["port", "pathname", "search", "hash"].includes(newState)
          && result.hostname === undefined) {
          result.hostname = "";
        }
        if ([...AUTH, "hostname", "port"].includes(state) && (newState === "search" || newState === "hash")
          && result.pathname === undefined) {
          result.pathname = protocolIsSpecial ? "/" : "";
        }
        if ([...AUTH, "hostname", "port", "pathname"].includes(state) && newState === "hash"
          && result.search === undefined) {
          result.search = "";
        }
      }
      state = newState;
      tokenIndex += skip;
      componentStart = tokenIndex;
      tokenIncrement = 0;
    };

    while (tokenIndex < tokens.length) {
      tokenIncrement = 1;
      const token = tokens[tokenIndex];
      if (token.type === "end") {
        if (state === "init") {
          rewind();
          if (isNonSpecialChar(tokenIndex, "#")) changeState("hash", 1);
          else if (isSearchPrefix()) changeState("search", 1);
          else changeState("pathname", 0);
          tokenIndex += tokenIncrement;
          continue;
        }
        if (state === "authority") {
          rewindAndSet("hostname");
          tokenIndex += tokenIncrement;
          continue;
        }
        changeState("done", 0);
        break;
      }
      if (token.type === "open") {
        groupDepth++;
        tokenIndex += tokenIncrement;
        continue;
      }
      if (groupDepth > 0) {
        if (token.type === "close") {
          groupDepth--;
        } else {
          tokenIndex += tokenIncrement;
          continue;
        }
      }
      switch (state) {
        case "init":
          if (isNonSpecialChar(tokenIndex, ":")) rewindAndSet("protocol");
          break;
        case "protocol":
          if (isNonSpecialChar(tokenIndex, ":")) {
            const protocol = compileComponent(componentString(), canonicalizeProtocol, DEFAULT_OPTIONS);
            protocolIsSpecial = matchesSpecialScheme(protocol);
            let next = "pathname";
            let skip = 1;
            if (isNonSpecialChar(tokenIndex + 1, "/") && isNonSpecialChar(tokenIndex + 2, "/")) {
              next = "authority";
              skip = 3;
            } else if (protocolIsSpecial) {
              next = "authority";
            }
            changeState(next, skip);
          }
          break;
        case "authority":
          if (isNonSpecialChar(tokenIndex, "@")) rewindAndSet("username");
          else if (isNonSpecialChar(tokenIndex, "/") || isSearchPrefix() || isNonSpecialChar(tokenIndex, "#")) {
            rewindAndSet("hostname");
          }
          break;
        case "username":
          if (isNonSpecialChar(tokenIndex, ":")) changeState("password", 1);
          else if (isNonSpecialChar(tokenIndex, "@")) changeState("hostname", 1);
          break;
        case "password":
          if (isNonSpecialChar(tokenIndex, "@")) changeState("hostname", 1);
          break;
        case "hostname":
          if (isNonSpecialChar(tokenIndex, "[")) ipv6Depth++;
          else if (isNonSpecialChar(tokenIndex, "]")) ipv6Depth--;
          else if (isNonSpecialChar(tokenIndex, ":") && ipv6Depth === 0) changeState("port", 1);
          else if (isNonSpecialChar(tokenIndex, "/")) changeState("pathname", 0);
          else if (isSearchPrefix()) changeState("search", 1);
          else if (isNonSpecialChar(tokenIndex, "#")) changeState("hash", 1);
          break;
        case "port":
          if (isNonSpecialChar(tokenIndex, "/")) changeState("pathname", 0);
          else if (isSearchPrefix()) changeState("search", 1);
          else if (isNonSpecialChar(tokenIndex, "#")) changeState("hash", 1);
          break;
        case "pathname":
          if (isSearchPrefix()) changeState("search", 1);
          else if (isNonSpecialChar(tokenIndex, "#")) changeState("hash", 1);
          break;
        case "search":
          if (isNonSpecialChar(tokenIndex, "#")) changeState("hash", 1);
          break;
        default:
          break;
      }
      tokenIndex += tokenIncrement;
    }
    if (result.hostname !== undefined && result.port === undefined) result.port = "";
    return result;
  }

  // ---------------------------------------------------------------- WebIDL conversion

  function toInit(value) {
    const init = { __proto__: null };
    if (value === undefined || value === null) return init;
    for (const key of ["baseURL", "hash", "hostname", "password", "pathname", "port", "protocol", "search", "username"]) {
      const v = value[key];
      if (v !== undefined) init[key] = toUSVString(v);
    }
    return init;
  }
  const isInitObject = (v) => v === undefined || v === null || typeof v === "object" || typeof v === "function";
  const toInput = (v) => (isInitObject(v) ? toInit(v) : toUSVString(v));

  function isIPv6Pattern(s) {
    if (s.length < 2) return false;
    return s[0] === "[" || ((s[0] === "{" || s[0] === "\\") && s[1] === "[");
  }

  // ---------------------------------------------------------------- URLPattern

  class URLPattern {
    #c;
    #hasRegExpGroups;
    constructor(input = undefined, baseURL = undefined, options = undefined) {
      input = toInput(input);
      let base;
      if (typeof baseURL === "string" || (baseURL !== undefined && baseURL !== null && !isInitObject(baseURL))) {
        base = toUSVString(baseURL);
      } else if (baseURL !== undefined) {
        options = baseURL;
      }
      const ignoreCase = !!(options ?? {}).ignoreCase;
      try {
        this.#init(input, base, ignoreCase);
      } catch (e) {
        if (e instanceof TypeError) throw new TypeError("Failed to construct URLPattern");
        throw e;
      }
    }

    #init(input, base, ignoreCase) {
      let init;
      if (typeof input === "string") {
        init = parseConstructorString(input);
        if (base === undefined && init.protocol === undefined) fail();
        if (base !== undefined) init.baseURL = base;
      } else {
        if (base !== undefined) fail();
        init = input;
      }
      const p = processInit(init, "pattern", null);
      for (const c of COMPONENTS) p[c] ??= "*";
      if (p.protocol in SPECIAL_SCHEMES && p.port === SPECIAL_SCHEMES[p.protocol]) p.port = "";
      const c = { __proto__: null };
      c.protocol = compileComponent(p.protocol, canonicalizeProtocol, DEFAULT_OPTIONS);
      c.username = compileComponent(p.username, canonicalizeUserinfo, DEFAULT_OPTIONS);
      c.password = compileComponent(p.password, canonicalizeUserinfo, DEFAULT_OPTIONS);
      c.hostname = compileComponent(p.hostname,
        isIPv6Pattern(p.hostname) ? canonicalizeIPv6Hostname : canonicalizeHostname, HOSTNAME_OPTIONS);
      c.port = compileComponent(p.port, canonicalizePort, DEFAULT_OPTIONS);
      const options = { ...DEFAULT_OPTIONS, ignoreCase };
      c.pathname = matchesSpecialScheme(c.protocol)
        ? compileComponent(p.pathname, canonicalizePathname, { ...PATHNAME_OPTIONS, ignoreCase })
        : compileComponent(p.pathname, canonicalizeOpaquePathname, options);
      c.search = compileComponent(p.search, canonicalizeSearch, options);
      c.hash = compileComponent(p.hash, canonicalizeHash, options);
      this.#c = c;
      this.#hasRegExpGroups = COMPONENTS.some((k) => c[k].hasRegExpGroups);
    }

    // The component values of `input`, or null when it is not a URL; throws
    // TypeError for an init dictionary with a base URL.
    #values(input, baseURL, what) {
      input = toInput(input);
      const base = baseURL === undefined ? undefined : toUSVString(baseURL);
      const inputs = [input];
      if (typeof input !== "string") {
        if (base !== undefined) throw new TypeError(`Failed to ${what} URLPattern`);
        try {
          return [processInit(input, "url", ""), inputs];
        } catch (e) {
          if (e instanceof TypeError) return null;
          throw e;
        }
      }
      if (base !== undefined) inputs.push(base);
      let u;
      try {
        u = new internals.url.URL(input, base); // one op_url_parse; the getters slice its href
      } catch {
        return null;
      }
      return [{
        __proto__: null,
        protocol: u.protocol.slice(0, -1),
        username: u.username,
        password: u.password,
        hostname: u.hostname,
        port: u.port,
        pathname: u.pathname,
        search: u.search.slice(1),
        hash: u.hash.slice(1),
      }, inputs];
    }

    test(input = undefined, baseURL = undefined) {
      const r = this.#values(input, baseURL, "test");
      if (r === null) return false;
      const values = r[0];
      const c = this.#c;
      for (const k of COMPONENTS) {
        if (!c[k].regexp.test(values[k])) return false;
      }
      return true;
    }

    exec(input = undefined, baseURL = undefined) {
      const r = this.#values(input, baseURL, "exec");
      if (r === null) return null;
      const [values, inputs] = r;
      const c = this.#c;
      const result = { inputs: inputs.map((i) => (typeof i === "string" ? i : { ...i })) };
      for (const k of COMPONENTS) {
        const m = c[k].regexp.exec(values[k]);
        if (m === null) return null;
        const groups = {};
        const names = c[k].names;
        for (let i = 1; i < m.length; i++) groups[names[i - 1]] = m[i];
        result[k] = { input: values[k], groups };
      }
      return result;
    }

    get protocol() { return this.#c.protocol.pattern; }
    get username() { return this.#c.username.pattern; }
    get password() { return this.#c.password.pattern; }
    get hostname() { return this.#c.hostname.pattern; }
    get port() { return this.#c.port.pattern; }
    get pathname() { return this.#c.pathname.pattern; }
    get search() { return this.#c.search.pattern; }
    get hash() { return this.#c.hash.pattern; }
    get hasRegExpGroups() { return this.#hasRegExpGroups; }
  }
  Object.defineProperty(URLPattern.prototype, Symbol.toStringTag, { value: "URLPattern", configurable: true });

  internals.urlpattern = { __proto__: null, URLPattern };
  internals.exposeGlobal("URLPattern", URLPattern);
})(globalThis.__isolet_internals);
