"""The 考核 page: the station head checks, confirms and dismisses (a reason is required); everyone
else sees only their own, read-only; the daily check runs once a day after login; the clause
table is an administrator's, its amounts typed in 元 and kept as integer fen."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from gui_helpers import settle, type_text

from firstask_desktop.gui.assess_view import TAB_PEOPLE, AssessPage
from firstask_desktop.services import assessment
from firstask_desktop.services import entries as svc
from firstask_desktop.store.models import Clause, Violation


def _late(people, who="李娜", days=10, phone="13812345678"):
    """A consultation (one working day to answer) left unanswered for ``days`` days."""
    when = datetime.now().replace(microsecond=0) - timedelta(days=days)
    return svc.register_entry(
        people[who],
        channel="来电",
        category="咨询",
        visitor="张三",
        phone=phone,
        matter="咨询电价",
        received_at=when,
        now=when,
    )


def _page(session, qtbot) -> AssessPage:
    page = AssessPage(session)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    return page


def _choose_month(page, qtbot, month: str) -> None:
    index = page.month.findData(month)
    if index < 0:
        page.month.addItem(month, month)
        index = page.month.count() - 1
    page.month.setCurrentIndex(index)
    settle(qtbot)


def _cells(table, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_the_head_checks_then_confirms_and_dismisses_with_a_reason(session, people, qtbot, answers):
    first, second = _late(people), _late(people, who="张伟", phone="13900001111")
    session.set_actor(people["王建国"])
    page = _page(session, qtbot)
    assert page.scan_button.isVisible() and page.decide_bar.isVisible()
    assert page.proposed.rowCount() == 0
    page.scan_button.click()
    settle(qtbot)
    assert sorted(_cells(page.proposed, 1)) == sorted([first.serial, second.serial])
    assert "新发现 2 条" in page.status.text()
    assert "500.00" in page.proposed.item(0, 5).text()  # §九.2-3, shown in 元 from fen

    page.proposed.selectRow(0)
    confirmed_serial = page.proposed.item(0, 1).text()
    page.confirm_button.click()
    settle(qtbot)
    assert answers.asked and confirmed_serial in answers.asked[-1][1]
    done = Violation.get(Violation.state == "confirmed")
    assert done.entry.serial == confirmed_serial and done.decided_by.name == "王建国"
    assert page.proposed.rowCount() == 1

    page.proposed.selectRow(0)
    page.dismiss_button.click()
    settle(qtbot)
    dialog = page.dialog
    dialog.ok_button.click()  # no reason: refused, nothing decided
    settle(qtbot)
    reason_error = dialog.errors["reason"]  # beside the field it names
    assert dialog.isVisible() and reason_error.isVisible() and "原因" in reason_error.text()
    assert Violation.select().where(Violation.state == "proposed").count() == 1
    type_text(dialog.reason, "客户要求延期答复，有通话录音")
    dialog.ok_button.click()
    settle(qtbot)
    assert not dialog.isVisible()
    dismissed = Violation.get(Violation.state == "dismissed")
    assert dismissed.dismiss_reason == "客户要求延期答复，有通话录音"
    assert page.proposed.rowCount() == 0

    _choose_month(page, qtbot, f"{done.deadline:%Y-%m}")
    assert _cells(page.confirmed, 1) == [confirmed_serial]
    assert _cells(page.dismissed, 6) == ["客户要求延期答复，有通话录音"]
    assert page.print_button.isVisible()
    people_rows = {
        page.people.item(r, 0).text(): page.people.item(r, 2).text()
        for r in range(page.people.rowCount())
    }
    assert people_rows[done.responder.name] == "500.00"
    page.tabs.setCurrentIndex(TAB_PEOPLE)
    page.print_button.click()
    settle(qtbot)
    assert page.preview is not None and page.preview.document.pageCount() >= 1


def test_a_clerk_sees_only_her_own_and_cannot_decide(session, people, qtbot):
    mine = _late(people)
    _late(people, who="张伟", phone="13900001111")
    assessment.scan()
    page = _page(session, qtbot)  # 李娜, a clerk
    assert _cells(page.proposed, 1) == [mine.serial]
    assert not page.scan_button.isVisible()
    assert not page.decide_bar.isVisible()
    assert not page.print_button.isVisible()  # the sheet lists everyone's fines
    assert "只列出您本人" in page.note.text()
    assert all(name == "李娜" for name in _cells(page.people, 0))


def test_an_administrator_sees_everyone_read_only(session, people, qtbot):
    _late(people)
    _late(people, who="张伟", phone="13900001111")
    assessment.scan()
    session.set_actor(people["管理员"])
    page = _page(session, qtbot)
    assert page.proposed.rowCount() == 2
    assert not page.decide_bar.isVisible() and not page.scan_button.isVisible()
    assert page.print_button.isVisible()


def test_double_clicking_a_proposal_opens_the_entry(window, people, qtbot):
    entry = _late(people)
    assessment.scan()
    window.show_page("assess")
    settle(qtbot)
    page = window.page["assess"]
    assert page.proposed.rowCount() == 1
    page.proposed.cellDoubleClicked.emit(0, 3)
    settle(qtbot)
    assert entry.serial in window.detail_windows
    window.detail_windows[entry.serial].close()


def test_the_daily_check_runs_once_a_day_after_login(window, people, qtbot):
    from firstask_desktop.gui.app import scan_assessment_if_due

    session = window.session
    session.set_actor(people["王建国"])
    _late(people)
    today = date.today()
    scan_assessment_if_due(session, window, today)
    settle(qtbot)
    assert Violation.select().count() == 1
    assert session.prefs.last_assessment_scan == today.isoformat()
    assert "新发现 1 条" in window.statusBar().currentMessage()
    assert window.page["assess"].overview["proposed"][0]["responder"] == "李娜"
    _late(people, phone="13900001111")
    scan_assessment_if_due(session, window, today)  # the same day: not again
    settle(qtbot)
    assert Violation.select().count() == 1
    scan_assessment_if_due(session, window, today + timedelta(days=1))
    settle(qtbot)
    assert Violation.select().count() == 2


# --- 设置 → 考核条款 ---------------------------------------------------------------------------


@pytest.fixture
def clauses_tab(session, qtbot):
    from firstask_desktop.gui.clauses_tab import ClausesTab

    tab = ClausesTab(session)
    qtbot.addWidget(tab)
    tab.show()
    settle(qtbot)
    return tab


def _edit_clause(tab, qtbot, code: str, amount: str) -> None:
    row = [c["code"] for c in tab.clauses].index(code)
    tab.table.selectRow(row)
    tab.amount.setText(amount)
    tab.save_button.click()
    settle(qtbot)


def test_an_administrator_edits_a_fine_in_yuan_kept_as_exact_fen(
    clauses_tab, session, people, qtbot
):
    assert [c["amount_yuan"] for c in clauses_tab.clauses] == [
        "200.00",
        "200.00",
        "500.00",
        "200.00",
    ]
    session.set_actor(people["管理员"])
    _edit_clause(clauses_tab, qtbot, "九.1", "200.5")
    assert Clause.get(Clause.code == "九.1").amount_fen == 20050
    assert "已保存" in clauses_tab.saved.text()
    assert clauses_tab.table.item(1, 2).text() == "200.50"
    _edit_clause(clauses_tab, qtbot, "九.1", "０.０１")  # full-width, as an IME may type it
    assert Clause.get(Clause.code == "九.1").amount_fen == 1
    _edit_clause(clauses_tab, qtbot, "九.1", "200.555")
    assert clauses_tab.error.isVisible() and "两位小数" in clauses_tab.error.text()
    assert Clause.get(Clause.code == "九.1").amount_fen == 1


def test_a_head_may_not_edit_the_clauses(clauses_tab, session, people, qtbot):
    session.set_actor(people["王建国"])
    _edit_clause(clauses_tab, qtbot, "八", "1000")
    assert clauses_tab.error.isVisible() and "无权" in clauses_tab.error.text()
    assert Clause.get(Clause.code == "八").amount_fen == 20000


# --- 设置 → 人员: reset a password, stop a leaver's account ---------------------------------


def test_an_administrator_resets_a_password_and_deactivates_a_leaver(
    session, people, qtbot, answers
):
    from firstask_desktop.gui.staff_tab import StaffTab
    from firstask_desktop.services.station import authenticate
    from firstask_desktop.store.models import Staff

    session.set_actor(people["管理员"])
    tab = StaffTab(session)
    qtbot.addWidget(tab)
    tab.show()
    settle(qtbot)
    assert not tab.reset_button.isEnabled()
    tab.table.selectRow([s["name"] for s in tab.staff].index("张伟"))
    tab.reset_button.click()
    dialog = tab.dialog
    dialog.new.setText("newpass1")
    dialog.repeat.setText("newpass2")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and "不一样" in dialog.error.text()
    dialog.repeat.setText("newpass1")
    dialog.buttons.accepted.emit()
    settle(qtbot)
    assert not dialog.isVisible() and "张伟" in tab.done_label.text()
    assert authenticate("张伟", "newpass1").name == "张伟"

    tab.table.selectRow([s["name"] for s in tab.staff].index("张伟"))
    tab.deactivate_button.click()
    settle(qtbot)
    assert answers.asked and "停用 张伟" in answers.asked[-1][1]
    assert not Staff.get(Staff.name == "张伟").active
    assert "张伟" not in [s["name"] for s in tab.staff]

    session.set_actor(people["王建国"])  # a head may not
    tab.table.selectRow(0)
    tab.deactivate_button.click()
    settle(qtbot)
    assert tab.error.isVisible() and "无权" in tab.error.text()


def test_a_long_list_of_proposals_shows_the_oldest_first_and_says_how_many(
    session, people, qtbot, monkeypatch
):
    from firstask_desktop.gui.operations import assess_ops

    monkeypatch.setattr(assess_ops, "PROPOSALS_SHOWN", 1)
    first = _late(people, days=12)
    _late(people, who="张伟", days=10, phone="13900001111")
    assessment.scan()
    session.set_actor(people["王建国"])
    page = _page(session, qtbot)
    assert _cells(page.proposed, 1) == [first.serial]
    assert page.tabs.tabText(0) == "待确认（2）"
    assert "待确认共 2 条" in page.note.text()


def test_a_decision_says_the_month_it_is_filed_under_and_shows_it(session, people, qtbot, answers):
    # Late last month, decided today: filed under the month of the breach, which the head
    # is told and shown instead of having to guess.
    late = _late(people, days=date.today().day + 10)  # about the 20th of last month
    session.set_actor(people["王建国"])
    page = _page(session, qtbot)
    page.scan_button.click()
    settle(qtbot)
    filed = f"{Violation.get().deadline:%Y-%m}"
    assert filed != datetime.now().strftime("%Y-%m")
    page.proposed.selectRow(0)
    page.confirm_button.click()
    settle(qtbot)
    question = answers.asked[-1][1]
    assert "罚款 500.00 元，并通报全局？" in question and " 元？" not in question.split("，")[-1]
    assert f"{filed} 月的考核表" in question
    assert f"记在 {filed} 月的考核表" in page.status.text()
    assert page.month.currentData() == filed
    assert _cells(page.confirmed, 1) == [late.serial]
    assert page.tabs.tabText(1) == f"{filed} 已确认（1）"
