"""隔离记录 at the county: a station's record that clashes with the stored copy waits in a list;
the clerk compares both versions field by field and keeps the stored one or takes the file's.

The county is real: a station's signed, encrypted export imported, then a second file whose
entry GS0101-2026-00003 carries another matter at the same revision (as tests/test_sync_*.py
make one), so exactly that field differs.
"""

from __future__ import annotations

import shutil

import pytest
from gui_helpers import settle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sync_support import (
    PASSWORD,
    exchange_keys,
    export,
    import_at,
    make_county,
    make_station,
    second_file,
)

from firstask_desktop.gui.quarantine_window import (
    DIFF_BACKGROUND,
    DIFF_EXISTING,
    DIFF_FIELD,
    DIFF_INCOMING,
    DIFFERS_ROLE,
    QuarantineWindow,
)
from firstask_desktop.gui.sync_view import SyncPage
from firstask_desktop.store import db
from firstask_desktop.store.storage import open_store

SERIAL = "GS0101-2026-00003"
STORED_MATTER = "第2件事：电压偏低"
NEW_MATTER = "被改过的事由"
VISITOR = "张娜一"  # add_entry_story(2)'s visitor: personal data, masked for who may not see it


@pytest.fixture(scope="module")
def county_template(tmp_path_factory):
    """A county that imported GS0101 twice; the second file's entry 00003 is in quarantine."""
    from firstask_desktop.services.station import add_staff
    from firstask_desktop.store.models import Staff

    root = tmp_path_factory.mktemp("quarantine")
    usb = root / "U盘"
    county = make_county(root / "县公司")
    station = make_station(root / "城关所", "GS0101", "城关供电所", entries=4)
    exchange_keys(county, station, usb=usb)
    first = export(station, usb)
    import_at(county, first.path, accept_new_station=True)
    forged = second_file(
        county,
        station,
        first,
        root,
        lambda t, d: dict(d, matter=NEW_MATTER) if t == "entry" and d["serial"] == SERIAL else d,
    )
    assert import_at(county, forged).counts["quarantined"] == 1
    with county.use():
        admin = Staff.get(Staff.name == "县管理员")
        add_staff(admin, name="周敏", role="clerk", password=PASSWORD)
    return county.folder


@pytest.fixture
def county_session(county_template, tmp_path, qapp):
    """县管理员 (the county administrator: may import, so may decide) logged in at the county."""
    from firstask_desktop.gui.session import Session
    from firstask_desktop.services.station import local_station
    from firstask_desktop.store.models import Staff

    folder = tmp_path / "县公司"
    shutil.copytree(county_template, folder)
    open_store(folder)
    session = Session(folder)
    session.station = local_station()
    session.set_actor(Staff.get(Staff.name == "县管理员"))
    yield session
    db.close()


def _window(session, qtbot) -> QuarantineWindow:
    window = QuarantineWindow(session)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot)
    return window


def _cells(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def _stored():
    from firstask_desktop.store.models import Entry, QuarantinedRecord

    return Entry.get(Entry.serial == SERIAL), QuarantinedRecord.get()


def test_the_sync_page_counts_the_waiting_records_and_opens_their_list(county_session, qtbot):
    page = SyncPage(county_session)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    assert not page.quarantine_button.isHidden()
    assert page.quarantine_button.text() == "隔离记录：1 条待处理…"
    qtbot.mouseClick(page.quarantine_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    window = page.quarantine_window
    assert window is not None and window.isVisible()
    assert window.records.rowCount() == 1
    row = [window.records.item(0, c).text() for c in range(window.records.columnCount())]
    assert row[1:4] == ["城关供电所（GS0101）", "登记", SERIAL]
    assert "同一版本（第" in row[4] and row[6] == "待处理"


def test_a_station_install_has_no_quarantine_line(session, qtbot):
    page = SyncPage(session)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    assert page.overview is not None and page.overview["quarantined"] == 0
    assert page.quarantine_button.isHidden()


def test_the_two_versions_side_by_side_mark_only_the_changed_field(county_session, qtbot):
    window = _window(county_session, qtbot)
    diff = window.diff
    marked = [
        r
        for r in range(diff.rowCount())
        if diff.item(r, DIFF_FIELD).data(DIFFERS_ROLE)
        and diff.item(r, DIFF_INCOMING).background().color() == DIFF_BACKGROUND
    ]
    assert [diff.item(r, DIFF_FIELD).text() for r in marked] == ["● 事由"]
    (row,) = marked
    assert diff.item(row, DIFF_EXISTING).text() == STORED_MATTER
    assert diff.item(row, DIFF_INCOMING).text() == NEW_MATTER
    serial_row = _cells(diff, DIFF_FIELD).index("受理编号")
    assert not diff.item(serial_row, DIFF_FIELD).data(DIFFERS_ROLE)
    assert diff.item(serial_row, DIFF_INCOMING).background().style() == Qt.BrushStyle.NoBrush
    assert "有 1 处不同（已标出）：事由" in window.summary.text()
    # Codes shown as their labels, references by what a person knows them by.
    assert diff.item(_cells(diff, DIFF_FIELD).index("渠道"), DIFF_EXISTING).text() == "来访"
    assert diff.item(_cells(diff, DIFF_FIELD).index("首问责任人"), DIFF_EXISTING).text() == "李娜"


def test_keeping_the_stored_version_asks_first_then_marks_it_decided(
    county_session, qtbot, answers
):
    window = _window(county_session, qtbot)
    answers.reply = QMessageBox.StandardButton.No
    window.keep_button.click()
    settle(qtbot)
    assert answers.asked[-1][0] == "保留现有"
    assert _stored()[1].resolved_at is None  # said no: nothing decided

    answers.reply = QMessageBox.StandardButton.Yes
    window.keep_button.click()
    settle(qtbot)
    entry, item = _stored()
    assert entry.matter == STORED_MATTER
    assert (item.resolution, item.resolved_by) == ("kept_existing", "县管理员")
    assert item.resolved_at is not None
    assert window.records.rowCount() == 0  # nothing left to decide
    assert "第 1 号隔离记录已处理：保留现有版本。" in window.status.text()

    window.show_resolved.setChecked(True)  # the decision stays visible, read-only
    settle(qtbot)
    assert window.records.rowCount() == 1
    assert window.records.item(0, 6).text().startswith("保留现有（县管理员，")
    assert "已处理：保留现有（县管理员" in window.summary.text()
    assert not window.keep_button.isEnabled() and not window.take_button.isEnabled()


def test_taking_the_files_version_changes_the_entry_and_the_count(county_session, qtbot, answers):
    page = SyncPage(county_session)
    qtbot.addWidget(page)
    page.show()
    settle(qtbot)
    page.open_quarantine()
    settle(qtbot)
    window = page.quarantine_window
    window.take_button.click()
    settle(qtbot)
    assert answers.asked[-1][0] == "采用文件中的版本"
    entry, item = _stored()
    assert entry.matter == NEW_MATTER
    assert item.resolution == "took_incoming"
    assert "采用了文件中的版本" in window.status.text()
    assert page.quarantine_button.text() == "隔离记录：0 条待处理…"


def test_a_record_decided_meanwhile_is_refused_and_said_beside_the_buttons(
    county_session, qtbot, answers
):
    from firstask_desktop.services.county import resolve_quarantined

    window = _window(county_session, qtbot)
    assert window.take_button.isEnabled()
    # Someone at the command line decided it while the window was open.
    resolve_quarantined(_stored()[1].id, take_incoming=False, actor="命令行（张三）")
    window.take_button.click()
    settle(qtbot)
    assert "第 1 号隔离记录已由 命令行（张三） 处理过。" == window.error.text()
    assert window.error.isVisibleTo(window)
    assert window.error.parentWidget() is window.keep_button.parentWidget()
    entry, item = _stored()
    assert entry.matter == STORED_MATTER and item.resolution == "kept_existing"
    assert window.records.rowCount() == 0  # the list shows what is true now


def test_a_clerk_reads_the_list_masked_and_cannot_decide(county_session, qtbot, answers):
    from firstask_desktop.store.models import Staff

    county_session.set_actor(Staff.get(Staff.name == "周敏"))
    window = _window(county_session, qtbot)
    assert window.records.rowCount() == 1
    assert window.keep_button.isHidden() and window.take_button.isHidden()
    assert not window.read_only.isHidden() and "不能处理" in window.read_only.text()
    fields = _cells(window.diff, DIFF_FIELD)
    visitor = window.diff.item(fields.index("来访人姓名"), DIFF_EXISTING).text()
    assert visitor == "张*"
    shown = [window.diff.item(r, c).text() for r in range(len(fields)) for c in (1, 2)]
    assert not any(VISITOR in text for text in shown)
    # Even asked directly, the core refuses: the record stays as it was.
    window.keep_existing()
    settle(qtbot)
    assert "无权" in window.error.text() and window.error.isVisibleTo(window)
    assert _stored()[1].resolved_at is None


def test_every_table_and_field_label_is_marked_for_translation():
    from firstask_desktop.domain.errors import FIELD_LABELS
    from firstask_desktop.gui.labels import marked_record_labels
    from firstask_desktop.services.quarantine_review import TABLE_LABELS

    labels = set(FIELD_LABELS.values()) | set(TABLE_LABELS.values())
    assert labels - marked_record_labels() == set()
