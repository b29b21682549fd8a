"""Log records from Workers and from the runtime, and the terminal printer.

Every line a Worker logs (``console.*``) and every runtime event about a
Worker (an uncaught exception, a limit hit, a reload) becomes a
``LogRecord``; sinks fan them out (terminal now, ``tail`` subscribers later).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO


@dataclass(frozen=True, slots=True)
class LogRecord:
    worker: str
    level: str  # log | info | warn | error | debug | trace | system
    message: str
    timestamp: float = field(default_factory=time.time)
    request_id: int | None = None


LogSink = Callable[[LogRecord], None]

_COLORS = {"warn": "\x1b[33m", "error": "\x1b[31m", "debug": "\x1b[2m", "system": "\x1b[36m"}


class TerminalSink:
    """Prints ``HH:MM:SS.mmm [worker] level message`` lines; safe from any thread."""

    def __init__(self, stream: TextIO | None = None, color: bool | None = None) -> None:
        self._stream = stream or sys.stderr
        self._color = self._stream.isatty() if color is None else color
        self._lock = threading.Lock()

    def __call__(self, record: LogRecord) -> None:
        t = time.localtime(record.timestamp)
        ms = int((record.timestamp % 1) * 1000)
        stamp = f"{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d}.{ms:03d}"
        line = f"{stamp} [{record.worker}] {record.level:<5} {record.message}"
        if self._color and record.level in _COLORS:
            line = f"{_COLORS[record.level]}{line}\x1b[0m"
        with self._lock:
            self._stream.write(line + "\n")
            self._stream.flush()
