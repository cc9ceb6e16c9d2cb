"""Backups end to end: daily copies and their thinning, the USB copy, restoring one."""

from __future__ import annotations

import errno
import hashlib
import json
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from support import PASSWORD, T0

from firstask_desktop.domain.errors import NotAllowedError, RefusedError, StorageError
from firstask_desktop.services import backup
from firstask_desktop.services import entries as svc
from firstask_desktop.store import config, db
from firstask_desktop.store.integrity import check_database
from firstask_desktop.store.models import Entry
from firstask_desktop.store.storage import open_store


def _register(people, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        svc.register_entry(
            people["李娜"],
            channel="visit",
            category="consult",
            visitor="张三",
            phone=f"1381234{i:04d}",
            matter=f"咨询 {i}",
            now=T0,
        )


def _entries_in(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM entry").fetchone()[0]
    finally:
        con.close()


def test_a_backup_is_one_verified_file_even_while_a_save_is_under_way(people, store):
    _register(people, 3)
    # Another window is half-way through saving: the copy holds only what was committed.
    other = sqlite3.connect(config.db_path(store))
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE entry SET matter = '未提交' WHERE id = 1")
    try:
        path = backup.make_backup(store, now=T0)
    finally:
        other.rollback()
        other.close()
    assert path.parent == store / "backups" and path.name == "manual-20260310-090000.sqlite3"
    assert not path.with_name(path.name + "-wal").exists()
    assert backup.verify_backup(path) == [] and _entries_in(path) == 3
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert con.execute("SELECT matter FROM entry WHERE id = 1").fetchone()[0] == "咨询 0"
    con.close()
    assert [p.name for p in (store / "backups").iterdir() if p.name.startswith(".")] == []


def test_the_first_start_of_each_day_makes_one_backup(people, store):
    first = backup.backup_if_due(store, now=T0)
    assert first is not None and first.name.startswith("auto-20260310")
    assert backup.backup_if_due(store, now=T0 + timedelta(hours=5)) is None
    assert backup.backup_if_due(store, now=T0 + timedelta(days=1)) is not None
    assert [b.kind for b in backup.list_backups(store)] == ["auto", "auto"]


def test_a_year_of_daily_starts_keeps_7_daily_4_weekly_12_monthly(station, store):
    day = date(2025, 12, 1)
    while day <= date(2026, 11, 29):  # a Sunday
        backup.backup_if_due(store, now=datetime.combine(day, datetime.min.time()).replace(hour=8))
        day += timedelta(days=1)
    kept = sorted(b.made_at.date().isoformat() for b in backup.list_backups(store))
    daily = [f"2026-11-{d}" for d in range(23, 30)]
    weekly = ["2026-11-08", "2026-11-15", "2026-11-22"]  # + this week's, already daily
    monthly = [
        "2025-12-31",
        "2026-01-31",
        "2026-02-28",
        "2026-03-31",
        "2026-04-30",
        "2026-05-31",
        "2026-06-30",
        "2026-07-31",
        "2026-08-31",
        "2026-09-30",
        "2026-10-31",
    ]  # + this month's, already daily
    assert kept == sorted(daily + weekly + monthly)
    assert all(backup.verify_backup(b.path) == [] for b in backup.list_backups(store))


def test_manual_copies_beyond_ten_are_thinned(station, store):
    for n in range(12):
        backup.make_backup(store, now=T0 + timedelta(minutes=n))
    backup.rotate(store)
    kept = [b.made_at for b in backup.list_backups(store)]
    assert kept == [T0 + timedelta(minutes=n) for n in range(11, 1, -1)]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_to_usb_is_built_here_then_copied_and_compared(people, store, tmp_path):
    _register(people, 4)
    usb = tmp_path / "U盘"
    usb.mkdir()
    copy = backup.backup_to(store, usb, people["王建国"], now=T0)
    assert copy.parent == usb and copy.name == "firstask-backup-GS0101-20260310-090000.fabackup"
    local = store / "backups" / "manual-20260310-090000.sqlite3"
    # A lost stick shows nothing: no SQLite file, no customer's phone number.
    data = copy.read_bytes()
    assert b"SQLite format 3" not in data and b"13812340001" not in data
    assert b"13812340001" in local.read_bytes()
    opened = backup.open_sealed(store, copy, tmp_path)
    assert _sha(opened) == _sha(local) and _entries_in(opened) == 4
    assert sorted(p.name for p in usb.iterdir()) == [copy.name]  # no temp file left behind
    # A stick that shows short capital names (FIRSTA~1.FAB) still restores it as sealed.
    shown = tmp_path / "FIRSTA~1.FAB"
    shutil.copy(copy, shown)
    _register(people, 1, start=4)
    backup.restore(store, shown, actor=people["管理员"], now=T0 + timedelta(hours=1))
    assert Entry.select().count() == 4
    with pytest.raises(NotAllowedError):
        backup.backup_to(store, usb, people["李娜"])


def test_a_pulled_stick_is_not_silently_replaced_by_a_folder_on_the_pc(people, store, tmp_path):
    gone = tmp_path / "media" / "U盘"
    with pytest.raises(StorageError, match="U盘可能没有插好") as err:
        backup.backup_to(store, gone, people["管理员"])
    assert err.value.kind == "gone" and not gone.exists()


def test_a_stick_that_corrupts_the_copy_is_caught(people, store, tmp_path, monkeypatch):
    usb = tmp_path / "U盘"
    usb.mkdir()
    real = backup._sha256
    monkeypatch.setattr(
        backup, "_sha256", lambda p: "0" * 64 if Path(p).name.startswith(".check-") else real(p)
    )
    with pytest.raises(StorageError, match="不一致"):
        backup.backup_to(store, usb, people["管理员"], now=T0)
    assert list(usb.iterdir()) == []


def test_restore_puts_a_backup_back_and_keeps_the_current_file(people, store):
    _register(people, 3)
    saved = backup.make_backup(store, now=T0)
    _register(people, 2, start=3)
    with pytest.raises(NotAllowedError, match="所长或管理员"):
        backup.restore(store, saved, actor=people["李娜"])
    assert Entry.select().count() == 5  # refused: nothing changed

    report = backup.restore(store, saved, actor=people["管理员"], now=T0 + timedelta(hours=1))
    assert report.problems == [] and Entry.select().count() == 3
    assert report.kept_aside.name == "before-restore-20260310-100000.sqlite3"
    assert _entries_in(report.kept_aside) == 5
    assert "before-restore" in [b.kind for b in backup.list_backups(store)]
    # The restored register carries on; numbers 4 and 5 were handed out before the restore
    # (their entries are in the file kept aside) and are never given to another customer.
    entry = svc.register_entry(
        people["李娜"],
        channel="visit",
        category="consult",
        visitor="张三",
        phone="13812349999",
        matter="x",
        now=T0,
    )
    assert entry.serial == "GS0101-2026-00006" and check_database() == []


def test_a_damaged_backup_is_refused(people, store):
    saved = backup.make_backup(store, now=T0)
    with open(saved, "r+b") as handle:
        handle.seek(4096)
        handle.write(b"\x00\xff" * 8192)
    with pytest.raises(RefusedError, match="不能用来恢复"):
        backup.restore(store, saved, actor=people["管理员"])
    assert Entry.select().count() == 0 and check_database() == []


def test_a_restore_that_fails_half_way_leaves_the_register_as_it_was(people, store, monkeypatch):
    _register(people, 2)
    saved = backup.make_backup(store, now=T0)
    _register(people, 1, start=2)

    def full(*_args, **_kw):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup.shutil, "copyfileobj", full)
    with pytest.raises(StorageError, match="空间已满"):
        backup.restore(store, saved, actor=people["管理员"], now=T0)
    monkeypatch.undo()
    open_store(store)
    assert Entry.select().count() == 3 and check_database() == []


def test_backup_commands(people, store, tmp_path, monkeypatch, capsys):
    from firstask_desktop.cli.runner import run

    _register(people, 2)
    db.close()
    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)
    usb = tmp_path / "U盘"
    usb.mkdir()

    def cli(*args):
        code = run(["--data-dir", str(store), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    code, out, err = cli("--as", "管理员", "backup", "now")
    assert code == 0 and "通过检查" in out, err
    code, out, _ = cli("--as", "管理员", "backup", "list", "--json")
    listed = json.loads(out)
    assert code == 0 and [b["kind"] for b in listed] == ["manual"]
    code, out, err = cli("--as", "管理员", "backup", "to", str(usb))
    assert code == 0 and "可以安全拔出" in out, err
    on_stick = next(usb.iterdir())
    code, _, err = cli("--as", "李娜", "backup", "to", str(usb))
    assert code == 2 and "无权" in err

    # Damage the register: restoring then needs no login (nobody could log in to it).
    path = config.db_path(store)
    path.write_bytes(b"not a database" * 4096)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    code, out, err = cli("backup", "restore", str(on_stick))
    assert code == 0 and "已从" in out and "保留为" in out, err
    code, out, _ = cli("--as", "管理员", "entry", "list", "--json")
    assert code == 0 and len(json.loads(out)) == 2
    # Over a healthy register a clerk may not roll the book back.
    code, _, err = cli("--as", "李娜", "backup", "restore", str(on_stick))
    assert code == 2 and "无权备份到U盘和恢复备份" in err
