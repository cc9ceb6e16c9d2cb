"""The county office's view of its stations: who sent what, what is missing, what waits for a
person (quarantine), and each station's own history of an entry.

Plain data for the GUI's county screens and the CLI (``sync status``); no Qt here.
"""

from __future__ import annotations

import json
from datetime import datetime

from peewee import fn

from firstask_desktop.domain.errors import NotFoundError, RefusedError
from firstask_desktop.store import db
from firstask_desktop.store.audit import append_event, snapshot
from firstask_desktop.store.models import (
    Entry,
    KnownKey,
    QuarantinedRecord,
    RetiredKey,
    Station,
    StationAuditEvent,
    SyncLog,
)
from firstask_desktop.store.trusted_keys import revoked_key_ids

from ..sync.actors import authorise
from ..sync.county_import import KIND, missing_numbers
from ..sync.records import SPEC_BY_NAME, IdMap, WireError, from_wire
from ..sync.results import IMPORTED, QUARANTINED
from ..sync.station_rows import row_problems


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="minutes") if value else None


def station_codes() -> list[str]:
    """Every station the county has heard of (for the register's station filter)."""
    codes = {c for (c,) in Station.select(Station.code).where(Station.mode == "station").tuples()}
    codes |= {
        c for (c,) in KnownKey.select(KnownKey.station).where(KnownKey.role == "station").tuples()
    }
    codes |= {
        c
        for (c,) in SyncLog.select(SyncLog.station)
        .where((SyncLog.kind == KIND) & (SyncLog.direction == "in"))
        .tuples()
    }
    return sorted(codes)


def station_overview() -> list[dict]:
    """One row per station: last sequence number, last import, gaps, what waits in quarantine."""
    rows = []
    for code in station_codes():
        station = Station.get_or_none(Station.code == code)
        key = KnownKey.get_or_none((KnownKey.role == "station") & (KnownKey.station == code))
        log = SyncLog.select().where(
            (SyncLog.kind == KIND) & (SyncLog.direction == "in") & (SyncLog.station == code)
        )
        imported = log.where(SyncLog.status == IMPORTED)
        last = imported.order_by(SyncLog.seq.desc()).first()
        last_seq = last.seq if last else 0
        rows.append(
            {
                "station": code,
                "name": station.name if station else (key.name if key else ""),
                "fingerprint": key.fingerprint if key else "",
                "key_accepted_at": _iso(key.accepted_at) if key else None,
                "key_accepted_by": key.accepted_by if key else "",
                "last_seq": last_seq,
                "last_import_at": _iso(imported.select(fn.MAX(SyncLog.at)).scalar()),
                "files_imported": imported.count(),
                "files_quarantined": log.where(SyncLog.status == QUARANTINED).count(),
                "missing": missing_numbers(code, last_seq + 1) if last_seq else [],
                "records_quarantined": QuarantinedRecord.select()
                .where(
                    (QuarantinedRecord.station == code) & QuarantinedRecord.resolved_at.is_null()
                )
                .count(),
                "entries": Entry.select().where(Entry.station == code).count(),
            }
        )
    return rows


def import_history(station: str = "", limit: int = 200) -> list[dict]:
    """Sync files taken in or set aside here, newest first."""
    query = SyncLog.select().where(SyncLog.direction == "in")
    if station:
        query = query.where(SyncLog.station == station.strip().upper())
    return [
        {
            "id": s.id,
            "kind": s.kind,
            "station": s.station,
            "seq": s.seq,
            "status": s.status,
            "full": s.full,
            "file_name": s.file_name,
            "at": _iso(s.at),
            "by": s.by,
            "counts": json.loads(s.counts or "{}"),
            "note": s.note,
            "file_hash": s.file_hash,
        }
        for s in query.order_by(SyncLog.at.desc(), SyncLog.id.desc()).limit(limit)
    ]


def quarantined_records(include_resolved: bool = False) -> list[dict]:
    query = QuarantinedRecord.select().order_by(QuarantinedRecord.id)
    if not include_resolved:
        query = query.where(QuarantinedRecord.resolved_at.is_null())
    return [_quarantined_dict(q) for q in query]


def quarantined_record(record_id: int) -> dict:
    """One quarantined record, resolved or not, as ``quarantined_records`` lists it."""
    item = QuarantinedRecord.get_or_none(QuarantinedRecord.id == record_id)
    if item is None:
        raise NotFoundError(f"没有第 {record_id} 号隔离记录：请刷新列表后重试。")
    return _quarantined_dict(item)


def _quarantined_dict(q: QuarantinedRecord) -> dict:
    return {
        "id": q.id,
        "station": q.station,
        "table": q.table_name,
        "record_uuid": q.record_uuid,
        "revision": q.revision,
        "reason": q.reason,
        "incoming": json.loads(q.incoming),
        "at": _iso(q.at),
        "existing": json.loads(q.existing) if q.existing else None,
        "resolved_at": _iso(q.resolved_at),
        "resolved_by": q.resolved_by,
        "resolution": q.resolution,
    }


def resolve_quarantined(
    record_id: int, *, take_incoming: bool, actor, now: datetime | None = None
) -> QuarantinedRecord:
    """A person decides: keep what is stored, or take the file's version (audited either way
    in the quarantine row; taking it also writes the record's audit event)."""
    actor = authorise(actor, "export_import")
    now = (now or datetime.now()).replace(microsecond=0)
    item = QuarantinedRecord.get_or_none(QuarantinedRecord.id == record_id)
    if item is None:
        raise NotFoundError(f"没有第 {record_id} 号隔离记录：请刷新列表后重试。")
    if item.resolved_at is not None:
        raise RefusedError(f"第 {record_id} 号隔离记录已由 {item.resolved_by} 处理过。")
    with db.transaction():
        if take_incoming:
            _take_incoming(item, actor, now)
        item.resolved_at = now
        item.resolved_by = actor[:50]
        item.resolution = "took_incoming" if take_incoming else "kept_existing"
        item.save()
    return item


def _signed_by_revoked_key(log: SyncLog) -> bool:
    """Whether the file was signed by a key since revoked. A file logged before the log named
    its signer: whether a revoked key of its station was the one registered when it came."""
    if log.signer:
        return log.signer in revoked_key_ids()
    return (
        RetiredKey.select()
        .where(
            (RetiredKey.role == "station")
            & (RetiredKey.station == log.station)
            & (RetiredKey.revoked == True)  # noqa: E712 - peewee
            & (RetiredKey.accepted_at <= log.at)
            & (RetiredKey.retired_at >= log.at)
        )
        .exists()
    )


def _take_incoming(item: QuarantinedRecord, actor: str, now: datetime) -> None:
    if _signed_by_revoked_key(item.sync_log):
        raise RefusedError(
            f"这条记录来自 {item.station} 的第 {item.sync_log.seq} 号文件，签这个文件的密钥已作废"
            "（那台电脑登记为丢失或被盗）：不能采用，请选择“保留现有”。"
        )
    spec = SPEC_BY_NAME.get(item.table_name)
    if spec is None:
        raise RefusedError("审计记录不能替换：县公司保留已存的版本，请选择“保留现有”。")
    try:
        values = from_wire(spec, json.loads(item.incoming))
    except (WireError, ValueError) as err:
        raise RefusedError(f"隔离的记录无法使用（{err}）：请选择“保留现有”。") from None
    ids = IdMap()
    row = dict(values)
    for fk in spec.foreign_keys:
        if values[fk.name] is None:
            continue
        ids.load_uuids(fk.rel_model, [values[fk.name]])
        target = ids.id_of(fk.rel_model, values[fk.name])
        if target is None:
            raise RefusedError(
                f"这条记录引用的 {fk.rel_model._meta.table_name} 记录不在本库中："
                "请先导入它所在的文件，或选择“保留现有”。"
            )
        row[fk.name] = target
    model = spec.model
    existing = model.get_or_none(model.uuid == values["uuid"])
    clash = _unique_clash(spec, row)
    if clash:
        raise RefusedError(
            f"采用这条记录会与本库中的记录 {clash} 重复：请先处理那一条，或选择“保留现有”。"
        )
    if existing is None:
        record = model(**row)
        record.save(force_insert=True)
        before = None
    else:
        before = snapshot(existing)
        model.update({getattr(model, k): v for k, v in row.items()}).where(
            model.id == existing.id
        ).execute()
        record = model.get_by_id(existing.id)
    append_event(
        station=record.station,
        actor=actor,
        action="quarantine_take",
        record=record,
        before=before,
        at=now,
    )


def _unique_clash(spec, row: dict) -> str | None:
    model = spec.model
    for key in spec.unique_keys:
        condition = model.uuid != row["uuid"]
        for name in key:
            condition &= getattr(model, name) == row[name]
        other = model.select(model.uuid).where(condition).first()
        if other is not None:
            return other.uuid
    return None


def station_timeline(record_uuid: str) -> list[dict]:
    """What the station itself recorded about a record (its own audit events, imported here)."""
    events = (
        StationAuditEvent.select()
        .where(StationAuditEvent.record_uuid == record_uuid)
        .order_by(StationAuditEvent.source, StationAuditEvent.seq)
    )
    return [
        {"station": e.source, "seq": e.seq, "at": _iso(e.at), "actor": e.actor, "action": e.action}
        for e in events
    ]


def verify_station_chains(station: str = "") -> list[str]:
    """Recompute every imported station audit event: its hash, and its link to the one before;
    then compare every row of the station with its last event (sync/station_rows.py).

    An import checks the links as it goes; this also recomputes each hash (the whole history,
    so it is a separate, slower check). Returns Chinese problems, empty when all is well.
    """
    from firstask_desktop.store.audit import event_hash

    problems = []
    codes = [station.strip().upper()] if station else station_codes()
    for code in codes:
        prev, expected = None, None
        query = (
            StationAuditEvent.select()
            .where(StationAuditEvent.source == code)
            .order_by(StationAuditEvent.seq)
        )
        for event in query.iterator():
            if expected is not None and event.seq != expected:
                prev = None  # a gap (a file never imported): the link cannot be checked
            if prev is not None and event.prev_hash != prev:
                problems.append(f"供电所 {code} 第 {event.seq} 号审计记录与前一条链接不上")
            if event_hash(event) != event.hash:
                problems.append(f"供电所 {code} 第 {event.seq} 号审计记录的内容与其哈希不符")
            prev, expected = event.hash, event.seq + 1
        # Each of the station's rows must also be what its last event says it is.
        problems += row_problems(code)
    return problems


def check_problems() -> list[str]:
    """What ``check`` adds at the county: the stations' chains and rows (empty at a station)."""
    station = Station.select().where(Station.is_local == True).first()  # noqa: E712
    if station is None or station.mode != "county":
        return []
    return verify_station_chains()
