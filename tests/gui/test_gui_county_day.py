"""The county office's day on screen: the overview first, a station's register one double-click
away (its overdue entries, by station name), people by station, an entry read-only with the
station's own history.

Five real stations exported and imported at a real county; GS0105's file came 40 days ago.
"""

from __future__ import annotations

import shutil
from datetime import timedelta

import pytest
from conftest import GUI_NOW
from gui_helpers import settle
from PySide6.QtCore import Qt
from sync_support import (
    add_entry_story,
    exchange_keys,
    export,
    import_at,
    make_county,
    make_station,
)

from firstask_desktop.gui.county_overview_view import (
    COL_OVERDUE,
    COL_STATION,
    COL_SYNC_AGE,
    CountyOverviewPage,
)
from firstask_desktop.gui.register_model import COL_SERIAL
from firstask_desktop.gui.register_model import COL_STATION as REGISTER_STATION
from firstask_desktop.store import db
from firstask_desktop.store.storage import open_store

STATIONS = (
    ("GS0101", "城关供电所", 6),
    ("GS0102", "夏官营供电所", 3),
    ("GS0103", "金崖供电所", 5),
    ("GS0104", "和平供电所", 2),
    ("GS0105", "甘草店供电所", 4),
)


@pytest.fixture(scope="module")
def county_template(tmp_path_factory):
    root = tmp_path_factory.mktemp("county-day-gui")
    usb = root / "U盘"
    county = make_county(root / "县公司")
    sites = [make_station(root / code, code, name, entries=n) for code, name, n in STATIONS]
    exchange_keys(county, *sites, usb=usb)
    for (code, _name, _n), site in zip(STATIONS, sites, strict=True):
        days = 40 if code == "GS0105" else 1
        path = export(site, usb / code).path
        import_at(county, path, accept_new_station=True, now=GUI_NOW - timedelta(days=days))
    # GS0101's next file, still on the stick: for the import on screen.
    with sites[0].use():
        add_entry_story(6, at=GUI_NOW - timedelta(days=1))
    stick = root / "第二次"
    export(sites[0], stick)
    return county.folder, stick


@pytest.fixture
def county_session(county_template, tmp_path, qapp):
    template, _stick = county_template
    from firstask_desktop.gui.session import Session
    from firstask_desktop.services.station import local_station
    from firstask_desktop.store.models import Staff

    folder = tmp_path / "县公司"
    shutil.copytree(template, folder)
    open_store(folder)
    session = Session(folder)
    session.station = local_station()
    session.set_actor(Staff.get(Staff.name == "县管理员"))
    yield session
    db.close()


@pytest.fixture
def county_window(county_session, qtbot):
    from conftest import qapp_instance

    from firstask_desktop.gui.app import open_main_window

    win = open_main_window(qapp_instance(), county_session)
    qtbot.addWidget(win)
    win.notifier.timer.stop()
    win.show()
    settle(qtbot)
    yield win
    win.idle.stop()


def _column(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_the_county_opens_on_the_overview_of_every_station(county_window, qtbot):
    window = county_window
    assert window.page_names[0] == "overview" and window.rail.item(0).text() == "总览"
    assert window.pages.currentWidget() is window.page["overview"]
    page = window.page["overview"]
    settle(qtbot)
    names = _column(page.table, COL_STATION)
    assert sorted(names) == sorted(name for _c, name, _n in STATIONS)
    ages = dict(zip(names, _column(page.table, COL_SYNC_AGE), strict=True))
    assert ages["甘草店供电所"] == "40 天前（逾期）"
    assert "逾期" not in ages["城关供电所"]
    assert "1 个所逾期未同步" in page.summary.text()
    # Sorting by 已超期 sorts numbers as numbers.
    page.table.sortItems(COL_OVERDUE, Qt.SortOrder.DescendingOrder)
    overdue = [int(t) for t in _column(page.table, COL_OVERDUE)]
    assert overdue == sorted(overdue, reverse=True) and overdue[0] > 0


def test_a_double_click_on_overdue_opens_that_stations_overdue_register(county_window, qtbot):
    window = county_window
    page = window.page["overview"]
    settle(qtbot)
    row = _column(page.table, COL_STATION).index("城关供电所")
    expected = int(page.table.item(row, COL_OVERDUE).text())
    page.table.itemDoubleClicked.emit(page.table.item(row, COL_OVERDUE))
    settle(qtbot)
    register = window.page["register"]
    assert window.pages.currentWidget() is register
    assert register.station.currentText() == "城关供电所"
    assert register.status.currentText() == "已超期"
    model = register.table.model
    settle(qtbot)
    assert model.total == expected and model.rowCount() == expected
    serials = [model.index(r, COL_SERIAL).data() for r in range(model.rowCount())]
    assert all(s.startswith("GS0101-") for s in serials)
    assert not register.table.view.isColumnHidden(REGISTER_STATION)
    assert {model.index(r, REGISTER_STATION).data() for r in range(model.rowCount())} == {"城关所"}
    station_choices = [register.station.itemText(i) for i in range(register.station.count())]
    assert "金崖供电所" in station_choices and "GS0103" not in station_choices


def test_the_overdue_list_of_the_chosen_station_prints_one_page(county_session, qtbot):
    from reports_support import pdf_text, squeeze

    page = CountyOverviewPage(county_session)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    assert not page.overdue_button.isEnabled()  # nothing chosen yet: the tooltip says so
    row = _column(page.table, COL_STATION).index("金崖供电所")
    page.table.selectRow(row)
    assert page.overdue_button.isEnabled()
    qtbot.mouseClick(page.overdue_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    text = pdf_text(page.preview.data)
    assert "\f" not in text  # one station, one page
    assert "金崖供电所超期事项清单" in squeeze(text) and "所长签字" in text


def test_people_at_the_county_are_named_with_their_station(county_window, qtbot):
    window = county_window
    window.show_page("stats")
    page = window.page["stats"]
    month = "2026-03"
    page.month.setCurrentIndex(page.month.findData(month))
    settle(qtbot)
    people = [page.people.item(r, 0).text() for r in range(page.people.rowCount())]
    assert "李娜（城关所）" in people and "李娜（夏官营所）" in people
    assert "李娜" not in people


def test_an_entry_at_the_county_is_read_only_with_the_stations_history(county_window, qtbot):
    window = county_window
    window.open_entry("GS0101-2026-00001")
    settle(qtbot)
    detail = window.detail_windows["GS0101-2026-00001"]
    assert detail.step_buttons == {}  # no 转办, 答复, 作废 … at the county
    assert "县公司只查看" in detail.steps_bar.itemAt(0).widget().text()
    fields = detail.fields.toPlainText()
    assert "城关供电所" in fields
    history = [
        detail.timeline.topLevelItem(i).text(2) for i in range(detail.timeline.topLevelItemCount())
    ]
    # The station's own steps (add_entry_story(0): transferred, supervised, replied, followed up).
    assert history[:2] == ["登记", "转办"] and "回访" in history
    assert not any("sync" in h or "_" in h for h in history)
    assert detail.timeline_label.text() == "办理经过（供电所的审计记录）"


def _choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index > 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)


def test_todo_at_the_county_filters_by_station_in_county_words(county_window, qtbot):
    window = county_window
    window.show_page("todo")
    page = window.page["todo"]
    settle(qtbot)
    assert page.station.isVisible() and page.station.itemText(1) == "城关供电所"
    assert "县公司" in page.heading.text()
    assert page.buttons["escalated"].text().startswith("各所上报待所长处理")
    everyone = page.table.model.total
    _choose(page.station, "和平供电所")
    settle(qtbot)
    model = page.table.model
    serials = [model.index(r, COL_SERIAL).data() for r in range(model.rowCount())]
    assert serials and all(s.startswith("GS0104-") for s in serials)
    assert model.total < everyone
    # The bucket's count is the station's, as its list shows.
    assert page.buttons["overdue"].text() == f"已超期\n{model.total}"


def test_stats_and_assessment_at_the_county_filter_by_station(county_window, qtbot):
    window = county_window
    window.show_page("stats")
    stats = window.page["stats"]
    stats.month.setCurrentIndex(stats.month.findData("2026-03"))
    settle(qtbot)
    _choose(stats.station, "夏官营供电所")
    settle(qtbot)
    people = [stats.people.item(r, 0).text() for r in range(stats.people.rowCount())]
    assert people == ["李娜（夏官营所）"]
    window.show_page("assess")
    assess = window.page["assess"]
    settle(qtbot)
    assert assess.station.isVisible()
    assert "各供电所" in assess.note.text() and "全所" not in assess.note.text()


def test_an_import_on_screen_lists_the_receipts_to_take_back(
    county_session, county_template, qtbot, tmp_path
):
    from firstask_desktop.gui.sync_view import SyncPage

    stick = tmp_path / "U盘"
    shutil.copytree(county_template[1], stick)
    (path,) = stick.glob("*.fasync")
    page = SyncPage(county_session)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    page.import_files([str(path)])
    settle(qtbot)
    text = page.result.text()
    assert "已写出 1 个回执文件：请把回执带回供电所" in text
    (ack,) = [p for p in stick.iterdir() if p != path]
    assert f"{ack.name}（在 {stick}）" in text
