"""Turning a failing disk into one clear Chinese sentence (``errors.StorageError``).

A full disk, a USB stick pulled out half-way, a read-only stick or a failing hard disk reach us as
``OSError`` (writing files) or as SQLite's "database or disk is full" / "disk I/O error" (writing
the database). Both paths keep the old data whole (temp file + rename; SQLite's rollback), so the
message can say so, and what to do next.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
from pathlib import Path

import peewee

from firstask_desktop.domain.errors import StorageError

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_GONE = {
    errno.ENOENT,
    errno.ENODEV,
    errno.ENXIO,
    getattr(errno, "ESTALE", errno.ENOENT),
    getattr(errno, "ENOMEDIUM", errno.ENODEV),
}
_READONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_IO = {errno.EIO}
# Windows error codes that Python does not translate to the errno values above.
_WIN_FULL = {39, 112}  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
_WIN_GONE = {21, 1167, 55, 53}  # NOT_READY, DEVICE_NOT_CONNECTED, DEV_NOT_EXIST, BAD_NETPATH
_WIN_IO = {1117, 23, 483}  # IO_DEVICE, CRC, DEVICE_HARDWARE_ERROR

# SQLite primary result codes (the low byte of extended codes).
_SQLITE_FULL = 13
_SQLITE_IOERR = 10
_SQLITE_READONLY = 8
_SQLITE_CANTOPEN = 14

_MESSAGES = {
    "full": "{what}失败：磁盘（或U盘）空间已满。原有数据没有改变，也没有留下半个文件；"
    "请删除不需要的文件或换一个有空间的位置后重试。",
    "gone": "{what}失败：找不到要写入的位置（U盘可能已被拔出，或文件夹已被删除）。"
    "原有数据没有改变；请重新插好U盘或选择其他位置后重试。",
    "readonly": "{what}失败：目标位置是只读的或没有写入权限（U盘可能有写保护开关）。"
    "原有数据没有改变；请换一个可以写入的位置后重试。",
    "io": "{what}失败：读写磁盘时出错（U盘接触不良或磁盘故障）。原有数据没有改变；"
    "请重新插好U盘后重试，仍不行请换一个U盘或联系县公司检查电脑。",
}


# The open data folder (storage.open_store sets it). SQLite's codes are vague: a nearly full
# disk can come out as "disk I/O error", a read-only folder as "unable to open database file";
# the folder itself tells which it is.
DATA_FOLDER: list[Path] = []
NEARLY_FULL = 1024 * 1024  # bytes free below which a write error is a full disk


def _refined(kind: str | None) -> str | None:
    if kind not in ("io", "gone") or not DATA_FOLDER:
        return kind
    folder = DATA_FOLDER[0]
    try:
        if not folder.is_dir():
            return kind
        if shutil.disk_usage(folder).free < NEARLY_FULL:
            return "full"
    except OSError:
        return kind
    if kind == "gone" and not os.access(folder, os.W_OK):
        return "readonly"
    return kind


def _kind_of_oserror(err: OSError) -> str | None:
    winerror = getattr(err, "winerror", None)
    if winerror in _WIN_FULL or err.errno in _FULL:
        return "full"
    if winerror in _WIN_GONE or err.errno in _GONE:
        return "gone"
    if winerror in _WIN_IO or err.errno in _IO:
        return "io"
    if err.errno in _READONLY:
        return "readonly"
    return None


def _kind_of_sqlite(err: Exception) -> str | None:
    code = getattr(err, "sqlite_errorcode", None)
    if code is not None:
        primary = code & 0xFF
        if primary == _SQLITE_FULL:
            return "full"
        if primary == _SQLITE_IOERR:
            return "io"
        if primary == _SQLITE_READONLY:
            return "readonly"
        if primary == _SQLITE_CANTOPEN:
            return "gone"
    text = str(err).lower()
    if "database or disk is full" in text:
        return "full"
    if "disk i/o error" in text:
        return "io"
    if "readonly database" in text:
        return "readonly"
    if "unable to open database file" in text:
        return "gone"
    return None


def _causes(err: BaseException):
    """The error and what it wraps (peewee re-raises sqlite3 errors as its own)."""
    seen = set()
    while err is not None and id(err) not in seen:
        seen.add(id(err))
        yield err
        for arg in getattr(err, "args", ())[:1]:
            if isinstance(arg, BaseException):
                yield arg
        err = err.__cause__ or err.__context__


def storage_error(err: BaseException, what: str) -> StorageError | None:
    """The Chinese ``StorageError`` for a disk failure, or None when ``err`` is something else."""
    if not isinstance(err, (OSError, sqlite3.Error, peewee.PeeweeException)):
        return None  # e.g. a refusal raised while handling a missing file is still a refusal
    for candidate in _causes(err):
        if isinstance(candidate, StorageError):
            return candidate
        kind = None
        if isinstance(candidate, OSError):
            kind = _kind_of_oserror(candidate)
        elif isinstance(candidate, (sqlite3.Error, peewee.PeeweeException)):
            kind = _refined(_kind_of_sqlite(candidate))
        if kind:
            return StorageError(_MESSAGES[kind].format(what=what), kind)
    return None


@contextlib.contextmanager
def translated(what: str):
    """Inside, a disk failure becomes a ``StorageError`` saying ``what`` failed."""
    try:
        yield
    except StorageError:
        raise
    except Exception as err:
        mapped = storage_error(err, what)
        if mapped is None:
            raise
        raise mapped from err
