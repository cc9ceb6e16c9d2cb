"""Writing many rows at once: sync imports and generated demo data.

The rows and audit events are exactly those the per-record services write (``save_audited``),
only hashed in memory and inserted in batches. Ids are handed out here (max + 1 …) so that rows
written in the same transaction can point to each other; call inside ``db.transaction()``, which
on SQLite holds the write lock, and on PostgreSQL lock the tables first (:func:`lock_tables`).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import random
from datetime import date, datetime
from json.encoder import encode_basestring as _string  # JSON string, non-ASCII kept (C)
from operator import itemgetter

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
    fn,
)

from firstask_desktop.store import db, search_pg
from firstask_desktop.store.audit import GENESIS, canonical_json, json_value, snapshot
from firstask_desktop.store.models import AuditEvent


def insert_rows(model, rows: list[dict]) -> None:
    """INSERT ``rows`` (dicts keyed by field name, every row the same keys).

    Straight to the driver with each field's own ``db_value`` conversion: building the SQL of a
    many-row ``insert_many`` costs peewee more than SQLite needs to store the rows.
    """
    if not rows:
        return
    names = list(rows[0])
    fields = [model._meta.fields[name] for name in names]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    # The values are already of their field's Python type (checked on the way in); both drivers
    # adapt str, int, bool, date and datetime themselves, as they do for peewee's own inserts.
    pick = itemgetter(*names) if len(names) > 1 else (lambda row: (row[names[0]],))
    values = [pick(row) for row in rows]
    table = model._meta.table_name
    cursor = db.database.cursor()
    if db.is_sqlite():
        marks = ", ".join("?" * len(fields))
        cursor.executemany(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', values)
        return
    try:
        text = "".join(["\t".join(map(_copy_text, row)) + "\n" for row in values])
    except TypeError:  # a value COPY's text form is not written for here: the driver adapts it
        from psycopg2.extras import execute_values  # the county's PostgreSQL driver

        sql = f'INSERT INTO "{table}" ({columns}) VALUES %s'
        execute_values(cursor, sql, values, page_size=1000)
        return
    # COPY: the server parses one stream instead of a statement per thousand rows (a county's
    # millions of generated entries and their events load several times faster).
    cursor.copy_expert(f'COPY "{table}" ({columns}) FROM STDIN', io.StringIO(text))


# COPY's text format: a backslash, tab, newline or carriage return inside a value is escaped.
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value) -> str:
    """``value`` in COPY's text format, as psycopg2 would have adapted it for an INSERT."""
    kind = value.__class__
    if kind is str:
        return value.translate(_COPY_ESCAPES)
    if value is None:
        return "\\N"
    if kind is bool:
        return "t" if value else "f"
    if kind is int:
        return str(value)
    if kind is datetime:
        return value.isoformat(sep=" ")
    if kind is date:
        return value.isoformat()
    raise TypeError(kind)


class IdBlock:
    """Hands out the next ids of one table (call within the write transaction), or from
    ``start`` on (ids handed out away from the database, see bulk.add_entries)."""

    def __init__(self, model, start: int | None = None):
        self.model = model
        if start is None:
            pk = model._meta.primary_key
            start = (model.select(fn.MAX(pk)).scalar() or 0) + 1
        self._next = start

    def take(self) -> int:
        value = self._next
        self._next += 1
        return value


def lock_tables(models) -> None:
    """PostgreSQL: keep other writers out of these tables until commit (SQLite: BEGIN IMMEDIATE
    already did)."""
    if db.is_sqlite():
        return
    for model in models:
        db.database.execute_sql(
            f'LOCK TABLE "{model._meta.table_name}" IN SHARE ROW EXCLUSIVE MODE'
        )


@contextlib.contextmanager
def loading(models, cache_mib: int = 256):
    """SQLite: write a large amount of rows into ``models`` faster — a bigger page cache, and
    their secondary indexes dropped meanwhile and built again at the end (sorting once is much
    cheaper than a random b-tree insert per row into indexes larger than the cache). For data
    generated into a new station (the demo), never for a live register others are using.

    PostgreSQL (a county's millions, demo/large_county.py): the same for every index that backs
    no constraint, the county's search indexes above all (a GIN index kept current row by row
    costs more than the rows), built again at the end with more memory, then ANALYZEd."""
    if not db.is_sqlite():
        with _pg_indexes_dropped(models):
            yield
        return
    tables = [m._meta.table_name for m in models]
    marks = ", ".join("?" * len(tables))
    indexes = db.database.execute_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks})",
        tables,
    ).fetchall()
    (cache,) = db.database.execute_sql("PRAGMA cache_size").fetchone()
    db.database.execute_sql(f"PRAGMA cache_size = {-1024 * int(cache_mib)}")
    try:
        with db.transaction():
            for name, _sql in indexes:
                db.database.execute_sql(f'DROP INDEX "{name}"')
        yield
    finally:
        with db.transaction():
            for _name, sql in indexes:
                db.database.execute_sql(sql)
        db.database.execute_sql(f"PRAGMA cache_size = {int(cache)}")


@contextlib.contextmanager
def _pg_indexes_dropped(models):
    tables = tuple(m._meta.table_name for m in models)
    indexes = db.database.execute_sql(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i "
        "WHERE i.schemaname = current_schema() AND i.tablename IN %s AND NOT EXISTS ("
        "SELECT 1 FROM pg_constraint c WHERE c.conindid = "
        "format('%%I.%%I', i.schemaname, i.indexname)::regclass) ORDER BY i.indexname",
        (tables,),
    ).fetchall()
    with db.transaction():
        for name, _sql in indexes:
            db.database.execute_sql(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        with db.transaction():
            db.database.execute_sql("SET LOCAL maintenance_work_mem = '1GB'")
            for _name, sql in indexes:
                db.database.execute_sql(sql)
        for table in tables:
            db.database.execute_sql(f'ANALYZE "{table}"')
        search_pg.forget(db.database.obj)  # it asks once whether its indexes are there


def fix_sequences(models) -> None:
    """PostgreSQL: move each table's id sequence past the ids written here by hand."""
    if db.is_sqlite():
        return
    for model in models:
        table = model._meta.table_name
        column = model._meta.primary_key.column_name
        db.database.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), "
            f'GREATEST((SELECT MAX("{column}") FROM "{table}"), 1))'
        )


class _RowView:
    """Reads like a record (``row.uuid``, ``row._meta``, ``row.__data__``) over a plain dict, so
    that ``audit.snapshot`` works on it. Building a model instance instead would run every field
    default (a fresh uuid4, the clock) for each of hundreds of thousands of rows."""

    __slots__ = ("__data__",)

    def __init__(self, data: dict):
        self.__data__ = data

    def __getattr__(self, name: str):
        try:
            return self.__data__[name]
        except KeyError:
            raise AttributeError(name) from None


_VIEWS: dict[type, type] = {}


def row_view(model, data: dict):
    """``data`` (every field of ``model`` by name, foreign keys as ids) as a record to snapshot."""
    view = _VIEWS.get(model)
    if view is None:
        view = _VIEWS[model] = type(
            f"{model.__name__}Row",
            (_RowView,),
            {
                "__slots__": (),
                "_meta": model._meta,
                "NOT_AUDITED": getattr(model, "NOT_AUDITED", ()),
            },
        )
    return view(data)


def field_defaults(model) -> dict:
    """Every field's default value (callables called), as a model instance would start."""
    values = {}
    for field in model._meta.sorted_fields:
        default = field.default
        values[field.name] = default() if callable(default) else default
    return values


_PLANS: dict[type, list[tuple[str, str, int]]] = {}
_PLAIN, _DATETIME, _DATE = 0, 1, 2


def _plan(model) -> list[tuple[str, str, int]]:
    plan = _PLANS.get(model)
    if plan is None:
        skip = getattr(model, "NOT_AUDITED", ())
        plan = _PLANS[model] = [
            (
                f.name,
                f.column_name,
                _DATETIME
                if isinstance(f, DateTimeField) and not isinstance(f, ForeignKeyField)
                else _DATE
                if isinstance(f, DateField)
                else _PLAIN,
            )
            for f in model._meta.sorted_fields
            if f.name not in skip
        ]
    return plan


def fast_snapshot(model, row: dict) -> dict:
    """``audit.snapshot`` of the record ``row`` describes, computed straight from the dict (a
    test keeps the two equal): the chain of an import needs one per row written."""
    out = {}
    for name, column, kind in _plan(model):
        value = row[name]
        if value is not None and kind:
            if kind == _DATETIME and isinstance(value, datetime):
                value = value.isoformat(sep=" ")
            elif isinstance(value, date):
                value = value.isoformat()
        out[column] = value
    return out


def _json_text(value) -> str:
    """JSON of a value of no particular field kind (as audit.canonical_json writes it)."""
    return canonical_json(value)


def _json_string(value) -> str:
    return _string(value) if value.__class__ is str else canonical_json(value)


def _json_int(value) -> str:
    if value.__class__ is bool:
        return "true" if value else "false"
    return str(value) if isinstance(value, int) else canonical_json(value)


_ISO: dict = {}  # datetime → its JSON text; a register repeats the same moments many times


def _json_datetime(value) -> str:
    text = _ISO.get(value)
    if text is None:
        if not isinstance(value, datetime):
            return _json_date(value)
        if len(_ISO) > 100_000:
            _ISO.clear()
        text = _ISO[value] = '"' + value.isoformat(sep=" ") + '"'
    return text


def _json_date(value) -> str:
    return '"' + value.isoformat() + '"' if isinstance(value, date) else canonical_json(value)


_JSON_PLANS: dict[type, list] = {}


def _json_plan(model) -> list:
    plan = _JSON_PLANS.get(model)
    if plan is None:
        fields = model._meta.fields
        plan = _JSON_PLANS[model] = []
        for name, column, kind in sorted(_plan(model), key=lambda item: item[1]):
            field = fields[name]
            if kind == _DATETIME:
                encode = _json_datetime
            elif kind == _DATE:
                encode = _json_date
            elif isinstance(field, CharField | TextField) and not isinstance(
                field, ForeignKeyField
            ):
                encode = _json_string
            elif isinstance(field, IntegerField | BooleanField | ForeignKeyField):
                encode = _json_int
            else:
                encode = _json_text
            plan.append((_string(column) + ":", name, encode))
    return plan


def snapshot_json(model, row: dict) -> str:
    """``audit.canonical_json(fast_snapshot(model, row))``, written out directly (a test keeps the
    two equal): the same text for a third of the work, when a million events each need one."""
    return (
        "{"
        + ",".join(
            [
                key + ("null" if (value := row[name]) is None else encode(value))
                for key, name, encode in _json_plan(model)
            ]
        )
        + "}"
    )


def fast_uuid() -> str:
    """A random (version 4) UUID string like ``models.new_uuid``, without a system call for each
    of a million ids (Python's generator, seeded once from the system: unique, not secret)."""
    h = f"{_UUIDS.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


_UUIDS = random.Random()


def reseed_uuids() -> None:
    """Seed :func:`fast_uuid` afresh from the system: a forked process starts with a copy of
    its parent's generator, and two children of one parent would hand out the same ids."""
    _UUIDS.seed()


def fast_event_hash(row: dict) -> str:
    """``audit.event_hash`` of the event ``row`` (AuditEvent fields by name), the same bytes
    hashed (a test keeps the two equal) without building and sorting a dict per event: the
    canonical JSON of the event is written out here, its keys in sorted order."""
    at = row["at"]
    at = at.isoformat(sep=" ") if isinstance(at, datetime) else json_value(at)
    before = row["before"]
    text = (
        f'{{"action":{_string(row["action"])},"actor":{_string(row["actor"])},'
        f'"actor_uuid":{_string(row["actor_uuid"])},"after":{_string(row["after"])},'
        f'"at":{_string(at)},"before":{"null" if before is None else _string(before)},'
        f'"prev":{_string(row["prev_hash"])},"record":{_string(row["record_uuid"])},'
        f'"station":{_string(row["station"])},"table":{_string(row["table_name"])},'
        f'"uuid":{_string(row["uuid"])}}}'
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chain_end() -> tuple[str, int]:
    """(hash of the last audit event, the next sequence number) of this database's chain."""
    last = (
        AuditEvent.select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).first()
    )
    return (last.hash if last else GENESIS), (last.seq if last else 0) + 1


class ChainWriter:
    """Appends audit events to this database's chain, in batches, hashed as they come.

    ``end`` (from :func:`chain_end`) and ``sink`` let it run away from the database, in a
    process that only generates: the events go to ``sink`` instead of being inserted.
    """

    def __init__(self, batch: int = 1000, *, end: tuple[str, int] | None = None, sink=None):
        self.head, self.next_seq = end if end is not None else chain_end()
        self.batch = batch
        self.written = 0
        self.sink = sink if sink is not None else (lambda rows: insert_rows(AuditEvent, rows))
        self._rows: list[dict] = []

    def add(
        self,
        record,
        before: dict | None,
        *,
        action: str,
        actor: str,
        at: datetime,
        actor_uuid: str = "",
        after: dict | None = None,
    ) -> dict:
        """One event for ``record`` as it is (or will be) stored; ``before`` is its old snapshot,
        ``after`` its new one if already known (each a dict, or its canonical JSON text).
        Returns the new snapshot."""
        if after is None:
            after = snapshot(record)
        row = {
            "seq": self.next_seq,
            "uuid": fast_uuid(),
            "station": record.station,
            "at": at,
            "actor": actor,
            "actor_uuid": actor_uuid,
            "action": action,
            "table_name": record._meta.table_name,
            "record_uuid": record.uuid,
            "before": before
            if before is None or isinstance(before, str)
            else canonical_json(before),
            "after": after if isinstance(after, str) else canonical_json(after),
            "prev_hash": self.head,
        }
        row["hash"] = self.head = fast_event_hash(row)
        self.next_seq += 1
        self._rows.append(row)
        if len(self._rows) >= self.batch:
            self.flush()
        return after

    def flush(self) -> None:
        self.sink(list(self._rows))
        self.written += len(self._rows)
        self._rows.clear()
