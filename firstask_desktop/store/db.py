"""The database connection: one deferred proxy, opened by :func:`open_database`.

SQLite is run for durability first (rural stations lose power often): WAL journal,
``synchronous=FULL`` (an fsync per commit, so a committed entry survives a power cut),
foreign keys on, and a busy timeout so that two processes on one PC wait instead of failing.
"""

from __future__ import annotations

import contextlib
import random
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from peewee import DatabaseProxy, OperationalError, PostgresqlDatabase, SqliteDatabase

from firstask_desktop.domain.errors import RefusedError, StorageError
from firstask_desktop.store.disk_errors import translated

database = DatabaseProxy()

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL; never 0 or 1 (NORMAL can lose the last commits on power loss in WAL)
    "foreign_keys": 1,
    # 4 MiB per connection (the desktop app has four: its window, two readers, one writer): the
    # register's pages and searches run as fast as with 16 MiB, the operating system caching the
    # file anyway, and the running window stays small (docs/benchmarks.md).
    "cache_size": -4 * 1024,
    "temp_store": 2,
    # Pages written to the WAL before a commit copies them back into the file (SQLite's default
    # is 1,000). A save writes some 60 pages (an entry's indexes, its customer, two audit events,
    # the search index), so at 1,000 one save in 17 paid for a 10 ms copy; at 4,000 one in 68
    # pays 20–27 ms, the pages saved several times over (index and table ends) copied once: half
    # the copying per save. Durability is the same (each commit is in the WAL and synced).
    "wal_autocheckpoint": 4000,
}
BUSY_TIMEOUT_SECONDS = 10
# How long a save waits for its turn in all. Twenty clerks' saves at once (the desktop app, the
# command line, a county script) queue; SQLite's own wait is retried with back-off until then.
LOCK_WAIT_SECONDS = 60
BUSY_MESSAGE = (
    "保存失败：登记簿正被另一个程序长时间占用（等了 {seconds} 秒仍未轮到）。原有数据没有改变；"
    "请关闭其他正在导入或批量处理的首问登记窗口后重试，仍不行请重启电脑。"
)


def make_sqlite(path: Path) -> SqliteDatabase:
    # str(path) keeps non-ASCII folders (C:\Users\张三\...) intact; sqlite3 takes UTF-8 paths.
    return SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=BUSY_TIMEOUT_SECONDS)


def is_database_url(text: str | None) -> bool:
    return bool(text) and text.split("://", 1)[0] in ("postgresql", "postgres")


def make_postgres(url: str) -> PostgresqlDatabase:
    """The county's database on a PostgreSQL server: ``postgresql://user[:pw]@host[:port]/name``.

    The driver (psycopg2-binary, the ``county`` extra) is loaded only when a county uses it.
    """
    parts = urlsplit(url)
    name = unquote(parts.path.lstrip("/"))
    if not is_database_url(url) or not name:
        raise RefusedError(
            f"数据库地址“{url}”无法识别：应写成 postgresql://用户@主机:端口/数据库名。"
        )
    return PostgresqlDatabase(
        name,
        user=unquote(parts.username or "") or None,
        password=unquote(parts.password or "") or None,
        host=parts.hostname or None,
        port=parts.port or None,
    )


def bind(db) -> None:
    """Point every model at ``db`` (a SqliteDatabase now; the county may bring PostgreSQL)."""
    database.initialize(db)


def close() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()


def is_sqlite() -> bool:
    return isinstance(database.obj, SqliteDatabase)


# Derived data kept current inside each write transaction, run just before it commits
# (search_index registers its catch-up here): the change and what follows from it commit together.
BEFORE_COMMIT: list[Callable[[], None]] = []
# Run after a write transaction committed (chain_head keeps the audit head outside the file).
AFTER_COMMIT: list[Callable[[], None]] = []


@contextlib.contextmanager
def transaction():
    """One write transaction. On SQLite it takes the write lock at BEGIN (IMMEDIATE), so that
    two clerks saving at once queue on the busy timeout instead of failing half-way. A full or
    failing disk rolls it back and comes out as a Chinese ``StorageError``."""
    with translated("保存到数据库"), contextlib.ExitStack() as stack:
        if is_sqlite():
            _begin_when_free(stack)
        else:
            stack.enter_context(database.atomic())
        yield
        for hook in BEFORE_COMMIT:
            hook()
    for hook in AFTER_COMMIT:
        hook()


def _is_busy(err: Exception) -> bool:
    text = str(err).lower()
    return "database is locked" in text or "database is busy" in text


def _begin_when_free(stack: contextlib.ExitStack) -> None:
    """BEGIN IMMEDIATE, waiting for the write lock up to LOCK_WAIT_SECONDS (each try waits
    SQLite's busy timeout; between tries a short random pause, so waiting writers spread out)."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    pause = 0.05
    while True:
        try:
            stack.enter_context(database.obj.atomic("IMMEDIATE"))
            return
        except OperationalError as err:
            if not _is_busy(err):
                raise
            if time.monotonic() >= deadline:
                raise StorageError(BUSY_MESSAGE.format(seconds=LOCK_WAIT_SECONDS), "busy") from None
        time.sleep(pause * (0.5 + random.random()))
        pause = min(pause * 2, 1.0)


def stream(query, batch: int = 2000) -> Iterator:
    """The rows of a peewee ``query`` as they come, never all held at once (a county's month of
    thirty stations, its whole register for Excel). SQLite's cursor streams by itself; on
    PostgreSQL psycopg2's ordinary cursor would first take every row into memory, so a named
    (server-side) cursor is read ``batch`` rows at a time."""
    if is_sqlite():
        yield from query.iterator()
        return
    sql, params = query.sql()
    # WITH HOLD: peewee runs psycopg2 in autocommit, where only such a cursor may be named;
    # the server keeps the result, this process holds one batch.
    cursor = database.connection().cursor(name=f"firstask_{uuid.uuid4().hex}", withhold=True)
    cursor.itersize = batch
    try:
        cursor.execute(sql, params)
        yield from query._get_cursor_wrapper(_Batches(cursor, batch)).iterator()
    finally:
        if not cursor.closed:
            cursor.close()


@contextlib.contextmanager
def reading(sql: str, params=()):
    """A cursor over the rows of ``sql`` that the database produces only as they are fetched,
    for a reader that may stop early (a search as shown, at a county of millions). SQLite's
    cursor does so by itself; on PostgreSQL a cursor declared inside a transaction (psycopg2's
    ordinary cursor takes every row first, and a WITH HOLD cursor makes them all at commit)."""
    if is_sqlite():
        cursor = database.execute_sql(sql, params)
        try:
            yield cursor
        finally:
            cursor.close()
        return
    # DECLARE by hand: peewee runs psycopg2 in autocommit and opens transactions itself, where
    # psycopg2 allows no named cursor of its own.
    name = f"firstask_{uuid.uuid4().hex}"
    with database.atomic():
        database.execute_sql(f"DECLARE {name} NO SCROLL CURSOR FOR {sql}", params)
        try:
            yield _Fetched(name)
        finally:
            database.execute_sql(f"CLOSE {name}")


class _Fetched:
    """``fetchmany`` over a cursor DECLAREd on the server."""

    def __init__(self, name: str):
        self.name = name

    def fetchmany(self, size: int) -> list:
        return database.execute_sql(f"FETCH {int(size)} FROM {self.name}").fetchall()


class _Batches:
    """A server-side cursor as peewee reads it (row by row), fetched ``size`` rows per trip."""

    def __init__(self, cursor, size: int):
        self.cursor, self.size, self.rows = cursor, size, []

    @property
    def description(self):
        return self.cursor.description

    def fetchone(self):
        if not self.rows:
            self.rows = self.cursor.fetchmany(self.size)[::-1]
            if not self.rows:
                return None
        return self.rows.pop()

    def close(self) -> None:
        self.cursor.close()


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
