"""Tables that change a few times a year but are read on every save: remembered until they may
have changed.

Each save needs this PC's station, its deadline rules and the holiday calendar. Reading them took
longer than all the other queries of a save (the calendar alone 0.2–0.3 ms on a 2 ms save),
though an administrator edits them a few times a year. A value read from them is remembered per
connection together with a stamp that changes whenever they may have changed:

- another connection committed anything, in this process or any other, the ``sqlite3`` tool
  included: SQLite's ``data_version`` tells;
- this connection wrote to one of them, through whatever code: TEMP triggers, which live only
  in this connection, call back into Python where a counter goes up.

A value read inside a transaction is not remembered: the transaction may yet be rolled back.

On PostgreSQL (a county server) nothing is remembered: every call reads.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TypeVar

from firstask_desktop.store import db

T = TypeVar("T")

WATCHED = ("station", "deadline_rule", "holiday_day")
_EVENTS = ("INSERT", "UPDATE", "DELETE")
_FUNCTION = "firstask_watched_table_changed"
_CHECK = (
    "SELECT data_version, (SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger' "
    "AND name GLOB 'firstask_watch_*') FROM pragma_data_version"
)

_writes = 0  # writes to WATCHED seen by this process's triggers (and connections set up)
_values: dict[tuple, tuple[tuple, object]] = {}


def _changed() -> None:
    global _writes
    _writes += 1


def _watch(connection: sqlite3.Connection) -> None:
    global _writes
    connection.create_function(_FUNCTION, 0, _changed)
    for table in WATCHED:
        for event in _EVENTS:
            connection.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS firstask_watch_{table}_{event.lower()} "
                f'AFTER {event} ON main."{table}" BEGIN SELECT {_FUNCTION}(); END'
            )
    # Values remembered for a connection that had this one's id before are void from now on.
    _writes += 1


def _stamp(connection: sqlite3.Connection) -> tuple:
    version, triggers = connection.execute(_CHECK).fetchone()
    if triggers != len(WATCHED) * len(_EVENTS):  # a new connection (or a rolled-back set-up)
        _watch(connection)
    return version, _writes


def remembered(key, load: Callable[[], T]) -> T:
    """``load()``'s value (read from WATCHED only), or the one it gave before on this connection
    if none of WATCHED can have changed since. The value is shared: make it immutable."""
    if not db.is_sqlite():
        return load()
    connection = db.database.connection()
    try:
        stamp = _stamp(connection)
    except sqlite3.OperationalError:  # the tables are not there yet (a file being created)
        return load()
    slot = (id(connection), key)
    known = _values.get(slot)
    if known is not None and known[0] == stamp:
        return known[1]
    value = load()
    if connection.in_transaction:  # it may hold changes that will be rolled back
        return value
    if len(_values) > 256:  # slots of connections long closed
        _values.clear()
    _values[slot] = (stamp, value)
    return value
