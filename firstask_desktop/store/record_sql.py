"""One record read or inserted with SQL worked out once per table.

Saving an entry runs a dozen small statements. Having peewee build each one's SQL anew costs far
more than running it: half a millisecond to build the SELECT of one station row that SQLite
answers in 15 µs, as much again for every INSERT. The statements of the save path are written out
here once per table (and column list) and run with the driver's parameters; the records that come
back and go in are the same as peewee's own ``first()`` and ``save(force_insert=True)`` give and
take (tests/test_record_sql.py compares them), on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from firstask_desktop.store import db

_SELECTS: dict[tuple, str] = {}
_INSERTS: dict[tuple, str] = {}


def driver_sql(sql: str) -> str:
    """``?`` placeholders in the driver's own style (PostgreSQL's driver takes ``%s``)."""
    param = db.database.param
    return sql if param == "?" else sql.replace("?", param)


def first(model, where: str, params: tuple = ()):
    """The first row of ``model`` (in storage order) with ``where`` (SQL over its columns, a
    ``?`` for each parameter), as ``model.select().where(...).first()`` returns it; or None.

    ``where`` must be a constant written in the code, never text a person typed.
    """
    key = (model, where, db.database.param)
    sql = _SELECTS.get(key)
    if sql is None:
        columns = ", ".join(f'"{f.column_name}"' for f in model._meta.sorted_fields)
        sql = _SELECTS[key] = driver_sql(
            f'SELECT {columns} FROM "{model._meta.table_name}" WHERE {where} LIMIT 1'
        )
    row = db.database.execute_sql(sql, params).fetchone()
    if row is None:
        return None
    # As peewee's cursor wrapper builds it: each value through its field's python_value, no
    # defaults filled in, nothing marked dirty.
    record = model(
        __no_default__=1,
        **{f.name: f.python_value(v) for f, v in zip(model._meta.sorted_fields, row, strict=True)},
    )
    record._dirty.clear()
    return record


def insert(record) -> None:
    """INSERT a new ``record`` as ``record.save(force_insert=True)`` does: the fields it holds
    (defaults included, as a new instance has them), each through its ``db_value``; the id the
    database gives it is set on it afterwards."""
    meta = record._meta
    data = record.__data__
    for fk in meta.refs:  # a related record saved after it was assigned (peewee does this too)
        name = fk.name
        if name in data and data[name] is None and record.__rel__.get(name) is not None:
            setattr(record, name, getattr(record, name))
    pk = meta.primary_key
    auto = meta.auto_increment and record._pk is None
    names = tuple(n for n in data if not (auto and n == pk.name))
    sqlite = db.is_sqlite()
    key = (type(record), names, db.database.param, sqlite)
    sql = _INSERTS.get(key)
    if sql is None:
        columns = ", ".join(f'"{meta.fields[n].column_name}"' for n in names)
        marks = ", ".join("?" * len(names))
        sql = f'INSERT INTO "{meta.table_name}" ({columns}) VALUES ({marks})'
        if auto and not sqlite:
            sql += f' RETURNING "{pk.column_name}"'
        sql = _INSERTS[key] = driver_sql(sql)
    fields = meta.fields
    cursor = db.database.execute_sql(sql, [fields[n].db_value(data[n]) for n in names])
    if auto:
        record._pk = cursor.lastrowid if sqlite else cursor.fetchone()[0]
        record._dirty.discard(pk.name)
    record._dirty -= set(names)
