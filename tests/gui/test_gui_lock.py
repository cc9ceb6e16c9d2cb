"""Auto-lock: idle minutes hide every screen with customers' data; the same clerk unlocks with
their password, another switches in with one click."""

from __future__ import annotations

import threading

from gui_helpers import settle
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest


def _open_an_entry(window, serial, qtbot):
    window.open_entry(serial)
    settle(qtbot)
    return window.detail_windows[serial]


def test_idle_time_locks_and_hides_every_window(window, complaint, qtbot):
    detail = _open_an_entry(window, complaint, qtbot)
    assert window.session.lock_minutes == 10  # the station's setting (services.accounts)
    window.idle.set_interval_ms(150)
    qtbot.waitUntil(window.is_locked, timeout=5000)
    assert window.shell.currentWidget() is window.lock_screen
    assert not detail.isVisible()
    assert not window.rail.isEnabled()
    assert "李娜" in window.lock_screen.who.text()
    window.new_entry()  # Ctrl+N does nothing while locked
    assert window.entry_form is None


def test_wrong_password_stays_locked_right_one_brings_the_windows_back(window, complaint, qtbot):
    detail = _open_an_entry(window, complaint, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked()
    screen = window.lock_screen
    qtbot.keyClicks(screen.password, "wrong-password")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    settle(qtbot)
    assert window.is_locked() and "密码不正确" in screen.error.text()
    screen.password.clear()
    qtbot.keyClicks(screen.password, "secret123")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    settle(qtbot)
    assert not window.is_locked()
    assert detail.isVisible()


def test_another_clerk_switches_in_with_one_click(window, complaint, qtbot):
    detail = _open_an_entry(window, complaint, qtbot)
    window.lock()
    screen = window.lock_screen
    screen.switch_button.click()
    settle(qtbot)
    screen.panel.select("张伟")
    qtbot.keyClicks(screen.panel.password, "secret123")
    qtbot.keyClick(screen.panel.password, Qt.Key.Key_Return)
    settle(qtbot)
    assert not window.is_locked()
    assert window.session.actor.name == "张伟"
    assert "张伟" in window.actor_label.text()
    assert not detail.isVisible() and window.detail_windows == {}
    # 李娜's customer is masked for 张伟 now (保密): the register was read again as him.
    table = window.page["register"].table
    qtbot.waitUntil(lambda: table.model.rowCount() == 1 and not table.model.is_loading())
    assert table.model.row(0)["visitor"] == "张*"


def test_activity_keeps_the_window_open(window, qtbot):
    # Keys and the mouse arrive as the system delivers them: to the window, then its widgets.
    window.idle.set_interval_ms(400)
    search = window.page["register"].search
    search.setFocus()
    for _ in range(4):
        qtbot.wait(150)
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_A)
    assert search.text() == "aaaa"
    assert not window.is_locked()
    qtbot.waitUntil(window.is_locked, timeout=5000)


def test_work_in_another_window_keeps_the_app_open(window, complaint, qtbot):
    detail = _open_an_entry(window, complaint, qtbot)
    qtbot.waitUntil(lambda: detail.windowHandle() is not None)
    window.idle.set_interval_ms(400)
    for _ in range(4):
        qtbot.wait(150)
        QTest.mouseMove(detail.windowHandle(), QPoint(20 + _ * 5, 20))
    assert not window.is_locked()
    qtbot.waitUntil(window.is_locked, timeout=5000)
    assert not detail.isVisible()


def test_signing_in_runs_on_the_one_writer_because_it_counts_failures(
    people, store, qtbot, monkeypatch
):
    # A wrong password is counted towards the lockout (a write): two sign-ins on the reading
    # pool could each read the count and both write "1". The operation says it writes, so the
    # password check queues on the same single thread as every other write.
    from firstask_desktop.gui import operations, tasks
    from firstask_desktop.services import station
    from firstask_desktop.store.models import Staff

    threads: dict[str, set[int]] = {"sign-in": set(), "write": set(), "read": set()}

    def spy(kind, real):
        def call(*args, **kwargs):
            threads[kind].add(threading.get_ident())
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(station, "authenticate", spy("sign-in", station.authenticate))
    monkeypatch.setattr(station, "list_staff", spy("read", station.list_staff))
    write = operations.writes(spy("write", lambda: None))
    failures = []
    for _ in range(3):
        tasks.run_task(operations.authenticate, "李娜", "wrong", on_error=failures.append)
        tasks.run_task(write)
        tasks.run_task(operations.staff_for_login)
    settle(qtbot)
    assert len(failures) == 3  # each wrong password refused, each one counted
    assert Staff.get(Staff.name == "李娜").failed_logins == 3
    assert len(threads["write"]) == 1
    assert threads["sign-in"] == threads["write"]
    assert not threads["read"] & threads["write"]


def test_switching_person_offers_who_worked_here_before_never_the_administrator(
    window, people, qtbot
):
    # 张伟 and 李娜 take turns at one counter PC: 李娜 is signed in now, 张伟 was before her.
    prefs = window.session.prefs
    prefs.last_user = "张伟"
    prefs.last_user = "李娜"
    window.lock()
    screen = window.lock_screen
    screen.switch_button.click()
    settle(qtbot)
    assert screen.panel.selected_name() == "张伟"
    assert screen.panel.password.text() == ""


def test_switching_on_a_pc_nobody_else_used_chooses_no_one(window, people, qtbot):
    # Typing a password at once must not count against the administrator (first in the list).
    window.lock()
    screen = window.lock_screen
    screen.switch_button.click()
    settle(qtbot)
    assert screen.panel.selected_name() == ""
    qtbot.keyClicks(screen.panel.password, "secret123")
    qtbot.keyClick(screen.panel.password, Qt.Key.Key_Return)
    settle(qtbot)
    assert "请先在列表中选择您的姓名" in screen.panel.error.text()
    from firstask_desktop.store.models import Staff

    assert Staff.get(Staff.name == "管理员").failed_logins == 0
    assert window.is_locked()


def test_the_login_at_start_offers_the_last_person_on_this_pc(people, store, qtbot):
    from firstask_desktop.gui.login import LoginDialog
    from firstask_desktop.gui.session import Session

    Session(store).set_actor(people["李娜"])
    # The next start reads this PC's settings file anew; the register itself does not know.
    login = LoginDialog("城关供电所", Session(store).prefs.last_user)
    qtbot.addWidget(login)
    login.show()
    settle(qtbot)
    assert login.panel.selected_name() == "李娜"
    nobody = LoginDialog("城关供电所", "")
    qtbot.addWidget(nobody)
    nobody.show()
    settle(qtbot)
    assert nobody.panel.selected_name() == ""


def test_a_wrong_password_at_the_lock_screen_blames_the_password_not_the_name(
    window, people, qtbot
):
    window.lock()
    screen = window.lock_screen
    qtbot.keyClicks(screen.password, "wrong-password")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    settle(qtbot)
    # The name is fixed on this screen: only the password can be wrong.
    assert screen.error.text().startswith("密码不正确，请重新输入（再错4次")
    assert "姓名" not in screen.error.text()
