"""``isolet dev`` serves Workers that import npm packages from a hand-written node_modules.

The expected answer of ``workers/npm_packages`` is what ``wrangler dev``
(wrangler 4.86.0, workerd 1.20260426.1) answered for the same folder.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import httpx

from tests.integration.server import DevProcess, run_cli

Start = Callable[..., DevProcess]
Copy = Callable[[str], Path]


def test_npm_packages_resolve_like_wranglers_bundle(dev_server: Start, worker_copy: Copy) -> None:
    server = dev_server(worker_copy("npm_packages"))
    assert httpx.get(server.url + "/").json() == {
        "runtime": "workerd build",
        "add": 5,
        "version": "2.1.0",
        "legacyKeys": ["add", "base", "fail", "inner", "version"],
        "base": "c.txt",
        "inner": "nested inner package",
        "util": "@acme/util browser build",
        "hammer": "hammer via subpath pattern",
        "local": "from #local",
        "helper": "helper without extension",
        "notes": "# Notes\nloaded by a Text rule\n",
    }


def test_commonjs_stack_traces_point_at_the_package_file_and_line(dev_server: Start, worker_copy: Copy) -> None:
    root = worker_copy("npm_packages")
    server = dev_server(root)
    stack = httpx.get(server.url + "/throw").text
    assert stack.startswith("Error: failed inside legacy-cjs")
    assert f"{(root / 'node_modules/legacy-cjs/lib/index.js').resolve().as_uri()}:11:9" in stack


def _start_importing(worker_copy: Copy, spec: str) -> subprocess.CompletedProcess[str]:
    """Run ``isolet dev`` on a copy of ``npm_packages`` whose entry first imports ``spec``."""
    root = worker_copy("npm_packages")
    index = root / "src" / "index.js"
    index.write_text(f'import "{spec}";\n' + index.read_text())
    return run_cli(root, "dev", "--port", "0")


def test_a_missing_package_stops_the_load_with_a_located_reason(worker_copy: Copy) -> None:
    r = _start_importing(worker_copy, "not-installed")
    assert r.returncode != 0
    assert 'No such module "not-installed" imported from "' in r.stderr
    assert 'package "not-installed" is not installed' in r.stderr
    assert "Traceback" not in r.stderr


def test_an_unexported_subpath_is_refused(worker_copy: Copy) -> None:
    r = _start_importing(worker_copy, "@acme/util/src/node.js")
    assert r.returncode != 0
    assert 'package subpath "./src/node.js" is not defined by "exports"' in r.stderr


def test_editing_a_file_inside_node_modules_reloads_the_worker(dev_server: Start, worker_copy: Copy) -> None:
    root = worker_copy("npm_packages")
    server = dev_server(root)
    assert httpx.get(server.url + "/").json()["add"] == 5
    math = root / "node_modules/legacy-cjs/lib/math.js"
    mark = len(server.lines)
    math.write_text("module.exports = { add: function (a, b) { return a * b; } };\n")
    server.wait_for("[Rr]eload", timeout=15, start=mark)
    assert httpx.get(server.url + "/").json()["add"] == 6


def test_a_commonjs_service_worker_main_loads_with_its_requires(dev_server: Start, tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "wrangler.toml").write_text('name = "sw"\nmain = "src/index.js"\ncompatibility_date = "2025-01-01"\n')
    (tmp_path / "src/index.js").write_text(
        'const dep = require("./dep");\naddEventListener("fetch", (e) => e.respondWith(new Response("sw " + dep)));\n'
    )
    (tmp_path / "src/dep.js").write_text('module.exports = "dep-value";\n')
    server = dev_server(tmp_path)
    assert httpx.get(server.url + "/").text == "sw dep-value"


def test_a_typescript_error_is_reported_with_file_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "wrangler.toml").write_text('name = "ts"\nmain = "src/index.ts"\ncompatibility_date = "2025-01-01"\n')
    (tmp_path / "src/index.ts").write_text(
        'import { a } from "./lib";\nexport default { fetch() { return new Response(a); } };\n'
    )
    (tmp_path / "src/lib.ts").write_text('export const a: string = "ok";\nexport const b = (x: number => 1;\n')
    r = run_cli(tmp_path, "dev", "--port", "0")
    assert r.returncode != 0
    assert f"{tmp_path / 'src/lib.ts'}:2:" in r.stderr
    assert "Traceback" not in r.stderr and "module loader" not in r.stderr
