"""A raw wrangler config dict -> one checked, frozen `WorkerConfig`.

Rules, as wrangler's (workers-utils `normalizeAndValidateConfig`):

- An unknown key is a warning (logged on `isolet.config`), never an error.
  A wrangler key that isolet does not implement yet is also only a warning.
- A value of the wrong type or out of range is a ConfigError naming the file,
  the dotted key (`env.staging.vars`, `kv_namespaces[0].binding`) and why.
- With an environment selected (`--env NAME`), `[env.NAME]` is read on top of
  the top level. *Inheritable* keys (name, main, compatibility_date,
  compatibility_flags, rules, limits, triggers, ...) fall back to the top
  level when the environment omits them; the inherited `name` becomes
  `<name>-<env>`. *Non-inheritable* keys (vars and every binding list) do not:
  an environment without them has none, and wrangler's warning says so.
  `dev` is top-level only. An `--env` that names no `[env.*]` section is an
  error when the file defines other environments, and (as in wrangler) only
  a warning when it defines none: the top level is used, named `<name>-<env>`.
- A missing compatibility_date falls back to SUPPORTED_COMPAT_DATE with a
  warning (`wrangler dev` uses its newest date the same way); a date later
  than SUPPORTED_COMPAT_DATE is an error, as in workerd.
"""

from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from isolet.config.compat import SUPPORTED_COMPAT_DATE, compute_features, parse_compat_date
from isolet.config.devvars import load_dev_vars
from isolet.config.schema import (
    MODULE_RULE_TYPES,
    ConfigOverrides,
    D1DatabaseBinding,
    DevSettings,
    KVNamespaceBinding,
    Limits,
    ModuleRule,
    ModuleRuleType,
    R2BucketBinding,
    WorkerConfig,
)
from isolet.errors import ConfigError

logger = logging.getLogger("isolet.config")

# wrangler's key sets (workers-utils config/environment.ts and config.ts).
INHERITABLE_KEYS: frozenset[str] = frozenset(
    "name account_id compatibility_date compatibility_flags main find_additional_modules preserve_file_names "
    "base_dir workers_dev preview_urls routes route tsconfig jsx_factory jsx_fragment migrations exports triggers "
    "limits rules build no_bundle minify keep_names first_party_worker logfwdr logpush upload_source_maps "
    "placement assets observability access cache compliance_region python_modules previews".split()
)
NON_INHERITABLE_KEYS: frozenset[str] = frozenset(
    "define vars secrets durable_objects workflows cloudchamber containers kv_namespaces send_email queues "
    "connect r2_buckets d1_databases vectorize ai_search_namespaces ai_search agent_memory websearch hyperdrive "
    "services analytics_engine_datasets browser ai images media stream version_metadata unsafe "
    "mtls_certificates tail_consumers streaming_tail_consumers dispatch_namespaces pipelines "
    "secrets_store_secrets artifacts unsafe_hello_world flagship ratelimits worker_loaders vpc_services "
    "vpc_networks".split()
)
TOP_LEVEL_ONLY_KEYS: frozenset[str] = frozenset(
    "send_metrics dependencies_instrumentation dev site wasm_modules text_blobs data_blobs alias keep_vars "
    "addresses pages_build_output_dir env $schema".split()
)
ENV_KEYS: frozenset[str] = INHERITABLE_KEYS | NON_INHERITABLE_KEYS
TOP_LEVEL_KEYS: frozenset[str] = ENV_KEYS | TOP_LEVEL_ONLY_KEYS

# Keys isolet reads. The other wrangler keys that change what a Worker sees at
# run time are accepted with a warning that isolet ignores them (for now).
_SUPPORTED_BINDINGS = frozenset({"vars", "kv_namespaces", "r2_buckets", "d1_databases"})
UNSUPPORTED_KEYS: frozenset[str] = (NON_INHERITABLE_KEYS - _SUPPORTED_BINDINGS) | {"assets", "migrations"}

_NAME_RE = re.compile(r"^$|^[a-z0-9_][a-z0-9_-]*$")  # wrangler `isValidName`
DEFAULT_NAME = "worker"  # wrangler dev runs a Worker without `name`; it needs one here

# Sub-keys wrangler knows per table; anything else is warned about.
_DEV_KEYS = frozenset(
    "ip port inspector_port inspector_ip local_protocol upstream_protocol host enable_containers "
    "container_engine generate_types cf".split()
)
_LIMITS_KEYS = frozenset({"cpu_ms", "subrequests"})
_TRIGGERS_KEYS = frozenset({"crons", "events"})
_RULE_KEYS = frozenset({"type", "globs", "fallthrough"})
_KV_KEYS = frozenset({"binding", "id", "preview_id", "remote"})
_R2_KEYS = frozenset({"binding", "bucket_name", "preview_bucket_name", "jurisdiction", "remote"})
_D1_KEYS = frozenset(
    "binding database_name database_id preview_database_id migrations_table migrations_dir "
    "migrations_pattern database_internal_env remote".split()
)


def build_config(
    raw: dict[str, Any],
    *,
    config_path: Path,
    env_name: str | None = None,
    cli_vars: dict[str, str] | None = None,
    overrides: ConfigOverrides | None = None,
) -> WorkerConfig:
    """Check `raw` (from `load_raw(config_path)`) and build the config for `env_name`.

    `cli_vars` (`--var KEY:VALUE`) win over `vars`; `overrides` (other CLI
    flags) win over the file. Secrets are read from `.dev.vars[.<env>]` next to
    the config file. Raises ConfigError; warnings go to the `isolet.config` logger.
    """
    config_path = config_path.resolve()
    base_dir = config_path.parent
    ctx = _Ctx(str(config_path))
    ov = overrides or ConfigOverrides()

    top = _read_section(ctx, raw, prefix="", top_level=True)
    sec = top
    name: str | None = top["name"][0] if "name" in top else None
    if env_name is not None:
        sec, name = _select_env(ctx, raw, top, env_name)

    # main
    if ov.main is not None:
        main = Path(ov.main).resolve()
        main_key = "main"
    elif "main" in sec:
        main_rel, main_key = sec["main"]
        main = (base_dir / main_rel).resolve()
    else:
        ctx.fail("main", "required: the Worker's entry module (a path relative to this file)")
    if not main.is_file():
        ctx.fail(main_key, f"the Worker's entry module {str(main)!r} does not exist")

    # compatibility date and flags
    if ov.compatibility_date is not None:
        date, date_key = ov.compatibility_date, "compatibility_date"
        ctx.check_date(date, date_key)
    elif "compatibility_date" in sec:
        date, date_key = sec["compatibility_date"]
    else:
        date, date_key = SUPPORTED_COMPAT_DATE, "compatibility_date"
        ctx.warn(
            f"No compatibility_date was specified. Using the default compatibility date: {SUPPORTED_COMPAT_DATE}."
        )
    if date > SUPPORTED_COMPAT_DATE:
        ctx.fail(
            date_key,
            f'this Worker requires compatibility date "{date}", but the newest date supported by '
            f'isolet is "{SUPPORTED_COMPAT_DATE}"',
        )
    if ov.compatibility_flags is not None:
        flags, flags_key = ov.compatibility_flags, "compatibility_flags"
    else:
        flags, flags_key = sec.get("compatibility_flags", ((), "compatibility_flags"))
    features = compute_features(date, flags, file=ctx.file, key=flags_key, allow_experimental=ov.experimental)

    vars_: dict[str, Any] = dict(sec["vars"][0]) if "vars" in sec else {}
    vars_.update(cli_vars or {})

    dev: DevSettings = top.get("dev", (DevSettings(), "dev"))[0]
    if ov.ip is not None or ov.port is not None:
        dev = DevSettings(
            ip=ov.ip if ov.ip is not None else dev.ip,
            port=ov.port if ov.port is not None else dev.port,
            cf=dev.cf,
        )

    kv: tuple[KVNamespaceBinding, ...] = sec.get("kv_namespaces", ((), ""))[0]
    r2: tuple[R2BucketBinding, ...] = sec.get("r2_buckets", ((), ""))[0]
    d1: tuple[D1DatabaseBinding, ...] = sec.get("d1_databases", ((), ""))[0]
    _check_unique_bindings(ctx, sec, vars_)

    return WorkerConfig(
        config_path=config_path,
        base_dir=base_dir,
        name=name if name is not None else DEFAULT_NAME,
        main=main,
        compatibility_date=date,
        compatibility_flags=tuple(flags),
        vars=vars_,
        secrets=load_dev_vars(base_dir, env_name),
        limits=sec.get("limits", (Limits(), ""))[0],
        dev=dev,
        features=features,
        rules=sec.get("rules", ((), ""))[0],
        kv_namespaces=kv,
        r2_buckets=r2,
        d1_databases=d1,
        triggers_crons=sec.get("triggers", ((), ""))[0],
        env_name=env_name,
    )


# A section maps each key it sets to (checked value, dotted key it came from),
# so that later errors (a missing entry module, a clash) name the right key.
_Section = dict[str, tuple[Any, str]]


def _select_env(ctx: _Ctx, raw: dict[str, Any], top: _Section, env_name: str) -> tuple[_Section, str | None]:
    """The effective section for `env_name` and the Worker's name in it."""
    envs = raw.get("env", {})
    if not isinstance(envs, dict):
        ctx.fail("env", f"expected a table of environments, got {_type_name(envs)}")
    top_name: str | None = top["name"][0] if "name" in top else None
    suffixed = f"{top_name}-{env_name}" if top_name else None
    if env_name not in envs:
        if envs:
            defined = ", ".join(f'"{n}"' for n in envs)
            ctx.fail(f"env.{env_name}", f'no environment named "{env_name}"; this file defines {defined}')
        ctx.warn(
            f'No environment found in configuration with name "{env_name}"; using the top-level configuration.'
        )
        return top, suffixed
    prefix = f"env.{env_name}"
    raw_env = envs[env_name]
    if not isinstance(raw_env, dict):
        ctx.fail(prefix, f"expected a table, got {_type_name(raw_env)}")
    own = _read_section(ctx, raw_env, prefix=prefix + ".", top_level=False)

    merged: _Section = {}
    for key in INHERITABLE_KEYS:
        if key in own:
            merged[key] = own[key]
        elif key in top:
            merged[key] = top[key]
    for key in NON_INHERITABLE_KEYS:
        if key in own:
            merged[key] = own[key]
        elif key in raw:
            ctx.warn(
                f'"{key}" exists at the top level, but not on "{prefix}". It is not inherited by '
                f'environments, so "{prefix}" has none; add "{key}" to "{prefix}" if it needs one.'
            )
    name = own["name"][0] if "name" in own else suffixed
    return merged, name


def _read_section(ctx: _Ctx, raw: dict[str, Any], *, prefix: str, top_level: bool) -> _Section:
    """Check the keys isolet reads in one section (top level or `env.NAME`)."""
    known = TOP_LEVEL_KEYS if top_level else ENV_KEYS
    where = "top-level" if top_level else f'"{prefix[:-1]}"'
    for key in raw:
        if key not in known:
            ctx.warn(f'Unexpected {where} field "{prefix}{key}"; ignored.')
        elif key in UNSUPPORTED_KEYS:
            ctx.warn(f'"{prefix}{key}" is not supported by isolet yet; ignored.')

    out: _Section = {}

    def put(key: str, value: Any) -> None:
        out[key] = (value, prefix + key)

    for key in raw:
        k = prefix + key
        value = raw[key]
        if key == "name":
            name = ctx.string(value, k)
            if not _NAME_RE.match(name):
                ctx.fail(k, f"expected lowercase letters, digits, '-' and '_' only, got {name!r}")
            put(key, name)
        elif key == "main":
            main = ctx.string(value, k)
            if not main:
                ctx.fail(k, "required: the Worker's entry module (a path relative to this file)")
            put(key, main)
        elif key == "compatibility_date":
            put(key, ctx.check_date(value, k))
        elif key == "compatibility_flags":
            put(key, ctx.string_array(value, k))
        elif key == "vars":
            put(key, _read_vars(ctx, value, k))
        elif key == "limits":
            put(key, _read_limits(ctx, value, k))
        elif key == "rules":
            put(key, _read_rules(ctx, value, k))
        elif key == "triggers":
            table = ctx.table(value, k, _TRIGGERS_KEYS)
            put(key, ctx.string_array(table["crons"], k + ".crons") if "crons" in table else ())
        elif key == "kv_namespaces":
            put(key, _read_kv(ctx, value, k))
        elif key == "r2_buckets":
            put(key, _read_r2(ctx, value, k))
        elif key == "d1_databases":
            put(key, _read_d1(ctx, value, k))
        elif key == "dev" and top_level:
            put(key, _read_dev(ctx, value, k))
    return out


def _read_vars(ctx: _Ctx, value: Any, key: str) -> dict[str, Any]:
    table = ctx.table(value, key)
    for name, item in table.items():
        if not isinstance(item, str) and not _is_json(item):
            ctx.fail(f"{key}.{name}", f"expected a string or a JSON value, got {_type_name(item)}")
    return dict(table)


def _read_limits(ctx: _Ctx, value: Any, key: str) -> Limits:
    table = ctx.table(value, key, _LIMITS_KEYS)
    cpu_ms = ctx.integer(table["cpu_ms"], key + ".cpu_ms", minimum=1) if "cpu_ms" in table else None
    subrequests = (
        ctx.integer(table["subrequests"], key + ".subrequests", minimum=1) if "subrequests" in table else None
    )
    return Limits(cpu_ms=cpu_ms if cpu_ms is not None else Limits().cpu_ms, subrequests=subrequests)


def _read_dev(ctx: _Ctx, value: Any, key: str) -> DevSettings:
    table = ctx.table(value, key, _DEV_KEYS)
    default = DevSettings()
    ip = ctx.string(table["ip"], key + ".ip") if "ip" in table else default.ip
    if not ip:
        ctx.fail(key + ".ip", "expected an address to listen on, got an empty string")
    port = ctx.integer(table["port"], key + ".port", minimum=0, maximum=65535) if "port" in table else default.port
    cf = dict(ctx.table(table["cf"], key + ".cf")) if "cf" in table else {}
    return DevSettings(ip=ip, port=port, cf=cf)


def _read_rules(ctx: _Ctx, value: Any, key: str) -> tuple[ModuleRule, ...]:
    rules = []
    for i, item in enumerate(ctx.array(value, key)):
        k = f"{key}[{i}]"
        table = ctx.table(item, k, _RULE_KEYS)
        if "type" not in table:
            ctx.fail(k + ".type", "required: the module type the globs load as")
        rule_type = ctx.string(table["type"], k + ".type")
        if rule_type not in MODULE_RULE_TYPES:
            allowed = ", ".join(f'"{t}"' for t in MODULE_RULE_TYPES)
            ctx.fail(k + ".type", f"expected one of {allowed}, got {rule_type!r}")
        if "globs" not in table:
            ctx.fail(k + ".globs", "required: an array of glob patterns")
        globs = ctx.string_array(table["globs"], k + ".globs")
        fallthrough = ctx.boolean(table["fallthrough"], k + ".fallthrough") if "fallthrough" in table else False
        checked_type: ModuleRuleType = rule_type  # narrowed by the membership check above
        rules.append(ModuleRule(type=checked_type, globs=globs, fallthrough=fallthrough))
    return tuple(rules)


def _binding_entries(ctx: _Ctx, value: Any, key: str, allowed: frozenset[str]) -> list[tuple[str, dict[str, Any]]]:
    """(dotted key, table) per entry of a binding array; each has a non-empty string `binding`."""
    entries = []
    for i, item in enumerate(ctx.array(value, key)):
        k = f"{key}[{i}]"
        table = ctx.table(item, k, allowed)
        if "binding" not in table:
            ctx.fail(k + ".binding", "required: the name the binding has on `env`")
        if not ctx.string(table["binding"], k + ".binding"):
            ctx.fail(k + ".binding", "expected a non-empty string")
        entries.append((k, table))
    return entries


def _read_kv(ctx: _Ctx, value: Any, key: str) -> tuple[KVNamespaceBinding, ...]:
    return tuple(
        KVNamespaceBinding(
            binding=t["binding"],
            id=ctx.optional_string(t, "id", k),
            preview_id=ctx.optional_string(t, "preview_id", k),
        )
        for k, t in _binding_entries(ctx, value, key, _KV_KEYS)
    )


def _read_r2(ctx: _Ctx, value: Any, key: str) -> tuple[R2BucketBinding, ...]:
    return tuple(
        R2BucketBinding(binding=t["binding"], bucket_name=ctx.optional_string(t, "bucket_name", k))
        for k, t in _binding_entries(ctx, value, key, _R2_KEYS)
    )


def _read_d1(ctx: _Ctx, value: Any, key: str) -> tuple[D1DatabaseBinding, ...]:
    return tuple(
        D1DatabaseBinding(
            binding=t["binding"],
            database_name=ctx.optional_string(t, "database_name", k),
            database_id=ctx.optional_string(t, "database_id", k),
        )
        for k, t in _binding_entries(ctx, value, key, _D1_KEYS)
    )


def _check_unique_bindings(ctx: _Ctx, sec: _Section, vars_: dict[str, Any]) -> None:
    """Two bindings may not share a name on `env` (wrangler rejects that too)."""
    owner: dict[str, str] = {}
    if "vars" in sec:
        for name in vars_:
            owner[name] = f"{sec['vars'][1]}.{name}"
    for kind in ("kv_namespaces", "r2_buckets", "d1_databases"):
        if kind not in sec:
            continue
        entries, key = sec[kind]
        for i, entry in enumerate(entries):
            k = f"{key}[{i}].binding"
            if entry.binding in owner:
                ctx.fail(k, f'binding name "{entry.binding}" is already used by {owner[entry.binding]}')
            owner[entry.binding] = k


@dataclass
class _Ctx:
    """The file being checked, with the typed getters that raise ConfigError naming it."""

    file: str
    warnings: list[str] = field(default_factory=list)

    def fail(self, key: str | None, reason: str) -> NoReturn:
        raise ConfigError(self.file, key, reason)

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        logger.warning("%s: %s", self.file, message)

    def string(self, value: Any, key: str) -> str:
        if not isinstance(value, str):
            self.fail(key, f"expected a string, got {_type_name(value)}")
        return value

    def optional_string(self, table: dict[str, Any], name: str, key: str) -> str | None:
        if name not in table:
            return None
        value = self.string(table[name], f"{key}.{name}")
        if not value:
            self.fail(f"{key}.{name}", "expected a non-empty string")
        return value

    def boolean(self, value: Any, key: str) -> bool:
        if not isinstance(value, bool):
            self.fail(key, f"expected a boolean, got {_type_name(value)}")
        return value

    def integer(self, value: Any, key: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
        # JSON has one number type: 5.0 is accepted as 5, 5.5 is not.
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, f"expected an integer, got {_type_name(value)}")
        if minimum is not None and value < minimum:
            self.fail(key, f"expected an integer >= {minimum}, got {value}")
        if maximum is not None and value > maximum:
            self.fail(key, f"expected an integer <= {maximum}, got {value}")
        return value

    def array(self, value: Any, key: str) -> list[Any]:
        if not isinstance(value, list):
            self.fail(key, f"expected an array, got {_type_name(value)}")
        return value

    def string_array(self, value: Any, key: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.fail(key, f"expected an array of strings, got {_type_name(value)}")
        return tuple(self.string(item, f"{key}[{i}]") for i, item in enumerate(value))

    def table(self, value: Any, key: str, known: frozenset[str] | None = None) -> dict[str, Any]:
        """`value` as a table; with `known`, warn about sub-keys outside it."""
        if not isinstance(value, dict):
            self.fail(key, f"expected a table, got {_type_name(value)}")
        if known is not None:
            for sub in value:
                if sub not in known:
                    self.warn(f'Unexpected field "{key}.{sub}"; ignored.')
        return value

    def check_date(self, value: Any, key: str) -> str:
        date = self.string(value, key)
        if parse_compat_date(date) is None:
            self.fail(key, f"expected a valid date as YYYY-MM-DD (from 2000-01-01), got {date!r}")
        return date


def _type_name(value: Any) -> str:
    """The config-language name of a value's type, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "table"
    if isinstance(value, datetime.date | datetime.time):
        return "date/time"
    return type(value).__name__


def _is_json(value: Any) -> bool:
    """Whether `value` can be handed to JavaScript as JSON (TOML dates cannot)."""
    if value is None or isinstance(value, str | bool | int):
        return True
    if isinstance(value, float):
        return value == value and value not in (float("inf"), float("-inf"))
    if isinstance(value, list):
        return all(_is_json(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_json(v) for k, v in value.items())
    return False
