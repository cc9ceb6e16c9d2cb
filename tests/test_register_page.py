"""The register view's page: the same rows, counts and masking as entry by entry, read fast.

``queries.register_page`` reads a page straight from SQLite's cursor and makes each row (and masks
it for the viewer) only when it is first read; ``count_entries`` counts without reading rows. Both
must give exactly what the plain path gives, and SQLite must read a month through its date index
(a plan, not a timing, so the test is stable).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from firstask_desktop.domain.visibility import entry_dict_for
from firstask_desktop.services.queries import (
    EntryFilter,
    RegisterRow,
    count_entries,
    entries_per_month,
    entry_to_dict,
    list_entries,
    register_page,
)
from firstask_desktop.store import db
from firstask_desktop.store.models import Entry, Staff

NOW = datetime(2026, 11, 20, 16, 0)


def _filters() -> list[EntryFilter]:
    month = max(entries_per_month(), key=entries_per_month().get)
    return [
        EntryFilter(),
        EntryFilter(month=month),
        EntryFilter(month=month, category="repair"),
        EntryFilter(month=month, status="open"),
        EntryFilter(month=month, channel="phone", responder="李娜"),
        EntryFilter(status="closed", category="consult"),
        EntryFilter(responder="张伟"),
        EntryFilter(overdue=True),
        EntryFilter(search="电", month=month),
        EntryFilter(include_void=False, channel="visit"),
    ]


@pytest.mark.parametrize("viewer_name", ["李娜", "王建国", None])
def test_a_page_is_what_the_entries_give_one_by_one(demo_store, viewer_name):
    viewer = Staff.get(Staff.name == viewer_name) if viewer_name else None
    for flt in _filters():
        for sort, descending in (("received_at", True), ("visitor", False), ("due_at", True)):
            for offset in (0, 7):
                rows, total = register_page(
                    flt,
                    sort=sort,
                    descending=descending,
                    offset=offset,
                    limit=25,
                    with_total=True,
                    viewer=viewer,
                    now=NOW,
                )
                query = list_entries(flt, now=NOW, sort=sort, descending=descending)
                expected = [
                    entry_dict_for(viewer, e, entry_to_dict(e, NOW))
                    for e in query.offset(offset).limit(25)
                ]
                assert [dict(row) for row in rows] == expected, (flt, sort)
                assert total == query.count() == count_entries(flt, now=NOW), flt


def test_rows_are_made_and_masked_only_when_read(demo_store):
    clerk = Staff.get(Staff.name == "李娜")
    others = Entry.select().where(Entry.responder != clerk.id).order_by(Entry.id.desc())
    flt = EntryFilter(responder=others.first().responder.name)
    rows, _ = register_page(flt, limit=10, viewer=clerk, now=NOW)
    assert rows and all(isinstance(r, RegisterRow) and r._data is None for r in rows)
    assert rows[0]["visitor"].endswith("*") and rows[0]._data is not None
    assert all(r._data is None for r in rows[1:])  # the rest not made yet


def _plan(query) -> str:
    sql, params = query.sql()
    rows = db.database.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
    return " | ".join(row[-1] for row in rows)


def test_sqlite_reads_a_chosen_month_through_the_date_index(demo_store):
    month = max(entries_per_month(), key=entries_per_month().get)
    for flt in (
        EntryFilter(month=month, category="complaint"),
        EntryFilter(month=month, status="open"),
        EntryFilter(month=month, channel="phone"),
    ):
        for sort in ("received_at", "visitor", "status"):
            plan = _plan(list_entries(flt, now=NOW, sort=sort))
            assert "received_at>? AND received_at<?)" in plan, (flt, sort, plan)
            assert "SCAN t1" not in plan, (flt, sort, plan)
    # Without a month, a filter is read in date order straight from its own index.
    plan = _plan(list_entries(EntryFilter(category="complaint"), now=NOW, descending=True))
    assert "entry_category_received_at" in plan and "TEMP B-TREE" not in plan, plan
    plan = _plan(list_entries(EntryFilter(), now=NOW, sort="visitor"))
    assert "entry_visitor" in plan and "TEMP B-TREE" not in plan, plan


def test_an_old_file_gets_the_register_indexes(tmp_path):
    from test_migrations import _make_v1_file

    from firstask_desktop.store.storage import open_store

    def indexes() -> set[str]:
        rows = db.database.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entry'"
        ).fetchall()
        return {name for (name,) in rows}

    _make_v1_file(tmp_path / "old")
    open_store(tmp_path / "old")
    migrated = indexes()
    db.close()
    open_store(tmp_path / "new")
    fresh = indexes()
    db.close()
    assert migrated == fresh
    assert {
        "entry_visitor",
        "entry_category_received_at",
        "entry_responder_id_received_at",
    } <= fresh
