"""TypeScript/JSX -> JavaScript by editing the source text in place.

One walk over the tree-sitter tree collects edits ``(start_byte, end_byte,
text)``; the output is the source with the edits applied. Types are erased by
blanking them (every character becomes a space, line terminators stay), so
every remaining token keeps its line and column. Constructs with runtime
meaning are rewritten on their own lines: enums become the usual IIFE,
parameter properties become ``this.x = x;`` inserted on the constructor's
first line, JSX elements become calls with each child on its original line.

Where blanking would let JavaScript's automatic semicolon insertion read the
remaining tokens differently (the hazards ts-blank-space documents), a ``;``
takes the place of the first blanked character, or a parenthesis is moved.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

from tree_sitter import Node, Query, QueryCursor

from isolet.engine.transpile import _parser
from isolet.engine.transpile.errors import TranspileError
from isolet.engine.transpile.jsx import (
    apply_pragmas,
    clean_text,
    decode_entities,
    js_string,
    property_key,
    tag_is_string,
)
from isolet.engine.transpile.tsconfig import FileOptions, JsxOptions

Edit = tuple[int, int, str]

_LINE_BREAKS = "\n\r\u2028\u2029"
_BLANK_ASCII = str.maketrans({chr(i): " " for i in range(128) if chr(i) not in "\n\r"})
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
# Statements ending where an erased `as T` ends need an explicit `;` once `as T` is gone.
_ASI_STATEMENTS = frozenset({
    "expression_statement", "lexical_declaration", "variable_declaration", "return_statement",
    "throw_statement", "public_field_definition", "export_statement",
})
_TYPE_ONLY_DECLARATIONS = frozenset({
    "interface_declaration", "type_alias_declaration", "ambient_declaration", "function_signature",
})
_JSX_ELEMENTS = frozenset({"jsx_element", "jsx_self_closing_element"})
_JSX_CHILD_NODES = frozenset({"jsx_element", "jsx_self_closing_element", "jsx_expression"})
_RUNTIME_NAMES = {"jsx": "__jsx", "jsxs": "__jsxs", "jsxDEV": "__jsxDEV", "Fragment": "__Fragment",
                  "createElement": "__createElement"}


def _blank_non_ascii(match: re.Match[str]) -> str:
    c = match.group()
    return c if c in _LINE_BREAKS else ("  " if ord(c) > 0xFFFF else " ")


def blank(text: str) -> str:
    """Spaces for every character of ``text`` (two for characters outside the BMP, which are two
    UTF-16 units in a V8 column), keeping line terminators."""
    out = text.translate(_BLANK_ASCII)
    return out if out.isascii() else _NON_ASCII_RE.sub(_blank_non_ascii, out)


@dataclass
class _Out:
    """Generated text that inserts line breaks to put each piece on its original line."""

    row: int
    parts: list[str] = field(default_factory=list)

    def add(self, text: str, row: int | None = None, col: int = 0) -> None:
        if row is not None and row > self.row:
            self.parts.append("\n" * (row - self.row) + " " * col)
            self.row = row
        self.parts.append(text)
        self.row += text.count("\n")

    def finish(self, row: int) -> str:
        if row > self.row:
            self.parts.append("\n" * (row - self.row))
            self.row = row
        return "".join(self.parts)


@dataclass
class _Piece:
    """A rendered JSX prop value or child with the position of its first token."""

    text: str
    row: int
    col: int
    spread: bool = False


class Transform:
    """One file's transform: ``run()`` parses, walks once collecting edits, then applies them.

    ``refs`` gathers every identifier met outside erased text (value uses, declarations, JSX
    tags); after the walk, import bindings missing from it are elided as TypeScript does."""

    def __init__(self, path: str, source: bytes, *, typescript: bool, tsx: bool,
                 options: Callable[[], FileOptions]) -> None:
        self.path = path
        self.src = source
        self.typescript = typescript
        self.tsx = tsx
        self._options_source = options
        self._options: FileOptions | None = None
        self._jsx_options: JsxOptions | None = None
        self.ascii = source.isascii()
        self.edits: list[Edit] = []
        self.erased: list[tuple[int, int]] = []
        self.refs: set[bytes] = set()
        self.imports: list[Node] = []
        self.type_names: set[bytes] = set()
        self.local_exports: list[Node] = []
        self.runtime_imports: dict[str, set[str]] = {}
        self._line_starts: list[int] | None = None
        self._root: Node | None = None
        self._handlers: dict[str, Callable[[Node], None]] = {
            "identifier": self._identifier,
            "shorthand_property_identifier": self._identifier,
            "type_annotation": self._erase,
            "type_arguments": self._erase,
            "type_parameters": self._erase,
            "asserts_annotation": self._erase,
            "type_predicate_annotation": self._erase,
            "opting_type_annotation": self._erase,
            "omitting_type_annotation": self._erase,
            "adding_type_annotation": self._erase,
            "implements_clause": self._erase,
            "accessibility_modifier": self._erase,
            "override_modifier": self._erase,
            "interface_declaration": self._type_declaration,
            "type_alias_declaration": self._type_declaration,
            "ambient_declaration": self._erase_statement,
            "function_signature": self._erase_statement,
            "as_expression": self._as_expression,
            "satisfies_expression": self._as_expression,
            "non_null_expression": self._non_null,
            "type_assertion": self._type_assertion,
            "variable_declarator": self._variable_declarator,
            "arrow_function": self._arrow_function,
            "formal_parameters": self._formal_parameters,
            "class_declaration": self._class,
            "class": self._class,
            "abstract_class_declaration": self._class,
            "enum_declaration": self._enum,
            "expression_statement": self._expression_statement,
            "internal_module": self._namespace,
            "module": self._namespace,
            "import_statement": self._import,
            "import_alias": self._import_alias,
            "export_statement": self._export,
            "decorator": self._decorator,
            "jsx_element": self._jsx,
            "jsx_self_closing_element": self._jsx,
        }
        ids = _kind_ids(tsx)
        self._by_kind: dict[int, Callable[[Node], None]] = {
            kind: handler for name, handler in self._handlers.items() for kind in ids.get(name, ())
        }

    # -- driver -------------------------------------------------------------------------------

    def run(self) -> str:
        tree = _parser.parse(self.src, self.tsx)
        root = self._root = tree.root_node
        if root.has_error:
            # tree-sitter lags TypeScript in places (`interface I<in out T>`, `export type *`):
            # an error inside text that is erased anyway does no harm.
            try:
                self._visit(root)
            except TranspileError:
                raise
            except Exception:
                self._syntax_error(root, tolerate=False)
                raise
            self._syntax_error(root, tolerate=True)
        else:
            self._visit(root)
        if self.typescript:
            self._elide_type_exports()
            self._elide_imports()
        else:
            self._keep_local_exports()
        out = self._render(0, len(self.src), sorted(self.edits))
        return out + self._runtime_import_text(out)

    def _visit(self, root: Node) -> None:
        """Call the handler of every outermost node that has one; a handler visits what it keeps.

        A TreeCursor and integer kind ids make this loop about three times faster than
        walking ``named_children`` lists and comparing type names."""
        handlers = self._by_kind
        handler = handlers.get(root.kind_id)
        if handler is not None:
            handler(root)
            return
        cursor = root.walk()
        if not cursor.goto_first_child():
            return
        while True:
            node = cursor.node
            assert node is not None
            handler = handlers.get(node.kind_id)
            if handler is not None:
                handler(node)
            elif cursor.goto_first_child():
                continue
            while not cursor.goto_next_sibling():
                if not cursor.goto_parent():
                    return

    def _visit_all(self, nodes: list[Node]) -> None:
        for node in nodes:
            self._visit(node)

    def _render(self, start: int, end: int, edits: list[Edit]) -> str:
        src = self.src
        parts: list[str] = []
        pos = start
        for a, b, text in edits:
            if a < pos:
                raise AssertionError(f"overlapping edits at byte {a} in {self.path}")
            parts.append(src[pos:a].decode())
            parts.append(text)
            pos = b
        parts.append(src[pos:end].decode())
        return "".join(parts)

    def _collect(self, node: Node) -> list[Edit]:
        """Visit ``node`` and take back the edits made inside it, sorted."""
        mark = len(self.edits)
        self._visit(node)
        inner = sorted(self.edits[mark:])
        del self.edits[mark:]
        return inner

    def _render_node(self, node: Node) -> str:
        if node.child_count == 0:  # a leaf (`{title}`, `{1}`) needs no walk
            if node.type == "identifier":
                self.refs.add(self.src[node.start_byte:node.end_byte])
            return self.src[node.start_byte:node.end_byte].decode()
        return self._render(node.start_byte, node.end_byte, self._collect(node))

    # -- positions and errors -----------------------------------------------------------------

    def _col(self, byte: int, row_start_byte: int) -> int:
        if self.ascii:
            return byte - row_start_byte
        return len(self.src[row_start_byte:byte].decode("utf-8", "replace"))

    def _node_col(self, node: Node) -> int:
        return self._col(node.start_byte, node.start_byte - node.start_point.column)

    def error(self, node: Node, reason: str) -> TranspileError:
        return TranspileError(self.path, node.start_point.row + 1, self._node_col(node) + 1, reason)

    def _syntax_error(self, root: Node, tolerate: bool) -> None:
        erased = sorted(self.erased)
        for bad in _errors(root):
            if tolerate and any(a <= bad.start_byte and bad.end_byte <= b for a, b in erased):
                continue
            self._raise_syntax_error(bad)

    def _raise_syntax_error(self, bad: Node) -> None:
        if bad.is_missing:
            raise self.error(bad, f"syntax error: expected '{bad.type}'")
        snippet = self.src[bad.start_byte:bad.end_byte].decode("utf-8", "replace").strip().split("\n")[0]
        if not snippet:
            raise self.error(bad, "syntax error: unexpected end of input")
        if len(snippet) > 40:
            snippet = snippet[:40] + "..."
        raise self.error(bad, f"syntax error: unexpected '{snippet}'")

    # -- edit primitives ----------------------------------------------------------------------

    def _text(self, node: Node) -> str:
        return self.src[node.start_byte:node.end_byte].decode()

    def _blank_range(self, start: int, end: int, first: str = "") -> str:
        text = blank(self.src[start:end].decode())
        return first + text[len(first):] if first and text[:1] == " " else text

    def _erase_range(self, start: int, end: int, first: str = "") -> None:
        if start < end:
            self.edits.append((start, end, self._blank_range(start, end, first)))
            self.erased.append((start, end))

    def _erase(self, node: Node) -> None:
        self._erase_range(node.start_byte, node.end_byte)

    def _erase_statement(self, node: Node) -> None:
        """A whole statement goes; a `;` in its place keeps ASI from joining its neighbours."""
        self._erase_range(node.start_byte, node.end_byte, ";")

    def _erase_list_item(self, node: Node) -> None:
        """An import/export specifier with the comma after it."""
        end = node.end_byte
        after = node.next_sibling
        if after is not None and after.type == ",":
            end = after.end_byte
        self._erase_range(node.start_byte, end)

    # -- plain TypeScript erasure -------------------------------------------------------------

    def _identifier(self, node: Node) -> None:
        self.refs.add(self.src[node.start_byte:node.end_byte])

    def _type_declaration(self, node: Node) -> None:
        name = node.child_by_field_name("name")
        if name is not None:
            self.type_names.add(self.src[name.start_byte:name.end_byte])
        self._erase_statement(node)

    def _decorator(self, node: Node) -> None:
        raise self.error(node, f"decorators are not supported ('{self._text(node).split('(')[0].split()[0]}'); "
                               "compile the Worker with a bundler or remove the decorator")

    def _as_expression(self, node: Node) -> None:
        expr = node.named_children[0]
        keyword = expr.next_sibling
        assert keyword is not None
        end = node.end_byte
        kind = node.named_children[-1]
        # TypeScript never continues a type with `[` on the next line: `x as T\n[0]` is two statements.
        while kind.type in ("lookup_type", "array_type") and _has_break(
                self.src[kind.named_children[0].end_byte:kind.end_byte].split(b"[")[0]):
            kind = kind.named_children[0]
            end = kind.end_byte
        if end != node.end_byte:
            self.refs.update(re.findall(rb"[A-Za-z_$][\w$]*", self.src[end:node.end_byte]))
            self._erase_range(keyword.start_byte, end, ";")
            self._visit(expr)
            return
        # tree-sitter reads `x as a.b.C` as `(x as a.b).C`; TypeScript reads all of `a.b.C` as the type.
        outer = node
        while (parent := outer.parent) is not None and parent.type == "member_expression" \
                and parent.start_byte == node.start_byte:
            outer = parent
        self._erase_range(keyword.start_byte, outer.end_byte, ";" if _ends_statement(outer) else "")
        self._visit(expr)

    def _non_null(self, node: Node) -> None:
        self._visit(node.named_children[0])
        bang = node.children[-1]
        self._erase(bang)

    def _type_assertion(self, node: Node) -> None:
        type_args, expr = node.named_children[0], node.named_children[-1]
        between = self.src[type_args.end_byte:expr.start_byte]
        if expr.type == "object" or b"\n" in between or b"\r" in between:
            # `return <T>\n x` or `() => <T>{}`: keep the meaning with parentheses.
            self._erase_range(type_args.start_byte, type_args.end_byte, "(")
            self.edits.append((expr.end_byte, expr.end_byte, ")"))
        else:
            self._erase(type_args)
        self._visit(expr)

    def _variable_declarator(self, node: Node) -> None:
        for child in node.children:
            if child.type == "!":
                self._erase(child)
            elif child.is_named:
                self._visit(child)

    def _arrow_function(self, node: Node) -> None:
        type_params = node.child_by_field_name("type_parameters")
        params = node.child_by_field_name("parameters")
        ret = node.child_by_field_name("return_type")
        move_open = params is not None and type_params is not None and _has_break(
            self.src[type_params.start_byte:params.start_byte])
        move_close = params is not None and ret is not None and _has_break(
            self.src[params.end_byte:ret.end_byte])
        if type_params is not None:
            # `async <T>\n(x) => x`: the `(` moves up so no line break follows `async`/`return`.
            self._erase_range(type_params.start_byte, type_params.end_byte, "(" if move_open else "")
        if params is not None:
            if move_open:
                self.edits.append((params.start_byte, params.start_byte + 1, " "))
            if move_close:
                self.edits.append((params.end_byte - 1, params.end_byte, " "))
            self._formal_parameters(params)
        if ret is not None:
            text = self._blank_range(ret.start_byte, ret.end_byte)
            if move_close:
                # `(x)\n: T => x`: the `)` moves down to the line of `=>`.
                text = text[:-1] + ")"
            self.edits.append((ret.start_byte, ret.end_byte, text))
        for child in node.named_children:
            if child is not None and child.type not in ("type_parameters", "formal_parameters") and child != ret:
                self._visit(child)

    def _formal_parameters(self, node: Node) -> None:
        for param in node.named_children:
            if param.type not in ("required_parameter", "optional_parameter"):
                self._visit(param)
                continue
            pattern = param.child_by_field_name("pattern")
            if pattern is not None and pattern.type == "this":
                self._erase_list_item(param)
                continue
            for child in param.children:
                kind = child.type
                if kind in ("accessibility_modifier", "override_modifier", "readonly", "?", "type_annotation"):
                    self._erase(child)
                elif kind == "decorator":
                    self._decorator(child)
                elif child.is_named:
                    self._visit(child)

    # -- classes ------------------------------------------------------------------------------

    def _class(self, node: Node) -> None:
        derived = False
        for child in node.children:
            kind = child.type
            if kind == "abstract":
                self._erase(child)
            elif kind == "decorator":
                self._decorator(child)
            elif kind == "type_identifier":
                self.refs.add(self.src[child.start_byte:child.end_byte])
            elif kind == "class_heritage":
                derived = any(c.type == "extends_clause" for c in child.named_children)
                self._visit_all(child.named_children)
            elif kind == "class_body":
                self._class_body(child, derived)
            elif child.is_named:
                self._visit(child)

    def _class_body(self, body: Node, derived: bool) -> None:
        for member in body.named_children:
            kind = member.type
            if kind == "decorator":
                self._decorator(member)
            elif kind in ("method_signature", "abstract_method_signature", "index_signature"):
                self._erase_member(member)
            elif kind == "public_field_definition":
                if any(c.type in ("declare", "abstract") for c in member.children):
                    self._erase_member(member)
                else:
                    self._member(member, derived)
            elif kind == "method_definition":
                self._member(member, derived)
            else:
                self._visit(member)

    def _after_unterminated_field(self, member: Node) -> bool:
        before = member.prev_sibling
        while before is not None and before.type == "comment":
            before = before.prev_sibling
        return before is not None and before.type == "public_field_definition"

    def _erase_member(self, member: Node) -> None:
        self._erase_range(member.start_byte, member.end_byte,
                          ";" if self._after_unterminated_field(member) else "")

    def _member(self, member: Node, derived: bool) -> None:
        first = True
        is_constructor = False
        for child in member.children:
            kind = child.type
            if kind in ("accessibility_modifier", "override_modifier", "readonly", "?", "!", "type_annotation",
                        "type_parameters"):
                # `g = 2\n public ["k"] = 1`: without `public`, `2["k"]` would be read; `;` ends `g`.
                semicolon = first and self._after_unterminated_field(member)
                self._erase_range(child.start_byte, child.end_byte, ";" if semicolon else "")
            elif kind == "decorator":
                self._decorator(child)
            elif kind == "formal_parameters":
                self._formal_parameters(child)
            elif kind == "property_identifier" and self.src[child.start_byte:child.end_byte] == b"constructor":
                is_constructor = True
            elif kind == "statement_block" and is_constructor:
                params = member.child_by_field_name("parameters")
                self._parameter_properties(params, child, derived)
                self._visit(child)
            elif child.is_named:
                self._visit(child)
            first = False

    def _parameter_properties(self, params: Node | None, body: Node, derived: bool) -> None:
        if params is None:
            return
        names: list[str] = []
        for param in params.named_children:
            if any(c.type in ("accessibility_modifier", "readonly", "override_modifier") for c in param.children):
                pattern = param.child_by_field_name("pattern")
                if pattern is None or pattern.type != "identifier":
                    raise self.error(param, "a parameter property must be a plain identifier")
                names.append(self._text(pattern))
        if not names:
            return
        assignments = "".join(f" this.{n} = {n};" for n in names)
        at = body.start_byte + 1
        if derived:
            for statement in body.named_children:
                if statement.type == "expression_statement" and _is_super_call(statement.named_children[0]):
                    at = statement.end_byte
                    if statement.children[-1].type != ";":
                        assignments = ";" + assignments
                    break
        self.edits.append((at, at, assignments))

    # -- enums and namespaces -----------------------------------------------------------------

    def _enum(self, node: Node, exported: Node | None = None) -> None:
        name_node = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        assert name_node is not None and body is not None
        name = self._text(name_node)
        self.refs.add(name.encode())
        start = (exported or node).start_byte
        header_end = body.start_byte + 1
        header = f"{'export ' if exported else ''}var {name}; (function ({name}) {{"
        self.edits.append((start, header_end, header + _breaks(self.src[start:header_end])))
        members: dict[str, str] = {}
        previous: tuple[str, int | float | None] | None = None
        for child in body.children:
            kind = child.type
            if kind in ("{", "}", "comment"):
                continue
            if kind == ",":
                self._erase(child)
                continue
            if kind == "enum_assignment":
                key_node, value = child.named_children[0], child.named_children[-1]
            else:
                key_node, value = child, None
            if key_node.type == "property_identifier":
                label = self._text(key_node)
                key = js_string(label)
                members[label] = key
            elif key_node.type == "string":
                key = self._text(key_node)
            else:
                raise self.error(key_node, "unsupported enum member name")
            if value is None:
                if previous is None:
                    number: int | float | None = 0
                    text = "0"
                elif previous[1] is not None:
                    number = previous[1] + 1
                    text = repr(number)
                else:
                    number, text = None, f"{name}[{previous[0]}] + 1"
                line = f"{name}[{name}[{key}] = {text}] = {key};"
            else:
                number = _number_value(value, self.src)
                text = self._enum_initializer(value, name, members)
                if value.type == "string" or (value.type == "template_string"
                                              and not any(c.type == "template_substitution"
                                                          for c in value.named_children)):
                    line = f"{name}[{key}] = {text};"
                else:
                    line = f"{name}[{name}[{key}] = {text}] = {key};"
            previous = (key, number)
            gap = self.src[child.start_byte:value.start_byte] if value is not None else b""
            self.edits.append((child.start_byte, child.end_byte, line + _breaks(gap)))
        close = body.children[-1]
        self.edits.append((close.start_byte, close.end_byte, f"}})({name} || ({name} = {{}}));"))

    def _enum_initializer(self, value: Node, enum: str, members: dict[str, str]) -> str:
        refs = self.refs
        self.refs = set()
        inner = self._collect(value)
        self.refs = refs | {r for r in self.refs if r.decode() not in members}
        starts = [a for a, _, _ in inner]
        extra: list[Edit] = []
        stack = [value]
        while stack:
            node = stack.pop()
            if node.type == "identifier":
                label = self._text(node)
                if label in members:
                    i = bisect.bisect_right(starts, node.start_byte) - 1
                    if i < 0 or inner[i][1] <= node.start_byte:
                        extra.append((node.start_byte, node.end_byte, f"{enum}[{members[label]}]"))
            else:
                stack.extend(node.named_children)
        return self._render(value.start_byte, value.end_byte, sorted(inner + extra))

    def _expression_statement(self, node: Node) -> None:
        first = node.named_children[0] if node.named_child_count else None
        if first is not None and first.type == "internal_module":
            self._namespace(first, node)
        else:
            self._visit_all(node.named_children)

    def _namespace(self, node: Node, statement: Node | None = None) -> None:
        body = node.child_by_field_name("body")
        if body is None or _type_only_block(body):
            self._erase_statement(statement or node)
            return
        keyword = "module" if node.type == "module" else "namespace"
        raise self.error(node, f"TypeScript '{keyword}' with runtime values is not supported; use an ES module")

    # -- imports and exports ------------------------------------------------------------------

    def _import_alias(self, node: Node) -> None:
        raise self.error(node, "TypeScript 'import X = Y' is not supported; use an ES import")

    def _import(self, node: Node) -> None:
        clause = None
        for child in node.children:
            if child.type == "type":
                self._erase_statement(node)
                return
            if child.type == "import_require_clause":
                raise self.error(node, "TypeScript 'import X = require(...)' is not supported; use an ES import")
            if child.type == "import_clause":
                clause = child
        if clause is not None and self.typescript:
            self.imports.append(node)

    def _export(self, node: Node) -> None:
        declaration = node.child_by_field_name("declaration")
        for child in node.children:
            kind = child.type
            if kind == "decorator":
                self._decorator(child)
            elif kind == "type" or (kind == "namespace" and declaration is None) or (
                    kind == "ERROR" and self.src[child.start_byte:child.end_byte] == b"type"):
                # `export type {...}`, `export as namespace X`, `export type * from` (an ERROR to tree-sitter)
                self._erase_statement(node)
                return
            elif kind == "=":
                raise self.error(node, "TypeScript 'export =' is not supported; use 'export default'")
        if declaration is not None:
            kind = declaration.type
            if kind in _TYPE_ONLY_DECLARATIONS:
                if kind in ("interface_declaration", "type_alias_declaration"):
                    name = declaration.child_by_field_name("name")
                    if name is not None:
                        self.type_names.add(self.src[name.start_byte:name.end_byte])
                self._erase_statement(node)
            elif kind in ("internal_module", "module"):
                self._namespace(declaration, node)
            elif kind == "enum_declaration":
                self._enum(declaration, node)
            else:
                self._visit(declaration)
            return
        source = node.child_by_field_name("source")
        for child in node.named_children:
            if child.type == "export_clause":
                for spec in child.named_children:
                    if spec.type != "export_specifier":
                        continue
                    if spec.children[0].type == "type":
                        self._erase_list_item(spec)
                    elif source is None:
                        self.local_exports.append(spec)
            elif child != source:
                self._visit(child)

    def _keep_local_exports(self) -> None:
        for spec in self.local_exports:
            local = spec.named_children[0]
            self.refs.add(self.src[local.start_byte:local.end_byte])

    def _elide_imports(self) -> None:
        """Drop import bindings never used as values, as TypeScript and esbuild do (a binding used
        only in types must not reach the JavaScript module linker). With `verbatimModuleSyntax`
        only the `type` specifiers go."""
        if not self.imports:
            return
        preserve = self.options().preserve_value_imports
        for node in self.imports:
            clause = next(c for c in node.children if c.type == "import_clause")
            kept: list[Node] = []
            unused: list[Node] = []
            named: Node | None = None
            named_specs: list[Node] = []
            for binding in clause.named_children:
                if binding.type == "named_imports":
                    named = binding
                    for spec in binding.named_children:
                        if spec.type != "import_specifier":
                            continue
                        named_specs.append(spec)
                        local = spec.child_by_field_name("alias") or spec.child_by_field_name("name")
                        is_type = spec.children[0].type == "type"
                        used = local is not None and self.src[local.start_byte:local.end_byte] in self.refs
                        (kept if (used or preserve) and not is_type else unused).append(spec)
                else:
                    local = binding if binding.type == "identifier" else binding.named_children[-1]
                    used = preserve or self.src[local.start_byte:local.end_byte] in self.refs
                    (kept if used else unused).append(binding)
            if preserve:
                for spec in unused:
                    self._erase_list_item(spec)
                continue
            if not kept:
                self._erase_statement(node)
                continue
            drop_named = named is not None and not any(s in kept for s in named_specs)
            for binding in unused:
                if binding.type == "import_specifier":
                    if not drop_named:
                        self._erase_list_item(binding)
                elif binding.type == "identifier":
                    self._erase_list_item(binding)
                else:  # `D, * as ns` with ns unused: the comma before goes too
                    self._erase_with_comma_before(binding)
            if drop_named and named is not None:
                self._erase_with_comma_before(named)

    def _erase_with_comma_before(self, node: Node) -> None:
        before = node.prev_sibling
        start = node.start_byte
        if before is not None and before.type == ",":
            start = before.start_byte
        self._erase_range(start, node.end_byte)

    def _elide_type_exports(self) -> None:
        """`export { T }` of a local interface/type alias goes; other local exports count as uses."""
        for spec in self.local_exports:
            local = spec.named_children[0]
            text = self.src[local.start_byte:local.end_byte]
            if text in self.type_names and text not in self.refs:
                self._erase_list_item(spec)
        for spec in self.local_exports:
            local = spec.named_children[0]
            self.refs.add(self.src[local.start_byte:local.end_byte])

    # -- JSX ----------------------------------------------------------------------------------

    def options(self) -> FileOptions:
        """The tsconfig options, looked up only when the file needs them."""
        if self._options is None:
            self._options = self._options_source()
        return self._options

    def jsx_options(self) -> JsxOptions:
        if self._jsx_options is None:
            options = self.options().jsx
            if b"@jsx" in self.src and self._root is not None:
                query = Query(_parser.language(self.tsx), "(comment) @c")
                comments = QueryCursor(query).captures(self._root).get("c", [])
                options = apply_pragmas(options, [self._text(c) for c in comments if b"@jsx" in
                                                  self.src[c.start_byte:c.end_byte]])
            self._jsx_options = options
        return self._jsx_options

    def _jsx(self, node: Node) -> None:
        options = self.jsx_options()
        if options.runtime == "classic":
            self.refs.add(options.factory.split(".")[0].encode())
        self.edits.append((node.start_byte, node.end_byte, self._jsx_element(node, options)))

    def _use_runtime(self, name: str, options: JsxOptions) -> str:
        if name == "createElement":
            module = options.import_source
        else:
            module = options.import_source + ("/jsx-dev-runtime" if options.development else "/jsx-runtime")
        self.runtime_imports.setdefault(module, set()).add(name)
        return _RUNTIME_NAMES[name]

    def _runtime_import_text(self, out: str) -> str:
        if not self.runtime_imports:
            return ""
        lines = []
        for module, names in sorted(self.runtime_imports.items()):
            specs = ", ".join(f"{n} as {_RUNTIME_NAMES[n]}" for n in sorted(names))
            lines.append(f"import {{ {specs} }} from {js_string(module)};")
        # At the end, so that no line of the file moves (imports are hoisted anyway).
        return ("" if out.endswith("\n") else "\n") + "\n".join(lines) + "\n"

    def _jsx_element(self, node: Node, options: JsxOptions) -> str:
        if node.type == "jsx_self_closing_element":
            opening, children = node, []
        else:
            opening = node.children[0]
            children = node.children[1:-1]
        name = opening.child_by_field_name("name")
        props, key, key_after_spread = self._jsx_attributes(opening, options)
        kids = self._jsx_children(opening, children, node.children[-1])
        automatic = options.runtime == "automatic"
        if name is None:
            tag = self._use_runtime("Fragment", options) if automatic else options.fragment
            if not automatic:
                self.refs.add(options.fragment.split(".")[0].encode())
        elif name.type == "jsx_namespace_name":
            tag = js_string(self._text(name))
        else:
            text = self._text(name)
            if name.type == "identifier" and tag_is_string(text):
                tag = js_string(text)
            else:
                tag = text
                root = name
                while root.type == "member_expression":
                    root = root.named_children[0]
                if root.type == "identifier":
                    self.refs.add(self.src[root.start_byte:root.end_byte])
        out = _Out(node.start_point.row)
        if not automatic or key_after_spread:
            factory = options.factory if not automatic else self._use_runtime("createElement", options)
            out.add(f"{factory}({tag}, ")
            self._jsx_object(out, props, [], False)
            for kid in kids:
                out.add(", ")
                out.add(("..." if kid.spread else "") + kid.text, kid.row, kid.col)
            out.add(")")
            return out.finish(node.end_point.row)
        static = len(kids) > 1 or any(k.spread for k in kids)
        fn = self._use_runtime("jsxDEV" if options.development else ("jsxs" if static else "jsx"), options)
        out.add(f"{fn}({tag}, ")
        self._jsx_object(out, props, kids, static, empty="{}")
        if options.development:
            out.add(", " + (key.text if key is not None else "void 0"))
            row, col = node.start_point.row + 1, self._node_col(node) + 1
            out.add(f", {'true' if static else 'false'}, {{ fileName: {js_string(self.path)}, "
                    f"lineNumber: {row}, columnNumber: {col} }}, this")
        elif key is not None:
            out.add(", ")
            out.add(key.text, key.row, key.col)
        out.add(")")
        return out.finish(node.end_point.row)

    def _jsx_object(self, out: _Out, props: list[_Piece], kids: list[_Piece], static: bool,
                    empty: str = "null") -> None:
        """``{ a: 1, ...b, children: [x, y] }``; each prop and child on its original line."""
        if not props and not kids:
            out.add(empty)
            return
        out.add("{")
        for i, item in enumerate(props):
            out.add(", " if i else " ")
            out.add(item.text, item.row, item.col)
        if kids:
            out.add(", children: " if props else " children: ")
            if static:
                out.add("[")
                for i, kid in enumerate(kids):
                    if i:
                        out.add(", ")
                    out.add(("..." if kid.spread else "") + kid.text, kid.row, kid.col)
                out.add("]")
            else:
                out.add(kids[0].text, kids[0].row, kids[0].col)
        out.add(" }")

    def _jsx_attributes(self, opening: Node, options: JsxOptions) -> tuple[list[_Piece], _Piece | None, bool]:
        """The props in order, the `key` value (automatic runtime: passed apart unless a spread comes
        before it, in which case everything goes to ``createElement``), and that fallback flag."""
        props: list[_Piece] = []
        key: _Piece | None = None
        seen_spread = False
        key_after_spread = False
        for attr in opening.named_children:
            row, col = attr.start_point.row, self._node_col(attr)
            if attr.type == "jsx_expression":
                inner = attr.named_children[-1] if attr.named_child_count else None
                if inner is None or inner.type != "spread_element":
                    continue
                value = self._render_node(inner.named_children[0])
                props.append(_Piece("..." + value, row, col))
                seen_spread = True
                continue
            if attr.type != "jsx_attribute":
                continue
            name_node = attr.named_children[0]
            name = self._text(name_node)
            value_node = attr.named_children[1] if attr.named_child_count > 1 else None
            if value_node is None:
                if name == "key" and options.runtime == "automatic":
                    raise self.error(attr, 'Please provide an explicit value for "key"')
                value = "true"
            elif value_node.type == "string":
                value = js_string(decode_entities(self._text(value_node)[1:-1]))
            elif value_node.type == "jsx_expression":
                expr = value_node.named_children[-1] if value_node.named_child_count else None
                if expr is None or expr.type == "comment":
                    raise self.error(value_node, "JSX attributes must only be assigned a non-empty expression")
                value = self._render_node(expr)
            elif value_node.type in _JSX_ELEMENTS:
                value = self._jsx_element(value_node, options)
            else:
                value = self._render_node(value_node)
            if name == "key" and options.runtime == "automatic" and not seen_spread:
                key = _Piece(value, row, col)
            else:
                key_after_spread = key_after_spread or (name == "key" and options.runtime == "automatic")
                props.append(_Piece(f"{property_key(name)}: {value}", row, col))
        if key_after_spread and key is not None:  # a second key, before the spread, rejoins the props
            props.append(_Piece(f"key: {key.text}", key.row, key.col))
            props.sort(key=lambda p: (p.row, p.col))
            key = None
        return props, key, key_after_spread

    def _jsx_children(self, opening: Node, children: list[Node], closing: Node) -> list[_Piece]:
        kids: list[_Piece] = []
        text_start = opening.end_byte
        for child in children + [closing]:
            kind = child.type
            if kind not in _JSX_CHILD_NODES and child is not closing:
                continue
            if child.start_byte > text_start:
                piece = self._jsx_text(text_start, child.start_byte)
                if piece is not None:
                    kids.append(piece)
            text_start = child.end_byte
            if child is closing:
                break
            if kind == "jsx_expression":
                inner = child.named_children
                expr = next((c for c in inner if c.type != "comment"), None)
                if expr is None:
                    continue
                if expr.type == "spread_element":
                    target = expr.named_children[0]
                    kids.append(_Piece(self._render_node(target), target.start_point.row,
                                       self._node_col(target), spread=True))
                else:
                    kids.append(_Piece(self._render_node(expr), expr.start_point.row, self._node_col(expr)))
            else:
                kids.append(_Piece(self._jsx_element(child, self.jsx_options()), child.start_point.row,
                                   self._node_col(child)))
        return kids

    def _jsx_text(self, start: int, end: int) -> _Piece | None:
        raw = self.src[start:end]
        text = clean_text(raw.decode())
        if text is None:
            return None
        first = start + len(raw) - len(raw.lstrip(b" \t\r\n"))
        row, row_start = self._row_of(first)
        return _Piece(js_string(text), row, self._col(first, row_start))

    def _row_of(self, byte: int) -> tuple[int, int]:
        """The 0-based row of a byte offset and the offset where that row starts."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer(b"\n", self.src)]
        row = bisect.bisect_right(self._line_starts, byte) - 1
        return row, self._line_starts[row]


# -- helpers ------------------------------------------------------------------------------------


@cache
def _kind_ids(tsx: bool) -> dict[str, tuple[int, ...]]:
    """Named node type -> its kind ids in the grammar (a name can have several)."""
    language = _parser.language(tsx)
    ids: dict[str, tuple[int, ...]] = {}
    for kind in range(language.node_kind_count):
        name = language.node_kind_for_id(kind)
        if name is not None and language.node_kind_is_named(kind) and language.node_kind_is_visible(kind):
            ids[name] = ids.get(name, ()) + (kind,)
    return ids


def _has_break(text: bytes) -> bool:
    return b"\n" in text or b"\r" in text


def _breaks(text: bytes) -> str:
    return "\n" * text.count(b"\n")


def _errors(node: Node) -> Iterator[Node]:
    """ERROR and MISSING nodes in source order (not looking inside an ERROR)."""
    for child in node.children:
        if child.is_missing or child.is_error:
            yield child
        elif child.has_error:
            yield from _errors(child)


def _ends_statement(node: Node) -> bool:
    """Whether erasing ``x as T`` leaves ``x`` at the end of a statement that has no `;` (or in
    front of a `(`/`[`/template that TypeScript reads as a new statement)."""
    parent = node.parent
    if parent is not None and parent.type in ("call_expression", "subscript_expression") \
            and parent.start_byte == node.start_byte:
        return True
    current = node
    while parent is not None and parent.end_byte == current.end_byte:
        if parent.type in _ASI_STATEMENTS:
            return parent.children[-1].type != ";"
        if parent.type in ("statement_block", "class_body", "program", "parenthesized_expression",
                           "arguments", "array", "object", "template_substitution"):
            return False
        current, parent = parent, parent.parent
    return False


def _is_super_call(node: Node) -> bool:
    return node.type == "call_expression" and node.named_children[0].type == "super"


def _type_only_block(block: Node) -> bool:
    for statement in block.named_children:
        kind = statement.type
        if kind in _TYPE_ONLY_DECLARATIONS or kind in ("comment", "empty_statement"):
            continue
        if kind in ("internal_module", "module"):
            inner = statement.child_by_field_name("body")
            if inner is None or _type_only_block(inner):
                continue
            return False
        if kind == "expression_statement":
            first = statement.named_children[0] if statement.named_child_count else None
            if first is not None and first.type == "internal_module":
                inner = first.child_by_field_name("body")
                if inner is None or _type_only_block(inner):
                    continue
            return False
        if kind in ("export_statement", "import_statement"):
            if any(c.type == "type" for c in statement.children):
                continue
            declaration = statement.child_by_field_name("declaration")
            if declaration is not None and (declaration.type in _TYPE_ONLY_DECLARATIONS or (
                    declaration.type in ("internal_module", "module") and _type_only_block(
                        declaration.child_by_field_name("body") or block))):
                continue
            return False
        return False
    return True


def _number_value(node: Node, src: bytes) -> int | float | None:
    text = src[node.start_byte:node.end_byte].decode().replace("_", "")
    sign = 1
    if node.type == "unary_expression" and text.startswith("-"):
        sign, text = -1, text[1:].strip()
    elif node.type != "number":
        return None
    try:
        if text[:2].lower() in ("0x", "0o", "0b"):
            return sign * int(text, 0)
        value = float(text)
    except ValueError:
        return None
    return sign * (int(value) if value.is_integer() and "." not in text and "e" not in text.lower() else value)
