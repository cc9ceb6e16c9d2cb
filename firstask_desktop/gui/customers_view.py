"""客户: find a customer by name, phone or 户号 and see their matters; set a customer's tier
(金/银/铜牌) and customer manager, who then becomes their first responder."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..services.queries import EntryFilter
from . import operations, tasks
from .entry_table import EntryTable
from .labels import label
from .messages import error_text
from .style import styled
from .widgets import Retranslating, set_error

UuidRole = Qt.ItemDataRole.UserRole + 1


class CustomersPage(Retranslating, QWidget):
    sig_open_entry = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.customers: list[dict] = []
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.tier_button = QPushButton()
        self.tier_button.setEnabled(False)
        self.tier_button.clicked.connect(self.edit_tier)
        self.heading = QLabel()
        styled(self.heading, "pageHeading")
        self.error = QLabel()
        set_error(self.error, "")
        self.table = QTableWidget(0, 6)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.history_label = QLabel()
        self.entries = EntryTable(session, self)
        self.entries.sig_open_entry.connect(self.sig_open_entry)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.search, 1)
        top.addWidget(self.tier_button)
        lower = QWidget()
        lower_box = QVBoxLayout(lower)
        lower_box.setContentsMargins(0, 0, 0, 0)
        lower_box.addWidget(self.history_label)
        lower_box.addWidget(self.entries, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([260, 340])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        self._timer = QTimer(self, singleShot=True, interval=350)
        self._timer.timeout.connect(self.find)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.retranslate()
        self.find()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("查找客户："))
        self.search.setPlaceholderText(self.tr("姓名、单位、电话或户号"))
        self.tier_button.setText(self.tr("设定客户等级和客户经理…"))
        self.history_label.setText(self.tr("选中客户的登记记录："))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("姓名"),
                self.tr("单位"),
                self.tr("电话"),
                self.tr("地址"),
                self.tr("户号"),
                self.tr("等级 / 客户经理"),
            ]
        )

    def find(self) -> None:
        set_error(self.error, "")
        tasks.run_task(
            operations.search_customers,
            self.search.text(),
            self.session.actor,
            owner=self,
            on_success=self._show,
            on_error=lambda e: set_error(self.error, error_text(e)),
        )

    def refresh(self) -> None:
        self.find()

    def _show(self, customers: list[dict]) -> None:
        self.customers = customers
        self.table.setRowCount(len(customers))
        for row, c in enumerate(customers):
            tier = label(c["tier_label"]) + (f" / {c['manager']}" if c["manager"] else "")
            for column, value in enumerate(
                [
                    c["name"],
                    c["unit"],
                    c["phone"],
                    c["address"],
                    c["account_no"],
                    tier if c["tier"] != "none" else "",
                ]
            ):
                item = QTableWidgetItem(value)
                item.setData(UuidRole, c["uuid"])
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.tier_button.setEnabled(False)

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.customers[rows[0].row()] if rows else None

    def _selected(self) -> None:
        customer = self.selected()
        self.tier_button.setEnabled(customer is not None)
        if customer is None:
            return
        self.entries.set_filter(EntryFilter(customer=customer["uuid"]))

    def edit_tier(self) -> None:
        customer = self.selected()
        if customer is None:
            return
        from .tier_dialog import TierDialog

        self.tier_dialog = TierDialog(self.session, customer, self)
        self.tier_dialog.accepted.connect(self.find)
        self.tier_dialog.open()
