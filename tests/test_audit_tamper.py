"""``check`` finds a row of any table changed outside the app, and names where it starts.

The database is edited the way an outside tool would: the ``sqlite3`` command-line program or
Python's own ``sqlite3`` module, with the append-only triggers dropped first where they would
stop the attacker.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from firstask_desktop.store import config, db, search_index
from firstask_desktop.store.integrity import check_database
from firstask_desktop.store.storage import open_store

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 20, 16, 0)
# Tables of USB sync (issue "USB sync"): its log and quarantine are this PC's working state.
# The registry of keys (known_key, retired_key) is chained when the app changes it; a station's
# demo holds none, the county's is tried in test_key_history.py.
SYNC_TABLES = {
    "known_key",
    "retired_key",
    "sync_log",
    "quarantined_record",
    "station_audit_event",
}
# Which attachment files this station's exports carried: losing a row sends a file again.
LOCAL_TABLES = {"attachment_sent"}

# table → SQL that changes one of its rows as a tool would (first row by rowid)
EDITS = {
    "station": "UPDATE station SET name = name || '改'",
    "department": "UPDATE department SET phone = '0931-0000000' WHERE rowid = {rowid}",
    "staff": "UPDATE staff SET role = CASE role WHEN 'admin' THEN 'clerk' ELSE 'admin' END "
    "WHERE rowid = {rowid}",
    "customer": "UPDATE customer SET phone = '13900000000' WHERE rowid = {rowid}",
    "entry": "UPDATE entry SET result = '篡改的结果' WHERE rowid = {rowid}",
    "transfer": "UPDATE transfer SET note = note || '改' WHERE rowid = {rowid}",
    "supervision": "UPDATE supervision SET note = note || '改' WHERE rowid = {rowid}",
    "follow_up": "UPDATE follow_up SET note = note || '改' WHERE rowid = {rowid}",
    "escalation": "UPDATE escalation SET reason = reason || '改' WHERE rowid = {rowid}",
    "void": "UPDATE void SET reason = reason || '改' WHERE rowid = {rowid}",
    "reassignment": "UPDATE reassignment SET reason = reason || '改' WHERE rowid = {rowid}",
    "appeal": "UPDATE appeal SET reason = reason || '改' WHERE rowid = {rowid}",
    # Another file's hash: the attachment would show other bytes than the ones added.
    # (its first hex digit changed, whatever it was: a fixed replacement could equal it).
    "attachment": "UPDATE attachment SET sha256 = CASE WHEN substr(sha256, 1, 1) = '0' THEN '1' "
    "ELSE '0' END || substr(sha256, 2) WHERE rowid = {rowid}",
    "deadline_rule": "UPDATE deadline_rule SET amount = amount + 1 WHERE rowid = {rowid}",
    "clause": "UPDATE clause SET amount_fen = 0 WHERE rowid = {rowid}",
    "violation": "UPDATE violation SET state = 'dismissed' WHERE rowid = {rowid}",
    "holiday_day": "UPDATE holiday_day SET kind = 'workday' WHERE rowid = {rowid}",
    "setting": "UPDATE setting SET value = '999' WHERE rowid = {rowid}",
    "serial_counter": "UPDATE serial_counter SET last = last - 1",
    "audit_event": "UPDATE audit_event SET actor = '别人' WHERE rowid = {rowid}",
}


def _hands_and_appeals() -> None:
    """A void, a reassignment and an appeal, which the demo's random month may not hold."""
    from firstask_desktop.services import assessment, breaches, responsibility
    from firstask_desktop.services import entries as svc
    from firstask_desktop.store.models import Entry, Staff, Violation

    head = Staff.get(Staff.name == "王建国")
    at = NOW + timedelta(minutes=5)
    open_ones = Entry.select().where(Entry.status.in_(("registered", "in_progress")))
    first, second = list(open_ones.order_by(Entry.id).limit(2))
    svc.void_entry(head, first.serial, "重复登记", now=at, approver=head)
    to = "张伟" if second.responder.name != "张伟" else "李娜"
    responsibility.reassign_entry(head, second.serial, to, "调岗", now=at)
    proposal = Violation.select().where(Violation.responder != head).order_by(Violation.id).first()
    assessment.confirm(head, proposal.id, now=at)
    breaches.appeal(proposal.responder, proposal.id, "客户同意延期", now=at)
    from firstask_desktop.services.attachments import add_attachment

    add_attachment(head, second.serial, _small_pdf(), file_name="来信.pdf", kind="letter", now=at)


def _small_pdf() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, invariant=1)  # the same bytes every run: no date, no random id
    page.drawString(72, 720, "letter")
    page.showPage()
    page.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A demo station with every table filled: entries in every state, breaches, a setting."""
    from firstask_desktop.demo.demo_station import build_demo
    from firstask_desktop.services import assessment
    from firstask_desktop.services.accounts import set_auto_lock_minutes
    from firstask_desktop.store.models import Staff

    folder = tmp_path_factory.mktemp("tamper") / "data"
    open_store(folder)
    build_demo(entries=80, seed=11, now=NOW)
    assessment.scan(NOW)
    _hands_and_appeals()
    set_auto_lock_minutes(Staff.get(Staff.name == "管理员"), 15, now=NOW)
    assert check_database() == []
    db.close()
    return folder


@pytest.fixture
def folder(template, tmp_path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(template, copy)
    return copy


def _outside(folder: Path, *statements: str) -> None:
    """Run SQL with Python's sqlite3 module, as any outside tool would."""
    con = sqlite3.connect(config.db_path(folder))
    try:
        for sql in statements:
            con.execute(sql)
        con.commit()
    finally:
        con.close()


def _query(folder: Path, sql: str, *params):
    con = sqlite3.connect(config.db_path(folder))
    try:
        return con.execute(sql, params).fetchone()
    finally:
        con.close()


def _check(folder: Path) -> list[str]:
    open_store(folder)
    try:
        return check_database()
    finally:
        db.close()


def test_every_table_of_the_register_is_covered(template):
    con = sqlite3.connect(config.db_path(template))
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    # The search index is derived from the entries (search_index.py), not a record of its own.
    tables = {t for t in tables if not t.startswith(search_index.TABLE_PREFIX)}
    empty = {t for t in tables if not con.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone()}
    con.close()
    missing = tables - set(EDITS) - SYNC_TABLES - LOCAL_TABLES - {"sqlite_sequence"}
    assert not missing, f"new tables not covered by check (add them to EDITS): {missing}"
    assert not (set(EDITS) & empty), "the template must hold a row in every table it edits"


@pytest.mark.parametrize("table", sorted(EDITS))
def test_a_row_changed_outside_is_named(folder, table):
    (rowid,) = _query(folder, f"SELECT min(rowid) FROM {table}")
    if table == "audit_event":
        _outside(folder, "DROP TRIGGER audit_event_no_update")
    _outside(folder, EDITS[table].format(rowid=rowid))
    problems = _check(folder)
    assert problems, f"an edit of {table} went unnoticed"
    first = problems[0]
    if table == "serial_counter":
        assert "受理编号计数不符" in first
        return
    if table == "audit_event":
        assert first.startswith("第 1 号审计事件") and "审计记录被改动过" in first, first
        return
    assert f"表 {table}" in first and "号审计事件" in first, first
    if table in ("holiday_day", "setting"):
        (seq,) = _query(
            folder,
            "SELECT max(seq) FROM audit_event WHERE table_name = ? AND action = 'table_state'",
            table,
        )
        assert f"第 {seq} 号审计事件" in first
    else:
        (uuid,) = _query(folder, f"SELECT uuid FROM {table} WHERE rowid = ?", rowid)
        (seq,) = _query(folder, "SELECT max(seq) FROM audit_event WHERE record_uuid = ?", uuid)
        assert f"第 {seq} 号审计事件" in first and "程序外被改动" in first, first


def test_the_sqlite3_tool_then_main_py_check_exits_1_naming_the_entry(folder):
    serial, uuid = _query(folder, "SELECT serial, uuid FROM entry ORDER BY id LIMIT 1")
    (seq,) = _query(folder, "SELECT max(seq) FROM audit_event WHERE record_uuid = ?", uuid)
    sql = f"UPDATE entry SET visitor = '李鬼' WHERE serial = '{serial}';"
    tool = shutil.which("sqlite3")
    if tool:  # the command-line program, as the issue describes
        subprocess.run([tool, str(config.db_path(folder)), sql], check=True)
    else:
        _outside(folder, sql)
    out = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(folder), "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
    )
    assert out.returncode == 1
    assert f"第 {seq} 号审计事件（登记 {serial}，表 entry）" in out.stderr
    assert "字段 visitor" in out.stderr and "程序外被改动" in out.stderr


def test_the_app_cannot_delete_an_audit_event(folder):
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        _outside(folder, "DELETE FROM audit_event WHERE seq = 5")


def test_a_deleted_audit_event_is_named_after_dropping_the_trigger(folder):
    _outside(folder, "DROP TRIGGER audit_event_no_delete", "DELETE FROM audit_event WHERE seq = 40")
    problems = _check(folder)
    assert "第 40 号审计事件不见了" in problems[0]


def test_deleting_the_newest_events_is_found_through_the_rows(folder):
    (last,) = _query(folder, "SELECT max(seq) FROM audit_event")
    _outside(
        folder,
        "DROP TRIGGER audit_event_no_delete",
        f"DELETE FROM audit_event WHERE seq > {last - 3}",
    )
    problems = _check(folder)
    assert problems and any("程序外" in p for p in problems)


def test_a_row_inserted_or_deleted_outside_is_named(folder):
    _outside(
        folder,
        "INSERT INTO customer (uuid, station, revision, created_at, updated_at, name, unit, "
        "address, phone, phone_alt, account_no, tier) VALUES ('c-outside', 'GS0101', 1, "
        "'2026-11-20 10:00:00', '2026-11-20 10:00:00', '假客户', '', '', '', '', '', 'none')",
    )
    problems = _check(folder)
    assert any("c-outside" in p and "没有审计事件" in p for p in problems)


def test_a_deleted_entry_is_named_by_its_serial(folder):
    (serial,) = _query(
        folder,
        "SELECT serial FROM entry WHERE id NOT IN "
        "(SELECT entry_id FROM transfer UNION SELECT entry_id FROM follow_up "
        "UNION SELECT entry_id FROM void UNION SELECT entry_id FROM escalation "
        "UNION SELECT entry_id FROM supervision UNION SELECT entry_id FROM violation)"
        " ORDER BY id LIMIT 1",
    )
    _outside(folder, f"DELETE FROM entry WHERE serial = '{serial}'")
    problems = _check(folder)
    assert any(serial in p and "已不存在" in p for p in problems), problems


def test_the_lockout_columns_are_this_pcs_state_not_evidence(folder):
    """Excluded on purpose: they change on every wrong password, without an audit event."""
    _outside(folder, "UPDATE staff SET failed_logins = 3")
    assert _check(folder) == []


def test_an_attachment_hash_edited_into_a_path_is_named_not_followed(folder):
    # The hash names the file in the data folder: edited into a path, check must say so
    # rather than stop on it.
    (rowid,) = _query(folder, "SELECT min(rowid) FROM attachment")
    _outside(folder, f"UPDATE attachment SET sha256 = '../../keys/x' WHERE rowid = {rowid}")
    problems = _check(folder)
    assert any("表 attachment" in p for p in problems), problems
    assert any("../../keys/x" in p and "不是文件的 SHA-256 校验值" in p for p in problems), problems
