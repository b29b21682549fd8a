"""Text codecs the JS side does not do itself: large UTF-8 bodies, legacy encodings.

JS (08_encoding.js) decodes UTF-8 and UTF-16 of ordinary size itself; it
calls here for UTF-8 inputs large enough that a crossing is cheaper than a
JS loop, for the single-byte tables (fetched once per isolate per
encoding), and for the multi-byte CJK encodings. Nothing is kept between
calls: a streaming decoder's state travels back to JS as plain values.
"""

from __future__ import annotations

import codecs
from typing import Any

from isolet.runtime.host import IsolateHost

# WHATWG Encoding name -> Python codec. Single-byte ones are served as tables.
SINGLE_BYTE_CODECS: dict[str, str] = {
    "ibm866": "cp866",
    "iso-8859-2": "iso8859_2",
    "iso-8859-3": "iso8859_3",
    "iso-8859-4": "iso8859_4",
    "iso-8859-5": "iso8859_5",
    "iso-8859-6": "iso8859_6",
    "iso-8859-7": "iso8859_7",
    "iso-8859-8": "iso8859_8",
    "iso-8859-8-i": "iso8859_8",
    "iso-8859-10": "iso8859_10",
    "iso-8859-13": "iso8859_13",
    "iso-8859-14": "iso8859_14",
    "iso-8859-15": "iso8859_15",
    "iso-8859-16": "iso8859_16",
    "koi8-r": "koi8_r",
    "koi8-u": "koi8_u",
    "macintosh": "mac_roman",
    "windows-874": "cp874",
    "windows-1250": "cp1250",
    "windows-1251": "cp1251",
    "windows-1252": "cp1252",
    "windows-1253": "cp1253",
    "windows-1254": "cp1254",
    "windows-1255": "cp1255",
    "windows-1256": "cp1256",
    "windows-1257": "cp1257",
    "windows-1258": "cp1258",
    "x-mac-cyrillic": "mac_cyrillic",
}

# The WHATWG decoders these stand for are supersets of the plain national
# standards (gbk decodes as gb18030, big5 includes HKSCS, euc-kr is UHC,
# shift_jis has the Microsoft extensions).
MULTI_BYTE_CODECS: dict[str, str] = {
    "utf-8": "utf-8",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "euc-jp": "euc_jp",
    "iso-2022-jp": "iso2022_jp",
    "shift_jis": "cp932",
    "euc-kr": "cp949",
}

_UNMAPPED = "\ufffd"


def op_encoding_table(host: IsolateHost, name: str) -> str | None:
    """The 128 characters bytes 0x80-0xFF decode to; U+FFFD marks an unmapped byte.

    In the WHATWG index of every windows-* encoding the bytes the code page
    leaves undefined decode to the C1 control of the same value.
    """
    codec = SINGLE_BYTE_CODECS.get(name)
    if codec is None:
        return None
    c1_fallback = name.startswith("windows-")
    chars = []
    for byte in range(0x80, 0x100):
        try:
            chars.append(bytes([byte]).decode(codec))
        except UnicodeDecodeError:
            chars.append(chr(byte) if c1_fallback else _UNMAPPED)
    return "".join(chars)


def op_encoding_decode(
    host: IsolateHost, name: str, data: bytes, fatal: bool, final: bool, state: Any
) -> list[Any] | None:
    """Decode ``data``; returns ``[text, state]`` or None when ``fatal`` and malformed.

    ``state`` is what the previous call returned (None to start): the bytes
    held back at the end of a chunk and the codec's flag, as
    ``getstate()`` gives them.
    """
    codec = MULTI_BYTE_CODECS.get(name)
    if codec is None:
        return None
    if not isinstance(state, (list, tuple)):
        state = None  # JS null/undefined
    if final and state is None:
        try:
            return [data.decode(codec, "strict" if fatal else "replace"), None]
        except UnicodeDecodeError:
            return None
    decoder = codecs.getincrementaldecoder(codec)("strict" if fatal else "replace")
    if state is not None:
        decoder.setstate((bytes(state[0]), int(state[1])))
    try:
        text = decoder.decode(data, final)
    except UnicodeDecodeError:
        return None
    if final:
        return [text, None]
    pending, flag = decoder.getstate()
    return [text, [pending, flag]]


def op_encoding_encode(host: IsolateHost, text: str) -> bytes:
    """UTF-8 bytes of ``text`` (JS hands over well-formed strings only)."""
    return text.encode("utf-8", "replace")
