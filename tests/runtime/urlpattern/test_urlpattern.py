"""URLPattern in a real isolate: cases written from the URL Pattern Standard's examples and algorithms.

Each table row runs in one shared isolate per test module (one JS call per
row); constructor failures must be workerd's TypeError("Failed to construct
URLPattern").
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from pydeno import JavaScriptError

from tests.runtime.harness import JSRuntime, js_runtime

COMPONENTS = ["protocol", "username", "password", "hostname", "port", "pathname", "search", "hash"]

# JS: construct, report the component patterns; or exec and report groups.
HELPERS = "const COMPONENTS = " + json.dumps(COMPONENTS) + """;
globalThis.__shape = (args) => {
  try {
    const p = new URLPattern(...args);
    const o = { hasRegExpGroups: p.hasRegExpGroups };
    for (const k of COMPONENTS) o[k] = p[k];
    return o;
  } catch (e) { return { error: e.constructor.name + ': ' + e.message }; }
};
globalThis.__exec = (args, input) => {
  const p = new URLPattern(...args);
  const r = p.exec(...input);
  const t = p.test(...input);
  if (r === null) return { match: null, test: t };
  const o = { test: t, inputs: r.inputs };
  for (const k of COMPONENTS) {
    const g = {};
    for (const [name, v] of Object.entries(r[k].groups)) g[name] = v === undefined ? null : v;
    o[k] = { input: r[k].input, groups: g };
  }
  return o;
};
"""


class Shared:
    """One isolate on one event loop for the whole module."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._cm = js_runtime()
        self.rt: JSRuntime = self.loop.run_until_complete(self._cm.__aenter__())
        self.run(HELPERS)

    def run(self, js: str) -> Any:
        return self.loop.run_until_complete(self.rt.run(js))

    def close(self) -> None:
        self.loop.run_until_complete(self._cm.__aexit__(None, None, None))
        self.loop.close()


@pytest.fixture(scope="module")
def js() -> Iterator[Shared]:
    shared = Shared()
    yield shared
    shared.close()


def shape(js: Shared, *args: Any) -> dict[str, Any]:
    result: dict[str, Any] = js.run(f"return __shape({json.dumps(list(args))})")
    return result


def execute(js: Shared, args: list[Any], inp: list[Any]) -> dict[str, Any]:
    result: dict[str, Any] = js.run(f"return __exec({json.dumps(args)}, {json.dumps(inp)})")
    return result


def pattern(**overrides: Any) -> dict[str, Any]:
    """The expected component patterns: '*' unless given."""
    result: dict[str, Any] = {k: "*" for k in COMPONENTS}
    result["hasRegExpGroups"] = False
    result.update(overrides)
    return result


# -- construction: component patterns ------------------------------------------------------------

CONSTRUCT_CASES: list[tuple[str, list[Any], dict[str, Any]]] = [
    ("empty init matches everything", [{}], pattern()),
    ("no arguments", [], pattern()),
    ("pathname with named group", [{"pathname": "/books/:id"}], pattern(pathname="/books/:id")),
    ("full URL string", ["https://example.com:8080/foo?q=1#frag"],
     pattern(protocol="https", hostname="example.com", port="8080", pathname="/foo", search="q=1", hash="frag")),
    ("default port is dropped", ["https://example.com:443/foo"],
     pattern(protocol="https", hostname="example.com", port="", pathname="/foo")),
    ("relative string with base URL", ["/books/:id", "https://example.com/shelf?x=1#h"],
     pattern(protocol="https", hostname="example.com", port="", pathname="/books/:id")),
    ("init with base URL inherits protocol host port", [{"pathname": "/books", "baseURL": "https://example.com/a?b#c"}],
     pattern(protocol="https", hostname="example.com", port="", pathname="/books")),
    ("relative pathname resolves against base path", [{"pathname": "books", "baseURL": "https://example.com/shelf/"}],
     pattern(protocol="https", hostname="example.com", port="", pathname="/shelf/books")),
    ("base URL alone inherits every component but userinfo", [{"baseURL": "https://example.com/a?b#c"}],
     pattern(protocol="https", hostname="example.com", port="", pathname="/a", search="b", hash="c")),
    ("base URL special chars are escaped", [{"baseURL": "https://example.com/a+b(c)"}],
     pattern(protocol="https", hostname="example.com", port="", pathname="/a\\+b\\(c\\)", search="", hash="")),
    ("hostname is lowercased", [{"hostname": "EXAMPLE.com"}], pattern(hostname="example.com")),
    ("hostname is IDNA encoded", [{"hostname": "ñ.example.com"}], pattern(hostname="xn--ida.example.com")),
    ("escaped IPv6 hostname", [{"hostname": "\\[\\:\\:1\\]"}], pattern(hostname="[\\:\\:1]")),
    ("pathname is percent-encoded and dot segments resolved", [{"pathname": "/a b/./x/../c"}],
     pattern(pathname="/a%20b/c")),
    ("search and hash drop their leading ? and #", [{"search": "?q=:query&*", "hash": "#top"}],
     pattern(search="q=:query&*", hash="top")),
    ("search percent-encodes spaces", [{"search": "a b"}], pattern(search="a%20b")),
    ("protocol drops a trailing colon and lowercases", [{"protocol": "HTTPS:"}], pattern(protocol="https")),
    ("optional protocol group", [{"protocol": "http{s}?"}], pattern(protocol="http{s}?")),
    ("regexp group", [{"pathname": "/:id(\\d+)"}], pattern(pathname="/:id(\\d+)", hasRegExpGroups=True)),
    ("anonymous full wildcard group is written as *", [{"pathname": "/foo/(.*)"}], pattern(pathname="/foo/*")),
    ("named full wildcard keeps its regexp", [{"pathname": "/:rest(.*)"}], pattern(pathname="/:rest(.*)")),
    ("segment wildcard regexp becomes a plain name", [{"pathname": "/:x([^\\/]+?)"}], pattern(pathname="/:x")),
    ("optional group in braces", [{"pathname": "/foo/{bar}?"}], pattern(pathname="/foo/{bar}?")),
    ("one-or-more modifier", [{"pathname": "/foo/:bar+"}], pattern(pathname="/foo/:bar+")),
    ("zero-or-more modifier", [{"pathname": "/foo/:bar*"}], pattern(pathname="/foo/:bar*")),
    ("group with prefix and suffix", [{"pathname": "/{a-:b-c}?"}], pattern(pathname="/{a-:b-c}?")),
    ("name followed by a name char needs braces", [{"pathname": "{:a}b"}], pattern(pathname="{:a}b")),
    ("hostname wildcard subdomain", [{"hostname": "*.example.com"}], pattern(hostname="*.example.com")),
    ("optional subdomain in a URL string", ["https://{sub.}?example.com/*"],
     pattern(protocol="https", hostname="{sub.}?example.com", port="", pathname="/*")),
    ("non-special scheme string has an opaque pathname", ["data\\:foo"],
     pattern(protocol="data", hostname="", port="", pathname="foo")),
    ("userinfo in a URL string", ["https://user\\:pass@example.com/"],
     pattern(protocol="https", username="user", password="pass", hostname="example.com", port="", pathname="/")),
    ("ignoreCase as second argument keeps the pattern", [{"pathname": "/FOO"}, {"ignoreCase": True}],
     pattern(pathname="/FOO")),
    ("ignoreCase as third argument", ["/FOO", "https://example.com", {"ignoreCase": True}],
     pattern(protocol="https", hostname="example.com", port="", pathname="/FOO")),
]


@pytest.mark.parametrize(("args", "expected"), [c[1:] for c in CONSTRUCT_CASES], ids=[c[0] for c in CONSTRUCT_CASES])
def test_constructor_builds_component_patterns(js: Shared, args: list[Any], expected: dict[str, Any]) -> None:
    assert shape(js, *args) == expected


ERROR_CASES: list[tuple[str, list[Any]]] = [
    ("relative string without base URL", ["/foo"]),
    ("duplicate group name", [{"pathname": "/:a/:a"}]),
    ("unclosed regexp group", [{"pathname": "/(foo"}]),
    ("regexp group starting with ?", [{"pathname": "/(?foo)"}]),
    ("non-ASCII regexp", [{"pathname": "/(é)"}]),
    ("invalid regexp", [{"pathname": "/([)"}]),
    ("empty name", [{"pathname": "/:"}]),
    ("unbalanced brace", [{"pathname": "/{foo"}]),
    ("init plus base URL argument", [{"pathname": "/foo"}, "https://example.com"]),
    ("invalid base URL", [{"pathname": "/foo", "baseURL": "not a url"}]),
    ("invalid port", [{"port": "80x"}]),
    ("port out of range", [{"port": "65536"}]),
    ("invalid protocol", [{"protocol": "1http"}]),
    ("invalid hostname", [{"hostname": "a b"}]),
    ("unescaped IPv6 colon is a bad name", [{"hostname": "[::1]"}]),
    ("escape at end of pattern", [{"pathname": "/foo\\"}]),
]


@pytest.mark.parametrize("args", [c[1] for c in ERROR_CASES], ids=[c[0] for c in ERROR_CASES])
def test_invalid_patterns_throw_type_error(js: Shared, args: list[Any]) -> None:
    assert shape(js, *args) == {"error": "TypeError: Failed to construct URLPattern"}


# -- matching --------------------------------------------------------------------------------------

MATCH_CASES: list[tuple[str, list[Any], list[Any], dict[str, Any] | None]] = [
    ("named group in URL string", [{"pathname": "/books/:id"}], ["https://example.com/books/123"],
     {"pathname": {"input": "/books/123", "groups": {"id": "123"}}}),
    ("named group does not cross a slash", [{"pathname": "/books/:id"}], ["https://example.com/books/1/2"], None),
    ("one-or-more repeats segments", [{"pathname": "/foo/:bar+"}], [{"pathname": "/foo/a/b/c"}],
     {"pathname": {"input": "/foo/a/b/c", "groups": {"bar": "a/b/c"}}}),
    ("one-or-more needs one segment", [{"pathname": "/foo/:bar+"}], [{"pathname": "/foo"}], None),
    ("zero-or-more matches none", [{"pathname": "/foo/:bar*"}], [{"pathname": "/foo"}],
     {"pathname": {"input": "/foo", "groups": {"bar": None}}}),
    ("optional group absent is undefined", [{"pathname": "/foo/:bar?"}], [{"pathname": "/foo"}],
     {"pathname": {"input": "/foo", "groups": {"bar": None}}}),
    ("optional group takes one segment only", [{"pathname": "/foo/:bar?"}], [{"pathname": "/foo/x/y"}], None),
    ("optional middle segment", [{"pathname": "/:a/:b?/:c"}], [{"pathname": "/x/y"}],
     {"pathname": {"input": "/x/y", "groups": {"a": "x", "b": None, "c": "y"}}}),
    ("optional trailing slash", [{"pathname": "/product{/}?"}], [{"pathname": "/product/"}],
     {"pathname": {"input": "/product/", "groups": {}}}),
    ("regexp group constrains", [{"pathname": "/:id(\\d+)"}], [{"pathname": "/abc"}], None),
    ("regexp and named groups", [{"pathname": "/:x(\\d+)-:y"}], [{"pathname": "/12-ab"}],
     {"pathname": {"input": "/12-ab", "groups": {"x": "12", "y": "ab"}}}),
    ("anonymous regexp groups are numbered", [{"pathname": "/(\\d+)/(\\w+)"}], [{"pathname": "/1/ab"}],
     {"pathname": {"input": "/1/ab", "groups": {"0": "1", "1": "ab"}}}),
    ("wildcard crosses slashes", [{"pathname": "/foo/*"}], [{"pathname": "/foo/a/b"}],
     {"pathname": {"input": "/foo/a/b", "groups": {"0": "a/b"}}}),
    ("wildcard then named extension", [{"pathname": "/*.:ext"}], [{"pathname": "/a/b.png"}],
     {"pathname": {"input": "/a/b.png", "groups": {"0": "a/b", "ext": "png"}}}),
    ("case-sensitive by default", [{"pathname": "/FOO/:x"}], [{"pathname": "/foo/Bar"}], None),
    ("ignoreCase matches any case", [{"pathname": "/FOO/:x"}, {"ignoreCase": True}], [{"pathname": "/foo/Bar"}],
     {"pathname": {"input": "/foo/Bar", "groups": {"x": "Bar"}}}),
    ("hostname wildcard captures subdomains", [{"hostname": "*.example.com"}], ["https://a.b.example.com/"],
     {"hostname": {"input": "a.b.example.com", "groups": {"0": "a.b"}}}),
    ("hostname wildcard needs a subdomain", [{"hostname": "*.example.com"}], ["https://example.com/"], None),
    ("optional named subdomain", ["https://{:sub.}?example.com/*"], ["https://api.example.com/x"],
     {"hostname": {"input": "api.example.com", "groups": {"sub": "api"}},
      "pathname": {"input": "/x", "groups": {"0": "x"}}}),
    ("optional subdomain absent", ["https://{sub.}?example.com/*"], ["https://example.com/x"],
     {"hostname": {"input": "example.com", "groups": {}}}),
    ("protocol optional s matches http", [{"protocol": "http{s}?"}], ["http://x.com/"],
     {"protocol": {"input": "http", "groups": {}}}),
    ("protocol optional s rejects ftp", [{"protocol": "http{s}?"}], ["ftp://x.com/"], None),
    ("port", [{"port": "8080"}], ["http://x.com:8080/"], {"port": {"input": "8080", "groups": {}}}),
    ("default port in the input is empty", ["https://example.com/*"], ["https://example.com:443/a"],
     {"port": {"input": "", "groups": {}}}),
    ("search group", [{"search": "q=:query"}], ["https://x.com/?q=hello"],
     {"search": {"input": "q=hello", "groups": {"query": "hello"}}}),
    ("hash regexp group", [{"hash": "section-:n(\\d+)"}], ["https://x.com/#section-12"],
     {"hash": {"input": "section-12", "groups": {"n": "12"}}}),
    ("pattern is percent-encoded like the input", [{"pathname": "/café"}], ["https://x.com/caf%C3%A9"],
     {"pathname": {"input": "/caf%C3%A9", "groups": {}}}),
    ("string input is resolved against the base argument", ["/books/:id", "https://example.com"],
     ["/books/1", "https://example.com"],
     {"inputs": ["/books/1", "https://example.com"], "pathname": {"input": "/books/1", "groups": {"id": "1"}}}),
    ("base URL pattern requires its host", ["/books/:id", "https://example.com"], ["https://other.com/books/1"], None),
    ("init input is canonicalized", ["/books/:id", "https://example.com"],
     [{"pathname": "/books/1", "protocol": "HTTPS", "hostname": "EXAMPLE.com"}],
     {"hostname": {"input": "example.com", "groups": {}}, "pathname": {"input": "/books/1", "groups": {"id": "1"}}}),
    ("init input without host does not match a host pattern", ["/books/:id", "https://example.com"],
     [{"pathname": "/books/1"}], None),
    ("init input with base URL inherits", [{"pathname": "/foo/:bar"}],
     [{"pathname": "x", "baseURL": "https://example.com/foo/"}],
     {"protocol": {"input": "https", "groups": {"0": "https"}}, "pathname": {"input": "/foo/x", "groups": {"bar": "x"}}}),
    ("invalid URL string does not match", [{"pathname": "/books/:id"}], ["not a url"], None),
    ("invalid init value does not match", [{}], [{"port": "nope"}], None),
    ("escaped IPv6 hostname matches", [{"hostname": "\\[\\:\\:1\\]"}], ["http://[::1]/"],
     {"hostname": {"input": "[::1]", "groups": {}}}),
    ("non-special scheme opaque path", ["data\\:text/plain,:rest"], ["data:text/plain,hello"],
     {"protocol": {"input": "data", "groups": {}}, "pathname": {"input": "text/plain,hello", "groups": {"rest": "hello"}}}),
]


@pytest.mark.parametrize(("args", "inp", "expected"), [c[1:] for c in MATCH_CASES], ids=[c[0] for c in MATCH_CASES])
def test_exec_and_test_match(js: Shared, args: list[Any], inp: list[Any], expected: dict[str, Any] | None) -> None:
    result = execute(js, args, inp)
    if expected is None:
        assert result == {"match": None, "test": False}
        return
    assert result["test"] is True
    for key, value in expected.items():
        assert result[key] == value, key


def test_exec_result_has_every_component_and_the_inputs(js: Shared) -> None:
    result = execute(js, [{"pathname": "/a/:b"}], ["https://u:p@example.com:81/a/c?x#y"])
    assert result["inputs"] == ["https://u:p@example.com:81/a/c?x#y"]
    assert {k: result[k]["input"] for k in COMPONENTS} == {
        "protocol": "https", "username": "u", "password": "p", "hostname": "example.com", "port": "81",
        "pathname": "/a/c", "search": "x", "hash": "y"}
    assert result["protocol"]["groups"] == {"0": "https"}


def test_exec_with_init_and_base_url_argument_throws(js: Shared) -> None:
    with pytest.raises(JavaScriptError) as exc:
        js.run("new URLPattern({pathname: '/a'}).exec({pathname: '/a'}, 'https://example.com')")
    assert exc.value.name == "TypeError"
    assert exc.value.message == "Failed to exec URLPattern"
    with pytest.raises(JavaScriptError) as exc:
        js.run("new URLPattern({pathname: '/a'}).test({pathname: '/a'}, 'https://example.com')")
    assert exc.value.message == "Failed to test URLPattern"


def test_has_regexp_groups_is_per_pattern(js: Shared) -> None:
    assert js.run("return [new URLPattern({pathname: '/:a'}).hasRegExpGroups,"
                  "new URLPattern({hostname: '(a|b).com'}).hasRegExpGroups,"
                  "new URLPattern({pathname: '/(.*)'}).hasRegExpGroups]") == [False, True, False]


def test_regexp_groups_use_the_v_flag(js: Shared) -> None:
    # A set operation only the "v" flag accepts: letters except vowels.
    assert js.run("const p = new URLPattern({pathname: '/:c([[a-z]--[aeiou]])'});"
                  "return [p.test({pathname: '/b'}), p.test({pathname: '/a'})]") == [True, False]


def test_urlpattern_is_a_global_class(js: Shared) -> None:
    assert js.run("return [typeof URLPattern, Object.prototype.toString.call(new URLPattern()),"
                  "Object.keys(globalThis).includes('URLPattern')]") == ["function", "[object URLPattern]", False]
    with pytest.raises(JavaScriptError) as exc:
        js.run("URLPattern()")
    assert exc.value.name == "TypeError"
