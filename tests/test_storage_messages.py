"""What a clerk reads when the data folder itself is the problem: each says what to do."""

from __future__ import annotations

import os
import shutil
import sqlite3

from sync_support import make_station

from firstask_desktop.cli.runner import main as cli
from firstask_desktop.store import config


def test_a_garbage_register_points_to_the_backups(tmp_path, capsys):
    site = make_station(tmp_path / "城关所", "GS0101", "城关供电所", entries=1)
    from firstask_desktop.services import backup

    with site.use():
        backup.make_backup(site.folder, kind="auto")
    config.db_path(site.folder).write_bytes(b"not a database at all " * 500)
    args = ["--data-dir", str(site.folder)]
    assert cli([*args, "entry", "list"]) == 1
    err = capsys.readouterr().err
    assert "已损坏" in err and "backup restore" in err and "请重试" not in err
    assert cli([*args, "backup", "list"]) == 0
    assert "每日自动备份" in capsys.readouterr().out


def _message_for(error_text: str) -> tuple[str, str]:
    from firstask_desktop.store.disk_errors import storage_error

    mapped = storage_error(sqlite3.OperationalError(error_text), "保存到数据库")
    return mapped.kind, str(mapped)


def test_a_read_only_data_folder_says_read_only_not_unplugged(store, monkeypatch):
    """SQLite says "unable to open database file" for a folder it may not write to. (The
    folder's permission is what the check asks; the tests run as root, who may write anywhere.)"""
    real = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK and p == store else real(p, mode)
    )
    kind, message = _message_for("unable to open database file")
    assert kind == "readonly" and "只读" in message and "拔出" not in message


def test_a_nearly_full_disk_says_full_not_failing(store, monkeypatch):
    """With a few KiB free SQLite reports "disk I/O error"; the clerk must read 磁盘已满."""
    usage = shutil.disk_usage(store)
    monkeypatch.setattr(shutil, "disk_usage", lambda p: usage._replace(free=8 * 1024))
    kind, message = _message_for("disk I/O error")
    assert kind == "full" and "空间已满" in message and "磁盘故障" not in message


def test_a_failing_disk_with_room_still_says_failing(store):
    kind, message = _message_for("disk I/O error")
    assert kind == "io" and "磁盘故障" in message
