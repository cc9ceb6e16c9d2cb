"""A large demo: years of history written in bulk, the last week through the services.

The bulk-written part must be indistinguishable to ``check`` from what the services write (real
hash-chained events whose snapshots equal the rows), and the whole must look like a station that
has run for years: every category, channel and state, seasonal peaks, returning customers, and
live matters on the 待办 screens.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
from peewee import fn

from firstask_desktop.demo import demo_station as demo
from firstask_desktop.domain.vocab import CATEGORIES, CHANNELS, STATUSES
from firstask_desktop.services.queries import counts
from firstask_desktop.store import audit, bulk_write, db
from firstask_desktop.store.integrity import check_database
from firstask_desktop.store.models import AUDITED, AuditEvent, Entry

NOW = datetime(2026, 11, 20, 16, 0)


def _indexes() -> set[str]:
    rows = db.database.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'index'").fetchall()
    return {sql for (sql,) in rows if sql}


@pytest.fixture(scope="module")
def large_demo(tmp_path_factory):
    from firstask_desktop.store.storage import open_store

    folder = tmp_path_factory.mktemp("large-demo") / "data"
    open_store(folder)
    fresh_indexes = _indexes()
    seen = []
    summary = demo.build_demo(
        entries=6000, seed=11, now=NOW, on_progress=lambda done, total: seen.append((done, total))
    )
    yield {"summary": summary, "progress": seen, "fresh_indexes": fresh_indexes}
    db.close()


def test_the_large_demo_passes_check_and_has_every_kind_of_matter(large_demo):
    summary, seen = large_demo["summary"], large_demo["progress"]
    assert summary["entries"] == 6000 == Entry.select().count()
    assert check_database() == []
    for column, vocabulary in (
        (Entry.status, STATUSES),
        (Entry.category, CATEGORIES),
        (Entry.channel, CHANNELS),
    ):
        present = {value for (value,) in Entry.select(column).distinct().tuples()}
        assert present == set(vocabulary), column.name
    assert seen and seen[-1][1] == 6000 and seen[0][0] < seen[-1][0]


def test_the_last_week_went_through_the_services_and_is_still_on_the_desk(large_demo):
    recent = Entry.select().where(Entry.received_at >= NOW.replace(day=NOW.day - 7))
    assert recent.count() > 5
    actions = {a for (a,) in AuditEvent.select(AuditEvent.action).distinct().tuples()}
    # Steps only the services take (the bulk history knows register and the final step).
    assert {"supervise", "contact"} & actions
    figures = counts(NOW)
    assert figures["overdue"] > 0 and figures["follow_up_due"] > 0 and figures["escalated"] > 0


def test_history_has_seasons_returning_customers_and_long_matters(large_demo):
    month = Entry.received_at.month
    per_month = dict(Entry.select(month, fn.COUNT(Entry.id)).group_by(month).tuples())
    assert per_month[7] + per_month[8] > 1.2 * (per_month[4] + per_month[5])  # summer peak
    customers = Entry.select(Entry.customer).distinct().count()
    assert customers < 0.6 * Entry.select().count()  # most matters come from known households
    assert Entry.select().where(Entry.matter.contains("，客户")).count() > 50
    old_open = Entry.select().where(
        (Entry.received_at < datetime(2026, 9, 1)) & Entry.status.in_(("registered", "in_progress"))
    )
    assert old_open.count() == 0  # clerks kept up: nothing from long ago still waiting


def test_the_indexes_dropped_for_loading_are_all_back(large_demo):
    assert _indexes() == large_demo["fresh_indexes"]


def test_the_fast_writers_write_what_the_audit_module_would(large_demo):
    checked = 0
    for model in AUDITED:
        for row in model.select().order_by(model.id).limit(300).dicts():
            expected = audit.canonical_json(bulk_write.fast_snapshot(model, row))
            assert bulk_write.snapshot_json(model, row) == expected
            checked += 1
    assert checked > 500
    for event in AuditEvent.select().order_by(AuditEvent.seq).limit(500):
        row = {f.name: getattr(event, f.name) for f in AuditEvent._meta.sorted_fields}
        assert bulk_write.fast_event_hash(row) == audit.event_hash(event) == event.hash
    tricky = dict(row, actor='李"娜\\', after='{"matter":"电压\\n偏低\\u0001"}', before=None)
    assert bulk_write.fast_event_hash(tricky) == audit.event_hash(AuditEvent(**tricky))


def test_fast_uuids_are_distinct_version_4_uuids():
    made = {bulk_write.fast_uuid() for _ in range(50_000)}
    assert len(made) == 50_000
    assert all(uuid.UUID(u).version == 4 and str(uuid.UUID(u)) == u for u in list(made)[:2000])


def test_entries_generated_in_a_second_process_are_the_same_and_pass_check(tmp_path):
    from firstask_desktop.demo import bulk_demo as bulk
    from firstask_desktop.store.storage import open_store

    def register(folder, in_parallel: bool) -> list[tuple]:
        open_store(folder)
        try:
            bulk.new_station("GS0101", "城关供电所", now=NOW, seed=4)
            bulk.add_entries(700, seed=4, now=NOW, batch=300, in_parallel=in_parallel)
            assert check_database() == []
            columns = (Entry.serial, Entry.status, Entry.visitor, Entry.matter, Entry.received_at)
            return list(Entry.select(*columns).order_by(Entry.id).tuples())
        finally:
            db.close()

    assert register(tmp_path / "here", False) == register(tmp_path / "there", True)


def test_a_failure_in_the_generating_process_stops_the_writing_one(tmp_path):
    from firstask_desktop.demo import bulk_demo as bulk
    from firstask_desktop.store.storage import open_store

    open_store(tmp_path / "data")
    try:
        bulk.new_station("GS0101", "城关供电所", now=NOW, seed=4)
        with pytest.raises(RuntimeError, match="子进程出错"):  # a moment that is no moment
            bulk.add_entries(2, seed=4, now=NOW, times=[NOW, None], in_parallel=True)
        assert Entry.select().count() == 0 and check_database() == []
    finally:
        db.close()
