"""WHATWG URL parsing with ada (the parser workerd and Node use).

Each op returns the URL as a compact record JS slices itself (Deno's
``op_url_parse`` shape): ``[href, protocol_end, username_end, host_start,
host_end, port, pathname_start, search_start, hash_start]``, offsets into
``href`` (which is always ASCII), -1 for an absent port/search/hash. A
failed parse returns None; JS raises the TypeError.
"""

from __future__ import annotations

import codecs
import functools
import unicodedata
from typing import Any

from ada_url.ada_adapter import ffi, lib  # type: ignore[attr-defined]  # cffi handles, not re-exported

from isolet.runtime.host import IsolateHost

_OMITTED = 0xFFFFFFFF

# Setter ids shared with 10_url.js (URL_SETTERS there).
_SETTERS = (
    lib.ada_set_href,
    lib.ada_set_protocol,
    lib.ada_set_username,
    lib.ada_set_password,
    lib.ada_set_host,
    lib.ada_set_hostname,
    lib.ada_set_port,
    lib.ada_set_pathname,
    lib.ada_set_search,
    lib.ada_set_hash,
)
_SETTER_CLEAR = {6: lib.ada_clear_port, 8: lib.ada_clear_search, 9: lib.ada_clear_hash}

_SPECIAL_SCHEMES = frozenset({"http:", "https:", "ws:", "wss:", "ftp:", "file:"})
# Categories UTS #46 never lets through in a decoded label (controls, unassigned, surrogates,
# private use, separators).
_DISALLOWED_CATEGORIES = frozenset({"Cc", "Cn", "Cs", "Co", "Zs", "Zl", "Zp"})


def _punycode_label_valid(label: str) -> bool:
    """UTS #46 validity of an "xn--" label, as the ada workerd links checks it.

    The label must decode as punycode to a non-ASCII, case-folded NFC string without
    disallowed code points. The bundled ada accepts such labels unchecked.
    """
    try:
        decoded = codecs.decode(label[4:].encode("ascii"), "punycode")
    except (UnicodeError, ValueError):
        return False
    if decoded == "" or decoded.isascii():
        return False
    if unicodedata.normalize("NFC", decoded) != decoded or decoded.lower() != decoded:
        return False
    return all(unicodedata.category(ch) not in _DISALLOWED_CATEGORIES for ch in decoded)


def _host_valid(obj: Any) -> bool:
    """False when a special URL's host has an "xn--" label that is not valid punycode."""
    hostname = lib.ada_get_hostname(obj)
    host = ffi.string(hostname.data, hostname.length).decode("ascii", "replace").lower()
    if "xn--" not in host:
        return True
    protocol = lib.ada_get_protocol(obj)
    if ffi.string(protocol.data, protocol.length).decode("ascii", "replace") not in _SPECIAL_SCHEMES:
        return True
    return all(_punycode_label_valid(label) for label in host.split(".") if label.startswith("xn--"))


def _parse(url: str, base: str | None) -> Any:
    raw = url.encode("utf-8", "surrogatepass")
    if base is None:
        return ffi.gc(lib.ada_parse(raw, len(raw)), lib.ada_free)
    braw = base.encode("utf-8", "surrogatepass")
    return ffi.gc(lib.ada_parse_with_base(raw, len(raw), braw, len(braw)), lib.ada_free)


def _record(obj: Any) -> list[Any]:
    href = lib.ada_get_href(obj)
    c = lib.ada_get_components(obj)

    def opt(v: int) -> int:
        return -1 if v == _OMITTED else v

    return [
        ffi.string(href.data, href.length).decode("ascii", "replace"),
        c.protocol_end,
        c.username_end,
        c.host_start,
        c.host_end,
        opt(c.port),
        c.pathname_start,
        opt(c.search_start),
        opt(c.hash_start),
    ]


def op_url_parse(host: IsolateHost, url: str, base: Any = None) -> list[Any] | None:
    """Parse ``url`` against ``base`` (a string or null); None if either is invalid."""
    return parse_record(url, base if isinstance(base, str) else None)


def parse_record(url: str, base: str | None = None) -> list[Any] | None:
    """The record ``op_url_parse`` returns."""
    obj = _parse(url, base)
    if not lib.ada_is_valid(obj) or not _host_valid(obj):
        return None
    return _record(obj)


@functools.lru_cache(maxsize=1024)
def request_url_record(url: str) -> tuple[Any, ...] | None:
    """``parse_record(url)`` for the host, which parses each request's URL
    before dispatch (runtime/host.py ``parse_url``) so the Worker's
    ``new URL(request.url)`` needs no crossing (10_url.js ``seed``).

    Cached: requests repeat their URLs, and a parse costs about 5 us of the
    asyncio thread (hello at c=64: 5% of its samples before the cache). A
    tuple, so no one can change the shared value; it reaches JS as an array.
    """
    record = parse_record(url)
    return None if record is None else tuple(record)


def op_url_set(host: IsolateHost, href: str, setter: int, value: str) -> list[Any] | None:
    """Apply a URL setter to ``href``; None when the setter leaves the URL unchanged/invalid."""
    obj = _parse(href, None)
    if not lib.ada_is_valid(obj) or not 0 <= setter < len(_SETTERS):
        return None
    clear = _SETTER_CLEAR.get(setter)
    if clear is not None and value == "":
        clear(obj)
    else:
        raw = value.encode("utf-8", "surrogatepass")
        ok = _SETTERS[setter](obj, raw, len(raw))
        if ok is not None and not ok:
            return None
        if not _host_valid(obj):
            return None
    return _record(obj)
