"""A save that was undone leaves nothing ``check`` takes for tampering, on a station's SQLite
file and on a county's PostgreSQL database (whose id sequence does not give back the number a
rolled-back insert took), while an event deleted from the middle is still found on both."""

from __future__ import annotations

from datetime import datetime

import pytest
from sync_support import county_db  # noqa: F401 - the fixture, for the PostgreSQL county

from firstask_desktop.demo import bulk_demo as bulk
from firstask_desktop.services import entries as svc
from firstask_desktop.store import audit, db
from firstask_desktop.store.models import AuditEvent, Staff
from firstask_desktop.store.storage import open_store

NOW = datetime(2026, 11, 20, 16, 0)


def _register(clerk, phone: str):
    return svc.register_entry(
        clerk,
        channel="来电",
        category="咨询",
        visitor="张三",
        phone=phone,
        matter="电费查询",
        now=NOW,
    )


class Undone(Exception):
    pass


def test_a_rolled_back_save_is_not_taken_for_a_deleted_event(tmp_path, county_db):  # noqa: F811
    open_store(tmp_path / "data", county_db)
    try:
        bulk.new_station("GS0101", "城关供电所", now=datetime(2025, 11, 1), seed=5)
        clerk = Staff.get(Staff.name == "李娜")
        _register(clerk, "13912345678")
        with pytest.raises(Undone), db.transaction():
            _register(clerk, "13912345679")  # its customer and entry events, then undone
            raise Undone()
        _register(clerk, "13912345670")
        assert audit.verify_chain() == [] and audit.verify_rows() == []
    finally:
        db.close()


def test_an_event_deleted_from_the_middle_is_found(tmp_path, county_db):  # noqa: F811
    open_store(tmp_path / "data", county_db)
    try:
        bulk.new_station("GS0101", "城关供电所", now=datetime(2025, 11, 1), seed=5)
        clerk = Staff.get(Staff.name == "李娜")
        for number in range(3):
            _register(clerk, f"1391234567{number}")
        middle = AuditEvent.select().order_by(AuditEvent.seq.desc()).offset(2).first()
        table = "audit_event"
        if db.is_sqlite():
            db.database.execute_sql(f"DROP TRIGGER IF EXISTS {table}_no_delete")
        else:
            db.database.execute_sql(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        db.database.execute_sql(f"DELETE FROM {table} WHERE seq = {int(middle.seq)}")
        problems = audit.verify_chain()
        assert len(problems) == 1 and problems[0].seq in (middle.seq, middle.seq + 1)
    finally:
        db.close()
