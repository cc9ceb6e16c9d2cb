"""An exclusive lock on one action of a data folder, across processes (a second window, the
command line). Held by the operating system: a process that dies lets go, no stale lock."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from firstask_desktop.domain.errors import RefusedError

if os.name == "nt":  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(handle) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(handle) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


@contextlib.contextmanager
def exclusive(folder: Path, name: str, busy_message: str):
    """Run the block alone among everyone using ``folder``'s ``name`` lock; refuse if taken."""
    path = Path(folder) / f".{name}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        if not _try_lock(handle):
            raise RefusedError(busy_message)
        yield
