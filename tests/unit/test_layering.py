"""The package's dependency rules (DESIGN.md): only engine/ imports the V8 binding,
and lower layers never import higher ones."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[2] / "isolet"

# Layer order, lowest first: a module may import only its own layer or lower.
LAYERS = ["util", "errors", "config", "observability", "storage", "bindings", "runtime", "engine",
          "server", "platform", "cli"]
RANK = {name: i for i, name in enumerate(LAYERS)}
# config and observability sit side by side, as do server and platform.
RANK["observability"] = RANK["config"]
RANK["platform"] = RANK["server"]


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _layer(module_path: Path) -> str:
    rel = module_path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py") if len(rel.parts) > 1 or rel.stem != "__init__" else ""


def test_only_engine_imports_pydeno() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if any(n == "pydeno" or n.startswith("pydeno.") for n in _imports(p)) and _layer(p) != "engine"
    ]
    assert offenders == []


def test_lower_layers_do_not_import_higher_ones() -> None:
    offenders: list[str] = []
    for path in PACKAGE.rglob("*.py"):
        layer = _layer(path)
        if layer not in RANK:
            continue
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != "isolet" or len(parts) < 2 or parts[1] not in RANK:
                continue
            if RANK[parts[1]] > RANK[layer]:
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []
