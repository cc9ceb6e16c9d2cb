"""Where the USB sticks are: the folders the 同步 screen offers for "导出到U盘".

Windows: every drive letter whose type is removable (``GetDriveTypeW`` = DRIVE_REMOVABLE).
Linux: the mount points under ``/media/<user>`` and ``/run/media/<user>`` (where desktops mount
sticks). No Qt here: the GUI shows the list and lets the clerk pick another folder too.
"""

from __future__ import annotations

import getpass
import os
import string
from pathlib import Path

DRIVE_REMOVABLE = 2


def _windows_drives() -> list[Path]:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel32.GetLogicalDrives()
    found = []
    for index, letter in enumerate(string.ascii_uppercase):
        if mask & (1 << index):
            root = f"{letter}:\\"
            if kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) == DRIVE_REMOVABLE:
                found.append(Path(root))
    return found


def _mounted_under(roots: list[Path]) -> list[Path]:
    found = []
    for root in roots:
        try:
            children = sorted(p for p in root.iterdir() if p.is_dir() and os.path.ismount(p))
        except OSError:
            continue  # not there, or not ours to read
        found.extend(children)
    return found


def removable_drives(roots: list[Path] | None = None) -> list[Path]:
    """The removable drives' root folders, in a stable order (empty when none is plugged in).

    ``roots`` (Linux only) replaces the folders searched for mount points.
    """
    if os.name == "nt" and roots is None:
        return _windows_drives()
    if roots is None:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = ""
        roots = [Path("/media") / user, Path("/run/media") / user] if user else []
    return _mounted_under(roots)
