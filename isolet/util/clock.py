"""Wall-clock time as an injectable dependency (miniflare's ``Timers``).

Storage asks a ``Clock`` for the time instead of calling ``time.time()``, so
tests can move time forward instead of sleeping.

``ISOLET_FAKE_TIME_FILE`` is a test hook: when it names a file,
:func:`clock_from_env` returns a clock that reads epoch seconds from that file
on every call (integration tests write a new number to make keys expire). A
missing or unreadable file falls back to the real time.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

FAKE_TIME_ENV = "ISOLET_FAKE_TIME_FILE"


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the UNIX epoch."""
        ...


class SystemClock:
    def now(self) -> float:
        return time.time()


class FakeClock:
    """A clock that only moves when told to (unit tests)."""

    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self._now = now

    def now(self) -> float:
        return self._now

    def set(self, now: float) -> None:
        self._now = now

    def advance(self, seconds: float) -> None:
        self._now += seconds


class FileClock:
    """Reads epoch seconds from ``path`` on each call (the ``ISOLET_FAKE_TIME_FILE`` hook)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def now(self) -> float:
        try:
            return float(self.path.read_text().strip())
        except (OSError, ValueError):
            return time.time()


def clock_from_env(environ: Mapping[str, str] | None = None) -> Clock:
    env = os.environ if environ is None else environ
    path = env.get(FAKE_TIME_ENV)
    if path:
        return FileClock(Path(path))
    return SystemClock()
