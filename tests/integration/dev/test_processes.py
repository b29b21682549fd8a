"""``isolet dev --processes N``: N server processes share one port (SO_REUSEPORT); the first owns the others."""

from __future__ import annotations

import http.client
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.integration.server import READY, DevProcess, run_cli

Copy = Callable[[str], Path]
Start = Callable[..., DevProcess]

REQUESTS = 200
EXIT_TIMEOUT_S = 10.0


def _get_on_fresh_connection(url: str) -> str:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        conn.request("GET", "/", headers={"Connection": "close"})
        response = conn.getresponse()
        assert response.status == 200
        return response.read().decode()
    finally:
        conn.close()


def _children(pid: int) -> list[int]:
    """Live processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            state, ppid = stat.rsplit(")", 1)[1].split()[:2]
            if int(ppid) == pid and state != "Z":
                found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _wait_all_gone(pids: list[int]) -> list[int]:
    """The pids still running once they all ended or EXIT_TIMEOUT_S passed."""
    deadline = time.monotonic() + EXIT_TIMEOUT_S
    while (alive := [p for p in pids if _running(p)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


def test_two_processes_both_answer_on_one_port(worker_copy: Copy, dev_server: Start) -> None:
    server = dev_server(worker_copy("processes"), "--processes", "2")
    ids = {_get_on_fresh_connection(server.url) for _ in range(REQUESTS)}
    assert len(ids) == 2, ids
    assert len([line for line in server.lines if READY.search(line)]) == 1


def test_one_process_is_the_default(worker_copy: Copy, dev_server: Start) -> None:
    server = dev_server(worker_copy("processes"))
    assert server.proc is not None
    assert _children(server.proc.pid) == []


def test_killing_the_parent_leaves_no_server_process(worker_copy: Copy, dev_server: Start) -> None:
    server = dev_server(worker_copy("processes"), "--processes", "3")
    assert server.proc is not None
    children = _children(server.proc.pid)
    assert len(children) == 2
    server.proc.send_signal(signal.SIGKILL)
    server.proc.wait()
    assert _wait_all_gone(children) == []


def test_stopping_the_parent_stops_the_others(worker_copy: Copy, dev_server: Start) -> None:
    server = dev_server(worker_copy("processes"), "--processes", "2")
    assert server.proc is not None
    children = _children(server.proc.pid)
    assert len(children) == 1
    server.stop()
    assert server.proc.returncode == 0
    assert _wait_all_gone(children) == []


def test_processes_zero_is_a_cli_error_naming_the_flag(worker_copy: Copy) -> None:
    r = run_cli(worker_copy("processes"), "dev", "--port", "0", "--processes", "0")
    assert r.returncode == 2
    assert "--processes" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_worker_that_fails_to_load_starts_no_other_process(worker_copy: Copy) -> None:
    root = worker_copy("processes")
    (root / "index.js").write_text("export default {\n")
    r = run_cli(root, "dev", "--port", "0", "--processes", "2")
    assert r.returncode == 1
    assert r.stderr.count("the Worker failed to load") == 1


def _cpus(pid: int) -> set[int]:
    return set(os.sched_getaffinity(pid))


needs_two_cpus = pytest.mark.skipif(
    not hasattr(os, "sched_getaffinity") or len(os.sched_getaffinity(0)) < 2, reason="needs at least 2 usable CPUs"
)


@needs_two_cpus
def test_each_server_process_runs_on_a_cpu_of_its_own(worker_copy: Copy, dev_server: Start) -> None:
    server = dev_server(worker_copy("processes"), "--processes", "2")
    assert server.proc is not None
    (child,) = _children(server.proc.pid)
    allowed = sorted(os.sched_getaffinity(0))
    assert _cpus(server.proc.pid) == {allowed[0]}
    assert _cpus(child) == {allowed[1]}


@needs_two_cpus
def test_no_pin_cpu_leaves_the_server_on_every_cpu(worker_copy: Copy, dev_server: Start) -> None:
    server = dev_server(worker_copy("processes"), "--no-pin-cpu")
    assert server.proc is not None
    assert _cpus(server.proc.pid) == set(os.sched_getaffinity(0))
