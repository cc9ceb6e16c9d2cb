"""The accountability dialogs as a station head and a clerk use them: the head's decision on a
reported matter, reassignment, voiding a late entry with the head's approval, a breach recorded
by hand on the 考核 page, and an appeal."""

from __future__ import annotations

from datetime import datetime, timedelta

from gui_helpers import open_detail, settle, type_text
from support import PASSWORD

from firstask_desktop.gui.assess_view import AssessPage
from firstask_desktop.services import assessment
from firstask_desktop.services import entries as svc
from firstask_desktop.store.models import Appeal, Entry, Violation


def _entry(people, category="举报", days_ago=0, phone="13812345678"):
    when = datetime.now().replace(microsecond=0) - timedelta(days=days_ago)
    return svc.register_entry(
        people["李娜"],
        channel="来电",
        category=category,
        visitor="张三",
        phone=phone,
        matter="有人私拉乱接",
        received_at=when,
        now=when,
    ).serial


def _open(detail, step, qtbot):
    detail.step_buttons[step].click()
    settle(qtbot)
    return detail.current_dialog


def _pick(combo, text: str) -> None:
    combo.setCurrentIndex(combo.findData(text))


def test_the_head_assigns_a_reported_matter_to_a_colleague(session, people, qtbot):
    serial = _entry(people)
    svc.mark_unresolved(people["李娜"], serial, "涉及邻村，本人无法协调")
    detail = open_detail(session, serial, qtbot)
    assert "decide" not in detail.step_buttons  # a clerk does not decide on reports
    session.set_actor(people["王建国"])
    detail = open_detail(session, serial, qtbot)
    dialog = _open(detail, "decide", qtbot)
    dialog.ok_button.click()  # no instruction yet
    settle(qtbot)
    assert dialog.isVisible() and dialog.errors["instruction"].text()
    _pick(dialog.to_staff, "张伟")
    type_text(dialog.instruction, "联系邻村电工一起处理")
    dialog.ok_button.click()
    settle(qtbot)
    assert not dialog.isVisible()
    entry = Entry.get(Entry.serial == serial)
    assert entry.status == "transferred" and entry.transfers[0].to_staff.name == "张伟"
    labels = [
        detail.timeline.topLevelItem(i).text(2) for i in range(detail.timeline.topLevelItemCount())
    ]
    assert "所长处理上报" in labels


def test_the_head_reassigns_with_a_reason(session, people, qtbot):
    serial = _entry(people, category="业务办理")
    session.set_actor(people["王建国"])
    dialog = _open(open_detail(session, serial, qtbot), "reassign", qtbot)
    _pick(dialog.to_staff, "张伟")
    dialog.ok_button.click()
    settle(qtbot)
    assert dialog.isVisible() and dialog.errors["reason"].text()
    type_text(dialog.reason, "李娜休假")
    dialog.ok_button.click()
    settle(qtbot)
    assert not dialog.isVisible()
    assert Entry.get(Entry.serial == serial).responder.name == "张伟"


def test_voiding_a_late_entry_asks_for_the_head_and_his_password(session, people, qtbot):
    serial = _entry(people, category="业务办理", days_ago=20)
    dialog = _open(open_detail(session, serial, qtbot), "void", qtbot)
    assert dialog.why.isVisible() and "须经所长批准" in dialog.why.text()
    type_text(dialog.text, "客户不办了")
    dialog.ok_button.click()
    settle(qtbot)
    assert dialog.isVisible() and "须经所长批准" in dialog.error.text()
    dialog.approver.setText("王建国")
    dialog.password.setText(PASSWORD)
    dialog.ok_button.click()
    settle(qtbot)
    assert not dialog.isVisible()
    assert Entry.get(Entry.serial == serial).voids[0].approved_by.name == "王建国"


def test_the_head_records_a_breach_by_hand_and_the_clerk_appeals_once(session, people, qtbot):
    session.set_actor(people["李娜"])
    page = AssessPage(session)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    assert not page.record_button.isVisible()
    session.set_actor(people["王建国"])
    settle(qtbot)
    page.load()
    settle(qtbot)
    assert page.record_button.isVisible()
    page.record_button.click()
    settle(qtbot)
    dialog = page.dialog
    _pick(dialog.clause, "九.1")
    _pick(dialog.person, "李娜")
    dialog.ok_button.click()
    settle(qtbot)
    assert dialog.isVisible() and dialog.errors["what"].text()
    type_text(dialog.what, "接待时语气生硬，未使用文明用语")
    dialog.ok_button.click()
    settle(qtbot)
    assert not dialog.isVisible()
    (breach,) = Violation.select()
    assert (breach.kind, breach.responder.name, breach.state) == ("manual", "李娜", "proposed")
    assert page.proposed.rowCount() == 1
    assessment.confirm(people["王建国"], breach.id)
    session.set_actor(people["李娜"])
    settle(qtbot)
    page.appeal_button.click()
    settle(qtbot)
    dialog = page.dialog
    assert dialog.violation.count() == 1
    type_text(dialog.reason, "当时客户情绪激动，我已道歉")
    dialog.ok_button.click()
    settle(qtbot)
    assert not dialog.isVisible() and Appeal.select().count() == 1
    page.appeal_button.click()
    settle(qtbot)
    assert page.dialog.violation.count() == 0 and not page.dialog.ok_button.isEnabled()


def test_the_todo_transfers_list_flags_one_not_accepted(session, people, qtbot):
    from firstask_desktop.gui import operations

    serial = _entry(people, category="业务办理", days_ago=3)
    svc.transfer_entry(
        people["李娜"], serial, department="营业班", note="请核实办理", to_staff="张伟",
        now=datetime.now().replace(microsecond=0) - timedelta(days=3),
    )  # fmt: skip
    rows = operations.transfers_due(people["李娜"])
    assert [(r["serial"], r.get("not_accepted")) for r in rows] == [(serial, True)]
    assert operations.counts()["transfers_due"] == 1
