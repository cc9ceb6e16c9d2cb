"""How a stored row travels in a sync file.

Every synced table is a :class:`~firstask_desktop.store.models.Record` (uuid, station, revision,
timestamps). In the file a row is a JSON object keyed by field name; foreign keys carry the UUID
of the row they point to (integer ids mean nothing in another database); datetimes are ISO 8601
local time. Fields that belong to one PC only never travel (``LOCAL_ONLY``): a staff member's
password hash and login lock (a model's ``NOT_AUDITED`` columns), and which station is
"this PC's".

Tables are sent parents first (a transfer after its entry), so a receiver can resolve every
reference as it goes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    Field,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from firstask_desktop.store import db
from firstask_desktop.store.models import AUDITED

# Never leave the PC: secrets and per-install state. ``id`` is a local row number.
LOCAL_ONLY = frozenset({"id", "password_hash", "failed_logins", "locked_until", "is_local"})


# The longest free text a record may carry: ten times what any form lets a clerk type (事项
# 2,000 字). A text column has no length of its own; without this a signed file could fill the
# county's database and its reports with megabytes per field.
TEXT_MAX = 20_000


class WireError(ValueError):
    """A record in a file does not fit the table (wrong type, too long, unknown field)."""


@dataclass
class TableSpec:
    model: type
    name: str
    fields: list[Field]
    foreign_keys: list[ForeignKeyField] = field(default_factory=list)
    unique_keys: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def field_names(self) -> frozenset[str]:
        names = self.__dict__.get("_names")
        if names is None:
            names = self.__dict__["_names"] = frozenset(f.name for f in self.fields)
        return names


def _unique_keys(model) -> list[tuple[str, ...]]:
    """Unique constraints other than the uuid, as tuples of field names."""
    found = [
        (f.name,) for f in model._meta.sorted_fields if f.unique and f.name not in ("uuid", "id")
    ]
    for columns, unique in getattr(model._meta, "indexes", ()) or ():
        if unique:
            found.append(tuple(columns))
    return found


def _ordered(models: Iterable[type]) -> list[type]:
    """Parents before children (Kahn's algorithm, stable in the given order)."""
    models = list(models)
    done: list[type] = []
    while len(done) < len(models):
        progressed = False
        for model in models:
            if model in done:
                continue
            parents = {
                f.rel_model
                for f in model._meta.sorted_fields
                if isinstance(f, ForeignKeyField) and f.rel_model is not model
            }
            if all(p in done or p not in models for p in parents):
                done.append(model)
                progressed = True
        if not progressed:
            raise RuntimeError("cyclic foreign keys among synced tables")
    return done


def build_specs() -> list[TableSpec]:
    specs = []
    for model in _ordered(AUDITED):
        local = LOCAL_ONLY | set(getattr(model, "NOT_AUDITED", ()))
        fields = [f for f in model._meta.sorted_fields if f.name not in local]
        specs.append(
            TableSpec(
                model=model,
                name=model._meta.table_name,
                fields=fields,
                foreign_keys=[f for f in fields if isinstance(f, ForeignKeyField)],
                unique_keys=_unique_keys(model),
            )
        )
    return specs


SPECS: list[TableSpec] = build_specs()
SPEC_BY_NAME = {s.name: s for s in SPECS}
SPEC_BY_MODEL = {s.model: s for s in SPECS}
TABLE_ORDER = [s.name for s in SPECS]


# --- out: a stored row as the file carries it --------------------------------------------------


def _out(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def to_wire(spec: TableSpec, row: dict, uuid_of) -> dict:
    """``row``: the stored row keyed by field name (foreign keys as ids, as ``.dicts()`` gives).
    ``uuid_of(model, id)`` turns a foreign key id into the UUID of its row."""
    data = {}
    for f in spec.fields:
        value = row.get(f.name)
        if isinstance(f, ForeignKeyField):
            data[f.name] = uuid_of(f.rel_model, value) if value is not None else None
        else:
            data[f.name] = _out(value)
    return data


# --- in: a record from a file, checked against the table ---------------------------------------


def _checker(f: Field):
    """A function: the file's JSON value → the Python value for ``f``; WireError if it does not
    fit. Made once per field (a file holds hundreds of thousands of values)."""
    name = f.name
    limit = f.max_length if isinstance(f, CharField) else TEXT_MAX

    def text(value):
        if type(value) is not str:
            raise WireError(f"{name} 应为文字")
        if limit and len(value) > limit:
            raise WireError(f"{name} 超过 {limit} 个字")
        return value

    def uuid(value):
        if type(value) is not str or len(value) > 36:
            raise WireError(f"{name} 应为记录的 UUID")
        return value

    def boolean(value):
        if type(value) is not bool:
            raise WireError(f"{name} 应为 true/false")
        return value

    def integer(value):
        if type(value) is not int or abs(value) > 2**53:
            raise WireError(f"{name} 应为整数")
        return value

    def moment(value):
        try:
            if type(value) is not str or len(value) > 32:
                raise ValueError
            return datetime.fromisoformat(value)
        except ValueError:
            raise WireError(f"{name} 应为时间") from None

    def day(value):
        try:
            if type(value) is not str or len(value) > 10:
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            raise WireError(f"{name} 应为日期") from None

    if isinstance(f, ForeignKeyField):
        check = uuid
    elif isinstance(f, BooleanField):
        check = boolean
    elif isinstance(f, IntegerField):
        check = integer
    elif isinstance(f, DateTimeField):
        check = moment
    elif isinstance(f, DateField):
        check = day
    elif isinstance(f, CharField | TextField):
        check = text
    else:
        raise RuntimeError(f"no wire form for field {name}")
    if not f.null:
        return check

    def nullable(value):
        return None if value is None else check(value)

    return nullable


_CHECKERS: dict[type, list] = {}


def _checkers(spec: TableSpec) -> list:
    found = _CHECKERS.get(spec.model)
    if found is None:
        found = _CHECKERS[spec.model] = [
            (
                f.name,
                _checker(f),
                f.default is not None or f.null,
                (f.default if callable(f.default) else (lambda d=f.default: d)),
            )
            for f in spec.fields
        ]
    return found


def from_wire(spec: TableSpec, data: dict) -> dict:
    """Field name → checked Python value (foreign keys still as UUIDs)."""
    checkers = _checkers(spec)
    if len(data) > len(checkers) or any(k not in spec.field_names for k in data):
        unknown = sorted(k for k in data if k not in spec.field_names)
        raise WireError(f"含有本程序不认识的字段 {', '.join(unknown[:3])}（来自更新的版本？）")
    values = {}
    for name, check, has_default, default in checkers:
        if name in data:
            values[name] = check(data[name])
        elif has_default:
            values[name] = default()
        else:
            raise WireError(f"缺少字段 {name}")
    if not values.get("uuid") or len(values["uuid"]) > 36:
        raise WireError("缺少 uuid")
    if values["revision"] < 1:
        raise WireError("revision 应大于 0")
    return values


def stored_values(spec: TableSpec, row: dict, uuid_of) -> dict:
    """A stored row in the same form as :func:`from_wire` gives, for comparing the two."""
    values = {}
    for f in spec.fields:
        value = row.get(f.name)
        if isinstance(f, ForeignKeyField) and value is not None:
            value = uuid_of(f.rel_model, value)
        values[f.name] = value
    return values


def wire_of_values(spec: TableSpec, values: dict) -> dict:
    """Values (foreign keys as UUIDs) back to their JSON form, for the quarantine table."""
    return {name: _out(value) for name, value in values.items()}


def select_in(model, columns, key: str, values: list, batch: int = 500) -> list[tuple]:
    """``columns`` (field names) of the rows whose ``key`` is one of ``values``, as the driver
    returns them. Plain SQL: peewee takes longer to build a 500-value IN list than the database
    takes to answer it, and a large import asks thousands of times."""
    if not values:
        return []
    fields = model._meta.fields
    selected = ", ".join(f'"{fields[name].column_name}"' for name in columns)
    head = (
        f'SELECT {selected} FROM "{model._meta.table_name}" WHERE "{fields[key].column_name}" IN ('
    )
    mark = db.database.param
    found = []
    for start in range(0, len(values), batch):
        part = values[start : start + batch]
        sql = head + ", ".join([mark] * len(part)) + ")"
        found.extend(db.database.execute_sql(sql, part).fetchall())
    return found


class IdMap:
    """UUID ↔ local id of rows, fetched in batches and remembered."""

    BATCH = 500

    def __init__(self):
        self._by_uuid: dict[type, dict[str, int]] = {}
        self._by_id: dict[type, dict[int, str]] = {}

    def add(self, model, row_id: int, uuid: str) -> None:
        self._by_uuid.setdefault(model, {})[uuid] = row_id
        self._by_id.setdefault(model, {})[row_id] = uuid

    def load_ids(self, model, ids: Iterable[int]) -> None:
        known = self._by_id.setdefault(model, {})
        missing = sorted({i for i in ids if i is not None and i not in known})
        for row_id, uuid in select_in(model, ("id", "uuid"), "id", missing):
            self.add(model, row_id, uuid)

    def load_uuids(self, model, uuids: Iterable[str]) -> None:
        known = self._by_uuid.setdefault(model, {})
        missing = sorted({u for u in uuids if u is not None and u not in known})
        for row_id, uuid in select_in(model, ("id", "uuid"), "uuid", missing):
            self.add(model, row_id, uuid)

    def uuid_of(self, model, row_id: int) -> str:
        try:
            return self._by_id[model][row_id]
        except KeyError:
            self.load_ids(model, [row_id])
            return self._by_id[model][row_id]

    def id_of(self, model, uuid: str) -> int | None:
        return self._by_uuid.get(model, {}).get(uuid)
