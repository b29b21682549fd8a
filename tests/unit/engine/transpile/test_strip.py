"""strip_js: comments and indentation out, every line break and token kept (engine/transpile/strip.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from isolet.engine.transpile import _parser
from isolet.engine.transpile.strip import strip_js

ROOT = Path(__file__).resolve().parents[4]
_WORD_RE = re.compile(r"[A-Za-z_$][\w$]*|\d+")


def _runtime_files() -> list[tuple[str, str]]:
    root = resources.files("isolet.runtime") / "js"
    names = sorted(p.name for p in root.iterdir() if p.name.endswith(".js") and p.name[:2].isdigit())
    return [(n, (root / n).read_text(encoding="utf-8")) for n in names]


def _words_stay_on_their_lines(before: str, after: str) -> None:
    """Each stripped line's words are, in order, a subsequence of the same line's words before."""
    old_lines, new_lines = before.split("\n"), after.split("\n")
    assert len(old_lines) == len(new_lines)
    for number, (old, new) in enumerate(zip(old_lines, new_lines, strict=True), 1):
        remaining = iter(_WORD_RE.findall(old))
        missing = [w for w in _WORD_RE.findall(new) if w not in remaining]
        assert not missing, f"line {number}: {missing} not from {old!r}"


def test_line_and_block_comments_are_removed() -> None:
    src = "// head\nlet a = 1; // tail\n/* block */ let b = 2;\n/** doc\n * more\n */\nf(a, b);\n"
    assert strip_js(src) == "\nlet a=1;\nlet b=2;\n\n\n\nf(a,b);\n"


def test_a_block_comment_spanning_lines_leaves_only_its_line_breaks() -> None:
    src = "x = 1 /* one\ntwo\nthree */ + 2;\n"
    assert strip_js(src) == "x=1\n\n+2;\n"


def test_line_count_and_the_line_of_every_word_are_kept() -> None:
    src = (
        "/* licence\n   text */\n"
        "function f(a, /* inline */ b) {\n"
        "    // explain\n"
        "    return a +\n"
        "        b; /* trailing\n   comment */ const c = 3;\n"
        "}\n"
    )
    out = strip_js(src)
    assert out.count("\n") == src.count("\n")
    _words_stay_on_their_lines(src, out)
    assert out.split("\n")[5] == "b;"
    assert out.split("\n")[6] == "const c=3;"


def test_indentation_and_trailing_whitespace_are_removed() -> None:
    src = "if (x) {\n\t  y();   \n    z();\t\n}\n"
    assert strip_js(src) == "if(x){\ny();\nz();\n}\n"


def test_strings_templates_and_regexes_holding_comment_markers_are_untouched() -> None:
    src = (
        'const s = "a // not a comment /* nor this */";\n'
        "const t = 'x  /*  y  */  z';\n"
        "const u = `  // ${ a /* gone */ }  /* kept */  `;\n"
        "const r = /\\/\\/ +[/*]  x/g;\n"
    )
    out = strip_js(src)
    assert '"a // not a comment /* nor this */"' in out
    assert "'x  /*  y  */  z'" in out
    assert "`  // ${a}  /* kept */  `" in out
    assert "/\\/\\/ +[/*]  x/g" in out
    assert "gone" not in out


def test_a_multi_line_template_keeps_the_indentation_and_trailing_spaces_of_its_text() -> None:
    src = "function f() {\n    return `line one   \n        line two ${\n        x\n    }\n    end`;\n}\n"
    assert strip_js(src) == "function f(){\nreturn`line one   \n        line two ${\nx\n}\n    end`;\n}\n"


def test_a_string_continued_on_the_next_line_keeps_that_lines_indentation() -> None:
    src = "const s = 'one \\\n    two';\n"
    assert strip_js(src) == "const s='one \\\n    two';\n"


def test_a_comment_between_two_tokens_leaves_a_separator() -> None:
    assert strip_js("var/**/b") == "var b"
    assert strip_js("a/**/in b") == "a in b"
    assert strip_js("typeof/**/x") == "typeof x"
    assert strip_js("x = a/**/+/**/+b;") == "x=a+ +b;"


def test_a_comment_holding_a_line_break_between_statements_keeps_it() -> None:
    assert strip_js("a = b; /*\n*/ c()") == "a=b;\nc()"
    assert strip_js("let a = b\n/* c\n */ c()") == "let a=b\n\nc()"
    assert strip_js("return/* x\n */1") == "return\n1"


def test_statements_split_only_by_a_comment_holding_a_line_break_are_left_alone() -> None:
    # valid JavaScript (the comment counts as a line break), but tree-sitter reads an error: unchanged
    assert strip_js("a = b/*\n*/c()") == "a = b/*\n*/c()"


def test_spaces_stay_where_tokens_would_join() -> None:
    src = "x = a + +b - -c; y = 1 .toString(); z = d ? .5 : e; w = /re/ instanceof R; v = n / /r/.x;"
    assert strip_js(src) == "x=a+ +b- -c;y=1 .toString();z=d? .5:e;w= /re/ instanceof R;v=n/ /r/.x;"


def test_the_hashbang_line_stays() -> None:
    assert strip_js("#!/usr/bin/env node\n  // c\n  run();\n") == "#!/usr/bin/env node\n\nrun();\n"


@pytest.mark.parametrize("src", ["let x = ;\n// c\n", "f(a /* c */\n", "if (a) { // c\n", "x = `a ${ // c\n"])
def test_source_that_does_not_parse_cleanly_is_returned_unchanged(src: str) -> None:
    assert strip_js(src) == src


@pytest.mark.parametrize("src", ["<!-- x\ny();\n", "x = 1;\n<!-- old\ny();\n", "x = 1\n--> c\n"])
def test_source_with_an_html_like_comment_is_returned_unchanged(src: str) -> None:
    assert strip_js(src) == src


def test_every_runtime_file_strips_to_the_same_lines_and_still_parses_and_shrinks_by_a_quarter() -> None:
    before = after = 0
    for name, src in _runtime_files():
        out = strip_js(src)
        assert out.count("\n") == src.count("\n"), name
        assert not _parser.parse(out.encode(), False).root_node.has_error, name
        _words_stay_on_their_lines(src, out)
        before += len(src.encode())
        after += len(out.encode())
    assert after <= 0.75 * before, (before, after)


def _tokens(src: str) -> list[tuple[str, bytes, int]]:
    out: list[tuple[str, bytes, int]] = []
    stack = [_parser.parse(src.encode(), False).root_node]
    while stack:
        node = stack.pop()
        if node.type in ("comment", "html_comment"):
            continue
        if node.child_count == 0:
            out.append((node.type, node.text or b"", node.start_point.row))
        stack.extend(reversed(node.children))
    return out


def test_every_runtime_file_keeps_each_token_its_text_and_its_line() -> None:
    for name, src in _runtime_files():
        assert _tokens(strip_js(src)) == _tokens(src), name


def test_a_process_with_the_snapshot_cached_on_disk_does_not_load_tree_sitter(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from isolet.engine.snapshot import build_snapshot\n"
        "build_snapshot()\n"
        "print('tree_sitter' in sys.modules)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "ISOLET_SNAPSHOT_CACHE": "1"}

    def run() -> str:
        return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                              check=True, timeout=120).stdout.strip()

    assert run() == "True"  # built: stripped with tree-sitter
    assert run() == "False"  # read back from the disk cache
