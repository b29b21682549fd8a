from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from isolet.config.compat import SUPPORTED_COMPAT_DATE
from isolet.config.load import load_raw
from isolet.config.schema import (
    ConfigOverrides,
    D1DatabaseBinding,
    KVNamespaceBinding,
    ModuleRule,
    R2BucketBinding,
    WorkerConfig,
)
from isolet.config.validate import build_config
from isolet.errors import ConfigError

WriteConfig = Callable[..., Path]

BASE = 'name = "app"\nmain = "src/index.js"\ncompatibility_date = "2024-09-23"\n'


def build(path: Path, env_name: str | None = None, **kwargs: object) -> WorkerConfig:
    return build_config(load_raw(path), config_path=path, env_name=env_name, **kwargs)  # type: ignore[arg-type]


def error(path: Path, env_name: str | None = None, **kwargs: object) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        build(path, env_name, **kwargs)
    assert info.value.file == str(path.resolve())
    return info.value


def test_full_toml_config_becomes_a_typed_worker_config(write_config: WriteConfig, project: Path) -> None:
    path = write_config(
        BASE
        + 'compatibility_flags = ["nodejs_compat"]\n'
        + "[vars]\nGREETING = \"hi\"\nJSON = { a = 1 }\n"
        + "[limits]\ncpu_ms = 50\n"
        + '[dev]\nip = "0.0.0.0"\nport = 9000\n[dev.cf]\ncountry = "DE"\n'
        + '[triggers]\ncrons = ["*/5 * * * *"]\n'
        + '[[rules]]\ntype = "Text"\nglobs = ["**/*.txt"]\nfallthrough = true\n'
        + '[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'
        + '[[r2_buckets]]\nbinding = "BUCKET"\nbucket_name = "b"\n'
        + '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\ndatabase_id = "x"\n'
    )
    config = build(path)
    assert config.config_path == path.resolve()
    assert config.base_dir == project.resolve()
    assert config.name == "app"
    assert config.main == (project / "src" / "index.js").resolve()
    assert config.main.is_absolute()
    assert config.compatibility_date == "2024-09-23"
    assert config.compatibility_flags == ("nodejs_compat",)
    assert config.features.enabled("nodejs_compat_v2")
    assert config.vars == {"GREETING": "hi", "JSON": {"a": 1}}
    assert config.limits.cpu_ms == 50
    assert (config.dev.ip, config.dev.port, config.dev.cf) == ("0.0.0.0", 9000, {"country": "DE"})
    assert config.triggers_crons == ("*/5 * * * *",)
    assert config.rules == (ModuleRule(type="Text", globs=("**/*.txt",), fallthrough=True),)
    assert config.kv_namespaces == (KVNamespaceBinding(binding="KV", id="abc"),)
    assert config.r2_buckets == (R2BucketBinding(binding="BUCKET", bucket_name="b"),)
    assert config.d1_databases == (D1DatabaseBinding(binding="DB", database_name="d", database_id="x"),)
    assert config.env_name is None


def test_defaults_when_optional_keys_are_absent(write_config: WriteConfig) -> None:
    config = build(write_config(BASE))
    assert config.limits.cpu_ms == 30_000
    assert (config.dev.ip, config.dev.port, config.dev.cf) == ("127.0.0.1", 8787, {})
    assert config.vars == {} and config.secrets == {}
    assert config.kv_namespaces == () and config.rules == () and config.triggers_crons == ()


def test_jsonc_config_builds_the_same_way(write_config: WriteConfig) -> None:
    path = write_config(
        '{\n  // the worker\n  "name": "app", "main": "src/index.js",\n  "compatibility_date": "2024-09-23",\n'
        '  "kv_namespaces": [{ "binding": "KV" },],\n}\n',
        "wrangler.jsonc",
    )
    assert build(path).kv_namespaces == (KVNamespaceBinding(binding="KV"),)


def test_config_is_frozen(write_config: WriteConfig) -> None:
    config = build(write_config(BASE))
    with pytest.raises(AttributeError):
        config.name = "other"  # type: ignore[misc]


def test_unknown_top_level_key_is_a_warning_not_an_error(
    write_config: WriteConfig, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="isolet.config"):
        config = build(write_config(BASE + 'colour = "blue"\n'))
    assert config.name == "app"
    assert any('"colour"' in r.getMessage() for r in caplog.records)


def test_unsupported_wrangler_key_is_a_warning(write_config: WriteConfig, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="isolet.config"):
        build(write_config(BASE + '[[queues.producers]]\nbinding = "Q"\nqueue = "q"\n'))
    assert any('"queues" is not supported' in r.getMessage() for r in caplog.records)


def test_missing_main_is_an_error_naming_the_key(write_config: WriteConfig) -> None:
    err = error(write_config('name = "app"\ncompatibility_date = "2024-01-01"\n'))
    assert err.key == "main"
    assert err.reason.startswith("required: the Worker's entry module")


def test_main_pointing_to_a_missing_file_is_an_error(write_config: WriteConfig) -> None:
    err = error(write_config('main = "src/nope.js"\ncompatibility_date = "2024-01-01"\n'))
    assert err.key == "main"
    assert "nope.js" in err.reason and "does not exist" in err.reason


@pytest.mark.parametrize(
    ("snippet", "key", "reason"),
    [
        ("name = 5\n", "name", "expected a string, got integer"),
        ('name = "My Worker"\n', "name", "lowercase"),
        ('compatibility_flags = "x"\n', "compatibility_flags", "expected an array of strings, got string"),
        ("compatibility_flags = [1]\n", "compatibility_flags[0]", "expected a string, got integer"),
        ('vars = "x"\n', "vars", "expected a table, got string"),
        ("[vars]\nWHEN = 2024-01-01\n", "vars.WHEN", "expected a string or a JSON value, got date/time"),
        ('[limits]\ncpu_ms = "fast"\n', "limits.cpu_ms", "expected an integer, got string"),
        ("[limits]\ncpu_ms = 0\n", "limits.cpu_ms", "expected an integer >= 1, got 0"),
        ("[limits]\ncpu_ms = true\n", "limits.cpu_ms", "expected an integer, got boolean"),
        ("[dev]\nport = 70000\n", "dev.port", "expected an integer <= 65535, got 70000"),
        ("[dev]\ncf = 1\n", "dev.cf", "expected a table, got integer"),
        ("[triggers]\ncrons = [1]\n", "triggers.crons[0]", "expected a string, got integer"),
        ('[[rules]]\ntype = "Yaml"\nglobs = ["*.y"]\n', "rules[0].type", 'expected one of "ESModule"'),
        ('[[rules]]\ntype = "Text"\n', "rules[0].globs", "required"),
        ('[[rules]]\ntype = "Text"\nglobs = ["*"]\nfallthrough = 1\n', "rules[0].fallthrough", "expected a boolean"),
        ("kv_namespaces = {}\n", "kv_namespaces", "expected an array, got table"),
        ("kv_namespaces = [1]\n", "kv_namespaces[0]", "expected a table, got integer"),
        ('[[kv_namespaces]]\nid = "x"\n', "kv_namespaces[0].binding", "required"),
        ("[[kv_namespaces]]\nbinding = 1\n", "kv_namespaces[0].binding", "expected a string, got integer"),
        ('[[kv_namespaces]]\nbinding = "KV"\nid = ""\n', "kv_namespaces[0].id", "expected a non-empty string"),
        ('[[r2_buckets]]\nbinding = "B"\nbucket_name = 3\n', "r2_buckets[0].bucket_name", "expected a string"),
        ('[[d1_databases]]\nbinding = "D"\ndatabase_id = []\n', "d1_databases[0].database_id", "got array"),
        (
            '[vars]\nKV = "x"\n[[kv_namespaces]]\nbinding = "KV"\n',
            "kv_namespaces[0].binding",
            'binding name "KV" is already used by vars.KV',
        ),
    ],
)
def test_wrong_value_is_an_error_naming_file_key_and_reason(
    write_config: WriteConfig, snippet: str, key: str, reason: str
) -> None:
    path = write_config(BASE.replace('name = "app"\n', "") + snippet if snippet.startswith("name") else BASE + snippet)
    err = error(path)
    assert err.key == key
    assert reason in err.reason
    assert str(err) == f"{path.resolve()}: {key}: {err.reason}"


def test_wrong_type_inside_an_env_names_the_env_key(write_config: WriteConfig) -> None:
    err = error(write_config(BASE + "[env.staging]\nvars = 3\n"), "staging")
    assert err.key == "env.staging.vars"
    assert err.reason == "expected a table, got integer"


def test_missing_compatibility_date_uses_the_supported_date_and_warns(
    write_config: WriteConfig, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="isolet.config"):
        config = build(write_config('main = "src/index.js"\n'))
    assert config.compatibility_date == SUPPORTED_COMPAT_DATE
    assert any("No compatibility_date was specified" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("date", ["2024-13-01", "2024-02-30", "2024-1-1", "yesterday", "2024–01–01"])
def test_malformed_compatibility_date_is_an_error(write_config: WriteConfig, date: str) -> None:
    err = error(write_config(f'main = "src/index.js"\ncompatibility_date = "{date}"\n'))
    assert err.key == "compatibility_date"
    assert "YYYY-MM-DD" in err.reason


def test_compatibility_date_after_the_supported_date_is_an_error(write_config: WriteConfig) -> None:
    err = error(write_config('main = "src/index.js"\ncompatibility_date = "2099-01-01"\n'))
    assert err.key == "compatibility_date"
    assert "2099-01-01" in err.reason and SUPPORTED_COMPAT_DATE in err.reason


def test_unknown_compatibility_flag_is_an_error(write_config: WriteConfig) -> None:
    err = error(write_config(BASE + 'compatibility_flags = ["warp_speed"]\n'))
    assert (err.key, err.reason) == ("compatibility_flags", "No such compatibility flag: warp_speed")


def test_conflicting_compatibility_flags_are_an_error(write_config: WriteConfig) -> None:
    err = error(write_config(BASE + 'compatibility_flags = ["nodejs_compat", "no_nodejs_compat"]\n'))
    assert err.key == "compatibility_flags"
    assert "mutually contradictory" in err.reason


def test_compatibility_date_gates_features(write_config: WriteConfig) -> None:
    old = build(write_config(BASE.replace("2024-09-23", "2021-01-01")))
    assert not old.features.enabled("formdata_parser_supports_files")
    new = build(write_config(BASE))
    assert new.features.enabled("formdata_parser_supports_files")


ENVS = (
    BASE
    + 'compatibility_flags = ["nodejs_compat"]\n'
    + "[limits]\ncpu_ms = 100\n"
    + '[triggers]\ncrons = ["0 * * * *"]\n'
    + '[[rules]]\ntype = "Text"\nglobs = ["*.txt"]\n'
    + '[vars]\nLEVEL = "top"\n'
    + '[[kv_namespaces]]\nbinding = "KV"\nid = "top"\n'
    + '[[r2_buckets]]\nbinding = "B"\n'
    + "[env.staging]\n"
    + '[env.staging.vars]\nLEVEL = "staging"\n'
    + "[env.production]\n"
    + 'name = "prod-worker"\n'
    + 'compatibility_date = "2024-10-01"\n'
    + "[env.production.limits]\ncpu_ms = 5\n"
    + '[[env.production.kv_namespaces]]\nbinding = "KV"\nid = "prod"\n'
)


def test_env_inherits_inheritable_keys_and_suffixes_the_name(write_config: WriteConfig) -> None:
    config = build(write_config(ENVS), "staging")
    assert config.env_name == "staging"
    assert config.name == "app-staging"
    assert config.main.name == "index.js"
    assert config.compatibility_date == "2024-09-23"
    assert config.compatibility_flags == ("nodejs_compat",)
    assert config.limits.cpu_ms == 100
    assert config.triggers_crons == ("0 * * * *",)
    assert config.rules == (ModuleRule(type="Text", globs=("*.txt",)),)


def test_env_does_not_inherit_vars_or_bindings(write_config: WriteConfig, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="isolet.config"):
        config = build(write_config(ENVS), "staging")
    assert config.vars == {"LEVEL": "staging"}
    assert config.kv_namespaces == ()
    assert config.r2_buckets == ()
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert '"kv_namespaces" exists at the top level, but not on "env.staging"' in messages
    assert '"r2_buckets" exists at the top level' in messages


def test_env_values_override_top_level_ones(write_config: WriteConfig) -> None:
    config = build(write_config(ENVS), "production")
    assert config.name == "prod-worker"
    assert config.compatibility_date == "2024-10-01"
    assert config.limits.cpu_ms == 5
    assert config.kv_namespaces == (KVNamespaceBinding(binding="KV", id="prod"),)
    assert config.vars == {}


def test_top_level_is_used_without_env_name(write_config: WriteConfig) -> None:
    config = build(write_config(ENVS))
    assert config.name == "app"
    assert config.vars == {"LEVEL": "top"}
    assert config.kv_namespaces == (KVNamespaceBinding(binding="KV", id="top"),)


def test_unknown_env_name_is_an_error_naming_the_key(write_config: WriteConfig) -> None:
    err = error(write_config(ENVS), "qa")
    assert err.key == "env.qa"
    assert 'no environment named "qa"' in err.reason
    assert '"staging"' in err.reason and '"production"' in err.reason


def test_env_name_without_any_envs_warns_and_uses_top_level_like_wrangler(
    write_config: WriteConfig, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="isolet.config"):
        config = build(write_config(BASE + '[vars]\nA = "1"\n'), "qa")
    assert config.name == "app-qa"
    assert config.vars == {"A": "1"}
    assert any('No environment found in configuration with name "qa"' in r.getMessage() for r in caplog.records)


def test_env_section_that_is_not_a_table_is_an_error(write_config: WriteConfig) -> None:
    path = write_config('{"main": "src/index.js", "env": {"staging": 3}}', "wrangler.json")
    assert error(path, "staging").key == "env.staging"


def test_dev_is_top_level_only(write_config: WriteConfig, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="isolet.config"):
        config = build(write_config(BASE + "[dev]\nport = 1234\n[env.staging.dev]\nport = 9999\n"), "staging")
    assert config.dev.port == 1234
    assert any('"env.staging.dev"' in r.getMessage() for r in caplog.records)


def test_secrets_come_from_dev_vars_next_to_the_config(write_config: WriteConfig, project: Path) -> None:
    (project / ".dev.vars").write_text('API_KEY="s3cret"\n')
    (project / ".dev.vars.staging").write_text("API_KEY=staging-secret\n")
    path = write_config(ENVS)
    assert build(path).secrets == {"API_KEY": "s3cret"}
    assert build(path, "staging").secrets == {"API_KEY": "staging-secret"}
    assert build(path, "production").secrets == {"API_KEY": "s3cret"}


def test_cli_vars_override_config_vars(write_config: WriteConfig) -> None:
    config = build(write_config(BASE + '[vars]\nA = "file"\nB = "file"\n'), cli_vars={"A": "cli", "C": "new"})
    assert config.vars == {"A": "cli", "B": "file", "C": "new"}


def test_overrides_win_over_the_file(write_config: WriteConfig, project: Path) -> None:
    other = project / "other.js"
    other.write_text("")
    overrides = ConfigOverrides(
        main=str(other), compatibility_date="2021-01-01", compatibility_flags=(), ip="::1", port=0
    )
    config = build(write_config(BASE + "[dev]\nport = 1234\n"), overrides=overrides)
    assert config.main == other.resolve()
    assert config.compatibility_date == "2021-01-01"
    assert (config.dev.ip, config.dev.port) == ("::1", 0)
