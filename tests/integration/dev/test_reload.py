"""Live reload: edits swap in without a restart or dropped requests; broken edits keep the old version."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import httpx

from tests.integration.server import DevProcess

Start = Callable[..., DevProcess]
Copy = Callable[[str], Path]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_editing_a_module_swaps_in_the_new_version(dev_server: Start, worker_copy: Copy) -> None:
    root = worker_copy("modules")
    server = dev_server(root)
    pid = server.proc.pid if server.proc else None
    assert httpx.get(server.url + "/").json()["greet"] == "hello from modules"
    start = len(server.lines)
    _edit(root / "src" / "lib" / "greet.js", "hello from", "goodbye from")
    server.wait_for("reloaded", start=start)
    assert httpx.get(server.url + "/").json()["greet"] == "goodbye from modules"
    assert server.proc is not None and server.proc.pid == pid and server.proc.poll() is None


def test_in_flight_request_finishes_across_a_reload(dev_server: Start, worker_copy: Copy) -> None:
    root = worker_copy("lifecycle")
    server = dev_server(root)
    results: list[str] = []
    slow = threading.Thread(
        target=lambda: results.append(httpx.get(server.url + "/sleep?ms=1500", timeout=30).text)
    )
    slow.start()
    start = len(server.lines)
    _edit(root / "index.js", 'new Response("slept")', 'new Response("slept v2")')
    server.wait_for("reloaded", start=start)
    slow.join(30)
    assert results == ["slept"]
    assert httpx.get(server.url + "/sleep?ms=1").text == "slept v2"


def test_syntax_error_is_reported_and_last_good_version_keeps_serving(dev_server: Start, worker_copy: Copy) -> None:
    root = worker_copy("modules")
    server = dev_server(root)
    start = len(server.lines)
    (root / "src" / "lib" / "greet.js").write_text("export const greet = (name) => {\n  return `x`;\n\n")
    line = server.wait_for(r"greet\.js:\d+:\d+", start=start)
    assert "SyntaxError" in server.log[server.log.find("reload failed"):]
    assert "greet.js" in line
    assert httpx.get(server.url + "/").json()["greet"] == "hello from modules"
