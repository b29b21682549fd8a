from __future__ import annotations

import pytest

from isolet.config.compat import FLAGS, KNOWN_FLAGS, SUPPORTED_COMPAT_DATE, compute_features, parse_compat_date
from isolet.errors import ConfigError


def test_table_knows_enable_and_disable_names_from_workerd() -> None:
    for name in ("nodejs_compat", "nodejs_compat_v2", "no_nodejs_compat_v2", "formdata_parser_supports_files",
                 "formdata_parser_converts_files_to_strings", "streams_enable_constructors", "url_standard"):
        assert name in KNOWN_FLAGS
    assert len(FLAGS) > 150


def test_table_rows_are_consistent() -> None:
    enables = [row.enable for row in FLAGS]
    disables = [row.disable for row in FLAGS if row.disable]
    assert len(set(enables)) == len(enables)
    assert len(set(disables)) == len(disables)
    assert not set(enables) & set(disables)
    for row in FLAGS:
        assert row.what
        if row.date is not None:
            assert parse_compat_date(row.date) is not None
        for name in row.implied_by:
            assert name in enables
            assert row.implied_after is not None


def test_flag_turns_on_at_its_enable_date() -> None:
    before = compute_features("2021-11-02", [], file="f")
    on_date = compute_features("2021-11-03", [], file="f")
    assert not before.enabled("formdata_parser_supports_files")
    assert on_date.enabled("formdata_parser_supports_files")


def test_enable_flag_turns_behaviour_on_before_its_date() -> None:
    features = compute_features("2021-01-01", ["formdata_parser_supports_files"], file="f")
    assert features.enabled("formdata_parser_supports_files")


def test_disable_flag_keeps_behaviour_off_after_its_date() -> None:
    features = compute_features("2024-01-01", ["formdata_parser_converts_files_to_strings"], file="f")
    assert not features.enabled("formdata_parser_supports_files")


def test_flag_only_behaviour_is_off_without_its_flag() -> None:
    assert not compute_features(SUPPORTED_COMPAT_DATE, [], file="f").enabled("nodejs_compat")
    assert compute_features(SUPPORTED_COMPAT_DATE, ["nodejs_compat"], file="f").enabled("nodejs_compat")


def test_nodejs_compat_implies_v2_from_2024_09_23() -> None:
    assert not compute_features("2024-09-22", ["nodejs_compat"], file="f").enabled("nodejs_compat_v2")
    assert compute_features("2024-09-23", ["nodejs_compat"], file="f").enabled("nodejs_compat_v2")
    assert compute_features("2024-01-01", ["nodejs_compat_v2"], file="f").enabled("nodejs_compat_v2")


def test_disable_flag_blocks_an_implied_behaviour() -> None:
    features = compute_features("2024-09-23", ["nodejs_compat", "no_nodejs_compat_v2"], file="f")
    assert features.enabled("nodejs_compat")
    assert not features.enabled("nodejs_compat_v2")


def test_unknown_flag_is_an_error_naming_the_flag() -> None:
    with pytest.raises(ConfigError) as info:
        compute_features(
            "2024-01-01", ["nodejs_compat", "no_such_flag"], file="w.toml", key="env.a.compatibility_flags"
        )
    assert str(info.value) == "w.toml: env.a.compatibility_flags: No such compatibility flag: no_such_flag"


def test_flag_with_its_own_disable_flag_is_an_error() -> None:
    with pytest.raises(ConfigError, match="mutually contradictory: nodejs_compat vs no_nodejs_compat"):
        compute_features("2024-01-01", ["nodejs_compat", "no_nodejs_compat"], file="f")


def test_flag_given_twice_is_an_error() -> None:
    with pytest.raises(ConfigError, match="specified multiple times: nodejs_compat"):
        compute_features("2024-01-01", ["nodejs_compat", "nodejs_compat"], file="f")


def test_enable_flag_already_implied_by_the_date_is_an_error_as_in_workerd() -> None:
    with pytest.raises(ConfigError, match="became the default as of 2021-11-03"):
        compute_features("2022-01-01", ["formdata_parser_supports_files"], file="f")


def test_experimental_flag_needs_explicit_permission() -> None:
    experimental = next(row for row in FLAGS if row.experimental and row.date is None)
    with pytest.raises(ConfigError, match="is experimental"):
        compute_features("2024-01-01", [experimental.enable], file="f")
    features = compute_features("2024-01-01", [experimental.enable], file="f", allow_experimental=True)
    assert features.enabled(experimental.enable)


def test_features_report_the_set_of_enabled_names() -> None:
    features = compute_features("2021-11-10", ["nodejs_compat"], file="f")
    assert {"nodejs_compat", "formdata_parser_supports_files", "fetch_refuses_unknown_protocols"} <= (
        features.enabled_names
    )
    assert features.compatibility_flags == ("nodejs_compat",)


def test_asking_for_an_unknown_behaviour_name_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        compute_features("2024-01-01", [], file="f").enabled("nodejs_compatt")


@pytest.mark.parametrize("text", ["2024-1-01", "2024-02-30", "24-01-01", "1999-12-31", "2024/01/01", "today"])
def test_parse_compat_date_rejects_malformed_dates(text: str) -> None:
    assert parse_compat_date(text) is None


def test_parse_compat_date_accepts_a_calendar_date() -> None:
    assert parse_compat_date("2024-02-29") is not None
