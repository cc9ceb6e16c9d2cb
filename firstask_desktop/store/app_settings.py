"""This install's settings that belong with the register (not with one Windows account).

Kept in the ``setting`` table. That table has no uuid per row, so each change chains a digest
of the whole table into the audit log (``audit.record_table_state``): ``check`` then reports a
setting changed outside the app. Write settings only through :func:`put`.
"""

from __future__ import annotations

from datetime import datetime

from firstask_desktop.store import db
from firstask_desktop.store.audit import record_table_state
from firstask_desktop.store.models import Setting

AUTO_LOCK_MINUTES = "auto_lock_minutes"
DEFAULTS = {AUTO_LOCK_MINUTES: "10"}


def get(key: str) -> str:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row is not None else DEFAULTS.get(key, "")


def put(actor, key: str, value: str, *, station: str, now: datetime | None = None) -> None:
    """Store one setting and chain the table's digest, in one transaction (permission: caller)."""
    with db.transaction():
        Setting.insert(key=key, value=value).on_conflict_replace().execute()
        record_table_state(Setting, station=station, actor=actor, at=now)
