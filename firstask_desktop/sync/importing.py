"""``sync import``: one door for every kind of sync file (and for drag-and-drop in the GUI).

At the county: station exports (each followed by an acknowledgement file for the station).
At a station: the county's packages and acknowledgements.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.store.storage import current_folder

from .actors import authorise
from .attachment_parts import KIND as PART_KIND
from .container import SyncFile, open_sync_file, refuse
from .progress import Progress
from .results import ImportResult


@dataclass
class FileOutcome:
    path: Path
    result: ImportResult | None = None
    error: RefusedError | None = None  # refused: nothing of this file was changed


def inspect_file(path: Path) -> SyncFile:
    """Check a file and read its header without importing (the GUI shows who sent it, its
    number and, for an unknown station, the fingerprint to confirm)."""
    return open_sync_file(Path(path))


def import_file(
    path: Path | SyncFile,
    *,
    accept_new_station: bool = False,
    actor=None,
    ack_dir: Path | None = None,
    now: datetime | None = None,
    on_progress=None,
    should_cancel=None,
    folder: Path | None = None,
) -> ImportResult:
    """Import one file; a refusal raises ``RefusedError`` (``SyncFileError``,
    ``UnknownStationKey``, ``SyncCancelled`` ...) with nothing changed.

    ``actor``: the logged-in staff member (``export_import``; accepting a new station's key also
    needs ``manage_keys``) or a label for the command line.
    """
    from .county_import import import_station_file
    from .package import apply_ack, apply_package, write_ack

    folder = folder or current_folder()
    who = authorise(actor, "export_import")
    if accept_new_station:
        authorise(actor, "manage_keys")
    sync_file = path if isinstance(path, SyncFile) else open_sync_file(Path(path))
    if sync_file.kind == PART_KIND:
        raise refuse(
            sync_file.path,
            "是一个附件部分文件",
            f"请导入同一次导出的主文件“{sync_file.station}-{sync_file.seq:06d}.fasync”，"
            "附件随它一起导入。",
        )
    progress = Progress(on_progress, should_cancel)
    progress(0, 1, "check", force=True)
    if sync_file.kind == "station_export":
        from .trust import local_role

        if local_role() != "county":
            raise refuse(
                sync_file.path,
                f"是供电所 {sync_file.station} 给县公司的同步文件",
                "只有县公司能导入它；供电所请导入县公司的资料包或回执。",
            )
        result = import_station_file(
            sync_file,
            accept_new_station=accept_new_station,
            actor=who,
            now=now,
            progress=progress,
            folder=folder,
        )
        target_dir = Path(ack_dir) if ack_dir is not None else sync_file.path.parent
        try:
            result.ack_path = write_ack(result, target_dir, now=now, folder=folder)
        except (OSError, RefusedError) as err:
            result.warnings.append(
                f"回执文件没能写出（{err}）：数据已导入；可稍后重新导入同一文件来补写回执。"
            )
        return result
    if sync_file.kind == "county_package":
        return apply_package(sync_file, now=now, progress=progress)
    return apply_ack(sync_file, now=now)


def _order_key(outcome_file: SyncFile) -> tuple:
    return (outcome_file.kind, outcome_file.station, outcome_file.seq)


def import_files(paths: list[Path], **options) -> list[FileOutcome]:
    """Import several files (say, everything on a stick), oldest number first per sender.

    Each file is its own transaction: one refused file leaves the others imported.
    """
    opened: list[SyncFile] = []
    outcomes: list[FileOutcome] = []
    for path in paths:
        try:
            opened.append(open_sync_file(Path(path)))
        except RefusedError as err:
            outcomes.append(FileOutcome(Path(path), error=err))
    # Part files are read with their main file: given among the rest (a whole stick), skipped.
    for sync_file in sorted((f for f in opened if f.kind != PART_KIND), key=_order_key):
        try:
            outcomes.append(FileOutcome(sync_file.path, result=import_file(sync_file, **options)))
        except RefusedError as err:
            outcomes.append(FileOutcome(sync_file.path, error=err))
    return outcomes
