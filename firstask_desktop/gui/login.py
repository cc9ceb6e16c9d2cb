"""Login: pick your name from the station's staff, type your password."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from . import operations, tasks
from .labels import label
from .messages import password_error_text
from .widgets import Retranslating, set_error

NameRole = Qt.ItemDataRole.UserRole + 1


class LoginPanel(Retranslating, QWidget):
    """The staff list and the password box; emits ``sig_authenticated(staff)`` when right."""

    sig_authenticated = Signal(object)

    def __init__(self, parent=None, preselect: str = ""):
        super().__init__(parent)
        self._preselect = preselect
        self.prompt = QLabel()
        self.staff_list = QListWidget()
        self.staff_list.setMinimumHeight(110)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.login_button = QPushButton()
        self.login_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.staff_list, 1)
        self.password_label = QLabel()
        layout.addWidget(self.password_label)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(self.login_button)
        self.password_label.setBuddy(self.password)
        set_error(self.error, "")
        self.login_button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.staff_list.itemActivated.connect(lambda _item: self.password.setFocus())
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.prompt.setText(self.tr("请选择您的姓名："))
        self.password_label.setText(self.tr("密码(&P)："))
        self.login_button.setText(self.tr("登录"))

    def reload(self) -> None:
        tasks.run_task(
            operations.staff_for_login,
            on_success=self._show_staff,
            on_error=self._show_error,
            owner=self,
        )

    def _show_staff(self, staff: list[dict]) -> None:
        self.staff_list.clear()
        for member in staff:
            item = QListWidgetItem(f"{member['name']}（{label(member['role_label'])}）")
            item.setData(NameRole, member["name"])
            self.staff_list.addItem(item)
            if member["name"] == self._preselect:
                self.staff_list.setCurrentItem(item)
        if self.staff_list.currentItem() is None:
            # Nobody known on this PC: choosing no one (the first row is the administrator)
            # keeps a clerk who types at once from failing someone else's password into a
            # lock-out; the list has the keys, and a password alone asks for the name first.
            self.staff_list.setCurrentRow(-1)
            self.staff_list.setFocus()
        else:
            self.password.setFocus()

    def select(self, name: str) -> None:
        """Choose ``name`` now, and again when the list is read anew."""
        self._preselect = name
        self.staff_list.setCurrentRow(-1)
        for row in range(self.staff_list.count()):
            if self.staff_list.item(row).data(NameRole) == name:
                self.staff_list.setCurrentRow(row)

    def selected_name(self) -> str:
        item = self.staff_list.currentItem()
        return item.data(NameRole) if item is not None else ""

    def submit(self) -> None:
        name = self.selected_name()
        if not name:
            set_error(self.error, self.tr("请先在列表中选择您的姓名。"))
            return
        self.login_button.setEnabled(False)
        set_error(self.error, "")
        tasks.run_task(
            operations.authenticate,
            name,
            self.password.text(),
            on_success=self._done,
            on_error=self._show_error,
            owner=self,
        )

    def _done(self, staff) -> None:
        self.login_button.setEnabled(True)
        self.password.clear()
        self.sig_authenticated.emit(staff)

    def _show_error(self, error: BaseException) -> None:
        self.login_button.setEnabled(True)
        self.password.selectAll()
        self.password.setFocus()
        set_error(self.error, password_error_text(error))


class LoginDialog(QDialog):
    def __init__(self, station_name: str, preselect: str = "", parent=None):
        super().__init__(parent)
        self.staff = None
        self.setWindowTitle(self.tr("登录 — {0} 首问登记").format(station_name))
        self.heading = QLabel(f"<h2>{station_name}</h2>")
        self.panel = LoginPanel(self, preselect)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)
        self.panel.sig_authenticated.connect(self._accept_staff)
        self.resize(420, 460)

    def _accept_staff(self, staff) -> None:
        self.staff = staff
        self.accept()
