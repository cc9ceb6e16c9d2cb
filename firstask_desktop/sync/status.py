"""A station's sync state, for its 同步 screen and ``sync status``."""

from __future__ import annotations

from firstask_desktop.store.models import AuditEvent, SyncLog

from . import state, trust
from .records import TABLE_ORDER


def changed_records(after_seq: int) -> int:
    """How many records the next export carries: each record changed since the last export
    once, however many times it changed (an entry's five steps are one), and only the synced
    tables (the export's own bookkeeping is not a change to send)."""
    return (
        AuditEvent.select(AuditEvent.table_name, AuditEvent.record_uuid)
        .where((AuditEvent.seq > after_seq) & AuditEvent.table_name.in_(TABLE_ORDER))
        .distinct()
        .count()
    )


def station_sync_status() -> dict:
    county = trust.county_key()
    export_seq = state.get_int(state.EXPORT_SEQ)
    acknowledged = state.get_int(state.ACKNOWLEDGED_SEQ)
    last = (
        SyncLog.select()
        .where((SyncLog.kind == "station_export") & (SyncLog.direction == "out"))
        .order_by(SyncLog.seq.desc())
        .first()
    )
    cursor = state.get_int(state.EXPORTED_AUDIT_SEQ)
    return {
        "county": county.station if county else "",
        "county_name": county.name if county else "",
        "county_fingerprint": county.fingerprint if county else "",
        "export_seq": export_seq,
        "last_export_at": last.at.isoformat(timespec="minutes") if last else None,
        "last_export_file": last.file_name if last else "",
        "acknowledged_seq": acknowledged,
        "unacknowledged": list(range(acknowledged + 1, export_seq + 1)),
        "changes_since_export": changed_records(cursor),
        "applied_package_seq": state.get_int(state.APPLIED_PACKAGE_SEQ),
    }
