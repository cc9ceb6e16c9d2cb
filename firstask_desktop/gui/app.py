"""Starting the desktop app: font, language, data folder, first-run wizard or login, window."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from .. import __version__, config, db
from ..services.station import local_station
from ..storage import open_store
from . import fonts, i18n, tasks
from .icons import icon
from .prefs import Prefs
from .session import Session, StartOptions
from .style import STYLE_SHEET

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("FirstAsk")
    app.setOrganizationName("FirstAsk")
    app.setApplicationDisplayName(QCoreApplication.translate("app", "首问登记"))
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icon("app"))
    app.setStyleSheet(STYLE_SHEET)
    return app


def apply_look(app: QApplication, prefs: Prefs) -> None:
    """The bundled CJK font at the chosen size, and the chosen language."""
    family = getattr(app, "_firstask_font", None)
    if family is None:
        family = fonts.register_cjk_font()
        app._firstask_font = family or ""
    fonts.apply_app_font(app, family or None, prefs.text_size)
    i18n.set_language(app, prefs.language)


def _excepthook(kind, value, trace) -> None:
    """A bug in a slot must not vanish (Qt swallows it) nor kill the clerk's work silently."""
    log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, trace)))
    if QApplication.instance() is not None:
        from .messages import show_error

        show_error(None, value)


def open_main_window(app: QApplication, session: Session):
    """The main window with its auto-lock, hourly reminder and live preferences."""
    from .idle import IdleWatcher
    from .main_window import MainWindow
    from .notifier import Notifier

    window = MainWindow(session)
    window.idle = IdleWatcher(session.lock_minutes, window.lock, window)
    app.installEventFilter(window.idle)
    window.notifier = Notifier(window)

    def preference_changed(name: str) -> None:
        if name in ("language", "text_size"):
            apply_look(app, session.prefs)
        if name == "lock_minutes":
            window.idle.set_minutes(session.lock_minutes)

    session.prefs_changed.connect(preference_changed)
    return window


def _fits_screen(window) -> None:
    screen = window.screen().availableGeometry()
    if screen.width() <= 1400 or screen.height() <= 800:
        window.showMaximized()
    else:
        window.show()


def main(options=None) -> int:
    options = options or StartOptions()
    app = create_application()
    sys.excepthook = _excepthook
    folder = config.data_dir(getattr(options, "data_dir", None))
    try:
        open_store(folder)
    except Exception as err:  # noqa: BLE001 - say it in Chinese and stop
        QMessageBox.critical(
            None,
            QCoreApplication.translate("app", "无法打开数据"),
            QCoreApplication.translate(
                "app", "无法打开数据文件夹 {0}：{1}\n请检查磁盘，或联系县公司。"
            ).format(folder, err),
        )
        return 1
    session = Session(folder)
    apply_look(app, session.prefs)
    try:
        return _run(app, session, getattr(options, "acting", "") or "")
    finally:
        tasks.wait_for_workers()
        db.close()


def _run(app: QApplication, session: Session, acting: str) -> int:
    from .login import LoginDialog
    from .wizard import SetupWizard

    first_user = ""
    if local_station() is None:
        wizard = SetupWizard()
        if wizard.exec() != QDialog.DialogCode.Accepted or local_station() is None:
            return 0
        first_user = wizard.admin_name
    session.station = local_station()
    login = LoginDialog(session.station.name, acting or first_user or session.prefs.last_user)
    if login.exec() != QDialog.DialogCode.Accepted:
        return 0
    session.set_actor(login.staff)
    window = open_main_window(app, session)
    _fits_screen(window)
    window.notifier.check()
    return app.exec()
