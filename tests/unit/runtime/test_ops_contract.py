"""``runtime/js/ops.d.ts`` declares exactly the ops the registry holds (STYLE 5.3.7)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from isolet.runtime.ops import OPS

DTS = Path(__file__).parents[3] / "isolet" / "runtime" / "js" / "ops.d.ts"
DECL = re.compile(r"^\s*function (op_\w+)\(.*\): (.+);$", re.MULTILINE)


def _declared() -> dict[str, str]:
    return {m.group(1): m.group(2) for m in DECL.finditer(DTS.read_text(encoding="utf-8"))}


def test_every_registered_op_is_declared_and_nothing_else() -> None:
    assert sorted(_declared()) == sorted(OPS)


def test_async_ops_and_only_they_are_declared_returning_a_promise() -> None:
    declared = _declared()
    mismatched = [
        name
        for name, fn in OPS.items()
        if name in declared and inspect.iscoroutinefunction(fn) != declared[name].startswith("Promise<")
    ]
    assert mismatched == []


def test_ops_are_named_op_area_verb() -> None:
    assert [n for n in OPS if not re.fullmatch(r"op_[a-z0-9]+_[a-z0-9_]+", n)] == []
