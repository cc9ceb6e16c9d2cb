"""``python main.py``: the start sequence from the data folder to the main window."""

from __future__ import annotations

import sys
from datetime import datetime

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QDialog

from firstask_desktop.gui import app as app_module
from firstask_desktop.gui.login import LoginDialog
from firstask_desktop.gui.main_window import MainWindow
from firstask_desktop.gui.session import StartOptions
from firstask_desktop.gui.wizard import SetupWizard
from firstask_desktop.store import config, db
from firstask_desktop.store.models import Entry, Staff


@pytest.fixture
def no_event_loop(monkeypatch, qapp):
    """app.exec() returns at once, remembering which main window was up."""
    shown = []

    def exec_once(*_args):
        shown.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        for window in shown:
            window.idle.stop()
            window.hide()
        return 0

    monkeypatch.setattr(type(qapp), "exec", exec_once)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own
    yield shown
    # Gone with its test: the window's deferred reads must not run on the next test's data.
    for window in shown:
        shiboken6.delete(window)


def test_login_opens_the_main_window_as_that_person(people, store, monkeypatch, no_event_loop):
    asked = {}

    def log_in(dialog):
        asked["preselected"] = dialog.panel._preselect
        dialog.staff = Staff.get(Staff.name == "李娜")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LoginDialog, "exec", log_in)
    assert app_module.main(StartOptions(data_dir=str(store), acting="李娜")) == 0
    assert asked["preselected"] == "李娜"
    assert len(no_event_loop) == 1
    window = no_event_loop[0]
    assert window.session.actor.name == "李娜" and "城关供电所" in window.windowTitle()


def test_an_empty_folder_starts_the_wizard_and_quitting_it_ends_cleanly(
    tmp_path, monkeypatch, no_event_loop
):
    seen = []
    monkeypatch.setattr(
        SetupWizard, "exec", lambda self: seen.append(self) or QDialog.DialogCode.Rejected
    )
    assert app_module.main(StartOptions(data_dir=str(tmp_path / "新"))) == 0
    assert len(seen) == 1 and no_event_loop == []


def test_a_damaged_register_is_restored_from_the_newest_good_backup(people, store, qapp, answers):
    from firstask_desktop.services import entries as svc
    from firstask_desktop.services.backup import make_backup

    svc.register_entry(
        people["李娜"],
        channel="来访",
        category="咨询",
        visitor="张三",
        phone="13812345678",
        matter="电价",
        result="已讲解",
    )
    make_backup(store)
    db.close()
    path = config.db_path(store)
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a failing disk wrote garbage over a page
    path.write_bytes(bytes(data))
    for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        extra.unlink(missing_ok=True)
    assert app_module._open_data(store)
    assert answers.asked and "损坏" in answers.asked[0][0]
    assert answers.shown and "恢复" in answers.shown[-1][1]
    assert Entry.select().count() == 1  # the register is back, from the backup


def test_a_double_clicked_sync_file_is_imported_on_the_sync_page(
    people, store, monkeypatch, no_event_loop, tmp_path
):
    monkeypatch.setattr(
        LoginDialog,
        "exec",
        lambda dialog: (
            setattr(dialog, "staff", Staff.get(Staff.name == "管理员"))
            or QDialog.DialogCode.Accepted
        ),
    )
    imported = []
    from firstask_desktop.gui.sync_view import SyncPage

    monkeypatch.setattr(SyncPage, "import_files", lambda page, paths: imported.extend(paths))
    bogus = tmp_path / "GS0101-000001.fasync"
    bogus.write_bytes(b"not a sync file")
    options = StartOptions(data_dir=str(store))
    options.open_file = str(bogus)
    assert app_module.main(options) == 0
    assert imported == [str(bogus)]
    assert no_event_loop[0].pages.currentWidget() is no_event_loop[0].page["sync"]


def test_the_start_up_chores_run_once_the_first_rows_are_shown(
    people, store, monkeypatch, qapp, qtbot
):
    """The daily backup, the reminder and the daily check wait for the register's first rows
    (so the first screen is not held up), then run without anyone asking."""
    from datetime import date

    from gui_helpers import settle

    from firstask_desktop.services.backup import list_backups

    seen = {}

    def run_until_settled(*_args):
        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        seen["backups_when_shown"] = len(list_backups(store))
        settle(qtbot)
        qtbot.waitUntil(
            lambda: window.session.prefs.last_assessment_scan == date.today().isoformat()
        )
        settle(qtbot)
        seen["backups"] = len(list_backups(store))
        seen["reminder"] = window.notifier.last_text
        window.idle.stop()
        shiboken6.delete(window)
        return 0

    monkeypatch.setattr(type(qapp), "exec", run_until_settled)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(
        LoginDialog,
        "exec",
        lambda dialog: (
            setattr(dialog, "staff", Staff.get(Staff.name == "李娜")) or QDialog.DialogCode.Accepted
        ),
    )
    from firstask_desktop.services import entries as svc

    svc.register_entry(
        people["李娜"],
        channel="来电",
        category="投诉",
        visitor="张三",
        phone="13812345678",
        matter="电压偏低",
        received_at=datetime(2020, 1, 6, 9, 0),
        now=datetime(2020, 1, 6, 9, 0),
    )
    assert app_module.main(StartOptions(data_dir=str(store), acting="李娜")) == 0
    assert seen["backups_when_shown"] == 0 and seen["backups"] == 1
    assert "已超期 1 条" in seen["reminder"]


def test_a_register_an_older_version_wrote_is_upgraded_while_a_window_says_so(tmp_path, qapp):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog
    from support import make_v1_file

    from firstask_desktop.store import schema
    from firstask_desktop.store.storage import upgrade_pending

    folder = tmp_path / "data"
    make_v1_file(folder)
    assert upgrade_pending(folder)
    shown = []
    QTimer.singleShot(
        0,
        lambda: shown.extend(
            w.labelText()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        ),
    )
    try:
        assert app_module._open_data(folder)
        assert len(shown) == 1 and "正在把登记簿升级到新版本" in shown[0]
        (version,) = db.database.execute_sql("PRAGMA user_version").fetchone()
        assert version == schema.LATEST_VERSION
        assert Entry.get(Entry.serial == "GS0101-2025-00001").visitor == "张三"
        assert not upgrade_pending(folder)
        assert not any(
            isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    finally:
        db.close()
