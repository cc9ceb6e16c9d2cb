"""设置 › 人员: staff, their roles, reset passwords, deactivate."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from firstask_desktop.domain.vocab import ROLES

from . import operations, tasks
from .labels import label
from .messages import confirm, error_text
from .widgets import fill_rows, row_table, set_error


class StaffTab(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.table = row_table(4)
        self.name = QLineEdit()
        self.role = QComboBox()
        for code, text in ROLES.items():
            self.role.addItem(label(text), code)
        self.department = QComboBox()
        self.phone = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add)
        self.error = QLabel()
        set_error(self.error, "")
        self.done_label = QLabel()
        self.staff: list[dict] = []
        # An administrator's help for who forgot a password, and for leavers.
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_password)
        self.deactivate_button = QPushButton()
        self.deactivate_button.clicked.connect(self.deactivate)
        self.table.itemSelectionChanged.connect(self._selected)
        chosen = QHBoxLayout()
        chosen.addWidget(self.reset_button)
        chosen.addWidget(self.deactivate_button)
        chosen.addWidget(self.done_label, 1)
        row = QHBoxLayout()
        for widget in (
            self.name,
            self.role,
            self.department,
            self.phone,
            self.password,
            self.add_button,
        ):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(chosen)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.retranslate()
        self._selected()
        self.load()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("角色"), self.tr("部门"), self.tr("电话")]
        )
        self.name.setPlaceholderText(self.tr("姓名"))
        self.phone.setPlaceholderText(self.tr("电话"))
        self.password.setPlaceholderText(self.tr("初始密码（至少6位）"))
        self.add_button.setText(self.tr("添加人员"))
        self.reset_button.setText(self.tr("重置选中人员的密码…"))
        self.deactivate_button.setText(self.tr("停用选中人员…"))
        self.deactivate_button.setToolTip(
            self.tr("离职或调走的人员：不能再登录，以前的登记和记录全部保留")
        )

    def load(self) -> None:
        tasks.run_task(operations.staff_table, owner=self, on_success=self._show)
        tasks.run_task(operations.departments, owner=self, on_success=self._set_departments)

    def _set_departments(self, deps: list[dict]) -> None:
        self.department.clear()
        self.department.addItem(self.tr("（无部门）"), "")
        for dep in deps:
            self.department.addItem(dep["name"], dep["name"])

    def add(self) -> None:
        set_error(self.error, "")
        tasks.run_task(
            operations.add_staff,
            self.session.actor,
            name=self.name.text(),
            role=self.role.currentData(),
            password=self.password.text(),
            department=self.department.currentData() or "",
            phone=self.phone.text(),
            owner=self,
            on_success=self._added,
            on_error=lambda e: set_error(self.error, error_text(e)),
        )

    def _added(self, _result) -> None:
        for field in (self.name, self.phone, self.password):
            field.clear()
        self.load()

    def _show(self, staff: list[dict]) -> None:
        self.staff = staff
        fill_rows(
            self.table,
            [[s["name"], label(s["role_label"]), s["department"], s["phone"]] for s in staff],
        )
        self._selected()

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.staff[rows[0].row()] if rows and rows[0].row() < len(self.staff) else None

    def _selected(self) -> None:
        chosen = self.selected() is not None
        self.reset_button.setEnabled(chosen)
        self.deactivate_button.setEnabled(chosen)

    def reset_password(self) -> None:
        person = self.selected()
        if person is None:
            return
        from .reset_password_dialog import ResetPasswordDialog

        self.dialog = ResetPasswordDialog(self.session, person["name"], self)
        self.dialog.accepted.connect(
            lambda name=person["name"]: self.done_label.setText(
                self.tr("已为 {0} 设置新密码，请当面告诉本人，并请本人登录后自己修改。").format(
                    name
                )
            )
        )
        self.dialog.open()

    def deactivate(self) -> None:
        person = self.selected()
        if person is None:
            return
        question = self.tr(
            "停用 {0}（{1}）？\n停用后不能再登录；以前的登记、办理记录和考核记录全部保留。"
        ).format(person["name"], label(person["role_label"]))
        if not confirm(self, self.tr("停用人员"), question):
            return
        set_error(self.error, "")
        tasks.run_task(
            operations.deactivate_staff,
            self.session.actor,
            person["name"],
            owner=self,
            on_success=lambda _r, name=person["name"]: self._deactivated(name),
            on_error=lambda e: set_error(self.error, error_text(e)),
        )

    def _deactivated(self, name: str) -> None:
        self.done_label.setText(self.tr("已停用 {0}。").format(name))
        self.load()
