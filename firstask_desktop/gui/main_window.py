"""The main window: a navigation rail of the register's screens, the status bar, the lock."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from firstask_desktop.domain.vocab import ROLES

from . import operations, tasks
from .icons import icon
from .labels import label
from .messages import error_text
from .style import styled
from .widgets import Retranslating

PAGES = ("register", "todo", "follow_up", "customers", "stats", "assess", "sync", "settings")
# The county office's day starts with every station at a glance.
COUNTY_PAGES = ("overview", *PAGES)
COUNTS_REFRESH_MS = 5 * 60 * 1000  # due states change with the clock, not only with writes


class _Pages(dict):
    """The window's pages by name, each made the first time it is shown or asked for: at start
    only the register is built, so the window opens sooner (docs/benchmarks.md). ``name in
    pages`` tells whether a page exists yet."""

    def __init__(self, build):
        super().__init__()
        self._build = build

    def __missing__(self, name: str) -> QWidget:
        page = self[name] = self._build(name)
        return page


class MainWindow(Retranslating, QMainWindow):
    # The register's first rows are in and painted: the start-up chores (reminder, backup,
    # daily check) may run now without holding up the first screen.
    sig_started = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowIcon(icon("app"))
        self.detail_windows: dict[str, QWidget] = {}
        self.entry_form = None
        self.counts: dict[str, int] = {}
        self.printable: list[str] = []
        self.receipt_preview = None
        county = session.station is not None and session.station.mode == "county"
        self.page_names = COUNTY_PAGES if county else PAGES

        self.rail = QListWidget()
        styled(self.rail, "navRail")
        self.rail.setViewMode(QListView.ViewMode.IconMode)
        self.rail.setFlow(QListView.Flow.TopToBottom)
        self.rail.setMovement(QListView.Movement.Static)
        self.rail.setWrapping(False)
        self.rail.setIconSize(QSize(28, 28))
        self.rail.setGridSize(QSize(88, 66))
        self.rail.setFixedWidth(96)
        self.rail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = QStackedWidget()
        self.page = _Pages(self._build_page)
        for name in self.page_names:
            item = QListWidgetItem(icon(name), "")
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.rail.addItem(item)
            self.pages.addWidget(QWidget())  # the page's place; the page is made when needed
        self.page["register"]  # noqa: B018 - the page the window opens on, made now
        self.rail.currentRowChanged.connect(self._show_row)

        workspace = QWidget()
        row = QHBoxLayout(workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.rail)
        row.addWidget(self.pages, 1)

        self._lock_screen = None  # made when the window first locks
        self.shell = QStackedWidget()
        self.shell.addWidget(workspace)
        self.setCentralWidget(self.shell)

        self.station_label = QLabel()
        self.actor_label = QLabel()
        self.counts_label = QLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.lock_button = QPushButton(icon("lock"), "")
        self.lock_button.setFlat(True)
        self.lock_button.clicked.connect(self.lock)
        bar = self.statusBar()
        bar.addWidget(self.station_label)
        bar.addWidget(self.actor_label)
        bar.addWidget(self.counts_label, 1)
        bar.addPermanentWidget(self.lock_button)

        self._make_actions()
        from .help_menu import HelpMenu

        self.help = HelpMenu(self, self.page_names)
        self.rail.setCurrentRow(0)
        session.data_changed.connect(self.refresh_all)
        session.actor_changed.connect(self._show_identity)
        self._counts_timer = QTimer(self, interval=COUNTS_REFRESH_MS)
        self._counts_timer.timeout.connect(self.refresh_counts)
        self._counts_timer.start()
        self.retranslate()
        # The status bar's counts and what may be printed once the register's first page is in:
        # the rows show first (the reads share one processor with it on an old PC).
        self.page["register"].table.model.sig_loading.connect(self._first_page_done)
        self.resize(1280, 720)

    def _first_page_done(self, loading: bool) -> None:
        if not loading:
            self.page["register"].table.model.sig_loading.disconnect(self._first_page_done)
            tasks.after_first_paint(self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self.refresh_counts()
        tasks.run_task(operations.printable_kinds, on_success=self._set_printable, owner=self)
        self.sig_started.emit()

    def _set_printable(self, kinds: list[str]) -> None:
        self.printable = kinds
        self.page["register"].set_printable(kinds)

    # --- building ---------------------------------------------------------------------------

    def _build_page(self, name: str) -> QWidget:
        """Make a page in its place in the stack (first shown, or first asked for by name)."""
        page = self._make_page(name)
        index = self.page_names.index(name)
        place = self.pages.widget(index)
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(place)
        place.deleteLater()
        if self.counts and hasattr(page, "set_counts"):
            page.set_counts(self.counts)
        return page

    def _show_row(self, row: int) -> None:
        self.page[self.page_names[row]]  # noqa: B018 - made on its first visit
        self.pages.setCurrentIndex(row)

    def _make_page(self, name: str) -> QWidget:
        session = self.session
        if name == "overview":
            from .county_overview_view import CountyOverviewPage

            page = CountyOverviewPage(session)
            page.sig_open_station.connect(self.open_station)
        elif name == "register":
            from .register_view import RegisterPage

            page = RegisterPage(session)
            page.sig_new_entry.connect(self.new_entry)
        elif name == "todo":
            from .todo_view import TodoPage

            page = TodoPage(session)
        elif name == "follow_up":
            from .follow_up_view import FollowUpPage

            page = FollowUpPage(session)
            page.sig_follow_up.connect(lambda serial: self.open_entry(serial, action="follow_up"))
        elif name == "customers":
            from .customers_view import CustomersPage

            page = CustomersPage(session)
        elif name == "stats":
            from .stats_view import StatsPage

            page = StatsPage(session)
        elif name == "assess":
            from .assess_view import AssessPage

            page = AssessPage(session)
        elif name == "sync":
            from .sync_view import SyncPage

            page = SyncPage(session)
        else:
            from .settings_view import SettingsPage

            page = SettingsPage(session)
        if hasattr(page, "sig_open_entry"):
            page.sig_open_entry.connect(self.open_entry)
        return page

    def _make_actions(self) -> None:
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_entry)
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh_all)
        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self.focus_search)
        for action in (self.new_action, self.lock_action, self.refresh_action, self.search_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        # Lock and new entry work from any of the app's windows (an entry's detail, a preview).
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.new_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)

    def retranslate(self) -> None:
        station = self.session.station
        self.setWindowTitle(self.tr("首问登记 — {0}").format(station.name if station else ""))
        titles = {
            "overview": self.tr("总览"),
            "register": self.tr("登记簿"),
            "todo": self.tr("待办"),
            "follow_up": self.tr("回访"),
            "customers": self.tr("客户"),
            "stats": self.tr("统计"),
            "assess": self.tr("考核"),
            "sync": self.tr("同步"),
            "settings": self.tr("设置"),
        }
        for row, name in enumerate(self.page_names):
            self.rail.item(row).setText(titles[name])
            self.rail.item(row).setToolTip(titles[name])
        self._fit_rail()
        self.help.retranslate()
        self.lock_button.setText(self.tr("锁定 (Ctrl+L)"))
        self.lock_button.setToolTip(self.tr("离开座位时锁定，客户信息将被隐藏"))
        self._show_identity()
        self._show_counts()

    def _fit_rail(self) -> None:
        """The rail as wide as its longest title ("Follow-ups", "Assessment"), never cut."""
        metrics = self.rail.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(self.rail.item(row).text())
            for row in range(self.rail.count())
        )
        width = max(88, widest + 16)
        self.rail.setGridSize(QSize(width, 38 + metrics.height()))
        self.rail.setFixedWidth(width + 8)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            # After the rail has its new font too (the order of the notices is Qt's).
            QTimer.singleShot(0, self._fit_rail)
        super().changeEvent(event)

    # --- status bar ---------------------------------------------------------------------------

    def _show_identity(self) -> None:
        station = self.session.station
        if station is not None:
            self.station_label.setText(self.tr("{0}（{1}）").format(station.name, station.code))
        actor = self.session.actor
        if actor is not None:
            role = label(ROLES.get(actor.role, actor.role))
            self.actor_label.setText(self.tr("当前人员：{0}（{1}）").format(actor.name, role))

    def refresh_counts(self) -> None:
        tasks.run_task(
            operations.counts,
            on_success=self._set_counts,
            owner=self,
            on_error=lambda err: self.statusBar().showMessage(error_text(err), 10000),
        )

    def _set_counts(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self._show_counts()
        for name in ("todo", "follow_up"):
            if name in self.page:  # a page not made yet gets the counts when it is
                self.page[name].set_counts(counts)

    def _show_counts(self) -> None:
        c = self.counts
        if not c:
            self.counts_label.setText("")
            return
        overdue = self.tr("已超期 {0} 条").format(c["overdue"])
        if c["overdue"]:
            overdue = f'<b style="color:#a00000">{overdue}</b>'
        self.counts_label.setText(
            " · ".join(
                [
                    overdue,
                    self.tr("今日到期 {0}").format(c["due_today"]),
                    self.tr("待回访 {0}").format(c["follow_up_due"]),
                    (
                        self.tr("各所待所长处理 {0}")
                        if self.page_names is COUNTY_PAGES
                        else self.tr("待所长处理 {0}")
                    ).format(c["escalated"]),
                ]
                + (
                    [self.tr("转办将到期 {0}").format(c["transfers_due"])]
                    if c.get("transfers_due")
                    else []
                )
            )
        )

    # --- actions ------------------------------------------------------------------------------

    def show_page(self, name: str) -> None:
        self.rail.setCurrentRow(self.page_names.index(name))

    def open_station(self, code: str, overdue: bool) -> None:
        """The county: one station's register (its overdue entries only, if asked)."""
        self.show_page("register")
        self.page["register"].show_station(code, overdue)

    def focus_search(self) -> None:
        self.show_page("register")
        self.page["register"].search.setFocus()

    def refresh_all(self) -> None:
        for name in ("overview", "register", "todo", "follow_up"):
            if name in self.page:  # a page made later reads fresh data then
                self.page[name].refresh()
        self.refresh_counts()

    def new_entry(self) -> None:
        if self.is_locked() or not self.page["register"].may_register:
            return  # locked, or an install that registers nothing (the county)
        if self.entry_form is not None and self.entry_form.isVisible():
            self.entry_form.raise_()
            self.entry_form.activateWindow()
            return
        from .entry_form import EntryForm

        self.entry_form = EntryForm(self.session, self)
        self.entry_form.sig_entry_saved.connect(self._entry_saved)
        self.entry_form.show()

    def _entry_saved(self, entry: dict) -> None:
        due = entry.get("due_at")
        text = self.tr("已登记 {0}，首问责任人 {1}").format(entry["serial"], entry["responder"])
        if due:
            text += self.tr("，承诺时限 {0}").format(due.replace("T", " "))
        self.statusBar().showMessage(text, 15000)
        self.session.data_changed.emit()
        # 保存并打印回执 (Ctrl+P) prints at once; a plain save offers the receipt if set so.
        print_now = self.entry_form is not None and self.entry_form.print_receipt
        if (print_now or self.session.prefs.print_after_save) and "receipt" in self.printable:
            # The visitor at the counter takes the receipt: it is ready to print at once.
            tasks.run_task(
                operations.build_document,
                "receipt",
                entry["serial"],
                owner=self,
                on_success=lambda data, serial=entry["serial"]: self._show_receipt(
                    serial, data, print_now
                ),
                on_error=lambda err: self.statusBar().showMessage(error_text(err), 30000),
            )

    def _show_receipt(self, serial: str, data: bytes, print_now: bool = False) -> None:
        from .pdf_preview import PdfPreview

        self.receipt_preview = PdfPreview(
            data,
            self.tr("受理回执 {0}").format(serial),
            self.tr("受理回执-{0}.pdf").format(serial),
            self,
            copies=self.session.prefs.receipt_copies,
        )
        self.receipt_preview.show()
        self.receipt_preview.print_button.setFocus()
        if print_now:
            # From the event loop: the print dialog is modal and must not wait inside this
            # worker's callback.
            QTimer.singleShot(0, self.receipt_preview.print_document)

    def open_entry(self, serial: str, action: str = "") -> None:
        if self.is_locked() or not serial:
            return
        window = self.detail_windows.get(serial)
        if window is None or not window.isVisible():
            from .entry_detail import EntryDetail

            window = EntryDetail(self.session, serial, self)
            window.sig_closed.connect(lambda s=serial: self.detail_windows.pop(s, None))
            window.sig_open_entry.connect(self.open_entry)  # a duplicate's link
            self.detail_windows[serial] = window
            window.show()
        window.raise_()
        window.activateWindow()
        if action:
            window.run_when_loaded(action)

    # --- lock -----------------------------------------------------------------------------------

    @property
    def lock_screen(self):
        if self._lock_screen is None:
            from .lock_screen import LockScreen

            self._lock_screen = LockScreen(self.session)
            self._lock_screen.sig_unlocked.connect(self.unlock)
            self.shell.addWidget(self._lock_screen)
        return self._lock_screen

    def is_locked(self) -> bool:
        return self._lock_screen is not None and self.shell.currentWidget() is self._lock_screen

    def lock(self) -> None:
        """Hide every screen with customers' data until the password is typed again."""
        if self.is_locked():
            return
        self._hidden_windows = [
            w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible()
        ]
        for window in self._hidden_windows:
            window.hide()
        self.lock_screen.prepare()
        self.shell.setCurrentWidget(self.lock_screen)
        self.rail.setEnabled(False)
        for action in (self.new_action, self.refresh_action, self.search_action):
            action.setEnabled(False)
        self.lock_button.setEnabled(False)

    def unlock(self, same_person: bool) -> None:
        windows = getattr(self, "_hidden_windows", [])
        self._hidden_windows = []
        for window in windows:
            if same_person:
                window.show()
            else:
                # Another clerk: the last one's open forms are not theirs to see.
                getattr(window, "discard", window.close)()
        self.shell.setCurrentIndex(0)
        self.rail.setEnabled(True)
        for action in (self.new_action, self.refresh_action, self.search_action):
            action.setEnabled(True)
        self.lock_button.setEnabled(True)
        if not same_person:
            self.refresh_all()

    def closeEvent(self, event) -> None:
        for window in list(self.detail_windows.values()):
            window.close()
        if self.entry_form is not None:
            self.entry_form.close()
            if self.entry_form.isVisible():
                event.ignore()  # the clerk chose to keep the unsaved form
                return
        super().closeEvent(event)
