"""``isolet dev``: serve the Worker of ./wrangler.toml (or --config) locally, as ``wrangler dev`` does.

``--processes N`` (an isolet extension, Linux) runs N server processes on one
port: each binds its own listening socket with ``SO_REUSEPORT`` and the kernel
spreads connections over them. This process is the first; it starts the other
N-1 fresh (``subprocess``, never a fork of a process that has isolates or
threads) with the same flags and a hidden ``--child-of PID:FD``. A child
tells the parent it listens by writing a byte to that pipe, and dies with the
parent (``PR_SET_PDEATHSIG``), so a killed parent leaves no server behind.

Each server process runs on one CPU (Linux; ``--no-pin-cpu`` turns it off):
process k takes the k-th CPU it is allowed, modulo their number. Its asyncio
thread and its isolate threads hand every request to each other; on one CPU a
hand-off is a switch on that core, across CPUs it is a wake-up of another
core, which on the 2-core VM this was measured on cost tens of microseconds.
Pinned, one process served hello 1.22/1.23/1.29x, json 1.12/1.05/1.23x, cpu
1.09/1.08/1.19x and kv 1.18/1.48/1.49x the requests/s at c=1/16/64, stream
the same (bench/ab.py, medians of 3-4 interleaved runs).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

from isolet.errors import ConfigError

DEFAULT_MEMORY_LIMIT_MB = 128


def register(verbs: Any) -> None:
    p: argparse.ArgumentParser = verbs.add_parser("dev", help="serve a Worker locally with live reload")
    p.add_argument("script", nargs="?", help="entry module (overrides main)")
    p.add_argument("-c", "--config", type=Path, help="path to wrangler.toml / wrangler.json / wrangler.jsonc")
    p.add_argument("-e", "--env", dest="env_name", help="use the [env.NAME] section of the config")
    p.add_argument("--ip", help="address to listen on (default 127.0.0.1, or [dev] ip)")
    p.add_argument("--port", type=int, help="port to listen on (default 8787, or [dev] port; 0 picks a free one)")
    p.add_argument("--persist-to", type=Path, default=Path(".isolet/state"), help="directory for local state")
    p.add_argument("--var", action="append", default=[], metavar="KEY:VALUE", help="a var for env (repeatable)")
    p.add_argument("--compatibility-date", help="overrides compatibility_date")
    p.add_argument("--compatibility-flags", nargs="*", help="replaces compatibility_flags")
    p.add_argument(
        "--memory-limit-mb",
        type=int,
        default=DEFAULT_MEMORY_LIMIT_MB,
        help="V8 heap limit per isolate, in MiB (isolet extension; default 128)",
    )
    p.add_argument(
        "--processes",
        type=_process_count,
        default=1,
        help="server processes sharing the port, each with its own isolate (isolet extension; Linux; default 1)",
    )
    p.add_argument(
        "--pin-cpu",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="run each server process on one CPU (isolet extension; Linux; default on)",
    )
    # Set by the first process on the others it starts: its pid, the pipe to
    # report "listening" on, and the CPU to run on (-1: any).
    p.add_argument("--child-of", type=_child_of, help=argparse.SUPPRESS)
    p.set_defaults(run=run)


def _process_count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return n


def _child_of(text: str) -> tuple[int, int, int]:
    try:
        pid, fd, cpu = (int(part) for part in text.split(":"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected PID:FD:CPU, not {text!r}") from None
    return pid, fd, cpu


def _plan_cpus(args: argparse.Namespace) -> list[int]:
    """The CPUs the server processes take in turn (process k: the k-th, modulo); [] for no pinning.

    Read by the first process before it pins itself: the processes it starts
    inherit its one-CPU mask, so it tells each one its CPU (``--child-of``).
    """
    if not args.pin_cpu or not hasattr(os, "sched_getaffinity"):
        return []
    allowed = sorted(os.sched_getaffinity(0))
    return allowed if len(allowed) > 1 else []


def _pin(cpu: int) -> None:
    """Run this process's threads, and every thread it starts later, on ``cpu``."""
    os.sched_setaffinity(0, {cpu})


def run(args: argparse.Namespace) -> int:
    from isolet.config import ConfigOverrides, load_config, parse_var_flag

    if args.child_of is not None and not _die_with_parent(args.child_of[0]):
        return 0
    # Before any thread exists, so every thread inherits it.
    args.cpus = _plan_cpus(args) if args.child_of is None else []
    cpu = args.cpus[0] if args.cpus else (args.child_of[2] if args.child_of is not None else -1)
    if cpu >= 0:
        _pin(cpu)
    if args.processes > 1 and not sys.platform.startswith("linux"):
        print("error: --processes above 1 needs Linux (SO_REUSEPORT load balancing)", file=sys.stderr)
        return 2
    try:
        cli_vars = dict(parse_var_flag(v) for v in args.var)
        cwd = Path.cwd()
        flags = args.compatibility_flags
        overrides = ConfigOverrides(
            main=args.script,
            compatibility_date=args.compatibility_date,
            compatibility_flags=tuple(flags) if flags is not None else None,
        )

        def load() -> Any:
            return load_config(args.config, cwd=cwd, env_name=args.env_name, cli_vars=cli_vars, overrides=overrides)

        config = load()
    except ConfigError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    ip = args.ip or config.dev.ip
    port = args.port if args.port is not None else config.dev.port
    sock: socket.socket | None = None
    if args.processes > 1 or args.child_of is not None:
        try:
            sock = _reuseport_socket(ip, port)
        except OSError as e:
            print(f"error: cannot listen on {ip}:{port}: {e}", file=sys.stderr)
            return 1
    try:
        return _serve(load, ip, port, args.memory_limit_mb * 1024 * 1024, (cwd / args.persist_to).resolve(), args, sock)
    except KeyboardInterrupt:
        return 0


def _die_with_parent(parent: int) -> bool:
    """Ask Linux to SIGKILL this process when ``parent`` exits; False if it already has."""
    PR_SET_PDEATHSIG = 1
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    return os.getppid() == parent


def _reuseport_socket(ip: str, port: int) -> socket.socket:
    family, kind, proto, _, addr = socket.getaddrinfo(ip, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind(addr)
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    return sock


def _child_argv(args: argparse.Namespace, ip: str, port: int, ready_fd: int, index: int) -> list[str]:
    """The same ``isolet dev`` for one more process (every dev flag that changes serving goes here)."""
    argv = [sys.executable, "-m", "isolet", "dev"]
    if args.script is not None:
        argv.append(args.script)
    if args.config is not None:
        argv += ["--config", str(args.config)]
    if args.env_name is not None:
        argv += ["--env", args.env_name]
    argv += ["--ip", ip, "--port", str(port), "--persist-to", str(args.persist_to)]
    for var in args.var:
        argv += ["--var", var]
    if args.compatibility_date is not None:
        argv += ["--compatibility-date", args.compatibility_date]
    if args.compatibility_flags is not None:
        argv += ["--compatibility-flags", *args.compatibility_flags]
    cpu = args.cpus[index % len(args.cpus)] if args.cpus else -1
    argv += ["--memory-limit-mb", str(args.memory_limit_mb), "--child-of", f"{os.getpid()}:{ready_fd}:{cpu}"]
    return argv


def _start_children(args: argparse.Namespace, ip: str, port: int) -> list[tuple[subprocess.Popen[bytes], int]]:
    """Start the other ``--processes`` servers; each with the read end of its "listening" pipe."""
    children: list[tuple[subprocess.Popen[bytes], int]] = []
    for index in range(1, args.processes):
        read_fd, write_fd = os.pipe()
        try:
            # From this (the main) thread: PR_SET_PDEATHSIG fires when the thread that started the child ends.
            proc = subprocess.Popen(
                _child_argv(args, ip, port, write_fd, index), stdin=subprocess.DEVNULL, pass_fds=(write_fd,)
            )
        except OSError:
            os.close(read_fd)
            raise
        finally:
            os.close(write_fd)
        children.append((proc, read_fd))
    return children


def _children_listening(read_fds: list[int]) -> bool:
    """Block until every child reported it listens (True) or one exited first (False)."""
    ok = True
    for fd in read_fds:
        with contextlib.suppress(OSError):
            ok = os.read(fd, 1) == b"1" and ok
        os.close(fd)
    return ok


def _stop_children(children: list[subprocess.Popen[bytes]]) -> None:
    for proc in children:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in children:
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _serve(
    load: Any,
    ip: str,
    port: int,
    heap_limit: int,
    persist_to: Path,
    args: argparse.Namespace,
    sock: socket.socket | None,
) -> int:
    import uvicorn
    import uvloop

    from isolet.engine.worker import WorkerLoadError
    from isolet.observability.logs import TerminalSink
    from isolet.server.app import WorkerApp
    from isolet.server.dev import DevSession
    from isolet.server.http import HttpProtocol
    from isolet.server.websocket import ASGI_MAX_MESSAGE_BYTES

    sink = TerminalSink()
    children: list[subprocess.Popen[bytes]] = []

    async def main() -> int:
        session = DevSession(load, sink, heap_limit=heap_limit, persist_to=persist_to)
        try:
            await session.start()
        except WorkerLoadError as e:
            print(f"error: the Worker failed to load:\n{e}", file=sys.stderr)
            return 1
        read_fds: list[int] = []
        if sock is not None and args.child_of is None:
            # The Worker loaded here, so it will in the others: start them on the port this socket holds.
            started = _start_children(args, ip, sock.getsockname()[1])
            children.extend(proc for proc, _ in started)
            read_fds = [fd for _, fd in started]
        app = WorkerApp(session.instance, lambda: session.spec.cf, session.ready)
        config = uvicorn.Config(
            app,
            host=ip,
            port=port,
            loop="none",
            # Plain HTTP skips ASGI (server/http.py); upgrades go to uvicorn's WebSocket protocol.
            http=HttpProtocol,
            # WebSockets (server/websocket.py): the sans-I/O `websockets` protocol;
            # no permessage-deflate, as workerd without web_socket_compression.
            ws="websockets-sansio",
            ws_max_size=ASGI_MAX_MESSAGE_BYTES,
            ws_per_message_deflate=False,
            lifespan="off",
            access_log=False,
            server_header=False,
            log_level="warning",
        )
        server = uvicorn.Server(config)
        serve = asyncio.create_task(server.serve(sockets=None if sock is None else [sock]))
        while not server.started and not serve.done():
            await asyncio.sleep(0.01)
        if serve.done():
            await serve
            return 1
        if args.child_of is not None:
            os.write(args.child_of[1], b"1")
            os.close(args.child_of[1])
        elif read_fds and not await asyncio.to_thread(_children_listening, read_fds):
            print("error: a server process of --processes exited before it listened", file=sys.stderr)
            server.should_exit = True
            await serve
            await session.close()
            return 1
        if args.child_of is None:
            bound = server.servers[0].sockets[0].getsockname()
            print(f"Ready on http://{bound[0]}:{bound[1]}", file=sys.stderr, flush=True)
        try:
            await serve
        finally:
            await session.close()
        return 0

    try:
        return uvloop.run(main())
    finally:
        _stop_children(children)
