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

from firstask_desktop.store import db, record_sql
from firstask_desktop.store.models import ALL_MODELS, AUDITED, AuditEvent, Record, now_stamp

GENESIS = "0" * 64


def json_value(value):
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
        data[field.column_name] = json_value(value)
    return data


# One encoder for every event: json.dumps would build a new one per call with these options.
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical_json(obj) -> str:
    return _CANONICAL.encode(obj)


def event_hash(event: AuditEvent) -> str:
    body = {
        "uuid": event.uuid,
        "station": event.station,
        "at": json_value(event.at),
        "actor": event.actor,
        "actor_uuid": event.actor_uuid,
        "action": event.action,
        "table": event.table_name,
        "record": event.record_uuid,
        "before": event.before,
        "after": event.after,
        "prev": event.prev_hash,
    }
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def chain_head() -> str:
    """The hash of the last event (read inside the change's transaction, whose write lock keeps
    any other writer from appending meanwhile). One index seek, its SQL written once: peewee
    would build it anew for each event of every save."""
    row = db.database.execute_sql(_LAST_HASH).fetchone()
    return row[0] if row else GENESIS


_LAST_HASH = 'SELECT "hash" FROM "audit_event" ORDER BY "seq" DESC LIMIT 1'


def _append(
    *,
    station: str,
    actor,
    action: str,
    table: str,
    record_uuid: str,
    before: dict | None,
    after: dict,
    at: datetime | None,
) -> AuditEvent:
    event = AuditEvent(
        station=station,
        at=at or now_stamp(),
        actor=getattr(actor, "name", None) or str(actor or "系统"),
        actor_uuid=getattr(actor, "uuid", "") or "",
        action=action,
        table_name=table,
        record_uuid=record_uuid,
        before=canonical_json(before) if before is not None else None,
        after=canonical_json(after),
        prev_hash=chain_head(),
    )
    event.hash = event_hash(event)
    record_sql.insert(event)
    return event


def append_event(
    *,
    station: str,
    actor,
    action: str,
    record: Record,
    before: dict | None,
    at: datetime | None = None,
) -> AuditEvent:
    """Write one event for ``record`` (already saved). Call inside the change's transaction."""
    return _append(
        station=station,
        actor=actor,
        action=action,
        table=record._meta.table_name,
        record_uuid=record.uuid,
        before=before,
        after=snapshot(record),
        at=at,
    )


# --- tables without per-row events (holidays, settings): a digest of the whole table ---------

TABLE_STATE = "table_state"


def table_state(model) -> dict:
    """Row count and SHA-256 of every row of ``model``, in primary-key order."""
    digest = hashlib.sha256()
    count = 0
    for row in model.select().order_by(*model._meta.get_primary_keys()).dicts().iterator():
        digest.update(canonical_json({k: json_value(v) for k, v in row.items()}).encode("utf-8"))
        digest.update(b"\n")
        count += 1
    return {"rows": count, "sha256": digest.hexdigest()}


def _table_key(model) -> str:
    return f"table:{model._meta.table_name}"[:36]


def record_table_state(model, *, station: str, actor, at: datetime | None = None) -> AuditEvent:
    """After the app changes a table that has no uuid per row, chain the table's new digest.

    From the first such event on, ``verify_table_states`` reports any change made elsewhere.
    Call it inside the change's transaction.
    """
    previous = last_table_state(model)
    return _append(
        station=station,
        actor=actor,
        action=TABLE_STATE,
        table=model._meta.table_name,
        record_uuid=_table_key(model),
        before=previous[1] if previous else None,
        after=table_state(model),
        at=at,
    )


def last_table_state(model) -> tuple[int, dict] | None:
    event = (
        AuditEvent.select(AuditEvent.seq, AuditEvent.after)
        .where(
            (AuditEvent.table_name == model._meta.table_name) & (AuditEvent.action == TABLE_STATE)
        )
        .order_by(AuditEvent.seq.desc())
        .first()
    )
    return (event.seq, json.loads(event.after)) if event else None


def save_audited(record: Record, *, actor, action: str, at: datetime | None = None) -> AuditEvent:
    """Save a new or changed record and its audit event (revision and updated_at kept right)."""
    at = at or now_stamp()
    is_new = record._pk is None
    before = None
    if not is_new:
        before = snapshot(_stored(record))
        record.revision = (record.revision or 0) + 1
    record.updated_at = at
    if is_new:
        record.created_at = record.created_at or at
        record_sql.insert(record)  # as record.save(force_insert=True), its SQL built once
    else:
        record.save()
    return append_event(
        station=record.station, actor=actor, action=action, record=record, before=before, at=at
    )


def _stored(record: Record) -> Record:
    """The record as stored now (``get_by_id``, its SQL built once)."""
    model = type(record)
    stored = record_sql.first(model, f'"{model._meta.primary_key.column_name}" = ?', (record._pk,))
    if stored is None:
        raise model.DoesNotExist(f"{model.__name__} {record._pk} does not exist")
    return stored


TABLE_LABELS = {
    "station": "供电所",
    "department": "部门",
    "staff": "人员",
    "customer": "客户",
    "entry": "登记",
    "transfer": "转办",
    "supervision": "督办",
    "follow_up": "回访",
    "escalation": "上报",
    "void": "作废",
    "deadline_rule": "时限规则",
    "holiday_day": "节假日表",
    "setting": "设置",
    "serial_counter": "受理编号计数",
    "audit_event": "审计记录",
    "attachment": "附件",
}


@dataclass
class AuditProblem:
    seq: int | None
    table: str
    record_uuid: str
    message: str  # Chinese, for the clerk or the county
    label: str = ""  # what a person recognises: a serial number, a staff name

    def __str__(self) -> str:
        where = f"第 {self.seq} 号审计事件" if self.seq is not None else "无审计事件"
        what = self.label or self.record_uuid
        table = TABLE_LABELS.get(self.table, self.table)
        return f"{where}（{table} {what}，表 {self.table}）：{self.message}"


def verify_chain() -> list[AuditProblem]:
    """Recompute every hash in order; report the first broken link (later ones follow from it).

    On SQLite sequence numbers have no gaps (a rolled-back insert gives its number back), so a
    missing number names the event that was deleted, even if the chain after it was rewritten.
    A PostgreSQL sequence does not give numbers back: there a gap is a deletion only where the
    link to the previous event breaks too.
    """
    gaps_are_deletions = db.is_sqlite()
    prev = GENESIS
    expected = None
    for event in AuditEvent.select().order_by(AuditEvent.seq).iterator():
        if (
            expected is not None
            and event.seq != expected
            and (gaps_are_deletions or event.prev_hash != prev)
        ):
            missing = (
                f"第 {expected} 号"
                if event.seq == expected + 1
                else f"第 {expected}–{event.seq - 1} 号"
            )
            return [
                AuditProblem(
                    expected,
                    "audit_event",
                    "",
                    f"{missing}审计事件不见了：审计记录在程序外被删除过",
                )
            ]
        if event.prev_hash != prev:
            return [
                AuditProblem(
                    event.seq,
                    event.table_name,
                    event.record_uuid,
                    "与前一事件的链接断开：审计记录被删除或改动过",
                )
            ]
        if event_hash(event) != event.hash:
            return [
                AuditProblem(
                    event.seq,
                    event.table_name,
                    event.record_uuid,
                    "内容与其哈希不符：审计记录被改动过",
                )
            ]
        prev = event.hash
        expected = event.seq + 1
    return []


# The column a person recognises a row by, in messages. Customers are named by uuid only: a
# check report must not spread personal data.
LABEL_COLUMNS = {"entry": "serial", "station": "code", "staff": "name", "department": "name"}


def _label(record) -> str:
    column = LABEL_COLUMNS.get(record._meta.table_name)
    return str(getattr(record, column, "") or "") if column else ""


def _changed_columns(current: dict, recorded: dict) -> list[str]:
    """Columns whose value differs. Columns the event does not know were added by a later
    schema version and are not yet covered: they are skipped, not reported."""
    return sorted(k for k in recorded if k not in current or current[k] != recorded[k])


def verify_rows() -> list[AuditProblem]:
    """Every audited row must equal the ``after`` of its last event; report each that does not."""
    problems = []
    for model in AUDITED:
        table = model._meta.table_name
        last_after = {}
        query = (
            AuditEvent.select(AuditEvent.seq, AuditEvent.record_uuid, AuditEvent.after)
            .where((AuditEvent.table_name == table) & (AuditEvent.action != TABLE_STATE))
            .order_by(AuditEvent.seq)
        )
        for event in query.iterator():
            last_after[event.record_uuid] = (event.seq, event.after)
        for record in model.select().iterator():
            seq, after = last_after.pop(record.uuid, (None, None))
            if after is None:
                problems.append(
                    AuditProblem(
                        None,
                        table,
                        record.uuid,
                        "这条记录没有审计事件：可能是在程序外插入的",
                        _label(record),
                    )
                )
                continue
            current = json.loads(canonical_json(snapshot(record)))
            changed = _changed_columns(current, json.loads(after))
            if changed:
                problems.append(
                    AuditProblem(
                        seq,
                        table,
                        record.uuid,
                        f"记录内容与这次审计事件不一致（字段 {'、'.join(changed)}）：在程序外被改动过",
                        _label(record),
                    )
                )
        for record_uuid, (seq, after) in last_after.items():
            problems.append(
                AuditProblem(
                    seq,
                    table,
                    record_uuid,
                    "审计事件所记的记录已不存在：在程序外被删除",
                    _label_from_json(table, after),
                )
            )
    return problems


def _label_from_json(table: str, after: str | None) -> str:
    column = LABEL_COLUMNS.get(table)
    return str((json.loads(after) if after else {}).get(column) or "") if column else ""


def verify_table_states() -> list[AuditProblem]:
    """Each table with a ``table_state`` event must still have the digest of its last one."""
    problems = []
    tables = (
        AuditEvent.select(AuditEvent.table_name).distinct().where(AuditEvent.action == TABLE_STATE)
    )
    models = {m._meta.table_name: m for m in ALL_MODELS}
    for (table,) in tables.tuples():
        model = models.get(table)
        if model is None:
            continue
        seq, recorded = last_table_state(model)
        now = table_state(model)
        if now != recorded:
            problems.append(
                AuditProblem(
                    seq,
                    table,
                    _table_key(model),
                    f"表内容与这次审计事件记下的不一致（原 {recorded['rows']} 行，现 {now['rows']} 行）："
                    "在程序外被改动过",
                )
            )
    return problems
