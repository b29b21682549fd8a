"""The CPU watchdog: stops an isolate whose JS runs past its CPU budget.

One daemon thread per process polls the isolates it watches every
``interval`` seconds. It reads each isolate thread's CPU clock (waiting on I/O
does not advance it; a busy loop does) and terminates the isolate when the
JS slice running now, or the CPU charged to one request, exceeds the limit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from isolet.runtime.host import IsolateHost


class LimitExceeded(Exception):
    """A request ended because its Worker went over a limit (kind: cpu | memory)."""

    MESSAGES = {
        "cpu": "Worker exceeded CPU time limit.",
        "memory": "Worker exceeded memory limit.",
    }

    def __init__(self, kind: str) -> None:
        self.kind = kind
        super().__init__(self.MESSAGES[kind])


@dataclass(slots=True)
class Watched:
    host: IsolateHost
    cpu_limit_ns: int
    terminate: Callable[[str], None]


class Watchdog:
    def __init__(self, interval: float = 0.005) -> None:
        self._interval = interval
        self._watched: dict[int, Watched] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def watch(self, key: int, watched: Watched) -> None:
        with self._lock:
            self._watched[key] = watched
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="isolet-watchdog", daemon=True)
                self._thread.start()

    def unwatch(self, key: int) -> None:
        with self._lock:
            self._watched.pop(key, None)

    def _run(self) -> None:
        while True:
            time.sleep(self._interval)
            with self._lock:
                items = list(self._watched.items())
            for key, w in items:
                if self.over_limit(w):
                    self.unwatch(key)
                    w.terminate("cpu")

    @staticmethod
    def over_limit(w: Watched) -> bool:
        host = w.host
        if not host.requests or host.cpu.clock_id is None:
            return False
        try:
            slice_ns = host.cpu.now() - host.cpu.slice_start_ns
        except OSError:  # the isolate thread is gone
            return False
        if slice_ns > w.cpu_limit_ns:
            return True
        return any(ctx.cpu_ns > w.cpu_limit_ns for ctx in list(host.requests.values()))


WATCHDOG = Watchdog()
