"""``isolet kv``: wrangler's ``kv`` commands against the local state ``isolet dev`` uses.

    isolet kv namespace list
    isolet kv key put KEY [VALUE] --binding NAME [--path FILE] [--metadata JSON] [--ttl N] [--expiration N]
    isolet kv key get KEY --binding NAME [--text]
    isolet kv key delete KEY --binding NAME
    isolet kv key list --binding NAME [--prefix P]
    isolet kv bulk put FILE --binding NAME
    isolet kv bulk delete FILE --binding NAME [--force]

Every command reads the same config (``--config``, ``--env``) and state
directory (``--persist-to``, default ``.isolet/state``) as ``isolet dev``, and
goes through the same ``KVNamespace`` binding, so a running Worker and the CLI
see each other's writes. Output follows wrangler's where scripts parse it:
``key list`` and ``namespace list`` print JSON, ``key get`` writes the raw value.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from isolet.errors import IsoletError, JSError

T = TypeVar("T")
DEFAULT_PERSIST_TO = Path(".isolet/state")


class KVCommandError(IsoletError):
    pass


def _common(p: argparse.ArgumentParser, *, namespace: bool = True) -> None:
    p.add_argument("-c", "--config", type=Path, help="path to wrangler.toml / wrangler.json / wrangler.jsonc")
    p.add_argument("-e", "--env", dest="env_name", help="use the [env.NAME] section of the config")
    p.add_argument("--persist-to", type=Path, default=DEFAULT_PERSIST_TO, help="directory for local state")
    p.add_argument("--local", action="store_true", help="accepted for wrangler compatibility (always local)")
    if namespace:
        p.add_argument("--binding", help="the binding name of the namespace (kv_namespaces[].binding)")
        p.add_argument("--namespace-id", help="the id of the namespace")
        p.add_argument("--preview", action="store_true", help="use the binding's preview_id")


def register(verbs: Any) -> None:
    kv: argparse.ArgumentParser = verbs.add_parser("kv", help="manage Workers KV data in local state")
    groups = kv.add_subparsers(dest="kv_group", metavar="<group>", required=True)

    ns = groups.add_parser("namespace", help="KV namespaces").add_subparsers(dest="kv_cmd", required=True)
    p = ns.add_parser("list", help="list the namespaces of the config and of the local state (JSON)")
    _common(p, namespace=False)
    p.set_defaults(run=run, handler=_namespace_list)

    key = groups.add_parser("key", help="single keys").add_subparsers(dest="kv_cmd", required=True)
    p = key.add_parser("put", help="write a single key/value pair")
    p.add_argument("key")
    p.add_argument("value", nargs="?")
    p.add_argument("--path", type=Path, help="read the value from this file")
    p.add_argument("--ttl", type=int, help="seconds the entry stays visible (expirationTtl)")
    p.add_argument("--expiration", type=int, help="seconds since the UNIX epoch after which the entry expires")
    p.add_argument("--metadata", help="arbitrary JSON associated with the key")
    _common(p)
    p.set_defaults(run=run, handler=_key_put)

    p = key.add_parser("get", help="read a single value (raw bytes to stdout)")
    p.add_argument("key")
    p.add_argument("--text", action="store_true", help="decode the value as UTF-8 and print it with a newline")
    _common(p)
    p.set_defaults(run=run, handler=_key_get)

    p = key.add_parser("delete", help="remove a single key")
    p.add_argument("key")
    _common(p)
    p.set_defaults(run=run, handler=_key_delete)

    p = key.add_parser("list", help="list every key of a namespace (JSON)")
    p.add_argument("--prefix", help="only keys that start with this prefix")
    _common(p)
    p.set_defaults(run=run, handler=_key_list)

    bulk = groups.add_parser("bulk", help="many keys from a JSON file").add_subparsers(dest="kv_cmd", required=True)
    p = bulk.add_parser("put", help="write key/value pairs from a JSON array of {key, value, ...}")
    p.add_argument("filename", type=Path)
    _common(p)
    p.set_defaults(run=run, handler=_bulk_put)

    p = bulk.add_parser("delete", help="delete the keys of a JSON array of strings or {name}")
    p.add_argument("filename", type=Path)
    p.add_argument("-f", "--force", action="store_true", help="do not ask for confirmation")
    _common(p)
    p.set_defaults(run=run, handler=_bulk_delete)


def run(args: argparse.Namespace) -> int:
    handler: Callable[[argparse.Namespace], Awaitable[int]] = args.handler
    try:
        return asyncio.run(_with_cleanup(handler(args)))
    except JSError as e:  # the platform refused the request (KV PUT failed: ...)
        print(f"error: {e.message}", file=sys.stderr)
        return 1
    except IsoletError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1 if isinstance(e, KVCommandError) else 2


async def _with_cleanup(work: Awaitable[T]) -> T:
    from isolet.bindings.kv import close_all

    try:
        return await work
    finally:
        close_all()


# -- config and namespace resolution ---------------------------------------------------
def _load(args: argparse.Namespace) -> Any:
    from isolet.config import load_config

    return load_config(args.config, cwd=Path.cwd(), env_name=args.env_name, cli_vars={})


def _persist_to(args: argparse.Namespace) -> Path:
    path: Path = args.persist_to
    return path if path.is_absolute() else Path.cwd() / path


def _namespace(args: argparse.Namespace) -> tuple[Any, str]:
    """The binding object and the display name wrangler prints (``binding: "X" (id: "Y")``)."""
    from isolet.bindings.kv import open_namespace
    from isolet.util.clock import clock_from_env

    if args.namespace_id:
        ns_id = args.namespace_id
        display = f'id: "{ns_id}"'
    else:
        if not args.binding:
            raise KVCommandError("Exactly one of the arguments `binding` and `namespace-id` is required")
        config = _load(args)
        found = [kv for kv in config.kv_namespaces if kv.binding == args.binding]
        if not config.kv_namespaces:
            raise KVCommandError(
                "No KV namespaces are configured in your wrangler config file. Use `--namespace-id` to specify "
                'the namespace directly, or add a "kv_namespaces" entry to your config.'
            )
        if not found:
            raise KVCommandError(
                f'No KV namespace with binding "{args.binding}" was found in the "kv_namespaces" section of your '
                "wrangler config. Check the binding name is correct, or use `--namespace-id` instead."
            )
        entry = found[0]
        if args.preview:
            if not entry.preview_id:
                raise KVCommandError(
                    f'No preview namespace ID is configured for binding "{args.binding}". Add a "preview_id" to the '
                    f'"{args.binding}" entry in your config\'s "kv_namespaces" section, or use `--namespace-id` to '
                    "specify a preview namespace directly."
                )
            ns_id = entry.preview_id
        else:
            ns_id = entry.id or entry.binding
        display = f'binding: "{args.binding}" (id: "{ns_id}")'
    return open_namespace(_persist_to(args), ns_id, clock_from_env()), display


def _metadata(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return json.dumps(json.loads(text), separators=(",", ":"), ensure_ascii=False)
    except json.JSONDecodeError as e:
        raise KVCommandError(f"--metadata is not valid JSON: {e}") from e


# -- commands ---------------------------------------------------------------------
async def _namespace_list(args: argparse.Namespace) -> int:
    from isolet.bindings.kv import KV_DIR
    from isolet.errors import ConfigError

    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    try:
        config = _load(args)
    except ConfigError:
        config = None
    if config is not None:
        for kv in config.kv_namespaces:
            ns_id = kv.id or kv.binding
            if ns_id not in seen:
                seen.add(ns_id)
                rows.append({"id": ns_id, "title": kv.binding})
    root = _persist_to(args) / KV_DIR
    if root.is_dir():
        from urllib.parse import unquote

        for child in sorted(root.iterdir()):
            ns_id = unquote(child.name)
            if child.is_dir() and ns_id not in seen:
                seen.add(ns_id)
                rows.append({"id": ns_id, "title": ns_id})
    print(json.dumps(rows, indent=2))
    return 0


async def _key_put(args: argparse.Namespace) -> int:
    if (args.value is None) == (args.path is None):
        raise KVCommandError("Exactly one of the arguments `value` and `path` is required")
    ns, display = _namespace(args)
    metadata = _metadata(args.metadata)
    meta_log = f' with metadata "{args.metadata}"' if args.metadata else ""
    if args.path is not None:
        print(f'Writing the contents of {args.path} to the key "{args.key}" on namespace {display}{meta_log}.')
        stream = ns.begin_put(args.key, expiration=args.expiration, expiration_ttl=args.ttl, metadata=metadata)
        try:
            with open(args.path, "rb") as f:
                while chunk := f.read(1 << 20):
                    await stream.write(chunk)
        except OSError as e:
            stream.abort()
            raise KVCommandError(f"cannot read {args.path}: {e.strerror}") from e
        await stream.commit()
    else:
        print(f'Writing the value "{args.value}" to key "{args.key}" on namespace {display}{meta_log}.')
        await ns.put(
            args.key, args.value.encode(), expiration=args.expiration, expiration_ttl=args.ttl, metadata=metadata
        )
    return 0


async def _key_get(args: argparse.Namespace) -> int:
    ns, _ = _namespace(args)
    entry = await ns.get(args.key)
    if entry is None:
        print("Value not found")
        return 0
    if args.text:
        data = await entry.value.read_all()
        print(data.decode("utf-8", "replace"))
        return 0
    out = sys.stdout.buffer
    async for chunk in entry.value.chunks(1 << 20):
        out.write(chunk)
    out.flush()
    return 0


async def _key_delete(args: argparse.Namespace) -> int:
    ns, display = _namespace(args)
    print(f'Deleting the key "{args.key}" on namespace {display}.')
    await ns.delete(args.key)
    return 0


async def _key_list(args: argparse.Namespace) -> int:
    ns, _ = _namespace(args)
    keys: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        page = await ns.list(prefix=args.prefix, cursor=cursor)
        for k in page["keys"]:
            if "metadata" in k:
                k["metadata"] = json.loads(k["metadata"])
            keys.append(k)
        cursor = page.get("cursor")
        if page["list_complete"] or cursor is None:
            break
    print(json.dumps(keys, indent=2, ensure_ascii=False))
    return 0


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_bytes())
    except OSError as e:
        raise KVCommandError(f'cannot read "{path}": {e.strerror}') from e
    except json.JSONDecodeError as e:
        raise KVCommandError(f'"{path}" is not valid JSON: {e}') from e


_KV_ITEM_HELP = (
    "Each item in the array should be an object that matches:\n\n"
    "interface KeyValue {\n  key: string;\n  value: string;\n  expiration?: number;\n"
    "  expiration_ttl?: number;\n  metadata?: object;\n  base64?: boolean;\n}\n\n"
)


async def _bulk_put(args: argparse.Namespace) -> int:
    content = _read_json(args.filename)
    if not isinstance(content, list):
        raise KVCommandError(
            f'Unexpected JSON input from "{args.filename}".\n'
            f'Expected an array of key-value objects but got type "{_js_type(content)}".'
        )
    errors = [
        f"The item at index {i} is {json.dumps(item)}"
        for i, item in enumerate(content)
        if not (isinstance(item, dict) and isinstance(item.get("key"), str) and isinstance(item.get("value"), str))
    ]
    if errors:
        raise KVCommandError(f'Unexpected JSON input from "{args.filename}".\n' + _KV_ITEM_HELP + "\n".join(errors))
    ns, _ = _namespace(args)
    for item in content:
        value = base64.b64decode(item["value"]) if item.get("base64") else item["value"].encode()
        metadata = item.get("metadata")
        await ns.put(
            item["key"],
            value,
            expiration=item.get("expiration"),
            expiration_ttl=item.get("expiration_ttl"),
            metadata=None if metadata is None else json.dumps(metadata, separators=(",", ":"), ensure_ascii=False),
        )
    print("Success!")
    return 0


async def _bulk_delete(args: argparse.Namespace) -> int:
    ns, display = _namespace(args)
    if not args.force:
        answer = input(
            f'Are you sure you want to delete all the keys read from "{args.filename}" from kv-namespace {display}? '
            "(y/N) "
        )
        if answer.strip().lower() not in ("y", "yes"):
            print(f'Not deleting keys read from "{args.filename}".')
            return 0
    content = _read_json(args.filename)
    if not isinstance(content, list):
        raise KVCommandError(
            f'Unexpected JSON input from "{args.filename}".\nExpected an array of strings but got:\n{content}'
        )
    keys: list[str] = []
    errors: list[str] = []
    for i, item in enumerate(content):
        key = item if isinstance(item, str) else item.get("name") if isinstance(item, dict) else None
        if not isinstance(key, str):
            errors.append(f'The item at index {i} is type: "{_js_type(item)}" - {json.dumps(item)}')
        else:
            keys.append(key)
    if errors:
        raise KVCommandError(
            f'Unexpected JSON input from "{args.filename}".\n'
            'Expected an array of strings or objects with a "name" key.\n' + "\n".join(errors)
        )
    for key in keys:
        await ns.delete(key)
    print("Success!")
    return 0


def _js_type(value: Any) -> str:
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return "object"
