"""``isolet dev``: serve the Worker of ./wrangler.toml (or --config) locally, as ``wrangler dev`` does."""

from __future__ import annotations

import argparse
import asyncio
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
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from isolet.config import ConfigOverrides, load_config, parse_var_flag

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
    try:
        return _serve(load, ip, port, args.memory_limit_mb * 1024 * 1024, (cwd / args.persist_to).resolve())
    except KeyboardInterrupt:
        return 0


def _serve(load: Any, ip: str, port: int, heap_limit: int, persist_to: Path) -> int:
    import uvicorn
    import uvloop

    from isolet.engine.worker import WorkerLoadError
    from isolet.observability.logs import TerminalSink
    from isolet.server.app import WorkerApp
    from isolet.server.dev import DevSession
    from isolet.server.http import HttpProtocol
    from isolet.server.websocket import ASGI_MAX_MESSAGE_BYTES

    sink = TerminalSink()

    async def main() -> int:
        session = DevSession(load, sink, heap_limit=heap_limit, persist_to=persist_to)
        try:
            await session.start()
        except WorkerLoadError as e:
            print(f"error: the Worker failed to load:\n{e}", file=sys.stderr)
            return 1
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
        serve = asyncio.create_task(server.serve())
        while not server.started and not serve.done():
            await asyncio.sleep(0.01)
        if serve.done():
            await serve
            return 1
        bound = server.servers[0].sockets[0].getsockname()
        print(f"Ready on http://{bound[0]}:{bound[1]}", file=sys.stderr, flush=True)
        try:
            await serve
        finally:
            await session.close()
        return 0

    return uvloop.run(main())
