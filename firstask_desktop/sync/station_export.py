"""``sync export``: a station writes what changed since its last export, for the county.

The change cursor is the audit log: every record touched by an audit event after the last
exported event (``audit_event.seq``, a sequence — never the wall clock, which clerks' PCs get
wrong) is sent as it is now, together with those events. The records it points to (its staff
member, customer, entry ...) travel too, so that each file can be imported on its own even when
an earlier one never arrived. ``full`` sends everything.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from peewee import BooleanField, ForeignKeyField, fn

from firstask_desktop.domain.errors import RefusedError
from firstask_desktop.store import db, keys
from firstask_desktop.store.audit import GENESIS
from firstask_desktop.store.folder_lock import exclusive
from firstask_desktop.store.models import AttachmentSent, AuditEvent, Station, SyncLog
from firstask_desktop.store.storage import current_folder

from .. import __version__
from . import attachment_parts, state, trust
from .actors import authorise
from .container import (
    FORMAT,
    VERSION,
    ZERO_HASH,
    BodyWriter,
    SyncFileError,
    open_sync_file,
    write_container,
)
from .progress import Progress
from .records import SPECS, IdMap, TableSpec

BATCH = 500
AUDIT_TABLE = "audit_event"
AUDIT_FIELDS = (
    "seq",
    "uuid",
    "station",
    "at",
    "actor",
    "actor_uuid",
    "action",
    "table_name",
    "record_uuid",
    "before",
    "after",
    "prev_hash",
    "hash",
)


@dataclass
class ExportResult:
    path: Path
    seq: int
    full: bool
    counts: dict[str, int]
    file_hash: str
    size: int
    # The attachment part files written beside it (-att-001 …) and the files they carry.
    parts: list[Path] = field(default_factory=list)
    attachment_files: int = 0

    @property
    def records(self) -> int:
        return sum(n for table, n in self.counts.items() if table != AUDIT_TABLE)

    @property
    def message(self) -> str:
        carried = ""
        if self.parts:
            carried = (
                f"附件文件 {self.attachment_files} 个在旁边的 {len(self.parts)} 个附件部分文件里"
                "（-att-001 起），请和主文件一起交给县公司；"
            )
        return (
            f"已写出第 {self.seq} 号同步文件“{self.path.name}”（{self.records} 条记录，"
            f"{self.counts.get(AUDIT_TABLE, 0)} 条审计记录），{carried}"
            "已读回校验无误，可以安全拔出U盘。"
        )


def export_file_name(station: str, seq: int) -> str:
    return f"{station}-{seq:06d}.fasync"


def _local_station() -> Station:
    station = Station.select().where(Station.is_local == True).first()  # noqa: E712 - peewee
    if station is None:
        raise RefusedError("数据文件夹还没有初始化：请先运行 init 建立供电所。")
    if station.mode == "county":
        raise RefusedError(
            "县公司不导出同步文件：给供电所的资料请用 sync package 生成县公司资料包。"
        )
    return station


def _changed_ids(code: str, after_seq: int, head_seq: int) -> dict[str, set[int]]:
    """Row ids per table to send: touched by events in (after_seq, head_seq], plus what those
    rows point to (children first, so that a parent added by its child is followed up too)."""
    touched: dict[str, set[str]] = defaultdict(set)
    query = (
        AuditEvent.select(AuditEvent.table_name, AuditEvent.record_uuid)
        .where((AuditEvent.seq > after_seq) & (AuditEvent.seq <= head_seq))
        .tuples()
    )
    for table, uuid in query.iterator():
        touched[table].add(uuid)
    ids: dict[str, set[int]] = {spec.name: set() for spec in SPECS}
    for spec in SPECS:
        model = spec.model
        uuids = sorted(touched.get(spec.name, ()))
        for start in range(0, len(uuids), BATCH):
            ids[spec.name].update(
                row_id
                for (row_id,) in model.select(model.id)
                .where(model.uuid.in_(uuids[start : start + BATCH]) & (model.station == code))
                .tuples()
            )
    for spec in reversed(SPECS):
        if not spec.foreign_keys or not ids[spec.name]:
            continue
        model = spec.model
        wanted = sorted(ids[spec.name])
        for start in range(0, len(wanted), BATCH):
            query = (
                model.select(model.id, *spec.foreign_keys)
                .where(model.id.in_(wanted[start : start + BATCH]))
                .tuples()
            )
            for _row_id, *targets in query:
                for fk, target in zip(spec.foreign_keys, targets, strict=True):
                    if target is not None:
                        ids[fk.rel_model._meta.table_name].add(target)
    return ids


def _raw_batches(query):
    """A query's rows as the driver returns them, a batch at a time. No per-value conversion:
    the station's SQLite keeps datetimes as ISO 8601 text, which is what the file carries."""
    cursor = db.database.execute(query)
    while True:
        rows = cursor.fetchmany(BATCH)
        if not rows:
            return
        yield rows


def _row_batches(spec: TableSpec, code: str, selected: set[int] | None):
    """Rows of ``spec`` to send (tuples in ``spec.fields`` order, foreign keys as ids)."""
    model = spec.model
    columns = [model._meta.fields[f.name] for f in spec.fields]
    mine = model.station == code
    if selected is None:
        yield from _raw_batches(model.select(*columns).where(mine).order_by(model.id))
        return
    wanted = sorted(selected)
    for start in range(0, len(wanted), BATCH):
        yield from _raw_batches(
            model.select(*columns)
            .where(model.id.in_(wanted[start : start + BATCH]) & mine)
            .order_by(model.id)
        )


def _to_wire_rows(spec: TableSpec, rows: list[tuple], ids: IdMap) -> list[dict]:
    names = [f.name for f in spec.fields]
    flags = [i for i, f in enumerate(spec.fields) if isinstance(f, BooleanField)]
    links = [(i, f.rel_model) for i, f in enumerate(spec.fields) if isinstance(f, ForeignKeyField)]
    for i, target in links:
        ids.load_ids(target, [row[i] for row in rows])
    plain_text = db.is_sqlite()
    out = []
    for row in rows:
        row = list(row)
        for i in flags:
            if row[i] is not None:
                row[i] = bool(row[i])  # SQLite stores 0/1
        for i, target in links:
            if row[i] is not None:
                row[i] = ids.uuid_of(target, row[i])
        if not plain_text:
            row = [v.isoformat() if isinstance(v, date) else v for v in row]
        out.append(dict(zip(names, row, strict=True)))
    return out


def _audit_batches(after_seq: int, head_seq: int):
    columns = [AuditEvent._meta.fields[name] for name in AUDIT_FIELDS]
    query = (
        AuditEvent.select(*columns)
        .where((AuditEvent.seq > after_seq) & (AuditEvent.seq <= head_seq))
        .order_by(AuditEvent.seq)
    )
    plain_text = db.is_sqlite()
    for rows in _raw_batches(query):
        yield [
            dict(
                zip(
                    AUDIT_FIELDS,
                    row
                    if plain_text
                    else [v.isoformat() if isinstance(v, date) else v for v in row],
                    strict=True,
                )
            )
            for row in rows
        ]


def export_file(
    out_dir: Path,
    *,
    full: bool = False,
    actor=None,
    now: datetime | None = None,
    on_progress=None,
    should_cancel=None,
    folder: Path | None = None,
    part_size: int = attachment_parts.PART_SIZE,
) -> ExportResult:
    """Write this station's next sync file into ``out_dir``; verified before it returns.

    Attachment files not sent before (all of them with ``full``) go into part files beside
    it, each under ``part_size`` bytes.

    ``actor``: the logged-in staff member (role must allow ``export_import``) or a label.
    ``on_progress(done, total, stage)`` and ``should_cancel()`` as in ``sync.progress``.
    One export at a time per data folder: two at once took the same number and the second
    file replaced the first on the stick.
    """
    folder = folder or current_folder()
    with exclusive(folder, "sync-export", EXPORT_BUSY):
        return _export_file(
            out_dir,
            full=full,
            actor=actor,
            now=now,
            on_progress=on_progress,
            should_cancel=should_cancel,
            folder=folder,
            part_size=part_size,
        )


EXPORT_BUSY = (
    "另一个同步导出正在进行（可能在另一个窗口或命令行）：请等它完成后再导出，不要同时导出。"
)


def _export_file(
    out_dir: Path, *, full, actor, now, on_progress, should_cancel, folder: Path, part_size: int
) -> ExportResult:
    progress = Progress(on_progress, should_cancel)
    who = authorise(actor, "export_import")
    station = _local_station()
    county = trust.county_key()
    if county is None:
        raise RefusedError(
            "还没有导入县公司的公钥：同步文件要加密给县公司。请先在“设置”中导入"
            "县公司发来的公钥文件（命令行：keys import 文件），并电话核对指纹。"
        )
    now = (now or datetime.now()).replace(microsecond=0)
    signing_key = keys.load_or_create_signing_key(folder)
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise RefusedError(f"找不到文件夹“{out_dir}”：请插好U盘并选择U盘上的文件夹。")
    ids = IdMap()
    with db.database.atomic():  # one consistent snapshot of the database for the whole file
        head = (
            AuditEvent.select(AuditEvent.seq, AuditEvent.hash)
            .order_by(AuditEvent.seq.desc())
            .first()
        )
        head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
        after_seq = 0 if full else state.get_int(state.EXPORTED_AUDIT_SEQ)
        full = full or after_seq == 0
        seq = state.get_int(state.EXPORT_SEQ) + 1
        prev_hash = state.get(state.EXPORT_HASH) or ZERO_HASH
        progress(0, 1, "select", force=True)
        selected = None if full else _changed_ids(station.code, after_seq, head_seq)
        total = (
            AuditEvent.select(fn.COUNT(AuditEvent.seq)).where(AuditEvent.seq > after_seq).scalar()
            or 0
        )
        for spec in SPECS:
            total += (
                spec.model.select().where(spec.model.station == station.code).count()
                if selected is None
                else len(selected[spec.name])
            )
        body = BodyWriter(keys.unb64(county.encryption_public))
        done = 0
        for spec in SPECS:
            body.counts.setdefault(spec.name, 0)
            for rows in _row_batches(
                spec, station.code, None if selected is None else selected[spec.name]
            ):
                for data in _to_wire_rows(spec, rows, ids):
                    body.add(spec.name, data)
                done += len(rows)
                progress(done, total, "write")
        body.counts.setdefault(AUDIT_TABLE, 0)
        for events in _audit_batches(after_seq, head_seq):
            for data in events:
                body.add(AUDIT_TABLE, data)
            done += len(events)
            progress(done, total, "write")
        sent = (
            set()
            if full
            else {sha for (sha,) in AttachmentSent.select(AttachmentSent.sha256).tuples()}
        )
        to_send = attachment_parts.files_to_send(
            None if selected is None else selected["attachment"], station.code, sent
        )
    county_public = keys.unb64(county.encryption_public)
    progress(0, max(1, len(to_send)), "attachments", force=True)
    parts = attachment_parts.write_parts(
        out_dir,
        folder,
        to_send,
        header={"station": station.code, "seq": seq, "created_at": now.isoformat()},
        county_public=county_public,
        signing_key=signing_key,
        part_size=part_size,
        on_file=lambda n: progress(n, max(1, len(to_send)), "attachments"),
    )
    header = {
        "format": FORMAT,
        "version": VERSION,
        "kind": "station_export",
        "station": station.code,
        "station_name": station.name,
        "county": station.county,
        "seq": seq,
        "full": full,
        "prev_hash": prev_hash,
        "audit_from": after_seq,
        "audit_to": head_seq,
        "audit_head": head_hash,
        "created_at": now.isoformat(),
        "counts": dict(body.counts),
        "signer_public": keys.b64(keys.public_bytes(signing_key)),
        "key_id": keys.key_id(keys.public_bytes(signing_key)),
        "recipient": county.station,
        "app_version": __version__,
        "attachment_parts": parts.parts,
    }
    progress(total, total, "write", force=True)
    target = out_dir / export_file_name(station.code, seq)
    try:
        file_hash = write_container(target, header, body, signing_key)
        progress(0, 1, "verify", force=True)
        _verify_written(target, file_hash, header)
        for part, path in zip(parts.parts, parts.paths, strict=True):
            _verify_written(path, part["sha256"], None)
    except BaseException:
        # The export does not count: no part file is left to be mistaken for one that does.
        for path in parts.paths:
            path.unlink(missing_ok=True)
        raise
    with db.transaction():
        state.put(
            {
                state.EXPORT_SEQ: seq,
                state.EXPORT_HASH: file_hash,
                state.EXPORTED_AUDIT_SEQ: head_seq,
            },
            station=station.code,
            actor=who,
            at=now,
        )
        SyncLog.create(
            kind="station_export",
            direction="out",
            station=station.code,
            seq=seq,
            file_hash=file_hash,
            prev_hash=prev_hash,
            full=full,
            status="exported",
            file_name=target.name,
            at=now,
            by=who,
            counts=_counts_json(header),
        )
        # Sent once: later exports leave these files out (a full export sends them again).
        for start in range(0, len(parts.hashes), BATCH):
            rows = [{"sha256": sha, "seq": seq} for sha in parts.hashes[start : start + BATCH]]
            AttachmentSent.insert_many(rows).on_conflict_replace().execute()
    progress(1, 1, "verify", force=True)
    return ExportResult(
        path=target,
        seq=seq,
        full=full,
        counts=header["counts"],
        file_hash=file_hash,
        size=target.stat().st_size + sum(p["size"] for p in parts.parts),
        parts=parts.paths,
        attachment_files=len(parts.hashes),
    )


def _counts_json(header: dict) -> str:
    return json.dumps(header["counts"], sort_keys=True)


def _verify_written(target: Path, file_hash: str, header: dict | None) -> None:
    """Read the file back from the stick: structure, signature and every byte's hash."""
    try:
        written = open_sync_file(target)
    except SyncFileError as err:
        raise RefusedError(
            f"写出的同步文件读回校验失败（{err}）：U盘可能有问题。"
            "本次导出不算数，请换一个U盘重新导出。"
        ) from None
    if written.file_hash != file_hash or (
        header is not None
        and (written.header["seq"] != header["seq"] or written.header["counts"] != header["counts"])
    ):
        raise RefusedError(
            "写出的同步文件读回后与写入的不一致：U盘可能有问题。"
            "本次导出不算数，请换一个U盘重新导出。"
        )
