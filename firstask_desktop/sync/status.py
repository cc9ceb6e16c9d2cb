"""A station's sync state, for its 同步 screen and ``sync status``."""

from __future__ import annotations

from peewee import fn

from firstask_desktop.store.models import AuditEvent, SyncLog

from . import state, trust


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
        "changes_since_export": AuditEvent.select(fn.COUNT(AuditEvent.seq))
        .where(AuditEvent.seq > cursor)
        .scalar()
        or 0,
        "applied_package_seq": state.get_int(state.APPLIED_PACKAGE_SEQ),
    }
