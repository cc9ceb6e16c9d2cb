"""GUI fixtures: a session on a real data folder, and helpers a clerk's hands would use."""

from __future__ import annotations

from datetime import datetime

import pytest
import time_machine
from gui_helpers import settle
from PySide6.QtWidgets import QApplication, QMessageBox

from firstask_desktop.gui import tasks

# The screens show "today", this month, what is due in three hours: a GUI test that read the
# real clock failed around midnight and at a month's end. Each starts at the same Wednesday
# afternoon; the clock still ticks (timers, waits) from there. (The screenshot tour needs the
# demo to hold a replied entry of the clerk's, which depends on the day the demo is built.)
GUI_NOW = datetime(2026, 12, 2, 16, 0)


@pytest.fixture(scope="session")
def qapp(qapp_args):
    """The application as the product sets it up (its names, its garbage collected on the GUI
    thread only), not a bare QApplication."""
    from firstask_desktop.gui.app import create_application

    return create_application(qapp_args)


@pytest.fixture(autouse=True)
def _the_same_afternoon_for_every_gui_test():
    with time_machine.travel(GUI_NOW, tick=True):
        yield


@pytest.fixture(autouse=True)
def _workers_done_before_the_database_closes():
    yield
    tasks.wait_for_workers()
    QApplication.processEvents()


@pytest.fixture
def answers(monkeypatch):
    """Modal message boxes answered without a human: record what was asked, answer Yes
    (or what the test put in ``answers.reply``)."""

    class Answers:
        reply = QMessageBox.StandardButton.Yes
        asked: list[tuple[str, str]] = []
        shown: list[tuple[str, str]] = []

    box = Answers()
    box.asked, box.shown = [], []

    def question(parent, title, text, *args, **kwargs):
        box.asked.append((title, text))
        return box.reply

    def shown(parent, title, text, *args, **kwargs):
        box.shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, shown)
    return box


@pytest.fixture
def session(store, people, qapp):
    """李娜 (a clerk) logged in at the test station."""
    from firstask_desktop.gui.session import Session
    from firstask_desktop.services.station import local_station

    s = Session(store)
    s.station = local_station()
    s.set_actor(people["李娜"])
    return s


@pytest.fixture
def window(session, qtbot):
    """The main window as after login, its background reads done."""
    from firstask_desktop.gui.app import open_main_window

    win = open_main_window(qapp_instance(), session)
    qtbot.addWidget(win)
    win.notifier.timer.stop()
    win.show()
    settle(qtbot)
    yield win
    win.idle.stop()


def qapp_instance():
    return QApplication.instance()


@pytest.fixture
def complaint(people):
    """A walk-in complaint registered by 李娜 (its serial)."""
    from firstask_desktop.services import entries as svc

    return svc.register_entry(
        people["李娜"],
        channel="来访",
        category="投诉",
        visitor="张三",
        phone="13812345678",
        matter="电压偏低",
    ).serial
