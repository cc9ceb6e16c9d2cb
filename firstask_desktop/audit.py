"""The append-only, hash-chained audit log.

Every change to an audited record is saved through :func:`save_audited`, which writes the row and
its audit event in the caller's transaction. An event's hash covers its content and the hash of
the event before it, so rewriting any past event breaks every hash after it; and each row's
current content must equal the ``after`` snapshot of its last event, so a row edited outside the
app (say, with the ``sqlite3`` tool) is found too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime

from peewee import ForeignKeyField

from .models import AUDITED, AuditEvent, Record, _now

GENESIS = "0" * 64


def _json_value(value):
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def snapshot(record: Record) -> dict:
    """The row as stored: column name → JSON value (foreign keys as ids).

    A model's ``NOT_AUDITED`` columns (this PC's login lockout state) are left out.
    """
    data = {}
    skip = getattr(type(record), "NOT_AUDITED", ())
    for field in record._meta.sorted_fields:
        if field.name in skip:
            continue
        if isinstance(field, ForeignKeyField):
            value = record.__data__.get(field.name)
        else:
            value = getattr(record, field.name)
        data[field.column_name] = _json_value(value)
    return data


def _canonical(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def event_hash(event: AuditEvent) -> str:
    body = {
        "uuid": event.uuid,
        "station": event.station,
        "at": _json_value(event.at),
        "actor": event.actor,
        "actor_uuid": event.actor_uuid,
        "action": event.action,
        "table": event.table_name,
        "record": event.record_uuid,
        "before": event.before,
        "after": event.after,
        "prev": event.prev_hash,
    }
    return hashlib.sha256(_canonical(body).encode("utf-8")).hexdigest()


def chain_head() -> str:
    last = AuditEvent.select().order_by(AuditEvent.seq.desc()).first()
    return last.hash if last else GENESIS


def append_event(*, station: str, actor, action: str, record: Record, before: dict | None,
                 at: datetime | None = None) -> AuditEvent:
    """Write one event for ``record`` (already saved). Call inside the change's transaction."""
    event = AuditEvent(
        station=station,
        at=at or _now(),
        actor=getattr(actor, "name", None) or str(actor or "系统"),
        actor_uuid=getattr(actor, "uuid", "") or "",
        action=action,
        table_name=record._meta.table_name,
        record_uuid=record.uuid,
        before=_canonical(before) if before is not None else None,
        after=_canonical(snapshot(record)),
        prev_hash=chain_head(),
    )
    event.hash = event_hash(event)
    event.save(force_insert=True)
    return event


def save_audited(record: Record, *, actor, action: str, at: datetime | None = None) -> AuditEvent:
    """Save a new or changed record and its audit event (revision and updated_at kept right)."""
    at = at or _now()
    is_new = record._pk is None
    before = None
    if not is_new:
        before = snapshot(type(record).get_by_id(record._pk))
        record.revision = (record.revision or 0) + 1
    record.updated_at = at
    if is_new:
        record.created_at = record.created_at or at
    record.save(force_insert=is_new)
    return append_event(station=record.station, actor=actor, action=action, record=record,
                        before=before, at=at)


@dataclass
class AuditProblem:
    seq: int | None
    table: str
    record_uuid: str
    message: str  # Chinese, for the clerk or the county

    def __str__(self) -> str:
        where = f"第 {self.seq} 号审计事件" if self.seq is not None else "无审计事件"
        return f"{where}（{self.table} {self.record_uuid}）：{self.message}"


def verify_chain() -> list[AuditProblem]:
    """Recompute every hash in order; report the first broken link (later ones follow from it)."""
    prev = GENESIS
    for event in AuditEvent.select().order_by(AuditEvent.seq).iterator():
        if event.prev_hash != prev:
            return [AuditProblem(event.seq, event.table_name, event.record_uuid,
                                 "与前一事件的链接断开：审计记录被删除或改动过")]
        if event_hash(event) != event.hash:
            return [AuditProblem(event.seq, event.table_name, event.record_uuid,
                                 "内容与其哈希不符：审计记录被改动过")]
        prev = event.hash
    return []


def verify_rows() -> list[AuditProblem]:
    """Every audited row must equal the ``after`` of its last event; report each that does not."""
    problems = []
    for model in AUDITED:
        table = model._meta.table_name
        last_after = {}
        query = (AuditEvent.select(AuditEvent.seq, AuditEvent.record_uuid, AuditEvent.after)
                 .where(AuditEvent.table_name == table).order_by(AuditEvent.seq))
        for event in query.iterator():
            last_after[event.record_uuid] = (event.seq, event.after)
        for record in model.select().iterator():
            seq, after = last_after.pop(record.uuid, (None, None))
            if after is None:
                problems.append(AuditProblem(None, table, record.uuid,
                                             "这条记录没有审计事件：可能是在程序外插入的"))
            elif _canonical(snapshot(record)) != after:
                problems.append(AuditProblem(seq, table, record.uuid,
                                             "记录内容与最后一次审计事件不一致：在程序外被改动过"))
        for record_uuid, (seq, _after) in last_after.items():
            problems.append(AuditProblem(seq, table, record_uuid,
                                         "审计事件所记的记录已不存在：在程序外被删除"))
    return problems
