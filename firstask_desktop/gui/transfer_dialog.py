"""转办: to a department (optionally a colleague there), a note, and the transfer's own deadline."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QPlainTextEdit,
    QWidget,
)

from . import operations, tasks
from .action_dialog import ActionDialog
from .entry_form import from_qt, to_qt


class TransferDialog(ActionDialog):
    def __init__(self, session, details: dict, parent=None):
        super().__init__(session, details, "transfer", parent)
        self.department = QComboBox()
        self.to_staff = QComboBox()
        self.to_staff.addItem(self.tr("（不指定人员）"), "")
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.note.setPlaceholderText(self.tr("交代要办的事和时限，如：请今天下班前到现场处理"))
        self.own_due = QCheckBox(self.tr("另定转办时限"))
        self.due_at = QDateTimeEdit()
        self.due_at.setCalendarPopup(True)
        self.due_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        promised = details.get("due_at")
        default_due = (
            datetime.fromisoformat(promised) if promised else datetime.now() + timedelta(days=1)
        )
        self.due_at.setDateTime(to_qt(default_due.replace(second=0, microsecond=0)))
        self.due_at.setEnabled(False)
        self.own_due.toggled.connect(self.due_at.setEnabled)
        due_row = QWidget()
        row = QHBoxLayout(due_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.own_due)
        row.addWidget(self.due_at, 1)
        self.add_field("department", self.tr("转给部门(&D)"), self.department)
        self.add_field("to_staff", self.tr("部门人员(&P)"), self.to_staff)
        self.add_field("note", self.tr("转办说明(&N)"), self.note)
        self.add_field("due_at", self.tr("转办时限(&T)"), due_row)
        self.field_widgets["due_at"] = self.due_at
        self.form.addRow("", self._hint(promised))
        tasks.run_task(operations.departments, on_success=self._set_departments, owner=self)
        tasks.run_task(operations.staff_names, on_success=self._set_staff, owner=self)
        self.department.setFocus()

    def _hint(self, promised: str | None):
        from PySide6.QtWidgets import QLabel

        text = self.tr("不另定时，转办时限就是对客户承诺的时限{0}。您仍是首问责任人，要督办到底。")
        return QLabel(text.format(f"（{promised.replace('T', ' ')}）" if promised else ""))

    def _set_departments(self, departments: list[dict]) -> None:
        self.department.clear()
        for dep in departments:
            shown = f"{dep['name']}　{dep['phone']}" if dep["phone"] else dep["name"]
            self.department.addItem(shown, dep["name"])

    def _set_staff(self, names: list[str]) -> None:
        for name in names:
            self.to_staff.addItem(name, name)

    def values(self) -> dict:
        return {
            "department": self.department.currentData() or "",
            "to_staff": self.to_staff.currentData() or "",
            "note": self.note.toPlainText(),
            "due_at": from_qt(self.due_at.dateTime()) if self.own_due.isChecked() else None,
        }
