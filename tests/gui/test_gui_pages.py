"""The 待办, 回访, 客户 and 统计 pages, and a county install's register."""

from __future__ import annotations

from datetime import datetime, timedelta

from gui_helpers import settle

from firstask_desktop.services import entries as svc


def _old_complaint(people, days: int, visitor="张三", phone="13812345678", **options):
    when = datetime.now().replace(microsecond=0) - timedelta(days=days)
    return svc.register_entry(
        people["李娜"],
        channel="来访",
        category="投诉",
        visitor=visitor,
        phone=phone,
        matter="电压偏低",
        received_at=when,
        now=when,
        **options,
    )


def _rows(table, qtbot) -> list[dict]:
    qtbot.waitUntil(lambda: not table.model.is_loading())
    return [table.model.row(r) for r in range(table.model.rowCount())]


def test_todo_lists_overdue_and_escalated_with_counts(window, people, qtbot):
    late = _old_complaint(people, 20)
    fresh = _old_complaint(people, 0, visitor="李四", phone="13812345679")
    svc.mark_unresolved(people["李娜"], fresh.serial, "需列入农网改造计划")
    window.refresh_all()
    settle(qtbot)
    todo = window.page["todo"]
    assert todo.buttons["overdue"].text().endswith("\n1")
    assert todo.buttons["escalated"].text().endswith("\n1")
    assert [r["serial"] for r in _rows(todo.table, qtbot)] == [late.serial]
    todo.buttons["escalated"].click()
    settle(qtbot)
    assert [r["serial"] for r in _rows(todo.table, qtbot)] == [fresh.serial]
    assert "已超期 1 条" in window.counts_label.text()


def test_follow_up_page_opens_the_follow_up_dialog_in_one_click(window, people, qtbot):
    entry = _old_complaint(people, 10)
    svc.reply_entry(
        people["李娜"],
        entry.serial,
        "已处理",
        now=datetime.now().replace(microsecond=0) - timedelta(days=9),
    )
    window.refresh_all()
    settle(qtbot)
    page = window.page["follow_up"]
    rows = _rows(page.table, qtbot)
    assert [r["serial"] for r in rows] == [entry.serial]
    page.table.view.selectRow(0)
    page.follow_up_button.click()
    settle(qtbot)
    detail = window.detail_windows[entry.serial]
    assert detail.current_dialog is not None
    assert "第 1 次回访" in detail.current_dialog.windowTitle()
    detail.current_dialog.reject()
    detail.close()


def test_the_follow_up_list_marks_a_number_that_could_not_be_verified(window, people, qtbot):
    from firstask_desktop.gui.register_model import COL_PHONE, COL_SERIAL

    checked = _old_complaint(people, 10)
    kept = _old_complaint(people, 10, "李四", "0300-1234567", phone_unverified=True)
    for entry in (checked, kept):
        svc.reply_entry(
            people["李娜"],
            entry.serial,
            "已处理",
            now=datetime.now().replace(microsecond=0) - timedelta(days=9),
        )
    window.refresh_all()
    settle(qtbot)
    table = window.page["follow_up"].table
    _rows(table, qtbot)
    model = table.model
    shown = {
        model.index(r, COL_SERIAL).data(): model.index(r, COL_PHONE).data()
        for r in range(model.rowCount())
    }
    assert shown == {
        checked.serial: "13812345678",
        kept.serial: "0300-1234567（号码未经核实）",
    }


def test_customers_are_found_with_their_matters_and_masked_for_a_clerk(window, people, qtbot):
    svc.register_entry(
        people["张伟"],
        channel="来访",
        category="投诉",
        visitor="王五",
        phone="13900001111",
        address="兴隆村1号",
        matter="电压低",
    )
    page = window.page["customers"]
    page.search.setText("1390000")
    page.find()
    settle(qtbot)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == "王*"  # 李娜 may not see 张伟's customer (保密)
    assert "*" in page.table.item(0, 2).text()
    page.table.selectRow(0)
    settle(qtbot)
    rows = _rows(page.entries, qtbot)
    assert len(rows) == 1 and rows[0]["matter"] == "电压低"
    window.session.set_actor(people["王建国"])  # the head sees personal data
    page.find()
    settle(qtbot)
    assert page.table.item(0, 0).text() == "王五"


def test_stats_show_the_months_figures(window, people, qtbot):
    svc.register_entry(
        people["李娜"],
        channel="来电",
        category="咨询",
        visitor="张三",
        phone="13812345678",
        matter="电价",
        result="已讲解",
    )
    page = window.page["stats"]
    page.month.clear()
    from firstask_desktop.gui import operations, tasks

    tasks.run_task(operations.months, on_success=page._set_months, owner=page)
    settle(qtbot)
    assert page.month.currentData() == datetime.now().strftime("%Y-%m")
    assert page.stats["total"] == 1
    assert ">1<" in page.tile_labels["total"].text()
    assert ("咨询", 1) in page.by_category.rows
    assert page.people.item(0, 0).text() == "李娜"


def test_a_county_install_registers_nothing_and_filters_by_station(store, qapp, qtbot):
    from firstask_desktop.gui.app import open_main_window
    from firstask_desktop.gui.session import Session
    from firstask_desktop.services.station import init_station, local_station
    from firstask_desktop.store.models import Staff

    init_station(
        code="YZ00",
        name="榆中县供电公司",
        mode="county",
        admin_name="县管理员",
        admin_password="secret123",
    )
    session = Session(store)
    session.station = local_station()
    session.set_actor(Staff.get(Staff.name == "县管理员"))
    window = open_main_window(qapp, session)
    qtbot.addWidget(window)
    window.notifier.timer.stop()
    window.show()
    settle(qtbot)
    register = window.page["register"]
    assert not register.new_button.isVisible()
    window.new_entry()
    assert window.entry_form is None
    window.idle.stop()


def test_follow_up_button_waits_for_a_chosen_entry_and_says_so(window, people, qtbot):
    entry = _old_complaint(people, 10)
    svc.reply_entry(
        people["李娜"],
        entry.serial,
        "已处理",
        now=datetime.now().replace(microsecond=0) - timedelta(days=9),
    )
    window.refresh_all()
    window.show_page("follow_up")
    settle(qtbot)
    page = window.page["follow_up"]
    assert _rows(page.table, qtbot)
    page.table.view.clearSelection()
    page.table.view.setCurrentIndex(page.table.model.index(-1, 0))
    assert not page.follow_up_button.isEnabled()
    assert "点选一条登记" in page.follow_up_button.toolTip()
    page.table.view.selectRow(0)
    assert page.follow_up_button.isEnabled() and page.follow_up_button.toolTip() == ""


def test_overdue_lists_the_longest_overdue_first(window, people, qtbot):
    oldest = _old_complaint(people, 80)
    middle = _old_complaint(people, 30, visitor="李四", phone="13812345679")
    newest = _old_complaint(people, 10, visitor="王五", phone="13812345670")
    window.refresh_all()
    settle(qtbot)
    todo = window.page["todo"]
    todo.show_bucket("overdue")
    settle(qtbot)
    rows = _rows(todo.table, qtbot)
    assert [r["serial"] for r in rows] == [oldest.serial, middle.serial, newest.serial]
