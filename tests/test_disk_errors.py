"""A full, failing or vanished disk: one clear Chinese message, and nothing old is damaged.

Injected errors (``OSError(ENOSPC)`` from fsync, SQLite's page limit) run everywhere; when the
tests run as root a real tiny tmpfs is mounted and filled too.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from support import PASSWORD, T0

from firstask_desktop.domain.errors import StorageError
from firstask_desktop.services import backup
from firstask_desktop.services import entries as svc
from firstask_desktop.store import config, db, fileio
from firstask_desktop.store.disk_errors import storage_error
from firstask_desktop.store.integrity import check_database
from firstask_desktop.store.models import AuditEvent, Entry, SerialCounter, Staff
from firstask_desktop.store.storage import open_store


def _no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_full_disk_while_writing_a_file_keeps_the_previous_one(tmp_path, monkeypatch):
    target = tmp_path / "登记簿.pdf"
    target.write_bytes(b"the previous file")

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", full)
    with pytest.raises(StorageError) as err:
        fileio.write_atomic(target, b"new content" * 1000, what="保存登记簿PDF")
    assert err.value.kind == "full"
    assert str(err.value).startswith("保存登记簿PDF失败：磁盘（或U盘）空间已满。原有数据没有改变")
    assert target.read_bytes() == b"the previous file" and _no_temp_files(tmp_path)


@pytest.mark.parametrize(
    "error, kind, words",
    [
        (OSError(errno.EIO, "Input/output error"), "io", "读写磁盘时出错"),
        (FileNotFoundError(errno.ENOENT, "No such file"), "gone", "U盘可能已被拔出"),
        (OSError(errno.EROFS, "Read-only file system"), "readonly", "写保护"),
    ],
)
def test_each_kind_of_disk_failure_has_its_message(tmp_path, error, kind, words):
    target = tmp_path / "同步文件.fasync"
    target.write_bytes(b"old")

    def writer(_handle):
        raise error

    with pytest.raises(StorageError, match=words) as err:
        fileio.write_atomic(target, writer=writer)
    assert err.value.kind == kind and "保存文件“同步文件.fasync”失败" in str(err.value)
    assert target.read_bytes() == b"old" and _no_temp_files(tmp_path)


def test_other_errors_pass_through_unchanged(tmp_path):
    def writer(_handle):
        raise ValueError("a bug, not a disk")

    with pytest.raises(ValueError, match="a bug"):
        fileio.write_atomic(tmp_path / "x", writer=writer)


def test_sqlite_and_windows_errors_are_recognised():
    full = sqlite3.OperationalError("database or disk is full")
    assert storage_error(full, "保存").kind == "full"
    assert storage_error(sqlite3.OperationalError("disk I/O error"), "保存").kind == "io"
    windows = OSError(None, "The device is not ready")
    windows.winerror = 21
    assert storage_error(windows, "保存").kind == "gone"
    assert storage_error(sqlite3.OperationalError("no such table: x"), "保存") is None
    assert storage_error(RuntimeError("database or disk is full"), "保存") is None


def _limit_growth(extra_pages: int = 0) -> None:
    """Let the open database grow by at most ``extra_pages``: SQLite then reports it full."""
    pages = db.database.execute_sql("PRAGMA page_count").fetchone()[0]
    db.database.execute_sql(f"PRAGMA max_page_count = {pages + extra_pages}")


def _register(people, n: int):
    return svc.register_entry(
        people["李娜"],
        channel="visit",
        category="complaint",
        visitor="张三",
        phone=f"1381234{n:04d}",
        matter="电压低" * 300,
        now=T0,
    )


def test_a_full_database_refuses_the_entry_and_keeps_the_rest(people):
    _register(people, 0)
    _limit_growth()
    saved = 1
    with pytest.raises(StorageError, match="保存到数据库失败：磁盘（或U盘）空间已满") as err:
        for n in range(1, 200):
            _register(people, n)
            saved += 1
    assert err.value.kind == "full"
    # The failed entry is wholly absent: no row, no event, no serial number used up.
    assert Entry.select().count() == saved
    assert AuditEvent.select().where(AuditEvent.action == "register").count() == saved
    assert SerialCounter.get().last == saved
    assert check_database() == []
    _limit_growth(10_000)  # space freed: the clerk simply saves again
    assert _register(people, 500).serial == f"GS0101-2026-{saved + 1:05d}"


def test_the_cli_says_the_disk_is_full_with_exit_1(people, store, monkeypatch, capsys):
    from firstask_desktop.cli.runner import run

    db.close()
    pages = config.db_path(store).stat().st_size // 4096 + 1
    monkeypatch.setattr(db, "SQLITE_PRAGMAS", {**db.SQLITE_PRAGMAS, "max_page_count": pages})
    monkeypatch.setenv("FIRSTASK_PASSWORD", PASSWORD)
    codes = set()
    for n in range(60):
        codes.add(
            run(
                [
                    "--data-dir",
                    str(store),
                    "--as",
                    "李娜",
                    "entry",
                    "add",
                    "--channel",
                    "来访",
                    "--category",
                    "投诉",
                    "--visitor",
                    "张三",
                    "--phone",
                    f"1381234{n:04d}",
                    "--matter",
                    "电压低" * 300,
                ]
            )
        )
        if 1 in codes:
            break
    err = capsys.readouterr().err
    assert 1 in codes and "空间已满" in err.splitlines()[-1] and "出错了" not in err
    monkeypatch.undo()
    open_store(store)
    assert check_database() == []


# --- a real, tiny, full file system (root only) ---------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path):
    """A 1 MiB tmpfs; skipped where mounting is not permitted (not root, or no CAP_SYS_ADMIN)."""
    mount = tmp_path / "U盘"
    mount.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True
        ).returncode
        != 0
    ):
        pytest.skip("mounting a tmpfs needs root; the injected-error tests above cover this")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> Path:
    """Fill the file system, leaving a few KiB."""
    junk = folder / "填满.bin"
    fd = os.open(junk, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 4096, 512):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)
    return junk


def test_backup_and_export_onto_a_full_stick(people, store, tiny_disk):
    from firstask_desktop.services.export_excel import export_register

    for n in range(40):
        _register(people, n)
    previous = tiny_disk / "上次的导出.xlsx"
    export_register(people["王建国"], previous)
    before = previous.read_bytes()
    _fill(tiny_disk)
    with pytest.raises(StorageError, match="空间已满"):
        backup.backup_to(store, tiny_disk, people["管理员"], now=T0)
    with pytest.raises(StorageError, match="空间已满"):
        export_register(people["王建国"], previous)
    assert previous.read_bytes() == before and _no_temp_files(tiny_disk)
    assert not list(tiny_disk.glob("firstask-backup-*"))


def test_the_database_on_a_full_disk_stays_whole(tiny_disk):
    from firstask_desktop.services.station import add_staff, init_station

    open_store(tiny_disk / "数据")
    try:
        init_station(
            code="GS0101", name="城关供电所", admin_name="管理员", admin_password=PASSWORD, now=T0
        )
        admin = Staff.get(Staff.name == "管理员")
        add_staff(admin, name="李娜", role="clerk", password=PASSWORD, now=T0)
        junk = _fill(tiny_disk)
        saved = 0
        with pytest.raises(StorageError, match="空间已满"):
            for n in range(2000):
                svc.register_entry(
                    Staff.get(Staff.name == "李娜"),
                    channel="visit",
                    category="consult",
                    visitor="张三",
                    phone=f"1381234{n:04d}",
                    matter="咨询" * 500,
                    now=T0,
                )
                saved += 1
        junk.unlink()
        db.close()
        open_store(tiny_disk / "数据")
        assert Entry.select().count() == saved and check_database() == []
    finally:
        db.close()
