"""Every field of an audit event is covered by its hash: rewriting any one of them outside the
app, the ``before`` of an edit included, is named by the chain check."""

from __future__ import annotations

import sqlite3

import pytest
from support import T0

from firstask_desktop.services import entries as svc
from firstask_desktop.services import entry_edits
from firstask_desktop.store import config, db
from firstask_desktop.store.audit import verify_chain
from firstask_desktop.store.models import AuditEvent
from firstask_desktop.store.storage import open_store

# column → a plausible rewrite of an edit's event by someone covering their tracks
REWRITES = {
    "before": "replace(\"before\", '咨询电价', '咨询电费')",
    "after": "replace(\"after\", '（更正）', '（改）')",
    "actor": "'王建国'",
    "action": "'register'",
    "at": "'2026-03-09 09:00:00'",
    "record_uuid": "'another-record'",
    "table_name": "'customer'",
}


@pytest.mark.parametrize("column", REWRITES)
def test_rewriting_one_field_of_an_edit_event_is_named(people, store, column):
    entry = svc.register_entry(
        people["李娜"], channel="visit", category="consult", visitor="张三",
        phone="13812345678", matter="咨询电价", now=T0,
    )  # fmt: skip
    entry_edits.edit_entry(people["李娜"], entry.serial, matter="咨询电价（更正）", now=T0)
    event = AuditEvent.select().where(AuditEvent.action == "edit").get()
    assert "咨询电价" in event.before and verify_chain() == []
    db.close()
    con = sqlite3.connect(config.db_path(store))
    con.execute("DROP TRIGGER audit_event_no_update")
    con.execute(
        f'UPDATE audit_event SET "{column}" = {REWRITES[column]} WHERE seq = ?', (event.seq,)
    )
    con.commit()
    con.close()
    open_store(store)
    problems = verify_chain()
    assert [p.seq for p in problems] == [event.seq]
    assert "内容与其哈希不符" in str(problems[0])
