"""The search index merges the small segment each save adds only once sixteen have gathered
(search_index.merge_when_crowded), in a new register and an upgraded one, and finds every entry
across those merges."""

from __future__ import annotations

from datetime import timedelta

from support import T0
from test_migrations import _make_v1_file

from firstask_desktop.services import entries as svc
from firstask_desktop.services.queries import EntryFilter, list_entries
from firstask_desktop.store import db, search_index
from firstask_desktop.store.storage import open_store


def _automerge(table: str) -> int | None:
    row = db.database.execute_sql(f"SELECT v FROM {table}_config WHERE k = 'automerge'").fetchone()
    return row and row[0]


def test_new_and_upgraded_registers_merge_only_when_crowded(store, tmp_path):
    assert [_automerge(t) for t in (search_index.TRIGRAM, search_index.GRAM)] == [0, 0]
    db.close()
    _make_v1_file(tmp_path / "旧版")
    open_store(tmp_path / "旧版")
    assert [_automerge(t) for t in (search_index.TRIGRAM, search_index.GRAM)] == [0, 0]


def test_every_entry_is_found_after_saves_that_merged_the_index(people):
    names = [s + g for s in "赵钱孙李周吴郑王冯陈" for g in "甲乙丙丁"]  # 40 visitors
    serials = {}
    for n, name in enumerate(names):  # 16 segments gather twice: two merges, and leftovers
        at = T0 + timedelta(minutes=n)
        entry = svc.register_entry(
            people["李娜"],
            channel="来电",
            category="咨询",
            visitor=name,
            phone=f"1390000{n:04d}",
            matter=f"咨询第{n:02d}号台区电价",
            received_at=at,
            now=at,
        )
        serials[n] = entry.serial
    for n, name in enumerate(names):
        for typed in (name, f"{n:02d}号台区", f"0000{n:04d}"):
            found = [e.serial for e in list_entries(EntryFilter(search=typed))]
            assert found == [serials[n]], typed
