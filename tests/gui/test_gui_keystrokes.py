"""The keystroke budget: a walk-in complaint from Ctrl+N to the printed receipt, without a mouse.

A clerk with a customer at the counter registers with the keyboard alone. Every key goes to the
widget that has the focus, as a keyboard would send it; text is typed (Chinese as an input
method commits it) and not counted; every other key — Tab, a choice's digit, a shortcut — is a
navigation key, and there are at most twelve of them.
"""

from __future__ import annotations

import pytest
from gui_helpers import settle
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from firstask_desktop.store.models import Entry

BUDGET = 12


class Keyboard:
    """Keys and text sent to whatever has the focus, the navigation keys counted."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.navigation: list[str] = []

    def focused(self):
        widget = QApplication.focusWidget()
        assert widget is not None, "no widget has the keyboard focus"
        return widget

    def press(self, key, modifiers=Qt.KeyboardModifier.NoModifier, name: str = "") -> None:
        self.navigation.append(name or Qt.Key(key).name)
        QTest.keyClick(self.focused(), key, modifiers)
        settle(self.qtbot)

    def type(self, text: str) -> None:
        """Typed text: ASCII key by key, Chinese as an input method commits it."""
        widget = self.focused()
        if text.isascii():
            QTest.keyClicks(widget, text)
        else:
            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(widget, event)

    def field(self, form) -> str:
        """The form field the focus is in (a date-time edit focuses its inner line edit)."""
        widget = self.focused()
        while widget is not None and not hasattr(form.ui, widget.objectName()):
            widget = widget.parentWidget()
        return widget.objectName() if widget is not None else ""


@pytest.fixture
def counter(session, qtbot):
    """The main window of 李娜, who has dismissed the first-start welcome, at rest."""
    from firstask_desktop.gui.app import open_main_window

    session.prefs.dismiss_welcome("李娜")
    win = open_main_window(QApplication.instance(), session)
    qtbot.addWidget(win)
    win.notifier.timer.stop()
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    settle(qtbot)
    yield win
    win.idle.stop()
    if win.receipt_preview is not None:
        win.receipt_preview.close()


def test_a_walk_in_complaint_to_its_printed_receipt_in_twelve_keys(counter, qtbot):
    keys = Keyboard(qtbot)
    window = counter

    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier, "Ctrl+N")
    form = window.entry_form
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    assert keys.field(form) == "channel" and form.ui.channel.value() == "visit"  # 来访 given
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_3, name="3 投诉")
    assert form.ui.category.value() == "complaint"
    keys.press(Qt.Key.Key_Tab)  # 受理时间: now, as given
    keys.press(Qt.Key.Key_Tab)
    assert keys.field(form) == "visitor"
    keys.type("王秀兰")
    keys.press(Qt.Key.Key_Tab)  # 单位: a person comes alone
    keys.press(Qt.Key.Key_Tab)
    assert keys.field(form) == "address"
    keys.type("城关镇东街12号")
    keys.press(Qt.Key.Key_Tab)
    assert keys.field(form) == "phone"
    keys.type("13912345678")
    keys.press(Qt.Key.Key_Tab)  # 户号: not on her
    keys.press(Qt.Key.Key_Tab)
    assert keys.field(form) == "matter"
    keys.type("晚上电压低，冰箱启动不了")

    # 保存并打印回执: the print dialog of the receipt opens by itself (closed with Esc here).
    printed = []

    def answer_the_print_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QPrintDialog):
            printed.append(dialog.printer().docName())
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
        else:
            watcher.start()

    watcher = QTimer(singleShot=True, interval=50)
    watcher.timeout.connect(answer_the_print_dialog)
    watcher.start()
    keys.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier, "Ctrl+P")
    qtbot.waitUntil(lambda: bool(printed), timeout=30000)
    watcher.stop()

    assert len(keys.navigation) <= BUDGET, keys.navigation
    entry = Entry.get()
    assert (entry.channel, entry.category, entry.visitor, entry.address) == (
        "visit",
        "complaint",
        "王秀兰",
        "城关镇东街12号",
    )
    assert entry.phone == "13912345678" and entry.matter == "晚上电压低，冰箱启动不了"
    assert not form.isVisible()
    preview = window.receipt_preview
    assert preview is not None and preview.document.pageCount() == 1
    assert entry.serial in preview.windowTitle()
    assert printed == [f"受理回执-{entry.serial}.pdf"]


def test_the_form_tells_the_clerk_the_print_shortcut(session, qtbot):
    from firstask_desktop.gui.entry_form import EntryForm

    form = EntryForm(session)
    qtbot.addWidget(form)
    form.show()
    settle(qtbot)
    assert "Ctrl+P" in form.print_button.text() and form.print_button.isVisible()
    save = form.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    assert "Ctrl+P" in save.toolTip()  # where a clerk who knows Ctrl+S looks
    form.discard()
