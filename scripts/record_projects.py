#!/usr/bin/env python3
"""Record workerd's answers for the real-project tests (tests/projects/<name>/expected.json).

For each project this script installs its dependencies (``npm ci`` from its
lock file, cached as the tests do: ``tests/projects/support.py``), copies it
to a temporary folder, serves it with real ``wrangler dev`` (which bundles it
with esbuild and runs it in workerd), sends every request of
``requests.json`` twice, checks that the compared parts of both answers are
equal (a project must answer deterministically), and writes
``expected.json``.

wrangler is installed from the npm registry into ``.cache/wrangler`` at the
repository root, pinned to WRANGLER_VERSION: wrangler 4.86.0, the 4.x release
whose miniflare dependency is 4.20260426.0, which runs workerd 1.20260426.1
(``npm view wrangler@4 dependencies.miniflare``). The fixtures committed with
the tests were recorded with it, on Node 20.

    python scripts/record_projects.py            # every project
    python scripts/record_projects.py hono jose  # some projects
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.projects.support import (  # noqa: E402
    NAMES,
    PROJECTS,
    REQUEST_TIMEOUT_S,
    ProjectRequest,
    diff,
    install,
    load_requests,
    project_copy,
)

WRANGLER_VERSION = "4.86.0"
WORKERD_VERSION = "1.20260426.1"
CACHE = ROOT / ".cache"
WRANGLER_PREFIX = CACHE / "wrangler"
READY = re.compile(r"Ready on (http://\S+)")
READY_TIMEOUT_S = 90.0


def ensure_wrangler() -> Path:
    """The wrangler CLI at WRANGLER_VERSION under .cache/wrangler, installed with npm when missing."""
    pkg = WRANGLER_PREFIX / "node_modules" / "wrangler" / "package.json"
    binary = WRANGLER_PREFIX / "node_modules" / ".bin" / "wrangler"
    if pkg.exists() and json.loads(pkg.read_text()).get("version") == WRANGLER_VERSION and binary.exists():
        return binary
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("error: npm not found; it is needed to install wrangler from the npm registry")
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / ".gitignore").write_text("*\n")
    WRANGLER_PREFIX.mkdir(parents=True, exist_ok=True)
    print(f"installing wrangler@{WRANGLER_VERSION} into {WRANGLER_PREFIX} ...", file=sys.stderr)
    subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--prefix", str(WRANGLER_PREFIX), f"wrangler@{WRANGLER_VERSION}"],
        check=True,
        timeout=600,
    )
    if not binary.exists():
        sys.exit(f"error: {binary} missing after npm install")
    return binary


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class WranglerDev:
    """``wrangler dev`` in a project folder, in its own process group so that workerd stops with it."""

    def __init__(self, wrangler: Path, cwd: Path) -> None:
        self.port = free_port()
        self.lines: list[str] = []
        self._ready = threading.Event()
        env = {**os.environ, "CI": "1", "WRANGLER_SEND_METRICS": "false", "NO_COLOR": "1", "FORCE_COLOR": "0"}
        self.proc = subprocess.Popen(
            [
                str(wrangler),
                "dev",
                "--ip",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--inspector-port",
                str(free_port()),
                "--show-interactive-dev-session=false",
            ],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            if READY.search(line):
                self._ready.set()

    def wait_ready(self) -> str:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while not self._ready.wait(0.2):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("wrangler dev did not get ready; its output was:\n" + "\n".join(self.lines))
        url = f"http://127.0.0.1:{self.port}"
        with httpx.Client(timeout=REQUEST_TIMEOUT_S) as client:
            while True:  # "Ready" can come a moment before workerd serves
                try:
                    client.get(url + "/__isolet_record_ready")
                    return url
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def _answers(client: httpx.Client, url: str, requests: list[ProjectRequest]) -> dict[str, Any]:
    return {r.name: r.answer(client, url) for r in requests}


def record(name: str, wrangler: Path) -> dict[str, Any]:
    node_modules = install(name).node_modules
    requests = load_requests(name)
    with tempfile.TemporaryDirectory(prefix=f"record-{name}-") as tmp:
        project = project_copy(name, Path(tmp) / name, node_modules)
        dev = WranglerDev(wrangler, project)
        try:
            url = dev.wait_ready()
            with httpx.Client(timeout=REQUEST_TIMEOUT_S) as client:
                first = _answers(client, url, requests)
                second = _answers(client, url, requests)
        finally:
            dev.stop()
    for r in requests:
        if first[r.name] != second[r.name]:
            sys.exit(
                f"error: {r.id} answered differently twice; narrow its compare list:\n"
                + diff(first[r.name], second[r.name])
            )
    return first


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("projects", nargs="*", metavar="PROJECT", help=f"some of: {', '.join(NAMES)} (default: all)")
    args = parser.parse_args(argv)
    names: list[str] = args.projects or list(NAMES)
    unknown = sorted(set(names) - set(NAMES))
    if unknown:
        parser.error(f"unknown project(s) {', '.join(unknown)}; choose from {', '.join(NAMES)}")
    wrangler = ensure_wrangler()
    for name in names:
        answers = record(name, wrangler)
        out = {
            "recorded_with": f"wrangler {WRANGLER_VERSION} (workerd {WORKERD_VERSION})",
            "answers": answers,
        }
        (PROJECTS / name / "expected.json").write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
        flat = [a for answer in answers.values() for a in (answer if isinstance(answer, list) else [answer])]
        statuses = sorted({int(a["status"]) for a in flat if "status" in a})
        print(f"{name}: {len(answers)} answers recorded (statuses {statuses})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
