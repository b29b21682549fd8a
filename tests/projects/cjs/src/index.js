// Three CommonJS-only packages, imported the way people write it in a Worker:
// - ms: `module.exports = function`, used through a default import;
// - qs: `module.exports = { parse, stringify, formats }` built from nested
//   require()s (./lib/*, then side-channel, get-intrinsic, ... from other packages);
// - cookie 0.x: `exports.parse = ...; exports.serialize = ...`, used through named imports.
import ms from "ms";
import qs from "qs";
import { parse as parseQuery, stringify } from "qs";
import { parse as parseCookie, serialize } from "cookie";
import * as cookieNamespace from "cookie";

function json(body, init) {
  return new Response(JSON.stringify(body, null, 2) + "\n", {
    ...init,
    headers: { "content-type": "application/json; charset=utf-8", ...init?.headers },
  });
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    switch (url.pathname) {
      case "/ms": {
        const inputs = url.searchParams.getAll("d");
        return json({
          parsed: Object.fromEntries(inputs.map((d) => [d, ms(d) ?? null])),
          short: ms(90061000),
          long: ms(90061000, { long: true }),
          typeofDefault: typeof ms,
        });
      }
      case "/ms/invalid":
        try {
          ms({});
          return json({ threw: false });
        } catch (err) {
          return json({ threw: true, name: err.name, message: err.message });
        }
      case "/qs/parse":
        // Nested objects and arrays from bracket syntax, parsed from the raw query string.
        return json(parseQuery(url.search.slice(1), { allowDots: true, depth: 5 }));
      case "/qs/stringify":
        return new Response(
          [
            stringify({ user: { name: "Ada Lovelace", langs: ["en", "fr"] }, page: 2 }),
            stringify({ a: [1, 2] }, { arrayFormat: "brackets", encodeValuesOnly: true }),
            qs.stringify({ filter: { year: { gte: 1999 } } }, { encode: false }),
            qs.stringify({ q: "café & crème" }, { format: qs.formats.RFC1738 }),
          ].join("\n"),
        );
      case "/qs/roundtrip": {
        const body = await request.text();
        const parsed = qs.parse(body);
        return json({ parsed, again: qs.stringify(parsed, { encodeValuesOnly: true }) });
      }
      case "/cookie/parse":
        return json(parseCookie(request.headers.get("cookie") ?? ""));
      case "/cookie/set": {
        const name = url.searchParams.get("name") ?? "session";
        const headers = new Headers({ "content-type": "text/plain" });
        headers.append("set-cookie", serialize(name, "abc 123;=", { path: "/", httpOnly: true, sameSite: "lax", maxAge: 3600 }));
        headers.append("set-cookie", serialize("theme", "dark", { secure: true, expires: new Date(Date.UTC(2030, 0, 1)) }));
        return new Response("cookies set\n", { headers });
      }
      case "/cookie/invalid":
        try {
          serialize("bad name", "x");
          return json({ threw: false });
        } catch (err) {
          return json({ threw: true, name: err.name, message: err.message });
        }
      case "/interop":
        // What the ES side sees of CommonJS modules: default = module.exports, named = its properties.
        return json({
          qsDefaultHasParse: typeof qs.parse,
          namedIsSameFunction: parseQuery === qs.parse,
          cookieNamespaceKeys: Object.keys(cookieNamespace).filter((k) => k !== "__esModule").sort(),
          cookieDefaultParse: typeof cookieNamespace.default?.parse,
        });
      default:
        return json({ error: "not found", path: url.pathname }, { status: 404 });
    }
  },
};
