"""The summary of what is due, at start and every hour: a tray/desktop notification where the
system has a tray, else a message in the main window's status bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QSystemTrayIcon

from . import operations, tasks
from .icons import icon

HOUR_MS = 60 * 60 * 1000


def summary_text(counts: dict[str, int]) -> str:
    """One line a clerk reads at a glance; empty when nothing is due."""
    parts = []
    if counts.get("overdue"):
        parts.append(
            QCoreApplication.translate("Notifier", "已超期 {0} 条").format(counts["overdue"])
        )
    if counts.get("due_today"):
        parts.append(
            QCoreApplication.translate("Notifier", "今日到期 {0} 条").format(counts["due_today"])
        )
    if counts.get("follow_up_due"):
        parts.append(
            QCoreApplication.translate("Notifier", "待回访 {0} 条").format(counts["follow_up_due"])
        )
    if counts.get("transfers_due"):
        parts.append(
            QCoreApplication.translate("Notifier", "转办即将到期 {0} 条，请督办").format(
                counts["transfers_due"]
            )
        )
    if counts.get("escalated"):
        parts.append(
            QCoreApplication.translate("Notifier", "上报待所长处理 {0} 条").format(
                counts["escalated"]
            )
        )
    text = "，".join(parts)
    notice = counts.get("holiday_notice")
    if notice:
        # Next year's holidays: said in the reminder too, so that nobody is surprised in January.
        text = f"{text}。{notice}" if text else notice
    return text


class Notifier(QObject):
    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window = window
        self.last_text = ""
        self.tray = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon("app"), self)
            self.tray.setToolTip(self.tr("首问登记"))
            self.tray.activated.connect(lambda _reason: self._show_window())
            self.tray.messageClicked.connect(self._show_window)
            self.tray.show()
        self.timer = QTimer(self, interval=HOUR_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        tasks.run_task(
            operations.counts, on_success=self.notify, on_error=lambda _e: None, owner=self
        )

    def notify(self, counts: dict[str, int]) -> None:
        text = summary_text(counts)
        self.last_text = text
        if not text:
            return
        title = self.tr("首问登记：待办提醒")
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15000)
        else:
            self.window.statusBar().showMessage(f"{title} {text}", 60000)

    def _show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        self.window.show_page("todo")
