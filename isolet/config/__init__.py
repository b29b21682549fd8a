"""wrangler configuration -> one typed, frozen `WorkerConfig`.

`load_config` is the one entry point the CLI uses: find (or take) the file,
parse it, check it, read `.dev.vars`, apply `--var`s.
"""

from __future__ import annotations

from pathlib import Path

from isolet.config.load import find_config, load_raw
from isolet.config.schema import ConfigOverrides, WorkerConfig
from isolet.config.validate import build_config
from isolet.errors import ConfigError

__all__ = ["ConfigError", "ConfigOverrides", "WorkerConfig", "load_config", "parse_var_flag"]


def load_config(
    path: Path | None,
    *,
    cwd: Path,
    env_name: str | None,
    cli_vars: dict[str, str],
    overrides: ConfigOverrides | None = None,
) -> WorkerConfig:
    """The WorkerConfig for `--config path` (relative to `cwd`), or for the file wrangler would find from `cwd`."""
    if path is None:
        config_path = find_config(cwd)
    else:
        config_path = path if path.is_absolute() else cwd / path
    raw = load_raw(config_path)
    return build_config(raw, config_path=config_path, env_name=env_name, cli_vars=cli_vars, overrides=overrides)


def parse_var_flag(text: str) -> tuple[str, str]:
    """Split one `--var KEY:VALUE` at the first colon; the value may contain more colons.

    wrangler silently binds "" when there is no colon; isolet rejects it,
    since that is nearly always a mistake (`--var KEY=VALUE`).
    """
    key, sep, value = text.partition(":")
    if not sep:
        raise ConfigError("--var", None, f'invalid value "{text}": expected KEY:VALUE (e.g. --var HOST:example.com)')
    if not key:
        raise ConfigError("--var", None, f'invalid value "{text}": the name before ":" is empty')
    return key, value
