"""A register table: the paged model in a view, opening an entry on double-click or Enter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..services.queries import COUNT_CAP, EntryFilter
from .messages import error_text
from .register_model import (
    COL_CATEGORY,
    COL_CHANNEL,
    COL_DUE,
    COL_DUE_STATE,
    COL_MATTER,
    COL_PHONE,
    COL_RECEIVED,
    COL_RESPONDER,
    COL_SERIAL,
    COL_STATION,
    COL_STATUS,
    COL_VISITOR,
    COLUMN_COUNT,
    SORT_KEYS,
    RegisterModel,
)
from .widgets import set_error

# Each column as wide as a typical value (the matter column takes the rest).
COLUMN_SAMPLES = {
    COL_SERIAL: "GS0101-2026-00000",
    COL_RECEIVED: "2026-11-29 14:54",
    COL_CHANNEL: "95598转办",
    COL_CATEGORY: "业务办理",
    COL_VISITOR: "阿依古丽",
    COL_PHONE: "0931-5221234",
    COL_RESPONDER: "王建国",
    COL_STATUS: "未办结已上报",
    COL_DUE: "回访 2026-11-29 23:59",
    COL_DUE_STATE: "今日到期",
    COL_STATION: "甘草店所",
}
MATTER_MIN_SAMPLE = "家中电压"  # as wide as the narrowest column, 类别
# What the matter column must show before anything else: eight characters of 事由 (all the
# columns still fit beside them at 1366×768 with text size 中).
MATTER_READABLE = "客户反映家中电压"
# Columns given up, first to last, when the window is too narrow for 事由 and 时限情况 (large
# text, 150 % scaling): each is also in the entry's own window.
SECONDARY_COLUMNS = (COL_CHANNEL, COL_RESPONDER, COL_PHONE, COL_DUE, COL_RECEIVED, COL_SERIAL)


class EntryTable(QWidget):
    sig_open_entry = Signal(str)

    def __init__(self, session=None, parent=None, flt: EntryFilter | None = None):
        super().__init__(parent)
        self.model = RegisterModel(self)
        self.model.session = session
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        # The indicator first: enabling sorting sorts by it, which is already the model's order
        # (the other way round the model would load its first page twice more, for nothing).
        self.view.horizontalHeader().setSortIndicator(COL_RECEIVED, Qt.SortOrder.DescendingOrder)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSectionResizeMode(
            COL_MATTER, QHeaderView.ResizeMode.Stretch
        )
        self.view.activated.connect(self._activated)
        self.view.setColumnHidden(COL_STATION, True)  # shown at the county only
        self.footer = QLabel()
        self.error = QLabel()
        set_error(self.error, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.footer)
        self.model.sig_total.connect(self._update_footer)
        self.model.sig_loading.connect(self._update_footer)
        self.model.rowsInserted.connect(self._update_footer)
        self.model.sig_failed.connect(lambda err: set_error(self.error, error_text(err)))
        self._widths: dict[int, int] = {}
        self.view.viewport().installEventFilter(self)
        self._size_columns()
        if flt is not None:
            self.model.set_filter(flt)

    def _size_columns(self) -> None:
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader()
        header_metrics = header.fontMetrics()
        # The matter column takes the room left: on a small screen with large text it keeps
        # a few characters rather than shrink to one (the table scrolls sideways instead).
        header.setMinimumSectionSize(metrics.horizontalAdvance(MATTER_MIN_SAMPLE) + 16)
        for column, sample in COLUMN_SAMPLES.items():
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            # The header also holds the sort arrow.
            width = max(
                metrics.horizontalAdvance(sample) + 16, header_metrics.horizontalAdvance(title) + 28
            )
            self.view.setColumnWidth(column, width)
            self._widths[column] = width
        self.view.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Hide secondary columns, least useful first, until 事由 has room to be read."""
        room = self.view.viewport().width()
        if room <= 0 or not self._widths:
            return
        matter = self.view.fontMetrics().horizontalAdvance(MATTER_READABLE) + 16
        # Columns hidden for another reason (the station's, at a station) take no room.
        hidden = {
            c for c in self._widths if c not in SECONDARY_COLUMNS and self.view.isColumnHidden(c)
        }
        for column in SECONDARY_COLUMNS:
            used = sum(w for c, w in self._widths.items() if c not in hidden)
            if used + matter <= room:
                break
            hidden.add(column)
        for column in SECONDARY_COLUMNS:
            if self.view.isColumnHidden(column) != (column in hidden):
                self.view.setColumnHidden(column, column in hidden)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._fit_columns()
        return False

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._size_columns()
        if event.type() == QEvent.Type.LanguageChange:
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
            self.model.layoutChanged.emit()  # labels in the cells are translated when shown
            self._update_footer()
        super().changeEvent(event)

    def show_station_column(self, names: dict[str, str]) -> None:
        """The county's register: a station column (by name), beside the serial."""
        self.model.station_names = names
        if self.view.isColumnHidden(COL_STATION):
            self.view.setColumnHidden(COL_STATION, False)
            header = self.view.horizontalHeader()
            header.moveSection(header.visualIndex(COL_STATION), 1)
        self.model.layoutChanged.emit()

    def set_filter(self, flt: EntryFilter, order: tuple[int, Qt.SortOrder] | None = None) -> None:
        """Show ``flt``'s entries, sorted by ``order`` (column, direction) when given."""
        set_error(self.error, "")
        if order is not None:
            column, direction = order
            header = self.view.horizontalHeader()
            # The indicator without its signal: one read of the first page, not two.
            header.blockSignals(True)
            header.setSortIndicator(column, direction)
            header.blockSignals(False)
            self.model.sort_key = SORT_KEYS[column]
            self.model.descending = direction == Qt.SortOrder.DescendingOrder
        self.model.set_filter(flt)

    def reload(self) -> None:
        set_error(self.error, "")
        self.model.reload()

    def _update_footer(self, *_args) -> None:
        total = self.model.total
        if total is None:
            self.footer.setText(self.tr("正在读取……"))
        elif total == 0:
            self.footer.setText(self.tr("没有符合条件的登记。"))
        elif total > COUNT_CAP:  # counted no further (queries.COUNT_CAP)
            self.footer.setText(
                self.tr(
                    "超过 {0} 条，已显示 {1} 条（向下滚动显示更多，或加筛选条件缩小范围）"
                ).format(COUNT_CAP, self.model.rowCount())
            )
        else:
            self.footer.setText(
                self.tr("共 {0} 条，已显示 {1} 条（向下滚动显示更多）").format(
                    total, self.model.rowCount()
                )
                if self.model.rowCount() < total
                else self.tr("共 {0} 条").format(total)
            )

    def _activated(self, index) -> None:
        if index.isValid():
            self.sig_open_entry.emit(self.model.serial_at(index.row()))

    def current_serial(self) -> str:
        index = self.view.currentIndex()
        return self.model.serial_at(index.row()) if index.isValid() else ""
