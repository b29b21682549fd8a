"""The typed, frozen shape of one Worker's configuration.

Every field keeps wrangler's key name (`kv_namespaces`, `compatibility_date`,
...) so a `grep` for a wrangler key finds its home here. Instances are built
only by `isolet.config.validate.build_config`, which has already checked every
value, so code that receives a `WorkerConfig` never re-validates it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from isolet.config.compat import Features

# wrangler's `rules[].type` values that isolet can load. wrangler also knows
# PythonModule and PythonRequirement; isolet does not run Python Workers.
ModuleRuleType = Literal["ESModule", "CommonJS", "CompiledWasm", "Text", "Data"]
MODULE_RULE_TYPES: tuple[ModuleRuleType, ...] = ("ESModule", "CommonJS", "CompiledWasm", "Text", "Data")

# `limits.cpu_ms` when the config sets none: the paid-plan default CPU limit
# per invocation on the platform (30 s), which is also what `wrangler dev` uses.
DEFAULT_CPU_MS = 30_000


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """wrangler `[limits]`: per-invocation limits."""

    cpu_ms: int = DEFAULT_CPU_MS
    subrequests: int | None = None  # None: the platform default applies


@dataclass(frozen=True, slots=True, kw_only=True)
class DevSettings:
    """wrangler `[dev]` (top level only, never per environment).

    `cf` is an isolet extension, not a wrangler key: a table merged over the
    default `request.cf` object the dev server fabricates (e.g. to pretend a
    request came from `country = "DE"`).
    """

    ip: str = "127.0.0.1"
    port: int = 8787
    cf: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class ModuleRule:
    """One wrangler `rules` entry: files matching `globs` load as `type`.

    `fallthrough = true` lets later rules of the same type still apply.
    """

    type: ModuleRuleType
    globs: tuple[str, ...]
    fallthrough: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class KVNamespaceBinding:
    """One wrangler `kv_namespaces` entry -> `env.<binding>` is a KVNamespace."""

    binding: str
    id: str | None = None  # optional locally: storage is keyed by `id`, else by `binding`
    preview_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class R2BucketBinding:
    """One wrangler `r2_buckets` entry -> `env.<binding>` is an R2Bucket."""

    binding: str
    bucket_name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class D1DatabaseBinding:
    """One wrangler `d1_databases` entry -> `env.<binding>` is a D1Database."""

    binding: str
    database_name: str | None = None
    database_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ConfigOverrides:
    """Values given on the command line that win over the file (wrangler dev flags).

    None means "not given". `compatibility_flags`, when given, replaces the
    file's list, as `wrangler dev --compatibility-flags` does.
    """

    main: str | None = None
    compatibility_date: str | None = None
    compatibility_flags: tuple[str, ...] | None = None
    ip: str | None = None
    port: int | None = None
    experimental: bool = False  # allow compatibility flags workerd marks experimental


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkerConfig:
    """Everything isolet needs to run one Worker, for one environment.

    `vars` and `secrets` are both bound on the Worker's `env`; a secret of the
    same name wins over a var (wrangler: `.dev.vars` overrides `vars`).
    `dict` fields are not deep-frozen: treat them as read-only.
    """

    config_path: Path
    base_dir: Path  # the folder holding the config file; relative paths resolve here
    name: str
    main: Path  # absolute
    compatibility_date: str  # YYYY-MM-DD
    compatibility_flags: tuple[str, ...]
    vars: dict[str, Any]  # wrangler allows a string or any JSON value
    secrets: dict[str, str]  # from .dev.vars / .dev.vars.<env>
    limits: Limits
    dev: DevSettings
    features: Features
    rules: tuple[ModuleRule, ...]
    kv_namespaces: tuple[KVNamespaceBinding, ...]
    r2_buckets: tuple[R2BucketBinding, ...]
    d1_databases: tuple[D1DatabaseBinding, ...]
    triggers_crons: tuple[str, ...]
    env_name: str | None
