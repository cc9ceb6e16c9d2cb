"""总览: the county office's first page — every station at a glance, who is late, who has not
synced. A double-click opens that station's register (on the overdue columns: its overdue ones);
the overview prints and exports to Excel; each station's overdue list prints one per page."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from . import operations, tasks
from .file_dialogs import save_file_name
from .messages import error_text
from .operations import county_ops
from .style import styled
from .widgets import Retranslating, set_error

COL_STATION = 0
COL_ENTRIES = 1
COL_OPEN = 2
COL_OVERDUE = 3
COL_OLDEST = 4
COL_ESCALATED = 5
COL_REPLY = 6
COL_FOLLOW_UP = 7
COL_SATISFACTION = 8
COL_LAST_FILE = 9
COL_SYNC_AGE = 10
COL_PHONE = 11
COLUMN_COUNT = 12
OVERDUE_COLUMNS = (COL_OVERDUE, COL_OLDEST)
SortRole = Qt.ItemDataRole.UserRole + 1
CodeRole = Qt.ItemDataRole.UserRole + 2
LATE = (QColor("#fde0e0"), QColor("#a00000"))


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


class _Item(QTableWidgetItem):
    """A cell that sorts by its value (numbers as numbers, "—" last), not by its text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SortRole), other.data(SortRole)
        if mine is None or theirs is None:
            return theirs is None and mine is not None
        return mine < theirs


class CountyOverviewPage(Retranslating, QWidget):
    sig_open_station = Signal(str, bool)  # station code, overdue only

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.data: dict | None = None
        self.preview = None
        self.heading = QLabel()
        styled(self.heading, "pageHeading")
        self.month = QComboBox()
        self.month.setMinimumWidth(110)
        self.month.currentIndexChanged.connect(self.load)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.load)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_overview)
        self.excel_button = QPushButton()
        self.excel_button.clicked.connect(self.export_excel)
        self.overdue_button = QPushButton()
        self.overdue_button.clicked.connect(lambda: self.print_overdue(selected=True))
        self.all_overdue_button = QPushButton()
        self.all_overdue_button.clicked.connect(lambda: self.print_overdue(selected=False))
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.error = QLabel()
        set_error(self.error, "")
        self.notice = QLabel()
        self.result = QLabel()  # where the Excel file went
        self.result.setVisible(False)
        self.table = QTableWidget(0, COLUMN_COUNT)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_LAST_FILE, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        self.table.itemDoubleClicked.connect(self._open_station)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        # The county's own choice: how long a station may go without a sync file.
        self.interval_label = QLabel()
        self.interval = QSpinBox()
        self.interval.setRange(1, 366)
        self.interval_button = QPushButton()
        self.interval_button.clicked.connect(self.save_interval)
        for widget in (self.interval_label, self.interval, self.interval_button):
            widget.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.month)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.excel_button)
        actions = QHBoxLayout()
        actions.addWidget(self.overdue_button)
        actions.addWidget(self.all_overdue_button)
        actions.addStretch(1)
        actions.addWidget(self.interval_label)
        actions.addWidget(self.interval)
        actions.addWidget(self.interval_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addLayout(actions)
        self.retranslate()
        self._fill_months([])
        tasks.run_task(operations.months, on_success=self._fill_months, owner=self)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("各供电所总览："))
        self.refresh_button.setText(self.tr("刷新"))
        self.print_button.setText(self.tr("打印总览…"))
        self.excel_button.setText(self.tr("导出 Excel…"))
        self.overdue_button.setText(self.tr("打印所选供电所的超期清单…"))
        self.all_overdue_button.setText(self.tr("打印全部超期清单…"))
        self.interval_label.setText(self.tr("超过多少天没有同步文件算逾期："))
        self.interval.setSuffix(self.tr(" 天"))
        self.interval_button.setText(self.tr("保存"))
        self.notice.setText(
            self.tr(
                "双击一行打开该供电所的登记簿；双击“已超期”或“最久超期”只看它的超期登记。"
                "点列标题排序。"
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("供电所"),
                self.tr("本月登记"),
                self.tr("未办结"),
                self.tr("已超期"),
                self.tr("最久超期"),
                self.tr("待所长处理"),
                self.tr("答复及时率"),
                self.tr("回访及时率"),
                self.tr("满意率"),
                self.tr("最近同步文件"),
                self.tr("距今"),
                self.tr("电话"),
            ]
        )
        if self.data is not None:
            self._show(self.data)

    # --- loading --------------------------------------------------------------------------------

    def _fill_months(self, months: list[str]) -> None:
        this_month = date.today().strftime("%Y-%m")
        current = self.month.currentData() or this_month
        self.month.blockSignals(True)
        self.month.clear()
        for month in [this_month] + [m for m in months if m != this_month]:
            self.month.addItem(month, month)
        self.month.setCurrentIndex(max(0, self.month.findData(current)))
        self.month.blockSignals(False)
        self.load()

    def refresh(self) -> None:
        self.load()

    def load(self, *_args) -> None:
        month = self.month.currentData()
        if not month:
            return
        set_error(self.error, "")
        tasks.run_task(
            county_ops.overview,
            self.session.actor,
            month,
            owner=self,
            on_success=self._show,
            on_error=lambda err: set_error(self.error, error_text(err)),
        )

    def _show(self, data: dict) -> None:
        self.data = data
        stations = data["stations"]
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(stations))
        for row, station in enumerate(stations):
            self._fill_row(row, station)
        self.table.setSortingEnabled(True)
        totals = data["totals"]
        text = self.tr(
            "{0} 个供电所　本月登记 {1} 条　未办结 {2} 条　已超期 {3} 条　待所长处理 {4} 条"
        ).format(
            len(stations), totals["entries"], totals["open"], totals["overdue"], totals["escalated"]
        )
        if data["sync_late"]:
            late = self.tr("{0} 个所逾期未同步（超过 {1} 天没有同步文件），请电话催报").format(
                data["sync_late"], data["sync_interval_days"]
            )
            text += f'　<b style="color:#a00000">{late}</b>'
        if not stations:
            text = self.tr("还没有导入任何供电所的同步文件：请在“同步”页导入供电所带来的文件。")
        self.summary.setText(text)
        self.excel_button.setVisible(data["may_export"])
        may_set = data["may_set_interval"]
        for widget in (self.interval_label, self.interval, self.interval_button):
            widget.setVisible(may_set)
        self.interval.setMaximum(data["max_interval_days"])
        self.interval.setValue(data["sync_interval_days"])
        self._selection_changed()

    def _fill_row(self, row: int, station: dict) -> None:
        oldest = station["oldest_overdue"]
        age = station["sync_age_days"]
        if age is None:
            age_text = self.tr("从未导入")
        elif age == 0:
            age_text = self.tr("今天")
        else:
            age_text = self.tr("{0} 天前").format(age)
        if station["sync_late"]:
            age_text += self.tr("（逾期）")
        cells = {
            COL_STATION: (station["name"], station["code"]),  # sorted as the county numbers them
            COL_ENTRIES: (str(station["entries"]), station["entries"]),
            COL_OPEN: (str(station["open"]), station["open"]),
            COL_OVERDUE: (str(station["overdue"]), station["overdue"]),
            COL_OLDEST: (
                self.tr("超 {0} 天").format(oldest["days_over"]) if oldest else "—",
                oldest["days_over"] if oldest else None,
            ),
            COL_ESCALATED: (str(station["escalated"]), station["escalated"]),
            COL_REPLY: (pct(station["reply_rate"]), station["reply_rate"]),
            COL_FOLLOW_UP: (pct(station["follow_up_rate"]), station["follow_up_rate"]),
            COL_SATISFACTION: (pct(station["satisfaction_rate"]), station["satisfaction_rate"]),
            COL_LAST_FILE: (station["last_file"] or "—", station["last_file"] or None),
            # Never imported sorts as the oldest.
            COL_SYNC_AGE: (age_text, 10**6 if age is None else age),
            COL_PHONE: (station["phone"] or "—", station["phone"] or None),
        }
        for column, (text, key) in cells.items():
            item = _Item(text)
            item.setData(SortRole, key)
            item.setData(CodeRole, station["code"])
            if column != COL_STATION and column not in (COL_LAST_FILE, COL_PHONE):
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            late = (column == COL_SYNC_AGE and station["sync_late"]) or (
                column == COL_OVERDUE and station["overdue"]
            )
            if late:
                item.setBackground(QBrush(LATE[0]))
                item.setForeground(QBrush(LATE[1]))
            if column == COL_STATION:
                item.setToolTip(f"{station['name']}（{station['code']}）")
            elif column == COL_OLDEST and oldest:
                item.setToolTip(
                    self.tr("{0}：{1}时限 {2}").format(
                        oldest["serial"], oldest["what"], f"{oldest['deadline']:%Y-%m-%d %H:%M}"
                    )
                )
            elif column == COL_LAST_FILE and station["last_import_at"]:
                item.setToolTip(
                    self.tr("{0}，{1} 导入").format(
                        station["last_file"], f"{station['last_import_at']:%Y-%m-%d %H:%M}"
                    )
                )
            elif column == COL_SYNC_AGE and station["sync_late"]:
                item.setToolTip(
                    self.tr("超过 {0} 天没有同步文件：请打电话请供电所带U盘来同步。").format(
                        self.data["sync_interval_days"] if self.data else ""
                    )
                )
            self.table.setItem(row, column, item)

    # --- acting on it -------------------------------------------------------------------------

    def selected_codes(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.table.item(row, COL_STATION).data(CodeRole) for row in rows]

    def _selection_changed(self) -> None:
        chosen = bool(self.selected_codes())
        self.overdue_button.setEnabled(chosen)
        self.overdue_button.setToolTip(
            "" if chosen else self.tr("先在表中选中一个或几个供电所（按住 Ctrl 多选）")
        )

    def _open_station(self, item: QTableWidgetItem) -> None:
        self.sig_open_station.emit(item.data(CodeRole), item.column() in OVERDUE_COLUMNS)

    def _preview(self, button: QPushButton, operation, *args, title: str, filename: str):
        button.setEnabled(False)
        set_error(self.error, "")

        def shown(data: bytes) -> None:
            from .pdf_preview import PdfPreview

            button.setEnabled(True)
            self.preview = PdfPreview(data, title, filename, self)
            self.preview.show()

        def failed(err: BaseException) -> None:
            button.setEnabled(True)
            set_error(self.error, error_text(err))

        tasks.run_task(operation, *args, owner=self, on_success=shown, on_error=failed)

    def print_overview(self) -> None:
        month = self.month.currentData()
        self._preview(
            self.print_button,
            county_ops.overview_pdf,
            month,
            title=self.tr("各供电所总览 {0}").format(month),
            filename=self.tr("各供电所总览-{0}.pdf").format(month),
        )

    def print_overdue(self, selected: bool) -> None:
        codes = self.selected_codes() if selected else None
        button = self.overdue_button if selected else self.all_overdue_button
        today = date.today().isoformat()
        self._preview(
            button,
            county_ops.overdue_pdf,
            codes,
            title=self.tr("超期事项清单 {0}").format(today),
            filename=self.tr("超期事项清单-{0}.pdf").format(today),
        )

    def export_excel(self) -> None:
        month = self.month.currentData()
        path = save_file_name(
            self,
            self.session.prefs,
            self.tr("导出总览"),
            self.tr("各供电所总览-{0}.xlsx").format(month),
            self.tr("Excel 工作簿 (*.xlsx)"),
        )
        if not path:
            return
        self.excel_button.setEnabled(False)

        def done(written: str) -> None:
            self.excel_button.setEnabled(True)
            self.result.setText(self.tr("总览已导出到 {0}").format(written))
            self.result.setVisible(True)

        def failed(err: BaseException) -> None:
            self.excel_button.setEnabled(True)
            set_error(self.error, error_text(err))

        tasks.run_task(
            county_ops.export_overview,
            self.session.actor,
            month,
            path,
            owner=self,
            on_success=done,
            on_error=failed,
        )

    def save_interval(self) -> None:
        self.interval_button.setEnabled(False)

        def saved(_days: int) -> None:
            self.interval_button.setEnabled(True)
            self.load()

        def failed(err: BaseException) -> None:
            self.interval_button.setEnabled(True)
            set_error(self.error, error_text(err))

        tasks.run_task(
            county_ops.set_sync_interval,
            self.session.actor,
            self.interval.value(),
            owner=self,
            on_success=saved,
            on_error=failed,
        )
