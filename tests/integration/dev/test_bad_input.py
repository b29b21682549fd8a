"""Bad configs and broken Workers: one clear line, exit code 2 (config) or a located error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.integration.server import run_cli

Copy = Callable[[str], Path]


def _write(root: Path, text: str) -> None:
    (root / "wrangler.toml").write_text(text)


def test_unparseable_config_names_the_file_and_exits_2(worker_copy: Copy) -> None:
    root = worker_copy("hello")
    _write(root, 'name = "x"\nmain = \n')
    r = run_cli(root, "dev", "--port", "0")
    assert r.returncode == 2
    assert "wrangler.toml" in r.stderr
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_missing_main_names_the_key(worker_copy: Copy) -> None:
    root = worker_copy("hello")
    _write(root, 'name = "x"\ncompatibility_date = "2025-01-01"\n')
    r = run_cli(root, "dev", "--port", "0")
    assert r.returncode == 2
    assert "wrangler.toml" in r.stderr and "main" in r.stderr
    assert "Traceback" not in r.stderr


def test_wrong_type_names_key_and_reason(worker_copy: Copy) -> None:
    root = worker_copy("hello")
    _write(root, 'name = "x"\nmain = "src/index.js"\ncompatibility_date = "2025-01-01"\n[limits]\ncpu_ms = "fast"\n')
    r = run_cli(root, "dev", "--port", "0")
    assert r.returncode == 2
    assert "limits.cpu_ms" in r.stderr
    assert "Traceback" not in r.stderr


def test_unknown_compatibility_flag_is_an_error(worker_copy: Copy) -> None:
    root = worker_copy("hello")
    _write(root, 'name = "x"\nmain = "src/index.js"\ncompatibility_date = "2025-01-01"\n'
                 'compatibility_flags = ["no_such_flag"]\n')
    r = run_cli(root, "dev", "--port", "0")
    assert r.returncode == 2
    assert "no_such_flag" in r.stderr and "compatibility_flags" in r.stderr


def test_syntax_error_at_startup_gives_file_line_and_column(worker_copy: Copy) -> None:
    root = worker_copy("hello")
    (root / "src" / "index.js").write_text("export default {\n  fetch() {\n    return new Response(;\n  },\n};\n")
    r = run_cli(root, "dev", "--port", "0")
    assert r.returncode != 0
    assert "index.js:3:" in r.stderr
    assert "SyntaxError" in r.stderr
    assert "Traceback" not in r.stderr


def test_missing_import_names_the_module(worker_copy: Copy) -> None:
    root = worker_copy("hello")
    (root / "src" / "index.js").write_text('import x from "./nope.js";\nexport default { fetch() { return x; } };\n')
    r = run_cli(root, "dev", "--port", "0")
    assert r.returncode != 0
    assert "nope.js" in r.stderr
    assert "Traceback" not in r.stderr
