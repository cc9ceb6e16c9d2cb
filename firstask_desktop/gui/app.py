"""Starting the desktop app: font, language, data folder, first-run wizard or login, window."""

from __future__ import annotations

import gc
import logging
import sys
import traceback

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from firstask_desktop.store import config, db
from firstask_desktop.store.storage import open_store, upgrade_pending

from .. import __version__
from ..services.station import local_station
from . import collector, fonts, i18n, operations, screen_fit, tasks
from .icons import icon
from .messages import core_text
from .prefs import Prefs
from .session import Session, StartOptions

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
    screen_fit.install(app)
    collector.install(app)  # Qt objects in garbage cycles are freed on this thread only
    return app


def font_family(app: QApplication) -> str | None:
    """The bundled CJK font, registered once per process."""
    family = getattr(app, "_firstask_font", None)
    if family is None:
        family = fonts.register_cjk_font() or ""
        app._firstask_font = family
    return family or None


def apply_look(app: QApplication, prefs: Prefs) -> None:
    """The bundled CJK font at the chosen size, and the chosen language."""
    fonts.apply_app_font(app, font_family(app), prefs.text_size)
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
    window.idle.watch(app)
    window.winId()  # its platform window now, so that it is watched before it is first focused
    window.idle.watch_window(window.windowHandle())
    window.notifier = Notifier(window)

    def preference_changed(name: str) -> None:
        if name in ("language", "text_size"):
            apply_look(app, session.prefs)
        if name == "lock_minutes":
            window.idle.set_minutes(session.lock_minutes)

    session.prefs_changed.connect(preference_changed)
    # What start-up made (modules, classes, Qt wrappers: most of the objects the process will
    # ever have) lives as long as the app: set aside from the garbage collector, whose full
    # passes otherwise went through all of it and stopped the window 25-35 ms while scrolling
    # (docs/benchmarks.md).
    window.sig_started.connect(_set_aside_from_collector)
    return window


def _set_aside_from_collector() -> None:
    gc.collect()  # the cyclic garbage of start-up first: frozen, it would never be freed
    gc.freeze()


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
    # Before the first message box: a PC without a CJK font would show boxes, not Chinese.
    fonts.apply_app_font(app, font_family(app))
    folder = config.data_dir(getattr(options, "data_dir", None))
    try:
        if not _open_data(folder):
            return 1
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
        return _run(
            app,
            session,
            getattr(options, "acting", "") or "",
            getattr(options, "open_file", None),
        )
    finally:
        tasks.wait_for_workers()
        db.close()


def _open_data(folder) -> bool:
    """Check the register file before opening it (power cuts, failing disks); offer the newest
    good backup when it is damaged; warn about a clock that cannot be right."""
    from firstask_desktop.services.backup import restore
    from firstask_desktop.services.clock import clock_warning
    from firstask_desktop.services.startup import startup_check

    report = startup_check(folder)
    if not report.ok:
        title = QCoreApplication.translate("app", "登记簿已损坏")
        if report.newest_good_backup is None:
            QMessageBox.critical(None, title, report.message)
            return False
        question = report.message + QCoreApplication.translate("app", "\n\n现在用这个备份恢复吗？")
        answer = QMessageBox.question(None, title, question)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        result = restore(folder, report.newest_good_backup.path)
        text = QCoreApplication.translate("app", "已用备份 {0} 恢复登记簿。").format(
            result.restored_from.name
        )
        if result.kept_aside is not None:
            text += QCoreApplication.translate("app", "损坏的文件保留在：{0}").format(
                result.kept_aside
            )
        if result.problems:
            text += "\n" + "；".join(result.problems)
        QMessageBox.information(None, title, text)
    if upgrade_pending(folder):
        _open_with_upgrade_notice(folder)
    else:
        open_store(folder)
    warning = clock_warning()
    if warning:
        QMessageBox.warning(None, QCoreApplication.translate("app", "电脑时钟不对"), warning)
    return True


def _open_with_upgrade_notice(folder) -> None:
    """Open a register an older version wrote: the file is copied aside and upgraded first
    (about 10 s on ten years of entries), on the writing thread, while a window says so."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QProgressDialog

    dialog = QProgressDialog(
        QCoreApplication.translate(
            "app",
            "正在把登记簿升级到新版本（原文件已先备份）……\n"
            "登记多的要等十几秒，请不要关闭程序或电脑。",
        ),
        "",
        0,
        0,
    )
    dialog.setWindowTitle(QCoreApplication.translate("app", "首问登记：升级登记簿"))
    dialog.setCancelButton(None)  # a half-done upgrade is undone anyway; nothing to cancel
    dialog.setMinimumDuration(0)
    dialog.show()
    loop = QEventLoop()
    failed = []

    def stop(error=None) -> None:
        if error is not None:
            failed.append(error)
        loop.quit()

    tasks.run_task(
        operations.open_data_folder, folder, on_success=lambda _path: stop(), on_error=stop
    )
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    if failed:
        raise failed[0]


def _backup_if_due(session: Session, window) -> None:
    """The daily automatic copy, in the background (a failure is said, not hidden)."""
    tasks.run_task(
        operations.backup_if_due,
        session.folder,
        owner=window,
        on_success=lambda _path: None,
        on_error=lambda err: window.statusBar().showMessage(
            QCoreApplication.translate("app", "自动备份没有成功：{0}").format(core_text(str(err))),
            60000,
        ),
    )


def scan_assessment_if_due(session: Session, window, today=None) -> None:
    """The daily check for breaches (督办与考核), once a day, in the background after login.

    It only proposes; the station head confirms or dismisses on the 考核 page. A county install
    merges stations' registers and has no head to decide: it does not check.
    """
    from datetime import date

    from firstask_desktop.domain import permissions

    day = (today or date.today()).isoformat()
    station = session.station
    if station is None or station.mode == "county" or session.prefs.last_assessment_scan == day:
        return

    def done(new: int) -> None:
        session.prefs.last_assessment_scan = day
        window.page["assess"].refresh()
        if new and permissions.can(session.actor, "assess"):
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "app", "今日考核检查：新发现 {0} 条考核建议，请到“考核”页逐条确认或驳回。"
                ).format(new),
                60000,
            )

    tasks.run_task(
        operations.assessment_scan,
        owner=window,
        on_success=done,
        on_error=lambda err: window.statusBar().showMessage(
            QCoreApplication.translate("app", "今日考核检查没有完成：{0}").format(
                core_text(str(err))
            ),
            60000,
        ),
    )


def _run(app: QApplication, session: Session, acting: str, open_file: str | None = None) -> int:
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

    def chores() -> None:
        window.notifier.check()
        _backup_if_due(session, window)
        scan_assessment_if_due(session, window)

    window.sig_started.connect(chores)
    if open_file:
        # A double-clicked .fasync: take it in on the 同步 page, with its progress and result.
        window.show_page("sync")
        window.page["sync"].import_files([open_file])
    return app.exec()
