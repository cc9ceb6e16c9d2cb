"""登记簿: the register with its filter bar (month, category, channel, status, responder, text)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from firstask_desktop.domain.vocab import CATEGORIES, CHANNELS, STATUSES

from ..services.queries import EntryFilter
from . import operations, tasks
from .entry_table import EntryTable
from .flow_layout import flow_widget
from .labels import choices
from .style import styled
from .widgets import Retranslating

OVERDUE = "overdue"  # the status filter's 已超期 choice
SEARCH_DELAY_MS = 350  # wait for the clerk to stop typing before asking SQL


class RegisterPage(Retranslating, QWidget):
    sig_new_entry = Signal()
    sig_open_entry = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.may_register = True
        self.month = QComboBox()
        self.category = QComboBox()
        self.channel = QComboBox()
        self.status = QComboBox()
        self.responder = QComboBox()
        self.station = QComboBox()  # a county install: which station's entries
        self.station.setVisible(False)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(150)
        for combo in self._filter_combos():
            # Whole words ("全部责任人", not "全部责任,"): the bar wraps instead of the combos
            # shrinking when the window is narrow (大 text, 150 %).
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.clear_button = QPushButton()
        self.print_button = QPushButton()
        self.print_button.setVisible(False)
        self.print_button.clicked.connect(self.print_register)
        self.progress = None
        self.preview = None
        self.new_button = QPushButton()
        styled(self.new_button, "primaryButton")
        self.new_button.clicked.connect(self.sig_new_entry)
        self.clear_button.clicked.connect(self.clear_filters)
        # Two rows, so the page still fits a 1366 px screen at 150 % scaling or with 大 text.
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.search, 1)
        top.addWidget(self.print_button)
        bar_holder, bar = flow_widget()
        self.bar_label = QLabel()
        bar.addWidget(self.bar_label)
        for widget in (
            self.station,
            self.month,
            self.category,
            self.channel,
            self.status,
            self.responder,
        ):
            bar.addWidget(widget)
        bar.addWidget(self.clear_button)
        self.table = EntryTable(session, self)
        self.table.sig_open_entry.connect(self.sig_open_entry)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(bar_holder)
        layout.addWidget(self.table, 1)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self._fill_fixed_choices()
        for combo in self._filter_combos():
            combo.currentIndexChanged.connect(self.apply_filter)
        self.retranslate()
        self.apply_filter()
        # The month, staff and station lists once the first page is in: the rows show first.
        self.table.model.sig_loading.connect(self._first_page_done)

    def _first_page_done(self, loading: bool) -> None:
        if not loading:
            self.table.model.sig_loading.disconnect(self._first_page_done)
            tasks.after_first_paint(self, self.refresh_choices)

    def retranslate(self) -> None:
        self.bar_label.setText(self.tr("筛选："))
        self.search.setPlaceholderText(self.tr("搜索：姓名、电话、户号、编号、事由或拼音首字母"))
        self.clear_button.setText(self.tr("清除筛选"))
        self.print_button.setText(self.tr("打印登记簿…"))
        self.print_button.setToolTip(
            self.tr("打印所选月份（未选时为本月）的登记簿，客户信息已遮挡，可上墙公示")
        )
        self.new_button.setText(self.tr("新登记 (Ctrl+N)"))
        for combo, text in (
            (self.month, self.tr("全部月份")),
            (self.category, self.tr("全部类别")),
            (self.channel, self.tr("全部渠道")),
            (self.status, self.tr("全部状态")),
            (self.responder, self.tr("全部责任人")),
            (self.station, self.tr("全部供电所")),
        ):
            if combo.count():
                combo.setItemText(0, text)
        if self.status.count() > 1:
            self.status.setItemText(1, self.tr("未办结（全部）"))
            self.status.setItemText(self.status.findData(OVERDUE), self.tr("已超期"))

    def _fill_fixed_choices(self) -> None:
        for combo, table in ((self.category, CATEGORIES), (self.channel, CHANNELS)):
            combo.addItem("", "")
            for code, text in choices(table):
                combo.addItem(text, code)
        self.status.addItem("", "")
        self.status.addItem("", "open")
        for code, text in choices(STATUSES):
            self.status.addItem(text, code)
        self.status.addItem("", OVERDUE)  # not a status: past a deadline, whatever the step
        self.month.addItem("", "")
        self.responder.addItem("", "")
        self.station.addItem("", "")

    def refresh_choices(self) -> None:
        """Months and staff change with the data; read them in the background."""
        tasks.run_task(operations.months, on_success=self._set_months, owner=self)
        tasks.run_task(operations.staff_names, on_success=self._set_staff, owner=self)
        tasks.run_task(
            operations.register_scope, self.session.actor, owner=self, on_success=self._set_scope
        )

    def _set_scope(self, scope: dict) -> None:
        """A county sees every station's entries (a station filter) and registers none."""
        self.may_register = scope["may_register"]
        self.new_button.setVisible(scope["may_register"])
        self.station.setVisible(bool(scope["stations"]))
        # Station names, not codes: the county speaks of 城关所, not GS0101.
        self._replace_items(self.station, scope["stations"])
        if scope["stations"]:
            # Wide enough for the longest name ("全部供电所" was cut to "全部供电").
            longest = max(len(name) for _code, name in scope["stations"])
            self.station.setMinimumContentsLength(max(5, longest) + 1)
            self.table.show_station_column(scope["short_names"])

    def _replace_items(self, combo: QComboBox, values: list) -> None:
        """Replace the choices after "all": values, or (data, text) pairs."""
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value in values:
            data, text = value if isinstance(value, tuple) else (value, value)
            combo.addItem(text, data)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def _filter_combos(self) -> tuple[QComboBox, ...]:
        return (self.station, self.month, self.category, self.channel, self.status, self.responder)

    def _set_months(self, months: list[str]) -> None:
        self._replace_items(self.month, months)

    def _set_staff(self, names: list[str]) -> None:
        self._replace_items(self.responder, names)

    def show_station(self, code: str, overdue: bool = False) -> None:
        """Only ``code``'s entries (the county's overview opens a station's register here);
        with ``overdue`` only those past a deadline."""
        if self.station.findData(code) < 0:
            self.station.addItem(code, code)  # before the choices are read: named later
        for combo, value in (
            (self.station, code),
            (self.status, OVERDUE if overdue else ""),
            (self.month, ""),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.apply_filter()

    def current_filter(self) -> EntryFilter:
        status = self.status.currentData() or ""
        return EntryFilter(
            month=self.month.currentData() or "",
            category=self.category.currentData() or "",
            channel=self.channel.currentData() or "",
            status="" if status == OVERDUE else status,
            overdue=status == OVERDUE,
            responder=self.responder.currentData() or "",
            search=self.search.text().strip(),
            station=self.station.currentData() or "",
        )

    def apply_filter(self, *_args) -> None:
        self.table.set_filter(self.current_filter())

    def clear_filters(self) -> None:
        for combo in self._filter_combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filter()

    def refresh(self) -> None:
        """After a write: the same filter, fresh rows."""
        self.refresh_choices()
        self.table.reload()

    # --- the wall register --------------------------------------------------------------------

    def set_printable(self, kinds: list[str]) -> None:
        self.print_button.setVisible("register" in kinds)

    def print_register(self) -> None:
        """The month's wall register (masked), built in the background with progress and
        cancel: a busy month is hundreds of rows."""
        from datetime import date

        from PySide6.QtWidgets import QProgressDialog

        month = self.month.currentData() or date.today().strftime("%Y-%m")
        self.progress = QProgressDialog(
            self.tr("正在生成 {0} 登记簿……").format(month), self.tr("取消"), 0, 100, self
        )
        self.progress.setWindowTitle(self.tr("打印登记簿"))
        self.progress.setMinimumDuration(0)
        self.progress.setValue(0)
        task = tasks.run_task(
            operations.build_document,
            "register",
            month,
            with_progress=True,
            owner=self,
            on_progress=self._register_progress,
            on_success=lambda data: self._register_ready(month, data),
            on_error=self._register_failed,
        )
        self.progress.canceled.connect(task.cancel)
        self.print_task = task

    def _register_progress(self, done: int, total: int, text: str) -> None:
        if self.progress is not None:
            self.progress.setValue(done)
            if text:
                self.progress.setLabelText(text)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.hide()
            self.progress = None

    def _register_failed(self, error: BaseException) -> None:
        from .messages import show_error

        self._close_progress()
        show_error(self, error)

    def _register_ready(self, month: str, data: bytes) -> None:
        from .pdf_preview import PdfPreview

        self._close_progress()
        self.preview = PdfPreview(
            data, self.tr("登记簿 {0}").format(month), self.tr("登记簿-{0}.pdf").format(month), self
        )
        self.preview.show()
