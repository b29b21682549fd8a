from __future__ import annotations

from pathlib import Path

import pytest

from isolet.config.load import find_config, load_raw, strip_jsonc
from isolet.errors import ConfigError


def test_find_config_prefers_json_then_jsonc_then_toml(tmp_path: Path) -> None:
    for name in ("wrangler.toml", "wrangler.jsonc", "wrangler.json"):
        (tmp_path / name).write_text("{}")
    assert find_config(tmp_path) == (tmp_path / "wrangler.json").resolve()
    (tmp_path / "wrangler.json").unlink()
    assert find_config(tmp_path) == (tmp_path / "wrangler.jsonc").resolve()
    (tmp_path / "wrangler.jsonc").unlink()
    assert find_config(tmp_path) == (tmp_path / "wrangler.toml").resolve()


def test_find_config_searches_parent_folders(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text("")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == (tmp_path / "wrangler.toml").resolve()


def test_find_config_checks_each_name_in_all_parents_before_the_next_name(tmp_path: Path) -> None:
    # wrangler's order: a wrangler.json anywhere up the tree beats a wrangler.toml in cwd.
    (tmp_path / "wrangler.json").write_text("{}")
    child = tmp_path / "child"
    child.mkdir()
    (child / "wrangler.toml").write_text("")
    assert find_config(child) == (tmp_path / "wrangler.json").resolve()


def test_find_config_without_any_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        find_config(tmp_path)
    assert info.value.file == str(tmp_path)
    assert "wrangler.toml" in info.value.reason


def test_load_raw_reads_toml(tmp_path: Path) -> None:
    path = tmp_path / "wrangler.toml"
    path.write_text('name = "w"\n[vars]\nA = "1"\n[[kv_namespaces]]\nbinding = "KV"\n')
    assert load_raw(path) == {"name": "w", "vars": {"A": "1"}, "kv_namespaces": [{"binding": "KV"}]}


def test_load_raw_reads_json(tmp_path: Path) -> None:
    path = tmp_path / "wrangler.json"
    path.write_text('{"name": "w", "vars": {"A": {"nested": [1, 2]}}}')
    assert load_raw(path) == {"name": "w", "vars": {"A": {"nested": [1, 2]}}}


def test_load_raw_reads_jsonc_with_comments_and_trailing_commas(tmp_path: Path) -> None:
    path = tmp_path / "wrangler.jsonc"
    path.write_text(
        "// leading comment\n"
        "{\n"
        '  "name": "w", /* inline */\n'
        '  "compatibility_flags": ["nodejs_compat",],\n'
        "  /* a block\n     over lines */\n"
        '  "vars": { "A": "1", /* before brace */ },\n'
        "}\n"
    )
    assert load_raw(path) == {"name": "w", "compatibility_flags": ["nodejs_compat"], "vars": {"A": "1"}}


def test_jsonc_keeps_comment_markers_and_commas_inside_strings(tmp_path: Path) -> None:
    path = tmp_path / "wrangler.jsonc"
    path.write_text(
        '{"url": "https://example.com/a//b", "glob": "src/**/*.js", "c": "a,}", "q": "say \\"//hi\\"", } // end'
    )
    assert load_raw(path) == {"url": "https://example.com/a//b", "glob": "src/**/*.js", "c": "a,}", "q": 'say "//hi"'}


def test_wrangler_json_also_accepts_comments_like_wrangler(tmp_path: Path) -> None:
    path = tmp_path / "wrangler.json"
    path.write_text('{\n  // comment\n  "name": "w",\n}\n')
    assert load_raw(path) == {"name": "w"}


def test_strip_jsonc_keeps_line_and_column_positions() -> None:
    text = '{ /* c */ "a": 1, // x\n "b": [1,2,], }'
    stripped = strip_jsonc(text, file="f")
    assert len(stripped) == len(text)
    assert stripped.index('"b"') == text.index('"b"')


def test_invalid_json_names_the_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "wrangler.jsonc"
    path.write_text('{\n  "name": "w"\n  "main": "x.js"\n}\n')
    with pytest.raises(ConfigError) as info:
        load_raw(path)
    assert info.value.file == str(path)
    assert info.value.key is None
    assert "line 3, column 3" in info.value.reason


def test_unterminated_block_comment_names_where_it_starts(tmp_path: Path) -> None:
    path = tmp_path / "wrangler.jsonc"
    path.write_text('{\n "a": 1 /* never closed\n}')
    with pytest.raises(ConfigError, match="line 2, column 9: unterminated comment"):
        load_raw(path)


def test_invalid_toml_names_the_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "wrangler.toml"
    path.write_text('name = "w"\nmain = \n')
    with pytest.raises(ConfigError) as info:
        load_raw(path)
    assert str(info.value).startswith(f"{path}: invalid TOML:")
    assert "line 2" in info.value.reason


def test_json_top_level_that_is_not_an_object_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "wrangler.json"
    path.write_text("[1, 2]")
    with pytest.raises(ConfigError, match="top level must be an object"):
        load_raw(path)


def test_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_raw(tmp_path / "wrangler.toml")


def test_unsupported_config_suffix_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "wrangler.yaml"
    path.write_text("name: w")
    with pytest.raises(ConfigError, match="unsupported config file type"):
        load_raw(path)
