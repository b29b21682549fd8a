"""Randomness for ``crypto.getRandomValues`` / ``randomUUID``: the OS CSPRNG.

JS pools the bytes (4 KiB per call) so most calls cross no boundary.
"""

from __future__ import annotations

import os

from isolet.runtime.host import IsolateHost

MAX_RANDOM_BYTES = 65536  # getRandomValues() quota (WebCrypto spec, workerd crypto.c++)


def op_random_bytes(host: IsolateHost, n: int) -> bytes:
    """``n`` bytes from ``os.urandom``; at most MAX_RANDOM_BYTES."""
    if not 0 <= n <= MAX_RANDOM_BYTES:
        raise ValueError(f"op_random_bytes: {n} is out of range")
    return os.urandom(n)
