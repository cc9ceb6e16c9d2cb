"""Where a file dialog opens: the folder last used in this session, else the user's documents,
never the install folder (the process's working directory, where a bare file name lands)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

_last: list[str] = []


def start_folder() -> str:
    if _last and Path(_last[0]).is_dir():
        return _last[0]
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def remember(path: str) -> None:
    """Keep the folder of ``path`` (a file or a folder) for the next dialog."""
    if not path:
        return
    folder = Path(path) if Path(path).is_dir() else Path(path).parent
    _last[:] = [str(folder)]


def start_file(file_name: str) -> str:
    """A suggested file name inside the start folder."""
    return str(Path(start_folder()) / file_name)
