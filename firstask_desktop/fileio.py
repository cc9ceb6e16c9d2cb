"""Writing files that leave the PC (sync files, backups, PDFs, key files): atomically.

Write to a temporary file in the same folder, fsync it, rename it over the target, fsync the
folder; a power cut or a pulled USB stick leaves either the old file or the new one, never half.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; NTFS journals the rename
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(target: Path, data: bytes | None = None, *, writer: Callable | None = None,
                 mode: int | None = None) -> Path:
    """Write ``data`` (or call ``writer(binary_file)``) to ``target`` atomically."""
    target = Path(target)
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
        _fsync_dir(target.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
