"""Helpers for GUI tests: wait for background work, type like an input method."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from firstask_desktop.gui import tasks


def settle(qtbot, timeout: int = 15000) -> None:
    """Wait until every background task has delivered its result to the widgets."""
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=timeout)
    QApplication.processEvents()


def type_text(widget, text: str) -> None:
    """Type like an IME does: one committed string (qtbot.keyClicks aborts on Chinese)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def open_detail(session, serial: str, qtbot):
    """The entry detail of ``serial`` as ``session``'s person opens it, its reads done."""
    from firstask_desktop.gui.entry_detail import EntryDetail

    detail = EntryDetail(session, serial)
    qtbot.addWidget(detail)
    detail.show()
    settle(qtbot)
    return detail
