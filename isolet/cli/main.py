"""The ``isolet`` command: a table of verbs, one module each (wrangler's layout)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from isolet import __version__
from isolet.cli import dev, kv


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="isolet", description="Run Workers-style JavaScript in V8 isolates.")
    parser.add_argument("--version", action="version", version=f"isolet {__version__}")
    verbs = parser.add_subparsers(dest="verb", metavar="<command>")
    dev.register(verbs)
    kv.register(verbs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.verb is None:
        parser.print_help()
        return 2
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
