"""What the desktop app asks before it opens the register.

Power cuts are common at rural stations. SQLite in WAL mode with ``synchronous=FULL`` survives
them, but a failing disk does not; so every start runs ``PRAGMA quick_check`` on the file first
and, when it is damaged, offers the newest good backup instead of crashing on the first query.

The GUI's start sequence: ``startup_check(folder)``; when ``ok`` open the store, then
``backup.backup_if_due(folder)`` (in a worker) and show ``clock.clock_warning()`` if any; when not
``ok`` offer ``report.backups`` (newest first) and call ``backup.restore(folder, chosen.path)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from firstask_desktop.services.backup import (
    BackupInfo,
    database_is_healthy,
    list_backups,
    verify_for_restore,
)
from firstask_desktop.store import config


@dataclass
class StartupReport:
    database: Path
    exists: bool  # False on the first start (the set-up wizard follows)
    ok: bool  # the file opens and passes quick_check (or does not exist yet)
    message: str = ""  # Chinese, for the dialog when not ok
    backups: list[BackupInfo] = field(default_factory=list)  # good ones, newest first

    @property
    def newest_good_backup(self) -> BackupInfo | None:
        return self.backups[0] if self.backups else None


OFFERED = 3  # good backups offered; each is checked whole (chain and rows), so not all of them


def good_backups(folder: Path) -> list[BackupInfo]:
    """This station's backups that pass every check of a restore, newest first: another
    station's copy or an edited one planted as the newest is passed over, never offered."""
    good = []
    for b in list_backups(folder):
        if not verify_for_restore(folder, b.path):
            good.append(b)
            if len(good) == OFFERED:
                break
    return good


def startup_check(folder: Path) -> StartupReport:
    path = config.db_path(Path(folder))
    if not path.exists():
        return StartupReport(database=path, exists=False, ok=True)
    if database_is_healthy(path):
        return StartupReport(database=path, exists=True, ok=True)
    backups = good_backups(folder)
    if backups:
        newest = backups[0]
        message = (
            f"登记簿文件“{path}”已损坏，无法打开（可能是停电或硬盘故障）。"
            f"可以用最近的完好备份（{newest.label}）恢复；恢复前，损坏的文件会保留在"
            "备份文件夹里，供县公司检查。"
        )
    else:
        message = (
            f"登记簿文件“{path}”已损坏，无法打开，也没有找到完好的备份。"
            "请不要删除数据文件夹，马上联系县公司技术人员。"
        )
    return StartupReport(database=path, exists=True, ok=False, message=message, backups=backups)
