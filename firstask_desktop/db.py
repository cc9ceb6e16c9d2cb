"""The database connection: one deferred proxy, opened by :func:`open_database`.

SQLite is run for durability first (rural stations lose power often): WAL journal,
``synchronous=FULL`` (an fsync per commit, so a committed entry survives a power cut),
foreign keys on, and a busy timeout so that two processes on one PC wait instead of failing.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from peewee import DatabaseProxy, SqliteDatabase

from .disk_errors import translated

database = DatabaseProxy()

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL; never 0 or 1 (NORMAL can lose the last commits on power loss in WAL)
    "foreign_keys": 1,
    "cache_size": -16 * 1024,  # 16 MiB: old PCs have 4 GB
    "temp_store": 2,
}
BUSY_TIMEOUT_SECONDS = 10


def make_sqlite(path: Path) -> SqliteDatabase:
    # str(path) keeps non-ASCII folders (C:\Users\张三\...) intact; sqlite3 takes UTF-8 paths.
    return SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=BUSY_TIMEOUT_SECONDS)


def bind(db) -> None:
    """Point every model at ``db`` (a SqliteDatabase now; the county may bring PostgreSQL)."""
    database.initialize(db)


def close() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()


def is_sqlite() -> bool:
    return isinstance(database.obj, SqliteDatabase)


@contextlib.contextmanager
def transaction():
    """One write transaction. On SQLite it takes the write lock at BEGIN (IMMEDIATE), so that
    two clerks saving at once queue on the busy timeout instead of failing half-way. A full or
    failing disk rolls it back and comes out as a Chinese ``StorageError``."""
    atomic = database.obj.atomic("IMMEDIATE") if is_sqlite() else database.atomic()
    with translated("保存到数据库"), atomic:
        yield


@contextlib.contextmanager
def opened(path: Path):
    """Open, bind and close a SQLite file (for tools and tests)."""
    db = make_sqlite(path)
    bind(db)
    db.connect(reuse_if_open=True)
    try:
        yield db
    finally:
        db.close()
