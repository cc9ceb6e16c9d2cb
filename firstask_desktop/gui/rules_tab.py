"""设置 › 时限: the deadline rules."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from firstask_desktop.domain.deadlines import UNIT_LABELS

from . import operations, tasks
from .labels import label
from .messages import error_text
from .widgets import fill_rows, row_table, set_error


class RulesTab(QWidget):
    """The deadline rule table: who promises what, by when; an administrator edits a row."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.rules: list[dict] = []
        self.table = row_table(5)
        self.table.itemSelectionChanged.connect(self._selected)
        self.amount = QSpinBox()
        self.amount.setRange(0, 100000)
        self.unit = QComboBox()
        for code, text in UNIT_LABELS.items():
            self.unit.addItem(label(text), code)
        self.basis = QLineEdit()
        self.save_button = QPushButton()
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = QLabel()
        set_error(self.error, "")
        row = QHBoxLayout()
        self.amount_label = QLabel()
        row.addWidget(self.amount_label)
        row.addWidget(self.amount)
        row.addWidget(self.unit)
        row.addWidget(self.basis, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("类别"),
                self.tr("计时节点"),
                self.tr("区域"),
                self.tr("时限"),
                self.tr("依据"),
            ]
        )
        self.amount_label.setText(self.tr("选中规则的时限："))
        self.basis.setPlaceholderText(self.tr("依据（文件、条款）"))
        self.save_button.setText(self.tr("保存修改"))
        self.note.setText(
            self.tr("只有管理员可以修改。修改只影响以后的登记；已登记的事项保持当时承诺的时限。")
        )

    def load(self) -> None:
        tasks.run_task(operations.rule_table, owner=self, on_success=self._show)

    def _show(self, rules: list[dict]) -> None:
        self.rules = rules
        fill_rows(
            self.table,
            [
                [
                    label(r["category_label"]),
                    label(r["clock_label"]),
                    label(r["area_label"]),
                    f"{r['amount']} {label(r['unit_label'])}",
                    r["basis"],
                ]
                for r in rules
            ],
        )
        self.save_button.setEnabled(False)

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rules[rows[0].row()] if rows else None

    def _selected(self) -> None:
        rule = self.selected()
        self.save_button.setEnabled(rule is not None)
        if rule is not None:
            self.amount.setValue(rule["amount"])
            self.unit.setCurrentIndex(self.unit.findData(rule["unit"]))
            self.basis.setText(rule["basis"])

    def save(self) -> None:
        rule = self.selected()
        if rule is None:
            return
        set_error(self.error, "")
        tasks.run_task(
            operations.update_rule,
            self.session.actor,
            rule["id"],
            unit=self.unit.currentData(),
            amount=self.amount.value(),
            basis=self.basis.text(),
            owner=self,
            on_success=lambda _r: self.load(),
            on_error=lambda e: set_error(self.error, error_text(e)),
        )
