"""File dialogs that open where the clerk last was (the stick they just used), else in their
documents folder — never in the program's folder, where nothing of theirs is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

# The folder last used in this run, for dialogs that have no preferences at hand (a preview).
_last: list[str] = []


def start_folder(prefs=None) -> str:
    """The folder last used (kept in the preferences across runs), else the user's documents."""
    last = getattr(prefs, "last_folder", "") if prefs is not None else ""
    for folder in (last, *_last):
        if folder and Path(folder).is_dir():
            return folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def remember(prefs, path: str) -> None:
    """Keep the folder of ``path`` (a file or a folder) for the next dialog."""
    if not path:
        return
    folder = Path(path)
    folder = str(folder if folder.is_dir() else folder.parent)
    _last[:] = [folder]
    if prefs is not None:
        prefs.last_folder = folder


def start_file(prefs, file_name: str) -> str:
    """A suggested file name inside the start folder."""
    return str(Path(start_folder(prefs)) / file_name)


def save_file_name(parent: QWidget, prefs, title: str, name: str, filters: str) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent, title, str(Path(start_folder(prefs)) / name), filters
    )
    remember(prefs, path)
    return path


def open_file_names(parent: QWidget, prefs, title: str, filters: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, start_folder(prefs), filters)
    if paths:
        remember(prefs, paths[0])
    return paths


def existing_folder(parent: QWidget, prefs, title: str) -> str:
    folder = QFileDialog.getExistingDirectory(parent, title, start_folder(prefs))
    remember(prefs, folder)
    return folder


def ack_lines(paths: list[str]) -> list[str]:
    """The lines after an import that wrote acknowledgement files (回执): where they are, on
    which drive, and that they go back to the stations (the station imports its receipt)."""
    if not paths:
        return []
    lines = [
        "<b>"
        + QCoreApplication.translate(
            "AckFiles", "已写出 {0} 个回执文件：请把回执带回供电所，在供电所的“同步”页导入。"
        ).format(len(paths))
        + "</b>"
    ]
    for path in paths:
        where = Path(path).drive or str(Path(path).parent)
        text = QCoreApplication.translate("AckFiles", "{0}（在 {1}）")
        lines.append("　" + text.format(Path(path).name, where))
    return lines
