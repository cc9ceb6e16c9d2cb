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
# The county: days a station may go without a sync file (services/county_overview.py says why 35).
COUNTY_SYNC_INTERVAL_DAYS = "county_sync_interval_days"
DEFAULTS = {AUTO_LOCK_MINUTES: "10", COUNTY_SYNC_INTERVAL_DAYS: "35"}


def get(key: str) -> str:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row is not None else DEFAULTS.get(key, "")


def put(actor, key: str, value: str, *, station: str, now: datetime | None = None) -> None:
    """Store one setting and chain the table's digest, in one transaction (permission: caller)."""
    with db.transaction():
        # An upsert both SQLite and the county's PostgreSQL understand (not REPLACE).
        Setting.insert(key=key, value=value).on_conflict(
            conflict_target=[Setting.key], update={Setting.value: value}
        ).execute()
        record_table_state(Setting, station=station, actor=actor, at=now)
