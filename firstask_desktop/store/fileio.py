"""Writing files that leave the PC (sync files, backups, PDFs, key files): atomically.

Write to a temporary file in the same folder, fsync it, rename it over the target, fsync the
folder; a power cut or a pulled USB stick leaves either the old file or the new one, never half.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from firstask_desktop.store.disk_errors import translated


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (also used by backups, which SQLite writes itself)."""
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; NTFS journals the rename
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(
    target: Path,
    data: bytes | None = None,
    *,
    writer: Callable | None = None,
    mode: int | None = None,
    what: str = "",
) -> Path:
    """Write ``data`` (or call ``writer(binary_file)``) to ``target`` atomically.

    ``what`` names the action in the Chinese message of a disk failure (default: 保存文件“x”).
    """
    target = Path(target)
    with translated(what or f"保存文件“{target.name}”"):
        return _write_atomic(target, data, writer, mode)


def _write_atomic(
    target: Path, data: bytes | None, writer: Callable | None, mode: int | None
) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if writer is not None:
                writer(handle)
            else:
                handle.write(data or b"")
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except BaseException:
        # On a pulled stick the clean-up fails too; the first error is the one to report.
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    return target
