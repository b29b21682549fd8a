from __future__ import annotations

import json

import pytest
from pydeno import JavaScriptError

from tests.runtime.harness import run_js

run = run_js


def parts(url: str, base: str | None = None) -> dict[str, str]:
    args = json.dumps(url) + ("" if base is None else ", " + json.dumps(base))
    return dict(run(
        f"const u = new URL({args}); return Object.entries({{href: u.href, origin: u.origin, protocol: u.protocol,"
        "username: u.username, password: u.password, host: u.host, hostname: u.hostname, port: u.port,"
        "pathname: u.pathname, search: u.search, hash: u.hash})"))


def test_url_components() -> None:
    assert parts("https://user:pw@example.com:8080/a/../b?q=1#frag") == {
        "href": "https://user:pw@example.com:8080/b?q=1#frag",
        "origin": "https://example.com:8080",
        "protocol": "https:",
        "username": "user",
        "password": "pw",
        "host": "example.com:8080",
        "hostname": "example.com",
        "port": "8080",
        "pathname": "/b",
        "search": "?q=1",
        "hash": "#frag",
    }


def test_idna_host_is_punycoded() -> None:
    p = parts("http://münchen.de/")
    assert p["hostname"] == "xn--mnchen-3ya.de"
    assert p["href"] == "http://xn--mnchen-3ya.de/"


def test_default_port_is_dropped() -> None:
    assert parts("https://example.com:443/")["port"] == ""


def test_relative_url_against_base() -> None:
    assert parts("../x?y", "http://a.b/c/d/e")["href"] == "http://a.b/c/x?y"


def test_non_special_url_has_null_origin() -> None:
    p = parts("foo:bar/baz")
    assert (p["origin"], p["pathname"], p["host"]) == ("null", "bar/baz", "")


def test_blob_url_origin_is_inner_origin() -> None:
    assert parts("blob:https://a.com:1/x")["origin"] == "https://a.com:1"


def test_ipv6_host() -> None:
    assert parts("http://[::1]:80/")["host"] == "[::1]"


def test_empty_query_and_fragment_read_as_empty() -> None:
    p = parts("http://a/?#")
    assert (p["href"], p["search"], p["hash"]) == ("http://a/?#", "", "")


@pytest.mark.parametrize("bad", ["nope", "http://exa mple.com", "http://[::1", "https://"])
def test_invalid_url_throws_type_error(bad: str) -> None:
    with pytest.raises(JavaScriptError) as exc:
        run(f"new URL({json.dumps(bad)})")
    assert exc.value.name == "TypeError"
    assert exc.value.message == "Invalid URL string."


def test_can_parse_and_parse() -> None:
    assert run('return [URL.canParse("http://a"), URL.canParse("a"), URL.canParse("a", "http://b/"),'
               'URL.parse("nope"), URL.parse("/x", "http://a/").href, URL.parse("http://a") instanceof URL]') == [
        True, False, True, None, "http://a/x", True]


def test_setters_reparse() -> None:
    assert run('const u = new URL("http://a.com/x");'
               'u.protocol = "https"; u.hostname = "münchen.de"; u.port = "81"; u.pathname = "y z";'
               'u.search = "q=1"; u.hash = "h"; u.username = "me"; u.password = "pw"; return u.href') == (
        "https://me:pw@xn--mnchen-3ya.de:81/y%20z?q=1#h")


def test_invalid_setter_value_is_ignored() -> None:
    assert run('const u = new URL("http://a.com:8080/"); u.port = "abc"; u.protocol = "1x";'
               'u.host = ""; return u.href') == "http://a.com:8080/"


def test_clearing_search_and_hash() -> None:
    assert run('const u = new URL("http://a/?q#h"); u.search = ""; u.hash = ""; return u.href') == "http://a/"


def test_href_setter_rejects_invalid() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run('const u = new URL("http://a/"); u.href = "bad"')
    assert exc.value.message == (
        "Failed to set the 'href' property on 'URL': the provided value is not of type 'valid URL string'.")


def test_url_rejects_invalid_punycode_label_as_workerd() -> None:
    js = "return [URL.canParse('http://xn--a.test/'), URL.canParse('http://xn--a-.test/'), new URL('http://xn--ls8h.la/').hostname, URL.canParse('foo://xn--a.test/')]"
    assert run(js) == [False, False, "xn--ls8h.la", True]


def test_url_called_without_new_is_workerd_type_error() -> None:
    js = "try { URL('http://a/'); } catch (e) { return [e.name, e.message]; }"
    assert run(js) == ["TypeError", "Failed to construct 'URL': Please use the 'new' operator, this object constructor cannot be called as a function."]


def test_url_wrapper_keeps_instanceof_subclassing_and_statics() -> None:
    js = """
    class My extends URL { extra() { return this.host; } }
    const m = new My('http://h.test/x');
    const u = new URL('http://a/');
    return [m instanceof URL, m instanceof My, m.extra(), u instanceof URL, u.constructor === URL,
            URL.name, URL.length, typeof URL.canParse, URL.parse('http://b/') instanceof URL,
            Object.getPrototypeOf(u) === URL.prototype];
    """
    assert run(js) == [True, True, "h.test", True, True, "URL", 1, "function", True, True]


def test_url_search_params_iterators_are_live_and_tagged() -> None:
    js = """
    const p = new URLSearchParams('a=1');
    const it = p.keys();
    p.append('b', '2');
    return [Array.from(it), Object.prototype.toString.call(p.entries()), Object.prototype.toString.call(p.values())];
    """
    assert run(js) == [["a", "b"], "[object EntryIterator]", "[object ValueIterator]"]


def test_search_params_update_url() -> None:
    assert run('const u = new URL("http://a/p?x=1#h"); u.searchParams.append("y", "é b");'
               'const one = u.href; u.searchParams.delete("x"); u.searchParams.delete("y"); return [one, u.href]') == [
        "http://a/p?x=1&y=%C3%A9+b#h", "http://a/p#h"]


def test_url_search_updates_search_params() -> None:
    assert run('const u = new URL("http://a/?x=1"); const p = u.searchParams; u.search = "?z=2&z=3";'
               'const a = p.getAll("z"); u.href = "http://b/?k=v";'
               'return [a, p.get("k"), p.size]') == [["2", "3"], "v", 1]


def test_search_params_same_object_each_time() -> None:
    assert run('const u = new URL("http://a/"); return u.searchParams === u.searchParams') is True


def test_to_json_and_to_string() -> None:
    assert run('const u = new URL("http://a/b"); return [JSON.stringify({u}), String(u), u.toJSON()]') == [
        '{"u":"http://a/b"}', "http://a/b", "http://a/b"]


def test_search_params_parse_string() -> None:
    assert run('const p = new URLSearchParams("?a=1&b=x+y&c=%E2%82%AC&&d&a=2");'
               'return [p.get("a"), p.getAll("a"), p.get("b"), p.get("c"), p.get("d"), p.get("zz"), p.size]') == [
        "1", ["1", "2"], "x y", "€", "", None, 5]


def test_search_params_from_pairs_and_record() -> None:
    assert run('return [new URLSearchParams([["a", "1"], ["b", "2"]]).toString(),'
               'new URLSearchParams({x: "1", y: 2}).toString()]') == ["a=1&b=2", "x=1&y=2"]


def test_search_params_bad_pair_is_type_error() -> None:
    with pytest.raises(JavaScriptError) as exc:
        run('new URLSearchParams([["a", "1", "2"]])')
    assert exc.value.message == "Invalid URL search params sequence."


def test_search_params_serialises_form_encoding() -> None:
    assert run('return new URLSearchParams({"a b": "c&d=e", "~": "*-._"}).toString()') == "a+b=c%26d%3De&%7E=*-._"


def test_search_params_has_and_delete_with_value() -> None:
    assert run('const p = new URLSearchParams("a=1&a=2&b=3"); const h = [p.has("a", "2"), p.has("a", "9"), p.has("b")];'
               'p.delete("a", "1"); return [h, p.toString()]') == [[True, False, True], "a=2&b=3"]


def test_search_params_set_replaces_first_and_drops_rest() -> None:
    assert run('const p = new URLSearchParams("a=1&b=2&a=3"); p.set("a", "x"); return p.toString()') == "a=x&b=2"


def test_search_params_sort_is_stable() -> None:
    assert run('const p = new URLSearchParams("z=1&a=2&z=0&a=1"); p.sort(); return p.toString()') == "a=2&a=1&z=1&z=0"


def test_search_params_iteration() -> None:
    assert run('const p = new URLSearchParams("a=1&b=2"); const f = [];'
               'p.forEach((v, k) => f.push(k + v));'
               'return [[...p], [...p.keys()], [...p.values()], f]') == [
        [["a", "1"], ["b", "2"]], ["a", "b"], ["1", "2"], ["a1", "b2"]]


def test_percent_decoding_keeps_invalid_escapes() -> None:
    assert run('return new URLSearchParams("a=%zz%4").get("a")') == "%zz%4"
