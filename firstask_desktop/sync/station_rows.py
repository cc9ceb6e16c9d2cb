"""At the county: each station's row must equal its station's audit event that wrote it.

A station's file is signed by the station's key, and its audit events are chained; but a copy
of a station's data folder can sign a record that no event wrote (an entry set to 已办结 with no
事件 behind it). The station's own ``check`` compares every row with the ``after`` snapshot of its
last event; this is the same comparison at the county, against the station's chain as imported
(``StationAuditEvent``). A snapshot holds foreign keys as the station's row ids: each is matched
to the id the station's events give the row the county's record points to.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from peewee import ForeignKeyField, fn

from firstask_desktop.store.audit import json_value
from firstask_desktop.store.models import StationAuditEvent

from .records import SPECS, IdMap, TableSpec, select_in

BATCH = 500
LABELS = {"entry": "serial", "staff": "name", "department": "name", "station": "code"}


def chain_complete(code: str) -> bool:
    """Whether the county holds the station's events 1 … n without a gap."""
    query = StationAuditEvent.select(
        fn.COUNT(StationAuditEvent.id), fn.MAX(StationAuditEvent.seq)
    ).where(StationAuditEvent.source == code)
    count, top = query.scalar(as_tuple=True)
    return (top or 0) == count


def _last_after(code: str, uuids: list[str]) -> dict[str, dict]:
    """record uuid → the ``after`` of the station's last event about it."""
    found: dict[str, tuple[int, str | None]] = {}
    for start in range(0, len(uuids), BATCH):
        part = uuids[start : start + BATCH]
        query = (
            StationAuditEvent.select(
                StationAuditEvent.record_uuid, StationAuditEvent.seq, StationAuditEvent.after
            )
            .where((StationAuditEvent.source == code) & StationAuditEvent.record_uuid.in_(part))
            .tuples()
        )
        for uuid, seq, after in query:
            if uuid not in found or found[uuid][0] < seq:
                found[uuid] = (seq, after)
    return {u: json.loads(a) if a else {} for u, (_s, a) in found.items()}


def _differences(spec: TableSpec, row: dict, after: dict, targets: dict, events: dict) -> list:
    changed = []
    for f in spec.fields:
        column = f.column_name
        if column not in after:
            continue  # a column newer than the event: not covered yet (as the station's check)
        if isinstance(f, ForeignKeyField):
            target = targets.get((f.name, row[f.name]))
            station_id = (events.get(target) or {}).get("id") if target else None
            if station_id != after[column]:
                changed.append(f.name)
        elif json_value(row[f.name]) != after[column]:
            changed.append(f.name)
    return changed


def _check_rows(code: str, spec: TableSpec, rows: list[dict], ids: IdMap, complete: bool):
    targets = {}
    for fk in spec.foreign_keys:
        ids.load_ids(fk.rel_model, [r[fk.name] for r in rows])
        for r in rows:
            if r[fk.name] is not None:
                targets[(fk.name, r[fk.name])] = ids.uuid_of(fk.rel_model, r[fk.name])
    events = _last_after(code, sorted({r["uuid"] for r in rows} | set(targets.values())))
    problems = []
    for row in rows:
        label = str(row.get(LABELS.get(spec.name, "uuid")) or row["uuid"])
        after = events.get(row["uuid"])
        if after is None:
            if complete:
                problems.append(
                    f"供电所 {code} 的{spec.name}记录 {label} 没有该所的审计记录：可能是伪造的"
                )
            continue
        changed = _differences(spec, row, after, targets, events)
        if changed:
            problems.append(
                f"供电所 {code} 的{spec.name}记录 {label} 与该所最后一条审计记录不符"
                f"（字段 {'、'.join(changed)}）：可能是伪造的"
            )
    return problems


def row_problems(code: str, wanted: dict[str, Iterable[str]] | None = None) -> list[str]:
    """Chinese problems for the station's rows (all, or ``wanted`` uuids per table)."""
    complete = chain_complete(code)
    ids = IdMap()
    problems: list[str] = []
    for spec in SPECS:
        model = spec.model
        columns = ["id", *(f.name for f in spec.fields)]
        if wanted is None:
            query = model.select().where(model.station == code).order_by(model.id).dicts()
            batch: list[dict] = []
            for row in query.iterator():
                batch.append(row)
                if len(batch) >= BATCH:
                    problems += _check_rows(code, spec, batch, ids, complete)
                    batch = []
            if batch:
                problems += _check_rows(code, spec, batch, ids, complete)
            continue
        uuids = sorted(wanted.get(spec.name, ()))
        for start in range(0, len(uuids), BATCH):
            found = select_in(model, columns, "uuid", uuids[start : start + BATCH])
            rows = [dict(zip(columns, r, strict=True)) for r in found]
            rows = [_typed(spec, r) for r in rows if r["station"] == code]
            problems += _check_rows(code, spec, rows, ids, complete)
    return problems


def _typed(spec: TableSpec, row: dict) -> dict:
    """A raw driver row with Python values (SQLite gives datetimes as text, booleans as 0/1)."""
    model = spec.model
    return {
        name: (model._meta.fields[name].python_value(v) if v is not None else None)
        for name, v in row.items()
    }
