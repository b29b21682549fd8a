"""Start ``isolet dev`` as a real process and talk to it over real HTTP.

``DevProcess`` runs ``python -m isolet dev --port 0`` in a Worker's folder,
waits for its "Ready on http://host:port" line and keeps reading its log
(stderr) in a thread so tests can wait for a line to appear.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

READY = re.compile(r"Ready on (http://\S+)")
START_TIMEOUT_S = 30.0


class DevProcess:
    def __init__(self, cwd: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.cwd = cwd
        self.args = ["dev", "--port", "0", *args]
        self.env = {**os.environ, **(env or {}), "PYTHONUNBUFFERED": "1"}
        self.lines: list[str] = []
        self.url = ""
        self._cond = threading.Condition()
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> DevProcess:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "isolet", *self.args],
            cwd=self.cwd,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        line = self.wait_for(READY, START_TIMEOUT_S)
        match = READY.search(line)
        assert match is not None
        self.url = match.group(1)
        return self

    def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._cond:
                self.lines.append(line.rstrip("\n"))
                self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()

    @property
    def log(self) -> str:
        with self._cond:
            return "\n".join(self.lines)

    def wait_for(self, pattern: str | re.Pattern[str], timeout: float = 10.0, start: int = 0) -> str:
        """The first log line from index ``start`` on matching ``pattern``; fails after ``timeout`` s."""
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for line in self.lines[start:]:
                    if regex.search(line):
                        return line
                remaining = deadline - time.monotonic()
                exited = self.proc is not None and self.proc.poll() is not None
                if remaining <= 0 or exited:
                    raise AssertionError(f"no log line matching {regex.pattern!r}; log was:\n" + "\n".join(self.lines))
                self._cond.wait(min(remaining, 0.1))

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc is not None and self.proc.stdout is not None and not self.proc.stdout.closed:
            self._reader.join(5)
            self.proc.stdout.close()


def run_cli(cwd: Path, *args: str, timeout: float = 30.0) -> subprocess.CompletedProcess[str]:
    """Run ``isolet <args>`` to completion (for commands that exit, or fail to start)."""
    return subprocess.run(
        [sys.executable, "-m", "isolet", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
