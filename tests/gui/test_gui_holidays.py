"""Next year's holidays on screen: the 待办 banner, the reminder, the county's editor, the station's tab."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from gui_helpers import settle
from PySide6.QtWidgets import QTableWidgetItem

from firstask_desktop.gui import operations
from firstask_desktop.gui.holiday_year_dialog import HolidayYearDialog
from firstask_desktop.gui.holidays_tab import HolidaysTab
from firstask_desktop.gui.notifier import summary_text
from firstask_desktop.gui.session import Session
from firstask_desktop.gui.todo_view import TodoPage
from firstask_desktop.services import holidays
from firstask_desktop.store.holiday_table import year_status

PASSWORD = "Str0ng-Pass-9"


@pytest.fixture
def county_session(store, qapp):
    from firstask_desktop.services.station import init_station, local_station

    init_station(
        code="YZ00",
        name="榆中县供电公司",
        county="榆中县供电公司",
        mode="county",
        admin_name="县管理员",
        admin_password=PASSWORD,
        now=datetime(2026, 12, 1, 9, 0),
    )
    from firstask_desktop.store.models import Staff

    s = Session(store)
    s.station = local_station()
    s.set_actor(Staff.get(Staff.name == "县管理员"))
    return s


def _frozen(monkeypatch, day: date) -> None:
    monkeypatch.setattr(holidays, "today", lambda: day)


def test_todo_shows_the_banner_from_the_first_of_november(session, qtbot, monkeypatch):
    page = TodoPage(session)
    qtbot.addWidget(page)
    _frozen(monkeypatch, date(2026, 10, 31))
    page.set_counts(operations.counts())
    assert page.banner.isHidden()
    _frozen(monkeypatch, date(2026, 11, 1))
    counts = operations.counts()
    page.set_counts(counts)
    assert not page.banner.isHidden()
    assert page.banner.text().startswith("2027年节假日安排尚未导入")
    # The hourly reminder says it too, after the counts.
    text = summary_text({**counts, "overdue": 2})
    assert text.startswith("已超期 2 条") and "2027年节假日安排尚未导入" in text


def test_a_station_is_shown_why_it_cannot_edit_but_its_admin_may_import(
    session, people, qtbot, monkeypatch
):
    _frozen(monkeypatch, date(2026, 12, 2))
    tab = HolidaysTab(session)
    qtbot.addWidget(tab)
    settle(qtbot)
    # 李娜 is a clerk: nothing to do here, each button says why.
    assert not tab.edit_button.isEnabled()
    assert "县公司" in tab.edit_button.toolTip()
    assert not tab.import_button.isEnabled() and "管理员" in tab.import_button.toolTip()
    assert tab.export_button.isHidden()
    assert tab.status.text()  # the shown year's mark
    assert "2027年节假日安排尚未导入" in tab.banner.text()
    session.set_actor(people["管理员"])
    tab.retranslate()
    assert tab.import_button.isEnabled() and not tab.edit_button.isEnabled()


def _fill(dialog: HolidayYearDialog, holidays_rows, workday_rows) -> None:
    for table, rows in ((dialog.holidays, holidays_rows), (dialog.workdays, workday_rows)):
        table.setRowCount(0)
        for values in rows:
            row = table.rowCount()
            table.insertRow(row)
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))


def test_the_county_types_in_next_year_and_saves_it(county_session, qtbot, answers):
    tab = HolidaysTab(county_session)
    qtbot.addWidget(tab)
    settle(qtbot)
    assert tab.edit_button.isEnabled() and not tab.export_button.isHidden()
    dialog = HolidayYearDialog(county_session, 2027, tab)
    qtbot.addWidget(dialog)
    settle(qtbot)
    # The provisional year's statutory days are there to start from.
    assert dialog.holidays.item(0, 0).text() == "元旦"
    _fill(
        dialog,
        [["元旦", "2027-01-01", "2027-01-03"], ["春节", "2027-02-05", "2027-02-11"]],
        [["春节调休", "2027-02-15"]],  # a Monday: refused
    )
    dialog.source.setText("国办发明电〔2026〕7号")
    dialog.save()
    settle(qtbot)
    assert "星期一" in dialog.error.text() and dialog.error.isVisibleTo(dialog)
    assert dialog.holidays.rowCount() == 2 and dialog.workdays.item(0, 1).text() == "2027-02-15"
    assert year_status()[2027] == "provisional"
    dialog.workdays.item(0, 1).setText("2027-02-14")
    dialog.show_preview()
    settle(qtbot)
    assert "没有未到期的时限需要调整" in dialog.preview.toPlainText()
    dialog.save()
    settle(qtbot)
    assert answers.asked and "2027" in answers.asked[-1][1]
    assert dialog.result() == dialog.DialogCode.Accepted
    assert year_status()[2027] == "official"
    plan = holidays.year_plan(2027)
    assert [w.day.isoformat() for w in plan.workdays] == ["2027-02-14"]
    assert plan.source == "国办发明电〔2026〕7号"


def test_the_entry_page_marks_an_estimated_deadline(session, people, qtbot):
    from firstask_desktop.services import entries as svc

    at = datetime(2026, 12, 28, 10, 0)
    entry = svc.register_entry(
        people["李娜"],
        channel="visit",
        category="business",
        visitor="张三",
        phone="13812345678",
        matter="新装",
        received_at=at,
        now=at,
    )
    details = operations.entry_details(entry.serial, people["李娜"])
    assert details["estimated"] == ["due_at"]
    from firstask_desktop.gui.entry_detail import EntryDetail

    detail = EntryDetail(session, entry.serial)
    qtbot.addWidget(detail)
    settle(qtbot)
    assert "按工作日估算" in detail._fields_html(details)
