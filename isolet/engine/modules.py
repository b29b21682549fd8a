"""Resolve and load a Worker's ES modules for V8.

Specifiers resolve as in a browser (relative to the importing module's
``file://`` URL); ``cloudflare:*`` names are builtin modules served from the
runtime. The loader turns each file into module source by wrangler's default
rules: ``.js``/``.mjs`` as JavaScript, ``.json`` as a default-exported value,
``.txt``/``.html``/``.sql`` as a default-exported string (Text), ``.bin`` as
an ArrayBuffer (Data), ``.wasm`` as a ``WebAssembly.Module`` (CompiledWasm).
Every file read is recorded so live reload can watch it.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

# The node: modules (isolet/runtime/node/<name>.js, "/" in a name as "_") are
# ES modules read from the package when first imported, so a Worker without
# nodejs_compat pays nothing for them. They reach the runtime's registry by
# importing INTERNALS, which only node: and isolet-internal: modules may import.
NODE_DIR = Path(__file__).parent.parent / "runtime" / "node"
INTERNALS = "isolet-internal:internals"
_INTERNAL_PREFIX = "isolet-internal:node/"  # private helpers: runtime/node/internal/<x>.js
NODE_FLAGS = frozenset({"nodejs_compat", "nodejs_compat_v2"})

BUILTIN_MODULES = {
    "cloudflare:workers": ("WorkerEntrypoint", "DurableObject", "WorkflowEntrypoint", "RpcTarget", "env"),
}

_TEXT_EXTENSIONS = (".txt", ".html", ".sql")
_DATA_EXTENSIONS = (".bin",)
_WASM_EXTENSIONS = (".wasm",)
# V8 parses a module imported "with { type: 'json' }" as JSON, but one imported
# without the attribute as JavaScript; wrangler accepts both. We serve every
# .json file as JavaScript, so the attribute is removed from import statements.
_JSON_ATTRIBUTE = re.compile(r"""\s+(?:with|assert)\s*\{\s*type\s*:\s*(['"])json\1\s*\}""")


class ModuleNotFound(Exception):
    def __init__(self, specifier: str, referrer: str, reason: str) -> None:
        super().__init__(f'No such module "{specifier}" imported from "{referrer}": {reason}')


@dataclass(slots=True)
class ModuleGraph:
    """Resolver and loader for one Worker; remembers every file it read."""

    root: Path
    # Enabled compatibility features (config/compat.py names); nodejs_compat opens node:.
    compat_flags: frozenset[str] = frozenset()
    files: dict[Path, float] = field(default_factory=dict)

    def resolve(self, specifier: str, referrer: str) -> str:
        if specifier in BUILTIN_MODULES:
            return specifier
        if specifier.startswith("isolet-internal:"):
            if referrer.startswith(("node:", "isolet-internal:")) and (
                specifier == INTERNALS or _node_file(specifier) is not None
            ):
                return specifier
            raise ModuleNotFound(specifier, referrer, "not a module Worker code can import")
        if specifier.startswith("node:"):
            if not self.compat_flags & NODE_FLAGS:
                raise ModuleNotFound(specifier, referrer, "node: modules need the nodejs_compat compatibility flag")
            if _node_file(specifier) is None:
                raise ModuleNotFound(specifier, referrer, "no such Node.js built-in module in isolet")
            return specifier
        if specifier.startswith(("file://",)):
            return specifier
        if specifier.startswith(("./", "../", "/")):
            base = referrer if referrer.startswith("file://") else self.root.as_uri() + "/"
            return urljoin(base, specifier)
        raise ModuleNotFound(
            specifier, referrer, "bare imports from node_modules are not supported yet; bundle them or use a path"
        )

    def load(self, url: str) -> str:
        if url == INTERNALS:
            return 'export default globalThis.__isolet_builtin("internals");'
        node = _node_file(url)
        if node is not None:
            return node.read_text(encoding="utf-8")
        if url in BUILTIN_MODULES:
            names = BUILTIN_MODULES[url]
            lines = [f"const m = globalThis.__isolet_builtin({json.dumps(url)});"]
            lines += [f"export const {n} = m.{n};" for n in names]
            return "\n".join(lines)
        path = Path(unquote(urlparse(url).path))
        try:
            data = path.read_bytes()
            self.files[path] = path.stat().st_mtime
        except OSError as e:
            raise ModuleNotFound(url, "", e.strerror or str(e)) from e
        name = path.name
        if name.endswith(".json"):
            return f"export default {data.decode('utf-8')};"
        if name.endswith(_TEXT_EXTENSIONS):
            return f"export default {json.dumps(data.decode('utf-8'))};"
        if name.endswith(_DATA_EXTENSIONS):
            return _bytes_module(data, "bytes.buffer")
        if name.endswith(_WASM_EXTENSIONS):
            return _bytes_module(data, 'globalThis.__isolet_builtin("wasm")(bytes)')
        return _JSON_ATTRIBUTE.sub("", data.decode("utf-8"))


def _node_file(specifier: str) -> Path | None:
    """The file behind a ``node:`` or ``isolet-internal:node/`` specifier, if isolet has it."""
    if specifier.startswith("node:"):
        path = NODE_DIR / (specifier[5:].replace("/", "_") + ".js")
    elif specifier.startswith(_INTERNAL_PREFIX):
        path = NODE_DIR / "internal" / (specifier[len(_INTERNAL_PREFIX) :] + ".js")
    else:
        return None
    name = path.name[:-3]
    if not name or not name.replace("_", "").replace("-", "").isalnum() or not path.is_file():
        return None
    return path


def _bytes_module(data: bytes, expr: str) -> str:
    b64 = base64.b64encode(data).decode("ascii")
    return (
        f'const s = atob("{b64}");\n'
        "const bytes = new Uint8Array(s.length);\n"
        "for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);\n"
        f"export default {expr};"
    )


_EXPORT = re.compile(r"^\s*export\s", re.MULTILINE)


def detect_format(main_source: str) -> str:
    """``modules`` when the entry has an ``export`` statement, else ``service-worker``.

    wrangler decides the same way (from esbuild's list of exports).
    """
    return "modules" if _EXPORT.search(main_source) else "service-worker"
