#!/usr/bin/env python3
"""Benchmark isolet against the reference runtime, workerd.

Run by hand (never part of the test suite), from the repository root:

    .venv/bin/python bench/run.py [--duration 10] [--runs 3] [--workloads hello,json]
                                  [--concurrency 1,16,64] [--quick] [--write]

For every workload in bench/workloads/<name>/ (worker.js + wrangler.toml) it starts
workerd, load-tests it with wrk at each concurrency, stops it, then does the same for
`isolet dev`; this is repeated --runs times and the median of each figure is reported.
It also measures cold start (process start -> first answered request, median of 5),
the in-process cold start of a not-yet-loaded Worker and the RSS per idle isolate with
100 and 1000 Workers loaded, on both runtimes (--density). See bench/README.md.

Standard library only.
"""

from __future__ import annotations

import argparse
import atexit
import http.client
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORKLOADS = BENCH / "workloads"
CACHE = BENCH / ".cache"
WORKERD_PREFIX = CACHE / "workerd"
MINIFLARE_PREFIX = CACHE / "miniflare"
MINIFLARE_VERSION = "4.20260426.0"
LOGS = CACHE / "logs"

# workerd release matching compatibility date 2026-04-26 (newest patch of 1.20260426.x).
WORKERD_VERSION = "1.20260426.1"
WORKER_COMPAT_DATE = "2025-01-01"

WRK = shutil.which("wrk") or "/usr/bin/wrk"
WRK_THREADS = 1

# Headers sent with every request (the json workload reads these three).
REQUEST_HEADERS = {
    "Accept": "application/json",
    "User-Agent": "isolet-bench/1",
    "X-Request-Id": "bench-0001",
}

START_TIMEOUT = 60.0  # seconds to wait for a server to answer its first request
COLD_START_SAMPLES = 5


# --------------------------------------------------------------------------- processes

_live: list[subprocess.Popen] = []


def _kill(proc: subprocess.Popen) -> None:
    """Stop a server we started (it leads its own process group) and reap it."""
    if proc.poll() is None:
        for sig, wait in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                proc.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue
    else:
        # Leader gone; make sure nothing it forked survives in its group.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    if proc in _live:
        _live.remove(proc)


def _kill_all() -> None:
    for proc in list(_live):
        _kill(proc)


def _on_signal(signum, frame):  # noqa: ARG001
    raise KeyboardInterrupt(f"signal {signum}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def probe(port: int, path: str, timeout: float = 2.0) -> tuple[int, dict[str, str], bytes] | None:
    """One GET; returns (status, headers, body) or None if nothing answered."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=REQUEST_HEADERS)
        resp = conn.getresponse()
        body = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body
    except (OSError, http.client.HTTPException):
        return None
    finally:
        conn.close()


def proc_tree_cpu(pid: int) -> float:
    """utime+stime (seconds) of pid and all its descendants."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for p in tree_pids(pid):
        try:
            raw = Path(f"/proc/{p}/stat").read_text()
        except OSError:
            continue
        rest = raw[raw.rfind(")") + 2 :].split()
        total += (int(rest[11]) + int(rest[12])) / tick
    return total


def system_busy() -> float | None:
    """Busy CPU seconds of the whole machine (all cores) from /proc/stat."""
    try:
        f = Path("/proc/stat").read_text().splitlines()[0].split()
    except OSError:
        return None
    user, nice, system, idle, iowait, irq, softirq, steal = (int(x) for x in f[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


IDLE_THRESHOLD = 0.25  # cores busy with other work that still counts as "quiet"


def wait_idle(max_wait: float) -> float | None:
    """Wait (up to max_wait s) until the machine is quiet: less than IDLE_THRESHOLD cores busy over 1 s.

    Called with no server running, so everything measured is someone else's work. Returns the
    last measured background load in cores (None if not measurable)."""
    deadline = time.perf_counter() + max_wait
    load = None
    announced = False
    while True:
        b0, t0 = system_busy(), time.perf_counter()
        time.sleep(1.0)
        b1, t1 = system_busy(), time.perf_counter()
        if b0 is None or b1 is None:
            return None
        load = (b1 - b0) / (t1 - t0)
        if load < IDLE_THRESHOLD or time.perf_counter() >= deadline:
            if announced:
                print(
                    f"  machine {'quiet' if load < IDLE_THRESHOLD else 'still busy'}: "
                    f"{load * 100:.0f}% of a core used by other processes",
                    file=sys.stderr,
                )
            return load
        if not announced:
            print(
                f"  waiting up to {max_wait:.0f}s for the machine to be quiet "
                f"({load * 100:.0f}% of a core used by other processes) ...",
                file=sys.stderr,
            )
            announced = True


def tree_pids(pid: int) -> list[int]:
    """pid and all its descendants, now."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            raw = Path(f"/proc/{d}/stat").read_text()
        except OSError:
            continue
        children.setdefault(int(raw[raw.rfind(")") + 2 :].split()[1]), []).append(int(d))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


class Sampler(threading.Thread):
    """Every 50 ms: RSS of a process tree (peak kept) and the CPUs its busy threads ran on.

    A thread counts as having used a core when its CPU time grew since the last sample; the core
    is the one /proc/<pid>/task/<tid>/stat says it last ran on."""

    def __init__(self, pids: list[int]) -> None:
        super().__init__(daemon=True)
        self.pids = pids
        self.peak_rss_mib = 0.0
        self.cores: set[int] = set()
        self._cpu: dict[tuple[int, int], int] = {}
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            self.sample()
            self._halt.wait(0.05)

    def sample(self) -> None:
        rss = 0
        for pid in self.pids:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        rss += int(line.split()[1])
                        break
                tids = os.listdir(f"/proc/{pid}/task")
            except OSError:
                continue
            for tid in tids:
                try:
                    raw = Path(f"/proc/{pid}/task/{tid}/stat").read_text()
                except OSError:
                    continue
                f = raw[raw.rfind(")") + 2 :].split()
                cpu = int(f[11]) + int(f[12])
                key = (pid, int(tid))
                prev = self._cpu.get(key)
                if prev is not None and cpu > prev:
                    self.cores.add(int(f[36]))
                self._cpu[key] = cpu
        self.peak_rss_mib = max(self.peak_rss_mib, rss / 1024)

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=2)


def cpu_list(cores: set[int]) -> str:
    return ",".join(map(str, sorted(cores))) or "-"


def proc_threads(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("Threads:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


# --------------------------------------------------------------------------- workerd


def ensure_workerd() -> Path:
    binary = WORKERD_PREFIX / "node_modules/@cloudflare/workerd-linux-64/bin/workerd"
    pkg = WORKERD_PREFIX / "node_modules/workerd/package.json"
    have = None
    if binary.exists() and pkg.exists():
        have = json.loads(pkg.read_text()).get("version")
    if have != WORKERD_VERSION:
        npm_install(WORKERD_PREFIX, f"workerd@{WORKERD_VERSION}")
    if not binary.exists():
        found = list((WORKERD_PREFIX / "node_modules").glob("@cloudflare/workerd-*/bin/workerd"))
        if not found:
            sys.exit("error: workerd binary not found under node_modules/@cloudflare/workerd-*/bin/")
        binary = found[0]
    return binary


def npm_install(prefix: Path, spec: str) -> None:
    """``npm install spec`` into ``prefix`` (exits with a message when npm is missing)."""
    npm = shutil.which("npm")
    if not npm:
        sys.exit(f"error: npm not found; needed to install {spec}")
    prefix.mkdir(parents=True, exist_ok=True)
    print(f"installing {spec} into {prefix} ...", file=sys.stderr)
    subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(prefix), spec], check=True, timeout=600)


def ensure_miniflare() -> Path:
    if not (MINIFLARE_PREFIX / "node_modules" / "miniflare").is_dir():
        npm_install(MINIFLARE_PREFIX, f"miniflare@{MINIFLARE_VERSION}")
    return MINIFLARE_PREFIX


def _capnp_str(s: str) -> str:
    return json.dumps(s)  # capnp text strings use the same escapes as JSON for our purposes


def write_workerd_config(wl: Workload, port: int) -> Path:
    """Generate <cache>/workerd-config/<name>/config.capnp (+ a copy of worker.js)."""
    d = CACHE / "workerd-config" / wl.name
    d.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(wl.worker_js, d / "worker.js")
    bindings = ",\n    ".join(f"(name = {_capnp_str(k)}, text = {_capnp_str(str(v))})" for k, v in wl.vars.items())
    cfg = f"""# generated by bench/run.py -- do not edit
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .mainWorker) ],
  sockets = [ (name = "http", address = "127.0.0.1:{port}", http = (), service = "main") ],
);

const mainWorker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "{WORKER_COMPAT_DATE}",
  bindings = [
    {bindings}
  ],
);
"""
    path = d / "config.capnp"
    path.write_text(cfg)
    return path


# --------------------------------------------------------------------------- workloads


@dataclass
class Workload:
    name: str
    dir: Path
    worker_js: Path
    wrangler: Path
    path: str = "/"
    vars: dict = field(default_factory=dict)
    # The runtime isolet is compared with: "workerd", or "miniflare" (workerd with bindings, e.g. KV).
    reference: str = "workerd"
    # Requested once after each server start, before measuring (e.g. to write the value a KV read gets).
    seed: str | None = None
    # How the first responses of both runtimes are compared: "body" (whole body) or "length".
    compare: str = "body"
    # Concurrency levels for this workload (default: --concurrency).
    concurrency: list[int] | None = None


def load_workload(name: str) -> Workload:
    d = WORKLOADS / name
    wrangler = d / "wrangler.toml"
    worker_js = d / "worker.js"
    if not wrangler.exists() or not worker_js.exists():
        sys.exit(f"error: workload {name!r} needs {d}/worker.js and {d}/wrangler.toml")
    cfg = tomllib.loads(wrangler.read_text())
    wl = Workload(name, d, worker_js, wrangler, vars=dict(cfg.get("vars", {})))
    extra = d / "bench.toml"
    if extra.exists():
        b = tomllib.loads(extra.read_text())
        wl.path = b.get("path", "/")
        wl.reference = b.get("reference", "workerd")
        wl.seed = b.get("seed")
        wl.compare = b.get("compare", "body")
        if "concurrency" in b:
            wl.concurrency = [int(c) for c in b["concurrency"]]
    if wl.reference not in ("workerd", "miniflare"):
        sys.exit(f"error: {extra}: reference must be workerd or miniflare")
    return wl


# --------------------------------------------------------------------------- servers


@dataclass
class Server:
    kind: str  # "workerd" | "isolet"
    proc: subprocess.Popen
    port: int
    log: Path
    t_start: float


def start_server(kind: str, wl: Workload, workerd_bin: Path, tag: str) -> Server:
    port = free_port()
    LOGS.mkdir(parents=True, exist_ok=True)
    log = LOGS / f"{kind}-{wl.name}-{tag}.log"
    env = None
    if kind == "workerd":
        cfg = write_workerd_config(wl, port)
        cmd = [str(workerd_bin), "serve", str(cfg)]
        cwd = cfg.parent
    elif kind == "miniflare":
        state = CACHE / "miniflare-state" / f"{wl.name}-{tag}"
        shutil.rmtree(state, ignore_errors=True)
        cmd = ["node", str(wl.dir / "miniflare.mjs"), str(port), str(state), str(ensure_miniflare())]
        cwd = wl.dir
    else:
        cmd = [
            str(ISOLET),
            "dev",
            "--config",
            str(wl.wrangler),
            "--port",
            str(port),
            "--persist-to",
            str(CACHE / "isolet-state" / f"{wl.name}-{tag}"),
            *ISOLET_ARGS,
        ]
        cwd = ROOT
        env = dict(os.environ, **ISOLET_ENV)
    cmd = TASKSET["server"] + cmd
    logf = open(log, "wb")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, stdout=logf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
        env=env,
    )
    logf.close()
    _live.append(proc)
    return Server(kind, proc, port, log, t0)


def wait_ready(srv: Server, path: str, timeout: float = START_TIMEOUT) -> float:
    """Poll until the server answers; returns seconds since process start. Raises on failure."""
    deadline = srv.t_start + timeout
    while time.perf_counter() < deadline:
        if srv.proc.poll() is not None:
            raise RuntimeError(f"{srv.kind} exited with {srv.proc.returncode} before answering\n{tail(srv.log)}")
        r = probe(srv.port, path, timeout=1.0)
        if r is not None:
            return time.perf_counter() - srv.t_start
        time.sleep(0.005)
    raise RuntimeError(f"{srv.kind} did not answer within {timeout:.0f}s\n{tail(srv.log)}")


def tail(path: Path, n: int = 15) -> str:
    try:
        lines = path.read_text(errors="replace").splitlines()[-n:]
    except OSError:
        return ""
    return "\n".join("    | " + ln for ln in lines)


# --------------------------------------------------------------------------- wrk

_UNITS_MS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3, "h": 3600e3}


def _to_ms(v: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", v.strip())
    if not m:
        raise ValueError(f"bad wrk latency {v!r}")
    return float(m.group(1)) * _UNITS_MS[m.group(2)]


def run_wrk(port: int, path: str, conc: int, duration: float, pid: int | None = None) -> dict:
    url = f"http://127.0.0.1:{port}{path}"
    cmd = TASKSET["wrk"] + [WRK, f"-t{WRK_THREADS}", f"-c{conc}", f"-d{max(1, int(duration))}s"]
    cmd += ["--timeout", "5s", "--latency"]
    for k, v in REQUEST_HEADERS.items():
        cmd += ["-H", f"{k}: {v}"]
    cmd.append(url)
    cpu0 = proc_tree_cpu(pid) if pid else None
    sys0 = system_busy()
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    server = Sampler(tree_pids(pid)) if pid else None
    if server is not None:
        server.sample()
        server.start()
    t0 = time.perf_counter()
    wrk = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    client = Sampler([wrk.pid])
    client.start()
    try:
        out = wrk.communicate(timeout=duration + 30)[0]
    except subprocess.TimeoutExpired:
        wrk.kill()
        wrk.communicate()
        raise
    finally:
        client.stop()
        if server is not None:
            server.stop()
    wall = time.perf_counter() - t0
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    sys1 = system_busy()
    cpu = (proc_tree_cpu(pid) - cpu0) / wall if pid else None
    wrk_cpu = (ru1.ru_utime + ru1.ru_stime - ru0.ru_utime - ru0.ru_stime) / wall
    other = None
    if cpu is not None and sys0 is not None and sys1 is not None:
        other = max(0.0, (sys1 - sys0) / wall - cpu - wrk_cpu)
    res: dict = {"raw": out, "server_cpu": cpu, "wrk_cpu": wrk_cpu, "other_cpu": other}
    res["peak_rss_mib"] = server.peak_rss_mib if server else None
    res["server_cores"] = server.cores if server else set()
    res["wrk_cores"] = client.cores
    m = re.search(r"Transfer/sec:\s+([\d.]+)([KMG]?B)", out)
    scale = {"B": 1 / 2**20, "KB": 1 / 1024, "MB": 1.0, "GB": 1024.0}
    res["mb_s"] = float(m.group(1)) * scale[m.group(2)] if m else None
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not m:
        raise RuntimeError(f"could not parse wrk output:\n{out}")
    res["rps"] = float(m.group(1))
    for pct in ("50", "99"):
        m = re.search(rf"^\s+{pct}(?:\.0+)?%\s+(\S+)", out, re.M)
        res[f"p{pct}"] = _to_ms(m.group(1)) if m else None
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    res["non2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    res["sock_errors"] = sum(map(int, m.groups())) if m else 0
    m = re.search(r"(\d+) requests in", out)
    res["requests"] = int(m.group(1)) if m else 0
    return res


# --------------------------------------------------------------------------- driver


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def bench_server(
    kind: str,
    wl: Workload,
    workerd_bin: Path,
    concs: list[int],
    duration: float,
    warmup: float,
    run_idx: int,
    expect: dict,
    idle_wait: float,
) -> dict[int, dict]:
    if idle_wait > 0:
        wait_idle(idle_wait)
    srv = start_server(kind, wl, workerd_bin, f"run{run_idx}")
    try:
        wait_ready(srv, wl.seed or wl.path)
        if wl.seed:
            probe(srv.port, wl.seed)
        r = probe(srv.port, wl.path)
        if r is None:
            raise RuntimeError(f"{kind} stopped answering\n{tail(srv.log)}")
        status, headers, body = r
        body = body.replace(f":{srv.port}".encode(), b":<port>")  # the json workload echoes the host
        if wl.compare == "length":
            body = f"<{len(body)} bytes>".encode()
        expect.setdefault(kind, (status, headers.get("content-type"), body))
        if status != 200:
            print(f"  WARNING: {kind}/{wl.name} first response {status}: {body[:300]!r}", file=sys.stderr)
        threads = proc_threads(srv.proc.pid)
        aff = sorted(os.sched_getaffinity(srv.proc.pid))
        if warmup > 0:
            run_wrk(srv.port, wl.path, max(concs), warmup)
        r2 = probe(srv.port, wl.path)
        if r2 is not None and r2[0] != status:
            print(f"  WARNING: {kind}/{wl.name}: first response {status}, after warm-up {r2[0]}", file=sys.stderr)
            expect.setdefault(f"{kind}-first", (status, body[:200]))
            status, headers, body = r2
            body = body.replace(f":{srv.port}".encode(), b":<port>")
            if wl.compare == "length":
                body = f"<{len(body)} bytes>".encode()
            expect[kind] = (status, headers.get("content-type"), body)
        out: dict[int, dict] = {}
        for c in concs:
            res = run_wrk(srv.port, wl.path, c, duration, pid=srv.proc.pid)
            res["threads"] = threads
            res["affinity"] = aff
            out[c] = res
            flag = ""
            if res["non2xx"] or res["sock_errors"]:
                flag = f"  (non-2xx {res['non2xx']}, socket errors {res['sock_errors']})"
            print(
                f"  run {run_idx} {kind:8s} {wl.name:10s} c={c:<4d} {res['rps']:10.0f} req/s  "
                f"p50 {fmt(res['p50'])} ms  p99 {fmt(res['p99'])} ms  {fmt(res['mb_s'], 1)} MiB/s  "
                f"peak RSS {fmt(res['peak_rss_mib'], 0)} MiB  cpu server {res['server_cpu'] * 100:3.0f}% "
                f"wrk {res['wrk_cpu'] * 100:3.0f}% other {fmt((res['other_cpu'] or 0) * 100, 0)}%  "
                f"cores server {cpu_list(res['server_cores'])} wrk {cpu_list(res['wrk_cores'])}{flag}",
                file=sys.stderr,
            )
        return out
    finally:
        _kill(srv.proc)


def cold_start(kind: str, wl: Workload, workerd_bin: Path, n: int) -> list[float]:
    times = []
    for i in range(n):
        srv = start_server(kind, wl, workerd_bin, f"cold{i}")
        try:
            times.append(wait_ready(srv, wl.path) * 1000.0)
        finally:
            _kill(srv.proc)
    return times


# --------------------------------------------------------------------------- start-up and density

DENSITY_WORKER = WORKLOADS / "hello"


def write_workerd_multi(n: int, port: int) -> Path:
    """A workerd config with n copies of the hello Worker behind a router (GET /w/<i>/ -> Worker i)."""
    d = CACHE / "workerd-config" / f"multi-{n}"
    d.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DENSITY_WORKER / "worker.js", d / "worker.js")
    (d / "router.js").write_text(
        "export default { fetch(request, env) {\n"
        "  const i = new URL(request.url).pathname.split('/')[2];\n"
        "  return env['W' + i].fetch(request);\n} };\n"
    )
    services = ",\n    ".join(
        f'(name = "w{i}", worker = (modules = [(name = "worker.js", esModule = embed "worker.js")], '
        f'compatibilityDate = "{WORKER_COMPAT_DATE}"))'
        for i in range(n)
    )
    bindings = ", ".join(f'(name = "W{i}", service = "w{i}")' for i in range(n))
    (d / "config.capnp").write_text(f"""# generated by bench/run.py -- do not edit
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "router", worker = (modules = [(name = "router.js", esModule = embed "router.js")],
      compatibilityDate = "{WORKER_COMPAT_DATE}", bindings = [{bindings}])),
    {services}
  ],
  sockets = [ (name = "http", address = "127.0.0.1:{port}", http = (), service = "router") ],
);
""")
    return d / "config.capnp"


def proc_rss_mib(pid: int) -> float:
    total = 0
    for p in tree_pids(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def workerd_multi(workerd_bin: Path, n: int) -> dict:
    """Start workerd with n Workers; time to the last Worker's first response; RSS once each answered."""
    port = free_port()
    cfg = write_workerd_multi(n, port)
    LOGS.mkdir(parents=True, exist_ok=True)
    log = LOGS / f"workerd-multi-{n}.log"
    with open(log, "wb") as logf:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            TASKSET["server"] + [str(workerd_bin), "serve", str(cfg)], cwd=cfg.parent, stdout=logf,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
        )
    _live.append(proc)
    srv = Server("workerd", proc, port, log, t0)
    try:
        first_ms = wait_ready(srv, f"/w/{n - 1}/") * 1000
        for i in range(n):
            if probe(port, f"/w/{i}/") is None:
                raise RuntimeError(f"workerd: Worker {i} of {n} did not answer")
        time.sleep(1.0)
        return {"n": n, "first_ms": first_ms, "rss_mib": proc_rss_mib(proc.pid)}
    finally:
        _kill(proc)


def isolet_inproc(args: list[str], timeout: float = 600) -> dict:
    cmd = TASKSET["server"] + [str(ROOT / ".venv/bin/python"), str(BENCH / "inproc.py"), *args]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    if out.returncode != 0:
        raise RuntimeError(f"inproc.py {' '.join(args)} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def startup_and_density(workerd_bin: Path, counts: list[int], samples: int) -> dict:
    """Cold start of a not-yet-loaded Worker and RSS per idle isolate, both runtimes."""
    out: dict = {"counts": counts, "errors": []}
    try:
        out["isolet_cold"] = isolet_inproc(["cold", "--samples", str(samples)])
        out["isolet_cold_pool"] = isolet_inproc(["cold", "--samples", str(samples), "--pool"])
        print(
            f"  in-process cold start isolet: {out['isolet_cold']['p50_ms']:.1f} ms (new isolate), "
            f"{out['isolet_cold_pool']['p50_ms']:.1f} ms (pooled blank isolate)",
            file=sys.stderr,
        )
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        out["errors"].append(str(e))
    try:
        base = [workerd_multi(workerd_bin, 1) for _ in range(3)]
        out["workerd_1"] = {
            "first_ms": med([b["first_ms"] for b in base]),
            "rss_mib": med([b["rss_mib"] for b in base]),
        }
    except RuntimeError as e:
        out["errors"].append(str(e))
    for n in counts:
        try:
            w = workerd_multi(workerd_bin, n)
            if "workerd_1" in out:
                b = out["workerd_1"]
                w["per_worker_mib"] = (w["rss_mib"] - b["rss_mib"]) / (n - 1)
                w["per_worker_start_ms"] = (w["first_ms"] - b["first_ms"]) / (n - 1)
            out[f"workerd_{n}"] = w
            print(f"  workerd {n} Workers: {w}", file=sys.stderr)
        except RuntimeError as e:
            out["errors"].append(str(e))
        try:
            d = isolet_inproc(["density", "--n", str(n)], timeout=120 + n * 1.0)
            out[f"isolet_{n}"] = d
            print(f"  isolet {n} isolates: {d['per_isolate_mib']:.2f} MiB each", file=sys.stderr)
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            out["errors"].append(str(e))
    return out


def fmt(x, nd=2) -> str:
    if x is None:
        return "n/a"
    return f"{x:.{nd}f}"


def fmt_rps(x) -> str:
    return "ERR" if x is None else f"{x:,.0f}"


def versions(workerd_bin: Path) -> dict[str, str]:
    def cmd(*a):
        try:
            return subprocess.run(a, capture_output=True, text=True, timeout=30).stdout.strip() or "?"
        except (OSError, subprocess.TimeoutExpired):
            return "?"

    v = {
        "isolet": cmd(str(ISOLET), "--version").splitlines()[0].removeprefix("isolet "),
        "workerd": f"{WORKERD_VERSION} (`workerd --version`: {cmd(str(workerd_bin), '--version')})",
        "python": platform.python_version(),
    }
    try:
        from importlib.metadata import version

        v["pydeno"] = version("pydeno")
    except Exception:  # noqa: BLE001
        v["pydeno"] = "?"
    m = re.search(r"wrk (\S+)", subprocess.run([WRK, "-v"], capture_output=True, text=True).stdout)
    v["wrk"] = m.group(1) if m else "?"
    return v


def machine() -> dict[str, str]:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": str(os.cpu_count()),
        "cpu": model,
        "affinity": ",".join(map(str, sorted(os.sched_getaffinity(0)))),
        "kernel": platform.release(),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--duration", type=float, default=10, help="seconds per wrk run (default 10)")
    ap.add_argument("--runs", type=int, default=3, help="repetitions; medians are reported (default 3)")
    ap.add_argument("--workloads", default=None, help="comma list (default: every folder in bench/workloads)")
    ap.add_argument("--concurrency", default="1,16,64", help="comma list of wrk connection counts (default 1,16,64)")
    ap.add_argument(
        "--warmup", type=float, default=None, help="seconds of unrecorded load after each start (default 2, quick 1)"
    )
    ap.add_argument("--cold-starts", type=int, default=COLD_START_SAMPLES, help="cold start samples (default 5)")
    ap.add_argument(
        "--density", default="100,1000",
        help="Worker counts for the start-up / RSS-per-isolate section (default 100,1000; 'none' skips it)",
    )
    ap.add_argument(
        "--idle-wait",
        type=float,
        default=60,
        help="before each server start, wait up to this many seconds for other processes to use "
        f"less than {IDLE_THRESHOLD:g} core (default 60; 0 = don't wait)",
    )
    ap.add_argument("--server-cpus", default=None, help="pin the servers with `taskset -c CPUS` (default: not pinned)")
    ap.add_argument("--wrk-cpus", default=None, help="pin wrk with `taskset -c CPUS` (default: not pinned)")
    ap.add_argument(
        "--isolet-env", action="append", default=[], metavar="NAME=VALUE",
        help="environment for the isolet server (repeatable; for A/B runs of a setting)",
    )
    ap.add_argument(
        "--isolet-arg", action="append", default=[], metavar="ARG",
        help="extra `isolet dev` argument (repeatable; e.g. --isolet-arg=--processes --isolet-arg=2)",
    )
    ap.add_argument("--quick", action="store_true", help="smoke run: --duration 3 --runs 1")
    ap.add_argument("--write", action="store_true", help="also write bench/RESULTS.md")
    ap.add_argument("--json", default=None, help="also write the raw results to this file")
    ap.add_argument("--isolet", default=str(ROOT / ".venv/bin/isolet"), help="isolet executable")
    args = ap.parse_args()

    global ISOLET
    ISOLET = Path(args.isolet)
    if args.quick:
        args.duration, args.runs = 3, 1
    warmup = args.warmup if args.warmup is not None else (1.0 if args.quick else 2.0)
    duration = max(1, int(round(args.duration)))
    concs = [int(c) for c in args.concurrency.split(",") if c.strip()]
    names = args.workloads.split(",") if args.workloads else sorted(p.name for p in WORKLOADS.iterdir() if p.is_dir())
    workloads = [load_workload(n.strip()) for n in names if n.strip()]
    density_counts = [] if args.density in ("", "none") else [int(n) for n in args.density.split(",")]
    for side, cpus in (("server", args.server_cpus), ("wrk", args.wrk_cpus)):
        TASKSET[side] = ["taskset", "-c", cpus] if cpus else []
    for item in args.isolet_env:
        k, _, v = item.partition("=")
        ISOLET_ENV[k] = v
    ISOLET_ARGS.extend(args.isolet_arg)

    if not Path(WRK).exists():
        sys.exit(f"error: wrk not found ({WRK})")
    if not ISOLET.exists():
        sys.exit(f"error: isolet not found ({ISOLET})")

    atexit.register(_kill_all)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGHUP, _on_signal)

    workerd_bin = ensure_workerd()
    cores = sorted(os.sched_getaffinity(0))
    print(
        f"cores available: {cores}; wrk threads: {WRK_THREADS}; server cpus {args.server_cpus or 'not pinned'}, "
        f"wrk cpus {args.wrk_cpus or 'not pinned'}",
        file=sys.stderr,
    )

    # results[workload]["ref" | "isolet"][conc] -> list of per-run dicts
    results: dict[str, dict[str, dict[int, list[dict]]]] = {}
    cold: dict[str, dict[str, list[float] | str]] = {}
    errors: list[str] = []
    expect: dict[str, dict] = {}
    density: dict = {}
    t_begin = time.perf_counter()
    try:
        for wl in workloads:
            wconcs = wl.concurrency or concs
            kinds = {"ref": wl.reference, "isolet": "isolet"}
            results[wl.name] = {"ref": {c: [] for c in wconcs}, "isolet": {c: [] for c in wconcs}}
            expect[wl.name] = {}
            for run in range(1, args.runs + 1):
                for side, kind in kinds.items():
                    try:
                        per = bench_server(
                            kind, wl, workerd_bin, wconcs, duration, warmup, run, expect[wl.name], args.idle_wait
                        )
                        for c, res in per.items():
                            results[wl.name][side][c].append(res)
                    except (RuntimeError, subprocess.TimeoutExpired) as e:
                        msg = f"{kind}/{wl.name} run {run}: {e}"
                        errors.append(msg)
                        print(f"  ERROR {msg}", file=sys.stderr)
            ex = expect[wl.name]
            ref = wl.reference
            if ref in ex and "isolet" in ex and ex[ref] != ex["isolet"]:
                w, i = ex[ref], ex["isolet"]
                note = (
                    f"{wl.name}: responses differ: {ref} {w[0]} {w[1]!r} {w[2][:120]!r} vs "
                    f"isolet {i[0]} {i[1]!r} {i[2][:120]!r}"
                )
                errors.append(note)
                print(f"  NOTE {note}", file=sys.stderr)
            for kind in kinds.values():
                if f"{kind}-first" in ex:
                    st, b = ex[f"{kind}-first"]
                    note = f"{kind}/{wl.name}: first response after start was {st} {b[:120]!r} (later ones differed)"
                    errors.append(note)
            if wl.reference != "workerd" or args.cold_starts <= 0:
                continue
            cold[wl.name] = {}
            for kind in ("workerd", "isolet"):
                try:
                    if args.idle_wait > 0:
                        wait_idle(args.idle_wait)
                    cold[wl.name][kind] = cold_start(kind, wl, workerd_bin, args.cold_starts)
                    print(
                        f"  cold start {kind:8s} {wl.name:10s} "
                        + " ".join(f"{t:.0f}" for t in cold[wl.name][kind])
                        + " ms",
                        file=sys.stderr,
                    )
                except RuntimeError as e:
                    cold[wl.name][kind] = str(e)
                    errors.append(f"cold start {kind}/{wl.name}: {e}")
                    print(f"  ERROR cold start {kind}/{wl.name}: {e}", file=sys.stderr)
        if density_counts:
            if args.idle_wait > 0:
                wait_idle(args.idle_wait)
            density = startup_and_density(workerd_bin, density_counts, max(10, args.cold_starts * 4))
            errors.extend(density.get("errors", []))
    except KeyboardInterrupt:
        print("\ninterrupted; stopping servers", file=sys.stderr)
        _kill_all()
        return 130
    finally:
        _kill_all()

    elapsed = time.perf_counter() - t_begin
    refs = {wl.name: wl.reference for wl in workloads}
    md = render(results, refs, cold, density, args, duration, warmup, workerd_bin, errors, elapsed)
    print(md)
    if args.json:
        raw = {
            wl: {side: {c: [{k: v for k, v in r.items() if k != "raw"} for r in rs] for c, rs in per.items()}
                 for side, per in sides.items()}
            for wl, sides in results.items()
        }
        Path(args.json).write_text(json.dumps({"results": raw, "cold": cold, "density": density}, default=sorted))
    if args.write:
        (BENCH / "RESULTS.md").write_text(md)
        print(f"wrote {(BENCH / 'RESULTS.md').relative_to(ROOT)}", file=sys.stderr)
    return 1 if errors else 0


def render(results, refs, cold, density, args, duration, warmup, workerd_bin, errors, elapsed) -> str:
    L: list[str] = []
    L.append("# isolet vs workerd benchmark")
    L.append("")
    date = subprocess.run(["date", "-u"], capture_output=True, text=True).stdout.strip()
    L.append(f"- date: {date}")
    v = versions(workerd_bin)
    L.append("- versions: " + ", ".join(f"{k} {val}" for k, val in v.items()) + f", miniflare {MINIFLARE_VERSION}")
    m = machine()
    L.append(f"- machine: nproc {m['nproc']}, CPU {m['cpu']}, kernel {m['kernel']}")
    pin = (
        f"servers pinned with `taskset -c {args.server_cpus or '-'}`, wrk with `taskset -c {args.wrk_cpus or '-'}`"
        if args.server_cpus or args.wrk_cpus
        else f"no `taskset`: the server under test and wrk ({WRK_THREADS} thread) share these cores"
    )
    pin += " (`isolet dev` runs each of its server processes on one CPU unless given `--no-pin-cpu`)"
    L.append(f"- cores: affinity {{{m['affinity']}}}; {pin}. The cores each side actually ran on are in the last table")
    L.append(
        f"- method: wrk -t{WRK_THREADS} -c<C> -d{duration}s --latency, {args.runs} run(s), median of runs; "
        f"{warmup:g}s warm-up at the highest concurrency after each server start; servers run one at a time; "
        "isolet via `isolet dev` (dev server, live reload on)"
        + (f"; isolet environment {' '.join(args.isolet_env)}" if args.isolet_env else "")
        + (f"; isolet flags {' '.join(args.isolet_arg)}" if args.isolet_arg else "")
    )
    L.append(
        "- latency: p50/p99 are wrk's `--latency` percentiles. wrk 4 corrects them for coordinated omission "
        "(each stall of S ms adds about S/(mean interval) synthetic samples), so at high req/s a few rare "
        "stalls (GC pauses, preemption) dominate p99"
    )
    L.append(f"- command: `{' '.join(['bench/run.py'] + sys.argv[1:])}` ({elapsed:.0f}s)")
    L.append("")
    L.append(
        "| workload | conc | reference | ref req/s | isolet req/s | isolet/ref | ref p50/p99 ms | isolet p50/p99 ms "
        "| ref / isolet MiB/s | ref / isolet peak RSS MiB |"
    )
    L.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    notes = []
    for wl, kinds in results.items():
        for c in kinds["ref"]:
            w = kinds["ref"][c]
            i = kinds["isolet"][c]
            wr, ir = med([r["rps"] for r in w]), med([r["rps"] for r in i])
            ratio = f"{ir / wr:.3f}" if wr and ir else "n/a"
            wl_lat = f"{fmt(med([r['p50'] for r in w]))} / {fmt(med([r['p99'] for r in w]))}" if w else "n/a"
            il_lat = f"{fmt(med([r['p50'] for r in i]))} / {fmt(med([r['p99'] for r in i]))}" if i else "n/a"
            mbs = f"{fmt(med([r['mb_s'] for r in w]), 1)} / {fmt(med([r['mb_s'] for r in i]), 1)}"
            rss = f"{fmt(med([r['peak_rss_mib'] for r in w]), 0)} / {fmt(med([r['peak_rss_mib'] for r in i]), 0)}"
            for kind, rs in ((refs[wl], w), ("isolet", i)):
                bad = sum(r["non2xx"] + r["sock_errors"] for r in rs)
                if bad:
                    notes.append(f"{kind} {wl} c={c}: {bad} non-2xx responses / socket errors across runs")
                oc = med([r["other_cpu"] for r in rs])
                if oc is not None and oc > IDLE_THRESHOLD:
                    notes.append(
                        f"{kind} {wl} c={c}: other processes used {oc * 100:.0f}% of a core during the "
                        "measurement (shared machine); treat these figures as disturbed"
                    )
            L.append(
                f"| {wl} | {c} | {refs[wl]} | {fmt_rps(wr)} | {fmt_rps(ir)} | {ratio} | {wl_lat} | {il_lat} "
                f"| {mbs} | {rss} |"
            )
    L.append("")
    if cold:
        L.append(
            f"Process cold start (process start to first answered request, median of {args.cold_starts}; "
            "min-max in brackets):"
        )
        L.append("")
        L.append("| workload | workerd ms | isolet ms | isolet/workerd |")
        L.append("|---|---:|---:|---:|")
        for wl, kinds in cold.items():
            cells = []
            meds = {}
            for kind in ("workerd", "isolet"):
                t = kinds.get(kind)
                if isinstance(t, list) and t:
                    meds[kind] = statistics.median(t)
                    cells.append(f"{meds[kind]:.0f} [{min(t):.0f}-{max(t):.0f}]")
                else:
                    cells.append("ERR")
            ratio = f"{meds['isolet'] / meds['workerd']:.1f}" if len(meds) == 2 else "n/a"
            L.append(f"| {wl} (cold start) | {cells[0]} | {cells[1]} | {ratio} |")
        L.append("")
    if density:
        L.extend(render_density(density))
    L.append(
        "CPU use during the measured wrk runs (100% = one core, the machine has "
        f"{m['nproc']}; median of runs), and the cores each side's threads ran on (sampled every 50 ms, "
        "union over runs). `other` is the rest of the machine; if it is well above 0% the figures were "
        "disturbed by other work:"
    )
    L.append("")
    L.append(
        "| workload | conc | ref cpu / wrk / other | isolet cpu / wrk / other | ref cores / wrk cores "
        "| isolet cores / wrk cores | ref threads | isolet threads |"
    )
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|")

    def pct(rs, key):
        x = med([r[key] for r in rs])
        return "n/a" if x is None else f"{x * 100:.0f}%"

    def used(rs, key):
        return cpu_list(set().union(*(r[key] for r in rs))) if rs else "-"

    for wl, kinds in results.items():
        for c in kinds["ref"]:
            w, i = kinds["ref"][c], kinds["isolet"][c]
            wt = w[0]["threads"] if w else None
            it = i[0]["threads"] if i else None
            L.append(
                f"| {wl} | {c} | {pct(w, 'server_cpu')} / {pct(w, 'wrk_cpu')} / {pct(w, 'other_cpu')} | "
                f"{pct(i, 'server_cpu')} / {pct(i, 'wrk_cpu')} / {pct(i, 'other_cpu')} | "
                f"{used(w, 'server_cores')} / {used(w, 'wrk_cores')} | "
                f"{used(i, 'server_cores')} / {used(i, 'wrk_cores')} | "
                f"{wt or 'n/a'} | {it or 'n/a'} |"
            )
    if notes or errors:
        L.append("")
        L.append("Problems:")
        L.append("")
        for n in notes + errors:
            L.append(f"- {n.splitlines()[0]}")
    L.append("")
    return "\n".join(L)


def render_density(d: dict) -> list[str]:
    L = ["Start-up of a Worker that is not loaded yet, and memory per idle isolate (hello Worker):", ""]
    L.append("| figure | workerd | isolet |")
    L.append("|---|---:|---:|")
    w1 = d.get("workerd_1", {})
    ic, icp = d.get("isolet_cold"), d.get("isolet_cold_pool")
    iso_cold = "n/a"
    if ic and icp:
        iso_cold = (
            f"{ic['p50_ms']:.1f} ms new isolate / {icp['p50_ms']:.1f} ms pooled blank isolate "
            f"(median of {ic['samples']}; in process: isolate + boot + modules + first request, no HTTP)"
        )
    L.append(
        f"| cold start, 1 Worker | {fmt(w1.get('first_ms'), 1)} ms (process start to first response, 1 Worker) "
        f"| {iso_cold} |"
    )
    for n in d.get("counts", []):
        w, i = d.get(f"workerd_{n}", {}), d.get(f"isolet_{n}", {})
        L.append(
            f"| {n} Workers loaded: start | {fmt(w.get('first_ms'), 0)} ms to the last Worker's first response "
            f"({fmt(w.get('per_worker_start_ms'), 2)} ms per added Worker) "
            f"| {fmt(i.get('load_s'), 1)} s to load all, one after another |"
        )
        L.append(
            f"| {n} Workers loaded: RSS per idle isolate | {fmt(w.get('per_worker_mib'), 2)} MiB "
            f"(process {fmt(w.get('rss_mib'), 0)} MiB) | {fmt(i.get('per_isolate_mib'), 2)} MiB "
            f"(process {fmt(i.get('rss_after_mib'), 0)} MiB; V8 heap {fmt(i.get('v8_heap_used_mib'), 2)} used "
            f"/ {fmt(i.get('v8_physical_mib'), 2)} physical MiB per isolate) |"
        )
    L.append("")
    L.append(
        "workerd: one process whose config holds a router plus N copies of the Worker (each a service); every "
        "Worker answers one request before RSS is read; per Worker = (RSS(N) - RSS(1)) / (N - 1). isolet: "
        "bench/inproc.py loads the same Worker N times in one process (one isolate each, one request each); "
        "per isolate = RSS growth / N."
    )
    L.append("")
    return L


ISOLET = ROOT / ".venv/bin/isolet"
TASKSET: dict[str, list[str]] = {"server": [], "wrk": []}
ISOLET_ENV: dict[str, str] = {}
ISOLET_ARGS: list[str] = []

if __name__ == "__main__":
    sys.exit(main())
