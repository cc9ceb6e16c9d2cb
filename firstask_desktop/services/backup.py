"""Backups of the register: daily automatic copies, copies to a USB stick, restoring one.

Every copy is made with SQLite's backup API (a consistent snapshot even while the app is
writing, unlike a file copy of a WAL database), converted to a single self-contained file,
checked with ``PRAGMA integrity_check`` and only then given its final name. Automatic copies
live in ``<data>/backups/`` and are thinned out like a grandfather-father-son scheme: the
newest copy of each of the last 7 days, 4 weeks and 12 months with copies is kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from firstask_desktop.domain import permissions
from firstask_desktop.domain.errors import NotAllowedError, RefusedError, StorageError
from firstask_desktop.store import attachment_files, audit, chain_head, config, db, keys, schema
from firstask_desktop.store.disk_errors import translated
from firstask_desktop.store.fileio import fsync_dir, write_atomic

BACKUP_DIR = "backups"
# The attachment files of every backup, by hash like the data folder's own store: each file is
# copied once, by the first backup that refers to it (backups are incremental for files).
ATTACHMENT_POOL = "attachments"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
KEEP_MANUAL = 10  # copies made for a USB stick, kept here too as restore points

_NAME = re.compile(r"^(auto|manual|before-restore|before-migration-v\d+)-(\d{8}-\d{6})\.sqlite3$")
KIND_LABELS = {
    "auto": "每日自动备份",
    "manual": "手动备份",
    "before-restore": "恢复前保留的原文件",
    "before-migration": "升级前备份",
    "other": "备份文件",
}


@dataclass
class BackupInfo:
    path: Path
    kind: str  # auto | manual | before-restore | before-migration | other
    made_at: datetime | None
    size: int

    @property
    def label(self) -> str:
        when = f"{self.made_at:%Y-%m-%d %H:%M}" if self.made_at else "时间不明"
        return f"{when} {KIND_LABELS[self.kind]}（{self.size / 1024 / 1024:.1f} MB）"


@dataclass
class RestoreReport:
    restored_from: Path
    kept_aside: Path | None  # the file that was current before, moved into backups/
    problems: list[str]  # of the restored register (``check``); empty when all is well


def backups_dir(folder: Path) -> Path:
    return Path(folder) / BACKUP_DIR


def attachment_pool(folder: Path) -> Path:
    return backups_dir(folder) / ATTACHMENT_POOL


def _keep_attachments(folder: Path, copy: Path) -> int:
    """Copy into the backups' pool the attachment files ``copy`` (a verified backup) refers to
    and the pool lacks; then the files only removed attachments referred to leave the data
    folder (a removal keeps the file until a backup holds it). Returns how many were copied."""
    every, live = attachment_files.hashes_in(copy)
    pool = attachment_pool(folder)
    copied = attachment_files.copy_missing(attachment_files.store_dir(folder), pool, every)
    attachment_files.drop_removed(folder, pool, every, live)
    return copied


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def _info(path: Path) -> BackupInfo:
    match = _NAME.match(path.name)
    kind, made_at = "other", None
    if match:
        kind = (
            "before-migration" if match.group(1).startswith("before-migration") else match.group(1)
        )
        made_at = datetime.strptime(match.group(2), "%Y%m%d-%H%M%S")
    return BackupInfo(path=path, kind=kind, made_at=made_at, size=path.stat().st_size)


def list_backups(folder: Path) -> list[BackupInfo]:
    """Every backup in the data folder, newest first."""
    folder = backups_dir(folder)
    if not folder.is_dir():
        return []
    found = [_info(p) for p in folder.glob("*.sqlite3") if p.is_file()]
    return sorted(found, key=lambda b: (b.made_at or datetime.min, b.path.name), reverse=True)


def verify_backup(path: Path) -> list[str]:
    """Problems of a backup file (Chinese); empty when it opens and passes integrity_check."""
    path = Path(path)
    if not path.is_file():
        return [f"找不到备份文件“{path}”"]
    try:
        con = sqlite3.connect(str(path))
        try:
            rows = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            version = con.execute("PRAGMA user_version").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as err:
        return [f"“{path.name}”不是完好的数据库文件（{err}）"]
    if rows != ["ok"]:
        return [f"“{path.name}”已损坏：{m}" for m in rows[:5]]
    if not {"entry", "audit_event"} <= tables:
        return [f"“{path.name}”不是首问登记的数据库"]
    if version > schema.LATEST_VERSION:
        return [f"“{path.name}”来自更新版本的首问登记（版本 {version}），请先升级本程序"]
    return []


def _expected_station(folder: Path) -> str:
    """This data folder's station: from its head file, else its register (if it opens)."""
    recorded = chain_head.read(Path(folder) / chain_head.HEAD_FILE)
    if recorded and recorded.get("station"):
        return recorded["station"]
    path = config.db_path(folder)
    if database_is_healthy(path):
        with (
            contextlib.suppress(sqlite3.DatabaseError),
            contextlib.closing(sqlite3.connect(str(path))) as con,
        ):
            row = con.execute('SELECT "code" FROM "station" WHERE "is_local" = 1').fetchone()
            return row[0] if row else ""
    return ""


def _own_key_id(folder: Path) -> str:
    if not (keys.keys_dir(folder) / keys.SIGNING_KEY_FILE).is_file():
        return ""
    return keys.key_id(keys.public_bytes(keys.load_or_create_signing_key(folder)))


def verify_for_restore(folder: Path, backup: Path) -> list[str]:
    """Problems that keep ``backup`` from replacing ``folder``'s register (Chinese; empty when
    it may): it must pass integrity_check, be this station's (code and key), and its audit
    chain and rows must be intact up to the head it recorded when it was made."""
    problems = verify_backup(backup)
    if problems:
        return problems
    name = Path(backup).name
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "check.sqlite3"
        shutil.copy(backup, copy)
        with contextlib.closing(sqlite3.connect(str(copy))) as con:
            station = con.execute('SELECT "code" FROM "station" WHERE "is_local" = 1').fetchone()
            marks = {}
            with contextlib.suppress(sqlite3.OperationalError):  # a copy older than the marks
                marks = dict(con.execute(f'SELECT "key", "value" FROM "{MARK_TABLE}"').fetchall())
            con.execute(f'DROP TABLE IF EXISTS "{MARK_TABLE}"')
            con.commit()
        code = station[0] if station else ""
        expected = _expected_station(folder)
        if expected and code != expected:
            return [f"“{name}”是供电所 {code or '（未初始化）'} 的备份，不是本所（{expected}）的"]
        own_key = _own_key_id(folder)
        if own_key and marks.get(MARK_KEY, own_key) != own_key:
            return [f"“{name}”是另一台电脑（密钥 {marks[MARK_KEY]}）做的备份，不是本所的"]
        previous = db.database.obj
        try:
            with db.opened(copy) as database:
                schema.upgrade(database, copy, None)
                found = [str(p) for p in audit.verify_chain()]
                found += [str(p) for p in audit.verify_rows()]
                head = chain_head.database_head()
        finally:
            db.bind(previous)  # the register that was open, or none (the copy is deleted)
        if found:
            return [f"“{name}”的内容与它的审计记录不符（{found[0]}），可能被改动过"]
        recorded = marks.get(MARK_HEAD)
        if recorded and recorded != f"{head[0]}:{head[1]}":
            return [f"“{name}”的审计链与备份时记下的链头不符，可能被改动过"]
    return []


def _require_sqlite_file(folder: Path) -> Path:
    path = config.db_path(folder)
    if db.database.obj is not None and not db.is_sqlite():
        raise RefusedError(
            "县公司的 PostgreSQL 数据库请由服务器管理员用 pg_dump 备份，本程序只备份 SQLite 文件。"
        )
    if not path.is_file():
        raise RefusedError(f"数据文件夹“{folder}”里还没有数据库：请先初始化。")
    return path


# Written into every copy (a table of its own, dropped again when the copy is restored): whose it
# is and the chain head it holds, so a restore takes only this station's copy, as it was made.
MARK_TABLE = "backup_mark"
MARK_STATION, MARK_KEY, MARK_HEAD = "backup.station", "backup.key_id", "backup.chain_head"


def _copy_database(source: Path, target: Path, folder: Path | None = None) -> None:
    """Backup API into ``target``, made a single-file (rollback journal) database, marked with
    the station's code, key and chain head."""
    schema.backup_copy(source, target)
    con = sqlite3.connect(str(target))
    try:
        con.execute("PRAGMA journal_mode=DELETE")
        if folder is not None:
            _mark(con, folder)
    finally:
        con.close()


def _mark(con: sqlite3.Connection, folder: Path) -> None:
    station = con.execute('SELECT "code" FROM "station" WHERE "is_local" = 1').fetchone()
    head = con.execute('SELECT "seq", "hash" FROM "audit_event" ORDER BY "seq" DESC LIMIT 1')
    seq, hash_ = head.fetchone() or (0, audit.GENESIS)
    key = keys.public_bytes(keys.load_or_create_signing_key(folder))
    marks = {
        MARK_STATION: station[0] if station else "",
        MARK_KEY: keys.key_id(key),
        MARK_HEAD: f"{seq}:{hash_}",
    }
    with con:
        con.execute(
            f'CREATE TABLE IF NOT EXISTS "{MARK_TABLE}" ("key" TEXT PRIMARY KEY, "value" TEXT)'
        )
        con.executemany(f'INSERT OR REPLACE INTO "{MARK_TABLE}" VALUES (?, ?)', marks.items())


def make_backup(folder: Path, *, kind: str = "manual", now: datetime | None = None) -> Path:
    """A verified copy of the data folder's database in ``backups/``; returns its path."""
    source = _require_sqlite_file(folder)
    now = now or datetime.now()
    target = backups_dir(folder) / f"{kind}-{_stamp(now)}.sqlite3"
    tmp = target.with_name(f".{target.name}.tmp")
    with translated("备份数据库"):
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            tmp.unlink(missing_ok=True)
            _copy_database(source, tmp, folder)
            problems = verify_backup(tmp)
            if problems:
                raise RefusedError(
                    "备份没有通过检查，原数据库没有改变："
                    + "；".join(problems)
                    + "。请运行 check 检查数据库，并联系县公司。"
                )
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
            _keep_attachments(folder, tmp)
            os.replace(tmp, target)
            fsync_dir(target.parent)
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
    return target


def _keep_newest_per(backups: list[BackupInfo], period, count: int) -> set[Path]:
    kept, periods = set(), []
    for b in backups:  # newest first
        key = period(b.made_at)
        if key in periods:
            continue
        if len(periods) == count:
            break
        periods.append(key)
        kept.add(b.path)
    return kept


def rotate(folder: Path) -> list[Path]:
    """Delete the automatic backups no longer kept (7 daily, 4 weekly, 12 monthly) and manual
    ones beyond the newest ten; returns what was deleted."""
    all_backups = list_backups(folder)
    auto = [b for b in all_backups if b.kind == "auto"]
    keep = (
        _keep_newest_per(auto, lambda t: t.date(), KEEP_DAILY)
        | _keep_newest_per(auto, lambda t: t.isocalendar()[:2], KEEP_WEEKLY)
        | _keep_newest_per(auto, lambda t: (t.year, t.month), KEEP_MONTHLY)
    )
    manual = [b for b in all_backups if b.kind == "manual"]
    keep |= {b.path for b in manual[:KEEP_MANUAL]}
    deleted = []
    for b in auto + manual:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            deleted.append(b.path)
    if deleted:
        _thin_pool(folder)
    return deleted


def _thin_pool(folder: Path) -> list[str]:
    """Delete the pool's attachment files that no backup left needs: a removed photo goes with
    the last backup in which it was not yet removed (a restore never looks for a removed one's
    file). A backup that cannot be read keeps them all: what it would need is unknown, and
    losing a file is worse than keeping it."""
    wanted: set[str] = set()
    for b in list_backups(folder):
        try:
            _every, live = attachment_files.hashes_in(b.path)
        except sqlite3.Error:
            return []
        wanted |= live
    return attachment_files.drop_unreferenced(attachment_pool(folder), wanted)


def backup_if_due(folder: Path, now: datetime | None = None) -> Path | None:
    """The first start of each day: make the day's automatic backup and thin out old ones.

    Returns the new backup, or None when today's was already made (or there is no SQLite file).
    """
    now = now or datetime.now()
    if not config.db_path(folder).is_file() or (db.database.obj is not None and not db.is_sqlite()):
        return None
    today: date = now.date()
    if any(
        b.kind == "auto" and b.made_at and b.made_at.date() == today for b in list_backups(folder)
    ):
        return None
    path = make_backup(folder, kind="auto", now=now)
    rotate(folder)
    return path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def backup_to(folder: Path, target_dir: Path, actor, now: datetime | None = None) -> Path:
    """A copy of the register on a USB stick, sealed to the station's own key and the county's
    (sealed_backup.py): built and verified here, written atomically, then opened again with
    the station's key and compared byte for byte with the copy. Returns the file on the stick."""
    permissions.require(actor, "backup")
    target_dir = Path(target_dir)
    if not target_dir.is_dir():
        # Never create the folder: a stick pulled out would leave us writing to the PC's disk.
        raise StorageError(
            f"备份到U盘失败：找不到文件夹“{target_dir}”（U盘可能没有插好）。"
            "原有数据没有改变；请插好U盘、选择U盘上的文件夹后重试。",
            "gone",
        )
    now = now or datetime.now()
    local = make_backup(folder, kind="manual", now=now)
    from firstask_desktop.services import sealed_backup
    from firstask_desktop.services.station import require_station
    from firstask_desktop.sync.trust import county_key

    code = require_station().code
    own = keys.load_or_create_backup_key(folder)
    recipients = {"station": keys.public_bytes(own)}
    county = county_key()
    if county is not None and county.encryption_public:
        recipients["county"] = keys.unb64(county.encryption_public)
    target = target_dir / f"firstask-backup-{code}-{_stamp(now)}{sealed_backup.SUFFIX}"
    sealed_backup.seal(
        local,
        target,
        station=code,
        made_at=now.isoformat(timespec="seconds"),
        signing_key=keys.load_or_create_signing_key(folder),
        recipients=recipients,
    )
    check = backups_dir(folder) / f".check-{_stamp(now)}.sqlite3"
    try:
        with translated("核对U盘上的备份"):
            signer = keys.public_bytes(keys.load_or_create_signing_key(folder))
            sealed_backup.unseal(target, check, [own], [signer])
            same = _sha256(check) == _sha256(local)
    except RefusedError:
        same = False
    finally:
        check.unlink(missing_ok=True)
    if not same:
        target.unlink(missing_ok=True)
        raise StorageError(
            "备份到U盘失败：写入U盘的文件与原备份不一致（U盘可能有坏块）。"
            "原有数据没有改变；请换一个U盘后重试。",
            "io",
        )
    every, _live = attachment_files.hashes_in(local)
    sealed_backup.seal_attachments(
        attachment_pool(folder),
        sticks_folder(target_dir, code),
        every,
        station=code,
        made_at=now.isoformat(timespec="seconds"),
        signing_key=keys.load_or_create_signing_key(folder),
        recipients=recipients,
    )
    rotate(folder)
    return target


def sticks_folder(stick_dir: Path, station: str) -> Path:
    """The folder of sealed attachment files beside a USB backup: one per station, shared by
    its backups on that stick, so each file is written to the stick once."""
    return Path(stick_dir) / f"firstask-attachments-{station}"


def open_sealed(folder: Path, sealed: Path, out_dir: Path, *, registered: bool = True) -> Path:
    """A sealed USB backup opened with this PC's keys (the station's, or the county's for a
    station's new PC) into ``out_dir``, as a plain backup ``backup restore`` takes. It must be
    signed by this data folder's key or, with ``registered`` (the register is open), by the
    key registered for the station it names."""
    from firstask_desktop.services import sealed_backup

    header, _offset = sealed_backup.read_header(sealed)
    station = sealed_backup.station_of(sealed, header)
    target = Path(out_dir) / f"firstask-backup-{station}-{Path(sealed).stem[-15:]}.sqlite3"
    with translated("解密备份"):
        sealed_backup.unseal(
            sealed,
            target,
            sealed_backup.private_keys_of(Path(folder)),
            sealed_backup.signers_for(
                Path(folder), station, registered=registered, made_at=header.get("made_at")
            ),
        )
    return target


def database_is_healthy(path: Path) -> bool:
    """Opens and passes ``PRAGMA quick_check`` (the fast start-up check)."""
    if not path.is_file():
        return False
    try:
        con = sqlite3.connect(str(path))
        try:
            return [r[0] for r in con.execute("PRAGMA quick_check").fetchall()] == ["ok"]
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False


def _database_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def restore(
    folder: Path, backup: Path, *, actor=None, now: datetime | None = None
) -> RestoreReport:
    """Put ``backup`` in place of the register. The current file (with its WAL) is moved into
    ``backups/before-restore-*.sqlite3`` first, so a restore can itself be undone.

    Over a healthy register this needs the ``backup`` permission; when the file is damaged
    nobody can log in to it, so the start-up offer to restore needs no login.
    """
    folder = Path(folder)
    backup = Path(backup)
    sealed_from = None
    # Known by its first bytes, not its name: a FAT stick may show it as FIRST~1.FAB.
    if backup.suffix.lower() == ".fabackup" or _is_sealed(backup):
        sealed_from = backup
        # The register may be damaged (a restore needs no login then): this folder's key only.
        backup = open_sealed(folder, backup, backups_dir(folder), registered=False)
    problems = verify_for_restore(folder, backup)
    if problems:
        raise RefusedError("这个备份不能用来恢复：" + "；".join(problems) + "。请选择另一个备份。")
    path = config.db_path(folder)
    if database_is_healthy(path) and not permissions.can(actor, "backup"):
        raise NotAllowedError(
            "恢复备份会用旧的登记簿替换现在完好的登记簿：请由所长或管理员登录后操作。"
        )
    now = now or datetime.now()
    db.close()
    # The serial numbers handed out after the backup was made stay taken (chain_head).
    chain_head.set_aside(folder, now)
    aside = None
    moved = []
    with translated("恢复备份"):
        if path.exists():
            aside = backups_dir(folder) / f"before-restore-{_stamp(now)}.sqlite3"
            aside.parent.mkdir(parents=True, exist_ok=True)
            for src, dst in zip(_database_files(path), _database_files(aside), strict=True):
                if src.exists():
                    os.replace(src, dst)
                    moved.append((src, dst))
        try:
            with open(backup, "rb") as source:
                write_atomic(
                    path,
                    writer=lambda h: shutil.copyfileobj(source, h, 1024 * 1024),
                    what="恢复备份",
                )
        except BaseException:
            for src, dst in moved:  # put the register back as it was
                os.replace(dst, src)
            raise
    from firstask_desktop.store.integrity import check_database
    from firstask_desktop.store.storage import open_store

    with contextlib.closing(sqlite3.connect(str(path))) as con:
        con.execute(f'DROP TABLE IF EXISTS "{MARK_TABLE}"')
        con.commit()
    open_store(folder)
    _bring_back_attachments(folder, sealed_from)
    return RestoreReport(restored_from=backup, kept_aside=aside, problems=check_database())


def _is_sealed(path: Path) -> bool:
    from firstask_desktop.services import sealed_backup

    try:
        with open(path, "rb") as handle:
            return handle.read(len(sealed_backup.MAGIC)) == sealed_backup.MAGIC
    except OSError:
        return False  # the restore's own checks name what is wrong with it


def _bring_back_attachments(folder: Path, sealed_from: Path | None) -> None:
    """The restored register's attachment files the data folder lacks: from the backups' pool,
    else (a new PC) from the sealed files beside the USB backup it was restored from."""
    every, _live = attachment_files.hashes_in(config.db_path(folder))
    store = attachment_files.store_dir(folder)
    attachment_files.copy_missing(attachment_pool(folder), store, every)
    if sealed_from is not None:
        from firstask_desktop.services import sealed_backup

        header, _offset = sealed_backup.read_header(sealed_from)
        station = sealed_backup.station_of(sealed_from, header)  # opened already: sound
        sealed_backup.unseal_attachments(
            sticks_folder(sealed_from.parent, station),
            folder,
            every,
            sealed_backup.private_keys_of(folder),
            sealed_backup.signers_for(folder, station, registered=False),
        )
