"""转办: to a department (optionally a colleague there), a note, and the transfer's own deadline.

Nothing is chosen for the user: the department must be picked and the note say what is to be
done (交待), both marked at once when missing. A transfer to one's own department asks first:
the policy has a matter of one's own department answered on the spot or reported to its head
(seed 2.2), and a transfer there is usually a slip of the list."""

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
from .messages import confirm
from .operations import entry_ops
from .widgets import grow_to_fit, mark_field, set_error


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
        self.own_department = ""
        tasks.run_task(operations.departments, on_success=self._set_departments, owner=self)
        tasks.run_task(operations.staff_names, on_success=self._set_staff, owner=self)
        tasks.run_task(
            entry_ops.own_department, session.actor, on_success=self._set_own, owner=self
        )
        self.department.setFocus()

    def _set_own(self, name: str) -> None:
        self.own_department = name

    def _hint(self, promised: str | None):
        from PySide6.QtWidgets import QLabel

        text = self.tr("不另定时，转办时限就是对客户承诺的时限{0}。您仍是首问责任人，要督办到底。")
        hint = QLabel(text.format(f"（{promised.replace('T', ' ')}）" if promised else ""))
        hint.setWordWrap(True)  # one line was wider than the dialog (English, 大), and cut
        return hint

    def _set_departments(self, departments: list[dict]) -> None:
        self.department.clear()
        self.department.addItem(self.tr("（请选择部门）"), "")
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

    def missing(self) -> dict[str, str]:
        """The fields the user still has to fill in, each with what to do."""
        found = {}
        if not self.department.currentData():
            found["department"] = self.tr("请选择转给哪个部门")
        if not self.note.toPlainText().strip():
            found["note"] = self.tr("请写明要对方办什么，如：请今天下班前到现场处理")
        return found

    def submit(self) -> None:
        missing = self.missing()
        for field, error in self.errors.items():
            set_error(error, missing.get(field, ""))
            mark_field(self.field_widgets[field], field in missing)
        if missing:
            grow_to_fit(self)
            self.field_widgets[next(iter(missing))].setFocus()
            return
        department = self.department.currentData()
        if department == self.own_department and not confirm(
            self,
            self.tr("转办"),
            self.tr(
                "{0}是您自己的部门。本部门职责内的事应当场答复；不能及时答复的，请“标记未办结并上报”"
                "由所长处理。确定仍要转给{0}吗？"
            ).format(department),
        ):
            return
        super().submit()
