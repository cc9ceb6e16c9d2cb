"""Merging incoming records into this database: by uuid and revision, never a silent overwrite.

For each record of a file:

- unknown uuid → inserted;
- known, the file's revision higher → the stored row is updated;
- known, the file's revision lower → kept as stored (the file is older);
- known, same revision, same content → nothing to do (importing a file twice changes nothing);
- known, same revision, different content, or a clash with another row's unique key (serial
  number, staff name, ...) → the record goes to ``QuarantinedRecord`` for a person to decide.

Every row written gets its audit event in this database's own chain (action ``sync_import``), so
``check`` stays green. The caller runs all of it in one transaction; a :class:`MergeError` (the
file contradicts itself) rolls everything back.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path

from firstask_desktop.domain.errors import FIELD_LABELS
from firstask_desktop.store.audit import snapshot
from firstask_desktop.store.bulk_write import (
    ChainWriter,
    IdBlock,
    fast_snapshot,
    field_defaults,
    insert_rows,
    row_view,
)
from firstask_desktop.store.models import QuarantinedRecord, SyncLog

from .container import refuse
from .incoming import serial_problem, text_problem
from .records import (
    SPEC_BY_NAME,
    IdMap,
    TableSpec,
    WireError,
    from_wire,
    select_in,
    stored_values,
    wire_of_values,
)

BATCH = 500
BATCH_CHARS = 4_000_000  # text held before merging: bounds memory whatever a file's lines hold
IMPORT_ACTION = "sync_import"


class Merger:
    """Feed it records with :meth:`add` in file order, then call :meth:`finish`."""

    def __init__(
        self,
        *,
        path: Path,
        sync_log: SyncLog,
        actor: str,
        now: datetime,
        tables: set[str],
        expected_station: str | None = None,
        skip_station: str | None = None,
    ):
        self.path = path
        self.sync_log = sync_log
        self.actor = actor[:50]
        self.now = now
        self.tables = tables
        self.expected_station = expected_station
        self.skip_station = skip_station
        self.ids = IdMap()
        self.chain = ChainWriter()
        self.counts: dict[str, Counter] = {}
        self._blocks: dict[type, IdBlock] = {}
        self._defaults: dict[type, dict] = {}
        self._seen: set[str] = set()
        self._quarantined: set[str] = set()
        self._table: str | None = None
        self._buffer: list[dict] = []
        self._buffered = 0
        self.touched_models: set[type] = set()
        # uuid of every record now stored as the file carries it (inserted, updated, unchanged):
        # the county checks each against the station's audit event that wrote it.
        self.stored: dict[str, set[str]] = {}

    # --- feeding --------------------------------------------------------------------------

    def add(self, table: str, data: dict) -> None:
        if table not in self.tables or table not in SPEC_BY_NAME:
            raise refuse(
                self.path, f"含有不该出现的数据表“{table[:32]}”", "文件已损坏或来自更新的版本。"
            )
        if table != self._table or len(self._buffer) >= BATCH or self._buffered >= BATCH_CHARS:
            self._flush()
            self._table = table
        self._buffer.append(data)
        self._buffered += sum(len(v) for v in data.values() if isinstance(v, str))

    def finish(self) -> None:
        self._flush()
        self.chain.flush()

    def _flush(self) -> None:
        if self._buffer:
            self._merge(SPEC_BY_NAME[self._table], self._buffer)
            self._buffer = []
            self._buffered = 0

    # --- merging --------------------------------------------------------------------------

    def _bad(self, what: str):
        return refuse(
            self.path, what, "文件内容自相矛盾，请在发出文件的一方运行 check 后重新导出。"
        )

    def _count(self, table: str, what: str, n: int = 1) -> None:
        self.counts.setdefault(table, Counter())[what] += n

    def _decode(self, spec: TableSpec, items: list[dict]) -> list[dict]:
        decoded = []
        for data in items:
            try:
                values = from_wire(spec, data)
            except WireError as err:
                raise self._bad(f"中的 {spec.name} 记录有误（{err}）") from None
            uuid = values["uuid"]
            if uuid in self._seen:
                raise self._bad(f"中同一条记录（{uuid}）出现了两次")
            self._seen.add(uuid)
            problem = text_problem(spec, values)
            if problem:
                raise refuse(
                    self.path,
                    f"中的 {spec.name} 记录 {uuid} {problem}",
                    "这样的内容不能进入登记簿和报表；请在发出文件的一方运行 check 后重新导出。",
                )
            if self.expected_station and values["station"] != self.expected_station:
                raise refuse(
                    self.path,
                    f"中含有供电所 {values['station']} 的记录，而文件来自 {self.expected_station}",
                    "一个供电所只能发送自己的记录；请核对文件来源。",
                )
            problem = self.expected_station and serial_problem(spec, values, self.expected_station)
            if problem:
                raise refuse(
                    self.path, f"中{problem}", "一个供电所只能发送自己的记录；请核对文件来源。"
                )
            if self.skip_station and values["station"] == self.skip_station:
                self._count(spec.name, "own")  # this PC's own records: this PC is their source
                continue
            decoded.append(values)
        return decoded

    def _merge(self, spec: TableSpec, items: list[dict]) -> None:
        model = spec.model
        decoded = self._decode(spec, items)
        if not decoded:
            return
        # Which are known at all (cheap), then the stored rows of those only: on a first import
        # nothing is known, and a later one brings few known rows.
        known = [u for (u,) in select_in(model, ("uuid",), "uuid", [v["uuid"] for v in decoded])]
        existing = (
            {row["uuid"]: row for row in model.select().where(model.uuid.in_(known)).dicts()}
            if known
            else {}
        )
        for fk in spec.foreign_keys:
            self.ids.load_ids(fk.rel_model, [r[fk.name] for r in existing.values()])
        inserts, updates = [], []
        for values in decoded:
            row = existing.get(values["uuid"])
            if row is None:
                inserts.append(values)
                continue
            self.ids.add(model, row["id"], row["uuid"])
            current = stored_values(spec, row, self.ids.uuid_of)
            if row["station"] != values["station"]:
                self._quarantine(
                    spec,
                    values,
                    current,
                    f"本库中这条记录属于 {row['station']}，文件却说属于 {values['station']}",
                )
            elif values["revision"] < row["revision"]:
                self._count(spec.name, "older")
            elif values["revision"] == row["revision"]:
                if current == values:
                    self._count(spec.name, "unchanged")
                    self.stored.setdefault(spec.name, set()).add(values["uuid"])
                else:
                    self._quarantine(
                        spec,
                        values,
                        current,
                        f"同一版本（第 {row['revision']} 版）的内容与本库不同",
                    )
            else:
                updates.append((values, row))
        writes = self._resolve(spec, inserts, updates)
        writes = self._drop_unique_clashes(spec, writes)
        self._write(spec, writes)

    def _resolve(self, spec: TableSpec, inserts, updates) -> list[tuple[dict, dict, dict | None]]:
        """(values, row to store with ids, stored row or None) for each record to write."""
        pending = inserts + [v for v, _ in updates]
        if self.expected_station:
            self._check_owned(spec, pending)
        for fk in spec.foreign_keys:
            self.ids.load_uuids(fk.rel_model, [v[fk.name] for v in pending])
        stored = {v["uuid"]: row for v, row in updates}
        writes = []
        for values in pending:
            row = dict(values)
            held_back = None
            for fk in spec.foreign_keys:
                target = values[fk.name]
                if target is None:
                    continue
                if target in self._quarantined:
                    held_back = f"它引用的记录 {target} 已被隔离"
                    break
                target_id = self.ids.id_of(fk.rel_model, target)
                if target_id is None:
                    raise self._bad(
                        f"中的 {spec.name} 记录 {values['uuid']} 引用的"
                        f" {fk.rel_model._meta.table_name} 记录 {target} 在文件和本库中都没有"
                    )
                row[fk.name] = target_id
            if held_back:
                self._quarantine(spec, values, None, held_back)
                continue
            writes.append((values, row, stored.get(values["uuid"])))
        return writes

    def _check_owned(self, spec: TableSpec, pending: list[dict]) -> None:
        """A station's records point only at its own: a 受理人 of another station would be
        fined for a matter he never saw."""
        for fk in spec.foreign_keys:
            outside = sorted(
                {v[fk.name] for v in pending if v[fk.name] and v[fk.name] not in self._seen}
            )
            for uuid, station in select_in(fk.rel_model, ("uuid", "station"), "uuid", outside):
                if station != self.expected_station:
                    raise refuse(
                        self.path,
                        f"中的 {spec.name} 记录把“{FIELD_LABELS.get(fk.name, fk.name)}”指向了"
                        f"供电所 {station} 的记录 {uuid}",
                        "一个供电所只能引用本所的人员、客户和部门；请核对文件来源。",
                    )

    def _drop_unique_clashes(self, spec: TableSpec, writes):
        """Quarantine records whose serial number, name, code ... another row already has."""
        model = spec.model
        for key in spec.unique_keys:
            wanted: dict[tuple, str] = {}
            clashes: dict[str, str] = {}
            for values, row, _old in writes:
                value = tuple(row[name] for name in key)
                if any(v is None for v in value):
                    continue
                if value in wanted:
                    clashes[values["uuid"]] = "与同一文件中的另一条记录重复"
                else:
                    wanted[value] = values["uuid"]
            firsts = sorted({v[0] for v in wanted}, key=str)
            for uuid, *value in select_in(model, ("uuid", *key), key[0], firsts):
                owner = wanted.get(tuple(value))
                if owner is not None and owner != uuid:
                    names = "+".join(FIELD_LABELS.get(name, name) for name in key)
                    clashes[owner] = f"{names}与本库中的记录 {uuid} 重复"
            if clashes:
                kept = []
                for values, row, old in writes:
                    reason = clashes.get(values["uuid"])
                    if reason is None:
                        kept.append((values, row, old))
                    else:
                        current = (
                            stored_values(spec, old, self.ids.uuid_of) if old is not None else None
                        )
                        self._quarantine(spec, values, current, reason)
                writes = kept
        return writes

    def _write(self, spec: TableSpec, writes) -> None:
        model = spec.model
        defaults = self._defaults.get(model)
        if defaults is None:
            # Fields that never travel (password hash ...) start as a new record's would.
            defaults = self._defaults[model] = {
                name: value
                for name, value in field_defaults(model).items()
                if name not in {f.name for f in spec.fields}
            }
        new_rows = []
        for values, row, old in writes:
            self.touched_models.add(model)
            self.stored.setdefault(spec.name, set()).add(values["uuid"])
            if old is None:
                block = self._blocks.get(model) or self._blocks.setdefault(model, IdBlock(model))
                stored = dict(defaults, **row)
                stored["id"] = block.take()
                new_rows.append(stored)
                self.ids.add(model, stored["id"], values["uuid"])
                self.chain.add(
                    row_view(model, stored),
                    None,
                    action=IMPORT_ACTION,
                    actor=self.actor,
                    at=self.now,
                    after=fast_snapshot(model, stored),
                )
                self._count(spec.name, "inserted")
            else:
                before = snapshot(row_view(model, old))
                model.update({getattr(model, name): value for name, value in row.items()}).where(
                    model.id == old["id"]
                ).execute()
                self.chain.add(
                    row_view(model, dict(old, **row)),
                    before,
                    action=IMPORT_ACTION,
                    actor=self.actor,
                    at=self.now,
                )
                self._count(spec.name, "updated")
        insert_rows(model, new_rows)

    def _quarantine(self, spec: TableSpec, values: dict, current: dict | None, reason: str) -> None:
        self._quarantined.add(values["uuid"])
        self._count(spec.name, "quarantined")
        QuarantinedRecord.create(
            sync_log=self.sync_log,
            station=values["station"],
            table_name=spec.name,
            record_uuid=values["uuid"],
            revision=values["revision"],
            incoming=_json(wire_of_values(spec, values)),
            existing=_json(wire_of_values(spec, current)) if current is not None else "",
            reason=reason,
            at=self.now,
        )

    def totals(self) -> dict[str, int]:
        total = Counter()
        for counter in self.counts.values():
            total.update(counter)
        return dict(total)


def _json(values: dict) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True)
