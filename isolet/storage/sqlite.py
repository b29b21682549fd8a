"""SQLite connections as every embedded store opens them.

- WAL journal: readers never block the writer, and a second process (the
  ``isolet kv`` CLI next to a running ``isolet dev``) can use the same file.
- ``synchronous=FULL``: a commit returns only after the WAL is fsynced, so
  an acknowledged write survives ``kill -9`` and power loss.
- ``busy_timeout``: a writer waits for another process's write lock instead
  of failing with "database is locked".
- Autocommit mode (``isolation_level=None``): transactions are explicit
  (``BEGIN IMMEDIATE`` for writes), never opened behind the caller's back.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000


def connect(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(
        path,
        isolation_level=None,
        check_same_thread=check_same_thread,
        timeout=BUSY_TIMEOUT_MS / 1000,
        cached_statements=64,
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable."""
    import os

    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
