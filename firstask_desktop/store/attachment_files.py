"""The attachment files: kept in the data folder under their SHA-256, never in the install folder.

``<data>/attachments/ab/abcdef…`` holds the bytes whose SHA-256 is ``abcdef…``: the same photo
added twice is stored once, and a file whose bytes no longer match its name was changed or
damaged (``check`` names it). Each file is written atomically (fileio.write_atomic) and never
rewritten. Backups copy the files into ``<data>/backups/attachments/`` the same way, only those
not there yet.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

from firstask_desktop.store.disk_errors import translated
from firstask_desktop.store.fileio import fsync_dir, write_atomic
from firstask_desktop.store.models import Attachment, Entry

STORE_DIR = "attachments"
HEX64 = re.compile(r"^[0-9a-f]{64}$")
BLOCK = 1 << 20


def store_dir(folder: Path) -> Path:
    return Path(folder) / STORE_DIR


def path_in(root: Path, sha256: str) -> Path:
    if not HEX64.match(sha256 or ""):
        raise ValueError(f"not a SHA-256: {sha256!r}")
    return Path(root) / sha256[:2] / sha256


def path_for(folder: Path, sha256: str) -> Path:
    return path_in(store_dir(folder), sha256)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def put(folder: Path, data: bytes) -> str:
    """Store ``data``; returns its SHA-256. A file already there with the right bytes is kept."""
    sha = sha256_of(data)
    target = path_for(folder, sha)
    if state_of(target, sha) != "ok":
        write_atomic(target, data, what="保存附件")
    return sha


def put_stream(folder: Path, sha256: str, blocks: Iterable[bytes]) -> bool:
    """Store the bytes of ``blocks`` as ``sha256`` (a file arriving in parts, from a sync file or
    a backup). Returns False, keeping nothing, when the bytes are not that hash."""
    target = path_for(folder, sha256)
    digest = hashlib.sha256()

    def writer(handle) -> None:
        for block in blocks:
            digest.update(block)
            handle.write(block)
        if digest.hexdigest() != sha256:
            raise _WrongBytes

    try:
        write_atomic(target, writer=writer, what="保存附件")
    except _WrongBytes:
        return False
    return True


class _WrongBytes(Exception):
    pass


class Incoming:
    """A file arriving in pieces (a sync file's parts): written to a temporary file beside its
    place, moved there only when all ``size`` bytes are in and they are ``sha256``."""

    def __init__(self, folder: Path, sha256: str, size: int):
        self.sha256, self.size, self.written = sha256, size, 0
        self.target = path_for(folder, sha256)
        self._digest = hashlib.sha256()
        self._handle = None
        if state_of(self.target, sha256) == "ok":
            return  # already here (another entry, an earlier file): read past it
        with translated("保存附件"):
            self.target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{sha256[:12]}.", dir=self.target.parent)
        self._tmp = Path(name)
        self._handle = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        self.written += len(data)
        if self._handle is not None:
            self._digest.update(data)
            with translated("保存附件"):
                self._handle.write(data)

    def finish(self) -> bool:
        """Whether the file is now in place, whole and right."""
        if self._handle is None:
            return self.written == self.size
        with translated("保存附件"):
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            self._handle = None
            if self.written != self.size or self._digest.hexdigest() != self.sha256:
                self._tmp.unlink(missing_ok=True)
                return False
            os.replace(self._tmp, self.target)
            fsync_dir(self.target.parent)
        return True

    def abort(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
                self._tmp.unlink(missing_ok=True)
            self._handle = None


def read(folder: Path, sha256: str) -> bytes | None:
    """The file's bytes, or None when it is missing or its bytes are not its hash (or the
    hash is no hash: a row edited outside the program, which ``check`` names)."""
    if not HEX64.match(sha256 or ""):
        return None
    target = path_for(folder, sha256)
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        return None
    return data if sha256_of(data) == sha256 else None


def state_of(path: Path, sha256: str) -> str:
    """``ok``, ``missing`` or ``altered``."""
    if not path.is_file():
        return "missing"
    try:
        return "ok" if file_sha256(path) == sha256 else "altered"
    except OSError:
        return "altered"


def copy_missing(source_root: Path, target_root: Path, hashes: Iterable[str]) -> int:
    """Copy each file of ``hashes`` from one store to another unless already there (a file of
    the right size under its hash was checked when it was written); returns how many were
    copied. A file missing or altered at the source is skipped: ``check`` names it."""
    copied = 0
    with translated("复制附件"):
        for sha in sorted(set(hashes)):
            source, target = path_in(source_root, sha), path_in(target_root, sha)
            if target.is_file() and source.is_file():
                if target.stat().st_size == source.stat().st_size:
                    continue
            if state_of(source, sha) != "ok":
                continue
            with open(source, "rb") as handle:
                write_atomic(target, writer=lambda h, s=handle: shutil.copyfileobj(s, h, BLOCK))
            copied += 1
    return copied


def hashes_in(database_file: Path) -> tuple[set[str], set[str]]:
    """``(every hash, hashes of attachments not removed)`` a register file refers to (a backup
    copy, read with sqlite3 while the register may be open or closed)."""
    every, live = set(), set()
    with contextlib.closing(sqlite3.connect(str(database_file))) as con:
        try:
            rows = con.execute('SELECT "sha256", "removed_at" FROM "attachment"').fetchall()
        except sqlite3.OperationalError:
            return every, live  # a register from before attachments
    for sha, removed_at in rows:
        if HEX64.match(sha or ""):
            every.add(sha)
            if removed_at is None:
                live.add(sha)
    return every, live


def drop_removed(folder: Path, kept_in: Path, every: set[str], live: set[str]) -> list[str]:
    """Delete from the store the files only removed attachments refer to, once ``kept_in`` (a
    backup store) holds them: a removal keeps the file until the next backup has copied it."""
    dropped = []
    for sha in sorted(every - live):
        target = path_for(folder, sha)
        if target.is_file() and state_of(path_in(kept_in, sha), sha) == "ok":
            with contextlib.suppress(OSError):
                target.unlink()
                dropped.append(sha)
    return dropped


def drop_unreferenced(root: Path, wanted: set[str]) -> list[str]:
    """Delete from a store (the backups' pool) every file whose hash ``wanted`` lacks; returns
    the hashes deleted. Names that are not a hash are not ours and are left alone."""
    dropped = []
    for path in sorted(Path(root).glob("??/*")):
        sha = path.name
        if HEX64.match(sha) and sha[:2] == path.parent.name and sha not in wanted:
            with contextlib.suppress(OSError):
                path.unlink()
                dropped.append(sha)
    return dropped


def problems(folder: Path) -> list[str]:
    """One Chinese line per attachment whose file is missing or not its hash (``check``). A
    removed one is not looked for: its file goes once a backup holds it."""
    lines = []
    query = (
        Attachment.select(Attachment, Entry.serial)
        .join(Entry)
        .where(Attachment.removed_at.is_null())
        .order_by(Entry.serial, Attachment.id)
    )
    for item in query.iterator():
        what = f"登记 {item.entry.serial} 的附件 {item.uuid[:8]}（{item.file_name or '无名'}）"
        if not HEX64.match(item.sha256 or ""):
            # Edited outside the program (into a path, say): named, never followed.
            lines.append(
                f"{what}的校验值“{item.sha256[:80]}”不是文件的 SHA-256 校验值：记录在程序外被改动过"
            )
            continue
        state = state_of(path_for(folder, item.sha256), item.sha256)
        if state == "ok":
            continue
        if state == "missing":
            lines.append(
                f"{what}的文件不见了：请从备份恢复（backup restore），县公司可请该所全量导出"
            )
        else:
            lines.append(f"{what}的文件内容与登记时的校验值不符：文件在程序外被改动或已损坏")
    return lines
