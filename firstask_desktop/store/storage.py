"""Opening a data folder: create it if needed, open the database, bring its schema up to date."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import peewee

from firstask_desktop.domain.errors import StorageError
from firstask_desktop.store import chain_head, config, db, disk_errors, holiday_table, schema

_current_folder: Path | None = None
DAMAGED = (
    "登记簿文件“{path}”已损坏，无法打开（可能是停电、硬盘故障或被别的程序改写）。"
    "请运行 backup list 查看备份，再用 backup restore 备份文件 恢复（损坏的文件会先保留）；"
    "没有备份请不要删除数据文件夹，马上联系县公司。"
)


def _damaged(err: Exception) -> bool:
    text = str(err).lower()
    return "file is not a database" in text or "malformed" in text


def open_store(folder: Path, database_url: str | None = None) -> Path:
    """Open (creating if needed) the database in ``folder`` and bind the models to it.

    With ``database_url`` (a county on PostgreSQL) the records live on that server; ``folder``
    still holds this PC's keys, backups and quarantined files.
    """
    global _current_folder
    folder.mkdir(parents=True, exist_ok=True)
    disk_errors.DATA_FOLDER[:] = [folder]
    path = config.db_path(folder)
    db.close()
    if database_url:
        database = db.make_postgres(database_url)
        path = None
    else:
        database = db.make_sqlite(path)
    db.bind(database)
    try:
        database.connect(reuse_if_open=True)
        schema.upgrade(database, path, folder / "backups" if path else None)
    except (peewee.DatabaseError, sqlite3.DatabaseError) as err:
        if path is None or not _damaged(err):
            raise
        db.close()
        raise StorageError(DAMAGED.format(path=path), "damaged") from None
    # A station set up by an older version gains the years this version ships (2027 …).
    holiday_table.top_up_shipped_years()
    _current_folder = folder
    chain_head.forget(folder)
    chain_head.attach(folder if path else None)
    return path or folder


def upgrade_pending(folder: Path) -> bool:
    """Whether opening ``folder``'s register first upgrades its file (an older version of the
    program wrote it): the file is copied aside and brought up to date, which takes some seconds
    on years of entries, so the desktop app says what it is doing meanwhile."""
    path = config.db_path(folder)
    if not path.exists():
        return False
    with contextlib.closing(sqlite3.connect(str(path))) as connection:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
    return 0 < version < schema.LATEST_VERSION


def current_folder() -> Path:
    """The data folder opened last (keys, backups and exports live beside the database)."""
    if _current_folder is None:
        raise RuntimeError("no data folder is open")
    return _current_folder
