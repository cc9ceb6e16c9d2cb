"""Auto-lock: an application-wide event filter notices keyboard and mouse use; after the set
idle minutes without any, the main window locks (a shared counter PC, customers' data)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.InputMethod,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    def __init__(self, minutes: int, on_idle, parent=None):
        super().__init__(parent)
        self._on_idle = on_idle
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._on_idle)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        """0 turns the lock off."""
        self.minutes = minutes
        self.set_interval_ms(minutes * 60 * 1000)

    def set_interval_ms(self, msecs: int) -> None:
        self._timer.stop()
        if msecs > 0:
            self._timer.setInterval(msecs)
            self._timer.start()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in ACTIVITY and self._timer.interval() > 0 and self.minutes > 0:
            self._timer.start()  # restart the countdown
        return False

    def is_armed(self) -> bool:
        return self._timer.isActive()
