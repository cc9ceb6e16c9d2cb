"""What the main window does at start, so that it opens fast on a ten-year register.

Only the register page is built at once; every other page is made on its first visit and still
gets what the window knows (the counts). The register reads its first page once, then the month,
staff and status-bar figures, and its cells are worked out once per row.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from gui_helpers import settle

from firstask_desktop.gui import operations
from firstask_desktop.gui.main_window import PAGES
from firstask_desktop.gui.register_model import COL_STATUS, COL_VISITOR
from firstask_desktop.services import entries as svc
from firstask_desktop.services.queries import entries_per_month, months_with_entries


def _late_complaint(people, days: int = 20):
    received = datetime.now() - timedelta(days=days)
    return svc.register_entry(
        people["李娜"],
        channel="来访",
        category="投诉",
        visitor="张三",
        phone="13812345678",
        matter="电压低",
        received_at=received,
        now=received,
    )


def test_only_the_register_is_built_at_start_and_others_on_their_first_visit(
    people, session, qtbot
):
    from PySide6.QtWidgets import QApplication

    from firstask_desktop.gui.app import open_main_window

    _late_complaint(people)
    window = open_main_window(QApplication.instance(), session)
    qtbot.addWidget(window)
    window.notifier.timer.stop()
    try:
        window.show()
        settle(qtbot)
        assert set(window.page) == {"register"}
        assert window.counts["overdue"] == 1  # read once the register's rows were in
        window.rail.setCurrentRow(PAGES.index("todo"))
        settle(qtbot)
        todo = window.page["todo"]
        assert window.pages.currentWidget() is todo and window.pages.count() == len(PAGES)
        assert todo.buttons["overdue"].text().endswith("\n1")  # the counts it came too late for
        window.refresh_all()  # refreshes the pages there are, makes no new one
        settle(qtbot)
        assert set(window.page) == {"register", "todo"}
    finally:
        window.idle.stop()


def test_the_register_reads_its_first_page_once(session, people, qtbot, monkeypatch):
    from firstask_desktop.gui.register_view import RegisterPage

    _late_complaint(people)
    reads = []
    real = operations.register_page
    monkeypatch.setattr(
        operations, "register_page", lambda *a, **k: reads.append(a) or real(*a, **k)
    )
    page = RegisterPage(session)
    qtbot.addWidget(page)
    settle(qtbot)
    assert len(reads) == 1
    assert page.month.count() > 1  # the month list came after the rows


def test_cells_are_worked_out_once_and_translated_when_shown(window, people, qtbot):
    entry = _late_complaint(people)
    window.refresh_all()
    settle(qtbot)
    model = window.page["register"].table.model
    visitor = model.index(0, COL_VISITOR)
    assert model.data(visitor) == "张三" and model.serial_at(0) == entry.serial
    assert set(model._looks) == {0}
    assert model.data(model.index(0, COL_STATUS)) == "已登记"
    assert model.data(model.index(0, 2), 7) is None  # a role the register does not answer


def test_the_month_list_is_every_month_with_entries(people):
    for days in (0, 40, 400):
        _late_complaint(people, days)
    assert months_with_entries() == sorted(entries_per_month(), reverse=True)
    assert len(months_with_entries()) == 3


def test_the_rows_show_before_the_count_of_a_large_register(session, people, qtbot, monkeypatch):
    """Counting ten years of entries takes longer than reading the first 200: the rows do not
    wait for the count; the footer says it is still counting, then gives the number."""
    import threading

    from firstask_desktop.gui.register_view import RegisterPage

    _late_complaint(people)
    counting = threading.Event()
    real = operations.register_count

    def slow_count(*args, **kwargs):
        counting.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(operations, "register_count", slow_count)
    page = RegisterPage(session)
    qtbot.addWidget(page)
    table = page.table
    qtbot.waitUntil(lambda: table.model.rowCount() == 1)
    assert table.model.data(table.model.index(0, COL_VISITOR)) == "张三"
    assert table.model.total is None and table.footer.text() == "正在读取……"
    counting.set()
    qtbot.waitUntil(lambda: table.model.total == 1)
    settle(qtbot)
    assert table.footer.text() == "共 1 条"


def test_the_footer_says_more_than_the_cap_when_it_counted_no_further(
    session, people, qtbot, monkeypatch
):
    """The register counts no further than its cap (a county of millions): beyond it the
    footer says 超过 N 条 instead of a number it never counted."""
    from firstask_desktop.gui import entry_table
    from firstask_desktop.gui.register_view import RegisterPage
    from firstask_desktop.services import queries

    _late_complaint(people, days=20)
    _late_complaint(people, days=10)
    _late_complaint(people, days=5)
    monkeypatch.setattr(queries, "COUNT_CAP", 1)
    monkeypatch.setattr(entry_table, "COUNT_CAP", 1)
    page = RegisterPage(session)
    qtbot.addWidget(page)
    table = page.table
    qtbot.waitUntil(lambda: table.model.total is not None and table.model.rowCount() == 3)
    settle(qtbot)
    assert table.model.total == 2  # counted up to the cap and one more, no further
    assert table.footer.text().startswith("超过 1 条，已显示 3 条")
