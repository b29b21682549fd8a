from __future__ import annotations

from pathlib import Path

from isolet.config.devvars import dev_vars_path, load_dev_vars, parse_dev_vars


def test_parses_key_value_lines_comments_and_export_prefix() -> None:
    text = "# a comment\nexport A=1\nB = two words  # trailing comment\n\nC: colon form\nD=\nE=x=y\n"
    assert parse_dev_vars(text) == {"A": "1", "B": "two words", "C": "colon form", "D": "", "E": "x=y"}


def test_quoted_values_keep_hashes_and_only_double_quotes_expand_newlines() -> None:
    text = "S='a # b \\n'\nD=\"line1\\nline2\"\nB=`back # tick`\n"
    assert parse_dev_vars(text) == {"S": "a # b \\n", "D": "line1\nline2", "B": "back # tick"}


def test_quoted_values_may_span_lines() -> None:
    assert parse_dev_vars('KEY="-----BEGIN-----\nabc\n-----END-----"\nNEXT=1\n') == {
        "KEY": "-----BEGIN-----\nabc\n-----END-----",
        "NEXT": "1",
    }


def test_crlf_line_endings_and_later_duplicates_win() -> None:
    assert parse_dev_vars("A=1\r\nA=2\r\n") == {"A": "2"}


def test_lines_that_are_not_assignments_are_skipped() -> None:
    assert parse_dev_vars("just words\nA=1\n") == {"A": "1"}


def test_env_specific_file_takes_precedence_and_is_not_merged(tmp_path: Path) -> None:
    (tmp_path / ".dev.vars").write_text("A=base\nB=base\n")
    (tmp_path / ".dev.vars.staging").write_text("A=staging\n")
    assert load_dev_vars(tmp_path, "staging") == {"A": "staging"}
    assert load_dev_vars(tmp_path, None) == {"A": "base", "B": "base"}


def test_falls_back_to_dev_vars_when_env_file_is_absent(tmp_path: Path) -> None:
    (tmp_path / ".dev.vars").write_text("A=base\n")
    assert dev_vars_path(tmp_path, "production") == tmp_path / ".dev.vars"
    assert load_dev_vars(tmp_path, "production") == {"A": "base"}


def test_no_dev_vars_file_means_no_secrets(tmp_path: Path) -> None:
    assert load_dev_vars(tmp_path, None) == {}
