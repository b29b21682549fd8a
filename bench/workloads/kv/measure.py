"""KV get/put operations per second from inside a Worker: isolet vs Miniflare, side by side.

    .venv/bin/python bench/workloads/kv/measure.py [--duration 5] [--concurrency 1,16]

Each request to the Worker does exactly one KV operation (worker.js), so
requests/s from wrk is KV operations/s. isolet runs `isolet dev`; Miniflare
(if `npm install --prefix bench/.cache/miniflare miniflare@4.20260426.0` was
run) serves the same worker.js with its own KV. Both persist to a fresh
temporary directory on the same disk. One server runs at a time.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
MINIFLARE = ROOT / "bench" / ".cache" / "miniflare"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def server(cmd: list[str], url: str) -> Iterator[str]:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/seed", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError(f"server did not start: {cmd}") from None
                time.sleep(0.1)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def wrk(url: str, concurrency: int, duration: int) -> float:
    out = subprocess.run(
        ["wrk", "-t1", f"-c{concurrency}", f"-d{duration}s", url], capture_output=True, text=True, check=True
    ).stdout
    if "Non-2xx" in out:
        raise RuntimeError(out)
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    assert m is not None, out
    return float(m.group(1))


def measure(name: str, cmd: list[str], url: str, conc: list[int], duration: int) -> dict[tuple[str, int], float]:
    results: dict[tuple[str, int], float] = {}
    with server(cmd, url):
        wrk(url + "/get", max(conc), 2)  # warm-up
        for op in ("get", "put"):
            for c in conc:
                results[(op, c)] = wrk(f"{url}/{op}", c, duration)
                print(f"{name:9} {op} c={c:<3} {results[(op, c)]:9.0f} ops/s", file=sys.stderr, flush=True)
    return results


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--duration", type=int, default=5)
    ap.add_argument("--concurrency", default="1,16")
    args = ap.parse_args()
    conc = [int(c) for c in args.concurrency.split(",")]
    table: dict[str, dict[tuple[str, int], float]] = {}
    with tempfile.TemporaryDirectory(dir=ROOT / "bench" / ".cache") as tmp:
        port = free_port()
        isolet = [str(ROOT / ".venv" / "bin" / "isolet"), "dev", "--config", str(HERE / "wrangler.toml")]
        isolet += ["--port", str(port), "--persist-to", str(Path(tmp) / "isolet")]
        table["isolet"] = measure("isolet", isolet, f"http://127.0.0.1:{port}", conc, args.duration)
        if (MINIFLARE / "node_modules" / "miniflare").is_dir():
            port = free_port()
            mf = ["node", str(HERE / "miniflare.mjs"), str(port), str(Path(tmp) / "miniflare"), str(MINIFLARE)]
            table["miniflare"] = measure("miniflare", mf, f"http://127.0.0.1:{port}", conc, args.duration)
    print("| op | concurrency | " + " | ".join(table) + (" | isolet/miniflare |" if len(table) > 1 else " |"))
    print("|---|---|" + "---|" * (len(table) + (1 if len(table) > 1 else 0)))
    for op in ("get", "put"):
        for c in conc:
            cells = [f"{table[n][(op, c)]:.0f}" for n in table]
            ratio = f" | {table['isolet'][(op, c)] / table['miniflare'][(op, c)]:.2f}" if len(table) > 1 else ""
            print(f"| {op} | {c} | " + " | ".join(cells) + ratio + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
