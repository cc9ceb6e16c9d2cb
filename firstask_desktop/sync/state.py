"""This PC's sync counters, kept in the ``setting`` table (they travel with a backup of the data).

Like every write to that table (app_settings.py), a change chains the table's digest into the
audit log, so that ``check`` can tell the app's changes from changes made outside it.
"""

from __future__ import annotations

from datetime import datetime

from firstask_desktop.store.audit import record_table_state
from firstask_desktop.store.models import Setting

EXPORT_SEQ = "sync.export_seq"  # station: number of the last export written
EXPORT_HASH = "sync.export_hash"  # station: SHA-256 of that file (the next one's prev_hash)
EXPORTED_AUDIT_SEQ = "sync.exported_audit_seq"  # station: the change cursor (audit_event.seq)
ACKNOWLEDGED_SEQ = "sync.acknowledged_seq"  # station: highest export the county confirmed
PACKAGE_SEQ = "sync.package_seq"  # county: number of the last package written
PACKAGE_HASH = "sync.package_hash"  # county: SHA-256 of that package
APPLIED_PACKAGE_SEQ = "sync.applied_package_seq"  # station: the county package taken in last


def get(key: str, default: str = "") -> str:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row is not None else default


def get_int(key: str) -> int:
    try:
        return int(get(key, "0"))
    except ValueError:
        return 0


def put(values: dict, *, station: str, actor: str, at: datetime) -> None:
    """Store ``values`` (key → value) inside the caller's transaction."""
    for key, value in values.items():
        Setting.insert(key=key, value=str(value)).on_conflict(
            conflict_target=[Setting.key], update={Setting.value: str(value)}
        ).execute()
    record_table_state(Setting, station=station, actor=actor, at=at)
