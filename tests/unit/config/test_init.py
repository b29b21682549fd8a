from __future__ import annotations

from pathlib import Path

import pytest

from isolet.config import ConfigError, load_config, parse_var_flag

TOML = 'name = "app"\nmain = "src/index.js"\ncompatibility_date = "2024-09-23"\n[vars]\nA = "file"\n'


def test_load_config_finds_the_file_from_cwd(project: Path) -> None:
    (project / "wrangler.toml").write_text(TOML)
    config = load_config(None, cwd=project / "src", env_name=None, cli_vars={"A": "cli"})
    assert config.config_path == (project / "wrangler.toml").resolve()
    assert config.vars == {"A": "cli"}


def test_load_config_takes_an_explicit_path_relative_to_cwd(project: Path) -> None:
    (project / "custom.jsonc").write_text('{"main": "src/index.js", "compatibility_date": "2024-09-23", }')
    config = load_config(Path("custom.jsonc"), cwd=project, env_name=None, cli_vars={})
    assert config.config_path == (project / "custom.jsonc").resolve()
    assert config.name == "worker"


def test_load_config_reports_a_missing_explicit_file(project: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_config(Path("nope.toml"), cwd=project, env_name=None, cli_vars={})


def test_parse_var_flag_splits_at_the_first_colon() -> None:
    assert parse_var_flag("API_URL:https://example.com:8443/x") == ("API_URL", "https://example.com:8443/x")
    assert parse_var_flag("EMPTY:") == ("EMPTY", "")


def test_parse_var_flag_without_a_colon_is_an_error() -> None:
    with pytest.raises(ConfigError) as info:
        parse_var_flag("KEY=VALUE")
    assert str(info.value) == '--var: invalid value "KEY=VALUE": expected KEY:VALUE (e.g. --var HOST:example.com)'


def test_parse_var_flag_with_an_empty_name_is_an_error() -> None:
    with pytest.raises(ConfigError, match="empty"):
        parse_var_flag(":value")
