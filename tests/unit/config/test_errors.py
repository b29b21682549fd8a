from __future__ import annotations

from isolet.errors import ConfigError, IsoletError


def test_config_error_is_one_line_with_file_key_and_reason() -> None:
    error = ConfigError("/p/wrangler.toml", "limits.cpu_ms", "expected an integer, got string")
    assert str(error) == "/p/wrangler.toml: limits.cpu_ms: expected an integer, got string"
    assert isinstance(error, IsoletError)
    assert (error.file, error.key) == ("/p/wrangler.toml", "limits.cpu_ms")
    assert error.reason == "expected an integer, got string"


def test_config_error_without_key_names_only_the_file() -> None:
    assert str(ConfigError("/p/wrangler.json", None, "the top level must be an object")) == (
        "/p/wrangler.json: the top level must be an object"
    )


def test_config_error_folds_a_multi_line_reason_onto_one_line() -> None:
    assert "\n" not in str(ConfigError("f", "k", "first\nsecond"))
