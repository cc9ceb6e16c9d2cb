"""Auto-lock: keyboard and mouse use is noticed where it arrives, at the app's windows; after the
set idle minutes without any, the main window locks (a shared counter PC, customers' data).

The watcher filters the events of each top-level window (the main window, dialogs, entry windows:
every one of them is focused when it opens), not of the whole application: an application-wide
filter is called from Qt into Python for every event of every widget (each paint, timer, layout),
which cost the window a tenth of its start and made scrolling slower (docs/benchmarks.md)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow

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
        self._app: QGuiApplication | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._on_idle)
        self.set_minutes(minutes)

    def watch(self, app: QGuiApplication) -> None:
        """Watch every window the app has and every window it focuses from now on."""
        self._app = app
        app.focusWindowChanged.connect(self.watch_window)
        for window in app.topLevelWindows():
            self.watch_window(window)

    def watch_window(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # once: Qt replaces a filter installed before

    def stop(self) -> None:
        """No more locking, nor watching (the window closes)."""
        self.set_minutes(0)
        if self._app is not None:
            self._app.focusWindowChanged.disconnect(self.watch_window)
            for window in self._app.topLevelWindows():
                window.removeEventFilter(self)
            self._app = None

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
