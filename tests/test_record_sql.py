"""A save's statements written once (record_sql) store and return exactly what peewee's own
``save(force_insert=True)`` and ``first()`` do, on SQLite and on the county's PostgreSQL."""

from __future__ import annotations

from datetime import datetime

from sync_support import county_db  # noqa: F401 - the fixture, for the PostgreSQL county

from firstask_desktop.demo import bulk_demo as bulk
from firstask_desktop.services import entries as svc
from firstask_desktop.services.station import local_station
from firstask_desktop.store import audit, db, record_sql
from firstask_desktop.store.models import AuditEvent, Customer, Entry, Staff, Station, new_uuid
from firstask_desktop.store.storage import open_store

NOW = datetime(2026, 11, 20, 16, 0)


def _row(model, record_id: int) -> dict:
    """The stored row as the database gives it, without the columns that must differ."""
    row = model.select().where(model._meta.primary_key == record_id).dicts().get()
    for column in ("id", "seq", "uuid", "serial", "hash"):
        row.pop(column, None)
    return row


def _twin(record):
    """A new record holding the same values (its own uuid), to be saved by peewee."""
    data = dict(record.__data__)
    data.pop(record._meta.primary_key.name, None)
    data["uuid"] = new_uuid()
    if "serial" in data:
        data["serial"] += "-B"
    return type(record)(**data)


def test_a_registration_stores_what_peewee_would_store(tmp_path, county_db):  # noqa: F811
    open_store(tmp_path / "data", county_db)
    try:
        bulk.new_station("GS0101", "城关供电所", now=datetime(2025, 11, 1), seed=5)
        clerk = Staff.get(Staff.name == "李娜")
        entry = svc.register_entry(
            clerk,
            channel="来电",
            category="报修",
            visitor="欧阳娜娜",
            phone="13912345678",
            address="李家村3组",
            matter="入户线烧断",
            now=NOW,
        )
        # The chain and every row check out (each event's hash; its after equals the row).
        assert audit.verify_chain() == [] and audit.verify_rows() == []
        # Working the entry (an update through peewee, its old row read by record_sql) too.
        svc.start_entry(clerk, entry.serial, now=NOW)
        assert audit.verify_chain() == [] and audit.verify_rows() == []
        assert Entry.get_by_id(entry.id).revision == 2
        customer = Customer.get_by_id(entry.customer_id)
        event = AuditEvent.select().where(AuditEvent.action == "register").get()
        assert event.record_uuid == entry.uuid
        for record in (customer, entry, event):  # the same values saved by peewee: same row
            twin = _twin(type(record).get_by_id(record._pk))
            twin.save(force_insert=True)
            assert _row(type(record), twin._pk) == _row(type(record), record._pk)
    finally:
        db.close()


def test_first_returns_the_record_peewee_returns(tmp_path, county_db):  # noqa: F811
    open_store(tmp_path / "data", county_db)
    try:
        bulk.new_station("GS0101", "城关供电所", now=datetime(2025, 11, 1), seed=5)
        ours = record_sql.first(Station, '"is_local" = ?', (True,))
        theirs = Station.select().where(Station.is_local == True).first()  # noqa: E712
        assert ours.__data__ == theirs.__data__ and not ours.is_dirty()
        assert isinstance(ours.created_at, datetime) and ours.is_local is True
        customer = Customer.select().order_by(Customer.id).first()
        found = record_sql.first(
            Customer, '"phone" = ? OR "phone_alt" = ?', (customer.phone, customer.phone)
        )
        assert found.__data__ == customer.__data__
        assert record_sql.first(Customer, '"phone" = ?', ("10000000000",)) is None
        assert local_station().__data__ == theirs.__data__
    finally:
        db.close()


def test_a_record_assigned_before_its_related_record_was_saved_gets_its_id(store):
    # peewee fills in a foreign key whose record was saved after it was assigned; so does insert.
    station = Station(code="GS0101", station="GS0101", name="城关供电所", is_local=True)
    record_sql.insert(station)
    staff = Staff(station="GS0101", name="李娜", role="clerk")
    record_sql.insert(staff)
    customer = Customer(station="GS0101", name="张三", phone="13900000000")
    customer.manager = staff
    staff_later = Staff(station="GS0101", name="王五", role="clerk")
    other = Customer(station="GS0101", name="李四", manager=staff_later)
    record_sql.insert(staff_later)
    record_sql.insert(customer)
    record_sql.insert(other)
    assert Customer.get_by_id(customer.id).manager_id == staff.id
    assert Customer.get_by_id(other.id).manager_id == staff_later.id
    assert not other.is_dirty()
