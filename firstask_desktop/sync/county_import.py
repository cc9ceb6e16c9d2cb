"""The county takes in a station's sync file: key, sequence, then every record in one transaction.

Order of checks, each a refusal with nothing changed:

1. the file itself (``container.open_sync_file``: length, header, signature);
2. the station's key: registered for this code → go on; unknown → refused naming its fingerprint
   unless a person accepted it (``accept_new_station``); a different key for a registered code, or
   a registered key claiming another code → refused;
3. the sequence: the same number with the same hash → nothing to do; the same number with another
   hash, or a file whose predecessor differs from the one imported → quarantined (the file is
   copied aside and logged, nothing merged); older than the last imported → refused; a gap →
   imported, with a warning naming the missing numbers;
4. decrypt and merge (``upsert.Merger``) and the station's audit events (``StationChain``), all in
   one transaction; the counts must match the header exactly.

The station's own audit events are stored in ``StationAuditEvent`` (per station, with the
station's sequence numbers and hashes, their chain checked link by link); the county's
``AuditEvent`` chain only records what the county did (one ``sync_import`` event per row written).
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

from peewee import fn

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.store import db, keys
from firstask_desktop.store.audit import GENESIS, event_hash
from firstask_desktop.store.bulk_write import fix_sequences, insert_rows, lock_tables
from firstask_desktop.store.fileio import write_atomic
from firstask_desktop.store.models import AuditEvent, QuarantinedRecord, StationAuditEvent, SyncLog
from firstask_desktop.store.storage import current_folder

from . import attachment_parts, trust
from .container import HEX64, SyncFile, iter_records, refuse
from .progress import Progress
from .records import SPECS, TABLE_ORDER
from .results import ALREADY, IMPORTED, QUARANTINED, ImportResult
from .station_export import AUDIT_FIELDS, AUDIT_TABLE
from .station_rows import row_problems
from .upsert import Merger

KIND = "station_export"
# How far ahead of the last number imported a station's file may be. A station exports once a
# day or so; a thousand files never delivered is a lost stick for years, not a real station.
SEQ_WINDOW = 1000
MISSING_SHOWN = 1000  # numbers named in a warning and an acknowledgement
TEXT_FIELDS = tuple(k for k in AUDIT_FIELDS if k not in ("seq", "before", "after", "at"))
CHAIN_BATCH = 1000
CHAIN_BATCH_CHARS = 4_000_000  # snapshot text held before storing: a bounded memory budget
SNAPSHOT_MAX = 200_000  # one event's before or after: a record of the widest table is ~60 KB


class UnknownStationKey(RefusedError):
    """A station whose key nobody has accepted yet (the GUI asks; the CLI needs a flag)."""

    def __init__(self, info: trust.PublicKeyInfo):
        self.info = info
        super().__init__(
            f"{info.label}的密钥尚未登记，指纹为 {info.fingerprint}。请电话向该所核对这个指纹，"
            "一致后再导入：在界面上点“接受”，或在命令行加 --accept-new-station。"
        )


def _check_header(sync_file: SyncFile) -> None:
    header, path = sync_file.header, sync_file.path
    if header.get("encryption") is None:
        # Every station export is encrypted to the county; a plain one was not written by the
        # program (and its customers' data has travelled readable on a stick).
        raise refuse(path, "没有加密", "供电所的同步文件必须加密给县公司：请该所用本程序重新导出。")
    for name, kind in (
        ("full", bool),
        ("audit_from", int),
        ("audit_to", int),
        ("station_name", str),
        ("key_id", str),
    ):
        if type(header.get(name)) is not kind:
            raise refuse(path, f"的文件头缺少 {name}", "文件已损坏或被篡改。")
    if not 0 <= header["audit_from"] <= header["audit_to"] <= 10**12:
        raise refuse(path, "的审计序号范围不合理", "文件已损坏或被篡改。")
    if not isinstance(header.get("audit_head"), str) or not HEX64.match(header["audit_head"]):
        raise refuse(path, "的审计链头有误", "文件已损坏或被篡改。")
    unknown = set(header["counts"]) - set(TABLE_ORDER) - {AUDIT_TABLE}
    if unknown:
        raise refuse(
            path,
            f"含有本程序不认识的数据表（{'、'.join(sorted(unknown))}）",
            "文件来自更新的版本：请先升级首问登记。",
        )
    if header["counts"].get(AUDIT_TABLE, 0) != header["audit_to"] - header["audit_from"]:
        raise refuse(path, "声明的审计记录数与序号范围不符", "文件已损坏或被篡改。")
    if header["key_id"] != keys.key_id(sync_file.signer_public):
        raise refuse(path, "的密钥编号与签名公钥不符", "文件已损坏或被篡改。")


def station_key_info(sync_file: SyncFile) -> trust.PublicKeyInfo:
    """The key that signed a station's file, as the administrator is asked to confirm it."""
    header = sync_file.header
    return trust.PublicKeyInfo(
        role="station",
        station=header["station"],
        name=str(header.get("station_name", ""))[:60],
        county=str(header.get("county", ""))[:60],
        signing_public=sync_file.signer_public,
        encryption_public=b"",
    )


def _check_key(sync_file: SyncFile, accept_new_station: bool) -> trust.PublicKeyInfo | None:
    """None when the key is registered; the key to register (accepted) otherwise."""
    info = station_key_info(sync_file)
    if trust.check_not_conflicting(info) is not None:
        return None
    if not accept_new_station:
        raise UnknownStationKey(info)
    return info


def _station_log(code: str):
    return SyncLog.select().where(
        (SyncLog.kind == KIND) & (SyncLog.direction == "in") & (SyncLog.station == code)
    )


def missing_numbers(code: str, upto: int, limit: int = MISSING_SHOWN) -> list[int]:
    """The first ``limit`` export numbers below ``upto`` never imported, after the last full
    export imported. Walks the numbers imported, never the range: a file cannot make it big."""
    log = _station_log(code).where(SyncLog.status == IMPORTED)
    last_full = log.where(SyncLog.full == True).select(fn.MAX(SyncLog.seq)).scalar() or 0  # noqa: E712
    have = (
        log.select(SyncLog.seq)
        .where((SyncLog.seq > last_full) & (SyncLog.seq < upto))
        .distinct()
        .order_by(SyncLog.seq)
        .tuples()
    )
    missing: list[int] = []
    expected = last_full + 1
    for (seq,) in have.iterator():
        missing.extend(range(expected, min(seq, expected + limit - len(missing))))
        expected = seq + 1
        if len(missing) >= limit:
            return missing[:limit]
    missing.extend(range(expected, min(upto, expected + limit - len(missing))))
    return missing[:limit]


def _numbers(numbers: list[int]) -> str:
    shown = "、".join(str(n) for n in numbers[:20])
    if len(numbers) >= MISSING_SHOWN:
        return shown + f" 等至少 {len(numbers)} 个"
    return shown + (f" 等 {len(numbers)} 个" if len(numbers) > 20 else "")


def _sequence(sync_file: SyncFile) -> tuple[str, str]:
    """('import', warning) | ('already', '') | ('quarantine', reason); refuses an old file."""
    code, seq, header = sync_file.station, sync_file.seq, sync_file.header
    same = _station_log(code).where(SyncLog.seq == seq)
    if same.where(SyncLog.file_hash == sync_file.file_hash).exists():
        return "already", ""
    if same.where(SyncLog.status == IMPORTED).exists():
        return "quarantine", (
            f"第 {seq} 号文件已经导入过，而这个同号文件的内容不同"
            "（供电所可能从备份恢复后重新导出过）"
        )
    last = (
        _station_log(code).where(SyncLog.status == IMPORTED).select(fn.MAX(SyncLog.seq)).scalar()
        or 0
    )
    if seq > last + SEQ_WINDOW:
        # Refused, not quarantined or logged: a file that cannot be real must not move the
        # numbers the station's real files are judged by.
        raise refuse(
            sync_file.path,
            f"是第 {seq} 号，而县公司收到的该所文件才到第 {last} 号",
            "编号跳得不合理，文件可能被伪造：请不要导入，并请该所运行 check 后重新导出。",
        )
    if seq < last:
        raise refuse(
            sync_file.path,
            f"是第 {seq} 号，早于已导入的第 {last} 号",
            "旧文件不再导入；如需补齐数据，请让供电所做一次全量导出（sync export --full）。",
        )
    before = (
        _station_log(code).where((SyncLog.seq == seq - 1) & (SyncLog.status == IMPORTED)).first()
    )
    if before is not None and before.file_hash != header["prev_hash"]:
        return "quarantine", (
            f"它记载的上一个文件与已导入的第 {seq - 1} 号不同（供电所可能从备份恢复后重新导出过）"
        )
    missing = missing_numbers(code, seq)
    if missing and not header["full"]:
        return "import", (
            f"供电所 {code} 缺少第 {_numbers(missing)} 号同步文件，其中的变化可能没有"
            "到达：请让该所补做一次全量导出（sync export --full）。"
        )
    return "import", ""


class StationChain:
    """A station's audit events from one file: checked link by link, stored per station."""

    def __init__(self, sync_file: SyncFile, merger: Merger):
        header = sync_file.header
        self.path = sync_file.path
        self.source = sync_file.station
        self.merger = merger
        self.expected = header["audit_from"] + 1
        self.audit_to = header["audit_to"]
        self.audit_head = header["audit_head"]
        if header["audit_from"] == 0:
            self.prev = GENESIS
        else:
            known = StationAuditEvent.get_or_none(
                (StationAuditEvent.source == self.source)
                & (StationAuditEvent.seq == header["audit_from"])
            )
            self.prev = known.hash if known else None  # None: a gap, the link cannot be checked
        self.last_hash = self.prev
        self._rows: list[dict] = []
        self._buffered = 0
        self.counts = {"inserted": 0, "unchanged": 0, "quarantined": 0}
        # Records whose events clash with the county's copy of the chain (a station restored
        # from a backup): under quarantine, their rows cannot be matched against either chain.
        self.conflicted: set[str] = set()

    def _bad(self, what: str):
        return refuse(
            self.path, what, "供电所的审计记录不完整或被改动：请在该所运行 check 并联系县公司。"
        )

    def add(self, data: dict) -> None:
        if set(data) != set(AUDIT_FIELDS):
            raise self._bad("中的审计记录字段不对")
        try:
            at = datetime.fromisoformat(data["at"])
        except (TypeError, ValueError):
            raise self._bad("中的审计记录时间有误") from None
        if data["seq"] != self.expected:
            raise self._bad(f"中的审计记录序号不连续（应为 {self.expected}）")
        texts_ok = all(type(data[k]) is str for k in TEXT_FIELDS)
        if not texts_ok or not all(
            data[k] is None or type(data[k]) is str for k in ("before", "after")
        ):
            raise self._bad(f"中第 {data['seq']} 号审计记录的字段类型不对")
        size = len(data["before"] or "") + len(data["after"] or "")
        if size > SNAPSHOT_MAX:
            raise self._bad(f"中第 {data['seq']} 号审计记录长得不合理")
        if (
            len(data["hash"]) != 64
            or event_hash(SimpleNamespace(**dict(data, at=at))) != data["hash"]
        ):
            raise self._bad(f"中第 {data['seq']} 号审计记录的内容与其哈希不符")
        # Each event's own hash and its link: a station's key signs whatever its PC holds, so
        # the chain is what shows an event was written by the program, in order.
        if self.prev is not None and data["prev_hash"] != self.prev:
            raise self._bad(f"中第 {data['seq']} 号审计记录与前一条链接不上")
        self.prev = self.last_hash = data["hash"]
        self.expected += 1
        self._rows.append(dict(data, at=at, source=self.source))
        self._buffered += size
        if len(self._rows) >= CHAIN_BATCH or self._buffered >= CHAIN_BATCH_CHARS:
            self.flush()

    def flush(self) -> None:
        if not self._rows:
            return
        seqs = [r["seq"] for r in self._rows]
        stored = dict(
            StationAuditEvent.select(StationAuditEvent.seq, StationAuditEvent.hash)
            .where(
                (StationAuditEvent.source == self.source)
                & StationAuditEvent.seq.between(min(seqs), max(seqs))
            )
            .tuples()
        )
        new = []
        for row in self._rows:
            known = stored.get(row["seq"])
            if known is None:
                new.append(row)
            elif known == row["hash"]:
                self.counts["unchanged"] += 1
            else:
                self.counts["quarantined"] += 1
                self.conflicted.add(row["record_uuid"])
                QuarantinedRecord.create(
                    sync_log=self.merger.sync_log,
                    station=self.source,
                    table_name=AUDIT_TABLE,
                    record_uuid=row["uuid"],
                    revision=row["seq"],
                    incoming=json.dumps(dict(row, at=row["at"].isoformat()), ensure_ascii=False),
                    existing="",
                    at=self.merger.now,
                    reason=f"供电所第 {row['seq']} 号审计记录与县公司已存的不同",
                )
        insert_rows(StationAuditEvent, new)
        self.counts["inserted"] += len(new)
        self._rows = []
        self._buffered = 0

    def finish(self) -> None:
        self.flush()
        if self.expected - 1 != self.audit_to:
            raise self._bad("中的审计记录比文件头声明的少")
        if self.audit_to and self.last_hash is not None and self.last_hash != self.audit_head:
            raise self._bad("的审计链头与最后一条审计记录不符")


def _quarantine_file(
    sync_file: SyncFile, reason: str, *, actor: str, now: datetime, folder: Path
) -> ImportResult:
    """Copy the file aside and log it; nothing of it is merged."""
    code, seq = sync_file.station, sync_file.seq
    target = folder / "quarantine" / f"{code}-{seq:06d}-{sync_file.file_hash[:12]}.fasync"

    def copy(handle) -> None:
        with open(sync_file.path, "rb") as source:
            shutil.copyfileobj(source, handle, 1 << 20)

    write_atomic(target, writer=copy, what="保存隔离的同步文件")
    with db.transaction():
        SyncLog.create(
            kind=KIND,
            direction="in",
            station=code,
            seq=seq,
            file_hash=sync_file.file_hash,
            prev_hash=sync_file.header["prev_hash"],
            full=sync_file.header["full"],
            status=QUARANTINED,
            file_name=sync_file.path.name[:255],
            at=now,
            by=actor,
            counts=json.dumps(sync_file.header["counts"], sort_keys=True),
            note=reason,
            signer=keys.key_id(sync_file.signer_public),
        )
    message = (
        f"同步文件“{sync_file.path.name}”已隔离，未导入任何记录：{reason}。"
        f"文件副本保存在 {target}，请核实后再决定如何处理。"
    )
    return ImportResult(
        path=sync_file.path, kind=KIND, station=code, seq=seq, status=QUARANTINED, message=message
    )


def import_station_file(
    sync_file: SyncFile,
    *,
    accept_new_station: bool = False,
    actor: str = "",
    now: datetime | None = None,
    progress: Progress,
    folder: Path | None = None,
) -> ImportResult:
    """Import one checked station file at the county (the caller opened it)."""
    folder = folder or current_folder()
    now = (now or datetime.now()).replace(microsecond=0)
    actor = (actor or "县公司")[:50]
    _check_header(sync_file)
    new_key = _check_key(sync_file, accept_new_station)
    decryption_key = keys.load_or_create_encryption_key(folder)
    code, seq, header = sync_file.station, sync_file.seq, sync_file.header
    verdict, note = _sequence(sync_file)
    if verdict == "already":
        return ImportResult(
            path=sync_file.path,
            kind=KIND,
            station=code,
            seq=seq,
            status=ALREADY,
            message=f"供电所 {code} 的第 {seq} 号同步文件已经导入过，无需再导入。",
        )
    if verdict == "quarantine":
        return _quarantine_file(sync_file, note, actor=actor, now=now, folder=folder)
    # The attachment files first, every part checked before one is read: a missing or damaged
    # part refuses the whole file. Files written before a later refusal are named by their
    # hash alone and harm nothing; the same file imported again finds them there.
    parts = attachment_parts.check_parts(sync_file)
    progress(0, 1, "attachments", force=True)
    arrived = attachment_parts.receive(parts, folder, decryption_key) if parts else 0
    total = sum(header["counts"].values())
    received = {}
    with db.transaction():
        lock_tables([s.model for s in SPECS] + [AuditEvent, StationAuditEvent])
        if new_key is not None:
            trust.register(new_key, accepted_by=actor, now=now)
        log = SyncLog.create(
            kind=KIND,
            direction="in",
            station=code,
            seq=seq,
            file_hash=sync_file.file_hash,
            prev_hash=header["prev_hash"],
            full=header["full"],
            status=IMPORTED,
            file_name=sync_file.path.name[:255],
            at=now,
            by=actor,
            note=note,
            signer=keys.key_id(sync_file.signer_public),
        )
        merger = Merger(
            path=sync_file.path,
            sync_log=log,
            now=now,
            tables=set(TABLE_ORDER),
            actor=f"同步导入 {code}-{seq:06d}",
            expected_station=code,
        )
        chain = StationChain(sync_file, merger)
        done = 0
        for table, data in iter_records(sync_file, decryption_key):
            received[table] = received.get(table, 0) + 1
            if table == AUDIT_TABLE:
                chain.add(data)
            elif received.get(AUDIT_TABLE):
                raise refuse(sync_file.path, "的记录顺序不对", "文件已损坏或被篡改。")
            else:
                merger.add(table, data)
            done += 1
            if done % 500 == 0:
                progress(done, total, "import")
        expected = {t: n for t, n in header["counts"].items() if n}
        if received != expected:
            raise refuse(sync_file.path, "的记录数与文件头声明的不符", "文件已损坏或被篡改。")
        merger.finish()
        chain.finish()
        forged = row_problems(
            code, {t: uuids - chain.conflicted for t, uuids in merger.stored.items()}
        )
        if forged:
            raise refuse(
                sync_file.path,
                f"中有 {len(forged)} 条记录与该所的审计记录不符（{forged[0]}）",
                "请不要导入这个文件：请该所运行 check，并核实这个文件的来历。",
            )
        fix_sequences(list(merger.touched_models) + [AuditEvent])
        summary = merger.totals()
        summary["audit_inserted"] = chain.counts["inserted"]
        if arrived:
            summary["attachment_files"] = arrived
        if chain.counts["quarantined"]:
            summary["quarantined"] = summary.get("quarantined", 0) + chain.counts["quarantined"]
        log.counts = json.dumps(summary, sort_keys=True)
        log.save()
        progress(total, total, "import", force=True)
    warnings = [note] if note else []
    quarantined = summary.get("quarantined", 0)
    if quarantined:
        warnings.append(
            f"{quarantined} 条记录与县公司已有的不一致，已隔离待人工处理（见“隔离记录”）。"
        )
    message = (
        f"已导入供电所 {code} 的第 {seq} 号同步文件：新增 {summary.get('inserted', 0)} 条，"
        f"更新 {summary.get('updated', 0)} 条，未变 {summary.get('unchanged', 0)} 条，"
        f"审计记录 {chain.counts['inserted']} 条"
        + (f"，附件文件 {arrived} 个。" if arrived else "。")
    )
    return ImportResult(
        path=sync_file.path,
        kind=KIND,
        station=code,
        seq=seq,
        status=IMPORTED,
        message=message,
        warnings=warnings,
        counts=summary,
    )
