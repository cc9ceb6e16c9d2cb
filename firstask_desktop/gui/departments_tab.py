"""设置 › 部门: the station's departments, their phones and places."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from . import operations, tasks
from .messages import error_text
from .widgets import fill_rows, row_table, set_error


class DepartmentsTab(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.table = row_table(3)
        self.name, self.phone, self.place = QLineEdit(), QLineEdit(), QLineEdit()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add)
        self.error = QLabel()
        set_error(self.error, "")
        row = QHBoxLayout()
        for widget in (self.name, self.phone, self.place, self.add_button):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("部门"), self.tr("电话"), self.tr("办公地点")]
        )
        self.name.setPlaceholderText(self.tr("新部门名称"))
        self.phone.setPlaceholderText(self.tr("电话"))
        self.place.setPlaceholderText(self.tr("办公地点"))
        self.add_button.setText(self.tr("添加部门"))

    def load(self) -> None:
        tasks.run_task(
            operations.departments,
            owner=self,
            on_success=lambda deps: fill_rows(
                self.table, [[d["name"], d["phone"], d["place"]] for d in deps]
            ),
        )

    def add(self) -> None:
        set_error(self.error, "")
        tasks.run_task(
            operations.add_department,
            self.session.actor,
            name=self.name.text(),
            phone=self.phone.text(),
            place=self.place.text(),
            owner=self,
            on_success=self._added,
            on_error=lambda e: set_error(self.error, error_text(e)),
        )

    def _added(self, _result) -> None:
        for field in (self.name, self.phone, self.place):
            field.clear()
        self.load()
