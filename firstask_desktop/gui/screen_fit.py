"""Every window stays on the screen: a station PC has 1366×768, or 1280×720 at 150 % scaling.

Installed once on the application (``install``): whenever a window is shown or grows, it is made
no larger than the screen area it may use, its frame counted, and moved back inside. Windows
whose content could be larger scroll it inside (``scroll_body``), so that shrinking them hides
nothing that cannot be reached, and their buttons stay in view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QFrame, QLayout, QScrollArea, QVBoxLayout, QWidget

# A Windows 10/11 title bar and borders at 100 % (logical pixels): counted while the system has
# not drawn the frame yet (before the first show) or draws none (an X server without a window
# manager, as in the tests).
WINDOWS_FRAME = QMargins(8, 32, 8, 8)
# Windows 11's taskbar; kept free when the system reports the whole screen as usable.
TASKBAR = 48


def usable_area(screen: QScreen) -> QRect:
    area = screen.availableGeometry()
    if area == screen.geometry():
        area = area.adjusted(0, 0, 0, -TASKBAR)
    return area


def frame_margins(window: QWidget) -> QMargins:
    frame, inner = window.frameGeometry(), window.geometry()
    if frame == inner:
        return WINDOWS_FRAME
    return QMargins(
        inner.left() - frame.left(),
        inner.top() - frame.top(),
        frame.right() - inner.right(),
        frame.bottom() - inner.bottom(),
    )


def fit_on_screen(window: QWidget) -> None:
    """Shrink ``window`` to the usable area (frame included) and move it wholly inside."""
    if window.isMaximized() or window.isFullScreen():
        return
    screen = window.screen()
    if screen is None:
        return
    area = usable_area(screen)
    margins = frame_margins(window)
    width = min(window.width(), area.width() - margins.left() - margins.right())
    height = min(window.height(), area.height() - margins.top() - margins.bottom())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    left = area.left() + margins.left()
    top = area.top() + margins.top()
    right = area.right() - margins.right() - window.width() + 1
    bottom = area.bottom() - margins.bottom() - window.height() + 1
    x = max(left, min(window.x(), right))
    y = max(top, min(window.y(), bottom))
    if (x, y) != (window.x(), window.y()):
        window.move(x, y)


class _ScreenFit(QObject):
    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if (
            kind in (QEvent.Type.Show, QEvent.Type.Resize)
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
        ):
            fit_on_screen(watched)
        return False


def install(app: QApplication) -> None:
    # Offscreen (screenshots, tests) has no real screen, only a made-up 800×600 one: windows
    # there are drawn at the size they ask for.
    if app.platformName() == "offscreen":
        return
    if getattr(app, "_firstask_screen_fit", None) is None:
        app._firstask_screen_fit = _ScreenFit(app)
        app.installEventFilter(app._firstask_screen_fit)


def scroll_body(dialog: QWidget, layout: QLayout, keep: int) -> QScrollArea:
    """Move all but the last ``keep`` items of ``layout`` into a scroll area in their place, so
    the dialog may be smaller than its content while the last items (its buttons) stay in view."""
    body = QWidget()
    body_layout = QVBoxLayout(body)
    body_layout.setContentsMargins(0, 0, 0, 0)
    while layout.count() > keep:
        stretch = layout.stretch(0)
        item = layout.takeAt(0)
        if item.widget() is not None:
            body_layout.addWidget(item.widget(), stretch)
        elif item.layout() is not None:
            body_layout.addLayout(item.layout(), stretch)
        else:
            body_layout.addItem(item)
    area = QScrollArea(dialog)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(body)
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(0, area, 1)
    return area
