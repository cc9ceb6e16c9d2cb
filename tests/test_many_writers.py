"""Many writers at once: each save waits its turn, none fails with "database is locked"."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from support import T0

from firstask_desktop.domain.errors import StorageError
from firstask_desktop.services import entries as svc
from firstask_desktop.store import config, db
from firstask_desktop.store.integrity import check_database
from firstask_desktop.store.models import Entry
from firstask_desktop.store.storage import open_store


def _save(clerk, n):
    return svc.register_entry(
        clerk,
        channel="visit",
        category="consult",
        visitor="张三",
        phone=f"1381234{n:04d}",
        matter="咨询电价",
        now=T0,
    )


@pytest.fixture
def short_busy_wait(people, store, monkeypatch):
    """SQLite's own wait made short, so that every save meets a locked register and queues."""
    monkeypatch.setattr(db, "BUSY_TIMEOUT_SECONDS", 0.02)
    open_store(store)
    return people["李娜"]


def test_twenty_writers_at_once_all_save(short_busy_wait):
    clerk = short_busy_wait
    failures = []

    def writer(k):
        try:
            for i in range(5):
                _save(clerk, k * 10 + i)
        except Exception as err:  # reported below, with the message the clerk would see
            failures.append(str(err))
        finally:
            db.database.close()

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    serials = [e.serial for e in Entry.select()]
    assert len(serials) == len(set(serials)) == 100
    assert check_database() == []


def test_a_register_held_too_long_says_so_in_chinese(short_busy_wait, store, monkeypatch):
    clerk = short_busy_wait
    monkeypatch.setattr(db, "LOCK_WAIT_SECONDS", 0.3)
    holder = sqlite3.connect(str(config.db_path(store)))
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError, match="登记簿正被另一个程序长时间占用") as refused:
            _save(clerk, 1)
        assert refused.value.kind == "busy" and "原有数据没有改变" in str(refused.value)
    finally:
        holder.rollback()
        holder.close()
    assert _save(clerk, 2).serial.endswith("00001")
